package dev.mailwizard.export;

import dev.mailwizard.model.Security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Spring Boot's {@code spring.mail.*} properties. Without {@code --include-password} the password
 * is a placeholder that Spring fills from the environment ({@code MAIL_PASSWORD}).
 */
public final class SpringBootWriter extends OutgoingWriter {
    public static final String FILE = "application.properties";

    public SpringBootWriter() {
        super("spring", "Spring Boot applications (spring.mail properties)", true);
    }

    @Override
    ExportResult write(ExportInput input, Usable out) {
        AccountProfile p = input.profile();
        ServerSetting s = out.first().orElseThrow();
        Optional<String> password = input.password();
        StringBuilder c = new StringBuilder();
        c.append(header("#", "Spring Boot mail settings", p));
        c.append("spring.mail.host=").append(Text.property(s.host())).append('\n');
        c.append("spring.mail.port=").append(s.port()).append('\n');
        c.append("spring.mail.username=").append(Text.property(s.username())).append('\n');
        if (password.isPresent()) {
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
        c.append("spring.mail.properties.mail.smtp.connectiontimeout=10000\n");
        c.append("spring.mail.properties.mail.smtp.timeout=10000\n");
        c.append("spring.mail.properties.mail.smtp.writetimeout=10000\n");
        c.append("spring.mail.properties.mail.smtp.from=").append(Text.property(p.address().toString())).append('\n');
        return new ExportResult.Written(List.of(ExportFile.textWithPassword(FILE, c.toString(), password.isPresent())),
                new ArrayList<>(out.notes()));
    }
}
