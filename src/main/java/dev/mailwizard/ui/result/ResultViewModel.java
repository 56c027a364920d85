package dev.mailwizard.ui.result;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import dev.mailwizard.model.AppLanguage;
import dev.mailwizard.model.AuthMethod;
import dev.mailwizard.model.HostNames;
import dev.mailwizard.probe.CertificateReport;
import dev.mailwizard.probe.Hint;
import dev.mailwizard.model.Outcome;
import dev.mailwizard.probe.ProbeReport;
import dev.mailwizard.probe.ProbeResult;
import dev.mailwizard.probe.Recommendation;
import dev.mailwizard.ui.Messages;
import dev.mailwizard.ui.OutcomeTexts;
import dev.mailwizard.ui.WizardState;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Result step: the recommended settings in words a user understands, why, and what did not
 * work with the fix; the setup-time "trust this certificate" choice (RFC 8314 §5.4).
 */
public final class ResultViewModel {
    /** How hard to warn before pinning a certificate. */
    public enum TrustLevel { NOT_OFFERED, WARN, WARN_STRONGLY }

    private final WizardState state;
    private final StringProperty headline = new SimpleStringProperty("");
    private final ObjectProperty<ResultKind> kind = new SimpleObjectProperty<>(ResultKind.NONE);
    private final StringProperty server = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("");
    private final StringProperty security = new SimpleStringProperty("");
    private final StringProperty login = new SimpleStringProperty("");
    private final StringProperty why = new SimpleStringProperty("");
    private final BooleanProperty hasRecommendation = new SimpleBooleanProperty(false);
    private final BooleanProperty hasIncoming = new SimpleBooleanProperty(false);
    private final BooleanProperty hasOutgoing = new SimpleBooleanProperty(false);
    private final ObservableList<Conclusion> conclusions = FXCollections.observableArrayList();
    private final StringProperty incomingServer = new SimpleStringProperty("");
    private final StringProperty incomingPort = new SimpleStringProperty("");
    private final StringProperty incomingSecurity = new SimpleStringProperty("");
    private final StringProperty incomingProtocol = new SimpleStringProperty("");
    private final ObservableList<FailureItem> failures = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    // What the view gets: the same lists, read-only.
    private final ObservableList<Conclusion> conclusionsView = FXCollections.unmodifiableObservableList(conclusions);
    private final ObservableList<FailureItem> failuresView = FXCollections.unmodifiableObservableList(failures);
    private final ObservableList<String> warningsView = FXCollections.unmodifiableObservableList(warnings);

    /** Says the same report again in the wizard's new language (held here: the language keeps only a weak reference). */
    private final InvalidationListener relabel = o -> load();

    public ResultViewModel(WizardState state) {
        this.state = state;
        state.reportProperty().addListener((o, a, b) -> load());
        Messages.languageProperty().addListener(new WeakInvalidationListener(relabel));
        load();
    }

    private void load() {
        ProbeReport report = state.reportProperty().get();
        failures.clear();
        warnings.clear();
        conclusions.clear();
        if (report == null) {
            headline.set("");
            hasRecommendation.set(false);
            hasOutgoing.set(false);
            return;
        }
        Recommendation r = report.recommended();
        Recommendation in = report.recommendedIncoming();
        // An incoming-only run is judged, and headed, by its incoming result.
        Recommendation primary = report.primaryRecommendation();
        hasRecommendation.set(primary != null);
        hasOutgoing.set(r != null);
        if (primary == null) {
            kind.set(ResultKind.NONE);
            headline.set(Messages.get("result.none"));
            why.set(Messages.get(report.hints().isEmpty() ? "result.none.why" : "result.none.why.concluded"));
            login.set("");
        } else {
            boolean rejected = report.probes().stream().anyMatch(p -> p.outcome() == Outcome.LOGIN_REJECTED);
            boolean plain = primary.outcome() == Outcome.PLAIN_OK;
            kind.set(plain ? ResultKind.PLAIN : rejected ? ResultKind.REJECTED : ResultKind.OK);
            headline.set(plain ? Messages.get("result.plain") : rejected ? Messages.get(passwordOnly(report) ? "result.rejected" : "result.rejected.diagnosed") : Messages.get("result.ok"));
            login.set(primary.username() == null ? "" : Messages.get("result.login.value", primary.username()));
            why.set(r != null && in != null ? r.why(AppLanguage.current()) + "\n" + in.why(AppLanguage.current()) : primary.why(AppLanguage.current()));
        }
        server.set(r == null ? "" : HostNames.toUnicode(r.host()));
        port.set(r == null ? "" : Integer.toString(r.port()));
        security.set(r == null ? "" : r.security().label());
        hasIncoming.set(in != null);
        incomingProtocol.set(in == null ? "" : in.protocol().name());
        incomingServer.set(in == null ? "" : HostNames.toUnicode(in.host()));
        incomingPort.set(in == null ? "" : Integer.toString(in.port()));
        incomingSecurity.set(in == null ? "" : in.security().label());
        List<FailureItem> all = new java.util.ArrayList<>();
        for (ProbeResult p : report.probes()) {
            if (p.outcome() != Outcome.OK) {
                all.add(new FailureItem(p, OutcomeTexts.endpoint(p), p.outcome(), OutcomeTexts.explain(p),
                        trustLevel(p) != TrustLevel.NOT_OFFERED));
            }
            p.warnings().forEach(w -> warnings.add(OutcomeTexts.endpoint(p) + ": " + w));
        }
        // A conclusion stands for its rows: they are listed under it (collapsed), not again below.
        for (Hint h : report.hints()) {
            conclusions.add(new Conclusion(h.kind(), h.text(AppLanguage.current()), all.stream().filter(f -> h.covers(f.result().endpoint())).toList()));
        }
        all.stream().filter(f -> report.hints().stream().noneMatch(h -> h.covers(f.result().endpoint()))).forEach(failures::add);
    }

