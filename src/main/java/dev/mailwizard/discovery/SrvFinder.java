package dev.mailwizard.discovery;

import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.DeclinedService;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.ServerCandidate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Type;

/**
 * RFC 6186 / RFC 8314 §5.1 SRV records: {@code _submissions._tcp} (implicit TLS) and
 * {@code _submission._tcp} (STARTTLS), and for incoming mail {@code _imaps}, {@code _imap},
 * {@code _pop3s}, {@code _pop3}. A target of "." means the service is not offered. A target
 * outside the address's domain is untrusted unless the resolver vouches for it with DNSSEC.
 */
public final class SrvFinder implements CandidateFinder {
    /** RFC 6186 and RFC 8314 service names, implicit TLS first. */
    private static final java.util.Map<String, Protocol> SERVICES = new java.util.LinkedHashMap<>();

    static {
        SERVICES.put("_submissions._tcp.", Protocol.SMTP);
        SERVICES.put("_submission._tcp.", Protocol.SMTP);
        SERVICES.put("_imaps._tcp.", Protocol.IMAP);
        SERVICES.put("_imap._tcp.", Protocol.IMAP);
        SERVICES.put("_pop3s._tcp.", Protocol.POP3);
        SERVICES.put("_pop3._tcp.", Protocol.POP3);
    }

    private final DnsClient dns;

    public SrvFinder(DnsClient dns) {
        this.dns = dns;
    }

    @Override
    public CandidateSource source() {
        return CandidateSource.SRV;
    }

    @Override
    public SourceResult find(EmailAddress address) {
        Findings f = new Findings();
        List<String> services = List.copyOf(SERVICES.keySet());
        List<CompletableFuture<Object>> answers = services.stream().map(s -> lookUp(s + address.domain())).toList();
        for (int i = 0; i < services.size(); i++) {
            String service = services.get(i);
            Object outcome = answers.get(i).join();
            if (outcome instanceof DnsClient.DnsFailure e) {
                if (!e.notFound()) {
                    f.failure = e.getMessage();
                }
                continue;
            }
            read(service, (DnsClient.Answer) outcome, address, f);
        }
        if (!f.found.isEmpty()) {
            return new SourceResult.Found(CandidateSource.SRV, f.found, f.notes, f.declined);
        }
        if (f.failure != null && f.declined.isEmpty()) {
            return new SourceResult.Failed(CandidateSource.SRV, f.failure);
        }
        return new SourceResult.NotFound(CandidateSource.SRV, f.notes.isEmpty() ? "no SRV records for " + address.domain()
                : String.join("; ", f.notes), f.declined);
    }

    /** What the six answers add up to, collected as they are read. */
    private static final class Findings {
        final List<ServerCandidate> found = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final List<DeclinedService> declined = new ArrayList<>();
        String failure;
    }

    /** Asks one name on its own thread: all names are asked at once, so a slow DNS costs one timeout, not six. */
    private CompletableFuture<Object> lookUp(String name) {
        CompletableFuture<Object> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(dns.query(name, Type.SRV));
            } catch (DnsClient.DnsFailure e) {
                f.complete(e);
            }
        }, "srv-lookup");
        t.setDaemon(true);
        t.start();
        return f;
    }

    /** One service's records, best first: a candidate per target, or "not offered" for ".". */
    private static void read(String service, DnsClient.Answer answer, EmailAddress address, Findings f) {
        Protocol protocol = SERVICES.get(service);
        Security security = service.startsWith("_submissions") || service.startsWith("_imaps") || service.startsWith("_pop3s")
                ? Security.TLS : Security.STARTTLS;
        String name = service + address.domain();
        List<SRVRecord> records = new ArrayList<>();
        answer.records().forEach(r -> records.add((SRVRecord) r));
        records.sort(Comparator.comparingInt(SRVRecord::getPriority).thenComparing(Comparator.comparingInt(SRVRecord::getWeight).reversed()));
        for (SRVRecord srv : records) {
            String target = srv.getTarget().toString(true);
            if (target.isEmpty() || target.equals(".")) {
                f.notes.add(name + " says the service is not offered (target \".\")");
                f.declined.add(new DeclinedService(protocol, security, name));
                continue;
            }
            boolean inDomain = DomainNames.within(target, address.domain());
            boolean trusted = inDomain || answer.authenticated();
            String detail = name + " -> " + target + ":" + srv.getPort() + " (priority " + srv.getPriority() + ", weight " + srv.getWeight() + ")"
                    + (trusted ? (inDomain ? "" : ", DNSSEC-validated") : ", outside " + address.domain() + " and not DNSSEC-validated: confirm before sending a password");
            try {
                f.found.add(new ServerCandidate(protocol, target, srv.getPort(), security, CandidateSource.SRV, trusted, detail));
            } catch (IllegalArgumentException e) {
                f.notes.add(name + " has an invalid target: " + e.getMessage());
            }
        }
    }
}
