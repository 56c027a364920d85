package dev.mailwizard.ui;

import dev.mailwizard.model.KnownProvider;
import dev.mailwizard.model.KnownProviders;
import dev.mailwizard.model.Provider;
import dev.mailwizard.signin.Registration;
import dev.mailwizard.signin.RegistrationException;
import dev.mailwizard.signin.RegistrationsFile;

import java.nio.file.Path;

/**
 * The sign-in registrations file as the wizard read it when it started (once: {@code oauth2.json},
 * CONTRACT "Sign-in"): usable, possibly empty, or unusable with the reason in words. A broken file
 * never stops the wizard; it only means no sign-in is offered, and the Account step says why.
 */
public sealed interface SignInRegistrations {
    /** The file was read (or does not exist, which is no registration at all). */
    record Usable(RegistrationsFile file) implements SignInRegistrations {
    }

    /** The file exists but cannot be used; {@code problem} names the file, the entry and the field. */
    record Unusable(Path path, String problem) implements SignInRegistrations {
    }

    /** Reads {@code file} if it is there. */
    static SignInRegistrations read(Path file) {
        try {
            return new Usable(RegistrationsFile.readIfPresent(file));
        } catch (RegistrationException e) {
            return new Unusable(file, e.getMessage());
        }
    }

    /** No registrations and no file read (the tests' windows, which must not read the user's file). */
    static SignInRegistrations none() {
        return new Usable(RegistrationsFile.empty(Path.of(RegistrationsFile.FILE_NAME)));
    }

    /**
     * Whether a registration is for this provider: it names the provider's OAuth2 issuer, or one of
     * its hosts lies in the provider's server domains (the table of well-known providers), as
     * {@code smtp.gmail.com} lies in Google's {@code gmail.com}.
     */
    default boolean covers(Provider provider) {
        if (!(this instanceof Usable usable) || provider == null) {
            return false;
        }
        KnownProvider known = KnownProviders.bundled().byId(provider.id()).orElse(null);
        for (Registration r : usable.file().registrations()) {
            if (provider.oauth2() != null && r.hasIssuer(provider.oauth2().issuer())) {
                return true;
            }
            if (known != null && r.hosts().stream().anyMatch(h -> known.serverMatch(h) > 0)) {
                return true;
            }
        }
        return false;
    }
}
