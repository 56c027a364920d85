package dev.mailwizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.demo.DemoPki;
import dev.mailwizard.demo.MailboxBehaviour;
import dev.mailwizard.demo.ScriptedImapServer;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;
import dev.mailwizard.export.QrCodes;
import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;
import dev.mailwizard.probe.TrustMaterial;
import dev.mailwizard.ui.export.ExportViewModel;
import dev.mailwizard.ui.export.PhoneCodeViewModel;
import dev.mailwizard.ui.task.ImmediateTaskRunner;
import dev.mailwizard.ui.task.UiDispatcher;
import dev.mailwizard.ui.testing.TestingViewModel;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The phone code's ViewModel without a toolkit, on reports from real probe runs against scripted servers. */
class PhoneCodeViewModelTest {
    private static final DemoPki PKI = DemoPki.newAuthority("Phone VM Test CA");
    private static final String HOST = "mail.phone-vm.test";

    private static WizardState state(String address, String password) {
        WizardState s = new WizardState(() -> TrustMaterial.only(List.of(PKI.caCertificate())));
        s.addressProperty().set(address);
        s.passwordProperty().set(password);
        s.mappingsProperty().set(HOST + ":127.0.0.1");
        return s;
    }

    /** Tests SMTP (and IMAP, when given) as the Testing step would; the report lands in the state. */
    private static void run(WizardState s, ScriptedSmtpServer smtp, ScriptedImapServer imap) {
        s.servers().setAll(new ServerRow(HOST, smtp.port(), Security.TLS, CandidateSource.USER, true));
        if (imap != null) {
            s.servers().add(new ServerRow(Protocol.IMAP, HOST, imap.port(), Security.TLS, CandidateSource.USER, true));
        }
        new TestingViewModel(s, new ImmediateTaskRunner(), UiDispatcher.IMMEDIATE).start();
    }

    private static PhoneCodeViewModel phoneCode(WizardState s) {
        ExportViewModel export = new ExportViewModel(s, new ImmediateTaskRunner(), "Linux", Path.of("unused-home"));
        export.formats().stream().filter(f -> f.id().equals("thunderbird-qr")).findFirst().orElseThrow().selectedProperty().set(true);
        return export.phoneCode();
    }

    @Test
    void aNewTestRunTakesThePasswordOutOfTheCodeAgain() {
        var cert = PKI.issue(HOST);
        try (var smtp = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(cert.serverContext()).user("vm@phone-vm.test", "pw-1").build());
             var imap = ScriptedImapServer.start(MailboxBehaviour.implicit(cert.serverContext(), "vm@phone-vm.test", "pw-1"))) {
            WizardState s = state("vm@phone-vm.test", "pw-1");
            run(s, smtp, imap);
            PhoneCodeViewModel code = phoneCode(s);
            assertThat(code.shownProperty().get()).isTrue();
            assertThat(code.passwordAvailableProperty().get()).isTrue();
            code.includePasswordProperty().set(true);
            assertThat(code.holdsPasswordProperty().get()).isTrue();
            assertThat(QrCodes.decode(code.pictureProperty().get()).text()).contains("\"pw-1\"");

            run(s, smtp, imap);
            assertThat(code.includePasswordProperty().get()).isFalse();
            assertThat(code.holdsPasswordProperty().get()).isFalse();
            assertThat(QrCodes.decode(code.pictureProperty().get()).text()).doesNotContain("pw-1");
        }
    }

    @Test
    void anAddressThatIsNotAsciiGetsTheReasonInsteadOfACode() {
        var cert = PKI.issue(HOST);
        try (var smtp = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(cert.serverContext()).build())) {
            WizardState s = state("j\u00f6rg@phone-vm.test", "pw-2");
            run(s, smtp, null);
            PhoneCodeViewModel code = phoneCode(s);
            assertThat(code.shownProperty().get()).isTrue();
            assertThat(code.pictureProperty().get()).isNull();
            assertThat(code.refusalProperty().get()).contains("j\u00f6rg@phone-vm.test has characters outside ASCII");
        }
    }

    @Test
    void withoutAnIncomingServerTheReasonSaysHowToGetOne() {
        var cert = PKI.issue(HOST);
        try (var smtp = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(cert.serverContext()).user("vm@phone-vm.test", "pw-3").build())) {
            WizardState s = state("vm@phone-vm.test", "pw-3");
            run(s, smtp, null);
            PhoneCodeViewModel code = phoneCode(s);
            assertThat(code.pictureProperty().get()).isNull();
            assertThat(code.refusalProperty().get()).startsWith("Thunderbird for Android imports an account only with its incoming server");
        }
    }
}
