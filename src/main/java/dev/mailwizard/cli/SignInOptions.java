package dev.mailwizard.cli;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code --oauth2} options of {@code probe}, checked.
 *
 * @param registrations the registrations file: {@code --oauth2-config}, else the default place
 * @param named         whether {@code --oauth2-config} named it (then it must exist)
 * @param remember      {@code --oauth2-remember}: keep the refresh token in the OS keyring
 * @param browserWait   {@code --oauth2-wait}: how long the browser step may take
 */
record SignInOptions(Path registrations, boolean named, boolean remember, Duration browserWait) {
}
