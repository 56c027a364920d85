package dev.mailwizard.ui;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;

/**
 * What a screen reader calls a node, by JavaFX's own rule (the UI Automation bridge,
 * {@code WinAccessible}, for the name): the node's TEXT attribute (its accessibleText, else a
 * label's or button's own text), and when that is empty the text of the Label whose
 * {@code labelFor} is this node. For value controls JavaFX skips the node's own TEXT, which is
 * their value: text fields, text areas and combo boxes; we treat password fields and spinners
 * the same way (their TEXT is nothing or the number in them), so they too must be labelled.
 */
final class AccessibleNames {
    private static final Set<AccessibleRole> VALUE_ROLES = EnumSet.of(AccessibleRole.TEXT_FIELD, AccessibleRole.TEXT_AREA,
            AccessibleRole.COMBO_BOX, AccessibleRole.PASSWORD_FIELD, AccessibleRole.SPINNER);

    private AccessibleNames() {
    }

    static String name(Node node) {
        Object role = node.queryAccessibleAttribute(AccessibleAttribute.ROLE);
        String own = VALUE_ROLES.contains(role) ? "" : text(node);
        if (!own.isBlank()) {
            return own;
        }
        Object label = node.queryAccessibleAttribute(AccessibleAttribute.LABELED_BY);
        return label instanceof Node l ? text(l) : "";
    }

    /** The help a screen reader offers (accessibleHelp, else a control's tooltip). */
    static String help(Node node) {
        Object help = node.queryAccessibleAttribute(AccessibleAttribute.HELP);
        return help instanceof String s ? s : "";
    }

    private static String text(Node node) {
        Object text = node.queryAccessibleAttribute(AccessibleAttribute.TEXT);
        return text instanceof String s ? s : "";
    }

    /** Every node that can take the keyboard focus now (focus-traversable, enabled, shown) but has no name. */
    static List<String> unnamedFocusable(Parent root) {
        List<String> unnamed = new ArrayList<>();
        collect(root, unnamed);
        return unnamed;
    }

    private static void collect(Node node, List<String> unnamed) {
        if (!node.isVisible()) {
            return;
        }
        if (node.isFocusTraversable() && !node.isDisabled() && name(node).isBlank()) {
            unnamed.add(describe(node));
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> collect(child, unnamed));
        }
    }

    static String describe(Node node) {
        String text = node instanceof Labeled l ? " \"" + l.getText() + "\"" : "";
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId()) + node.getStyleClass() + text;
    }
}
