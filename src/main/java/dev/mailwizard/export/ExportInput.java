package dev.mailwizard.export;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything a writer may use. {@code report} is the contract's JSON report when the settings came
 * from a probe run; {@code password} is present only when the user asked for it to be written.
 * {@code folder} is where the files go (absolute; files that name a copied file, such as the CA,
 * refer to it there) and {@code home} the user's home directory, for paths written as {@code ~/…}.
 * {@code os} is the system the files are for (where passwords live); by default the one MailWizard runs on.
 */
public record ExportInput(AccountProfile profile, Optional<JsonNode> report, Optional<String> password,
                          Optional<SigningIdentity> signing, Path folder, Path home, HostOs os) {
    public ExportInput {
        report = report == null ? Optional.empty() : report;
        password = password == null ? Optional.empty() : password;
        signing = signing == null ? Optional.empty() : signing;
        folder = (folder == null ? Path.of("") : folder).toAbsolutePath().normalize();
        home = (home == null ? Path.of(System.getProperty("user.home")) : home).toAbsolutePath().normalize();
        os = os == null ? HostOs.current() : os;
    }

    public ExportInput(AccountProfile profile, Optional<JsonNode> report, Optional<String> password,
                       Optional<SigningIdentity> signing, Path folder, Path home) {
        this(profile, report, password, signing, folder, home, null);
    }

    public ExportInput(AccountProfile profile, Optional<JsonNode> report, Optional<String> password, Optional<SigningIdentity> signing) {
        this(profile, report, password, signing, null, null, null);
    }

    /** The folder the files will be written into. */
    public ExportInput inFolder(Path dir) {
        return new ExportInput(profile, report, password, signing, dir, home, os);
    }

    /** The folder, and the home directory its {@code ~/} paths are relative to (tests fix both). */
    public ExportInput inFolder(Path dir, Path homeDir) {
        return new ExportInput(profile, report, password, signing, dir, homeDir, os);
    }

    public static ExportInput of(AccountProfile profile) {
        return new ExportInput(profile, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ExportInput withReport(JsonNode json) {
        return new ExportInput(profile, Optional.ofNullable(json), password, signing, folder, home, os);
    }

    public ExportInput withPassword(String secret) {
        return new ExportInput(profile, report, Optional.ofNullable(secret), signing, folder, home, os);
    }

    public ExportInput withSigning(SigningIdentity identity) {
        return new ExportInput(profile, report, password, Optional.ofNullable(identity), folder, home, os);
    }

    /** The same input for files used on {@code system} (tests fix it; the wizard and CLI take the running one). */
    public ExportInput on(HostOs system) {
        return new ExportInput(profile, report, password, signing, folder, home, system);
    }

    /** Where passwords live on that system. */
    PasswordStore passwords() {
        return PasswordStore.on(os);
    }

    @Override
    public String toString() {
        return "ExportInput[" + profile.address() + ", report " + report.isPresent() + ", password "
                + (password.isPresent() ? "<redacted>" : "none") + ", signing " + signing.isPresent() + ", " + os + "]";
    }
}
