package dev.mailwizard.discovery;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.HostNames;
import dev.mailwizard.model.ServerCandidate;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Autoconfig and ISPDB files (config-v1.1.xml) as a web server might send them. Whatever the
 * text: a list of valid servers, at most one per server element, or an IllegalArgumentException
 * whose one-line message the finder shows; never another exception, never a document that had a
 * DTD (so no entity expansion, no external entity).
 * Inputs: src/test/resources/dev/mailwizard/discovery/AutoconfigParserFuzzTestInputs/autoconfig/.
 */
class AutoconfigParserFuzzTest {
    private static final EmailAddress ALICE = EmailAddress.parse("alice@example.test");
    private static final Pattern SERVER_ELEMENT = Pattern.compile("<(outgoing|incoming)Server[\\s/>]");

    @FuzzTest(maxDuration = "10s")
    void autoconfig(byte[] data) {
        String xml = new String(data, StandardCharsets.UTF_8);
        List<ServerCandidate> found;
        try {
            found = AutoconfigParser.parse(xml, ALICE, CandidateSource.AUTOCONFIG, true, "fuzz").servers();
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n", "\r");
            return;
        }
        assertThat(found).isNotEmpty().hasSizeLessThanOrEqualTo((int) SERVER_ELEMENT.matcher(xml).results().count());
        for (ServerCandidate c : found) {
            assertThat(HostNames.toAscii(c.host())).isEqualTo(c.host());
            assertThat(c.source()).isEqualTo(CandidateSource.AUTOCONFIG);
        }
        assertThat(hasDoctype(xml)).as("a document with a DTD was accepted").isFalse();
    }

    /** An independent look (DTDs read, but nothing external loaded or expanded): did the document declare one? */
    private static boolean hasDoctype(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setExpandEntityReferences(false);
            var b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new InputSource(new StringReader(xml))).getDoctype() != null;
        } catch (Exception e) {
            return false; // not even well-formed with a DTD allowed: it cannot have been accepted with one
        }
    }
}
