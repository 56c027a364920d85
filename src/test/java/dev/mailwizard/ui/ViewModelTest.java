package dev.mailwizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.demo.DemoPki;
import dev.mailwizard.demo.DemoServers;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;
import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.Outcome;
import dev.mailwizard.probe.ProbeReport;
import dev.mailwizard.probe.TrustMaterial;
import dev.mailwizard.ui.account.AccountViewModel;
import dev.mailwizard.ui.app.WizardDialogs;
import dev.mailwizard.ui.app.WizardViewModel;
import dev.mailwizard.ui.app.WizardViewModel.Page;
import dev.mailwizard.ui.export.ExportViewModel;
import dev.mailwizard.ui.helpdesk.HelpdeskViewModel;
import dev.mailwizard.ui.result.ResultViewModel;
import dev.mailwizard.ui.servers.ServersViewModel;
import dev.mailwizard.ui.task.Cancellation;
import dev.mailwizard.ui.task.ImmediateTaskRunner;
import dev.mailwizard.ui.task.TaskHandle;
import dev.mailwizard.ui.task.TaskRunner;
import dev.mailwizard.ui.task.UiDispatcher;
import dev.mailwizard.ui.testing.CellState;
import dev.mailwizard.ui.testing.MatrixRow;
import dev.mailwizard.ui.testing.TestingViewModel;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The ViewModels without the JavaFX toolkit: properties, validation, and a real probe run inline. */
class ViewModelTest {
    private static final DemoPki PKI = DemoPki.newAuthority("VM Test CA");
    private static final String HOST = "smtp.vm.test";

    private static WizardState state() {
        return new WizardState(() -> TrustMaterial.only(List.of(PKI.caCertificate())));
    }

    @Test
    void accountIsInvalidUntilTheAddressIsAndSaysWhy() {
        WizardState s = state();
        AccountViewModel vm = new AccountViewModel(s);
        assertThat(vm.validProperty().get()).isFalse();
        s.addressProperty().set("alice@");
        assertThat(vm.addressErrorProperty().get()).contains("no domain");
        s.addressProperty().set("alice@example.com");
        assertThat(vm.validProperty().get()).isTrue();
        s.loginProperty().set("bad\nlogin");
        assertThat(vm.validProperty().get()).isFalse();
    }

    @Test
    void serversAreGuessedOnceAndEditsSurviveGoingBackAndForth() {
        WizardState s = state();
        s.addressProperty().set("alice@example.com");
        ServersViewModel vm = new ServersViewModel(s, new ImmediateTaskRunner(), st -> dev.mailwizard.discovery.Discovery.guessOnly());
        vm.prepare();
        assertThat(vm.rows()).hasSize(29);
        assertThat(vm.rows().get(0).hostProperty().get()).isEqualTo("smtp.example.com");
        assertThat(vm.rows().get(0).sourceProperty().get()).isEqualTo(CandidateSource.GUESS);
        vm.rows().get(0).portProperty().set(0);
        assertThat(vm.problemProperty().get()).contains("port 0");
        assertThat(vm.validProperty().get()).isFalse();
        vm.rows().get(0).portProperty().set(465);
        vm.prepare();
        assertThat(vm.rows()).hasSize(29);
        s.mappingsProperty().set("smtp.example.com:not-an-ip");
        assertThat(vm.problemProperty().get()).contains("not-an-ip");
        s.mappingsProperty().set("smtp.example.com:127.0.0.1");
        assertThat(vm.validProperty().get()).isTrue();
        vm.rows().forEach(r -> r.enabledProperty().set(false));
        assertThat(vm.problemProperty().get()).isNotNull();
    }

