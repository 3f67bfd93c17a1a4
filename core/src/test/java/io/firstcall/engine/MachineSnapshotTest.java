package io.firstcall.engine;

import io.firstcall.event.EventWriter;
import io.firstcall.snapshot.SnapshotFormatException;
import io.firstcall.snapshot.SnapshotReader;
import io.firstcall.snapshot.SnapshotWriter;
import io.firstcall.support.RoutingWorkload;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link LeadStateMachine} as a {@code Snapshottable}: a machine loaded from a snapshot taken after
 * any event decides the rest of the routing workload exactly as the machine that wrote it (every
 * output byte for byte), and writes the same bytes at every later point, so the snapshot holds the
 * whole state and holds it canonically.
 */
class MachineSnapshotTest
{
    private static final int EVENTS = 3_000;
    private static List<byte[]> fullOutputs;
    private static byte[][] snapshots;
    private static int[] outputsBefore;

    @BeforeAll
    static void runTheWholeWorkloadOnce()
    {
        final Run full = new Run();
        snapshots = new byte[EVENTS + 1][];
        outputsBefore = new int[EVENTS + 1];
        for (int i = 0; i < EVENTS; i++)
        {
            if (0 == i % 50 || i < 3 || i > EVENTS - 5)
            {
                snapshots[i] = snapshot(full.driver.machine());
                outputsBefore[i] = full.outputs.raw().size();
            }
            full.send(i);
        }
        snapshots[EVENTS] = snapshot(full.driver.machine());
        fullOutputs = full.outputs.raw();
    }

    @Test
    void workloadExercisesWhatTheSnapshotMustHold()
    {
        final List<String> lines = new Run().replay(0, EVENTS);
        for (final String expected : new String[] {"kind=LEAD_EVICTED", "kind=ESCALATED", "kind=CLAIMED", "kind=CLAIM_REJECTED",
            "kind=SCORE_DECAYED", "kind=ROUTED", "\"level\":\"backup\"", "\"level\":\"queue\"", "reason=CLAIM",
            "kind=CONFIG_APPLIED", "tenant=beta", "\"criteria\":[\"returnVisit:pricing\"", "\"criteria\":[\"score>=60\"]"})
        {
            assertTrue(lines.stream().anyMatch(l -> l.contains(expected)), expected + " never produced");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 50, 350, 800, 1_450, 1_500, 1_550, 2_000, 2_450, 2_950, 2_998, 2_999})
    void shouldDecideTheRestExactlyAsTheMachineThatWroteTheSnapshot(final int at)
    {
        final Run loaded = new Run();
        loaded.driver.machine().readSnapshot(reader(snapshots[at]));
        assertArrayEquals(snapshots[at], snapshot(loaded.driver.machine()), "a loaded state writes the bytes it was loaded from");

        for (int i = at; i < EVENTS; i++)
        {
            loaded.send(i);
            if (null != snapshots[i + 1])
            {
                assertArrayEquals(snapshots[i + 1], snapshot(loaded.driver.machine()), "state after event " + i);
            }
        }
        final List<byte[]> tail = fullOutputs.subList(outputsBefore[at], fullOutputs.size());
        final List<byte[]> actual = loaded.outputs.raw();
        assertEquals(tail.size(), actual.size(), "outputs after event " + at);
        for (int i = 0; i < tail.size(); i++)
        {
            assertArrayEquals(tail.get(i), actual.get(i), "output " + i + " after loading at event " + at);
        }
    }

    @Test
    void shouldKeepOnlyTheRulesDocumentsAKeptSignalNeeds()
    {
        final String rules = "tenant: acme\nscoring:\n  behaviour:\n    halfLife: %dh\n";
        final Run run = new Run();
        run.send(new EventWriter(new UnsafeBuffer(new byte[4096])), w -> w.config("acme", "c1", rules.formatted(1)));
        run.send(new EventWriter(new UnsafeBuffer(new byte[4096])), w -> w.visit("acme", "v0", "L1", "/pricing"));
        run.send(new EventWriter(new UnsafeBuffer(new byte[4096])), w -> w.lead("acme", "u1", "L1", null, "A", "Co", null, null,
            10, null, null));
        run.send(new EventWriter(new UnsafeBuffer(new byte[4096])), w -> w.visit("acme", "v1", "L1", "/pricing"));
        for (int version = 2; version <= 5; version++)
        {
            final int v = version;
            run.send(new EventWriter(new UnsafeBuffer(new byte[4096])), w -> w.config("acme", "c" + v, rules.formatted(v)));
        }
        final String bytes = new String(snapshot(run.driver.machine()), java.nio.charset.StandardCharsets.ISO_8859_1);

        assertTrue(bytes.contains("halfLife: 1h"), "the model that scored L1's pricing visit");
        assertTrue(bytes.contains("halfLife: 5h"), "the rules in force");
        for (int version = 2; version <= 4; version++)
        {
            assertEquals(-1, bytes.indexOf("halfLife: " + version + "h"), "rules no kept signal names: " + version);
        }
    }

    @Test
    void shouldRefuseASnapshotThatEndsEarly()
    {
        final byte[] whole = snapshots[2_000];
        final Run run = new Run();
        assertThrows(SnapshotFormatException.class,
            () -> run.driver.machine().readSnapshot(reader(Arrays.copyOf(whole, whole.length - 9))));
    }

    static byte[] snapshot(final LeadStateMachine machine)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final SnapshotWriter writer = new SnapshotWriter(bytes::write);
        machine.writeSnapshot(writer);
        writer.flush();
        return bytes.toByteArray();
    }

    private static SnapshotReader reader(final byte[] bytes)
    {
        return new SnapshotReader(new ByteArrayInputStream(bytes)::read);
    }

    /**
     * One machine and its captured outputs, fed workload events at their engine times.
     */
    private static final class Run
    {
        final CapturedOutputs outputs = new CapturedOutputs();
        final MachineDriver driver = new MachineDriver(outputs, 16);
        private final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[16 * 1024]));
        private long sequence;

        void send(final int i)
        {
            driver.send(writer.buffer(), RoutingWorkload.event(writer, i), i, RoutingWorkload.timeNs(i));
        }

        void send(final EventWriter w, final java.util.function.ToIntFunction<EventWriter> event)
        {
            driver.send(w.buffer(), event.applyAsInt(w), sequence++, RoutingWorkload.T0 + sequence);
        }

        List<String> replay(final int first, final int count)
        {
            for (int i = first; i < first + count; i++)
            {
                send(i);
            }
            return outputs.lines();
        }
    }
}
