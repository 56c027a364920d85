package dev.mailwizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.export.ProfileWriters;
import dev.mailwizard.model.AppLanguage;
import dev.mailwizard.model.Words;

import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** The wizard's bundle: complete for what the code asks of it, and English when English is asked. */
class MessagesTest {
    @Test
    void everyExportFormatHasItsWordsInTheWizardsBundle() {
        ResourceBundle english = Words.bundle(Messages.BUNDLE_NAME, AppLanguage.ENGLISH);
        assertThat(ProfileWriters.ids()).allMatch(id -> english.containsKey("export.format." + id));
    }

    @Test
    void countsAreSaidWithTheRightPluralInEnglish() {
        AppLanguage before = AppLanguage.current();
        try {
            AppLanguage.use(AppLanguage.ENGLISH);
            assertThat(Messages.get("export.done", 1L, "/tmp/x")).startsWith("1 file written");
            assertThat(Messages.get("export.done", 3L, "/tmp/x")).startsWith("3 files written");
            assertThat(Messages.get("export.done.refused", 2L, "/tmp/x", 1L)).contains("2 files written", "1 format could not");
            assertThat(Messages.get("servers.found", "DNS", 0L)).contains("No row comes from outside");
            assertThat(Messages.get("time.minutes", 2L)).isEqualTo("2 min");
        } finally {
            AppLanguage.use(before);
        }
    }
}
