package dev.mailwizard.demo;

import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * How a {@link ScriptedSmtpServer} behaves: a well-run submission server by default, or one of
 * the hostile or broken kinds MailWizard must diagnose. Build with {@link #builder()}.
 */
public record ServerBehaviour(String greeting, boolean implicitTls, SSLContext tls, List<String> tlsProtocols,
                              boolean offerStarttls, String starttlsReply, String injectAfterStarttls,
                              List<String> authBeforeTls, List<String> authAfterTls, boolean refuseEhloAfterTls,
                              boolean silent, long dripMillis, boolean stallHandshake, boolean resetOnConnect,
                              Map<String, String> users, boolean hangUpOnNewerTls, int helloAlert, List<String> authReply) {
    public ServerBehaviour {
        authReply = List.copyOf(authReply);
        tlsProtocols = List.copyOf(tlsProtocols);
        authBeforeTls = List.copyOf(authBeforeTls);
        authAfterTls = List.copyOf(authAfterTls);
        users = Map.copyOf(users);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder with the defaults of a good server. */
    public static final class Builder {
        private String greeting = "220 mail.demo.test ESMTP MailWizard demo";
        private boolean implicitTls;
        private SSLContext tls;
        private List<String> tlsProtocols = List.of("TLSv1.3", "TLSv1.2");
        private boolean offerStarttls = true;
        private String starttlsReply = "220 2.0.0 Ready to start TLS";
        private String injectAfterStarttls;
        private List<String> authBeforeTls = List.of();
        private List<String> authAfterTls = List.of("PLAIN", "LOGIN");
        private boolean refuseEhloAfterTls;
        private boolean silent;
        private long dripMillis;
        private boolean stallHandshake;
        private boolean resetOnConnect;
        private Map<String, String> users = Map.of();
        private boolean hangUpOnNewerTls;
        private int helloAlert;
        private List<String> authReply = List.of();

        public Builder greeting(String v) { greeting = v; return this; }
        public Builder implicitTls(SSLContext context) { implicitTls = true; tls = context; return this; }
        public Builder starttls(SSLContext context) { implicitTls = false; tls = context; offerStarttls = true; return this; }
        public Builder noTls() { tls = null; offerStarttls = false; implicitTls = false; return this; }
        public Builder tlsProtocols(String... v) { tlsProtocols = List.of(v); return this; }
        public Builder offerStarttls(boolean v) { offerStarttls = v; return this; }
        public Builder starttlsReply(String v) { starttlsReply = v; return this; }
        public Builder injectAfterStarttls(String v) { injectAfterStarttls = v; return this; }
        public Builder authBeforeTls(String... v) { authBeforeTls = List.of(v); return this; }
        public Builder authAfterTls(String... v) { authAfterTls = List.of(v); return this; }
        public Builder refuseEhloAfterTls() { refuseEhloAfterTls = true; return this; }
        /** Accepts the connection and never says a word (a tarpit). */
        public Builder silent() { silent = true; return this; }
        /** Sends its greeting one byte at a time with this pause between bytes. */
        public Builder drip(long millis) { dripMillis = millis; return this; }
        /** Implicit TLS or after STARTTLS: never answers the TLS ClientHello. */
        public Builder stallHandshake() { stallHandshake = true; return this; }
        /** Resets the connection as soon as it is accepted. */
        public Builder resetOnConnect() { resetOnConnect = true; return this; }
        /**
         * With old {@link #tlsProtocols} (TLSv1, TLSv1.1): hangs up, without a TLS alert, on a
         * ClientHello that offers none of them, as some old servers do.
         */
        public Builder hangUpOnNewerTls() { hangUpOnNewerTls = true; return this; }
        /** Answers every ClientHello with this fatal TLS alert (40 handshake_failure, 70 protocol_version) and hangs up. */
        public Builder alertOnHello(int description) { helloAlert = description; return this; }
        /**
         * Answers every AUTH, once the credentials are in, with these lines exactly as given (a
         * provider's real refusal, multi-line ones with their "534-" continuation), whatever the password.
         */
        public Builder answerAuthWith(String... lines) { authReply = List.of(lines); return this; }
        /** A user and the secret its login must carry: a password, or the token of an XOAUTH2/OAUTHBEARER login. */
        public Builder user(String name, String password) {
            var m = new java.util.HashMap<>(users);
            m.put(name, password);
            users = m;
            return this;
        }

        public ServerBehaviour build() {
            return new ServerBehaviour(greeting, implicitTls, tls, tlsProtocols, offerStarttls, starttlsReply, injectAfterStarttls,
                    authBeforeTls, authAfterTls, refuseEhloAfterTls, silent, dripMillis, stallHandshake, resetOnConnect, users,
                    hangUpOnNewerTls, helloAlert, authReply);
        }
    }
}
