package io.firstcall.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The version of the journal format, kept beside each journal's files in {@value #FILE_NAME}, one
 * line of text: {@code firstcall-journal-format=2}. The format is what an entry holds (a
 * {@link RecordHeader} and one SBE message of the schema's inputs, or of its outputs) and how a
 * replay reads it: the engine of one format version may not decide a journal of another the same way,
 * and a replay must not compare outputs of another schema. {@link ChronicleJournal#open} writes the file
 * into a journal it creates and refuses a journal it cannot read, so the server, {@code replay} and
 * every tool refuse it the same way; a tool can ask first with {@link #check(Path)}.
 * <p>
 * Versions: 1 was firstcall before core v2 (outputs with JSON inside, schema version 1), whose
 * journals carry no format file; 2 is core v2 (typed outputs, schema version 2). A journal of a
 * version from {@link #OLDEST_SUPPORTED} to {@link #VERSION} is read; any other, or entries without a
 * format file, are refused with {@link UnsupportedJournalException}.
 */
public final class JournalFormat
{
    /**
     * The format this build writes.
     */
    public static final int VERSION = 2;

    /**
     * The oldest format this build reads: raise it when a format is dropped, bump {@link #VERSION} when
     * entries change meaning.
     */
    public static final int OLDEST_SUPPORTED = 2;

    public static final String FILE_NAME = "journal-format";

    private static final String KEY = "firstcall-journal-format=";
    private static final String ENTRY_FILE_SUFFIX = ".cq4";

    private JournalFormat()
    {
    }

    /**
     * Check that both journals of a data directory ({@code input/} and {@code output/}) exist and are
     * of a format this build reads. Writes nothing.
     *
     * @throws UnsupportedJournalException naming the journal and its version, and what to do.
     */
    public static void check(final Path dataDir)
    {
        for (final String journal : new String[] {"input", "output"})
        {
            final Path directory = dataDir.resolve(journal);
            if (!Files.isDirectory(directory))
            {
                throw new UnsupportedJournalException(directory + ": no journal here");
            }
            checkReadable(directory);
        }
    }

    /**
     * @return the format version of the journal in {@code directory}: its file's, 1 for a journal with
     * entries and no file (written before formats were versioned), 0 for none yet.
     * @throws UnsupportedJournalException when the file cannot be read as a format version.
     */
    public static int versionOf(final Path directory)
    {
        final Path file = directory.resolve(FILE_NAME);
        if (Files.exists(file))
        {
            try
            {
                final String text = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (text.startsWith(KEY))
                {
                    return Integer.parseInt(text.substring(KEY.length()).trim());
                }
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot read " + file, ex);
            }
            catch (final NumberFormatException ex)
            {
                // Falls through to the error below.
            }
            throw new UnsupportedJournalException(file + ": not a journal format file (expected one line " + KEY + "N)");
        }
        return hasEntries(directory) ? 1 : 0;
    }

    /**
     * Make sure the journal in {@code directory} is one this build reads, writing the format file into
     * a journal that holds no entries yet. Called by {@link ChronicleJournal#open} before the queue opens.
     */
    static void prepare(final Path directory)
    {
        if (0 == checkReadable(directory))
        {
            write(directory);
        }
    }

    /**
     * Check that the journal in {@code directory}, if there is one, is of a format this build reads.
     *
     * @return its version, 0 when there is no journal there yet.
     * @throws UnsupportedJournalException naming the journal and its version, and what to do.
     */
    public static int checkReadable(final Path directory)
    {
        final int version = versionOf(directory);
        if (1 == version && !Files.exists(directory.resolve(FILE_NAME)))
        {
            throw new UnsupportedJournalException(directory + ": journal written by a firstcall before journal format " +
                "versions (format 1, before core v2); this build reads formats " + OLDEST_SUPPORTED + ".." + VERSION +
                ". Replay or audit it with the firstcall that wrote it, and start this one on a new data directory");
        }
        if (0 != version && (version < OLDEST_SUPPORTED || version > VERSION))
        {
            throw new UnsupportedJournalException(directory + ": journal format " + version + (version > VERSION ?
                ", written by a newer firstcall" : ", no longer read") + "; this build reads formats " + OLDEST_SUPPORTED +
                ".." + VERSION + ". Use a firstcall that reads format " + version);
        }
        return version;
    }

    private static boolean hasEntries(final Path directory)
    {
        if (!Files.isDirectory(directory))
        {
            return false;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + ENTRY_FILE_SUFFIX))
        {
            return files.iterator().hasNext();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list " + directory, ex);
        }
    }

    private static void write(final Path directory)
    {
        try
        {
            Files.createDirectories(directory);
            final Path temporary = directory.resolve(FILE_NAME + ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING))
            {
                channel.write(StandardCharsets.UTF_8.encode(KEY + VERSION + "\n"));
                channel.force(true);
            }
            Files.move(temporary, directory.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ))
            {
                channel.force(true);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the journal format file in " + directory, ex);
        }
    }
}
