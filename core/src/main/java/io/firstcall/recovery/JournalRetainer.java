package io.firstcall.recovery;

import io.firstcall.journal.JournalArchive;
import io.firstcall.snapshot.SnapshotHeader;
import io.firstcall.snapshot.SnapshotStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Archives journal cycle files that no kept snapshot needs: input files before every snapshot's
 * {@link SnapshotHeader#retainInputFrom()} (its own position, or an older one its de-duplication
 * window confirms retries against) and output files before every snapshot's output position. Runs
 * at start, before the journals are opened. With no snapshot nothing moves, since a full replay
 * needs every file.
 */
public final class JournalRetainer
{
    public static final String ARCHIVE_DIRECTORY = "archive";

    private JournalRetainer()
    {
    }

    /**
     * @return true when {@code dataDir/archive/input} holds cycle files: the input journal no longer
     * starts at its first entry.
     */
    public static boolean inputArchived(final Path dataDir)
    {
        final Path archive = dataDir.resolve(ARCHIVE_DIRECTORY).resolve("input");
        if (!Files.isDirectory(archive))
        {
            return false;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(archive, "*.cq4"))
        {
            return files.iterator().hasNext();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list " + archive, ex);
        }
    }

    /**
     * @return how many cycle files were moved to {@code dataDir/archive/}.
     */
    public static int archive(final SnapshotStore store, final Path dataDir, final Logger logger)
    {
        final List<SnapshotHeader> headers = store.headers();
        if (headers.isEmpty())
        {
            return 0;
        }
        long inputFrom = Long.MAX_VALUE;
        long outputFrom = Long.MAX_VALUE;
        for (final SnapshotHeader header : headers)
        {
            inputFrom = Math.min(inputFrom, header.retainInputFrom());
            outputFrom = Math.min(outputFrom, header.outputPosition() < 0 ? -1 : header.outputPosition());
        }

        final Path archive = dataDir.resolve(ARCHIVE_DIRECTORY);
        int moved = JournalArchive.archiveBefore(dataDir.resolve("input"), inputFrom, archive.resolve("input")).size();
        if (outputFrom >= 0)
        {
            moved += JournalArchive.archiveBefore(dataDir.resolve("output"), outputFrom, archive.resolve("output")).size();
        }
        if (moved > 0)
        {
            logger.log(Level.INFO, "journal retention: moved " + moved + " cycle files no kept snapshot needs to " + archive);
        }
        return moved;
    }
}
