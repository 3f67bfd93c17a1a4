package io.firstcall.snapshot;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The fixed header at the start of every snapshot file, little-endian:
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                 Magic "FCSNAPSH" (8 ASCII bytes)              |
 *  |                                                               |
 *  +---------------------------------------------------------------+  8
 *  |                       Format Version                          |
 *  +---------------------------------------------------------------+ 12
 *  |                  Schema Id (of the state machine)             |
 *  +---------------------------------------------------------------+ 16
 *  |                       Schema Version                          |
 *  +---------------------------------------------------------------+ 20
 *  |                        Section Count                          |
 *  +---------------------------------------------------------------+ 24
 *  |        Sequence: the last input applied (int64)               |
 *  +---------------------------------------------------------------+ 32
 *  |        Engine Time ns of that input (int64)                   |
 *  +---------------------------------------------------------------+ 40
 *  |        Input Position: that input's journal position (int64)  |
 *  +---------------------------------------------------------------+ 48
 *  |        Output Position: the last output it caused, or -1      |
 *  +---------------------------------------------------------------+ 56
 *  |        Retain Input From: oldest input position a restart     |
 *  |        from this snapshot reads (dedup confirmations)         |
 *  +---------------------------------------------------------------+ 64
 *  |        Section Lengths: pipeline, dedup, machine (3 x int64)  |
 *  +---------------------------------------------------------------+ 88
 *  |        State Digest: SHA-256 of the body (32 bytes)           |
 *  +---------------------------------------------------------------+ 120
 *  |        Body CRC32C                                            |
 *  +---------------------------------------------------------------+ 124
 *  |        Header CRC32C (of bytes 0..123)                        |
 *  +---------------------------------------------------------------+ 128
 *  |        Body: the sections, in {@link SnapshotSection} order  ...
 * </pre>
 * Positions are the journal's own (see {@code Journal.append}). The digest is of the body only, less
 * its derived parts ({@link SnapshotWriter#beginDerived()}), so two snapshots of the same state at the
 * same sequence have the same digest in any format, and a state in memory can be compared with one on
 * disk ({@link StateDigest}).
 */
public final class SnapshotHeader
{
    public static final long MAGIC = 0x4853_5041_4E53_4346L;
    /**
     * The format written: 2 adds each tenant's de-duplication index after its ids.
     */
    public static final int FORMAT_VERSION = 2;

    /**
     * The oldest format this build reads: version 1 held no de-duplication index, which is then built
     * at load (docs/architecture.md, Snapshots).
     */
    public static final int OLDEST_FORMAT_VERSION = 1;
    public static final int LENGTH = 128;
    public static final int DIGEST_LENGTH = 32;

    static final int MAGIC_OFFSET = 0;
    static final int FORMAT_VERSION_OFFSET = 8;
    static final int SCHEMA_ID_OFFSET = 12;
    static final int SCHEMA_VERSION_OFFSET = 16;
    static final int SECTION_COUNT_OFFSET = 20;
    static final int SEQUENCE_OFFSET = 24;
    static final int ENGINE_TIME_OFFSET = 32;
    static final int INPUT_POSITION_OFFSET = 40;
    static final int OUTPUT_POSITION_OFFSET = 48;
    static final int RETAIN_INPUT_FROM_OFFSET = 56;
    static final int SECTION_LENGTHS_OFFSET = 64;
    static final int DIGEST_OFFSET = 88;
    static final int BODY_CRC_OFFSET = 120;
    static final int HEADER_CRC_OFFSET = 124;

    private static final int SECTIONS = SnapshotSection.values().length;

    private final byte[] bytes = new byte[LENGTH];
    private final UnsafeBuffer buffer = new UnsafeBuffer(bytes);

    public SnapshotHeader()
    {
        buffer.putLong(MAGIC_OFFSET, MAGIC, ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(FORMAT_VERSION_OFFSET, FORMAT_VERSION, ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(SECTION_COUNT_OFFSET, SECTIONS, ByteOrder.LITTLE_ENDIAN);
        outputPosition(-1);
    }

    /**
     * @return a header read from a file's first {@link #LENGTH} bytes, not yet checked.
     */
    static SnapshotHeader of(final byte[] fileStart)
    {
        final SnapshotHeader header = new SnapshotHeader();
        System.arraycopy(fileStart, 0, header.bytes, 0, LENGTH);
        return header;
    }

    /**
     * @return why this header cannot be read by this build, or null when it can.
     */
    String problem()
    {
        if (buffer.getLong(MAGIC_OFFSET, ByteOrder.LITTLE_ENDIAN) != MAGIC)
        {
            return "not a firstcall snapshot (bad magic)";
        }
        if (crc(bytes, 0, HEADER_CRC_OFFSET) != buffer.getInt(HEADER_CRC_OFFSET, ByteOrder.LITTLE_ENDIAN))
        {
            return "header CRC32C mismatch (file corrupt)";
        }
        if (formatVersion() < OLDEST_FORMAT_VERSION || formatVersion() > FORMAT_VERSION ||
            buffer.getInt(SECTION_COUNT_OFFSET, ByteOrder.LITTLE_ENDIAN) != SECTIONS)
        {
            return "format version " + formatVersion() + ", this build reads " + OLDEST_FORMAT_VERSION + " to " + FORMAT_VERSION;
        }
        for (final SnapshotSection section : SnapshotSection.values())
        {
            if (sectionLength(section) < 0)
            {
                return "negative section length (file corrupt)";
            }
        }
        return null;
    }

    UnsafeBuffer buffer()
    {
        return buffer;
    }

    public int formatVersion()
    {
        return buffer.getInt(FORMAT_VERSION_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    public int schemaId()
    {
        return buffer.getInt(SCHEMA_ID_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    public int schemaVersion()
    {
        return buffer.getInt(SCHEMA_VERSION_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    public SnapshotHeader schema(final int schemaId, final int schemaVersion)
    {
        buffer.putInt(SCHEMA_ID_OFFSET, schemaId, ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(SCHEMA_VERSION_OFFSET, schemaVersion, ByteOrder.LITTLE_ENDIAN);
        return this;
    }

    public long sequence()
    {
        return buffer.getLong(SEQUENCE_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    public SnapshotHeader sequence(final long sequence)
    {
        buffer.putLong(SEQUENCE_OFFSET, sequence, ByteOrder.LITTLE_ENDIAN);
        return this;
    }

    public long engineTimeNs()
    {
        return buffer.getLong(ENGINE_TIME_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    public SnapshotHeader engineTimeNs(final long engineTimeNs)
    {
        buffer.putLong(ENGINE_TIME_OFFSET, engineTimeNs, ByteOrder.LITTLE_ENDIAN);
        return this;
    }

    public long inputPosition()
    {
        return buffer.getLong(INPUT_POSITION_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    public SnapshotHeader inputPosition(final long position)
    {
        buffer.putLong(INPUT_POSITION_OFFSET, position, ByteOrder.LITTLE_ENDIAN);
        return this;
    }

    /**
     * @return the position of the last output caused by an input up to {@link #sequence()}, or -1 if none.
     */
    public long outputPosition()
    {
        return buffer.getLong(OUTPUT_POSITION_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    public SnapshotHeader outputPosition(final long position)
    {
        buffer.putLong(OUTPUT_POSITION_OFFSET, position, ByteOrder.LITTLE_ENDIAN);
        return this;
    }

    /**
     * @return the oldest input journal position a restart from this snapshot may read: its own
     * position, or an older one the de-duplication window confirms retries against.
     */
    public long retainInputFrom()
    {
        return buffer.getLong(RETAIN_INPUT_FROM_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    public SnapshotHeader retainInputFrom(final long position)
    {
        buffer.putLong(RETAIN_INPUT_FROM_OFFSET, position, ByteOrder.LITTLE_ENDIAN);
        return this;
    }

    public long sectionLength(final SnapshotSection section)
    {
        return buffer.getLong(SECTION_LENGTHS_OFFSET + section.ordinal() * Long.BYTES, ByteOrder.LITTLE_ENDIAN);
    }

    void sectionLength(final SnapshotSection section, final long length)
    {
        buffer.putLong(SECTION_LENGTHS_OFFSET + section.ordinal() * Long.BYTES, length, ByteOrder.LITTLE_ENDIAN);
    }

    public long bodyLength()
    {
        long length = 0;
        for (final SnapshotSection section : SnapshotSection.values())
        {
            length += sectionLength(section);
        }
        return length;
    }

    /**
     * @return the SHA-256 of the body: the state's digest.
     */
    public byte[] digest()
    {
        final byte[] digest = new byte[DIGEST_LENGTH];
        buffer.getBytes(DIGEST_OFFSET, digest);
        return digest;
    }

    void digest(final byte[] digest)
    {
        buffer.putBytes(DIGEST_OFFSET, digest, 0, DIGEST_LENGTH);
    }

    int bodyCrc()
    {
        return buffer.getInt(BODY_CRC_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    void bodyCrc(final int crc)
    {
        buffer.putInt(BODY_CRC_OFFSET, crc, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Seal the header: compute its CRC over everything before it.
     *
     * @return the header's bytes, ready to write.
     */
    byte[] seal()
    {
        buffer.putInt(HEADER_CRC_OFFSET, crc(bytes, 0, HEADER_CRC_OFFSET), ByteOrder.LITTLE_ENDIAN);
        return bytes;
    }

    public String toString()
    {
        return "seq " + sequence() + ", engine time " + engineTimeNs() + " ns, input position " + inputPosition() +
            ", output position " + outputPosition() + ", schema " + schemaId() + " v" + schemaVersion() +
            ", digest " + StateDigest.hex(digest());
    }

    static int crc(final byte[] bytes, final int offset, final int length)
    {
        final CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int)crc.getValue();
    }
}
