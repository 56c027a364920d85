package dev.mailwizard.ui;

import dev.mailwizard.model.AppLanguage;
import dev.mailwizard.ui.app.WizardViewModel.Page;
import dev.mailwizard.ui.app.WizardWindow;
import dev.mailwizard.ui.task.FxTaskRunner;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TitledPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Walks through the wizard with the demo servers and saves a picture of each step (and of the
 * Result step in every language). Run under a
 * real display (Xvfb) by {@code assets/screenshots/make-screenshots.sh}; not a test.
 */
public final class ScreenshotTour {
    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        Files.createDirectories(out);
        Platform.startup(() -> { });
        WizardWindow window = onFx(() -> {
            Stage stage = new Stage();
            WizardWindow w = new WizardWindow(stage, WizardState.withSystemTrust(), new FxTaskRunner(), FxTaskRunner.dispatcher());
            stage.setWidth(1220);
            stage.setHeight(760);
            stage.show();
            return w;
        });
        Thread.sleep(800);
        onFx(() -> {
            window.state().nameProperty().set("Alice Example");
            window.state().addressProperty().set("alice@example.com");
            window.state().passwordProperty().set("correct horse battery staple");
            return null;
        });
        shot(window, out.resolve("1-account.png"));
        signInShots(window, out);
        onFx(() -> {
            window.viewModel().prepareDemo();
            window.show(Page.SERVERS);
            return null;
        });
        shot(window, out.resolve("2-servers.png"));
        onFx(() -> {
            window.show(Page.TESTING);
            return null;
        });
        Thread.sleep(900);
        shot(window, out.resolve("3-testing-live.png"));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (onFx(() -> window.state().reportProperty().get() == null) && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        Thread.sleep(300);
        shot(window, out.resolve("4-testing-done.png"));
        onFx(() -> {
            window.show(Page.RESULT);
            return null;
        });
        shot(window, out.resolve("5-result.png"));
        resultInEveryLanguage(window, out);
        onFx(() -> {
            Node pane = window.scene().lookup("#helpdesk");
            ((TitledPane) pane).setExpanded(true);
            return null;
        });
        Thread.sleep(400);
        onFx(() -> {
            ((javafx.scene.control.ScrollPane) window.scene().lookup(".step-scroll")).setVvalue(1.0);
            return null;
        });
        shot(window, out.resolve("6-helpdesk.png"));
        onFx(() -> {
            ((TitledPane) window.scene().lookup("#helpdesk")).setExpanded(false);
            window.shell().themeProperty().set(Theme.DARK);
            return null;
        });
        shot(window, out.resolve("7-result-dark.png"));
        onFx(() -> {
            window.shell().themeProperty().set(Theme.HIGH_CONTRAST);
            return null;
        });
        shot(window, out.resolve("result-high-contrast.png"));
        String exportDir = java.nio.file.Files.createTempDirectory("mailwizard-tour").toString();
        onFx(() -> {
            window.shell().themeProperty().set(Theme.fromSystem());
            window.show(Page.EXPORT);
            return null;
        });
        Thread.sleep(300);
        onFx(() -> {
            ((javafx.scene.control.TextField) window.scene().lookup("#exportFolder")).setText(exportDir);
            ((javafx.scene.control.CheckBox) window.scene().lookup("#format-msmtp")).setSelected(true);
            ((javafx.scene.control.Button) window.scene().lookup("#export")).fire();
            return null;
        });
        Thread.sleep(1500);
        shot(window, out.resolve("8-export.png"));
        // The phone's QR code: shown as soon as its format is ticked; scrolled so the whole code is in view.
        onFx(() -> {
            ((javafx.scene.control.CheckBox) window.scene().lookup("#format-thunderbird-qr")).setSelected(true);
            return null;
        });
        Thread.sleep(300);
        onFx(() -> {
            javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) window.scene().lookup(".step-scroll");
            Node box = window.scene().lookup("#phoneCodeBox");
            double content = scroll.getContent().getBoundsInLocal().getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            scroll.setVvalue(Math.min(1.0, (box.getBoundsInParent().getMinY() - 12) / Math.max(1, content - viewport)));
            return null;
        });
        shot(window, out.resolve("10-phone-code.png"));
        // A run where nothing answers: one conclusion first, the rows folded under it. Needs a machine
        // with no mail server on 127.0.0.1 (nothing listens on these ports, nor on 443).
        onFx(() -> {
            window.state().reportProperty().set(null);
            window.state().mappingsProperty().set("mail.example.com:127.0.0.1");
            window.state().servers().setAll(List.of(465, 587, 25, 2525).stream()
                    .map(port -> new ServerRow("mail.example.com", port,
                            port == 465 ? dev.mailwizard.model.Security.TLS : dev.mailwizard.model.Security.STARTTLS,
                            dev.mailwizard.model.CandidateSource.USER, true)).toList());
            window.show(Page.TESTING);
            return null;
        });
        until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (onFx(() -> window.state().reportProperty().get() == null) && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        onFx(() -> {
            window.show(Page.RESULT);
            return null;
        });
        shot(window, out.resolve("9-conclusion.png"));
        onFx(() -> {
            window.scene().getWindow().hide();
            return null;
        });
        Platform.exit();
        System.exit(0);
    }

