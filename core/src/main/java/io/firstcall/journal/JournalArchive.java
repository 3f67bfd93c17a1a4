package io.firstcall.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves a {@link ChronicleJournal}'s cycle files that hold only entries older than a position into
 * an archive directory. Only for a journal no one has open: Chronicle caches its directory listing
 * while a queue is open, so the engine archives at start, before it opens its journals.
 * <p>
 * A cycle file's cycle is read from its name (Chronicle names each file by the UTC start of its
 * cycle); a file whose name does not parse is left alone. The cycle holding {@code position} and
 * every later one stay. Moving the files back (with the engine stopped) restores the journal.
 */
public final class JournalArchive
{
    private static final String CYCLE_FILE_SUFFIX = ".cq4";

    private JournalArchive()
    {
    }

    /**
     * @param directory        the journal's directory.
     * @param position         the oldest entry that must stay readable.
     * @param archiveDirectory where the older cycle files go; created when needed.
     * @return the files moved, oldest first.
     */
    public static List<Path> archiveBefore(final Path directory, final long position, final Path archiveDirectory)
    {
        final int keepFromCycle = ChronicleJournal.ROLL_CYCLE.toCycle(position);
        final List<Path> moved = new ArrayList<>();
        if (!Files.isDirectory(directory))
        {
            return moved;
        }
        try
        {
            final List<Path> older = new ArrayList<>();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + CYCLE_FILE_SUFFIX))
            {
                for (final Path file : files)
                {
                    final long cycle = cycleOf(file);
                    if (cycle >= 0 && cycle < keepFromCycle)
                    {
                        older.add(file);
                    }
                }
            }
            if (older.isEmpty())
            {
                return moved;
            }
            older.sort(null);
            Files.createDirectories(archiveDirectory);
            for (final Path file : older)
            {
                final Path target = archiveDirectory.resolve(file.getFileName());
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
                moved.add(target);
            }
            syncDirectory(archiveDirectory);
            syncDirectory(directory);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot archive cycle files of " + directory, ex);
        }
        return moved;
    }

    /**
     * @return the cycle a file's name stands for, or -1 when it is not a cycle file of this roll cycle.
     */
    static long cycleOf(final Path file)
    {
        final String name = file.getFileName().toString();
        if (!name.endsWith(CYCLE_FILE_SUFFIX))
        {
            return -1;
        }
        try
        {
            final LocalDateTime start = LocalDateTime.parse(
                name.substring(0, name.length() - CYCLE_FILE_SUFFIX.length()),
                DateTimeFormatter.ofPattern(ChronicleJournal.ROLL_CYCLE.format()));
            return start.toInstant(ZoneOffset.UTC).toEpochMilli() / ChronicleJournal.ROLL_CYCLE.lengthInMillis();
        }
        catch (final DateTimeParseException ex)
        {
            return -1;
        }
    }

    private static void syncDirectory(final Path directory) throws IOException
    {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ))
        {
            channel.force(true);
        }
    }
}
