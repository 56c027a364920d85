package dev.mailwizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwizard.demo.DemoPki;
import dev.mailwizard.demo.ServerBehaviour;
import dev.mailwizard.model.AppLanguage;
import dev.mailwizard.model.CandidateSource;
import dev.mailwizard.model.Outcome;
import dev.mailwizard.model.Protocol;
import dev.mailwizard.model.Security;
import dev.mailwizard.model.Words;
import dev.mailwizard.probe.HintKind;
import dev.mailwizard.probe.ProbeReport;
import dev.mailwizard.probe.ProbeResult;
import dev.mailwizard.probe.TrustMaterial;
import dev.mailwizard.ui.app.WizardWindow;
import dev.mailwizard.ui.task.FxTaskRunner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wizard in a pseudo-language made from the English bundles (every letter accented, every text
 * 40% longer, each between ⟦ and ⟧) at 150% of the system's font size, walked through every step
 * against scripted servers. On each step it fails on a label whose rendered text is cut (an
 * ellipsis, or anything but its text), on visible text without the brackets, and on a control that
 * reaches outside its step. Text without brackets is allowed only where it is data: what the user
 * typed, what the run found and the servers said (taken from the wizard's state and report), and
 * the contract's codes (outcome names, SSL/TLS, SMTP); so a literal in the code is caught, and a
 * table's rows (data by design) are left to the tables.
 */
@ExtendWith(ApplicationExtension.class)
class PseudoLocaleWizardTest {
    private static final String OPEN = "⟦";
    private static final String CLOSE = "⟧";
    private static final double SCALE = 1.5;
    private static final Map<Character, Character> ACCENTED = accents();
    private static final DemoPki PKI = DemoPki.newAuthority("Pseudo Locale CA");
    private static final String HOST = "smtp.pseudo.test";
    private static final String NAME = "Zoë Pseudo";
    private static final String USER = "zoe@pseudo.test";
    private static final String PASSWORD = "pseudo-password";
    private WizardWindow window;
    @RegisterExtension
    final StartedServers servers = new StartedServers();

    @BeforeAll
    static void pseudoTexts() {
        Words.showTextsThrough(PseudoLocaleWizardTest::pseudo);
    }

    @AfterAll
    static void realTexts() {
        Words.showTextsThrough(UnaryOperator.identity());
    }

    @Start
    void start(Stage stage) {
        Messages.use(AppLanguage.ENGLISH);
        window = new WizardWindow(stage, new WizardState(() -> TrustMaterial.only(List.of(PKI.caCertificate()))),
                new FxTaskRunner(), FxTaskRunner.dispatcher(), s -> dev.mailwizard.discovery.Discovery.guessOnly());
        // What a system font 1.5 times the usual size does: every size in base.css is in em of it.
        window.scene().getRoot().setStyle("-fx-font-size: " + SCALE + "em;");
        stage.show();
    }

    /** An English text made pseudo: accented outside {placeholders}, 40% longer in short words, bracketed. */
    static String pseudo(String text) {
        if (text.isBlank()) {
            return text;
        }
        StringBuilder b = new StringBuilder(OPEN);
        int depth = 0;
        for (char c : text.toCharArray()) {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            b.append(depth == 0 ? ACCENTED.getOrDefault(c, c) : c);
        }
        int extra = (int) Math.ceil(text.length() * 0.4);
        for (int added = 0; added < extra; added += 4) {
            b.append(added % 12 == 0 ? " ẍ" : "ẍẍẍẍ".substring(0, Math.min(4, extra - added)));
        }
        return b.append(CLOSE).toString();
    }

    private static Map<Character, Character> accents() {
        String plain = "aeiouycnsAEIOUYCNS";
        String accented = "áéíóúýçñšÁÉÍÓÚÝÇÑŠ";
        Map<Character, Character> m = new java.util.HashMap<>();
        for (int i = 0; i < plain.length(); i++) {
            m.put(plain.charAt(i), accented.charAt(i));
        }
        return m;
    }

    @Test
    void everyStepShowsOnlyBundleTextUnclippedAndInsideItself(FxRobot robot) throws Exception {
        var cert = PKI.issue(HOST);
        var tls = servers.start(ServerBehaviour.builder().implicitTls(cert.serverContext()).user(USER, PASSWORD).build());
        var stripped = servers.start(ServerBehaviour.builder().starttls(cert.serverContext()).offerStarttls(false).build());
        List<String> problems = new ArrayList<>();

        robot.clickOn("#name").write(NAME);
        robot.clickOn("#address").write(USER);
        robot.clickOn("#password").write(PASSWORD);
        problems.addAll(check(robot, "Account"));

        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.state().servers().isEmpty());
        robot.interact(() -> window.state().servers().setAll(new ServerRow(HOST, tls.port(), Security.TLS, CandidateSource.USER, true),
                new ServerRow(HOST, stripped.port(), Security.STARTTLS, CandidateSource.USER, true)));
        robot.interact(() -> ((TitledPane) robot.lookup("#advanced").query()).setExpanded(true));
        robot.clickOn("#mappings").write(HOST + ":127.0.0.1");
        problems.addAll(check(robot, "Servers"));

        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.state().reportProperty().get() != null);
        problems.addAll(check(robot, "Testing"));

        robot.clickOn("#next");
        problems.addAll(check(robot, "Result"));
        robot.interact(() -> ((TitledPane) robot.lookup("#helpdesk").query()).setExpanded(true));
        problems.addAll(check(robot, "Result with the help-desk drawer"));

        robot.clickOn("#next");
        problems.addAll(check(robot, "Export"));

        assertThat(problems).isEmpty();
    }

    private List<String> check(FxRobot robot, String step) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> problems(step)).get(5, TimeUnit.SECONDS);
    }

    private List<String> problems(String step) {
        Node content = window.scene().lookup(".step-content");
        Bounds stepBounds = content.localToScene(content.getLayoutBounds());
        List<String> data = data();
        List<String> out = new ArrayList<>();
        walk(window.scene().getRoot(), false, (node, inScroll) -> {
            if (node instanceof Labeled l) {
                labelProblems(l, data).forEach(p -> out.add(step + ": " + p));
            }
            if (node instanceof javafx.scene.control.Control && isInside(node, content) && overflows(node, stepBounds, inScroll)) {
                out.add(step + ": " + describe(node) + " reaches outside the step (" + node.localToScene(node.getLayoutBounds())
                        + " beyond " + stepBounds + ")");
            }
            if (node instanceof TableView<?> table) {
                table.getColumns().forEach(c -> {
                    if (c.getText() != null && !c.getText().isEmpty() && !c.getText().contains(OPEN)) {
                        out.add(step + ": column '" + c.getText() + "' is not from a bundle");
                    }
                });
            }
        });
        return out;
    }

    private List<String> labelProblems(Labeled l, List<String> data) {
        String text = l.getText();
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        String shown = l.isMnemonicParsing() ? text.replaceFirst("_(?=.)", "") : text;
        Text rendered = ownText(l);
        if (rendered != null && rendered.isVisible() && !rendered.getText().equals(shown)) {
            out.add("clipped " + describe(l) + ": '" + shown + "' is shown as '" + rendered.getText() + "'");
        }
        if (text.matches("(?s).*![a-z_]+(\\.[a-z0-9_-]+)+!.*")) {
            out.add(describe(l) + " names a key its bundle lacks: '" + text + "'");
        }
        if (!text.contains(OPEN) && hasWordsBeyond(text, data)) {
            out.add(describe(l) + " says '" + text + "', which is not from a bundle");
        }
        double base = Font.getDefault().getSize();
        if (l.getFont().getSize() < base * SCALE * 0.85) {
            out.add(describe(l) + " did not scale with the font size (" + l.getFont().getSize() + " pt)");
        }
        return out;
    }

    /** The text node the label's own skin draws (not one of a nested control's). */
    private static Text ownText(Parent labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getClass().getSimpleName().equals("LabeledText")) {
                return t;
            }
            if (child instanceof Parent p && !(child instanceof Labeled) && !(child instanceof javafx.scene.control.Control)) {
                Text inner = ownText(p);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** Whether letters are left once the data in {@code text} is taken out. */
    private static boolean hasWordsBeyond(String text, List<String> data) {
        String rest = text;
        for (String d : data) {
            rest = rest.replace(d, " ");
        }
        return rest.chars().anyMatch(Character::isLetter);
    }

    /** What may be shown as it is: what the user typed, what the run found and servers said, the contract's codes. */
    private List<String> data() {
        List<String> d = new ArrayList<>(List.of(NAME, USER, HOST, "127.0.0.1"));
        Stream.of(Outcome.values()).map(Enum::name).forEach(d::add);
        Stream.of(HintKind.values()).map(Enum::name).forEach(d::add);
        Stream.of(Protocol.values()).map(Enum::name).forEach(d::add);
        Stream.of(Security.values()).forEach(s -> {
            d.add(s.label());
            d.add(s.shortLabel());
        });
        Stream.of(AppLanguage.values()).map(AppLanguage::nativeName).forEach(d::add);
        window.state().servers().forEach(r -> d.add(r.hostProperty().get()));
        ProbeReport report = window.state().reportProperty().get();
        if (report != null) {
            for (ProbeResult p : report.probes()) {
                Stream.of(p.detail(), p.banner(), p.address(), p.login().reply(), p.login().detail(), p.login().mechanism())
                        .filter(s -> s != null && !s.isBlank()).forEach(d::add);
                d.addAll(p.warnings());
                d.addAll(p.transcript());
                if (p.tls() != null) {
                    d.add(p.tls().protocol());
                    d.add(p.tls().cipherSuite());
                }
            }
            Stream.concat(Stream.of(report.recommended(), report.recommendedIncoming()), report.alternatives().stream())
                    .filter(r -> r != null).forEach(r -> d.add(r.why()));
            d.addAll(report.discoveryNotes());
        }
        d.sort(Comparator.comparingInt(String::length).reversed());
        return d;
    }

    private static boolean overflows(Node node, Bounds step, boolean inScroll) {
        Bounds b = node.localToScene(node.getLayoutBounds());
        boolean sideways = b.getMinX() < step.getMinX() - 1 || b.getMaxX() > step.getMaxX() + 1;
        boolean below = !inScroll && b.getMaxY() > step.getMaxY() + 1;
        return sideways || below;
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Node n) {
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId());
    }

    interface Visitor {
        void visit(Node node, boolean inScroll);
    }

    /** Visible nodes, depth first; a table's and a list's rows are data and not entered. */
    private static void walk(Node node, boolean inScroll, Visitor visitor) {
        if (!node.isVisible() || node.getLayoutBounds().getWidth() <= 0) {
            return;
        }
        visitor.visit(node, inScroll);
        if (node instanceof TableView<?> || node instanceof ListView<?>) {
            return;
        }
        if (node instanceof Parent p) {
            boolean scrolls = inScroll || node instanceof ScrollPane;
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, scrolls, visitor);
            }
        }
    }
}
