package dev.mailwizard.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class JavaFxPlatformTest {

    @Test
    void eachPlatformExpectsItsOwnLoadersFileNames() {
        assertThat(JavaFxPlatform.fromClassifier("win").expectedNatives()).contains("glass.dll", "prism_d3d.dll", "prism_sw.dll");
        assertThat(JavaFxPlatform.fromClassifier("mac").expectedNatives()).contains("libglass.dylib", "libprism_es2.dylib");
        assertThat(JavaFxPlatform.fromClassifier("mac-aarch64").expectedNatives())
                .isEqualTo(JavaFxPlatform.MAC.expectedNatives());
        assertThat(JavaFxPlatform.fromClassifier("linux").expectedNatives()).contains("libglass.so", "libglassgtk3.so");
        assertThat(JavaFxPlatform.fromClassifier(" Linux-AArch64 ").cpu).isEqualTo(NativeCpu.AARCH64);
        assertThat(JavaFxPlatform.WIN.os.isNative("glass.dll")).isTrue();
        assertThat(JavaFxPlatform.WIN.os.isNative("libglass.so")).isFalse();
        assertThat(JavaFxPlatform.isJavaFxNative("libprism_es2.dylib")).isTrue();
        assertThat(JavaFxPlatform.isJavaFxNative("osxkeychain.so")).as("java-keyring's, not JavaFX's").isFalse();
    }

    @Test
    void anUnknownPlatformIsNamedWithTheChoices() {
        assertThatThrownBy(() -> JavaFxPlatform.fromClassifier("solaris"))
                .hasMessageContaining("\"solaris\" is not a JavaFX platform").hasMessageContaining("mac-aarch64");
    }

    @Test
    void theCpuIsReadFromEachKindOfHeader() {
        assertThat(NativeCpu.of(elf(0x3e))).contains(NativeCpu.X86_64);
        assertThat(NativeCpu.of(elf(0xb7))).contains(NativeCpu.AARCH64);
        assertThat(NativeCpu.of(machO(0x01000007))).contains(NativeCpu.X86_64);
        assertThat(NativeCpu.of(machO(0x0100000c))).contains(NativeCpu.AARCH64);
        assertThat(NativeCpu.of(pe(0x8664))).contains(NativeCpu.X86_64);
        assertThat(NativeCpu.of(pe(0xaa64))).contains(NativeCpu.AARCH64);
        assertThat(NativeCpu.of(elf(0x03))).isEmpty(); // 32-bit x86
        assertThat(NativeCpu.of("not a library".getBytes())).isEmpty();
    }

    private static byte[] elf(int machine) {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        b.putShort(18, (short) machine);
        return b.array();
    }

    private static byte[] machO(int cpuType) {
        return ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN).putInt(0xfeedfacf).putInt(cpuType).array();
    }

    private static byte[] pe(int machine) {
        ByteBuffer b = ByteBuffer.allocate(0x100).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3c, 0x80);
        b.put(0x80, (byte) 'P').put(0x81, (byte) 'E').putShort(0x84, (short) machine);
        return b.array();
    }
}
