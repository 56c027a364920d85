package dev.mailwizard.ui.app;

import dev.mailwizard.probe.ProbeResult;
import dev.mailwizard.ui.Messages;
import dev.mailwizard.ui.OutcomeTexts;
import dev.mailwizard.ui.cert.CertificateView;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The wizard's dialogs as JavaFX alerts over the window, in the window's theme. */
final class FxWizardDialogs implements WizardDialogs {
    private final Stage owner;

    FxWizardDialogs(Stage owner) {
        this.owner = owner;
    }

    @Override
    public void showCertificate(ProbeResult r) {
        if (!CertificateView.hasCertificate(r)) {
            return;
        }
        Alert alert = alert(Alert.AlertType.INFORMATION, Messages.get("cert.title"), Messages.get("cert.header", OutcomeTexts.endpoint(r)));
        alert.getDialogPane().setContent(CertificateView.of(r));
        alert.setResizable(true);
        alert.showAndWait();
    }

    @Override
    public boolean confirmTrust(ProbeResult r, boolean strong, String warning) {
        Alert alert = alert(strong ? Alert.AlertType.WARNING : Alert.AlertType.CONFIRMATION, Messages.get("trust.title"),
                Messages.get("trust.header", OutcomeTexts.endpoint(r)));
        Label text = new Label(warning);
        text.setWrapText(true);
        text.setMaxWidth(560);
        alert.getDialogPane().setContent(new VBox(12, text, CertificateView.of(r)));
        ButtonType trustIt = new ButtonType(Messages.get("trust.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(Messages.get("trust.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(no, trustIt);
        // Nothing happens on Enter by accident: the safe choice is the default.
        ((Button) alert.getDialogPane().lookupButton(trustIt)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(no)).setDefaultButton(true);
        return alert.showAndWait().filter(b -> b == trustIt).isPresent();
    }

    private Alert alert(Alert.AlertType type, String title, String header) {
        Alert alert = new Alert(type);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        return alert;
    }
}
