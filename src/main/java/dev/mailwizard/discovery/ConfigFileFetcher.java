package dev.mailwizard.discovery;

import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.EmailAddress;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * Fetches one autoconfig document and applies the security rules of
 * draft-ietf-mailmaint-autoconfig: HTTPS verified; redirects followed only over HTTPS, and a
 * redirect that leaves the registrable domain makes the result untrusted; a request for
 * authentication is refused (no credentials ever go to a config URL); invalid XML is ignored
 * with a warning. The provider a file names (its help links, its OAuth2 endpoints) is kept only
 * from a trusted fetch: links from a plain-HTTP file or a cross-domain redirect could be anyone's.
 */
final class ConfigFileFetcher {
    private static final int MAX_REDIRECTS = 3;
    private final HttpFetcher http;

    ConfigFileFetcher(HttpFetcher http) {
        this.http = http;
    }

    SourceResult fetch(URI start, EmailAddress address, CandidateSource source, boolean trustedStart, String what) {
        URI uri = start;
        boolean trusted = trustedStart && "https".equalsIgnoreCase(start.getScheme());
        List<String> notes = new ArrayList<>();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpFetcher.Response response;
            try {
                response = http.get(uri);
            } catch (UnknownHostException e) {
                return new SourceResult.NotFound(source, uri.getHost() + " does not resolve");
            } catch (SocketTimeoutException e) {
                return new SourceResult.Failed(source, uri + ": no answer in time");
            } catch (SSLException e) {
                return new SourceResult.Failed(source, uri + ": TLS failed (" + e.getMessage() + "); not used");
            } catch (IOException e) {
                return new SourceResult.Failed(source, uri + ": " + e.getMessage());
            }
            int status = response.status();
            if (status == 401 || status == 407) {
                return new SourceResult.Failed(source, uri + " asks for authentication: refused (MailWizard never sends credentials to a config URL)");
            }
            if (status >= 300 && status < 400 && response.headers().containsKey("location")) {
                URI next = uri.resolve(response.headers().get("location"));
                if (!"https".equalsIgnoreCase(next.getScheme())) {
                    return new SourceResult.Failed(source, uri + " redirects to " + next + ", which is not HTTPS: not followed");
                }
                if (!DomainNames.sameRegistrable(next.getHost(), start.getHost())) {
                    trusted = false;
                    notes.add("redirected from " + start.getHost() + " to another domain, " + next.getHost() + ": untrusted until you confirm");
                }
                uri = next;
                continue;
            }
            if (status == 404 || status == 410) {
                return new SourceResult.NotFound(source, uri + " answered " + status);
            }
            if (status != 200) {
                return new SourceResult.Failed(source, uri + " answered HTTP " + status);
            }
            try {
                String detail = what + " " + uri.getScheme() + "://" + uri.getHost() + uri.getPath() + (trusted ? "" : " (untrusted)");
                AutoconfigFile file = AutoconfigParser.parse(response.body(), address, source, trusted, detail);
                return new SourceResult.Found(source, file.servers(), notes, List.of(), trusted ? file.provider() : null);
            } catch (IllegalArgumentException e) {
                return new SourceResult.Failed(source, uri + " is not a usable autoconfig file: " + e.getMessage() + "; ignored");
            }
        }
        return new SourceResult.Failed(source, start + ": too many redirects");
    }
}
