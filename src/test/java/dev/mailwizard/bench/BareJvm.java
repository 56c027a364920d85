package dev.mailwizard.bench;

/** The start-up baseline: a JVM that starts, prints one line and exits. */
public final class BareJvm {
    private BareJvm() {
    }

    public static void main(String[] args) {
        System.out.println("bare jvm");
    }
}
