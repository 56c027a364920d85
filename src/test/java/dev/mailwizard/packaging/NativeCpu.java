package dev.mailwizard.packaging;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/** The CPU a native library was built for, read from its ELF, PE (Windows) or Mach-O header. */
enum NativeCpu {
    X86_64, AARCH64;

    static Optional<NativeCpu> of(byte[] header) {
        ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        if (header.length >= 20 && b.getInt(0) == 0x464c457f) { // "\x7fELF": e_machine at 18
            return machine(b.getShort(18) & 0xffff, 0x3e, 0xb7);
        }
        if (header.length >= 8 && b.getInt(0) == 0xfeedfacf) { // 64-bit Mach-O: cputype at 4
            return machine(b.getInt(4), 0x01000007, 0x0100000c);
        }
        if (header.length >= 0x40 && b.getShort(0) == 0x5a4d) { // "MZ": the PE header's offset at 0x3c
            int pe = b.getInt(0x3c);
            if (pe > 0 && pe + 6 <= header.length && b.getInt(pe) == 0x00004550) {
                return machine(b.getShort(pe + 4) & 0xffff, 0x8664, 0xaa64);
            }
        }
        return Optional.empty();
    }

    private static Optional<NativeCpu> machine(int value, int x86_64, int aarch64) {
        return value == x86_64 ? Optional.of(X86_64) : value == aarch64 ? Optional.of(AARCH64) : Optional.empty();
    }
}
