package io.github.liveupdate.credentials;

import io.github.liveupdate.core.LiveUpdateException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock around a read-modify-write of one file, held by one thread of one process at a time.
 *
 * <p>Between processes it is a {@link FileLock} on a lock file next to the file, {@code .NAME.lock}, which
 * stays in place afterwards: deleting it would let a process that opened the old lock file and one that
 * creates a new one both hold "the" lock. File locks belong to the whole JVM, so an in-process lock per lock
 * file keeps two threads of one JVM apart. Both are advisory: they only exclude writers that take them.
 */
final class LockedFile implements AutoCloseable {

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private static final long POLL_MILLIS = 20;

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private LockedFile(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Returns the lock file that guards {@code file}. */
    static Path lockFileOf(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".lock");
    }

    /**
     * Waits for the lock on {@code file}, whose folder must exist.
     *
     * @param file the file to guard, with symbolic links already followed
     * @param timeout how long to wait for another thread or process to release the lock
     * @throws LiveUpdateException if the lock is not free within the timeout, or the lock file cannot be
     *     created
     */
    static LockedFile acquire(Path file, Duration timeout) {
        Path lockFile = lockFileOf(canonical(file));
        long deadline = System.nanoTime() + timeout.toNanos();
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(lockFile, path -> new ReentrantLock());
        try {
            if (!threadLock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw timedOut(file, lockFile, timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LiveUpdateException("Interrupted while waiting for the lock on " + file, e);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(
                    lockFile,
                    EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PrivateFiles.ownerOnlyFileAttributes(lockFile.getParent()));
            FileLock fileLock = channel.tryLock();
            while (fileLock == null) {
                if (System.nanoTime() > deadline) {
                    throw timedOut(file, lockFile, timeout);
                }
                Thread.sleep(POLL_MILLIS);
                fileLock = channel.tryLock();
            }
            return new LockedFile(threadLock, channel, fileLock);
        } catch (IOException e) {
            closeQuietly(channel);
            threadLock.unlock();
            throw new LiveUpdateException(
                    "Cannot create the lock file " + lockFile + ": " + PrivateFiles.describe(e)
                            + ". Check that you can write to " + lockFile.getParent() + ".",
                    e);
        } catch (InterruptedException e) {
            closeQuietly(channel);
            threadLock.unlock();
            Thread.currentThread().interrupt();
            throw new LiveUpdateException("Interrupted while waiting for the lock on " + file, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            threadLock.unlock();
            throw e;
        }
    }

    /** Returns the path with its folder's symbolic links resolved, so every alias shares one lock. */
    private static Path canonical(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            return absolute.getParent().toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            return absolute;
        }
    }

    private static LiveUpdateException timedOut(Path file, Path lockFile, Duration timeout) {
        return new LiveUpdateException("Another build has held the lock on " + file + " for more than "
                + timeout.toSeconds() + " s (lock file " + lockFile + "). Wait for it to finish and run again.");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // The channel is being abandoned after another failure, which is the one to report.
        }
    }

    @Override
    public void close() {
        try {
            fileLock.release();
            channel.close();
        } catch (IOException e) {
            throw new LiveUpdateException("Cannot release the lock file: " + PrivateFiles.describe(e), e);
        } finally {
            threadLock.unlock();
        }
    }
}
