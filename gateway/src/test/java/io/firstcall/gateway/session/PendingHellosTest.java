package io.firstcall.gateway.session;

import io.firstcall.gateway.GatewayCounter;
import io.firstcall.gateway.GatewayCounters;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wait for a hello, driven on embedded channels with frozen time.
 */
class PendingHellosTest
{
    private static final long TIMEOUT_MS = 5_000;

    private final GatewayCounters counters = new GatewayCounters();
    private final List<String> expired = new ArrayList<>();

    @Test
    void shouldPushOutTheLongestWaitingConnectionWhenOverTheLimit()
    {
        final PendingHellos pendingHellos = new PendingHellos(2, TIMEOUT_MS, counters);
        final EmbeddedChannel first = channel();
        final EmbeddedChannel second = channel();
        final EmbeddedChannel third = channel();
        admit(pendingHellos, first, "first");
        admit(pendingHellos, second, "second");
        assertEquals(2, counters.value(GatewayCounter.UNAUTHENTICATED_OPEN));

        admit(pendingHellos, third, "third");
        first.runPendingTasks();
        second.runPendingTasks();
        third.runPendingTasks();

        assertEquals(List.of("first:too_many_unauthenticated:unauthenticated_evictions"), expired);
        assertEquals(2, pendingHellos.size());
        assertEquals(2, counters.value(GatewayCounter.UNAUTHENTICATED_OPEN));
    }

    @Test
    void shouldExpireAtTheDeadlineCountedFromAdmission()
    {
        final PendingHellos pendingHellos = new PendingHellos(10, TIMEOUT_MS, counters);
        final EmbeddedChannel channel = channel();
        admit(pendingHellos, channel, "silent");

        channel.advanceTimeBy(TIMEOUT_MS - 1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertEquals(List.of(), expired);
        assertEquals(1, counters.value(GatewayCounter.UNAUTHENTICATED_OPEN));

        channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertEquals(List.of("silent:hello_timeout:hello_timeouts"), expired);
        assertEquals(0, pendingHellos.size());
        assertEquals(0, counters.value(GatewayCounter.UNAUTHENTICATED_OPEN));
    }

    @Test
    void shouldNeitherExpireNorCountAConnectionThatSaidHello()
    {
        final PendingHellos pendingHellos = new PendingHellos(1, TIMEOUT_MS, counters);
        final EmbeddedChannel welcomed = channel();
        final PendingHello pending = admit(pendingHellos, welcomed, "welcomed");
        pending.resolve();
        assertEquals(0, counters.value(GatewayCounter.UNAUTHENTICATED_OPEN));

        final EmbeddedChannel next = channel();
        admit(pendingHellos, next, "next");
        welcomed.advanceTimeBy(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        welcomed.runPendingTasks();
        welcomed.runScheduledPendingTasks();

        assertEquals(List.of(), expired, "neither pushed out by the next connection nor timed out");
        assertEquals(1, pendingHellos.size());
    }

    @Test
    void shouldLeaveWhenTheChannelCloses()
    {
        final PendingHellos pendingHellos = new PendingHellos(10, TIMEOUT_MS, counters);
        final EmbeddedChannel channel = channel();
        admit(pendingHellos, channel, "gone");

        channel.close();
        assertEquals(0, pendingHellos.size());
        assertEquals(0, counters.value(GatewayCounter.UNAUTHENTICATED_OPEN));
        channel.advanceTimeBy(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertEquals(List.of(), expired);
    }

    @Test
    void shouldCountAndCloseWhenTheTransportHasNotTakenTheWaitOver()
    {
        final PendingHellos pendingHellos = new PendingHellos(10, TIMEOUT_MS, counters);
        final EmbeddedChannel channel = channel();
        pendingHellos.admit(channel);

        channel.advanceTimeBy(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();

        assertFalse(channel.isActive());
        assertEquals(1, counters.value(GatewayCounter.HELLO_TIMEOUTS));
        assertEquals(0, counters.value(GatewayCounter.UNAUTHENTICATED_OPEN));
    }

    @Test
    void shouldKeepTheNewcomerWhenEveryOtherIsSilent()
    {
        final PendingHellos pendingHellos = new PendingHellos(3, TIMEOUT_MS, counters);
        final List<EmbeddedChannel> silent = new ArrayList<>();
        for (int i = 0; i < 10; i++)
        {
            final EmbeddedChannel channel = channel();
            silent.add(channel);
            admit(pendingHellos, channel, "silent" + i);
        }
        final EmbeddedChannel newcomer = channel();
        admit(pendingHellos, newcomer, "newcomer");
        silent.forEach(EmbeddedChannel::runPendingTasks);
        newcomer.runPendingTasks();

        assertEquals(8, expired.size());
        assertTrue(expired.stream().noneMatch((name) -> name.startsWith("newcomer")), expired.toString());
        assertEquals(3, counters.value(GatewayCounter.UNAUTHENTICATED_OPEN));
    }

    private PendingHello admit(final PendingHellos pendingHellos, final EmbeddedChannel channel, final String name)
    {
        final PendingHello pending = pendingHellos.admit(channel);
        pending.expiry((code, message, counter) -> expired.add(name + ":" + code.wireName() + ":" + counter.label()));
        return pending;
    }

    private static EmbeddedChannel channel()
    {
        final EmbeddedChannel channel = new EmbeddedChannel();
        channel.freezeTime();
        return channel;
    }
}
