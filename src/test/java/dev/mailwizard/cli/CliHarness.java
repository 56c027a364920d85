package dev.mailwizard.cli;

import java.util.List;

import dev.mailwizard.signin.Browser;
import dev.mailwizard.signin.TokenStore;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command line in-process with captured streams. */
final class CliHarness {
    record Result(int exitCode, String out, String err) {
    }

    private CliHarness() {
    }

    /**
     * {@code probe USER --host HOST} on one implicit-TLS port of a scripted server on loopback,
     * trusting {@code ca}, the password from standard input, then {@code extra} options.
     */
    static Result probeOverTls(int port, String user, String host, TestCa ca, String password, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("probe", user, "--host", host, "--resolve", host + ":127.0.0.1",
                "--port", Integer.toString(port), "--security", "tls", "--trust-ca", ca.file(), "--timeout", "5", "--password-stdin"));
        args.addAll(List.of(extra));
        return run(password + "\n", args.toArray(String[]::new));
    }

    static Result run(String stdin, String... args) {
        return run(stdin, null, null, args);
    }

    /** With a token store and a browser for OAuth2 sign-in in place of the OS keyring and the system browser. */
    static Result run(String stdin, TokenStore tokenStore, Browser browser, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MailWizardCommand.execute(new CliIo(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), null, tokenStore, browser), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
