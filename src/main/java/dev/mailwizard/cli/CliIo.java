package dev.mailwizard.cli;

import dev.mailwizard.probe.TrustMaterial;
import dev.mailwizard.signin.Browser;
import dev.mailwizard.signin.TokenStore;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The streams a command uses, the base trust store (null: the system's), and for OAuth2 sign-in
 * the token store (null: the OS keyring) and the browser (null: {@code $BROWSER} or the desktop's).
 * Tests pass their own; the real program uses the process's.
 */
public record CliIo(InputStream in, PrintStream out, PrintStream err, TrustMaterial baseTrust, TokenStore tokenStore, Browser browser) {
    public CliIo(InputStream in, PrintStream out, PrintStream err, TrustMaterial baseTrust) {
        this(in, out, err, baseTrust, null, null);
    }

    public static CliIo system() {
        return new CliIo(System.in, System.out, System.err, null);
    }
}