    /** Whether every refused login says only that the password (or login name) is wrong. */
    private static boolean passwordOnly(ProbeReport report) {
        return report.probes().stream().map(p -> p.login().refusal()).filter(java.util.Objects::nonNull)
                .allMatch(d -> d.diagnosis() == dev.mailwizard.model.LoginDiagnosis.CREDENTIALS_WRONG);
    }

    /** Whether, and how strongly warned, the user may pin this probe's certificate. */
    public static TrustLevel trustLevel(ProbeResult p) {
        if (p.tls() == null || p.tls().certificate() == null || p.tls().certificate().pinned()) {
            return TrustLevel.NOT_OFFERED;
        }
        return switch (p.outcome()) {
            case CERT_UNTRUSTED -> p.tls().certificate().hostnameMatches() && !p.tls().certificate().expired()
                    ? TrustLevel.WARN : TrustLevel.WARN_STRONGLY;
            case CERT_HOSTNAME_MISMATCH, CERT_EXPIRED -> TrustLevel.WARN_STRONGLY;
            default -> TrustLevel.NOT_OFFERED;
        };
    }

    /** The warning text for the trust dialog. */
    public static String trustWarning(ProbeResult p) {
        CertificateReport c = p.tls().certificate();
        String base = Messages.get("trust.warning", HostNames.toUnicode(p.endpoint().host()), c.sha256());
        return trustLevel(p) == TrustLevel.WARN_STRONGLY
                ? Messages.get("trust.warning.strong", String.join(", ", c.subjectAltNames()), HostNames.toUnicode(p.endpoint().host())) + "\n\n" + base
                : base;
    }

    /** Pins the probe's certificate for this account (setup-time trust); the caller re-tests. */
    public void trust(ProbeResult p) {
        if (trustLevel(p) == TrustLevel.NOT_OFFERED) {
            throw new IllegalStateException("this certificate cannot be trusted from here");
        }
        state.pins().add(p.tls().certificate().sha256());
    }

    /** The settings as a person would paste them into a mail client or a ticket. */
    public String clipboardText() {
        ProbeReport report = state.reportProperty().get();
        if (report == null || report.primaryRecommendation() == null) {
            return "";
        }
        Recommendation r = report.recommended();
        String text = r == null ? "" : Messages.get("result.clipboard", HostNames.toUnicode(r.host()), Integer.toString(r.port()),
                r.security().label(), r.username() == null ? "" : r.username(),
                Messages.get(r.authMethod() == AuthMethod.OAUTH2 ? "result.auth.oauth2" : "result.auth.password",
                        r.authMechanism() == null ? "-" : r.authMechanism()));
        Recommendation in = report.recommendedIncoming();
        if (in != null) {
            text = Messages.get("result.clipboard.incoming", in.protocol().name(), HostNames.toUnicode(in.host()), Integer.toString(in.port()),
                    in.security().label()) + text;
        }
        return text;
    }

    /** Conclusions across the run, each with the failed rows it stands for. */
    public ObservableList<Conclusion> conclusions() {
        return conclusionsView;
    }

    public ReadOnlyBooleanProperty hasOutgoingProperty() {
        return hasOutgoing;
    }

    public ReadOnlyBooleanProperty hasIncomingProperty() {
        return hasIncoming;
    }

    public ReadOnlyStringProperty incomingServerProperty() {
        return incomingServer;
    }

    public ReadOnlyStringProperty incomingPortProperty() {
        return incomingPort;
    }

    public ReadOnlyStringProperty incomingSecurityProperty() {
        return incomingSecurity;
    }

    public ReadOnlyStringProperty incomingProtocolProperty() {
        return incomingProtocol;
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline;
    }

    public ReadOnlyObjectProperty<ResultKind> kindProperty() {
        return kind;
    }

    public ReadOnlyStringProperty serverProperty() {
        return server;
    }

    public ReadOnlyStringProperty portProperty() {
        return port;
    }

    public ReadOnlyStringProperty securityProperty() {
        return security;
    }

    public ReadOnlyStringProperty loginProperty() {
        return login;
    }

    public ReadOnlyStringProperty whyProperty() {
        return why;
    }

    public ReadOnlyBooleanProperty hasRecommendationProperty() {
        return hasRecommendation;
    }

    public ObservableList<FailureItem> failures() {
        return failuresView;
    }

    public ObservableList<String> warnings() {
        return warningsView;
    }
}
