package io.firstcall.audit;

import io.firstcall.codec.MessageHeaderDecoder;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.JournalFormat;
import io.firstcall.journal.UnsupportedJournalException;
import io.firstcall.journal.JournalReader;
import io.firstcall.journal.ReadableJournal;
import io.firstcall.journal.RecordHeader;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A server's data directory opened for reading only, as every audit tool opens it: its input and
 * output journals, mapped read-only, so a tool can run beside a live server that keeps appending and
 * never creates or changes a file. A directory that is missing, holds no journal or holds one in a
 * format this build cannot read is refused with a {@link JournalRefusedException} saying which.
 */
public final class DataDirectory implements AutoCloseable
{
    public static final String INPUT = "input";
    public static final String OUTPUT = "output";

    private final Path path;
    private final ReadableJournal input;
    private final ReadableJournal output;

    private DataDirectory(final Path path, final ReadableJournal input, final ReadableJournal output)
    {
        this.path = path;
        this.input = input;
        this.output = output;
    }

    /**
     * @throws JournalRefusedException when the directory cannot be read as firstcall journals.
     */
    public static DataDirectory open(final Path dataDir)
    {
        if (!Files.isDirectory(dataDir))
        {
            throw new JournalRefusedException(JournalRefusedException.Reason.MISSING, "no such directory: " + dataDir);
        }
        for (final String name : new String[]{ INPUT, OUTPUT })
        {
            if (!Files.isRegularFile(dataDir.resolve(name).resolve(ChronicleJournal.METADATA_FILE)))
            {
                throw new JournalRefusedException(JournalRefusedException.Reason.NOT_A_JOURNAL, dataDir +
                    " is not a firstcall data directory: no journal in " + dataDir.resolve(name) +
                    " (a data directory holds input/ and output/, each a journal with " + ChronicleJournal.METADATA_FILE + ")");
            }
        }

        try
        {
            JournalFormat.check(dataDir);
        }
        catch (final UnsupportedJournalException ex)
        {
            throw new JournalRefusedException(JournalRefusedException.Reason.UNSUPPORTED_VERSION, ex.getMessage());
        }

        final ReadableJournal input = ChronicleJournal.openReadOnly(dataDir.resolve(INPUT));
        ReadableJournal output = null;
        try
        {
            output = ChronicleJournal.openReadOnly(dataDir.resolve(OUTPUT));
            checkFormat(dataDir, input, output);
            return new DataDirectory(dataDir, input, output);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(output, input);
            throw ex;
        }
    }

    /**
     * After the journals' format files ({@link JournalFormat#check}), the first entry of each must be
     * a firstcall message of a schema version this build reads: inputs up to
     * {@value MessageHeaderDecoder#SCHEMA_VERSION}, outputs of exactly that version.
     */
    static void checkFormat(final Path dataDir, final ReadableJournal input, final ReadableJournal output)
    {
        checkFirstEntry(dataDir.resolve(INPUT), input, false);
        checkFirstEntry(dataDir.resolve(OUTPUT), output, true);
    }

    private static void checkFirstEntry(final Path journal, final ReadableJournal entries, final boolean outputs)
    {
        final int[] header = new int[3];
        try (JournalReader reader = entries.openReader())
        {
            final boolean found = reader.readNext((buffer, offset, length, position) -> readHeader(buffer, offset, length, header));
            if (!found)
            {
                return;
            }
        }
        final int schemaId = header[1];
        final int version = header[2];
        if (header[0] < 0 || schemaId != MessageHeaderDecoder.SCHEMA_ID)
        {
            throw new JournalRefusedException(JournalRefusedException.Reason.NOT_A_JOURNAL, journal +
                " does not hold firstcall entries (schema id " + schemaId + ", expected " + MessageHeaderDecoder.SCHEMA_ID + ")");
        }
        final boolean readable = outputs ? version == MessageHeaderDecoder.SCHEMA_VERSION : version <= MessageHeaderDecoder.SCHEMA_VERSION;
        if (!readable)
        {
            throw new JournalRefusedException(JournalRefusedException.Reason.UNSUPPORTED_VERSION, journal +
                " was written in journal format (schema) version " + version + "; this build reads " +
                (outputs ? "outputs of version " : "inputs up to version ") + MessageHeaderDecoder.SCHEMA_VERSION +
                ": read it with the firstcall release that wrote it");
        }
    }

    private static void readHeader(final DirectBuffer buffer, final int offset, final int length, final int[] header)
    {
        if (length < RecordHeader.LENGTH + MessageHeaderDecoder.ENCODED_LENGTH)
        {
            header[0] = -1;
            return;
        }
        final int at = offset + RecordHeader.LENGTH;
        header[0] = 0;
        header[1] = buffer.getShort(at + 4, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        header[2] = buffer.getShort(at + 6, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
    }

    public Path path()
    {
        return path;
    }

    public ReadableJournal input()
    {
        return input;
    }

    public ReadableJournal output()
    {
        return output;
    }

    /**
     * @return a reader of both journals in journal order: each input followed by the outputs it caused.
     */
    public JournalWalk walk()
    {
        return new JournalWalk(input, output, true, true);
    }

    /**
     * @param inputs  read the input journal.
     * @param outputs read the output journal.
     */
    public JournalWalk walk(final boolean inputs, final boolean outputs)
    {
        return new JournalWalk(input, output, inputs, outputs);
    }

    /**
     * @return the sequences of the first and last input, {@code {-1, -1}} for an empty journal: the
     * extent of a walk, for a progress bar.
     */
    public long[] inputSequences()
    {
        final long[] range = { -1, -1 };
        try (JournalReader reader = input.openReader())
        {
            reader.readNext((buffer, offset, length, position) -> range[0] = RecordHeader.sequence(buffer, offset));
            final long last = input.lastPosition();
            if (last >= 0)
            {
                reader.readAt(last, (buffer, offset, length, position) -> range[1] = RecordHeader.sequence(buffer, offset));
            }
        }
        return range;
    }

    public void close()
    {
        CloseHelper.quietCloseAll(output, input);
    }
}
