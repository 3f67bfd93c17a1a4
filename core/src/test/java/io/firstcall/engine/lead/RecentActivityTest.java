package io.firstcall.engine.lead;

import io.firstcall.codec.ActivityKind;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RecentActivityTest
{
    @Test
    void shouldKeepTheNewestEntriesAndReadThemNewestFirst()
    {
        final RecentActivity activity = new RecentActivity();
        for (int i = 0; i < RecentActivity.CAPACITY + 2; i++)
        {
            record(activity, i % 2 == 0 ? ActivityKind.VISIT : ActivityKind.FORM, i * 1_000_000L, "/p" + i);
        }

        assertEquals(RecentActivity.CAPACITY, activity.size());
        assertEquals(List.of("FORM /p9 9000000", "VISIT /p8 8000000", "FORM /p7 7000000"), entries(activity, 3));
        assertEquals("VISIT /p2 2000000", entries(activity, RecentActivity.CAPACITY).get(RecentActivity.CAPACITY - 1),
            "the oldest kept; /p0 and /p1 were overwritten");
        assertEquals(0, new RecentActivity().size());
    }

    @Test
    void shouldCutLongDetailsAtACharacterBoundary()
    {
        final RecentActivity activity = new RecentActivity();
        final String longPage = "/compare/" + "\u00e9".repeat(40);
        record(activity, ActivityKind.VISIT, 0, longPage);
        record(activity, ActivityKind.FORM, 0, "say \"hi\"");

        final String expectedPage = "/compare/" + "\u00e9".repeat(14);
        assertEquals(37, expectedPage.getBytes(StandardCharsets.UTF_8).length, "38 would split a character");
        assertEquals(List.of("FORM say \"hi\" 0", "VISIT " + expectedPage + " 0"), entries(activity, 2));
    }

    private static void record(final RecentActivity activity, final ActivityKind kind, final long nowNs, final String detail)
    {
        final byte[] bytes = detail.getBytes(StandardCharsets.UTF_8);
        activity.record(kind, nowNs, new UnsafeBuffer(bytes), 0, bytes.length);
    }

    private static List<String> entries(final RecentActivity activity, final int count)
    {
        final List<String> entries = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            entries.add(activity.kind(i) + " " +
                new String(activity.details(), activity.detailOffset(i), activity.detailLength(i), StandardCharsets.UTF_8) + " " +
                activity.atNs(i));
        }
        return entries;
    }
}
