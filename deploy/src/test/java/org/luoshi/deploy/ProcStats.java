package org.luoshi.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's CPU time and memory as Linux reports them in /proc, for the measurements in docs/capacity.md. */
final class ProcStats {
    /** Clock ticks per second of /proc/PID/stat on Linux (USER_HZ). */
    private static final long TICKS_PER_SECOND = 100;

    private ProcStats() {
    }

    /** {user + system CPU milliseconds, resident set KiB, peak resident set KiB}; zeros when the process is gone. */
    static long[] of(long pid) throws IOException {
        Path proc = Path.of("/proc", String.valueOf(pid));
        if (!Files.exists(proc)) {
            return new long[3];
        }
        String stat = Files.readString(proc.resolve("stat"));
        // the fields after the command name, which is in parentheses and may contain spaces
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        long rss = 0;
        long peak = 0;
        for (String line : Files.readAllLines(proc.resolve("status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kib(line);
            } else if (line.startsWith("VmHWM:")) {
                peak = kib(line);
            }
        }
        return new long[] { ticks * 1000 / TICKS_PER_SECOND, rss, peak };
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
