package dev.mailwizard.export;

import dev.mailwizard.model.Security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Spring Boot's {@code spring.mail.*} properties. Without {@code --include-password} the password
 * is a placeholder that Spring fills from the environment ({@code MAIL_PASSWORD}). An OAuth2 server
 * gets {@code auth.mechanisms=XOAUTH2} and an access token as the password
 * ({@code MAIL_OAUTH2_TOKEN}); Spring reads it once, so a long-running application must renew it.
 */
public final class SpringBootWriter extends OutgoingWriter {
    public static final String FILE = "application.properties";

    public SpringBootWriter() {
        super("spring", "Spring Boot applications (spring.mail properties)", true);
    }

    @Override
    Optional<String> oauth2Problem(ServerSetting s, AccountProfile p) {
        if (!"XOAUTH2".equals(s.authMechanism())) {
            return Optional.of("Spring Boot's Jakarta Mail (Angus Mail 2.0) has XOAUTH2 but no " + s.authMechanism() + ", and " + s.host()
                    + " was tested with " + s.authMechanism());
        }
        return Optional.empty();
    }

    @Override
    ExportResult write(ExportInput input, Usable out) {
        AccountProfile p = input.profile();
        ServerSetting s = out.first().orElseThrow();
        Optional<String> password = input.password().filter(pw -> !s.oauth2());
        StringBuilder c = new StringBuilder();
        c.append(header("#", "Spring Boot mail settings", p));
        c.append(SignIn.comments("#", p, List.of(s)));
        c.append("spring.mail.host=").append(Text.property(s.host())).append('\n');
        c.append("spring.mail.port=").append(s.port()).append('\n');
        c.append("spring.mail.username=").append(Text.property(s.username())).append('\n');
        if (s.oauth2()) {
            c.append("# OAuth2: the password is an access token. Set MAIL_OAUTH2_TOKEN from \"").append(SignIn.tokenCommand(p))
                    .append("\" before the start;\n");
            c.append("# it expires (often within an hour), so a long-running application must renew it (JavaMailSenderImpl.setPassword).\n");
            c.append("spring.mail.password=${MAIL_OAUTH2_TOKEN}\n");
        } else if (password.isPresent()) {
            c.append("spring.mail.password=").append(Text.property(password.get())).append('\n');
        } else {
            c.append("# set MAIL_PASSWORD in the environment (or your secret store); it is not written here\n");
            c.append("spring.mail.password=${MAIL_PASSWORD}\n");
        }
        c.append("spring.mail.protocol=smtp\n");
        if (s.security() == Security.TLS) {
            c.append("spring.mail.properties.mail.smtp.ssl.enable=true\n");
        } else {
            c.append("spring.mail.properties.mail.smtp.starttls.enable=true\n");
            c.append("spring.mail.properties.mail.smtp.starttls.required=true\n");
        }
        c.append("spring.mail.properties.mail.smtp.ssl.checkserveridentity=true\n");
        c.append("spring.mail.properties.mail.smtp.auth=true\n");
        if (s.oauth2()) {
            c.append("spring.mail.properties.mail.smtp.auth.mechanisms=XOAUTH2\n");
        }
        c.append("spring.mail.properties.mail.smtp.connectiontimeout=10000\n");
        c.append("spring.mail.properties.mail.smtp.timeout=10000\n");
        c.append("spring.mail.properties.mail.smtp.writetimeout=10000\n");
        c.append("spring.mail.properties.mail.smtp.from=").append(Text.property(p.address().toString())).append('\n');
        if (p.trust().hasCa()) {
            TrustFiles.caOrigin(input).forEach(l -> c.append("# ").append(l).append('\n'));
            c.append("# Spring Boot 3.1 or later: an SSL bundle that trusts only that CA, used for the mail connection.\n");
            c.append("spring.mail.ssl.bundle=mailwizard\n");
            c.append("spring.ssl.bundle.pem.mailwizard.truststore.certificate=").append(Text.property(springPath(input))).append('\n');
        }
        List<String> pinWords = TrustFiles.pinsNotCarried(input, "Spring Boot").stream()
                .map(l -> l.replace("when it asks about the server's certificate,", "it never asks;")).toList();
        pinWords.forEach(l -> c.append("# ").append(l).append('\n'));
        List<String> notes = new ArrayList<>(out.notes());
        notes.addAll(pinWords);
        if (input.password().isPresent() && password.isEmpty()) {
            notes.add("no password written: this server signs in with OAuth2 tokens (MAIL_OAUTH2_TOKEN)");
        }
        return new ExportResult.Written(TrustFiles.withCaCopy(p, List.of(ExportFile.textWithPassword(FILE, c.toString(), password.isPresent()))), notes);
    }

    /** A Spring resource for the CA copy; {@code ${user.home}} is resolved by Spring when the folder is in the home directory. */
    private static String springPath(ExportInput in) {
        return "file:" + TrustFiles.underHome(in).map(r -> "${user.home}/" + r).orElse(TrustFiles.absolute(in).toString());
    }
}
