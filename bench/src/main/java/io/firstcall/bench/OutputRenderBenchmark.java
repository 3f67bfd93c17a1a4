package io.firstcall.bench;

import io.firstcall.engine.LeadStateMachine;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.engine.tenant.TenantRulesCache;
import io.firstcall.event.EventWriter;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.journal.RecordHeader;
import io.firstcall.pipeline.OutputStageProbe;
import io.firstcall.render.OutputRenderer;
import io.firstcall.status.EngineCounters;
import org.agrona.IoUtil;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What happens to a hot lead's outputs after the decision, measured apart from it (the decision
 * itself is {@link StateMachineBenchmark#hotFormAlert}). The outputs are the real ones of a demo
 * request from a lead owned by r1 who visited pricing, under the benchmark's rules (no teams, so
 * the owner as given is alerted): HotDecision, RoutingDecision and the Alert.
 * <ul>
 *   <li>{@code outputStage}: the output stage for that batch: every record appended to a Chronicle
 *   output journal, then each handed to a listener that reads its template (the gateway's seam),
 *   then the end of the batch;</li>
 *   <li>{@code renderAlert}: the alert as the protocol's JSON line, as the gateway renders it for
 *   the rep;</li>
 *   <li>{@code renderBatch}: every output of the batch as JSON (what a tool reading the output
 *   journal does).</li>
 * </ul>
 * <pre>
 *   java $(flags) -jar bench/target/benchmarks.jar OutputRenderBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OutputRenderBenchmark
{
    private final OutputBatch outputs = new OutputBatch();
    private final OutputRenderer renderer = new OutputRenderer();
    private final UnsafeBuffer records = new UnsafeBuffer(new byte[16 * 1024]);
    private final int[] offsets = new int[8];
    private final int[] lengths = new int[8];
    private int count;
    private int alert = -1;
    private long sequence;
    private long delivered;
    private Path dir;
    private Journal journal;
    private EngineCounters counters;
    private OutputStageProbe stage;

    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        final long nowNs = 1_795_000_000_000_000_000L;
        final OutputBatch decided = new OutputBatch();
        final LeadStateMachine machine = new LeadStateMachine(decided, 16, new TenantRulesCache());
        final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[4096])).times(nowNs / 1_000_000, nowNs);
        apply(machine, decided, writer, writer.config(EventMix.TENANT, "", EventMix.RULES), 0, nowNs);
        apply(machine, decided, writer, writer.lead(EventMix.TENANT, "u1", "L1", "l1@example.com", "Lead One", "Initech",
            "saas", "emea", 120, "web", "r1"), 1, nowNs);
        apply(machine, decided, writer, writer.visit(EventMix.TENANT, "v1", "L1", "/pricing"), 2, nowNs);
        apply(machine, decided, writer, writer.form(EventMix.TENANT, "f1", "L1", "demo_request"), 3, nowNs);

        int offset = 0;
        for (int i = 0; i < decided.count(); i++)
        {
            final int length = decided.recordLength(i) - RecordHeader.LENGTH;
            records.putBytes(offset, decided.buffer(), decided.recordOffset(i) + RecordHeader.LENGTH, length);
            offsets[count] = offset;
            lengths[count] = length;
            if (101 == records.getShort(offset + 2))
            {
                alert = count;
            }
            count++;
            offset += length;
        }
        if (alert < 0 || count < 3)
        {
            throw new IllegalStateException("the hot form made " + count + " outputs and no alert");
        }

        dir = Files.createTempDirectory("firstcall-output-bench");
        journal = ChronicleJournal.open(dir.resolve("output"));
        counters = EngineCounters.inMemory();
        stage = new OutputStageProbe(outputs, journal, (buffer, at, length, inputSequence) ->
            delivered += buffer.getShort(at + 2) + length, counters);
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        journal.close();
        counters.close();
        IoUtil.delete(dir.toFile(), true);
    }

    @Benchmark
    public int outputStage()
    {
        outputs.reset();
        outputs.cause(sequence++, 1_795_000_000_000_000_000L);
        for (int i = 0; i < count; i++)
        {
            final int at = outputs.begin();
            outputs.buffer().putBytes(at, records, offsets[i], lengths[i]);
            outputs.commit(lengths[i]);
        }
        return stage.flush();
    }

    @Benchmark
    public int renderAlert()
    {
        return renderer.render(records, offsets[alert], lengths[alert]);
    }

    @Benchmark
    public int renderBatch()
    {
        int bytes = 0;
        for (int i = 0; i < count; i++)
        {
            bytes += renderer.render(records, offsets[i], lengths[i]);
        }
        return bytes;
    }

    private static void apply(
        final LeadStateMachine machine, final OutputBatch outputs, final EventWriter writer, final int length,
        final long sequence, final long nowNs)
    {
        outputs.reset();
        outputs.cause(sequence, nowNs);
        machine.onEvent(new UnsafeBuffer(writer.buffer(), 0, length), sequence, nowNs);
    }
}
