package dev.mailwizard.ui.cert;

import dev.mailwizard.model.DisplayText;
import dev.mailwizard.probe.CertificateReport;
import dev.mailwizard.probe.ProbeResult;
import dev.mailwizard.ui.Messages;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** The certificate viewer: subject, issuer, names, validity, fingerprint, and what we concluded. */
public final class CertificateView {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());

    private CertificateView() {
    }

    public static boolean hasCertificate(ProbeResult r) {
        return r != null && r.tls() != null && r.tls().certificate() != null;
    }

    public static Node of(ProbeResult r) {
        CertificateReport c = r.tls().certificate();
        GridPane grid = new GridPane();
        grid.setId("certificateView");
        grid.setHgap(12);
        grid.setVgap(6);
        int row = 0;
        row = add(grid, row, "cert.subject", c.subject());
        row = add(grid, row, "cert.issuer", c.issuer());
        row = add(grid, row, "cert.names", String.join(", ", c.subjectAltNames()));
        row = add(grid, row, "cert.valid", Messages.get("cert.valid.range", DATE.format(c.notBefore()), DATE.format(c.notAfter())));
        row = add(grid, row, "cert.days", c.expired() ? Messages.get("cert.expired") : Long.toString(c.daysLeft()));
        row = add(grid, row, "cert.sha256", c.sha256());
        row = add(grid, row, "cert.tls", r.tls().protocol() + ", " + r.tls().cipherSuite());
        row = add(grid, row, "cert.trusted", c.trusted() ? Messages.get("cert.yes") : Messages.get("cert.no.why", c.trustProblem()));
        row = add(grid, row, "cert.host", c.hostnameMatches() ? Messages.get("cert.yes")
                : Messages.get("cert.host.no", r.endpoint().host()));
        add(grid, row, "cert.pinned", c.pinned() ? Messages.get("cert.pinned.yes") : Messages.get("cert.no"));
        return grid;
    }

    private static int add(GridPane grid, int row, String key, String value) {
        Label label = new Label(Messages.get(key));
        label.getStyleClass().add("cert-label");
        // Selectable, so a help-desk person can copy a fingerprint.
        TextField text = new TextField(DisplayText.escape(value)); // a certificate says what its maker wants
        text.setEditable(false);
        text.getStyleClass().add("cert-value");
        text.setPrefColumnCount(48);
        label.setLabelFor(text);
        GridPane.setHgrow(text, Priority.ALWAYS);
        grid.addRow(row, label, text);
        return row + 1;
    }
}
