package io.github.liveupdate.rotation;

import io.github.liveupdate.core.AccessKeyPair;
import java.time.Duration;

/** Waits until AWS accepts a new access key. Tests pass one that never does. */
@FunctionalInterface
interface KeyCheck {

    /**
     * Returns once a request signed with the key succeeds.
     *
     * @param wait the total time to try
     * @return the ARN of the key's owner, for the debug log
     * @throws RuntimeException when the key does not authenticate within {@code wait}
     */
    String awaitWorking(AccessKeyPair key, Duration wait);
}
