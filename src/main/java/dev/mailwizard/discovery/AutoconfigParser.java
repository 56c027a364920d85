package dev.mailwizard.discovery;

import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.ServerCandidate;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads Thunderbird's autoconfig format (config-v1.1.xml) safely: no DTDs, no external entities,
 * no XInclude; unknown elements are ignored; %EMAILADDRESS%, %EMAILLOCALPART% and %EMAILDOMAIN%
 * are filled in. Both outgoing and incoming servers are kept.
 */
final class AutoconfigParser {
    private AutoconfigParser() {
    }

    /**
     * @throws IllegalArgumentException when the text is not a usable autoconfig document
     */
    static List<ServerCandidate> parse(String xml, EmailAddress address, CandidateSource source, boolean trusted, String detail) {
        Document doc = read(xml);
        Element root = doc.getDocumentElement();
        if (!"clientConfig".equals(root.getTagName())) {
            throw new IllegalArgumentException("the root element is <" + root.getTagName() + ">, not <clientConfig>");
        }
        List<ServerCandidate> out = new ArrayList<>();
        for (String tag : List.of("outgoingServer", "incomingServer")) {
            NodeList servers = root.getElementsByTagName(tag);
            for (int i = 0; i < servers.getLength(); i++) {
                Element server = (Element) servers.item(i);
                Protocol protocol = protocol(server.getAttribute("type"));
                String host = fill(text(server, "hostname"), address);
                String port = text(server, "port");
                Security security = security(text(server, "socketType"));
                if (protocol == null || host == null || host.isBlank()) {
                    continue; // incomplete or a type we do not handle (e.g. exchange): ignored, as Thunderbird does
                }
                try {
                    Integer p = port == null ? null : Integer.valueOf(port.strip());
                    out.add(new ServerCandidate(protocol, host.strip(), p, security, source, trusted, detail));
                } catch (IllegalArgumentException e) {
                    // an invalid host or port: skip that server, keep the others
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the file lists no usable server");
        }
        return out;
    }

    private static Document read(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("invalid XML (" + brief(String.valueOf(e.getMessage())) + ")");
        }
    }

    /** The parser's message on one short line: it may quote the document, line breaks and all. */
    private static String brief(String message) {
        String line = message.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }

    private static String text(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent();
            }
        }
        return null;
    }

    private static Protocol protocol(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "smtp" -> Protocol.SMTP;
            case "imap" -> Protocol.IMAP;
            case "pop3" -> Protocol.POP3;
            default -> null;
        };
    }

    private static Security security(String socketType) {
        if (socketType == null) {
            return null;
        }
        return switch (socketType.strip().toUpperCase(Locale.ROOT)) {
            case "SSL", "TLS" -> Security.TLS;
            case "STARTTLS" -> Security.STARTTLS;
            case "PLAIN" -> Security.PLAIN;
            default -> null;
        };
    }

    private static String fill(String value, EmailAddress address) {
        if (value == null) {
            return null;
        }
        return value.replace("%EMAILADDRESS%", address.toString())
                .replace("%EMAILLOCALPART%", address.localPart())
                .replace("%EMAILDOMAIN%", address.domain());
    }
}
