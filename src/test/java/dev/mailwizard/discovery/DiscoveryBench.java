package dev.mailwizard.discovery;

import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.HostMapping;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.SRVRecord;

/**
 * Discovery wall time in three worlds, all on loopback: every source answers; nothing answers
 * (closed ports, as with no network); the top source (DNS) stalls. Ratios are against the
 * configured timeouts (DNS 3 s, HTTP 5 s). Run with {@code ./mvnw test -Pbench}; it prints.
 */
@Tag("bench")
class DiscoveryBench {
    private static final EmailAddress ALICE = EmailAddress.parse("alice@example.test");

    @Test
    void discoveryWallTime() throws Exception {
        try (DnsResponder dns = new DnsResponder();
             ConfigServer https = new ConfigServer("autoconfig.example.test", "example.test", "ispdb.test")) {
            dns.add(new SRVRecord(Name.fromString("_submissions._tcp.example.test."), DClass.IN, 60, 0, 0, 465, Name.fromString("mail.example.test.")))
                    .add(new MXRecord(Name.fromString("example.test."), DClass.IN, 60, 10, Name.fromString("mx.example.test.")));
            https.route("autoconfig.example.test/mail/config-v1.1.xml", ConfigServer.Reply.ok(DiscoverySourcesTest.CONFIG))
                    .route("ispdb.test/v1.1/example.test", ConfigServer.Reply.ok(DiscoverySourcesTest.CONFIG));
            InetAddress lo = InetAddress.getLoopbackAddress();
            List<HostMapping> maps = List.of(new HostMapping("autoconfig.example.test", lo), new HostMapping("example.test", lo),
                    new HostMapping("ispdb.test", lo));
            DiscoveryConfig all = new DiscoveryConfig(dns.address(), URI.create("https://ispdb.test:" + https.port() + "/v1.1/"), maps,
                    List.of(https.pki.caCertificate()), Duration.ofSeconds(3), Duration.ofSeconds(5), https.port(), 1);
            DiscoveryConfig none = new DiscoveryConfig(new java.net.InetSocketAddress(lo, 1), URI.create("https://ispdb.test:1/v1.1/"), maps,
                    List.of(), Duration.ofSeconds(3), Duration.ofSeconds(5), 1, 1);

            Discovery.standard(all).discover(ALICE); // warm-up
            report("every source answers", all, null);
            report("nothing answers (closed ports)", none, null);
            report("DNS stalls (no answer)", all, () -> dns.mode(DnsResponder.Mode.SILENT));
        }
    }

    private static void report(String world, DiscoveryConfig config, Runnable setup) {
        if (setup != null) {
            setup.run();
        }
        long[] ms = new long[3];
        DiscoveryResult last = null;
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            last = Discovery.standard(config).discover(ALICE);
            ms[i] = (System.nanoTime() - t0) / 1_000_000L;
        }
        Arrays.sort(ms);
        long median = ms[1];
        System.out.printf(Locale.ROOT, "BENCH discovery, %-32s %6d ms = %.2f x the DNS timeout, %.2f x the HTTP timeout; winner: %s%n",
                world + ":", median, median / (double) config.dnsTimeout().toMillis(), median / (double) config.httpTimeout().toMillis(),
                last.winner() == null ? "none" : last.winner().id());
    }

}
