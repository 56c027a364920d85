package dev.mailwizard.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The QR code Thunderbird for Android (and K-9 Mail) scans to import an account ("Export for
 * Mobile" format, version 1): a PNG and its payload as text. The code holds one account: the best
 * incoming server and the best outgoing one that the phone can use. The format could list more
 * outgoing servers, but each is for the identities that send through it, not a fallback, and the
 * app reads only the first; so the alternatives are named in a note instead. The address must be
 * ASCII (the format allows nothing else); an international domain is written as its ACE form, like
 * every host name. No password unless asked for, and then a warning that the code shows it.
 */
public final class ThunderbirdQrWriter extends FormatWriter {
    public static final String PNG = "thunderbird-android-qr.png";
    public static final String TXT = "thunderbird-android-qr.txt";
    /** The note that comes with a code that holds the password. */
    public static final String PASSWORD_WARNING = "the code holds the password: anyone who sees the code, or a photo of it, can read the password;"
            + " delete the picture once the phone has scanned it";

    public ThunderbirdQrWriter() {
        super("thunderbird-qr", "Thunderbird for Android / K-9 Mail on your phone (QR code to scan: Settings > Import)", true);
    }

    @Override
    Optional<String> oauth2Problem(ServerSetting s, AccountProfile p) {
        return ThunderbirdAndroidOAuth2.problem(s);
    }

    @Override
    Optional<String> formatProblem(ServerSetting s) {
        return lineBreak(s.username()) ? Optional.of("its login name has a line break, which Thunderbird for Android rejects") : Optional.empty();
    }

    @Override
    public ExportResult write(ExportInput input) {
        AccountProfile p = input.profile();
        String address = p.address().toString();
        if (!ascii(address)) {
            return new ExportResult.Refused("the address " + Text.shown(address) + " has characters outside ASCII, and Thunderbird for"
                    + " Android's QR code format (version 1) allows only ASCII addresses; add this account on the phone by hand");
        }
        Usable out = usable(p.outgoing(), p);
        Usable in = usable(p.incoming(), p);
        if (out.isEmpty()) {
            return new ExportResult.Refused(out.refusal("outgoing server"));
        }
        if (in.isEmpty()) {
            return new ExportResult.Refused("Thunderbird for Android imports an account only with its incoming server; " + in.refusal("incoming server"));
        }
        Optional<String> password = input.password();
        if (password.filter(ThunderbirdQrWriter::lineBreak).isPresent()) {
            return new ExportResult.Refused("the password has a line break, which the QR code format does not allow;"
                    + " leave the password out and type it on the phone");
        }
        ThunderbirdQrPayload payload = new ThunderbirdQrPayload(p, in.first().orElseThrow(), out.first().orElseThrow(), password);
        String json = payload.json();
        Optional<byte[]> png = QrCodeImage.png(json);
        if (png.isEmpty()) {
            return new ExportResult.Refused("the settings (" + json.length() + " characters) do not fit one QR code; shorten the display name");
        }
        boolean secret = payload.holdsPassword();
        List<ExportFile> files = List.of(new ExportFile(PNG, png.get(), secret),
                new ExportFile(TXT, (json + "\n").getBytes(StandardCharsets.US_ASCII), secret));
        return new ExportResult.Written(files, notes(p, in, out, payload, password.isPresent()));
    }

    private static List<String> notes(AccountProfile p, Usable in, Usable out, ThunderbirdQrPayload payload, boolean passwordGiven) {
        List<String> notes = new ArrayList<>(in.notes());
        notes.addAll(out.notes());
        if (in.servers().size() > 1 || out.servers().size() > 1) {
            notes.add("the code holds one account with one incoming and one outgoing server, as the phone keeps them: "
                    + payload.incoming().describe() + " and " + payload.outgoing().describe());
        }
        List<String> signIn = SignIn.comments(p, List.of(payload.incoming(), payload.outgoing()));
        if (!signIn.isEmpty()) {
            notes.add(String.join(" ", signIn)); // a QR code has no room for words: the app-password advice and help links go here
        }
        if (!p.address().domain().equals(p.address().displayDomain())) {
            notes.add("the address is written with its domain in ASCII form, " + p.address() + ", which is the same mailbox");
        }
        if (payload.holdsPassword()) {
            notes.add(PASSWORD_WARNING);
        } else if (passwordGiven) {
            notes.add("no password written: these servers sign in with OAuth2, and the phone opens the provider's sign-in page");
        }
        return notes;
    }

    private static boolean ascii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    private static boolean lineBreak(String s) {
        return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    }
}
