package dev.mailwizard.ui;

import dev.mailwizard.demo.DemoServers;
import dev.mailwizard.discovery.ProviderResolution;
import dev.mailwizard.model.DeclinedService;
import dev.mailwizard.model.EmailAddress;
import dev.mailwizard.model.Provider;
import dev.mailwizard.probe.ProbeReport;
import dev.mailwizard.probe.TrustMaterial;

import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * What the wizard knows, shared by its steps: the account (and how it signs in), the servers to
 * test, the advanced options, certificates the user pinned, and the last report. Going back never
 * loses any of it.
 */
public final class WizardState {
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty login = new SimpleStringProperty("");
    /** The person's choice on the Account step; it counts only where sign-in is offered ({@link SignInSupport#chosenFor}). */
    private final BooleanProperty signInChosen = new SimpleBooleanProperty(true);
    private final BooleanProperty rememberSignIn = new SimpleBooleanProperty(false);
    private HeldToken heldToken;
    /** Fires on edits inside a row too, so validation follows every keystroke. */
    private final ObservableList<ServerRow> servers = FXCollections.observableArrayList(r -> new javafx.beans.Observable[]{
            r.enabledProperty(), r.hostProperty(), r.portProperty(), r.securityProperty()});
    private final ObjectProperty<Path> extraCa = new SimpleObjectProperty<>();
    private final StringProperty mappings = new SimpleStringProperty("");
    private final IntegerProperty timeoutSeconds = new SimpleIntegerProperty(10);
    private final ObservableSet<String> pins = FXCollections.observableSet();
    private final ObservableList<DeclinedService> declinedServices = FXCollections.observableArrayList();
    private final ObjectProperty<Provider> discoveredProvider = new SimpleObjectProperty<>();
    private final ObjectProperty<ProbeReport> report = new SimpleObjectProperty<>();
    private final ObjectProperty<DemoServers> demo = new SimpleObjectProperty<>();
    private final Supplier<TrustMaterial> baseTrust;
    /** The domain the server list was last filled for, so going back and forth keeps edits. */
    private String serversFilledFor;

    public WizardState(Supplier<TrustMaterial> baseTrust) {
        this.baseTrust = baseTrust;
    }

    public static WizardState withSystemTrust() {
        return new WizardState(TrustMaterial::system);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty loginProperty() {
        return login;
    }

    /** "Sign in with ... in your browser" (true, the default where it is offered) or "Use a password". */
    public BooleanProperty signInChosenProperty() {
        return signInChosen;
    }

    /** "Remember this sign-in on this computer": the refresh token goes to the OS keyring. */
    public BooleanProperty rememberSignInProperty() {
        return rememberSignIn;
    }

    /** The tokens of this window's last sign-in, or null. */
    public HeldToken heldToken() {
        return heldToken;
    }

    /** Keeps {@code token} for the next runs, wiping the one it replaces (null: keep none). */
    public void holdToken(HeldToken token) {
        if (heldToken != null && heldToken != token) {
            heldToken.wipe();
        }
        heldToken = token;
    }

    /** Services the domain's DNS says it does not offer (SRV "."), from the last search. */
    public ObservableList<DeclinedService> declinedServices() {
        return declinedServices;
    }

    /** The provider the last search found, for the domain {@link #serversFilledFor()} names; null when it found none. */
    public ObjectProperty<Provider> discoveredProviderProperty() {
        return discoveredProvider;
    }

    /**
     * The provider behind the address: what the search found when it ran for this domain, else the
     * table of well-known providers by the domain alone; null when neither knows one.
     */
    public Provider provider() {
        EmailAddress a;
        try {
            a = EmailAddress.parse(address.get());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (a.domain().equals(serversFilledFor) && discoveredProvider.get() != null) {
            return discoveredProvider.get();
        }
        return ProviderResolution.resolve(a.domain(), null, java.util.List.of()).orElse(null);
    }

    public ObservableList<ServerRow> servers() {
        return servers;
    }

    public ObjectProperty<Path> extraCaProperty() {
        return extraCa;
    }

    public StringProperty mappingsProperty() {
        return mappings;
    }

    public IntegerProperty timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    public ObservableSet<String> pins() {
        return pins;
    }

    public ObjectProperty<ProbeReport> reportProperty() {
        return report;
    }

    public ObjectProperty<DemoServers> demoProperty() {
        return demo;
    }

    /** The trust to start from: the system's, or only the demo CA in demo mode. */
    public TrustMaterial baseTrust() {
        return baseTrustSupplier().get();
    }

    /** Captures demo mode now; the supplier may then run on any thread (loading the system store is slow). */
    public Supplier<TrustMaterial> baseTrustSupplier() {
        DemoServers d = demo.get();
        return d != null ? () -> TrustMaterial.only(java.util.List.of(d.caCertificate())) : baseTrust;
    }

    /** The host mappings of the advanced area (one HOST:ADDRESS a line), plus the demo's names. */
    public java.util.List<dev.mailwizard.model.HostMapping> hostMappings() {
        java.util.List<dev.mailwizard.model.HostMapping> out = new java.util.ArrayList<>();
        String text = mappings.get();
        if (text != null) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    out.add(dev.mailwizard.model.HostMapping.parse(line.strip()));
                }
            }
        }
        if (demo.get() != null) {
            out.addAll(demo.get().mappings());
        }
        return out;
    }

    /** The login name: the one typed, else the address. */
    public String effectiveLogin() {
        return login.get() == null || login.get().isBlank() ? address.get().strip() : login.get().strip();
    }

    public String serversFilledFor() {
        return serversFilledFor;
    }

    public void serversFilledFor(String domain) {
        serversFilledFor = domain;
    }

    /** Forgets the password and wipes the tokens of a sign-in (window closed). */
    public void clearSecrets() {
        password.set("");
        holdToken(null);
    }
}
