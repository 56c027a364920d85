package dev.mailwizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.demo.DemoPki;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;
import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.Outcome;
import dev.mailwizard.model.Security;
import dev.mailwizard.probe.TrustMaterial;
import dev.mailwizard.ui.result.FailureItem;
import dev.mailwizard.ui.result.ResultKind;
import dev.mailwizard.ui.result.ResultViewModel;
import dev.mailwizard.ui.task.ImmediateTaskRunner;
import dev.mailwizard.ui.task.UiDispatcher;
import dev.mailwizard.ui.testing.TestingViewModel;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Result step on a refused login (no toolkit): the diagnosis and the fix first, the raw reply below. */
class RefusedLoginViewModelTest {
    private static final DemoPki PKI = DemoPki.newAuthority("Refusal VM CA");
    private static final String HOST = "smtp.office365.com";

    @Test
    void theResultSaysWhyTheLoginWasRefusedAndTheFixBeforeTheServersWords() {
        String reply = "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant."
                + " Visit https://aka.ms/smtp_auth_disabled for more information.";
        try (var server = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(PKI.issue(HOST).serverContext())
                .answerAuthWith(reply).build())) {
            WizardState s = new WizardState(() -> TrustMaterial.only(List.of(PKI.caCertificate())));
            s.addressProperty().set("dana@contoso.test");
            s.passwordProperty().set("pw");
            s.mappingsProperty().set(HOST + ":127.0.0.1");
            s.servers().setAll(new ServerRow(HOST, server.port(), Security.TLS, CandidateSource.USER, true));
            new TestingViewModel(s, new ImmediateTaskRunner(), UiDispatcher.IMMEDIATE).start();
            ResultViewModel result = new ResultViewModel(s);
            assertThat(result.kindProperty().get()).isEqualTo(ResultKind.REJECTED);
            assertThat(result.headlineProperty().get()).contains("the login was refused");
            assertThat(result.whyProperty().get()).contains("administrator", "Ask your IT administrator");
            List<FailureItem> rows = new ArrayList<>(result.failures());
            result.conclusions().forEach(c -> rows.addAll(c.rows()));
            FailureItem refused = rows.stream().filter(f -> f.outcome() == Outcome.LOGIN_REJECTED).findFirst().orElseThrow();
            String text = refused.explanation();
            assertThat(text).startsWith("The organisation's administrator has turned off").contains("Help: https://aka.ms/smtp_auth_disabled");
            assertThat(text.indexOf("Ask your IT administrator")).isLessThan(text.indexOf("Server said: 535 5.7.139"));
            assertThat(server.authAttempts()).isEqualTo(1);
        }
    }
}
