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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Scoring and hot-lead criteria: {@link LeadStateMachine#onEvent} driven directly through a
 * {@link MachineDriver}, outputs only counted, over a pre-encoded mix of lead signals (visits, forms, profile upserts, external
 * scores, trial milestones, a tick every 100 events) across 10,000 leads ({@code -p leads=N})
 * that already exist. One operation is one event; engine time advances 1 ms per event.
 * <pre>
 *   java $(flags) -jar bench/target/benchmarks.jar ScoringBenchmark -prof gc -f 1 -wi 3 -i 5
 * </pre>
 * {@code gc.alloc.rate.norm} is the allocation per event: the target is 0.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScoringBenchmark
{
    static final String TENANT = "bench";
    static final String RULES = """
        tenant: bench
        scoring:
          firmographic:
            industry: {saas: 15, fintech: 10, retail: 2, education: -10}
            employees: [{min: 1, max: 49, points: 0}, {min: 50, max: 999, points: 5}, {min: 1000, points: 10}]
            region: {emea: 5, na: 5}
            source: {partner: 10, web: 2}
        hot:
          sources: [partner]
          cooldown: 24h
        claim:
          window: 5m
        """;
    static final int EVENTS = 1 << 16;
    static final long STEP_NS = TimeUnit.MILLISECONDS.toNanos(1);

    /**
     * Distinct leads in the mix: 10,000 by default; a small number shows the in-cache cost.
     */
    @Param("10000")
    public int leads;

    private final UnsafeBuffer events = new UnsafeBuffer(new byte[EVENTS * 256]);
    private final int[] offsets = new int[EVENTS];
    private final int[] lengths = new int[EVENTS];
    private MachineDriver machine;
    private int next;
    private long sequence;
    private long nowNs = TimeUnit.DAYS.toNanos(20_000);

    @Setup
    public void setup()
    {
        machine = new MachineDriver(leads);
        final UnsafeBuffer scratch = new UnsafeBuffer(new byte[4096]);
        final EventWriter writer = new EventWriter(scratch);
        machine.send(scratch, 0, writer.config(TENANT, "cfg", RULES), sequence++, nowNs);
        for (int lead = 0; lead < leads; lead++)
        {
            final int length = writer.lead(TENANT, "u" + lead, "L" + lead, "l" + lead + "@example.com", "Lead " + lead,
                "Co", "retail", "apac", 20, "web", null);
            machine.send(scratch, 0, length, sequence++, nowNs += STEP_NS);
        }

        // Packed back to back and read in order, as a ring would hand them over, so the event bytes
        // are not a cache miss each (64k separate arrays would be) and the lead state is what is measured.
        final Random random = new Random(7);
        int offset = 0;
        for (int i = 0; i < EVENTS; i++)
        {
            final int length = encode(writer, random, i, leads);
            events.putBytes(offset, scratch, 0, length);
            offsets[i] = offset;
            lengths[i] = length;
            offset += (length + 7) & ~7;
        }
        for (int i = 0; i < EVENTS; i++)
        {
            onEvent();
        }
    }

    @Benchmark
    public long onEvent()
    {
        final int i = next++ & (EVENTS - 1);
        return machine.send(events, offsets[i], lengths[i], sequence++, nowNs += STEP_NS);
    }

    private static int encode(final EventWriter writer, final Random random, final int i, final int leads)
    {
        final String id = "e" + i;
        final String lead = "L" + random.nextInt(leads);
        final int dice = random.nextInt(100);
        if (i % 100 == 0)
        {
            return writer.tick();
        }
        if (dice < 15)
        {
            final String[] industries = {"saas", "fintech", "retail", "education", "logistics"};
            return writer.lead(TENANT, id, lead, null, null, null, industries[random.nextInt(industries.length)],
                random.nextBoolean() ? "emea" : "na", random.nextInt(5_000), random.nextInt(20) == 0 ? "partner" : "web",
                random.nextInt(3) == 0 ? "r" + random.nextInt(8) : null);
        }
        if (dice < 30)
        {
            final String[] forms = {"demo_request", "free_trial", "pricing_inquiry", "ebook_download", "webinar", "contact_sales"};
            return writer.form(TENANT, id, lead, forms[random.nextInt(forms.length)]);
        }
        if (dice < 80)
        {
            final String[] pages = {"/pricing", "/compare/acme-vs-globex", "/blog/speed-to-lead", "/about", "/docs/api"};
            return writer.visit(TENANT, id, random.nextInt(10) == 0 ? "anon-" + i : lead, pages[random.nextInt(pages.length)]);
        }
        if (dice < 90)
        {
            return writer.score(TENANT, id, lead, random.nextInt(40));
        }
        return writer.trial(TENANT, id, lead, random.nextBoolean() ? "activated" : "invited_team");
    }
}
