package io.github.liveupdate.upload;

import java.time.Duration;
import java.util.Locale;

/** Formats byte counts, rates and durations for the build log. */
final class Sizes {

    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

    private Sizes() {}

    /** Formats a byte count such as {@code 512 B}, {@code 1.5 KiB} or {@code 12.3 MiB}. */
    static String bytes(long count) {
        if (count < 1024) {
            return count + " B";
        }
        double value = count;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** Formats a count with thousands separators, such as {@code 12,345}. */
    static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** Formats a count of objects such as {@code 1 object} or {@code 1,234 objects}. */
    static String objects(long count) {
        return count(count) + (count == 1 ? " object" : " objects");
    }

    /** Formats a duration such as {@code 0.4 s}, {@code 35 s}, {@code 4 min 10 s} or {@code 2 h 5 min}. */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
