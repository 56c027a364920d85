package dev.mailwizard.probe;

import dev.mailwizard.model.AppLanguage;
import dev.mailwizard.model.Outcome;
import dev.mailwizard.model.Words;
import dev.mailwizard.model.DisplayText;
import dev.mailwizard.model.Endpoint;

import java.util.List;

/**
 * Everything one probe found out, immutable. {@code outcome} is the verdict; {@code detail} says
 * what exactly happened, in words; {@code tls}, {@code login}, {@code testMessage} are null when
 * that phase did not happen. {@code legacyTlsVersion} is set ("TLSv1", "TLSv1.1") only when a
 * diagnosis-only handshake showed that the server speaks nothing newer; it is never used to log in.
 * Every text is safe to show ({@link DisplayText}): whatever builds a result, no face sees raw server text.
 */
public record ProbeResult(Endpoint endpoint, String address, Outcome outcome, String detail, String banner,
                          List<String> capabilitiesBeforeTls, List<String> capabilitiesAfterTls,
                          String starttlsReply, List<String> authMechanisms, TlsDetails tls,
                          LoginReport login, boolean credentialsSent, Timings timings,
                          List<String> warnings, List<String> transcript, TestMessage testMessage,
                          String legacyTlsVersion) {
    public ProbeResult {
        banner = DisplayText.serverLine(banner);
        capabilitiesBeforeTls = capabilitiesBeforeTls == null ? null : List.copyOf(DisplayText.serverLines(capabilitiesBeforeTls));
        capabilitiesAfterTls = capabilitiesAfterTls == null ? null : List.copyOf(DisplayText.serverLines(capabilitiesAfterTls));
        starttlsReply = DisplayText.serverLine(starttlsReply);
        authMechanisms = List.copyOf(DisplayText.serverLines(authMechanisms));
        warnings = List.copyOf(DisplayText.escape(warnings));
        transcript = List.copyOf(DisplayText.escape(transcript));
        detail = detail == null ? "" : DisplayText.escape(detail);
    }

    /** The TCP connection was accepted (so "the port is closed" can never be the explanation). */
    public boolean connected() {
        return timings.connectMs() != null;
    }

    /**
     * What to do about this result: the outcome's advice, fitted to what happened. A port that
     * accepted the connection is never called closed.
     */
    public String advice() {
        return advice(AppLanguage.ENGLISH);
    }

    /** The same in {@code language}, for a face. */
    public String advice(AppLanguage language) {
        if (outcome == Outcome.LOGIN_REJECTED && login != null && login.refusal() != null) {
            return login.refusal().advice(language);
        }
        String variant = adviceVariant();
        return variant == null ? outcome.advice(language)
                : Words.in(language, outcome.key() + "." + variant + ".advice", legacyTlsVersion == null ? "" : legacyTlsWords());
    }

    /**
     * Which variant of the outcome's words fits what happened: "legacy" (an old-TLS-only server),
     * "connected" (a cut connection the server had accepted), or null for the plain words.
     */
    public String adviceVariant() {
        if (outcome == Outcome.TLS_HANDSHAKE_FAILED && legacyTlsVersion != null) {
            return "legacy";
        }
        if (outcome == Outcome.REFUSED && connected()) {
            return "connected";
        }
        return null;
    }

    /** "TLS 1.0" or "TLS 1.1" for {@link #legacyTlsVersion}; null when it is not set. */
    public String legacyTlsWords() {
        return legacyTlsVersion == null ? null : "TLSv1".equals(legacyTlsVersion) ? "TLS 1.0" : legacyTlsVersion.replace("TLSv", "TLS ");
    }

    public boolean certificatePinned() {
        return tls != null && tls.certificate() != null && tls.certificate().pinned() && !tls.certificate().trusted();
    }
}
