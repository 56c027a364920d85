package dev.mailwizard.ui;

import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.shape.SVGPath;

/**
 * Small vector icons drawn as SVG paths: crisp at any scale, coloured by CSS (style classes
 * {@code icon-ok}, {@code icon-bad}, ...), and nothing loaded from fonts or the network. Each icon
 * also carries its shape as a style class ({@code glyph-check}, {@code glyph-cross}, ...), so the
 * outcome icons differ by shape, not only by colour.
 */
public final class Icons {
    private Icons() {
    }

    private static Node icon(String glyph, String path, String styleClass, double size) {
        return icon(glyph, path, styleClass, size, size);
    }

    /** The shape is scaled to the region's size, so a flat glyph needs a flat region. */
    private static Node icon(String glyph, String path, String styleClass, double width, double height) {
        SVGPath p = new SVGPath();
        p.setContent(path);
        p.getStyleClass().addAll("icon", styleClass);
        Region r = new Region();
        r.setShape(p);
        r.getStyleClass().addAll("icon", styleClass, "glyph-" + glyph);
        r.setMinSize(width, height);
        r.setPrefSize(width, height);
        r.setMaxSize(width, height);
        return r;
    }

    public static Node ok() {
        return icon("check", "M2 9 L7 14 L16 4 L18 6 L7 18 L0 11 Z", "icon-ok", 16);
    }

    public static Node bad() {
        return icon("cross", "M3 1 L9 7 L15 1 L17 3 L11 9 L17 15 L15 17 L9 11 L3 17 L1 15 L7 9 L1 3 Z", "icon-bad", 14);
    }

    public static Node warning() {
        return icon("triangle", "M9 0 L18 17 L0 17 Z M8 6 L10 6 L10 11 L8 11 Z M8 13 L10 13 L10 15 L8 15 Z", "icon-warn", 16);
    }

    public static Node pending() {
        return icon("dot", "M6 0 A6 6 0 1 0 6.01 0 Z", "icon-pending", 8);
    }

    public static Node skipped() {
        return icon("dash", "M0 0 L12 0 L12 3 L0 3 Z", "icon-pending", 12, 3);
    }

    public static Node eye() {
        return icon("eye", "M0 8 C4 1 14 1 18 8 C14 15 4 15 0 8 Z M9 4 A4 4 0 1 0 9.01 4 Z", "icon-plain", 16);
    }

    public static Node lock() {
        return icon("lock", "M3 8 L3 5 A6 5 0 0 1 15 5 L15 8 L17 8 L17 18 L1 18 L1 8 Z M6 8 L12 8 L12 5 A3 3 0 0 0 6 5 Z", "icon-ok", 14);
    }

    public static Node certificate() {
        return icon("certificate", "M1 1 L17 1 L17 13 L11 13 L11 18 L9 16 L7 18 L7 13 L1 13 Z M4 4 L14 4 L14 6 L4 6 Z M4 8 L11 8 L11 10 L4 10 Z", "icon-plain", 16);
    }

    public static Node copy() {
        return icon("copy", "M5 0 L16 0 L16 12 L13 12 L13 3 L5 3 Z M1 4 L12 4 L12 18 L1 18 Z", "icon-plain", 14);
    }

    /** A test under way: an hourglass. */
    public static Node running() {
        return icon("hourglass", "M1 0 L13 0 L13 2 L11 2 C11 5 9 6 8 7 C9 8 11 9 11 12 L13 12 L13 14 L1 14 L1 12 L3 12 C3 9 5 8 6 7 C5 6 3 5 3 2 L1 2 Z",
                "icon-pending", 14);
    }
}
