package io.firstcall.snapshot;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 of a state's canonical bytes, the sections written as a snapshot body would hold
 * them, less what is derived from them ({@link SnapshotWriter#beginDerived()}): equal digests mean
 * equal states, whether one is in memory and the other on disk, in any snapshot format.
 */
public final class StateDigest
{
    private StateDigest()
    {
    }

    /**
     * @return the digest of everything {@code content} writes, without writing a file.
     */
    public static byte[] of(final SnapshotContent content)
    {
        final MessageDigest digest = sha256();
        final SnapshotWriter writer = new SnapshotWriter(new SnapshotWriter.Sink()
        {
            public void onChunk(final byte[] bytes, final int offset, final int length)
            {
                digest.update(bytes, offset, length);
            }

            public boolean wantsDerived()
            {
                return false;
            }
        });
        for (final SnapshotSection section : SnapshotSection.values())
        {
            content.writeSection(section, writer);
        }
        writer.flush();
        return digest.digest();
    }

    public static String hex(final byte[] digest)
    {
        final StringBuilder text = new StringBuilder(digest.length * 2);
        for (final byte b : digest)
        {
            text.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return text.toString();
    }

    static MessageDigest sha256()
    {
        try
        {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("every Java platform has SHA-256", ex);
        }
    }
}
