package dev.mailwizard.ui.testing;

import dev.mailwizard.model.Credentials;
import dev.mailwizard.model.DeclinedService;
import dev.mailwizard.model.Provider;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.ServerCandidate;
import dev.mailwizard.probe.AddressResolver;
import dev.mailwizard.probe.PlannedProbe;
import dev.mailwizard.probe.PortMatrix;
import dev.mailwizard.probe.ProbeJob;
import dev.mailwizard.probe.ProbeListener;
import dev.mailwizard.probe.ProbeOptions;
import dev.mailwizard.probe.ProbeRequest;
import dev.mailwizard.probe.TrustMaterial;
import dev.mailwizard.ui.WizardState;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a run's probe job is made of, read from the wizard's state on the UI thread; the slow parts
 * (the trust store, the extra CA file) are built by {@link #job} on the task's thread, where the
 * credentials are known too (after a sign-in, only then).
 */
record ProbeInputs(List<PlannedProbe> plan, List<ServerCandidate> candidates, String address, Duration timeout,
                   Supplier<TrustMaterial> baseTrust, Path extraCa, Set<String> pins, List<DeclinedService> declined, Provider provider,
                   AddressResolver resolver) {
    /** IllegalArgumentException, in words, for a host mapping that cannot be used. */
    static ProbeInputs read(WizardState state, List<PlannedProbe> plan, List<ServerCandidate> candidates) {
        return new ProbeInputs(plan, candidates, state.addressProperty().get().strip(), Duration.ofSeconds(state.timeoutSecondsProperty().get()),
                state.baseTrustSupplier(), state.extraCaProperty().get(), Set.copyOf(state.pins()), List.copyOf(state.declinedServices()),
                state.provider(), new AddressResolver(state.hostMappings()));
    }

    /** @param credentials the password or token to log in with, or null for a run without a login */
    ProbeJob job(Credentials credentials, ProbeListener listener) {
        return new ProbeJob(request(credentials), candidates, plan, trust(), resolver, listener).withDeclinedServices(declined)
                .withProvider(provider);
    }

    private ProbeRequest request(Credentials credentials) {
        ProbeOptions options = new ProbeOptions(timeout, credentials, false, null, address);
        boolean plain = plan.stream().anyMatch(p -> p.endpoint().security() == Security.PLAIN);
        // What was asked is what the rows hold: a run without SMTP rows is judged on incoming mail alone.
        List<PortMatrix.PortMode> modes = plan.stream()
                .map(p -> new PortMatrix.PortMode(p.endpoint().protocol(), p.endpoint().port(), p.endpoint().security())).distinct().toList();
        return new ProbeRequest(address, modes, options, plain);
    }

    private TrustMaterial trust() {
        TrustMaterial trust = baseTrust.get();
        if (extraCa != null) {
            trust = trust.withCaFile(extraCa, TrustMaterial.readPem(extraCa));
        }
        return trust.withPins(pins);
    }
}
