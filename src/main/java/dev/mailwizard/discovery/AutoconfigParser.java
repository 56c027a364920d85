package dev.mailwizard.discovery;

import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.DisplayText;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.HelpLink;
import dev.mailwizard.model.OAuth2Endpoints;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Provider;
import dev.mailwizard.model.ProviderNeeds;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.ServerCandidate;
import dev.mailwizard.model.Words;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
 * are filled in. Both outgoing and incoming servers are kept, each with its {@code <authentication>}
 * words in document order; and the provider the file names ({@code <emailProvider id>},
 * {@code <displayName>}, the {@code <oAuth2>} element, {@code <enable visiturl>} and
 * {@code <documentation url>} links, https only, texts through {@link DisplayText}).
 */
final class AutoconfigParser {
    private AutoconfigParser() {
    }

    /**
     * @throws IllegalArgumentException when the text is not a usable autoconfig document
     */
    static AutoconfigFile parse(String xml, EmailAddress address, CandidateSource source, boolean trusted, String detail) {
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
                    out.add(new ServerCandidate(protocol, host.strip(), p, security, source, trusted, detail, authentication(server)));
                } catch (IllegalArgumentException e) {
                    // an invalid host or port: skip that server, keep the others
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the file lists no usable server");
        }
        return new AutoconfigFile(out, provider(root, out, source));
    }

    /** Every {@code <authentication>} value of a server, in document order. */
    private static List<String> authentication(Element server) {
        List<String> out = new ArrayList<>();
        for (Element e : children(server, "authentication")) {
            String value = e.getTextContent().strip();
            if (!value.isEmpty()) {
                out.add(value);
            }
        }
        return out;
    }

    /** The provider the file names in {@code <emailProvider>}, or null when it names none. */
    private static Provider provider(Element root, List<ServerCandidate> servers, CandidateSource source) {
        Element provider = children(root, "emailProvider").stream().findFirst().orElse(null);
        if (provider == null) {
            return null;
        }
        String id = oneLine(provider.getAttribute("id"));
        String name = oneLine(text(provider, "displayName"));
        if (id.isEmpty() && name.isEmpty()) {
            return null;
        }
        return new Provider(id.isEmpty() ? name : id, name.isEmpty() ? id : name, needs(servers), oauth2(root), links(root, source));
    }

    /** OAUTH2 when OAuth2 is the only way the servers name, PASSWORD when they name only passwords, else null (they did not say). */
    private static ProviderNeeds needs(List<ServerCandidate> servers) {
        Set<String> ways = new LinkedHashSet<>();
        servers.forEach(s -> s.authentication().forEach(a -> ways.add(a.toLowerCase(Locale.ROOT))));
        if (ways.isEmpty()) {
            return null;
        }
        if (ways.equals(Set.of("oauth2"))) {
            return ProviderNeeds.OAUTH2;
        }
        return Set.of("password-cleartext", "password-encrypted").containsAll(ways) ? ProviderNeeds.PASSWORD : null;
    }

    /** The {@code <oAuth2>} element (Thunderbird puts it beside {@code <emailProvider>}); endpoints that are not https are left out. */
    private static OAuth2Endpoints oauth2(Element root) {
        List<Element> found = descendants(root, "oAuth2");
        if (found.isEmpty()) {
            return null;
        }
        Element o = found.get(0);
        String scope = oneLine(text(o, "scope"));
        return new OAuth2Endpoints(nullIfEmpty(oneLine(text(o, "issuer"))), scope.isEmpty() ? List.of() : List.of(scope.split(" ")),
                https(text(o, "authURL")), https(text(o, "tokenURL")));
    }

    /**
     * The {@code <enable visiturl>} pages first (what to do before a mail program can log in), then
     * {@code <documentation url>}; inside {@code <emailProvider>} or beside it (Gmail's file has it beside).
     */
    private static List<HelpLink> links(Element root, CandidateSource source) {
        List<HelpLink> out = new ArrayList<>();
        for (Element e : descendants(root, "enable")) {
            addLink(out, e.getAttribute("visiturl"), english(e, "instruction"), "provider.help.enable", source);
        }
        for (Element e : descendants(root, "documentation")) {
            addLink(out, e.getAttribute("url"), english(e, "descr"), "provider.help.documentation", source);
        }
        return out;
    }

    private static List<Element> descendants(Element root, String tag) {
        NodeList found = root.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < found.getLength(); i++) {
            out.add((Element) found.item(i));
        }
        return out;
    }

    private static void addLink(List<HelpLink> out, String url, String description, String fallbackKey, CandidateSource source) {
        String link = https(url);
        if (link != null && out.stream().noneMatch(l -> l.url().equals(link))) {
            out.add(new HelpLink(link, description.isEmpty() ? Words.english(fallbackKey) : description, source.id()));
        }
    }

    /** The text of the child in English (lang="en" or none), else the first; "" when there is none. */
    private static String english(Element parent, String tag) {
        List<Element> all = children(parent, tag);
        return oneLine(all.stream().filter(e -> e.getAttribute("lang").isEmpty() || e.getAttribute("lang").startsWith("en"))
                .findFirst().or(() -> all.stream().findFirst()).map(Element::getTextContent).orElse(""));
    }

    /** The URL when it is an https link with a host, else null: other links are dropped. */
    private static String https(String url) {
        String u = oneLine(url);
        try {
            URI uri = new URI(u);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null ? u : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** Outside text on one line: whitespace runs become one space, then control and bidi characters become visible escapes. */
    private static String oneLine(String text) {
        return text == null ? "" : DisplayText.escape(text.replaceAll("\\s+", " ").strip());
    }

    private static String nullIfEmpty(String s) {
        return s.isEmpty() ? null : s;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
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
