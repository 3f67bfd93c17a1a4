package io.firstcall.bench;

import io.firstcall.engine.LeadStateMachine;
import io.firstcall.event.EventWriter;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The whole state machine per event ({@link LeadStateMachine#onEvent}: decode, lead registry,
 * hot-lead criteria, routing, typed output encoding into the batch) as the decision stage drives
 * it ({@link MachineDriver}), the outputs only counted: the decide stage without journal or network.
 * <ul>
 *   <li>{@code mixedEvent}: the {@link EventMix} (visits, forms, calls, profile updates over
 *   20,000 leads, some hot) in steady state, engine time advancing 10 µs per event and a timer
 *   tick every 82 ms of engine time so claim windows expire and escalate as they would live.</li>
 *   <li>{@code hotFormAlert}: every event a demo_request form for an owned lead whose cooldown has
 *   passed, so each one is decided hot and routed to its owner as an alert: the
 *   decode → score → route path of BRIEF section 4. Nobody claims, so each alert's claim window
 *   later expires on a tick and escalates: that work is in the per-event figure too.</li>
 * </ul>
 * The events are packed back to back and read in order, as the ring hands them to the decision
 * stage right after journaling them, so their bytes are not a cache miss each (65,536 separate
 * arrays would be, and that is not the engine's cost): what is measured is the lead state.
 * <p>
 * Run with the GC profiler so {@code gc.alloc.rate.norm} (bytes per event) is reported:
 * <pre>
 *   java $(flags) -jar bench/target/benchmarks.jar StateMachineBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StateMachineBenchmark
{
    private static final int MIX_SIZE = 65_536;
    private static final int MIX_LEADS = 20_000;
    /** 8,192 events × 10 µs: a tick every 82 ms of engine time, near the live tick source's 100 ms. */
    private static final int TICK_EVERY = 8_192;
    private static final long MIX_STEP_NS = 10_000;
    private static final int HOT_LEADS = 4_096;
    /** 4,096 leads × 20 ms: each lead comes round again after 82 s, past the rules' 1 minute cooldown. */
    private static final long HOT_STEP_NS = 20_000_000;
    /** A tick every 4 × 20 ms = 80 ms of engine time. */
    private static final int HOT_TICK_EVERY = 4;

    private final UnsafeBuffer tick = new UnsafeBuffer(new byte[256]);
    private final UnsafeBuffer mixEvents = new UnsafeBuffer(new byte[MIX_SIZE * 256]);
    private final int[] mixOffsets = new int[MIX_SIZE];
    private final int[] mixLengths = new int[MIX_SIZE];
    private final UnsafeBuffer hotForms = new UnsafeBuffer(new byte[HOT_LEADS * 256]);
    private final int[] hotOffsets = new int[HOT_LEADS];
    private final int[] hotLengths = new int[HOT_LEADS];
    private int tickLength;
    private MachineDriver mixed;
    private MachineDriver hot;
    private long mixSequence;
    private long mixNowNs;
    private long hotSequence;
    private long hotNowNs;

    @Setup(Level.Trial)
    public void setUp()
    {
        final long startNs = 1_795_000_000_000_000_000L;
        tickLength = new EventWriter(tick).tick();
        final EventMix mix = new EventMix(MIX_SIZE, MIX_LEADS, 7);
        int offset = 0;
        for (int i = 0; i < MIX_SIZE; i++)
        {
            mixEvents.putBytes(offset, mix.buffer(i), 0, mix.length(i));
            mixOffsets[i] = offset;
            mixLengths[i] = mix.length(i);
            offset += (mix.length(i) + 7) & ~7;
        }

        mixed = configured(startNs);
        mixNowNs = startNs;
        mixSequence = 1;
        for (int i = 0; i < MIX_SIZE; i++)
        {
            mixedEvent();
        }

        hot = configured(startNs);
        hotNowNs = startNs;
        hotSequence = 1;
        final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[1024]));
        for (int i = 0; i < HOT_LEADS; i++)
        {
            final String lead = "hot-" + i;
            final int length = writer.times(startNs / 1_000_000, startNs)
                .lead(EventMix.TENANT, "u" + i, lead, lead + "@example.com", "Lead " + i, "Co", "saas", "emea", 50, "web",
                "r" + (i & 7));
            hot.send(writer.buffer(), 0, length, hotSequence++, hotNowNs);
            hotLengths[i] = writer.times(startNs / 1_000_000, startNs).form(EventMix.TENANT, "f" + i, lead, "demo_request");
            hotOffsets[i] = i * 256;
            hotForms.putBytes(hotOffsets[i], writer.buffer(), 0, hotLengths[i]);
        }
        final long before = hot.produced();
        for (int i = 0; i < HOT_LEADS; i++)
        {
            hotFormAlert();
        }
        if (hot.produced() - before < HOT_LEADS)
        {
            throw new IllegalStateException("hot forms produced " + (hot.produced() - before) + " outputs for " + HOT_LEADS +
                " events");
        }
    }

    @TearDown(Level.Trial)
    public void checkOutputs()
    {
        if (0 == mixed.produced() || 0 == hot.produced())
        {
            throw new IllegalStateException("the state machine produced no output");
        }
    }

    @Benchmark
    public long mixedEvent()
    {
        final long sequence = mixSequence++;
        mixNowNs += MIX_STEP_NS;
        long checksum = 0;
        if (0 == (sequence & (TICK_EVERY - 1)))
        {
            checksum += mixed.send(tick, 0, tickLength, sequence, mixNowNs);
        }
        final int index = (int)(sequence & (MIX_SIZE - 1));
        return checksum + mixed.send(mixEvents, mixOffsets[index], mixLengths[index], sequence, mixNowNs);
    }

    @Benchmark
    public long hotFormAlert()
    {
        final long sequence = hotSequence++;
        hotNowNs += HOT_STEP_NS;
        long checksum = 0;
        if (0 == (sequence & (HOT_TICK_EVERY - 1)))
        {
            checksum += hot.send(tick, 0, tickLength, sequence, hotNowNs);
        }
        final int index = (int)(sequence & (HOT_LEADS - 1));
        return checksum + hot.send(hotForms, hotOffsets[index], hotLengths[index], sequence, hotNowNs);
    }

    private static MachineDriver configured(final long nowNs)
    {
        final MachineDriver driver = new MachineDriver(32_768);
        final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[4096]));
        final int length = writer.times(nowNs / 1_000_000, nowNs).config(EventMix.TENANT, "", EventMix.RULES);
        driver.send(writer.buffer(), 0, length, 0, nowNs);
        return driver;
    }
}
