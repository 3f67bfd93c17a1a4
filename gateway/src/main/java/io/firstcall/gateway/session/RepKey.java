package io.firstcall.gateway.session;

import org.agrona.DirectBuffer;

import java.util.Arrays;

/**
 * A (tenant, rep) key as bytes: {@code [tenant length][tenant][rep]}, so no pair of ids can collide.
 * Stored keys are exact-size and never change; the delivery agent looks up with one reusable probe
 * whose bytes it overwrites, so a lookup allocates nothing.
 */
final class RepKey
{
    /** Longest tenant (32) and rep (254, the SBE bound) plus the length byte. */
    static final int MAX_LENGTH = 1 + 32 + 254;

    private final byte[] bytes;
    private int length;
    private int hash;

    private RepKey(final byte[] bytes, final int length)
    {
        this.bytes = bytes;
        this.length = length;
    }

    static RepKey of(final byte[] tenant, final byte[] rep)
    {
        final byte[] bytes = new byte[1 + tenant.length + rep.length];
        bytes[0] = (byte)tenant.length;
        System.arraycopy(tenant, 0, bytes, 1, tenant.length);
        System.arraycopy(rep, 0, bytes, 1 + tenant.length, rep.length);
        final RepKey key = new RepKey(bytes, bytes.length);
        key.hash = hash(bytes, bytes.length);

        return key;
    }

    static RepKey probe()
    {
        return new RepKey(new byte[MAX_LENGTH], 0);
    }

    /**
     * Overwrite this probe with a tenant and rep read from a buffer.
     *
     * @return false when they are too long to be any connected rep's key.
     */
    boolean set(
        final DirectBuffer buffer,
        final int tenantOffset,
        final int tenantLength,
        final int repOffset,
        final int repLength)
    {
        final int total = 1 + tenantLength + repLength;
        if (tenantLength > 255 || total > bytes.length)
        {
            return false;
        }

        bytes[0] = (byte)tenantLength;
        buffer.getBytes(tenantOffset, bytes, 1, tenantLength);
        buffer.getBytes(repOffset, bytes, 1 + tenantLength, repLength);
        length = total;
        hash = hash(bytes, total);

        return true;
    }

    public int hashCode()
    {
        return hash;
    }

    public boolean equals(final Object other)
    {
        if (this == other)
        {
            return true;
        }
        if (!(other instanceof RepKey))
        {
            return false;
        }

        final RepKey that = (RepKey)other;
        return length == that.length && hash == that.hash &&
            Arrays.equals(bytes, 0, length, that.bytes, 0, that.length);
    }

    private static int hash(final byte[] bytes, final int length)
    {
        int h = 1;
        for (int i = 0; i < length; i++)
        {
            h = 31 * h + bytes[i];
        }

        return h;
    }
}
