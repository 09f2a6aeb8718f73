package io.github.liveupdate.upload;

import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Outcome;
import io.github.liveupdate.core.Prefixes;
import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.defold.Manifest;
import io.github.liveupdate.defold.ManifestReader;
import io.github.liveupdate.defold.ResourceNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Publishes Live update content to S3. It opens the source, reads its manifest and lists the prefix once.
 * Then it checks that every Live update resource of the manifest is in the source or the bucket, and uploads
 * what the bucket lacks with bounded concurrency. The manifest goes last, and only when every resource
 * succeeded, so a failed or interrupted run leaves the previous manifest in place. The next run sends only
 * what is still missing.
 */
public final class Uploader {

    /** A dry run lists each key at info up to this many objects, and at debug above it. */
    static final int KEYS_LISTED_AT_INFO = 20;

    /** How many failed objects the error message names. */
    static final int FAILURES_NAMED = 10;

    /** The largest manifest read into memory: far above the few MiB of a manifest of 100,000 resources. */
    private static final long MAX_MANIFEST_BYTES = 256L * 1024 * 1024;

    /** How long a Ctrl-C waits for running requests to stop and for multipart uploads to be aborted. */
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(10);

    private final S3Client s3;
    private final Reporter reporter;
    private final UploadTuning tuning;
    private final LongSupplier nanoTime;
    private final boolean requestChecksums;

    /**
     * @param s3 a client whose connection pool has at least {@link UploadSpec#concurrency()} connections
     */
    public Uploader(S3Client s3, Reporter reporter) {
        this(s3, reporter, UploadTuning.defaults(), System::nanoTime);
    }

    Uploader(S3Client s3, Reporter reporter, UploadTuning tuning, LongSupplier nanoTime) {
        this(s3, reporter, tuning, nanoTime, true);
    }

    private Uploader(
            S3Client s3, Reporter reporter, UploadTuning tuning, LongSupplier nanoTime, boolean requestChecksums) {
        this.s3 = s3;
        this.reporter = reporter;
        this.tuning = tuning;
        this.nanoTime = nanoTime;
        this.requestChecksums = requestChecksums;
    }

    /**
     * Returns an uploader whose PUTs ask for no checksum header, for S3-compatible stores that reject the AWS
     * SDK's flexible checksums. Use it with a client whose request checksum calculation is
     * {@code WHEN_REQUIRED}, since the client's default adds a CRC32 to every PUT anyway.
     */
    public Uploader withoutRequestChecksums() {
        return new Uploader(s3, reporter, tuning, nanoTime, false);
    }

    /**
     * Publishes the spec's source to its bucket and prefix.
     *
     * @throws LiveUpdateException if the source is invalid, a Live update resource is missing, an object still
     *     fails after retries, or the upload is interrupted
     */
    public UploadSummary upload(UploadSpec spec) {
        long start = nanoTime.getAsLong();
        try (ContentSource source = ContentSource.open(spec.source())) {
            return new Run(spec, source, start).publish();
        }
    }

    /** The state of one upload. */
    private final class Run {

        private final UploadSpec spec;
        private final ContentSource source;
        private final long start;
        private final String location;
        private long skippedByListing;

        Run(UploadSpec spec, ContentSource source, long start) {
            this.spec = spec;
            this.source = source;
            this.start = start;
            this.location = "s3://" + spec.bucket() + "/" + (spec.prefix().isEmpty() ? "" : spec.prefix() + "/");
        }

