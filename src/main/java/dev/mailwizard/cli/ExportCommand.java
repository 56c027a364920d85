package dev.mailwizard.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailwizard.export.AccountProfile;
import dev.mailwizard.export.ExportFile;
import dev.mailwizard.export.ExportFolder;
import dev.mailwizard.export.ExportInput;
import dev.mailwizard.export.ExportResult;
import dev.mailwizard.export.ProfileWriter;
import dev.mailwizard.export.ProfileWriters;
import dev.mailwizard.export.ReportProfiles;
import dev.mailwizard.export.SigningIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code mailwizard export}: writes client profiles from a JSON report or from settings given as
 * options. Everything is checked before the first file is written; an existing file is never
 * replaced without {@code --force}.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes the working settings as files for mail clients and a help-desk report.",
        footer = {"", "Formats: thunderbird, thunderbird-prefs, apple, outlook, msmtp, neomutt, git, evolution, kmail,",
                "         jakarta, spring, postfix, report, thunderbird-qr (a QR code for Thunderbird for Android), or all.",
                "Examples:",
                "  mailwizard probe alice@example.com --incoming --json --transcript > alice.json",
                "  mailwizard export --from alice.json --format all --out ./alice",
                "  mailwizard export --address bob@example.com --host smtp.example.com --security tls --format msmtp --out .",
                "  mailwizard export --address carol@outlook.com --host smtp-mail.outlook.com --port 587 --auth oauth2 --format msmtp --out .",
                "Exit codes: 0 every format written, 1 a format refused (the others were written), 2 bad input or an",
                "existing file (nothing written). Files are mode 0600; a password is written only with --include-password."})
public final class ExportCommand implements Callable<Integer> {
    @Option(names = "--format", required = true, split = ",", paramLabel = "FORMAT", description = "format id (repeatable, or comma-separated), or all")
    List<String> formats = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write into (created if missing)")
    Path out;

    @Option(names = "--from", paramLabel = "REPORT.json", description = "a JSON report from mailwizard probe --json ('-' reads standard input)")
    String from;

    @Option(names = "--address", paramLabel = "ADDRESS", description = "the account's e-mail address (settings without a report)")
    String address;

    @Option(names = "--host", paramLabel = "HOST", description = "outgoing (SMTP) server")
    String host;

    @Option(names = "--port", paramLabel = "N", description = "outgoing port (default: 465 for tls, 587 for starttls)")
    Integer port;

    @Option(names = "--security", paramLabel = "tls|starttls|plain", description = "outgoing security (default: from a standard port)")
    String security;

    @Option(names = "--user", paramLabel = "NAME", description = "login name (default: the address)")
    String user;

    @Option(names = "--name", paramLabel = "FULL NAME", description = "the sender's name shown to recipients")
    String name;

    @Option(names = "--imap-host", paramLabel = "HOST", description = "incoming IMAP server")
    String imapHost;

    @Option(names = "--imap-port", paramLabel = "N", description = "IMAP port (default: 993 for tls, 143 for starttls)")
    Integer imapPort;

    @Option(names = "--imap-security", paramLabel = "tls|starttls", description = "IMAP security (default: from a standard port)")
    String imapSecurity;

    @Option(names = "--pop-host", paramLabel = "HOST", description = "incoming POP3 server")
    String popHost;

    @Option(names = "--pop-port", paramLabel = "N", description = "POP3 port (default: 995 for tls, 110 for starttls)")
    Integer popPort;

    @Option(names = "--pop-security", paramLabel = "tls|starttls", description = "POP3 security (default: from a standard port)")
    String popSecurity;

    @Option(names = "--auth", paramLabel = "oauth2|password|app-password",
            description = "how the account signs in (settings without a report; default: password)")
    String auth;

    @Option(names = "--force", description = "replace files that already exist")
    boolean force;

    @Option(names = "--include-password", description = "write the password (first line of standard input) into formats that can hold one")
    boolean includePassword;

    @Option(names = "--sign-cert", paramLabel = "PEM", description = "sign the Apple profile with this certificate (intermediates after it)")
    Path signCert;

    @Option(names = "--sign-key", paramLabel = "PEM", description = "the signing certificate's unencrypted private key")
    Path signKey;

    InputStream stdin = System.in;
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;

    @Override
    public Integer call() {
        List<ProfileWriter> writers = writers();
        checkFolder();
        SigningIdentity signing = signing(writers);
        JsonNode report = null;
        AccountProfile profile;
        if (from != null) {
            if (address != null || host != null || port != null || security != null || imapHost != null || popHost != null
                    || imapPort != null || popPort != null || imapSecurity != null || popSecurity != null || user != null || auth != null) {
                throw new UsageException("--from takes the settings from the report: leave out --address, --host, --port, --security, --user, --auth"
                        + " and the --imap-/--pop- options");
            }
            if ("-".equals(from) && includePassword) {
                throw new UsageException("--from - and --include-password both need standard input: save the report to a file first");
            }
            report = readReport();
            JsonNode r = report;
            profile = UsageException.orUsage(() -> ReportProfiles.from(r, name));
        } else {
            profile = ExportSettings.profile(this);
        }
        ExportInput input = ExportInput.of(profile).withReport(report).withSigning(signing).inFolder(out);
        if (includePassword && profile.usesOAuth2() && !profile.usesPassword()) {
            throw new UsageException("--include-password: " + profile.address() + " signs in with OAuth2, which has no password to write"
                    + " (the clients ask mailwizard oauth2 token for a fresh token); leave the option out");
        }
        if (includePassword) {
            input = input.withPassword(new String(StdinSecret.read(stdin, "--include-password")));
        }
        return export(writers, input);
    }

