package dev.mailwizard.probe;

import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.model.Outcome;
import dev.mailwizard.model.Security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the settings to advise from a run's results: working before rejected, verified before
 * pinned, then RFC 8314's order (465 implicit TLS, 587 STARTTLS, 2525, 25). A login is checked once
 * per server, and its result stands for every verified port of that server. Plain is advised only
 * when the user allowed it and nothing encrypted works.
 */
public final class Recommender {
    private Recommender() {
    }

    /** The best first; empty when nothing can be advised. */
    public static List<Recommendation> rank(List<ProbeResult> results, String username, boolean allowPlain) {
        List<ProbeResult> secure = results.stream()
                .filter(r -> r.outcome() == Outcome.OK || r.outcome() == Outcome.LOGIN_REJECTED)
                .sorted(order())
                .toList();
        List<ProbeResult> chosen = secure;
        if (secure.isEmpty() && allowPlain) {
            chosen = results.stream().filter(r -> r.outcome() == Outcome.PLAIN_OK).sorted(order()).toList();
        }
        List<Recommendation> out = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            ProbeResult r = chosen.get(i);
            out.add(new Recommendation(r.endpoint().protocol(), r.endpoint().host(), r.endpoint().port(), r.endpoint().security(),
                    username, authMethod(r), mechanism(r), r.outcome(), i == 0 ? why(r, chosen) : r.detail()));
        }
        return out;
    }

    /** The method the login used; a run without a secret advises a password login. */
    private static AuthMethod authMethod(ProbeResult r) {
        return r.login() != null && r.login().method() != null ? r.login().method() : AuthMethod.PASSWORD;
    }

    private static Comparator<ProbeResult> order() {
        return Comparator.<ProbeResult>comparingInt(r -> r.outcome() == Outcome.OK ? 0 : 1)
                .thenComparingInt(r -> r.certificatePinned() ? 1 : 0)
                .thenComparingInt(r -> PortMatrix.rank(r.endpoint().protocol(), r.endpoint().port(), r.endpoint().security()));
    }

    private static String mechanism(ProbeResult r) {
        if (r.login().mechanism() != null) {
            return r.login().mechanism();
        }
        return authMethod(r) == AuthMethod.OAUTH2 ? TokenMechanisms.pick(r.authMechanisms()) : SmtpProbe.pickMechanism(r.authMechanisms());
    }

    private static String why(ProbeResult best, List<ProbeResult> all) {
        StringBuilder why = new StringBuilder();
        String where = best.endpoint().host() + " port " + best.endpoint().port() + " with " + best.endpoint().security().label();
        if (best.outcome() == Outcome.PLAIN_OK) {
            return "Nothing encrypted works; " + where + " answers without encryption. You allowed plain connections, but a password"
                    + " and your mail would cross the network readable: use this only on a network you trust, and ask the provider to fix TLS.";
        }
        why.append(where).append(" works");
        if (best.certificatePinned()) {
            why.append(", with the certificate you pinned (it is not verified by a certificate authority)");
        } else {
            why.append(", encrypted with a certificate that is valid for ").append(best.endpoint().host());
        }
        ProbeResult login = all.stream().filter(r -> r.endpoint().host().equals(best.endpoint().host()) && r.login().attempted())
                .findFirst().orElse(best);
        String at = login == best ? "" : " (checked once, on port " + login.endpoint().port() + ")";
        switch (login.login().result()) {
            case OK -> why.append(", and the login succeeded").append(at).append('.');
            case REJECTED -> refused(why, login.login().refusal(), at);
            default -> why.append('.');
        }
        boolean has465 = all.stream().anyMatch(r -> works(r, 465, Security.TLS));
        boolean has587 = all.stream().anyMatch(r -> works(r, 587, Security.STARTTLS));
        if (has465 && has587) {
            why.append(" Both 465 (SSL/TLS) and 587 (STARTTLS) work and either is sound; RFC 8314 prefers implicit TLS on 465.");
        } else if (best.endpoint().port() == 465) {
            why.append(" RFC 8314 prefers implicit TLS on port 465 for sending mail.");
        } else if (best.endpoint().port() == 587) {
            why.append(" Port 587 with STARTTLS is the standard submission port; with STARTTLS required it is safe.");
        } else if (best.endpoint().port() == 25) {
            why.append(" Port 25 is meant for server-to-server mail and is often blocked on home and mobile networks; prefer 465 or 587 where they work.");
        }
        Optional.ofNullable(login.testMessage()).ifPresent(t -> why.append(t.accepted()
                ? " The test message to " + t.to() + " was accepted (" + t.reply() + ")."
                : " But the test message to " + t.to() + " was not accepted: " + t.reply()));
        return why.toString();
    }

    /** "but the server refused the password", or what the refusal's diagnosis says, then its advice. */
    private static void refused(StringBuilder why, RefusalDiagnosis refusal, String at) {
        if (refusal == null || refusal.diagnosis() == dev.mailwizard.model.LoginDiagnosis.CREDENTIALS_WRONG
                && refusal.advice().equals(refusal.diagnosis().advice())) {
            why.append(", but the server refused the password").append(at).append(": these settings are right, check the password.");
            return;
        }
        why.append(", but ").append(refusal.diagnosis().meaning()).append(at).append(": these settings are right. ").append(refusal.advice());
    }

    private static boolean works(ProbeResult r, int port, Security security) {
        return r.outcome() == Outcome.OK && r.endpoint().port() == port && r.endpoint().security() == security;
    }
}
