package io.firstcall.gateway.cli;

import io.firstcall.Engine;
import io.firstcall.EngineContext;
import io.firstcall.codec.CallOutcome;
import io.firstcall.event.EventWriter;
import io.firstcall.gateway.config.ConfigLoader;
import io.firstcall.gateway.config.TenantConfig;
import io.firstcall.pipeline.AckListener;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a real journal into a data directory: the engine with the embedded default's tenant,
 * leads with owners, hot forms that alert and calls that claim.
 */
final class RecordedJournal
{
    static final int LEADS = 50;

    private RecordedJournal()
    {
    }

    /**
     * @return how many client events were journaled.
     */
    static int record(final Path dataDir)
    {
        return record(dataDir, new EngineContext());
    }

    /**
     * @param ctx the engine's settings, e.g. a state machine that writes snapshots.
     * @return how many client events were journaled.
     */
    static int record(final Path dataDir, final EngineContext ctx)
    {
        final TenantConfig demo = ConfigLoader.loadDefault().tenants().get(0);
        final AtomicInteger acks = new AtomicInteger();
        ctx
            .dataDir(dataDir)
            .ticksEnabled(false)
            .tenant(demo.id(), demo.rulesDocument())
            .ackListener(new AckListener()
            {
                public void onJournaled(final long correlationId, final long sequence, final boolean duplicate)
                {
                    if (correlationId >= 0)
                    {
                        acks.incrementAndGet();
                    }
                }

                public void onRejected(final long correlationId, final RejectReason reason)
                {
                    throw new AssertionError("rejected " + correlationId + ": " + reason);
                }
            });

        final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[4096]));
        int sent = 0;
        try (Engine engine = Engine.launch(ctx))
        {
            for (int i = 0; i < LEADS; i++)
            {
                final String lead = "L" + i;
                final String rep = "r" + (1 + i % 4);
                writer.times(1_000L * i, 0);
                offer(engine, writer, writer.lead(demo.id(), "u" + i, lead, lead + "@example.com", "Lead " + i, "Initech",
                    "saas", "emea", 100, "web", rep), sent++);
                offer(engine, writer, writer.form(demo.id(), "f" + i, lead, "demo_request"), sent++);
                offer(engine, writer, writer.visit(demo.id(), "v" + i, lead, "/pricing"), sent++);
                if (i % 3 != 0)
                {
                    offer(engine, writer, writer.call(demo.id(), "c" + i, lead, rep, CallOutcome.STARTED), sent++);
                }
            }
            awaitAcks(acks, sent);
        }
        return sent;
    }

    private static void offer(final Engine engine, final EventWriter writer, final int length, final long correlationId)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!engine.publisher().offer(writer.buffer(), 0, length, correlationId, System.currentTimeMillis() * 1_000_000))
        {
            if (System.nanoTime() > deadlineNs)
            {
                throw new AssertionError("ring stayed full");
            }
            Thread.onSpinWait();
        }
    }

    private static void awaitAcks(final AtomicInteger acks, final int expected)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (acks.get() < expected)
        {
            if (System.nanoTime() > deadlineNs)
            {
                throw new AssertionError("acks: " + acks.get() + " of " + expected);
            }
            Thread.yield();
        }
    }
}
