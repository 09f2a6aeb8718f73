package io.github.liveupdate.upload;

/**
 * One file of a source: its checked name, which becomes the last part of the object key, and its size.
 *
 * @param name the NFC name, checked by {@link EntryNames#check}
 * @param storedName the zip entry name or file name as the source stores it, to read the bytes
 * @param size the uncompressed size in bytes
 */
public record SourceEntry(String name, String storedName, long size) {}
