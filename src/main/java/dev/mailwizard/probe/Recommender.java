package dev.mailwizard.probe;

import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.model.Outcome;
import dev.mailwizard.model.Phrase;
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
                    username, authMethod(r), mechanism(r), r.outcome(), i == 0 ? why(r, chosen) : Phrase.verbatim(r.detail())));
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

    /** Why {@code best} is advised, as sentences in the {@link dev.mailwizard.model.Words} bundle ({@code recommend.*}). */
    private static Phrase why(ProbeResult best, List<ProbeResult> all) {
        String host = best.endpoint().host();
        String port = Integer.toString(best.endpoint().port());
        String security = best.endpoint().security().label();
        if (best.outcome() == Outcome.PLAIN_OK) {
            return Phrase.of("recommend.plain", host, port, security);
        }
        ProbeResult login = all.stream().filter(r -> r.endpoint().host().equals(host) && r.login().attempted())
                .findFirst().orElse(best);
        Object at = login == best ? "" : Phrase.of("recommend.login.checked_at", Integer.toString(login.endpoint().port()));
        Phrase loginWords = switch (login.login().result()) {
            case OK -> Phrase.of("recommend.login.ok", at);
            case REJECTED -> refused(login.login().refusal(), at);
            default -> Phrase.of("recommend.login.none");
        };
        List<Phrase> sentences = new ArrayList<>();
        sentences.add(Phrase.of(best.certificatePinned() ? "recommend.works.pinned" : "recommend.works.verified", host, port, security, loginWords));
        boolean has465 = all.stream().anyMatch(r -> works(r, 465, Security.TLS));
        boolean has587 = all.stream().anyMatch(r -> works(r, 587, Security.STARTTLS));
        if (has465 && has587) {
            sentences.add(Phrase.of("recommend.port.both"));
        } else if (List.of(465, 587, 25).contains(best.endpoint().port())) {
            sentences.add(Phrase.of("recommend.port." + port));
        }
        Optional.ofNullable(login.testMessage()).ifPresent(t -> sentences.add(
                Phrase.of(t.accepted() ? "recommend.test.accepted" : "recommend.test.refused", t.to(), String.valueOf(t.reply()))));
        return Phrase.together(sentences.toArray(Phrase[]::new));
    }

    /** "but the server refused the password", or what the refusal's diagnosis says, then its advice. */
    private static Phrase refused(RefusalDiagnosis refusal, Object at) {
        if (refusal == null || refusal.diagnosis() == dev.mailwizard.model.LoginDiagnosis.CREDENTIALS_WRONG
                && refusal.advice().equals(refusal.diagnosis().advice())) {
            return Phrase.of("recommend.login.refused_password", at);
        }
        return Phrase.of("recommend.login.refused", at, Phrase.of(refusal.diagnosis().key() + ".meaning"), refusal.fix());
    }

    private static boolean works(ProbeResult r, int port, Security security) {
        return r.outcome() == Outcome.OK && r.endpoint().port() == port && r.endpoint().security() == security;
    }
}
