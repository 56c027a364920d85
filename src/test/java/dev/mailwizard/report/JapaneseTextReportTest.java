package dev.mailwizard.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.model.AppLanguage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The text report in Japanese, as a terminal draws it: every Japanese character takes two
 * columns, so the table's columns line up only when padded by columns (they were padded by
 * characters, and each header ran ahead of its rows).
 */
class JapaneseTextReportTest {
    private final String japanese = new TextReport(false, AppLanguage.parse("ja")).render(TextReportGoldenTest.report(), false);

    @Test
    void theTablesRowsLineUpUnderItsHeadersInTerminalColumns() {
        List<String> lines = japanese.lines().toList();
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("mail.example.test") && header < 0) {
                header = i - 1;
            }
        }
        assertThat(header).as("the table in:%n%s", japanese).isGreaterThanOrEqualTo(0);
        String head = lines.get(header);
        String row = lines.get(header + 1);
        // The port column is right-aligned: its last digit sits under the header's last character.
        int portEnd = columnsUpTo(row, row.indexOf(" 465 ") + 4);
        assertThat(head.codePoints().anyMatch(TerminalWidth::isWide)).as(head).isTrue();
        String portHeader = head.trim().split("\\s+")[1];
        int headerPortEnd = columnsUpTo(head, head.indexOf(portHeader) + portHeader.length());
        assertThat(portEnd).as("%s%n%s", head, row).isEqualTo(headerPortEnd);
    }

    @Test
    void longJapaneseSentencesWrapWithinAHundredColumns() {
        assertThat(japanese.lines()).allSatisfy(l -> assertThat(TerminalWidth.columns(l)).as(l).isLessThanOrEqualTo(110));
        assertThat(TextReport.wrap("あ".repeat(120), 4).lines().toList()).hasSize(3)
                .allSatisfy(l -> assertThat(TerminalWidth.columns(l)).isLessThanOrEqualTo(100));
        assertThat(TextReport.wrap("plain English words stay on one line", 4)).doesNotContain("\n");
    }

    @Test
    void wideAndNarrowCharactersAreCountedAsTerminalsDrawThem() {
        assertThat(TerminalWidth.columns("サーバー")).isEqualTo(8);
        assertThat(TerminalWidth.columns("server")).isEqualTo(6);
        assertThat(TerminalWidth.columns("Sécurité")).isEqualTo(8);
        assertThat(TerminalWidth.padRight("接続", 6)).isEqualTo("接続  ");
        assertThat(TerminalWidth.padLeft("465", 5)).isEqualTo("  465");
    }

    private static int columnsUpTo(String line, int index) {
        return TerminalWidth.columns(line.substring(0, index));
    }
}
