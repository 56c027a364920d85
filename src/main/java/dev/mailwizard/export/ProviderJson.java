package dev.mailwizard.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailwizard.model.DisplayText;
import dev.mailwizard.model.HelpLink;
import dev.mailwizard.model.OAuth2Endpoints;
import dev.mailwizard.model.Provider;
import dev.mailwizard.model.ProviderNeeds;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the report's top-level {@code provider} (CONTRACT.md, "Sign-in"). The file may come from
 * anywhere, so nothing here fails: a part that is missing or not what the contract says reads as
 * "not stated", and only web pages count as help links.
 */
final class ProviderJson {
    private ProviderJson() {
    }

    /** The provider the report names, or null (an older report, or no source named one). */
    static Provider read(JsonNode report) {
        JsonNode p = report.path("provider");
        if (!p.isObject()) {
            return null;
        }
        return new Provider(ReportDocument.text(p, "id"), ReportDocument.text(p, "displayName"),
                ProviderNeeds.named(p.path("needs").asText("")), endpoints(p.path("oauth2")), help(p.path("help")));
    }

    private static OAuth2Endpoints endpoints(JsonNode o) {
        if (!o.isObject()) {
            return null;
        }
        List<String> scopes = new ArrayList<>();
        o.path("scopes").forEach(s -> {
            if (s.isTextual() && !s.asText().isBlank()) {
                scopes.add(DisplayText.escape(s.asText().strip()));
            }
        });
        return new OAuth2Endpoints(orNull(ReportDocument.text(o, "issuer")), scopes,
                https(ReportDocument.text(o, "authorizationEndpoint")), https(ReportDocument.text(o, "tokenEndpoint")));
    }

    private static List<HelpLink> help(JsonNode links) {
        List<HelpLink> out = new ArrayList<>();
        for (JsonNode l : links) {
            String url = ReportDocument.text(l, "url").strip();
            String lower = url.toLowerCase(Locale.ROOT);
            if (lower.startsWith("https://") || lower.startsWith("http://")) {
                String source = ReportDocument.text(l, "source");
                out.add(new HelpLink(url, ReportDocument.text(l, "description").strip(), source.isEmpty() ? "report" : source));
            }
        }
        return out;
    }

    /** An endpoint only as an https URL: tokens never travel another way. */
    private static String https(String s) {
        String t = s.strip();
        return t.toLowerCase(Locale.ROOT).startsWith("https://") && t.chars().noneMatch(Character::isWhitespace) ? t : null;
    }

    private static String orNull(String s) {
        return s.isBlank() ? null : s.strip();
    }
}
