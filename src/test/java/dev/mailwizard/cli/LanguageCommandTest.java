package dev.mailwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mailwizard.demo.DemoPki;
import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;
import dev.mailwizard.model.AppLanguage;
import dev.mailwizard.model.Words;

import org.junit.jupiter.api.Test;

/**
 * {@code --lang}: the text report speaks the language asked for, the JSON report never changes, and
 * a language MailWizard does not speak is bad usage naming it and the choices.
 */
class LanguageCommandTest {
    private static final String HOST = "mail.example.test";
    private static final String USER = "dora@example.test";
    private static final TestCa CA = TestCa.named("Language Test CA");
    private static final DemoPki PKI = CA.pki();
    /** In the text report (a refused login's fix) and in the JSON ({@code login.advice}, in English). */
    private static final String KNOWN_KEY = "diagnosis.credentials_wrong.advice";

    private static ScriptedSmtpServer refusingServer() {
        return ScriptedSmtpServer.start(ServerBehaviour.builder().implicitTls(PKI.issue(HOST).serverContext()).user(USER, "right").build());
    }

    private static CliHarness.Result probe(ScriptedSmtpServer server, String... extra) {
        return CliHarness.probeOverTls(server.port(), USER, HOST, CA, "wrong", extra);
    }

    /** The JSON without what differs from run to run (times and the start instant). */
    private static String withoutTimes(String json) {
        return json.replaceAll("\"(\\w+Ms)\" : \\d+", "\"$1\" : 0").replaceAll("\"startedAt\" : \"[^\"]*\"", "\"startedAt\" : \"\"");
    }

    @Test
    void theTextReportIsGermanWithLangDe() {
        String german = Words.in(AppLanguage.GERMAN, KNOWN_KEY);
        String english = Words.english(KNOWN_KEY);
        assumeTrue(!german.equals(english), "words_de.properties translates " + KNOWN_KEY);
        try (var server = refusingServer()) {
            CliHarness.Result r = probe(server, "--lang", "de");
            assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
            assertThat(r.out()).contains(german.split(" ")[0]).doesNotContain(english);
            assertThat(r.out()).contains(Words.in(AppLanguage.GERMAN, "report.fix"));
        }
    }

    @Test
    void withoutLangTheTextReportIsInTheSystemsLanguageHereEnglish() {
        try (var server = refusingServer()) {
            CliHarness.Result r = probe(server);
            assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
            assertThat(r.out()).contains("Fix: " + Words.english(KNOWN_KEY).split(" ")[0], "What did not work, and why:");
        }
    }

    @Test
    void theJsonReportIsTheSameWithAndWithoutLang() {
        try (var server = refusingServer()) {
            CliHarness.Result plain = probe(server, "--json");
            CliHarness.Result german = probe(server, "--json", "--lang", "de");
            CliHarness.Result japanese = probe(server, "--lang", "ja", "--json");
            assertThat(plain.exitCode()).as(plain.err()).isEqualTo(3);
            assertThat(plain.out()).contains("\"advice\" : \"" + Words.english(KNOWN_KEY));
            assertThat(withoutTimes(german.out())).isEqualTo(withoutTimes(plain.out()));
            assertThat(withoutTimes(japanese.out())).isEqualTo(withoutTimes(plain.out()));
        }
    }

    @Test
    void anUnknownLanguageIsBadUsageNamingItAndTheChoices() {
        CliHarness.Result r = CliHarness.run("", "probe", "alice@example.test", "--lang", "klingon");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("'klingon'", "en, de, fr, es, it, pt-BR, ja").doesNotContain("\n\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void langEnAndBrazilianPortugueseAreAcceptedInAnySpelling() {
        assertThat(AppLanguage.parse("en")).isEqualTo(AppLanguage.ENGLISH);
        assertThat(AppLanguage.parse("pt_br")).isEqualTo(AppLanguage.BRAZILIAN_PORTUGUESE);
        assertThat(AppLanguage.parse("DE")).isEqualTo(AppLanguage.GERMAN);
    }

    @Test
    void theRunLeavesTheAppsLanguageAsItFoundIt() {
        AppLanguage before = AppLanguage.current();
        CliHarness.run("", "probe", "--help", "--lang", "fr");
        assertThat(AppLanguage.current()).isEqualTo(before);
    }
}
