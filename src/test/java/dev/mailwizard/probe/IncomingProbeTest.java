package dev.mailwizard.probe;

import dev.mailwizard.model.Outcome;
import static dev.mailwizard.probe.ProbeHarness.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.demo.MailboxBehaviour;
import dev.mailwizard.demo.ScriptedImapServer;
import dev.mailwizard.demo.ScriptedPop3Server;
import dev.mailwizard.demo.ScriptedServer;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** IMAP and POP3 probes against scripted servers, checking what each server received. */
class IncomingProbeTest {
    private static ProbeResult probe(ScriptedServer server, Protocol protocol, Security security, String password) {
        Endpoint e = new Endpoint(protocol, HOST, server.port(), security);
        return new ProbeRun(List.of(new PlannedProbe(e, true)), options(Duration.ofSeconds(5), password), trust(), loopback(), ProbeListener.NONE)
                .execute().get(0);
    }

    private static boolean sentCredentials(ScriptedServer server) {
        return server.received().stream().anyMatch(l -> {
            String u = l.line().toUpperCase(Locale.ROOT);
            return u.contains(" LOGIN ") || u.contains("AUTHENTICATE") || u.startsWith("PASS") || u.startsWith("USER");
        });
    }

    @Test
    void imapOverImplicitTlsLogsInAndCountsTheInbox() {
        try (var server = ScriptedImapServer.start(MailboxBehaviour.implicit(GOOD_CERT.serverContext(), USER, PASSWORD))) {
            ProbeResult r = probe(server, Protocol.IMAP, Security.TLS, PASSWORD);
            assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.OK);
            assertThat(r.login().result()).isEqualTo(LoginStatus.OK);
            assertThat(r.login().reply()).contains("INBOX holds 3 messages");
            assertThat(r.capabilitiesAfterTls()).contains("AUTH=PLAIN");
            assertThat(server.authAttempts()).isEqualTo(1);
            assertThat(String.join("\n", r.transcript())).doesNotContain(PASSWORD);
        }
    }

    @Test
    void imapStarttlsUpgradesAndNothingSecretCrossesInClear() {
        try (var server = ScriptedImapServer.start(MailboxBehaviour.starttls(GOOD_CERT.serverContext(), USER, PASSWORD))) {
            ProbeResult r = probe(server, Protocol.IMAP, Security.STARTTLS, PASSWORD);
            assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.OK);
            assertThat(r.capabilitiesBeforeTls()).contains("STARTTLS", "LOGINDISABLED").doesNotContain("AUTH=PLAIN");
            // The capabilities change after TLS: login becomes possible, STARTTLS disappears.
            assertThat(r.capabilitiesAfterTls()).contains("AUTH=PLAIN").doesNotContain("STARTTLS", "LOGINDISABLED");
            assertThat(r.login().result()).isEqualTo(LoginStatus.OK);
            assertThat(server.receivedInClear()).noneMatch(l -> l.toUpperCase(Locale.ROOT).contains("LOGIN ") || l.toUpperCase(Locale.ROOT).contains("AUTHENTICATE"));
        }
    }

    @Test
    void imapWrongPasswordIsRejectedOnce() {
        try (var server = ScriptedImapServer.start(MailboxBehaviour.implicit(GOOD_CERT.serverContext(), USER, PASSWORD))) {
            ProbeResult r = probe(server, Protocol.IMAP, Security.TLS, "wrong");
            assertThat(r.outcome()).isEqualTo(Outcome.LOGIN_REJECTED);
            assertThat(server.authAttempts()).isEqualTo(1);
        }
    }

    @Test
    void imapPreauthOnAnUpgradeConnectionIsNeverSecure() {
        try (var server = ScriptedImapServer.start(MailboxBehaviour.starttls(GOOD_CERT.serverContext(), USER, PASSWORD).preauthenticated())) {
            ProbeResult r = probe(server, Protocol.IMAP, Security.STARTTLS, PASSWORD);
            assertThat(r.outcome()).isEqualTo(Outcome.STARTTLS_NOT_OFFERED);
            assertThat(r.detail()).contains("PREAUTH");
            assertThat(sentCredentials(server)).isFalse();
        }
    }

    @Test
    void imapStrippedRefusedAndInjectedStarttls() {
        try (var stripped = ScriptedImapServer.start(MailboxBehaviour.starttls(GOOD_CERT.serverContext(), USER, PASSWORD).withoutStarttls());
             var refused = ScriptedImapServer.start(MailboxBehaviour.starttls(GOOD_CERT.serverContext(), USER, PASSWORD).refusingStarttls());
             var injected = ScriptedImapServer.start(MailboxBehaviour.starttls(GOOD_CERT.serverContext(), USER, PASSWORD)
                     .injecting("* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n"))) {
            assertThat(probe(stripped, Protocol.IMAP, Security.STARTTLS, PASSWORD).outcome()).isEqualTo(Outcome.STARTTLS_NOT_OFFERED);
            assertThat(probe(refused, Protocol.IMAP, Security.STARTTLS, PASSWORD).outcome()).isEqualTo(Outcome.STARTTLS_REFUSED);
            assertThat(probe(injected, Protocol.IMAP, Security.STARTTLS, PASSWORD).outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
            assertThat(sentCredentials(stripped) || sentCredentials(refused) || sentCredentials(injected)).isFalse();
        }
    }

    @Test
    void imapLoginDisabledEvenAfterTlsMeansLoginUnavailable() {
        try (var server = ScriptedImapServer.start(MailboxBehaviour.implicit(GOOD_CERT.serverContext(), USER, PASSWORD).withLoginDisabledAfterTls())) {
            ProbeResult r = probe(server, Protocol.IMAP, Security.TLS, PASSWORD);
            assertThat(r.outcome()).isEqualTo(Outcome.LOGIN_UNAVAILABLE);
            assertThat(sentCredentials(server)).isFalse();
        }
    }

    @Test
    void imapByeGreetingIsAProtocolError() {
        try (var server = ScriptedImapServer.start(MailboxBehaviour.implicit(GOOD_CERT.serverContext(), USER, PASSWORD).withGreeting("* BYE overloaded"))) {
            ProbeResult r = probe(server, Protocol.IMAP, Security.TLS, PASSWORD);
            assertThat(r.outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
            assertThat(r.detail()).contains("BYE");
        }
    }

    @Test
    void pop3OverImplicitTlsAndStlsLogIn() {
        try (var implicit = ScriptedPop3Server.start(MailboxBehaviour.implicit(GOOD_CERT.serverContext(), USER, PASSWORD));
             var stls = ScriptedPop3Server.start(MailboxBehaviour.starttls(GOOD_CERT.serverContext(), USER, PASSWORD))) {
            ProbeResult a = probe(implicit, Protocol.POP3, Security.TLS, PASSWORD);
            assertThat(a.outcome()).as(a.detail()).isEqualTo(Outcome.OK);
            assertThat(a.login().reply()).contains("INBOX holds 3 messages");
            ProbeResult b = probe(stls, Protocol.POP3, Security.STARTTLS, PASSWORD);
            assertThat(b.outcome()).as(b.detail()).isEqualTo(Outcome.OK);
            assertThat(b.capabilitiesBeforeTls()).contains("STLS");
            assertThat(stls.receivedInClear()).noneMatch(l -> l.toUpperCase(Locale.ROOT).startsWith("PASS") || l.toUpperCase(Locale.ROOT).startsWith("USER"));
        }
    }

    @Test
    void pop3StrippedInjectedAndRefusingServers() {
        try (var stripped = ScriptedPop3Server.start(MailboxBehaviour.starttls(GOOD_CERT.serverContext(), USER, PASSWORD).withoutStarttls());
             var injected = ScriptedPop3Server.start(MailboxBehaviour.starttls(GOOD_CERT.serverContext(), USER, PASSWORD).injecting("+OK injected\r\n"));
             var busy = ScriptedPop3Server.start(MailboxBehaviour.implicit(GOOD_CERT.serverContext(), USER, PASSWORD).withGreeting("-ERR too busy"))) {
            assertThat(probe(stripped, Protocol.POP3, Security.STARTTLS, PASSWORD).outcome()).isEqualTo(Outcome.STARTTLS_NOT_OFFERED);
            assertThat(probe(injected, Protocol.POP3, Security.STARTTLS, PASSWORD).outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
            assertThat(probe(busy, Protocol.POP3, Security.TLS, PASSWORD).outcome()).isEqualTo(Outcome.PROTOCOL_ERROR);
            assertThat(sentCredentials(stripped) || sentCredentials(injected) || sentCredentials(busy)).isFalse();
        }
    }
}