    private int export(List<ProfileWriter> writers, ExportInput input) {
        Map<ProfileWriter, ExportResult.Written> written = new LinkedHashMap<>();
        Map<ProfileWriter, String> refused = new LinkedHashMap<>();
        for (ProfileWriter w : writers) {
            ExportResult r = w.write(input);
            if (r instanceof ExportResult.Written ok) {
                written.put(w, ok);
            } else if (r instanceof ExportResult.Refused no) {
                refused.put(w, no.reason());
            }
        }
        List<ExportFile> files = written.values().stream().flatMap(x -> x.files().stream()).toList();
        ExportFolder folder = new ExportFolder(out, force);
        List<Path> conflicts = folder.conflicts(files);
        if (!conflicts.isEmpty()) {
            throw new UsageException("'" + conflicts.get(0) + "' already exists" + (conflicts.size() > 1 ? " (and " + (conflicts.size() - 1) + " more)" : "")
                    + "; nothing was written. Use --force to replace, or choose another --out folder");
        }
        try {
            for (Map.Entry<ProfileWriter, ExportResult.Written> e : written.entrySet()) {
                for (ExportFile f : e.getValue().files()) {
                    Path p = folder.write(f);
                    stdout.printf("%-18s %s%s%n", e.getKey().id(), p, f.holdsPassword() ? "   (holds the password)" : "");
                }
                for (String note : e.getValue().notes()) {
                    stdout.printf("%-18s   note: %s%n", "", note);
                }
            }
        } catch (IOException e) {
            stderr.println("mailwizard export: cannot write into '" + out + "': " + MailWizardCommand.oneLine(String.valueOf(e.getMessage()))
                    + " (check the folder's permissions and free space)");
            return ExitCodes.NOTHING_SECURE;
        }
        if (input.password().isPresent() && written.keySet().stream().noneMatch(ProfileWriter::canHoldPassword)) {
            stdout.println("note: none of the chosen formats can hold a password; no password was written");
        }
        long count = files.stream().map(ExportFile::name).distinct().count();
        if (count > 0) {
            stdout.println(count + " file" + (count == 1 ? "" : "s") + " written, readable only by you (mode 0600).");
        }
        refused.forEach((w, why) -> stderr.println("mailwizard export: " + w.id() + " not written: " + why));
        return refused.isEmpty() ? ExitCodes.WORKING : ExitCodes.NOTHING_SECURE;
    }

    private List<ProfileWriter> writers() {
        Set<String> ids = new LinkedHashSet<>();
        for (String f : formats) {
            String id = f.strip().toLowerCase(java.util.Locale.ROOT);
            if ("all".equals(id)) {
                ids.addAll(ProfileWriters.ids());
            } else if (ProfileWriters.byId(id).isPresent()) {
                ids.add(id);
            } else {
                throw new UsageException("--format '" + MailWizardCommand.oneLine(f) + "' is not a format: use one of "
                        + String.join(", ", ProfileWriters.ids()) + ", or all");
            }
        }
        // In the contract's table order, whatever order they were asked in.
        return ProfileWriters.all().stream().filter(w -> ids.contains(w.id())).toList();
    }

    private void checkFolder() {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out '" + out + "' is a file, not a folder");
        }
    }

    private SigningIdentity signing(List<ProfileWriter> writers) {
        if (signCert == null && signKey == null) {
            return null;
        }
        if (signCert == null || signKey == null) {
            throw new UsageException("--sign-cert and --sign-key go together: give both PEM files");
        }
        if (writers.stream().noneMatch(w -> w.id().equals("apple"))) {
            throw new UsageException("--sign-cert signs Apple profiles only: add --format apple");
        }
        return UsageException.orUsage(() -> SigningIdentity.load(signCert, signKey));
    }

    private JsonNode readReport() {
        try {
            // Bytes, not a String: Jackson names invalid UTF-8 with its line like any other JSON error.
            byte[] bytes = "-".equals(from) ? stdin.readAllBytes() : Files.readAllBytes(Path.of(from));
            return new ObjectMapper().readTree(bytes);
        } catch (NoSuchFileException e) {
            throw new UsageException("--from '" + from + "' does not exist");
        } catch (StreamConstraintsException e) {
            throw new UsageException("--from '" + from + "' is nested too deeply or too large for a report: make it with mailwizard probe ... --json");
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new UsageException("--from '" + from + "' is not JSON" + line + ": make it with mailwizard probe ... --json");
        } catch (IOException e) {
            throw new UsageException("--from '" + from + "' cannot be read: " + MailWizardCommand.oneLine(e.getMessage()));
        }
    }
}
