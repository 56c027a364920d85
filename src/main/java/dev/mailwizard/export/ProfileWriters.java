package dev.mailwizard.export;

import java.util.List;
import java.util.Optional;

/** Every format of CONTRACT.md's export table, in the table's order, then its "More export formats". Add a writer here to add a format. */
public final class ProfileWriters {
    private static final List<ProfileWriter> ALL = List.of(
            new ThunderbirdAutoconfigWriter(), new ThunderbirdPrefsWriter(), new AppleProfileWriter(),
            new OutlookAutodiscoverWriter(), new MsmtpWriter(), new NeomuttWriter(), new GitSendEmailWriter(),
            new EvolutionWriter(), new KmailWriter(), new JakartaMailWriter(), new SpringBootWriter(),
            new PostfixRelayWriter(), new HelpDeskReportWriter(), new ThunderbirdQrWriter());

    private ProfileWriters() {
    }

    public static List<ProfileWriter> all() {
        return ALL;
    }

    public static Optional<ProfileWriter> byId(String id) {
        return ALL.stream().filter(w -> w.id().equals(id)).findFirst();
    }

    public static List<String> ids() {
        return ALL.stream().map(ProfileWriter::id).toList();
    }
}
