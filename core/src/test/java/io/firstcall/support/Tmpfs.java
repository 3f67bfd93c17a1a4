package io.firstcall.support;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted on a test's directory, for running out of disk space for real. Tests using it
 * are skipped (a JUnit assumption) where it cannot be mounted, e.g. when not root. Always close it.
 */
public final class Tmpfs implements AutoCloseable
{
    private final Path mountPoint;

    private Tmpfs(final Path mountPoint)
    {
        this.mountPoint = mountPoint;
    }

    /**
     * @param mountPoint an empty directory.
     * @param sizeMb     the filesystem's size in MiB.
     */
    public static Tmpfs mount(final Path mountPoint, final int sizeMb)
    {
        final boolean mounted = run("mount", "-t", "tmpfs", "-o", "size=" + sizeMb + "m", "tmpfs", mountPoint.toString());
        Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here (needs root)");
        return new Tmpfs(mountPoint);
    }

    public Path path()
    {
        return mountPoint;
    }

    /**
     * @return bytes a non-root process could still write.
     */
    public long usableBytes()
    {
        try
        {
            return Files.getFileStore(mountPoint).getUsableSpace();
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Write a file of real (non-sparse) blocks, to take space that {@link Files#delete} gives back.
     */
    public Path fill(final String name, final long bytes)
    {
        final Path file = mountPoint.resolve(name);
        final ByteBuffer zeros = ByteBuffer.allocateDirect(1024 * 1024);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))
        {
            long written = 0;
            while (written < bytes)
            {
                zeros.clear().limit((int)Math.min(zeros.capacity(), bytes - written));
                written += channel.write(zeros);
            }
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot fill " + file, ex);
        }
        return file;
    }

    public void close()
    {
        if (!run("umount", mountPoint.toString()))
        {
            run("umount", "-l", mountPoint.toString());
        }
    }

    private static boolean run(final String... command)
    {
        try
        {
            final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && 0 == process.exitValue();
        }
        catch (final IOException ex)
        {
            return false;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
