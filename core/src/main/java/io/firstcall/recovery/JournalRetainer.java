package io.firstcall.recovery;

import io.firstcall.journal.JournalArchive;
import io.firstcall.snapshot.SnapshotHeader;
import io.firstcall.snapshot.SnapshotStore;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
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
