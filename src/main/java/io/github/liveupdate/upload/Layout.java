package io.github.liveupdate.upload;

import io.github.liveupdate.core.LiveUpdateException;
import java.util.Locale;

/** The layout of Live update content in the bucket. */
public enum Layout {
    /**
     * One object per resource entry, {@code <prefix>/<hex>}, and the manifest beside them: what engines that
     * fetch one resource at a time read.
     */
    RESOURCES,
    /** The zip that bob wrote, as one object {@code <prefix>/<file name>}: what engines that mount a zip read. */
    ARCHIVE;

    /** Parses a layout name, ignoring case. */
    public static Layout parse(String value) {
        if (value == null || value.isBlank()) {
            return RESOURCES;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LiveUpdateException("Layout '" + value + "' is invalid: use 'resources' (one object per"
                    + " resource, the default) or 'archive' (the zip as one object). Set <layout> or"
                    + " -Dliveupdate.layout.");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