        UploadSummary publish() {
            if (spec.layout() == Layout.ARCHIVE && !source.isZip()) {
                throw new LiveUpdateException("Source " + source.path() + " is a folder, but the archive layout"
                        + " uploads a zip as one object. Set <source> to the zip that bob wrote, or set <layout> to"
                        + " 'resources' (-Dliveupdate.layout=resources).");
            }
            reportIgnored();
            Manifest manifest = readManifest();
            RemoteListing listing = RemoteListing.list(s3, spec.bucket(), spec.prefix(), reporter);
            if (listing.available()) {
                reporter.info("Found " + Sizes.objects(listing.count()) + " in " + location);
            }
            checkComplete(manifest, listing);

            List<SourceEntry> toSend = objectsToSend(listing);
            long bytes = toSend.stream().mapToLong(SourceEntry::size).sum();
            if (toSend.isEmpty()) {
                reporter.info("Nothing to upload to " + location + ": the bucket contains all "
                        + Sizes.count(skippedByListing) + " resources."
                        + (spec.layout() == Layout.RESOURCES ? " Checking the manifest." : ""));
            } else {
                reporter.info((spec.dryRun() ? "Dry run: checking " : "Uploading ") + Sizes.objects(toSend.size())
                        + " (" + Sizes.bytes(bytes) + ") to " + location + ", up to " + spec.concurrency()
                        + " at once" + (spec.layout() == Layout.RESOURCES ? ", then the manifest" : "")
                        + ". Skipping " + Sizes.count(skippedByListing) + " resources that the bucket already"
                        + " contains.");
            }
            Progress progress = new Progress(toSend.size(), bytes, tuning.progressInterval(), nanoTime);
            ObjectPublisher publisher =
                    new ObjectPublisher(s3, spec.bucket(), tuning, progress, reporter, spec.dryRun(), requestChecksums);
            Transfer transfer = new Transfer(spec, publisher, progress, reporter, location, CANCEL_WAIT);
            transfer.runStoppingOnShutdown(toSend, entry -> itemFor(entry, listing));

            Outcome manifestOutcome = spec.layout() == Layout.RESOURCES
                    ? publishManifest(transfer, listing)
                    : archiveOutcome(progress, listing);
            transfer.reportPlannedKeys();
            UploadSummary summary = new UploadSummary(
                    progress.objectsUploaded(),
                    progress.objectsSkipped() + skippedByListing,
                    progress.bytesUploaded(),
                    Duration.ofNanos(nanoTime.getAsLong() - start),
                    progress.retries(),
                    manifestOutcome,
                    spec.dryRun());
            reporter.info(summary.describe());
            return summary;
        }

        /** Returns the objects to publish before the manifest, less the resources the listing shows in place. */
        private List<SourceEntry> objectsToSend(RemoteListing listing) {
            List<SourceEntry> toSend = new ArrayList<>();
            for (SourceEntry entry : objectsToPublish()) {
                if (Decision.of(entry.name(), entry.size(), listing) == Decision.SKIP) {
                    skippedByListing++;
                } else {
                    toSend.add(entry);
                }
            }
            return toSend;
        }

        /** Returns the entries that become objects before the manifest: every resource entry, or the zip. */
        private List<SourceEntry> objectsToPublish() {
            if (spec.layout() == Layout.ARCHIVE) {
                Path zip = source.path();
                String name = EntryNames.check(zip.getFileName().toString(), "the source path");
                return List.of(new SourceEntry(name, zip.toString(), sizeOf(zip)));
            }
            List<SourceEntry> entries = new ArrayList<>(source.entries().size());
            for (SourceEntry entry : source.entries()) {
                if (!entry.name().equals(ResourceNames.MANIFEST)) {
                    entries.add(entry);
                }
            }
            return entries;
        }

        private UploadItem itemFor(SourceEntry entry, RemoteListing listing) {
            Decision decision = Decision.of(entry.name(), entry.size(), listing);
            String key = Prefixes.key(spec.prefix(), entry.name());
            if (spec.layout() == Layout.ARCHIVE) {
                Path zip = source.path();
                return new UploadItem(
                        key,
                        entry.size(),
                        ContentTypes.ZIP,
                        spec.manifestCacheControl(),
                        false,
                        decision,
                        () -> Files.newInputStream(zip));
            }
            boolean resource = ResourceNames.isResourceName(entry.name());
            return new UploadItem(
                    key,
                    entry.size(),
                    ContentTypes.of(entry.name()),
                    resource ? spec.resourceCacheControl() : spec.manifestCacheControl(),
                    resource,
                    decision,
                    () -> source.open(entry));
        }

