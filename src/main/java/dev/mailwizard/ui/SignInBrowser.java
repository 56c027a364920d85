package dev.mailwizard.ui;

import dev.mailwizard.signin.Browser;
import dev.mailwizard.signin.SystemBrowser;

import java.net.URI;

/**
 * Opens the provider's sign-in page: with the program in {@code $BROWSER} when it is set
 * ({@link SystemBrowser}, as the command line does), else with the platform's opener as
 * {@link LinkOpener} does. Not {@code java.awt.Desktop}, SystemBrowser's other way, for
 * LinkOpener's reason. Whether it opened or not, the Testing step shows the link to copy.
 */
public final class SignInBrowser implements Browser {
    @Override
    public void show(URI authorizationUrl) {
        String variable = System.getenv("BROWSER");
        if (variable != null && !variable.isBlank()) {
            SystemBrowser.open(authorizationUrl);
        } else {
            LinkOpener.open(authorizationUrl.toString());
        }
    }
}
