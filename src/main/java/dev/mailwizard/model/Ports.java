package dev.mailwizard.model;

/** Port number rules. */
public final class Ports {
    private Ports() {
    }

    public static int check(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1-65535");
        }
        return port;
    }

    /** Parses a decimal port, naming the bad value on failure. */
    public static int parse(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("\\d{1,5}")) {
            throw new IllegalArgumentException("port '" + HostNames.printable(t.isEmpty() ? String.valueOf(text) : t) + "' is not a number from 1 to 65535");
        }
        int port = Integer.parseInt(t);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1-65535");
        }
        return port;
    }
}
