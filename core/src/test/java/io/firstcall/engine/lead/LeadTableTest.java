package io.firstcall.engine.lead;

import io.firstcall.codec.ActivityKind;
import io.firstcall.snapshot.SnapshotReader;
import io.firstcall.snapshot.SnapshotWriter;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeadTableTest
{
    private final LeadTable leads = new LeadTable(0, "acme".getBytes(StandardCharsets.UTF_8), 2);
    private final int lead = create(leads, "L1", 5);

    @Test
    void shouldKeepEveryProfileFieldWhenOthersGrowOrShrink()
    {
        set(LeadTable.TIMEZONE, "Europe/Berlin");
        set(LeadTable.EMAIL, "ann@x.io");
        set(LeadTable.COMPANY, "X Ltd");
        set(LeadTable.NAME, "Ann");
        set(LeadTable.COMPANY, "X Group International Holdings, a company with a name longer than the block");
        set(LeadTable.EMAIL, "a@x");
        set(LeadTable.OWNER, "r7");

        assertEquals("a@x", leads.profileString(lead, LeadTable.EMAIL));
        assertEquals("", leads.profileString(lead, LeadTable.PHONE));
        assertEquals("Ann", leads.profileString(lead, LeadTable.NAME));
        assertEquals("X Group International Holdings, a company with a name longer than the block",
            leads.profileString(lead, LeadTable.COMPANY));
        assertEquals("r7", leads.profileString(lead, LeadTable.OWNER));
        assertEquals("Europe/Berlin", leads.profileString(lead, LeadTable.TIMEZONE));
        assertTrue(leads.profileEmpty(lead, LeadTable.SOURCE));
        assertEquals(leads.profileOffset(lead, LeadTable.NAME) + 3, leads.profileOffset(lead, LeadTable.COMPANY),
            "fields back to back");
    }

    @Test
    void shouldCompareAProfileFieldWithBytes()
    {
        set(LeadTable.INDUSTRY, "saas");
        final byte[] saas = "xxsaasxx".getBytes(StandardCharsets.UTF_8);

        assertTrue(leads.profileEquals(lead, LeadTable.INDUSTRY, new UnsafeBuffer(saas), 2, 4));
        assertFalse(leads.profileEquals(lead, LeadTable.INDUSTRY, new UnsafeBuffer(saas), 2, 5));
        assertFalse(leads.profileEquals(lead, LeadTable.REGION, new UnsafeBuffer(saas), 2, 4));
    }

    @Test
    void shouldRefuseAProfileFieldLongerThanItsLengthByte()
    {
        assertThrows(IllegalArgumentException.class, () -> set(LeadTable.NAME, "n".repeat(256)));
        set(LeadTable.NAME, "n".repeat(255));
        assertEquals(255, leads.profileLength(lead, LeadTable.NAME));
    }

    @Test
    void shouldKeepTheNewestActivityAndReadItNewestFirst()
    {
        for (int i = 0; i < LeadTable.ACTIVITY_CAPACITY + 2; i++)
        {
            record(leads, lead, i % 2 == 0 ? ActivityKind.VISIT : ActivityKind.FORM, i * 1_000_000L, "/p" + i);
        }

        assertEquals(LeadTable.ACTIVITY_CAPACITY, leads.activityCount(lead));
        assertEquals(List.of("FORM /p9 9000000", "VISIT /p8 8000000", "FORM /p7 7000000"), entries(leads, lead, 3));
        assertEquals("VISIT /p2 2000000", entries(leads, lead, LeadTable.ACTIVITY_CAPACITY).get(LeadTable.ACTIVITY_CAPACITY - 1),
            "the oldest kept; /p0 and /p1 were overwritten");
        assertEquals(0, leads.activityCount(create(leads, "L2", 5)));
    }

    @Test
    void shouldCutLongActivityDetailsAtACharacterBoundary()
    {
        final String longPage = "/compare/" + "\u00e9".repeat(40);
        record(leads, lead, ActivityKind.VISIT, 0, longPage);
        record(leads, lead, ActivityKind.FORM, 0, "say \"hi\"");

        final String expectedPage = "/compare/" + "\u00e9".repeat(14);
        assertEquals(37, expectedPage.getBytes(StandardCharsets.UTF_8).length, "38 would split a character");
        assertEquals(List.of("FORM say \"hi\" 0", "VISIT " + expectedPage + " 0"), entries(leads, lead, 2));
    }

    @Test
    void shouldGiveAnEvictedLeadsIndexToTheNextNewLeadAndStartItAfresh()
    {
        set(LeadTable.COMPANY, "X Ltd");
        record(leads, lead, ActivityKind.FORM, 7, "demo_request");
        leads.employees(lead, 50);
        final int second = create(leads, "L2", 6);
        leads.evict(lead);

        assertEquals(1, leads.size());
        assertFalse(leads.isLive(lead));
        assertEquals(LeadTable.MISSING, leads.find(key("L1"), 0, 2));
        final int third = create(leads, "L3", 8);
        assertEquals(lead, third, "the lowest free index is reused");
        assertEquals("L3", leads.id(third));
        assertEquals(0, leads.activityCount(third));
        assertTrue(leads.profileEmpty(third, LeadTable.COMPANY));
        assertEquals(LeadTable.NO_EMPLOYEES, leads.employees(third));
        assertEquals(8, leads.lastActivityNs(third));
        assertEquals(LeadTable.NO_TIMER, leads.evictTimerId(third));
        assertEquals(second, leads.find(key("L2"), 0, 2));
    }

    @Test
    void shouldHoldAStreamOfLeadsInTheSpaceOfTheMostHeldAtOnce()
    {
        final LeadTable table = new LeadTable(0, new byte[] {'t'}, 16);
        for (int i = 0; i < 100_000; i++)
        {
            final int created = create(table, "lead-" + i, i);
            table.profile(created, LeadTable.COMPANY, key("Company " + i), 0, ("Company " + i).length());
            if (i >= 100)
            {
                table.evict(table.find(key("lead-" + (i - 100)), 0, ("lead-" + (i - 100)).length()));
            }
        }

        assertEquals(100, table.size());
        assertTrue(table.limit() <= 101, "indices reused: " + table.limit());
    }

    @Test
    void shouldWriteTheSameBytesForTheSameLeadsWhateverTheirHistory()
    {
        final LeadTable churned = new LeadTable(0, new byte[] {'t'}, 2);
        for (final String id : new String[] {"a", "b", "c", "d"})
        {
            create(churned, id, 1);
        }
        churned.evict(churned.find(key("b"), 0, 1));
        churned.evict(churned.find(key("d"), 0, 1));
        final int e = create(churned, "e", 2);
        final UnsafeBuffer longName = key("a name that makes the block grow past its first size");
        churned.profile(e, LeadTable.NAME, longName, 0, longName.capacity());
        churned.profile(e, LeadTable.NAME, key("Eve"), 0, 3);
        record(churned, e, ActivityKind.CALL, 3, "started");

        final LeadTable direct = new LeadTable(0, new byte[] {'t'}, 64);
        create(direct, "a", 1);
        final int e2 = create(direct, "e", 2);
        create(direct, "c", 1);
        direct.profile(e2, LeadTable.NAME, key("Eve"), 0, 3);
        record(direct, e2, ActivityKind.CALL, 3, "started");

        assertEquals(1, e);
        assertArrayEquals(bytesOf(churned), bytesOf(direct));

        final LeadTable loaded = new LeadTable(0, new byte[] {'t'}, 2);
        loaded.readSnapshot(new SnapshotReader(new ByteArrayInputStream(bytesOf(churned))::read));
        assertArrayEquals(bytesOf(churned), bytesOf(loaded));
        assertEquals(3, create(loaded, "f", 4), "the next new lead takes the index it would have taken");
        assertEquals(3, create(churned, "f", 4));
    }

    private static byte[] bytesOf(final LeadTable table)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final SnapshotWriter writer = new SnapshotWriter(bytes::write);
        table.writeSnapshot(writer);
        writer.flush();
        return bytes.toByteArray();
    }

    private static int create(final LeadTable table, final String id, final long nowNs)
    {
        final UnsafeBuffer bytes = key(id);
        return table.findOrCreate(bytes, 0, bytes.capacity(), nowNs);
    }

    private void set(final int field, final String value)
    {
        final byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        leads.profile(lead, field, new UnsafeBuffer(bytes), 0, bytes.length);
    }

    private static void record(final LeadTable table, final int lead, final ActivityKind kind, final long nowNs, final String detail)
    {
        final byte[] bytes = detail.getBytes(StandardCharsets.UTF_8);
        table.recordActivity(lead, kind, nowNs, new UnsafeBuffer(bytes), 0, bytes.length);
    }

    private static List<String> entries(final LeadTable table, final int lead, final int count)
    {
        final List<String> entries = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            entries.add(table.activityKind(lead, i) + " " + new String(table.activityDetails(lead),
                table.activityDetailOffset(lead, i), table.activityDetailLength(lead, i), StandardCharsets.UTF_8) + " " +
                table.activityAtNs(lead, i));
        }
        return entries;
    }

    private static UnsafeBuffer key(final String text)
    {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.UTF_8));
    }
}
