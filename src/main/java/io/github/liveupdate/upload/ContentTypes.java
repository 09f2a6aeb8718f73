package io.github.liveupdate.upload;

import io.github.liveupdate.defold.ResourceNames;
import java.util.Locale;
import java.util.Map;

/**
 * The Content-Type of each object, from this table alone and never from the operating system, so every
 * machine publishes the same headers. Resource entries and the manifest are binary; other files are typed by
 * their extension, and unknown extensions are binary.
 */
public final class ContentTypes {

    public static final String BINARY = "application/octet-stream";
    public static final String ZIP = "application/zip";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("zip", ZIP),
            Map.entry("wasm", "application/wasm"),
            Map.entry("js", "text/javascript"),
            Map.entry("mjs", "text/javascript"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("xml", "application/xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("ogg", "audio/ogg"),
            Map.entry("wav", "audio/wav"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"));

    private ContentTypes() {}

    /** Returns the Content-Type of the object published under the given file name. */
    public static String of(String name) {
        if (name.equals(ResourceNames.MANIFEST) || ResourceNames.isResourceName(name)) {
            return BINARY;
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return BINARY;
        }
        return BY_EXTENSION.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), BINARY);
    }
}
