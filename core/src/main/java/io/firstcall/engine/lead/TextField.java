package io.firstcall.engine.lead;

import io.firstcall.event.Bytes;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * A reusable UTF-8 text value: its array grows only when a longer value arrives, so updating a
 * lead's profile does not allocate in steady state.
 */
public final class TextField
{
    private static final byte[] EMPTY = new byte[0];

    private final UnsafeBuffer view = new UnsafeBuffer(EMPTY);
    private byte[] bytes = EMPTY;
    private int length;

    public void set(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length > bytes.length)
        {
            bytes = new byte[Math.max(length, 16)];
            view.wrap(bytes);
        }
        buffer.getBytes(offset, bytes, 0, length);
        this.length = length;
    }

    public void set(final TextField other)
    {
        set(other.view, 0, other.length);
    }

    public void clear()
    {
        length = 0;
    }

    public int length()
    {
        return length;
    }

    public boolean isEmpty()
    {
        return 0 == length;
    }

    public DirectBuffer buffer()
    {
        return view;
    }

    public boolean equalTo(final DirectBuffer buffer, final int offset, final int length)
    {
        return this.length == length && Bytes.equal(view, 0, buffer, offset, length);
    }

    public boolean equalTo(final TextField other)
    {
        return equalTo(other.view, 0, other.length);
    }

    public String toString()
    {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