    @Test
    void testingRunsTheEngineAndFillsTheMatrixThenTheResultExplains() {
        var good = PKI.issue(HOST);
        try (var tls = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(good.serverContext()).user("a@vm.test", "pw").build());
             var stripped = ScriptedSmtpServer.start(ServerBehaviour.builder().starttls(good.serverContext()).offerStarttls(false).build())) {
            WizardState s = state();
            s.addressProperty().set("a@vm.test");
            s.passwordProperty().set("pw");
            s.mappingsProperty().set(HOST + ":127.0.0.1");
            s.servers().setAll(new ServerRow(HOST, tls.port(), Security.TLS, CandidateSource.USER, true),
                    new ServerRow(HOST, stripped.port(), Security.STARTTLS, CandidateSource.USER, true));
            TestingViewModel vm = new TestingViewModel(s, new ImmediateTaskRunner(), UiDispatcher.IMMEDIATE);
            vm.start();
            assertThat(vm.finishedProperty().get()).isTrue();
            assertThat(vm.progressProperty().get()).isEqualTo(1.0);
            assertThat(vm.rows()).hasSize(2);
            MatrixRow first = vm.rows().get(0);
            assertThat(first.outcomeProperty().get()).isEqualTo("OK");
            assertThat(first.cell(MatrixRow.Column.TLS).get().status()).isEqualTo(CellState.Status.DONE);
            assertThat(first.cell(MatrixRow.Column.LOGIN).get().status()).isEqualTo(CellState.Status.DONE);
            assertThat(vm.rows().get(1).outcomeProperty().get()).isEqualTo("STARTTLS_NOT_OFFERED");
            assertThat(tls.authAttempts()).isEqualTo(1);

            ResultViewModel result = new ResultViewModel(s);
            assertThat(result.headlineProperty().get()).isEqualTo(Messages.get("result.ok"));
            assertThat(result.serverProperty().get()).isEqualTo(HOST);
            assertThat(result.portProperty().get()).isEqualTo(Integer.toString(tls.port()));
            assertThat(result.securityProperty().get()).isEqualTo("SSL/TLS");
            assertThat(result.failures()).hasSize(1);
            assertThat(result.failures().get(0).explanation()).contains("stripped");
            assertThat(result.clipboardText()).contains(HOST).contains("SSL/TLS").contains("a@vm.test").doesNotContain("pw\n");

            HelpdeskViewModel helpdesk = new HelpdeskViewModel(s);
            assertThat(helpdesk.probes()).hasSize(2);
            assertThat(helpdesk.jsonReport()).contains("\"schemaVersion\"").doesNotContain("\"pw\"");
            assertThat(helpdesk.allTranscripts()).contains("== " + HOST).contains("EHLO").doesNotContain("pw\n");
        }
    }

    /**
     * Cancel, driven by events: once every probe waits for a first word that never comes, Cancel ends
     * the run; every probe is SKIPPED, which only a cancel gives (the 120 s timeout would give TIMEOUT).
     * The work runs on a pool thread and the "UI" is one thread, as in the window.
     */
    @Test
    void cancelEndsEveryProbeAsSkippedAndTheRunAsCancelled() throws Exception {
        ExecutorService uiThread = Executors.newSingleThreadExecutor();
        try (var a = ScriptedSmtpServer.start(ServerBehaviour.builder().silent().build());
             var b = ScriptedSmtpServer.start(ServerBehaviour.builder().silent().build())) {
            WizardState s = state();
            s.addressProperty().set("a@vm.test");
            s.mappingsProperty().set(HOST + ":127.0.0.1");
            s.timeoutSecondsProperty().set(120);
            s.servers().setAll(new ServerRow(HOST, a.port(), Security.TLS, CandidateSource.USER, true),
                    new ServerRow(HOST, b.port(), Security.STARTTLS, CandidateSource.USER, true));
            UiDispatcher ui = uiThread::execute;
            TestingViewModel vm = new TestingViewModel(s, threadedRunner(ui), ui);
            CompletableFuture<ProbeReport> ended = new CompletableFuture<>();
            s.reportProperty().addListener((o, before, report) -> {
                if (report != null) {
                    ended.complete(report);
                }
            });
            uiThread.submit(() -> {
                vm.start();
                // Connected, and waiting for the server's first word (a greeting, or a TLS handshake).
                vm.rows().forEach(row -> row.cell(MatrixRow.Column.CONNECT).addListener((o, before, cell) -> {
                    if (vm.rows().stream().allMatch(r -> r.cell(MatrixRow.Column.CONNECT).get().status() == CellState.Status.DONE)) {
                        vm.cancel();
                    }
                }));
            }).get();

            ProbeReport report = ended.get(60, TimeUnit.SECONDS);
            assertThat(report.cancelled()).isTrue();
            assertThat(report.probes()).extracting(p -> p.outcome()).containsOnly(Outcome.SKIPPED).hasSize(2);
            uiThread.submit(() -> {
                assertThat(vm.runningProperty().get()).isFalse();
                assertThat(vm.cancelledProperty().get()).isTrue();
                assertThat(vm.finishedProperty().get()).as("Next stays disabled after a cancel").isFalse();
                assertThat(vm.statusProperty().get()).isEqualTo(Messages.get("testing.cancelled"));
                assertThat(vm.rows()).extracting(r -> r.outcomeProperty().get()).containsOnly("SKIPPED");
            }).get();
        } finally {
            uiThread.shutdownNow();
        }
    }

    /** Work on a pool thread, callbacks through {@code ui}: the shape of {@code FxTaskRunner}, without a toolkit. */
    static TaskRunner threadedRunner(UiDispatcher ui) {
        return new TaskRunner() {
            @Override
            public <T> TaskHandle run(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                Cancellation cancellation = new Cancellation();
                CompletableFuture.runAsync(() -> {
                    try {
                        T value = work.call(cancellation);
                        ui.dispatch(() -> onSuccess.accept(value));
                    } catch (Exception e) {
                        ui.dispatch(() -> onFailure.accept(e));
                    }
                });
                return cancellation;
            }
        };
    }

    @Test
    void anOldTlsServerAndAServerThatCutsTheConnectionAreNotExplainedAsClosedPorts() {
        var good = PKI.issue(HOST);
        try (var old = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(good.serverContext()).user("a@vm.test", "pw")
                .tlsProtocols("TLSv1").hangUpOnNewerTls().build());
             var cut = ScriptedSmtpServer.start(ServerBehaviour.builder().resetOnConnect().build())) {
            WizardState s = state();
            s.addressProperty().set("a@vm.test");
            s.passwordProperty().set("pw");
            s.mappingsProperty().set(HOST + ":127.0.0.1");
            s.servers().setAll(new ServerRow(HOST, old.port(), Security.TLS, CandidateSource.USER, true),
                    new ServerRow(HOST, cut.port(), Security.STARTTLS, CandidateSource.USER, true));
            new TestingViewModel(s, new ImmediateTaskRunner(), UiDispatcher.IMMEDIATE).start();
            ResultViewModel result = new ResultViewModel(s);
            // Rows stand alone, or folded under the conclusion that covers them.
            List<dev.mailwizard.ui.result.FailureItem> rows = new java.util.ArrayList<>(result.failures());
            result.conclusions().forEach(c -> rows.addAll(c.rows()));
            var oldTls = rows.stream().filter(f -> f.result().endpoint().port() == old.port()).findFirst().orElseThrow();
            var refused = rows.stream().filter(f -> f.result().endpoint().port() == cut.port()).findFirst().orElseThrow();
            assertThat(oldTls.outcome()).isEqualTo(Outcome.TLS_HANDSHAKE_FAILED);
            assertThat(oldTls.explanation()).contains("only speaks TLS 1.0").contains("MailWizard will not use it").doesNotContain("closed");
            assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(refused.explanation()).contains("accepted the connection").doesNotContain("closed");
            assertThat(old.authAttempts()).isZero();
        }
    }

    @Test
    void trustingASelfSignedCertificatePinsItAndTheRetestPasses() {
        var self = DemoPki.selfSigned(HOST);
        try (var server = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(self.serverContext()).user("a@vm.test", "pw").build())) {
            WizardState s = state();
            s.addressProperty().set("a@vm.test");
            s.passwordProperty().set("pw");
            s.mappingsProperty().set(HOST + ":127.0.0.1");
            s.servers().setAll(new ServerRow(HOST, server.port(), Security.TLS, CandidateSource.USER, true));
            TestingViewModel testing = new TestingViewModel(s, new ImmediateTaskRunner(), UiDispatcher.IMMEDIATE);
            testing.start();
            ResultViewModel result = new ResultViewModel(s);
            assertThat(result.hasRecommendationProperty().get()).isFalse();
            var failure = result.failures().get(0);
            assertThat(failure.outcome()).isEqualTo(Outcome.CERT_UNTRUSTED);
            assertThat(failure.canTrust()).isTrue();
            assertThat(ResultViewModel.trustLevel(failure.result())).isEqualTo(ResultViewModel.TrustLevel.WARN);
            assertThat(server.authAttempts()).isZero();
            result.trust(failure.result());
            testing.start();
            assertThat(testing.rows().get(0).outcomeProperty().get()).isEqualTo("OK");
            assertThat(result.hasRecommendationProperty().get()).isTrue();
            assertThat(s.reportProperty().get().probes().get(0).tls().certificate().pinned()).isTrue();
            assertThat(server.authAttempts()).isEqualTo(1);
        }
    }

    @Test
    void anUntrustedDiscoveredServerGetsNoPasswordUntilTheUserConfirmsIt() {
        var good = PKI.issue(HOST);
        try (var server = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(good.serverContext()).user("a@vm.test", "pw").build())) {
            var finder = new dev.mailwizard.discovery.CandidateFinder() {
                @Override
                public CandidateSource source() {
                    return CandidateSource.MX;
                }

                @Override
                public dev.mailwizard.discovery.SourceResult find(dev.mailwizard.model.EmailAddress address) {
                    return new dev.mailwizard.discovery.SourceResult.Found(CandidateSource.MX, List.of(new dev.mailwizard.model.ServerCandidate(
                            dev.mailwizard.model.Protocol.SMTP, HOST, server.port(), Security.TLS, CandidateSource.MX, false, "via MX")), List.of());
                }
            };
            WizardState s = state();
            s.addressProperty().set("a@vm.test");
            s.passwordProperty().set("pw");
            s.mappingsProperty().set(HOST + ":127.0.0.1");
            ServersViewModel servers = new ServersViewModel(s, new ImmediateTaskRunner(),
                    st -> new dev.mailwizard.discovery.Discovery(List.of(finder), dev.mailwizard.discovery.DiscoveryConfig.defaults()));
            servers.prepare();
            assertThat(servers.statusProperty().get()).contains("Confirm");
            ServerRow row = servers.rows().get(0);
            assertThat(row.portProperty().get()).isEqualTo(server.port());
            assertThat(row.trustedProperty().get()).isFalse();
            servers.rows().forEach(r -> r.enabledProperty().set(r == row));
            TestingViewModel testing = new TestingViewModel(s, new ImmediateTaskRunner(), UiDispatcher.IMMEDIATE);
            testing.start();
            assertThat(s.reportProperty().get().probes().get(0).outcome()).isEqualTo(Outcome.OK);
            assertThat(s.reportProperty().get().probes().get(0).login().detail()).contains("not typed or confirmed");
            assertThat(server.authAttempts()).isZero();
            row.trustedProperty().set(true); // the user ticks Confirm
            testing.start();
            assertThat(s.reportProperty().get().probes().get(0).login().result()).isEqualTo(dev.mailwizard.probe.LoginStatus.OK);
            assertThat(server.authAttempts()).isEqualTo(1);
        }
    }

    @Test
    void aRunWithOnlyIncomingRowsIsJudgedAndShownOnIncomingMail() {
        var good = PKI.issue(HOST);
        try (var imap = dev.mailwizard.demo.ScriptedImapServer.start(dev.mailwizard.demo.MailboxBehaviour.implicit(good.serverContext(), "a@vm.test", "pw"))) {
            WizardState s = state();
            s.addressProperty().set("a@vm.test");
            s.passwordProperty().set("pw");
            s.mappingsProperty().set(HOST + ":127.0.0.1");
            s.servers().setAll(new ServerRow(dev.mailwizard.model.Protocol.IMAP, HOST, imap.port(), Security.TLS, CandidateSource.USER, true));
            new TestingViewModel(s, new ImmediateTaskRunner(), UiDispatcher.IMMEDIATE).start();
            assertThat(s.reportProperty().get().verdict()).isEqualTo(dev.mailwizard.probe.RunVerdict.WORKING);
            ResultViewModel result = new ResultViewModel(s);
            assertThat(result.headlineProperty().get()).isEqualTo(Messages.get("result.ok"));
            assertThat(result.hasRecommendationProperty().get()).isTrue();
            assertThat(result.hasOutgoingProperty().get()).isFalse();
            assertThat(result.incomingServerProperty().get()).isEqualTo(HOST);
            assertThat(result.clipboardText()).contains("Incoming server (IMAP)").doesNotContain("Outgoing server");
        }
    }

    @Test
    void aConclusionStandsForItsRowsWhichAreNotListedAgain() {
        WizardState s = state();
        s.addressProperty().set("a@nowhere.invalid");
        s.servers().setAll(new ServerRow("smtp.nowhere.invalid", 465, Security.TLS, CandidateSource.GUESS, true),
                new ServerRow("mail.nowhere.invalid", 587, Security.STARTTLS, CandidateSource.GUESS, true));
        new TestingViewModel(s, new ImmediateTaskRunner(), UiDispatcher.IMMEDIATE).start();
        ResultViewModel result = new ResultViewModel(s);
        assertThat(result.conclusions()).hasSize(1);
        assertThat(result.conclusions().get(0).kind()).isEqualTo(dev.mailwizard.probe.HintKind.NAME_NOT_FOUND);
        assertThat(result.conclusions().get(0).text()).contains("None of the 2 names MailWizard guessed for nowhere.invalid exists");
        assertThat(result.conclusions().get(0).rows()).hasSize(2);
        assertThat(result.failures()).isEmpty();
    }

    @Test
    void incomingAndOutgoingAreTestedAndRecommendedSideBySide() {
        var good = PKI.issue(HOST);
        try (var smtp = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(good.serverContext()).user("a@vm.test", "pw").build());
             var imap = dev.mailwizard.demo.ScriptedImapServer.start(dev.mailwizard.demo.MailboxBehaviour.implicit(good.serverContext(), "a@vm.test", "pw"))) {
            WizardState s = state();
            s.addressProperty().set("a@vm.test");
            s.passwordProperty().set("pw");
            s.mappingsProperty().set(HOST + ":127.0.0.1");
            s.servers().setAll(new ServerRow(HOST, smtp.port(), Security.TLS, CandidateSource.USER, true),
                    new ServerRow(dev.mailwizard.model.Protocol.IMAP, HOST, imap.port(), Security.TLS, CandidateSource.USER, true));
            new TestingViewModel(s, new ImmediateTaskRunner(), UiDispatcher.IMMEDIATE).start();
            ResultViewModel result = new ResultViewModel(s);
            assertThat(result.hasIncomingProperty().get()).isTrue();
            assertThat(result.incomingProtocolProperty().get()).isEqualTo("IMAP");
            assertThat(result.incomingPortProperty().get()).isEqualTo(Integer.toString(imap.port()));
            assertThat(result.portProperty().get()).isEqualTo(Integer.toString(smtp.port()));
            assertThat(result.clipboardText()).contains("Incoming server (IMAP)").contains("Outgoing server (SMTP)");
            assertThat(smtp.authAttempts()).isEqualTo(1);
            assertThat(imap.authAttempts()).isEqualTo(1);
        }
    }

    @Test
    void exportPreselectsTheSystemsClientWritesThePasswordOnlyWhereAskedAndSaysWhatItRefused() throws Exception {
        var good = PKI.issue(HOST);
        java.nio.file.Path home = java.nio.file.Files.createTempDirectory("vm-home");
        try (var smtp = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(good.serverContext()).user("a@vm.test", "pw-4711").build());
             var imap = dev.mailwizard.demo.ScriptedImapServer.start(dev.mailwizard.demo.MailboxBehaviour.implicit(good.serverContext(), "a@vm.test", "pw-4711"))) {
            WizardState s = state();
            s.addressProperty().set("a@vm.test");
            s.passwordProperty().set("pw-4711");
            s.mappingsProperty().set(HOST + ":127.0.0.1");
            s.servers().setAll(new ServerRow(HOST, smtp.port(), Security.TLS, CandidateSource.USER, true),
                    new ServerRow(dev.mailwizard.model.Protocol.IMAP, HOST, imap.port(), Security.TLS, CandidateSource.USER, true));
            var export = new dev.mailwizard.ui.export.ExportViewModel(s, new ImmediateTaskRunner(), "Mac OS X", home);
            new TestingViewModel(s, new ImmediateTaskRunner(), UiDispatcher.IMMEDIATE).start();
            assertThat(export.formats()).filteredOn(f -> f.selectedProperty().get()).extracting(f -> f.id()).containsExactly("apple", "report");
            assertThat(export.folderProperty().get()).isEqualTo(home.resolve("MailWizard").resolve("a@vm.test"));
            export.formats().stream().filter(f -> f.id().equals("msmtp")).findFirst().orElseThrow().selectedProperty().set(true);
            export.includePasswordProperty().set(true);
            export.export();
            java.nio.file.Path dir = export.folderProperty().get();
            // The scripted servers listen on random ports, which Apple Mail could not be told the mode of: refused, with the reason.
            assertThat(export.statusProperty().get()).contains("3 files written").contains("1 format could not be written");
            assertThat(java.nio.file.Files.readString(dir.resolve("msmtprc"))).contains("password \"pw-4711\"");
            assertThat(java.nio.file.Files.readString(dir.resolve("report.html"))).contains(HOST).doesNotContain("pw-4711");
            assertThat(java.nio.file.Files.exists(dir.resolve("a@vm.test.mobileconfig"))).isFalse();
            assertThat(export.results()).extracting(i -> i.format()).containsExactly("msmtp", "report", "report", "apple");
            assertThat(export.results().get(0).holdsPassword()).isTrue();
            assertThat(export.results().get(3).label()).startsWith("apple: not written").contains("picks the TLS mode from the port");
        }
    }

    @Test
    void hostnameMismatchIsOnlyOfferedWithTheStrongWarning() {
        var other = PKI.issue("other.example.net");
        try (var server = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(other.serverContext()).build())) {
            WizardState s = state();
            s.addressProperty().set("a@vm.test");
            s.mappingsProperty().set(HOST + ":127.0.0.1");
            s.servers().setAll(new ServerRow(HOST, server.port(), Security.TLS, CandidateSource.USER, true));
            new TestingViewModel(s, new ImmediateTaskRunner(), UiDispatcher.IMMEDIATE).start();
            var p = s.reportProperty().get().probes().get(0);
            assertThat(p.outcome()).isEqualTo(Outcome.CERT_HOSTNAME_MISMATCH);
            assertThat(ResultViewModel.trustLevel(p)).isEqualTo(ResultViewModel.TrustLevel.WARN_STRONGLY);
            assertThat(ResultViewModel.trustWarning(p)).contains("WARNING").contains("other.example.net");
        }
    }

    /** The trust decision lives in the wizard's ViewModel: asked once, with the warning the problem calls for; pinned and re-tested only on yes. */
    @Test
    void theWizardAsksBeforeTrustingAndRetestsOnlyOnYes() {
        var self = DemoPki.selfSigned(HOST);
        var other = PKI.issue("other.example.net");
        try (var selfSigned = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(self.serverContext()).user("a@vm.test", "pw").build());
             var mismatch = ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(other.serverContext()).build())) {
            WizardState s = state();
            s.addressProperty().set("a@vm.test");
            s.passwordProperty().set("pw");
            s.mappingsProperty().set(HOST + ":127.0.0.1");
            s.servers().setAll(new ServerRow(HOST, selfSigned.port(), Security.TLS, CandidateSource.USER, true),
                    new ServerRow(HOST, mismatch.port(), Security.TLS, CandidateSource.USER, true));
            FakeWindow window = new FakeWindow();
            WizardViewModel wizard = wizard(s, window);
            wizard.entered(Page.TESTING, true);
            var untrusted = s.reportProperty().get().probes().get(0);
            var otherName = s.reportProperty().get().probes().get(1);
            assertThat(untrusted.outcome()).isEqualTo(Outcome.CERT_UNTRUSTED);
            assertThat(otherName.outcome()).isEqualTo(Outcome.CERT_HOSTNAME_MISMATCH);

            wizard.trust(otherName);
            wizard.trust(untrusted);
            assertThat(window.events).containsExactly("ask strongly " + mismatch.port(), "ask " + selfSigned.port());
            assertThat(s.pins()).isEmpty();

            window.answer = true;
            wizard.trust(untrusted);
            assertThat(window.events).endsWith("ask " + selfSigned.port(), "show TESTING");
            assertThat(s.pins()).containsExactly(untrusted.tls().certificate().sha256());
            wizard.entered(Page.TESTING, true); // what the window does on "show TESTING"
            assertThat(s.reportProperty().get().probes().get(0).outcome()).isEqualTo(Outcome.OK);
            assertThat(wizard.canGoNext(Page.TESTING).get()).isTrue();

            window.events.clear();
            wizard.trust(s.reportProperty().get().probes().get(0));
            assertThat(window.events).as("a working or pinned certificate is not offered").isEmpty();
        }
    }

    @Test
    void theDemoFillsTheWizardAndGoesToTheTestAndCancelClosesWhenNothingRuns() {
        WizardState s = state();
        FakeWindow window = new FakeWindow();
        WizardViewModel wizard = wizard(s, window);
        try {
            wizard.cancel();
            assertThat(window.events).containsExactly("close");
            wizard.startDemo();
            assertThat(window.events).containsExactly("close", "show TESTING");
            assertThat(s.addressProperty().get()).isEqualTo(DemoServers.ADDRESS);
            assertThat(s.passwordProperty().get()).isNotEmpty();
            assertThat(s.timeoutSecondsProperty().get()).isEqualTo(3);
            assertThat(s.servers()).extracting(ServerRow::toEndpoint).containsExactlyElementsOf(s.demoProperty().get().endpoints());
            assertThat(wizard.canGoNext(Page.SERVERS).get()).isTrue();
            assertThat(wizard.canGoNext(Page.TESTING).get()).as("Next waits for a finished run").isFalse();
        } finally {
            wizard.dispose();
        }
        assertThat(s.passwordProperty().get()).as("closing the window forgets the password").isEmpty();
    }

    private static WizardViewModel wizard(WizardState s, FakeWindow window) {
        TaskRunner runner = new ImmediateTaskRunner();
        return new WizardViewModel(s, new WizardViewModel.Steps(new AccountViewModel(s),
                new ServersViewModel(s, runner, st -> dev.mailwizard.discovery.Discovery.guessOnly()),
                new TestingViewModel(s, runner, UiDispatcher.IMMEDIATE), new ResultViewModel(s),
                new ExportViewModel(s, runner, "Linux", java.nio.file.Path.of("unused-home"))), window, window);
    }

    /** The window, as the wizard's ViewModel sees it: where it was sent, and what it was asked. */
    private static final class FakeWindow implements WizardViewModel.Navigator, WizardDialogs {
        final List<String> events = new java.util.ArrayList<>();
        boolean answer;

        @Override
        public void show(Page page) {
            events.add("show " + page);
        }

        @Override
        public void close() {
            events.add("close");
        }

        @Override
        public boolean confirmTrust(dev.mailwizard.probe.ProbeResult probe, boolean strong, String warning) {
            events.add((strong ? "ask strongly " : "ask ") + probe.endpoint().port());
            return answer;
        }

        @Override
        public void showCertificate(dev.mailwizard.probe.ProbeResult probe) {
            events.add("certificate");
        }
    }
}
