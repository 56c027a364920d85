package dev.mailwizard.ui;

import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.Endpoint;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One server endpoint the user can edit: host, port, security, and where it came from. Part of
 * {@link WizardState} (the Servers step edits it, the Testing step reads it), so it lives beside it.
 */
public final class ServerRow {
    private final ObjectProperty<Protocol> protocol = new SimpleObjectProperty<>(Protocol.SMTP);
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final StringProperty host = new SimpleStringProperty("");
    private final IntegerProperty port = new SimpleIntegerProperty(465);
    private final ObjectProperty<Security> security = new SimpleObjectProperty<>(Security.TLS);
    private final ObjectProperty<CandidateSource> source = new SimpleObjectProperty<>(CandidateSource.USER);
    private final BooleanProperty trusted = new SimpleBooleanProperty(true);

    public ServerRow(String host, int port, Security security, CandidateSource source, boolean trusted) {
        this(Protocol.SMTP, host, port, security, source, trusted);
    }

    public ServerRow(Protocol protocol, String host, int port, Security security, CandidateSource source, boolean trusted) {
        this.protocol.set(protocol);
        this.host.set(host);
        this.port.set(port);
        this.security.set(security);
        this.source.set(source);
        this.trusted.set(trusted);
    }

    public ObjectProperty<Protocol> protocolProperty() {
        return protocol;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public IntegerProperty portProperty() {
        return port;
    }

    public ObjectProperty<Security> securityProperty() {
        return security;
    }

    public ObjectProperty<CandidateSource> sourceProperty() {
        return source;
    }

    public BooleanProperty trustedProperty() {
        return trusted;
    }

    /** The endpoint, or an exception naming what is wrong (blank host, bad port). */
    public Endpoint toEndpoint() {
        return new Endpoint(protocol.get(), host.get(), port.get(), security.get());
    }

    /** Null when the row is valid, otherwise what to fix. */
    public String problem() {
        try {
            toEndpoint();
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
