package dev.mailwizard.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Outcome and source words live in one bundle, complete in every language it comes in. */
class WordsTest {
    private static final Path RESOURCES = Path.of("src/main/resources/dev/mailwizard");

    private static List<Path> bundles(String folder, String base) throws IOException {
        try (Stream<Path> files = Files.list(RESOURCES.resolve(folder))) {
            return files.filter(f -> f.getFileName().toString().matches(base + "(_[A-Za-z_]+)?\\.properties")).sorted().toList();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void everyOutcomeDiagnosisAndSourceHasItsWordsInEveryBundle() throws IOException {
        List<Path> bundles = bundles("model", "words");
        assertThat(bundles).isNotEmpty();
        for (Path bundle : bundles) {
            Properties words = load(bundle);
            List<String> missing = new ArrayList<>();
            for (Outcome o : Outcome.values()) {
                for (String part : List.of(".meaning", ".advice", ".explain")) {
                    if (!words.containsKey(o.key() + part)) {
                        missing.add(o.key() + part);
                    }
                }
            }
            for (LoginDiagnosis d : LoginDiagnosis.values()) {
                for (String part : List.of(".meaning", ".advice")) {
                    if (words.getProperty(d.key() + part, "").isBlank()) {
                        missing.add(d.key() + part);
                    }
                }
            }
            for (CandidateSource s : CandidateSource.values()) {
                if (words.getProperty("source." + s.id(), "").isBlank()) {
                    missing.add("source." + s.id());
                }
            }
            assertThat(missing).as(bundle.toString()).isEmpty();
        }
    }

    @Test
    void theWizardsBundleDoesNotWordOutcomesOrSourcesASecondTime() throws IOException {
        for (Path bundle : bundles("ui", "messages")) {
            assertThat(load(bundle).stringPropertyNames()).as(bundle.toString())
                    .noneMatch(k -> k.startsWith("outcome.") || k.startsWith("source.") || k.startsWith("diagnosis."));
        }
    }

    @Test
    void wordsAreReadFromTheBundle() {
        assertThat(Outcome.REFUSED.meaning()).isEqualTo("the connection was refused or cut");
        assertThat(Outcome.SKIPPED.advice()).isEmpty();
        assertThat(LoginDiagnosis.TEMPORARY.advice()).contains("try again later");
        assertThat(CandidateSource.GUESS.words()).isEqualTo("guessed from the domain");
        assertThat(Words.get("outcome.tls_handshake_failed.legacy.advice", "TLS 1.0")).contains("TLS 1.0 is no longer safe");
    }
}
