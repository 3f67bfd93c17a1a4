package io.firstcall.bench;

import io.firstcall.engine.LeadStateMachine;
import io.firstcall.event.EventWriter;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * The whole state machine per event (registry, hot decision, claims, outputs encoded), driven
 * directly with no journal and a sink that only consumes. Run with {@code -prof gc} for
 * gc.alloc.rate.norm, the bytes allocated per event:
 * <pre>
 *   java $(flags) -jar bench/target/benchmarks.jar StateMachineBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Dchronicle.analytics.disable=true"})
public class StateMachineBenchmark
{
    private static final long TIME_STEP_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private EventMix mix;
    private LeadStateMachine stateMachine;
    private Blackhole blackhole;
    private long sequence;
    private long nowNs;
    private int next;

    @Setup
    public void setUp(final Blackhole blackhole)
    {
        this.blackhole = blackhole;
        mix = new EventMix(65_536, 10_000, 11);
        stateMachine = new LeadStateMachine((buffer, offset, length) -> this.blackhole.consume(length), 16_384);
        nowNs = TimeUnit.DAYS.toNanos(20_000);
        final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[4096]));
        stateMachine.onEvent(writer.buffer(), 0, writer.config(EventMix.TENANT, "", EventMix.RULES), sequence++, nowNs);
        for (int i = 0; i < mix.size(); i++)
        {
            onEvent();
        }
    }

    @Benchmark
    public void onEvent()
    {
        final int index = next;
        next = (index + 1) & (mix.size() - 1);
        nowNs += TIME_STEP_NS;
        stateMachine.onEvent(mix.buffer(index), 0, mix.length(index), sequence++, nowNs);
    }
}
