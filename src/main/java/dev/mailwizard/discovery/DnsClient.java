package dev.mailwizard.discovery;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;

/**
 * DNS look-ups for discovery through dnsjava: against a chosen server ({@code --dns}) or the
 * system's, with a timeout, asking for the AD bit so a validating resolver can vouch for the
 * answer (RFC 6840 §5.7). Every outcome is a value.
 */
public final class DnsClient {
    /** The answer: records of the asked type, and whether the resolver says DNSSEC validated them. */
    public record Answer(List<Record> records, boolean authenticated) {
    }

    /** Why there is no answer. */
    public static final class DnsFailure extends Exception {
        private final boolean notFound;

        DnsFailure(String message, boolean notFound) {
            super(message, null, false, false);
            this.notFound = notFound;
        }

        /** NXDOMAIN or no records of that type: the name server did answer. */
        public boolean notFound() {
            return notFound;
        }
    }

    private final Resolver resolver;

    public DnsClient(InetSocketAddress server, Duration timeout) {
        Resolver r = server == null ? new ExtendedResolver() : new SimpleResolver(server);
        r.setTimeout(timeout);
        if (r instanceof ExtendedResolver e) {
            e.setRetries(1);
        }
        this.resolver = r;
    }

    public Answer query(String name, int type) throws DnsFailure {
        Message query;
        try {
            query = Message.newQuery(Record.newRecord(Name.fromString(name.endsWith(".") ? name : name + "."), type, DClass.IN));
        } catch (TextParseException e) {
            throw new DnsFailure("'" + name + "' is not a DNS name", true);
        }
        query.getHeader().setFlag(Flags.AD);
        Message response;
        try {
            response = resolver.send(query);
        } catch (SocketTimeoutException e) {
            throw new DnsFailure("no answer from DNS (timeout)", false);
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("Timed out")) {
                throw new DnsFailure("no answer from DNS (timeout)", false);
            }
            throw new DnsFailure("DNS unreachable (" + e.getMessage() + "): no network?", false);
        }
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            throw new DnsFailure(name + " does not exist (NXDOMAIN)", true);
        }
        if (rcode != Rcode.NOERROR) {
            throw new DnsFailure("DNS answered " + Rcode.string(rcode) + " for " + name, false);
        }
        List<Record> records = new ArrayList<>();
        for (Record r : response.getSection(Section.ANSWER)) {
            if (r.getType() == type) {
                records.add(r);
            }
        }
        if (records.isEmpty()) {
            throw new DnsFailure("no records for " + name, true);
        }
        return new Answer(records, response.getHeader().getFlag(Flags.AD));
    }
}
