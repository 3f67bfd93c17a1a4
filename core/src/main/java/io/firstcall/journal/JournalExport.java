package io.firstcall.journal;

import org.agrona.concurrent.UnsafeBuffer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * A journal as one compact file, for fixtures kept in a repository: a Chronicle cycle file is
 * preallocated (80 MiB for an hour's cycle) and would be stored whole. Big-endian:
 * <pre>
 *   magic "FCJEXPRT" (8 bytes), journal format version (int32), entry count (int32),
 *   then per entry: its position (int64), its length (int32), its bytes
 * </pre>
 * {@link #importInto} appends the entries to a new journal at the positions they had, naming each
 * cycle file by the cycle its position says (so snapshot headers, which hold positions, still match);
 * an export of a format this build does not read is refused like the journal itself.
 */
public final class JournalExport
{
    private static final long MAGIC = 0x46434A4558505254L;

    private JournalExport()
    {
    }

    /**
     * Write every entry of the journal in {@code journalDir} to {@code file}.
     *
     * @return the entries written.
     */
    public static int export(final Path journalDir, final Path file)
    {
        final int version = JournalFormat.checkReadable(journalDir);
        final byte[][] entries;
        final long[] positions;
        try (Journal journal = ChronicleJournal.open(journalDir); JournalReader reader = journal.openReader())
        {
            final ArrayList<byte[]> read = new ArrayList<>();
            final ArrayList<Long> at = new ArrayList<>();
            while (reader.readNext((buffer, offset, length, position) ->
            {
                final byte[] entry = new byte[length];
                buffer.getBytes(offset, entry);
                read.add(entry);
                at.add(position);
            }))
            {
                // Each entry is kept by the handler.
            }
            entries = read.toArray(new byte[0][]);
            positions = at.stream().mapToLong(Long::longValue).toArray();
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file))))
        {
            out.writeLong(MAGIC);
            out.writeInt(0 == version ? JournalFormat.VERSION : version);
            out.writeInt(entries.length);
            for (int i = 0; i < entries.length; i++)
            {
                out.writeLong(positions[i]);
                out.writeInt(entries[i].length);
                out.write(entries[i]);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
        return entries.length;
    }

    /**
     * Append the entries of {@code file} to a new journal in {@code journalDir}, each at its recorded position.
     *
     * @return the entries appended.
     * @throws UnsupportedJournalException when the export is of a format this build does not read.
     * @throws IllegalStateException       when the directory holds a journal already or an entry lands elsewhere.
     */
    public static int importInto(final Path file, final Path journalDir)
    {
        if (0 != JournalFormat.checkReadable(journalDir))
        {
            throw new IllegalStateException(journalDir + " holds a journal already");
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file))))
        {
            if (in.readLong() != MAGIC)
            {
                throw new UnsupportedJournalException(file + ": not a firstcall journal export");
            }
            final int version = in.readInt();
            if (version < JournalFormat.OLDEST_SUPPORTED || version > JournalFormat.VERSION)
            {
                throw new UnsupportedJournalException(file + ": journal format " + version + "; this build reads formats " +
                    JournalFormat.OLDEST_SUPPORTED + ".." + JournalFormat.VERSION);
            }
            final int count = in.readInt();
            final long[] cycleStartMs = new long[1];
            try (Journal journal = ChronicleJournal.open(journalDir, () -> cycleStartMs[0]))
            {
                for (int i = 0; i < count; i++)
                {
                    final long position = in.readLong();
                    final byte[] entry = new byte[in.readInt()];
                    in.readFully(entry);
                    cycleStartMs[0] = (long)ChronicleJournal.ROLL_CYCLE.toCycle(position) * ChronicleJournal.ROLL_CYCLE.lengthInMillis();
                    final long appended = journal.append(new UnsafeBuffer(entry), 0, entry.length);
                    if (appended != position)
                    {
                        throw new IllegalStateException(file + ": entry " + i + " was at position " + position +
                            ", imported at " + appended);
                    }
                }
            }
            return count;
        }
        catch (final EOFException ex)
        {
            throw new UnsupportedJournalException(file + ": export ends early");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
    }
}
