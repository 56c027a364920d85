package dev.mailwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailwizard.demo.DemoPki;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** {@code probe ADDRESS --dns} without --host: discovery finds the server through SRV and probes it. */
class DiscoveryCommandTest {
    @TempDir
    Path dir;

    @Test
    void srvRecordLeadsToTheServerAndTheReportSaysWhereItCameFrom() throws Exception {
        DemoPki pki = DemoPki.newAuthority("CLI Discovery CA");
        Path ca = dir.resolve("ca.pem");
        Files.writeString(ca, DemoPki.pem(pki.caCertificate()));
        try (var server = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(pki.issue("mail.disc.test").serverContext()).build());
             var dns = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Thread responder = new Thread(() -> answerSrv(dns, server.port()));
            responder.setDaemon(true);
            responder.start();
            CliHarness.Result r = CliHarness.run("", "probe", "bob@disc.test", "--dns", "127.0.0.1:" + dns.getLocalPort(),
                    "--ispdb", "https://127.0.0.1:1/", "--resolve", "mail.disc.test:127.0.0.1", "--trust-ca", ca.toString(),
                    "--security", "tls", "--timeout", "3", "--json");
            assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
            JsonNode json = new ObjectMapper().readTree(r.out());
            JsonNode first = json.get("discovery").get(0);
            assertThat(first.get("source").asText()).isEqualTo("srv");
            assertThat(first.get("host").asText()).isEqualTo("mail.disc.test");
            assertThat(first.get("port").asInt()).isEqualTo(server.port());
            assertThat(first.get("trusted").asBoolean()).isTrue();
            assertThat(json.get("recommended").get("port").asInt()).isEqualTo(server.port());
            assertThat(json.get("discoveryNotes").toString()).contains("srv:").contains("used first");
        }
    }

    /** Answers _submissions._tcp.disc.test with mail.disc.test:PORT; everything else NXDOMAIN. */
    private static void answerSrv(DatagramSocket socket, int port) {
        byte[] buf = new byte[2048];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                Message q = new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
                Message a = new Message(q.getHeader().getID());
                a.getHeader().setFlag(Flags.QR);
                a.addRecord(q.getQuestion(), Section.QUESTION);
                if (q.getQuestion().getType() == Type.SRV && q.getQuestion().getName().toString().equals("_submissions._tcp.disc.test.")) {
                    a.addRecord(new SRVRecord(q.getQuestion().getName(), DClass.IN, 60, 0, 0, port, Name.fromString("mail.disc.test.")), Section.ANSWER);
                } else {
                    a.getHeader().setRcode(Rcode.NXDOMAIN);
                }
                byte[] out = a.toWire();
                socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
            } catch (java.io.IOException e) {
                return;
            }
        }
    }
}
