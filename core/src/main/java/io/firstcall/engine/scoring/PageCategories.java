package io.firstcall.engine.scoring;

import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a visited page to a category ({@code pricing}, {@code comparison}, {@code blog}...) by the
 * longest matching path prefix, ASCII case-insensitive, and gives the points the visit earns. A
 * full URL is matched by its path: {@code https://acme.io/pricing?x=1} matches {@code /pricing}.
 * Several prefixes may share a category; each entry has its own points.
 */
public final class PageCategories
{
    public static final int MISSING = -1;
    private static final int SCHEME_SEARCH_LIMIT = 12;

    private final byte[][] prefixes;
    private final int[] categoryOfEntry;
    private final int[] points;
    private final NameList categories;

    /**
     * An entry of the table, as configured.
     */
    public record Entry(String prefix, String category, int points)
    {
    }

    public PageCategories(final List<Entry> entries)
    {
        prefixes = new byte[entries.size()][];
        categoryOfEntry = new int[entries.size()];
        points = new int[entries.size()];
        final List<String> names = new ArrayList<>();
        for (int i = 0; i < prefixes.length; i++)
        {
            final Entry entry = entries.get(i);
            prefixes[i] = entry.prefix().getBytes(StandardCharsets.UTF_8);
            points[i] = entry.points();
            int category = names.indexOf(entry.category());
            if (category < 0)
            {
                category = names.size();
                names.add(entry.category());
            }
            categoryOfEntry[i] = category;
        }
        categories = new NameList(names);
    }

    public int size()
    {
        return prefixes.length;
    }

    /**
     * @return the entry whose prefix is the longest to match the page's path, or {@link #MISSING}.
     */
    public int match(final DirectBuffer page, final int offset, final int length)
    {
        final int pathOffset = pathOffset(page, offset, length);
        final int pathLength = length - (pathOffset - offset);
        int best = MISSING;
        for (int i = 0; i < prefixes.length; i++)
        {
            if ((MISSING == best || prefixes[i].length > prefixes[best].length) &&
                NameList.startsWithIgnoreCase(page, pathOffset, pathLength, prefixes[i]))
            {
                best = i;
            }
        }
        return best;
    }

    public int category(final int entry)
    {
        return categoryOfEntry[entry];
    }

    public int points(final int entry)
    {
        return points[entry];
    }

    public int categoryCount()
    {
        return categories.size();
    }

    public byte[] categoryName(final int category)
    {
        return categories.name(category);
    }

    /**
     * @return the category's index, or {@link #MISSING}.
     */
    public int categoryIndex(final String name)
    {
        return categories.strings().indexOf(name);
    }

    public List<String> categoryNames()
    {
        return categories.strings();
    }

    /**
     * Skip a leading {@code scheme://host}, so a full URL is matched by its path.
     */
    private static int pathOffset(final DirectBuffer page, final int offset, final int length)
    {
        final int searchEnd = Math.min(length - 2, SCHEME_SEARCH_LIMIT);
        for (int i = 0; i < searchEnd; i++)
        {
            final byte b = page.getByte(offset + i);
            if (':' == b)
            {
                if ('/' == page.getByte(offset + i + 1) && '/' == page.getByte(offset + i + 2))
                {
                    for (int j = i + 3; j < length; j++)
                    {
                        if ('/' == page.getByte(offset + j))
                        {
                            return offset + j;
                        }
                    }
                    return offset + length;
                }
                return offset;
            }
            if ('/' == b)
            {
                return offset;
            }
        }
        return offset;
    }
}
