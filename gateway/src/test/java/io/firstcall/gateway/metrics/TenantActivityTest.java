package io.firstcall.gateway.metrics;

import io.firstcall.codec.AssignmentReason;
import io.firstcall.gateway.support.OutputMessages;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TenantActivityTest
{
    private static final long T0_NS = TimeUnit.DAYS.toNanos(20_000);

    private final TenantActivity activity = new TenantActivity(List.of("acme", "globex"));
    private final OutputMessages messages = new OutputMessages();
    private final UnsafeBuffer buffer = messages.buffer();

    @Test
    void shouldCountAlertsClaimsAndEscalationsPerTenant()
    {
        activity.onOutput(buffer, 0, messages.alert("acme", "L1", 1, T0_NS));
        activity.onOutput(buffer, 0, messages.alert("acme", "L2", 1, T0_NS));
        activity.onOutput(buffer, 0, messages.alert("globex", "L1", 1, T0_NS));
        activity.onOutput(buffer, 0, messages.assignment("acme", "L1", 1, T0_NS, AssignmentReason.CLAIM));
        activity.onOutput(buffer, 0, messages.escalation("globex", "L1", T0_NS));

        assertEquals(2, activity.value(activity.slot("acme"), TenantCounter.ALERTS));
        assertEquals(1, activity.value(activity.slot("globex"), TenantCounter.ALERTS));
        assertEquals(1, activity.value(activity.slot("acme"), TenantCounter.CLAIMS));
        assertEquals(0, activity.value(activity.slot("globex"), TenantCounter.CLAIMS));
        assertEquals(0, activity.value(activity.slot("acme"), TenantCounter.ESCALATIONS));
        assertEquals(1, activity.value(activity.slot("globex"), TenantCounter.ESCALATIONS));
    }

    @Test
    void shouldCountOnlyClaimsAmongAssignmentsAndIgnoreOtherOutputsAndTenants()
    {
        activity.onOutput(buffer, 0, messages.assignment("acme", "L1", 1, T0_NS, AssignmentReason.ROUND_ROBIN));
        activity.onOutput(buffer, 0, messages.withdrawn("acme", "L1", T0_NS));
        activity.onOutput(buffer, 0, messages.alert("initech", "L1", 1, T0_NS));
        activity.onOutput(buffer, 0, 4);

        for (final TenantCounter counter : TenantCounter.values())
        {
            assertEquals(0, activity.value(activity.slot("acme"), counter), counter.name());
        }
        assertEquals(TenantActivity.UNKNOWN_TENANT, activity.slot("initech"));
    }

    @Test
    void shouldCountEventsAndErrorsOfKnownTenantsOnly()
    {
        final int acme = activity.slot("acme");
        activity.onEventAccepted(acme);
        activity.onEventAccepted(acme);
        activity.onEventRejected(acme);
        activity.onEventAccepted(TenantActivity.UNKNOWN_TENANT);

        assertEquals(2, activity.value(acme, TenantCounter.EVENTS_ACCEPTED));
        assertEquals(1, activity.value(acme, TenantCounter.EVENT_ERRORS));
        assertEquals(0, activity.value(activity.slot("globex"), TenantCounter.EVENTS_ACCEPTED));
    }

    @Test
    void shouldKeepConnectionsAndRateLimitedEventsInTheSameTable()
    {
        final int acme = activity.slot("acme");
        activity.onConnectionOpened(acme);
        activity.onConnectionOpened(acme);
        activity.onConnectionClosed(acme);
        activity.onEventRateLimited(acme);
        activity.onConnectionOpened(TenantActivity.UNKNOWN_TENANT);

        assertEquals(1, activity.value(acme, TenantCounter.CONNECTIONS_OPEN));
        assertEquals(1, activity.value(acme, TenantCounter.EVENTS_RATE_LIMITED));
        assertEquals(0, activity.value(activity.slot("globex"), TenantCounter.CONNECTIONS_OPEN));
    }

    @Test
    void shouldListATenantsCountersForStatsByTheirStatsNamesInOrder()
    {
        final int acme = activity.slot("acme");
        activity.onConnectionOpened(acme);
        activity.onEventAccepted(acme);
        activity.onOutput(buffer, 0, messages.alert("acme", "L1", 1, T0_NS));
        final Map<String, Long> stats = new LinkedHashMap<>();

        activity.forEachStat("acme", stats::put);
        activity.forEachStat("initech", (name, value) -> stats.put("initech " + name, value));

        assertEquals(List.of("connections_open", "events_offered", "events_rate_limited", "event_errors", "alerts",
            "claims", "escalations"), List.copyOf(stats.keySet()));
        assertEquals(List.of(1L, 1L, 0L, 0L, 1L, 0L, 0L), List.copyOf(stats.values()));
    }

    @Test
    void shouldTimeClaimFromTheFirstAlertOfItsEpisode()
    {
        activity.onOutput(buffer, 0, messages.alert("acme", "L1", 1, T0_NS));
        activity.onOutput(buffer, 0, messages.alert("acme", "L1", 1, T0_NS + TimeUnit.SECONDS.toNanos(5)));
        activity.onOutput(buffer, 0, messages.assignment("acme", "L1", 1, T0_NS + TimeUnit.SECONDS.toNanos(90),
            AssignmentReason.CLAIM));

        final Histogram claims = activity.timeToClaim().cumulative();
        assertEquals(1, claims.getTotalCount());
        assertEquals(90_000, claims.getMaxValue(), 90_000 / 1000.0);
    }

    @Test
    void shouldRestartTheClockForANewEpisodeAndKeepLeadsOfTenantsApart()
    {
        activity.onOutput(buffer, 0, messages.alert("acme", "L1", 1, T0_NS));
        activity.onOutput(buffer, 0, messages.alert("globex", "L1", 1, T0_NS + TimeUnit.SECONDS.toNanos(100)));
        activity.onOutput(buffer, 0, messages.alert("acme", "L1", 2, T0_NS + TimeUnit.SECONDS.toNanos(600)));
        activity.onOutput(buffer, 0, messages.assignment("acme", "L1", 2, T0_NS + TimeUnit.SECONDS.toNanos(610),
            AssignmentReason.CLAIM));
        activity.onOutput(buffer, 0, messages.assignment("globex", "L1", 1, T0_NS + TimeUnit.SECONDS.toNanos(130),
            AssignmentReason.CLAIM));

        final Histogram claims = activity.timeToClaim().cumulative();
        assertEquals(2, claims.getTotalCount());
        assertEquals(10_000, claims.getMinValue(), 10, "acme's second episode, from its own alert");
        assertEquals(30_000, claims.getMaxValue(), 30, "globex's L1, not acme's");
    }

    @Test
    void shouldNotTimeAClaimWithoutAnAlertOrOfAnotherEpisode()
    {
        activity.onOutput(buffer, 0, messages.assignment("acme", "L9", 1, T0_NS, AssignmentReason.CLAIM));
        activity.onOutput(buffer, 0, messages.alert("acme", "L1", 1, T0_NS));
        activity.onOutput(buffer, 0, messages.assignment("acme", "L1", 2, T0_NS + 1, AssignmentReason.CLAIM));
        activity.onOutput(buffer, 0, messages.assignment("acme", "L1", 1, T0_NS + 2, AssignmentReason.CLAIM));

        assertEquals(0, activity.timeToClaim().cumulative().getTotalCount(), "the episode-2 claim ended the wait");
    }

    @Test
    void shouldForgetTheLongestWaitingLeadWhenItsSlotsAreFull()
    {
        final TenantActivity small = new TenantActivity(List.of("acme"), new TimeToClaim(TimeToClaim.PROBES));
        for (int lead = 0; lead <= TimeToClaim.PROBES; lead++)
        {
            small.onOutput(buffer, 0, messages.alert("acme", "L" + lead, 1, T0_NS + lead));
        }
        for (int lead = 0; lead <= TimeToClaim.PROBES; lead++)
        {
            small.onOutput(buffer, 0, messages.assignment("acme", "L" + lead, 1, T0_NS + TimeUnit.SECONDS.toNanos(1),
                AssignmentReason.CLAIM));
        }

        assertEquals(TimeToClaim.PROBES, small.timeToClaim().cumulative().getTotalCount(), "L0, alerted first, forgotten");
    }

    @Test
    void shouldCountOutputsWithoutAllocating()
    {
        final UnsafeBuffer[] outputs = new UnsafeBuffer[4];
        final int[] lengths = new int[4];
        for (int i = 0; i < outputs.length; i++)
        {
            final int length;
            switch (i)
            {
                case 0:
                    length = messages.alert("acme", "L1", 1, T0_NS);
                    break;
                case 1:
                    length = messages.assignment("acme", "L1", 1, T0_NS + 1_000_000_000L, AssignmentReason.CLAIM);
                    break;
                case 2:
                    length = messages.escalation("globex", "L2", T0_NS);
                    break;
                default:
                    length = messages.withdrawn("acme", "L1", T0_NS);
            }
            outputs[i] = new UnsafeBuffer(new byte[length]);
            outputs[i].putBytes(0, buffer, 0, length);
            lengths[i] = length;
        }

        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        for (int warmUp = 0; warmUp < 20; warmUp++)
        {
            countAll(outputs, lengths);
        }
        // The JIT still allocates now and then while it recompiles; allocating per output would show in every round.
        long fewest = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            countAll(outputs, lengths);
            fewest = Math.min(fewest, threads.getCurrentThreadAllocatedBytes() - before);
        }

        assertEquals(0, fewest, "bytes allocated counting 4,000 outputs");
        assertEquals(30_000, activity.value(activity.slot("acme"), TenantCounter.CLAIMS));
    }

    private void countAll(final UnsafeBuffer[] outputs, final int[] lengths)
    {
        for (int pass = 0; pass < 1_000; pass++)
        {
            for (int i = 0; i < outputs.length; i++)
            {
                activity.onOutput(outputs[i], 0, lengths[i]);
            }
        }
    }
}
