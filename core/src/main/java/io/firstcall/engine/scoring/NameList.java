package io.firstcall.engine.scoring;

import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A short list of names (form kinds, industries, trial milestones...) matched against client
 * bytes without allocating: a linear scan of {@code byte[]} keys, ASCII case-insensitive. Lists
 * come from one tenant's configuration and hold a handful of entries, where a scan beats hashing.
 */
public final class NameList
{
    public static final int MISSING = -1;
    static final NameList EMPTY = new NameList(List.of());

    private final byte[][] names;
    private final List<String> strings;

    public NameList(final List<String> names)
    {
        this.strings = List.copyOf(names);
        this.names = new byte[names.size()][];
        for (int i = 0; i < this.names.length; i++)
        {
            this.names[i] = names.get(i).getBytes(StandardCharsets.UTF_8);
        }
    }

    public int size()
    {
        return names.length;
    }

    public boolean isEmpty()
    {
        return 0 == names.length;
    }

    /**
     * @return the index of the name equal to the bytes (ignoring ASCII case), or {@link #MISSING}.
     */
    public int find(final DirectBuffer buffer, final int offset, final int length)
    {
        for (int i = 0; i < names.length; i++)
        {
            if (equalsIgnoreCase(buffer, offset, length, names[i]))
            {
                return i;
            }
        }
        return MISSING;
    }

    public byte[] name(final int index)
    {
        return names[index];
    }

    public List<String> strings()
    {
        return strings;
    }

    static boolean equalsIgnoreCase(final DirectBuffer buffer, final int offset, final int length, final byte[] key)
    {
        return length == key.length && startsWithIgnoreCase(buffer, offset, length, key);
    }

    static boolean startsWithIgnoreCase(final DirectBuffer buffer, final int offset, final int length, final byte[] prefix)
    {
        if (length < prefix.length)
        {
            return false;
        }
        for (int i = 0; i < prefix.length; i++)
        {
            if (lower(buffer.getByte(offset + i)) != lower(prefix[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static byte lower(final byte b)
    {
        return b >= 'A' && b <= 'Z' ? (byte)(b + ('a' - 'A')) : b;
    }
}