        private Outcome publishManifest(Transfer transfer, RemoteListing listing) {
            SourceEntry entry = source.entry(ResourceNames.MANIFEST).orElseThrow();
            UploadItem item = itemFor(entry, listing);
            ObjectPublisher.Result result;
            try {
                result = transfer.publishNow(item);
            } catch (LiveUpdateException | SdkException e) {
                throw new LiveUpdateException(
                        "Every resource was uploaded, but uploading the manifest " + item.key() + " failed: "
                                + Transfer.describe(e) + ". Run the goal again to upload it.",
                        e);
            }
            Outcome outcome = switch (result) {
                case UNCHANGED -> Outcome.UNCHANGED;
                case PLANNED -> Outcome.PLANNED;
                case UPLOADED -> listing.contains(entry.name()) ? Outcome.UPDATED : Outcome.CREATED;
            };
            reporter.step("Manifest s3://" + spec.bucket() + "/" + item.key(), outcome);
            return outcome;
        }

        /** Reports the outcome for the zip of the archive layout, which contains the manifest. */
        private Outcome archiveOutcome(Progress progress, RemoteListing listing) {
            String name = objectsToPublish().get(0).name();
            Outcome outcome;
            if (spec.dryRun()) {
                outcome = progress.objectsUploaded() > 0 ? Outcome.PLANNED : Outcome.UNCHANGED;
            } else if (progress.objectsUploaded() > 0) {
                outcome = listing.contains(name) ? Outcome.UPDATED : Outcome.CREATED;
            } else {
                outcome = Outcome.UNCHANGED;
            }
            reporter.step("Archive " + location + name, outcome);
            return outcome;
        }

        private Manifest readManifest() {
            SourceEntry entry = source.entry(ResourceNames.MANIFEST)
                    .orElseThrow(() -> new LiveUpdateException("Source " + source.path() + " has no "
                            + ResourceNames.MANIFEST + " at its top level, so it is not Live update content from"
                            + " bob. Set <source> or -Dliveupdate.source to the zip or folder that bob writes with"
                            + " --archive --liveupdate yes."));
            if (entry.size() > MAX_MANIFEST_BYTES) {
                throw new LiveUpdateException("Manifest " + ResourceNames.MANIFEST + " in " + source.path() + " is "
                        + Sizes.bytes(entry.size()) + ", more than the " + Sizes.bytes(MAX_MANIFEST_BYTES)
                        + " this plugin reads. Check that the source is the output of bob.");
            }
            try (InputStream in = source.open(entry)) {
                return ManifestReader.read(in.readAllBytes(), ResourceNames.MANIFEST + " in " + source.path());
            } catch (IOException e) {
                throw new LiveUpdateException(
                        "Cannot read " + ResourceNames.MANIFEST + " from " + source.path() + ": " + e.getMessage(), e);
            }
        }

        private void checkComplete(Manifest manifest, RemoteListing listing) {
            List<CompletenessCheck.Missing> missing;
            String where;
            if (spec.layout() == Layout.ARCHIVE) {
                // Engines that mount the zip read resources from it alone.
                missing = CompletenessCheck.findMissing(
                        manifest, name -> source.entry(name).isPresent(), name -> false);
                where = "the zip " + source.path();
            } else {
                missing = CompletenessCheck.findMissing(
                        manifest, name -> source.entry(name).isPresent(), listing::contains);
                if (!missing.isEmpty() && !listing.available()) {
                    missing.removeIf(resource -> existsInBucket(resource.hash()));
                }
                where = source.path() + " and from " + location;
            }
            if (!missing.isEmpty()) {
                throw CompletenessCheck.failure(missing, where);
            }
            reporter.debug("Every Live update resource of the manifest is in the source or in " + location);
        }

        /** Asks S3 for one object, for when the prefix could not be listed. */
        private boolean existsInBucket(String name) {
            String key = Prefixes.key(spec.prefix(), name);
            try {
                s3.headObject(request -> request.bucket(spec.bucket()).key(key));
                return true;
            } catch (S3Exception e) {
                reporter.debug("HeadObject " + key + ": HTTP " + e.statusCode());
                return false;
            }
        }

        private void reportIgnored() {
            List<String> ignored = source.ignored();
            if (ignored.isEmpty()) {
                return;
            }
            List<String> named = ignored.subList(0, Math.min(5, ignored.size()));
            reporter.info("Left out " + ignored.size() + " hidden files, symbolic links or special files of "
                    + source.path() + ": " + String.join(", ", named) + (ignored.size() > named.size() ? ", ..." : ""));
        }

        private long sizeOf(Path file) {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new LiveUpdateException("Cannot read source " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
