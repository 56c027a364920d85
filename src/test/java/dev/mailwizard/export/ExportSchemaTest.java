package dev.mailwizard.export;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Our XML output against strict project schemas, validated in-process: Thunderbird autoconfig,
 * Outlook Autodiscover, and the Apple plist (grammar by XSD, then the mail payload's required keys
 * and types). Each schema is also shown to reject the mistake it exists to catch.
 */
class ExportSchemaTest {

    @ParameterizedTest
    @EnumSource(ExportFixtures.Mode.class)
    void thunderbirdAutoconfigIsValidAndListsEveryServer(ExportFixtures.Mode mode) throws Exception {
        AccountProfile p = ExportFixtures.profile(mode);
        String xml = only(new ThunderbirdAutoconfigWriter(), p).text();
        validate("autoconfig-export.xsd", xml);
        Document d = parse(xml);
        // Thunderbird drops servers it cannot read without a word: the count must match what we meant to write.
        assertThat(d.getElementsByTagName("outgoingServer").getLength()).isEqualTo(p.outgoing().size());
        assertThat(d.getElementsByTagName("incomingServer").getLength()).isEqualTo(p.incoming().size());
    }

    @Test
    void autoconfigSchemaRejectsASocketTypeThunderbirdWouldDrop() throws Exception {
        String xml = only(new ThunderbirdAutoconfigWriter(), ExportFixtures.implicitTls()).text()
                .replaceFirst("<socketType>SSL</socketType>", "<socketType>TLS</socketType>");
        assertThatThrownBy(() -> validate("autoconfig-export.xsd", xml)).isInstanceOf(SAXException.class).hasMessageContaining("TLS");
    }

    @Test
    void anOAuth2AutoconfigFileIsValidAndTheSchemaKnowsThunderbirdsSpelling() throws Exception {
        JsonNode report = ExportFixtures.oauth2Report();
        String xml = only(new ThunderbirdAutoconfigWriter(), ReportProfiles.from(report, "")).text();
        validate("autoconfig-export.xsd", xml);
        assertThat(parse(xml).getElementsByTagName("authentication").getLength()).isEqualTo(3);
        // Thunderbird compares the word exactly and skips any other spelling: then the server is dropped.
        assertThatThrownBy(() -> validate("autoconfig-export.xsd", xml.replaceFirst("OAuth2<", "oauth2<")))
                .isInstanceOf(SAXException.class).hasMessageContaining("oauth2");
    }

    @ParameterizedTest
    @EnumSource(ExportFixtures.Mode.class)
    void outlookAutodiscoverIsValid(ExportFixtures.Mode mode) throws Exception {
        String xml = only(new OutlookAutodiscoverWriter(), ExportFixtures.profile(mode)).text();
        validate("autodiscover-export.xsd", xml);
        Document d = parse(xml);
        assertThat(d.getElementsByTagNameNS("*", "Protocol").getLength()).isEqualTo(2);
        String smtpEncryption = d.getElementsByTagNameNS("*", "Encryption").item(1).getTextContent();
        assertThat(smtpEncryption).isEqualTo(mode == ExportFixtures.Mode.TLS ? "SSL" : "TLS");
    }

    @Test
    void autodiscoverSchemaRejectsStarttlsAsAnEncryptionValue() throws Exception {
        String xml = only(new OutlookAutodiscoverWriter(), ExportFixtures.starttlsOnly()).text()
                .replace("<Encryption>TLS</Encryption>", "<Encryption>STARTTLS</Encryption>");
        assertThatThrownBy(() -> validate("autodiscover-export.xsd", xml)).isInstanceOf(SAXException.class);
    }

    @ParameterizedTest
    @EnumSource(ExportFixtures.Mode.class)
    void appleProfileIsAStrictPlistWithTheRequiredMailKeys(ExportFixtures.Mode mode) throws Exception {
        AccountProfile p = ExportFixtures.profile(mode);
        String xml = only(new AppleProfileWriter(), p).text();
        validate("plist-export.xsd", xml);
        Element top = firstChild(parse(xml).getDocumentElement(), "dict");
        Map<String, Node> profile = dict(top);
        assertThat(text(profile.get("PayloadType"))).isEqualTo("Configuration");
        assertThat(text(profile.get("PayloadVersion"))).isEqualTo("1");
        UUID.fromString(text(profile.get("PayloadUUID")));
        Element array = (Element) profile.get("PayloadContent");
        Map<String, Node> mail = dict(firstChild(array, "dict"));
        for (String required : new String[]{"PayloadType", "PayloadVersion", "PayloadIdentifier", "PayloadUUID", "EmailAccountType",
                "IncomingMailServerHostName", "IncomingMailServerAuthentication", "OutgoingMailServerHostName",
                "OutgoingMailServerAuthentication"}) {
            assertThat(mail).as(required).containsKey(required);
        }
        assertThat(text(mail.get("PayloadType"))).isEqualTo("com.apple.mail.managed");
        assertThat(mail.get("OutgoingMailServerPortNumber").getNodeName()).isEqualTo("integer");
        assertThat(text(mail.get("OutgoingMailServerPortNumber"))).isEqualTo(String.valueOf(p.outgoing().get(0).port()));
        assertThat(mail.get("OutgoingMailServerUseSSL").getNodeName()).isEqualTo("true");
        assertThat(text(mail.get("EmailAccountType"))).isEqualTo("EmailTypeIMAP");
        assertThat(text(mail.get("PayloadIdentifier"))).startsWith(text(profile.get("PayloadIdentifier")) + ".");
        assertThat(mail).doesNotContainKeys("OutgoingPassword", "IncomingPassword");
        UUID.fromString(text(mail.get("PayloadUUID")));
    }

    @Test
    void plistSchemaRejectsAMisspelledIntegerThatLenientReadersAccept() throws Exception {
        String xml = only(new AppleProfileWriter(), ExportFixtures.implicitTls()).text().replaceFirst("<integer>", "<integr>").replaceFirst("</integer>", "</integr>");
        assertThatThrownBy(() -> validate("plist-export.xsd", xml)).isInstanceOf(SAXException.class);
    }

    static ExportFile only(ProfileWriter w, AccountProfile p) {
        ExportResult r = w.write(ExportInput.of(p));
        assertThat(r).as(w.id()).isInstanceOf(ExportResult.Written.class);
        return ((ExportResult.Written) r).files().get(0);
    }

    static void validate(String schema, String xml) throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Schema s = f.newSchema(ExportSchemaTest.class.getResource("/export/schema/" + schema));
        s.newValidator().validate(new DOMSource(parse(xml)));
    }

    /** Namespace-aware, no DTD fetched (the plist's DOCTYPE names a URL). */
    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        var b = f.newDocumentBuilder();
        b.setEntityResolver((pub, sys) -> new org.xml.sax.InputSource(new StringReader("")));
        return b.parse(new ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static Element firstChild(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }

    private static Map<String, Node> dict(Element dict) {
        Map<String, Node> out = new LinkedHashMap<>();
        String key = null;
        for (Node n = dict.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (key == null) {
                    assertThat(e.getTagName()).isEqualTo("key");
                    key = e.getTextContent();
                    assertThat(out).as("duplicate key " + key).doesNotContainKey(key);
                } else {
                    out.put(key, e);
                    key = null;
                }
            }
        }
        return out;
    }

    private static String text(Node n) {
        assertThat(n).isNotNull();
        return n.getTextContent();
    }
}
