package io.github.liveupdate.upload;

import io.github.liveupdate.core.Outcome;
import java.time.Duration;
import java.util.Locale;

/**
 * What an upload did.
 *
 * @param uploaded objects sent, the manifest included. In a dry run, the objects that would be sent
 * @param skipped objects not sent because the bucket already contains them unchanged
 * @param bytesUploaded bytes sent. In a dry run, the bytes that would be sent
 * @param elapsed the time from opening the source to the end
 * @param retries requests sent again after a transient failure, beyond the AWS SDK's own retries
 * @param manifest what happened to the manifest object, or in the archive layout to the zip that contains the
 *     manifest
 * @param dryRun whether nothing was sent
 */
public record UploadSummary(
        long uploaded,
        long skipped,
        long bytesUploaded,
        Duration elapsed,
        long retries,
        Outcome manifest,
        boolean dryRun) {

    /** Returns the summary line for the build log. */
    public String describe() {
        double seconds = Math.max(1e-3, elapsed.toMillis() / 1000.0);
        String verb = dryRun ? "Dry run: would upload " : "Uploaded ";
        String line = verb + Sizes.objects(uploaded) + " (" + Sizes.bytes(bytesUploaded) + "), skipped "
                + Sizes.count(skipped) + " unchanged, in " + Sizes.duration(elapsed);
        if (!dryRun && uploaded > 0) {
            line += String.format(Locale.ROOT, " (%.1f objects/s)", uploaded / seconds);
        }
        if (retries > 0) {
            line += ", " + Sizes.count(retries) + " retries";
        }
        return line;
    }
}
