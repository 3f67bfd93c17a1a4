package io.firstcall.replay;

import io.firstcall.Engine;
import io.firstcall.EngineContext;
import io.firstcall.engine.StateMachine;
import io.firstcall.event.EventWriter;
import io.firstcall.event.InputFault;
import io.firstcall.event.InputValidator;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.support.ManualClock;
import io.firstcall.support.RecordingAcks;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The state machine is handed a buffer that ends where the message ends, live (a ring slot is much
 * larger), at recovery and in replay, so no read can reach bytes another event left behind.
 */
class BoundedMessageViewTest
{
    static final int EVENTS = 50;

    @TempDir
    Path dir;

    @Test
    void shouldHandTheStateMachineOnlyItsOwnMessageLiveAtRecoveryAndInReplay()
    {
        final List<String> live = new CopyOnWriteArrayList<>();
        final RecordingAcks acks = new RecordingAcks();
        final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[1024]));
        try (Engine engine = Engine.launch(context(live).ackListener(acks)))
        {
            for (int i = 0; i < EVENTS; i++)
            {
                final int length = writer.visit("acme", "v-" + i, "L1", "/pricing");
                while (!engine.publisher().offer(writer.buffer(), 0, length, i, 0))
                {
                    Thread.onSpinWait();
                }
            }
            acks.awaitCount(EVENTS);
        }

        final List<String> recovered = new CopyOnWriteArrayList<>();
        try (Engine engine = Engine.launch(context(recovered).ackListener(new RecordingAcks())))
        {
            assertTrue(engine.recoveredEvents() >= EVENTS);
        }

        final List<String> replayed = new CopyOnWriteArrayList<>();
        try (Journal inputs = ChronicleJournal.open(dir.resolve("input"));
            Journal outputs = ChronicleJournal.open(dir.resolve("output")))
        {
            JournalReplayer.replay(inputs, outputs, sink -> recorder(replayed));
        }

        assertTrue(live.size() >= EVENTS, live.toString());
        for (final List<String> views : List.of(live, recovered, replayed))
        {
            for (final String view : views)
            {
                assertEquals("bounded", view);
            }
        }
    }

    private EngineContext context(final List<String> views)
    {
        return new EngineContext()
            .dataDir(dir)
            .clock(new ManualClock(TimeUnit.DAYS.toNanos(20_000), 1_000))
            .ringSize(64)
            .ticksEnabled(false)
            .stateMachineFactory(sink -> recorder(views))
            .tenant("acme", "tenant: acme\n");
    }

    /**
     * A view that reaches past its message fails validation (trailing bytes): each message must be
     * exactly as long as its view.
     */
    private static StateMachine recorder(final List<String> views)
    {
        final InputValidator validator = new InputValidator();
        return (final DirectBuffer message, final long sequence, final long timestampNs) ->
        {
            final InputFault fault = validator.validate(message, 0, message.capacity());
            views.add(InputFault.NONE == fault ? "bounded" : fault + " in a view of " + message.capacity() + " bytes");
        };
    }
}
