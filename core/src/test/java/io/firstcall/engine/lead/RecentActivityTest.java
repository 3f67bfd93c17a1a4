package io.firstcall.engine.lead;

import io.firstcall.engine.output.DetailBuilder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RecentActivityTest
{
    @Test
    void keepsTheNewestEntriesAndRendersThemNewestFirst()
    {
        final RecentActivity activity = new RecentActivity();
        for (int i = 0; i < RecentActivity.CAPACITY + 2; i++)
        {
            record(activity, RecentActivity.Kind.VISIT, i * 1_000_000L, "/p" + i);
        }

        assertEquals(RecentActivity.CAPACITY, activity.size());
        assertEquals("[{\"type\":\"visit\",\"detail\":\"/p9\",\"atMs\":9},{\"type\":\"visit\",\"detail\":\"/p8\",\"atMs\":8}]",
            render(activity, 2));
        assertEquals(RecentActivity.CAPACITY, render(activity, 100).split("\\{").length - 1, "never more than it keeps");
        assertEquals("[]", render(new RecentActivity(), 5));
    }

    @Test
    void cutsLongDetailsAtACharacterBoundaryAndEscapesThem()
    {
        final RecentActivity activity = new RecentActivity();
        final String longPage = "/compare/" + "\u00e9".repeat(40);
        record(activity, RecentActivity.Kind.VISIT, 0, longPage);
        record(activity, RecentActivity.Kind.FORM, 0, "say \"hi\"");

        final String expectedPage = "/compare/" + "\u00e9".repeat(14);
        assertEquals(37, expectedPage.getBytes(StandardCharsets.UTF_8).length, "38 would split a character");
        assertEquals("[{\"type\":\"form\",\"detail\":\"say \\\"hi\\\"\",\"atMs\":0}," +
            "{\"type\":\"visit\",\"detail\":\"" + expectedPage + "\",\"atMs\":0}]", render(activity, 5));
    }

    private static void record(final RecentActivity activity, final RecentActivity.Kind kind, final long nowNs, final String detail)
    {
        final byte[] bytes = detail.getBytes(StandardCharsets.UTF_8);
        activity.record(kind, nowNs, new UnsafeBuffer(bytes), 0, bytes.length);
    }

    private static String render(final RecentActivity activity, final int limit)
    {
        final DetailBuilder out = new DetailBuilder();
        activity.render(out, limit);
        return out.buffer().getStringWithoutLengthUtf8(0, out.length());
    }
}
