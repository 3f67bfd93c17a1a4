package io.firstcall.engine.scoring;

import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Points by name, such as {@code industry: {saas: 15}} or {@code forms: {demo_request: 40}}:
 * a {@link NameList} with a parallel array of points, in configuration order.
 */
public final class PointsTable
{
    static final PointsTable EMPTY = new PointsTable(Map.of());

    private final NameList names;
    private final int[] points;

    /**
     * @param entries name to points, iterated in the order the configuration gave them.
     */
    public PointsTable(final Map<String, Integer> entries)
    {
        final List<String> keys = new ArrayList<>(entries.keySet());
        names = new NameList(keys);
        points = new int[keys.size()];
        for (int i = 0; i < points.length; i++)
        {
            points[i] = entries.get(keys.get(i));
        }
    }

    public int size()
    {
        return points.length;
    }

    /**
     * @return the entry's index, or {@link NameList#MISSING}.
     */
    public int find(final DirectBuffer buffer, final int offset, final int length)
    {
        return names.find(buffer, offset, length);
    }

    public int points(final int index)
    {
        return points[index];
    }

    public byte[] name(final int index)
    {
        return names.name(index);
    }

    public List<String> names()
    {
        return names.strings();
    }
}
