package io.github.liveupdate.rotation;

import io.github.liveupdate.core.AccessKeyPair;
import java.util.Optional;

/** Reads and writes the access key of a credentials profile. Tests wrap it to make the write fail. */
interface ProfileKeys {

    /** Returns the key that the profile contains, or empty when the profile or its key is missing. */
    Optional<AccessKeyPair> read(String profile);

    /**
     * Checks, reading only, that {@link #write} could write the profile.
     *
     * @throws io.github.liveupdate.core.LiveUpdateException naming the file problem and the fix
     */
    void checkWritable(String profile);

    /**
     * Writes the key into the profile and reports the outcome, keeping everything else in the files.
     *
     * @throws io.github.liveupdate.core.LiveUpdateException if the files cannot be written as expected
     */
    void write(String profile, AccessKeyPair key);

    /** Returns where the profile's key is stored, for messages. */
    String location(String profile);
}
