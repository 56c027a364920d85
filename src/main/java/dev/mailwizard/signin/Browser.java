package dev.mailwizard.signin;

import java.net.URI;

/**
 * Shows the person the authorization URL: the command line prints it and opens the system browser
 * ({@link SystemBrowser}), the wizard shows it with a button; tests follow it with an HTTP client.
 * Called once per sign-in, after the loopback listener is ready.
 */
@FunctionalInterface
public interface Browser {
    void show(URI authorizationUrl);
}
