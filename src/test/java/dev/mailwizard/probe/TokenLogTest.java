package dev.mailwizard.probe;

import static dev.mailwizard.probe.ProbeHarness.*;
import static dev.mailwizard.probe.TestTokens.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.demo.MailboxBehaviour;
import dev.mailwizard.demo.ScriptedImapServer;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** A logging configuration that turns Jakarta Mail's FINE logs on does not put the token in a log. */
class TokenLogTest {
    @Test
    void angusFineLoggingNeverSeesTheToken() {
        Logger angus = Logger.getLogger("org.eclipse.angus.mail");
        Logger root = Logger.getLogger("");
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r.getLoggerName() + " " + r.getMessage() + " " + java.util.Arrays.toString(r.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Level before = angus.getLevel();
        angus.setLevel(Level.FINEST);
        root.addHandler(capture);
        try (var smtp = ScriptedSmtpServer.start(goodImplicitTls().authAfterTls("XOAUTH2").user(USER, TOKEN).build());
             var imap = ScriptedImapServer.start(MailboxBehaviour.implicit(GOOD_CERT.serverContext(), USER, TOKEN).offeringSasl("XOAUTH2"))) {
            ProbeResult sent = ProbeHarness.probe(smtp, Security.TLS, TestTokens.options(TOKEN), trust());
            Endpoint e = new Endpoint(Protocol.IMAP, HOST, imap.port(), Security.TLS);
            ProbeResult read = new ProbeRun(List.of(new PlannedProbe(e, true)), TestTokens.options(TOKEN), trust(), loopback(), ProbeListener.NONE)
                    .execute().get(0);
            assertThat(sent.login().result()).isEqualTo(LoginStatus.OK);
            assertThat(read.login().result()).isEqualTo(LoginStatus.OK);
        } finally {
            root.removeHandler(capture);
            angus.setLevel(before);
        }
        assertThat(logged).as("Angus logged at FINE").isNotEmpty();
        for (String piece : pieces(TOKEN)) {
            assertThat(logged).noneMatch(l -> l.contains(piece));
        }
    }
}