    /**
     * The same Result step in each language, as the side bar's chooser re-labels it: result-de.png,
     * result-pt-BR.png, ... (a language without its translation files yet shows English).
     */
    private static void resultInEveryLanguage(WizardWindow window, Path out) throws Exception {
        for (AppLanguage language : AppLanguage.values()) {
            if (language == AppLanguage.ENGLISH) {
                continue;
            }
            onFx(() -> {
                window.relabel(language);
                return null;
            });
            shot(window, out.resolve("result-" + language.tag() + ".png"));
        }
        onFx(() -> {
            window.relabel(AppLanguage.ENGLISH);
            return null;
        });
        Thread.sleep(300); // the new views get their skins (and so their inner nodes) at the next pulse
    }

    /**
     * A Gmail address: the Account step with the sign-in offered (make-screenshots.sh puts the README's
     * example registration for Google in $XDG_CONFIG_HOME) and the Testing step waiting for the
     * browser (nothing is sent anywhere until a browser answers; the wait is then cancelled), and the
     * Account step of a window without registrations.
     */
    private static void signInShots(WizardWindow window, Path out) throws Exception {
        onFx(() -> {
            window.state().addressProperty().set("alice@gmail.com");
            window.state().passwordProperty().set("");
            return null;
        });
        shot(window, out.resolve("account-sign-in.png"));
        onFx(() -> {
            window.state().servers().setAll(new ServerRow("smtp.gmail.com", 465, dev.mailwizard.model.Security.TLS,
                    dev.mailwizard.model.CandidateSource.ISPDB, true));
            window.show(Page.TESTING);
            return null;
        });
        Thread.sleep(1500);
        shot(window, out.resolve("testing-sign-in.png"));
        onFx(() -> {
            window.viewModel().steps().testing().cancel();
            return null;
        });
        WizardWindow without = onFx(() -> {
            Stage stage = new Stage();
            WizardWindow w = new WizardWindow(stage, WizardState.withSystemTrust(), new FxTaskRunner(), FxTaskRunner.dispatcher(),
                    dev.mailwizard.ui.servers.ServersViewModel::standardDiscovery, SignInSupport.none());
            stage.setWidth(1220);
            stage.setHeight(760);
            stage.show();
            w.state().nameProperty().set("Alice Example");
            w.state().addressProperty().set("alice@gmail.com");
            return w;
        });
        shot(without, out.resolve("account-no-registration.png"));
        onFx(() -> {
            without.scene().getWindow().hide();
            return null;
        });
    }

    private static void shot(WizardWindow window, Path file) throws Exception {
        Thread.sleep(500);
        WritableImage image = onFx(() -> window.scene().snapshot(null));
        write(image, file);
        System.out.println("wrote " + file);
    }

    private static void write(WritableImage image, Path file) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader reader = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, reader.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", file.toFile());
    }

    static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }
}
