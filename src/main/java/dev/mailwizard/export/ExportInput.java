package dev.mailwizard.export;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * Everything a writer may use. {@code report} is the contract's JSON report when the settings came
 * from a probe run; {@code password} is present only when the user asked for it to be written.
 */
public record ExportInput(AccountProfile profile, Optional<JsonNode> report, Optional<String> password,
                          Optional<SigningIdentity> signing) {
    public ExportInput {
        report = report == null ? Optional.empty() : report;
        password = password == null ? Optional.empty() : password;
        signing = signing == null ? Optional.empty() : signing;
    }

    public static ExportInput of(AccountProfile profile) {
        return new ExportInput(profile, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ExportInput withReport(JsonNode json) {
        return new ExportInput(profile, Optional.ofNullable(json), password, signing);
    }

    public ExportInput withPassword(String secret) {
        return new ExportInput(profile, report, Optional.ofNullable(secret), signing);
    }

    public ExportInput withSigning(SigningIdentity identity) {
        return new ExportInput(profile, report, password, Optional.ofNullable(identity));
    }

    @Override
    public String toString() {
        return "ExportInput[" + profile.address() + ", report " + report.isPresent() + ", password "
                + (password.isPresent() ? "<redacted>" : "none") + ", signing " + signing.isPresent() + "]";
    }
}
