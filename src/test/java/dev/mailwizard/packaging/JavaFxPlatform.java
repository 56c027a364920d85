package dev.mailwizard.packaging;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An OpenJFX classifier (the {@code javafx.platform} of the POM) and the native libraries its
 * javafx-graphics jar puts at the jar's root: the window toolkit, the software and hardware renderers,
 * fonts and images. Each is named the way the OS's loader wants ({@code glass.dll},
 * {@code libglass.dylib}, {@code libglass.so}) and built for one CPU.
 */
enum JavaFxPlatform {
    WIN("win", Os.WINDOWS, NativeCpu.X86_64, List.of("glass", "prism_d3d", "prism_sw", "javafx_font", "javafx_iio")),
    MAC("mac", Os.MACOS, NativeCpu.X86_64, List.of("glass", "prism_es2", "prism_sw", "javafx_font", "javafx_iio")),
    MAC_AARCH64("mac-aarch64", Os.MACOS, NativeCpu.AARCH64, MAC.libraries),
    LINUX("linux", Os.LINUX, NativeCpu.X86_64, List.of("glass", "glassgtk3", "prism_es2", "prism_sw", "javafx_font", "javafx_iio")),
    LINUX_AARCH64("linux-aarch64", Os.LINUX, NativeCpu.AARCH64, LINUX.libraries);

    enum Os {
        WINDOWS("", ".dll"), MACOS("lib", ".dylib"), LINUX("lib", ".so");

        private final String prefix;
        private final String suffix;

        Os(String prefix, String suffix) {
            this.prefix = prefix;
            this.suffix = suffix;
        }

        String fileName(String library) {
            return prefix + library + suffix;
        }

        /** Whether {@code entry} (a jar entry name) is a native library of this OS. */
        boolean isNative(String entry) {
            return entry.endsWith(suffix);
        }
    }

    final String classifier;
    final Os os;
    final NativeCpu cpu;
    private final List<String> libraries;

    JavaFxPlatform(String classifier, Os os, NativeCpu cpu, List<String> libraries) {
        this.classifier = classifier;
        this.os = os;
        this.cpu = cpu;
        this.libraries = libraries;
    }

    /** The jar entries this platform's JavaFX cannot start without. */
    List<String> expectedNatives() {
        return libraries.stream().map(os::fileName).toList();
    }

    /** Whether {@code entry} is one of JavaFX's natives for any OS (the jar holds others too, e.g. java-keyring's). */
    static boolean isJavaFxNative(String entry) {
        return !entry.contains("/") && Arrays.stream(Os.values()).anyMatch(os -> os.isNative(entry))
                && entry.replaceFirst("^lib", "").matches("(glass|prism_|javafx_|decora_).*");
    }

    static JavaFxPlatform fromClassifier(String classifier) {
        String c = classifier.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.classifier.equals(c)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("\"" + classifier + "\" is not a JavaFX platform: use one of "
                        + Arrays.stream(values()).map(p -> p.classifier).toList()));
    }
}
