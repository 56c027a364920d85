package dev.mailwizard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command (a JVM) as a benchmark child on two cores where {@code taskset} exists, and
 * measures what it cost: wall time, CPU time (user + system of the child and its threads, from
 * the shell's {@code times}, so nothing is lost when the process ends between two looks) and peak
 * resident set (VmHWM, read from /proc while it runs).
 */
final class ChildJvm {
    record Cost(long wallMs, long userMs, long systemMs, long peakRssKb) {
        long cpuMs() {
            return userMs + systemMs;
        }
    }

    private ChildJvm() {
    }

    /** Runs {@code command}, its standard output to {@code out}, standard error to {@code err}. */
    static Cost run(List<String> command, Path out, Path err) {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "\"$@\"; status=$?; times >&2; exit $status", "bench-child"));
        if (Files.isExecutable(Path.of("/usr/bin/taskset"))) {
            cmd.addAll(List.of("/usr/bin/taskset", "-c", "0,1"));
        }
        cmd.addAll(command);
        try {
            long t0 = System.nanoTime();
            Process shell = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            long peak = 0;
            while (!shell.waitFor(20, TimeUnit.MILLISECONDS)) {
                for (ProcessHandle child : shell.children().toList()) {
                    peak = Math.max(peak, peakRssKb(child.pid()));
                }
            }
            long wall = (System.nanoTime() - t0) / 1_000_000L;
            long[] cpu = childCpuMs(Files.readAllLines(err));
            return new Cost(wall, cpu[0], cpu[1], peak);
        } catch (Exception e) {
            throw new IllegalStateException(String.join(" ", command), e);
        }
    }

    /** The second line of bash's {@code times}: the children's user and system time, "0m1.234s 0m0.567s". */
    private static long[] childCpuMs(List<String> errLines) {
        String[] parts = errLines.get(errLines.size() - 1).trim().split("\\s+");
        return new long[]{minutesSeconds(parts[0]), minutesSeconds(parts[1])};
    }

    private static long minutesSeconds(String time) {
        int m = time.indexOf('m');
        return Long.parseLong(time.substring(0, m)) * 60_000L + Math.round(Double.parseDouble(time.substring(m + 1, time.length() - 1)) * 1000);
    }

    /** VmHWM: the process's peak resident set so far, in KB (0 when it has just ended). */
    private static long peakRssKb(long pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("\\D", ""));
                }
            }
        } catch (Exception e) {
            // the process just ended
        }
        return 0;
    }
}
