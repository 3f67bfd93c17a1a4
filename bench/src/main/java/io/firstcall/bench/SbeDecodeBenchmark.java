package io.firstcall.bench;

import io.firstcall.codec.CallActivityDecoder;
import io.firstcall.codec.CallOutcome;
import io.firstcall.codec.FormSubmittedDecoder;
import io.firstcall.codec.FormSubmittedEncoder;
import io.firstcall.codec.LeadUpsertDecoder;
import io.firstcall.codec.MessageHeaderDecoder;
import io.firstcall.codec.MessageHeaderEncoder;
import io.firstcall.codec.PageVisitedDecoder;
import io.firstcall.event.EventWriter;
import io.firstcall.event.InputEnvelope;
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

import java.util.concurrent.TimeUnit;

/**
 * Decoding typical SBE inputs field by field with the generated flyweights, as the engine and the
 * gateway do: every fixed field read, every text copied out to a reused scratch array. Also the
 * {@link InputEnvelope} the journal stage uses to find the idempotency key, over the event mix.
 * <p>
 * Run with the GC profiler so {@code gc.alloc.rate.norm} (bytes per decoded event) is reported:
 * <pre>
 *   java $(flags) -jar bench/target/benchmarks.jar SbeDecodeBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SbeDecodeBenchmark
{
    private static final int MIX_SIZE = 4096;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final FormSubmittedDecoder form = new FormSubmittedDecoder();
    private final LeadUpsertDecoder lead = new LeadUpsertDecoder();
    private final PageVisitedDecoder visit = new PageVisitedDecoder();
    private final CallActivityDecoder call = new CallActivityDecoder();
    private final InputEnvelope envelope = new InputEnvelope();
    private final byte[] text = new byte[256];
    private final UnsafeBuffer formMessage = new UnsafeBuffer(new byte[1024]);
    private final UnsafeBuffer leadMessage = new UnsafeBuffer(new byte[1024]);
    private final UnsafeBuffer visitMessage = new UnsafeBuffer(new byte[1024]);
    private final UnsafeBuffer callMessage = new UnsafeBuffer(new byte[1024]);
    private EventMix mix;
    private int next;

    @Setup
    public void setUp()
    {
        final long nowNs = 1_795_000_000_000_000_000L;
        // A hot form with the profile inline, the way integrators send them.
        new FormSubmittedEncoder().wrapAndApplyHeader(formMessage, 0, new MessageHeaderEncoder())
            .eventTimeMs(nowNs / 1_000_000).receiveTimeNs(nowNs).employees(250)
            .tenant(EventMix.TENANT).eventId("evt-000000001234").lead("lead-0000042").form("demo_request")
            .email("ada@example.com").phone("+44 20 7946 0000").name("Ada Lovelace").company("Analytical Engines")
            .industry("saas").region("emea").product("platform").source("web").owner("r1").timezone("Europe/London");
        new EventWriter(leadMessage).times(nowNs / 1_000_000, nowNs).lead(EventMix.TENANT, "evt-000000001235",
            "lead-0000042", "ada@example.com", "Ada Lovelace", "Analytical Engines", "saas", "emea", 250, "web", "r1");
        new EventWriter(visitMessage).times(nowNs / 1_000_000, nowNs)
            .visit(EventMix.TENANT, "evt-000000001236", "lead-0000042", "/pricing");
        new EventWriter(callMessage).times(nowNs / 1_000_000, nowNs)
            .call(EventMix.TENANT, "evt-000000001237", "lead-0000042", "r1", CallOutcome.STARTED);
        mix = new EventMix(MIX_SIZE, 20_000, 7);
    }

    /**
     * What the journal stage reads of every event: the shared envelope and its (tenant, id) hash.
     */
    @Benchmark
    public long envelopeKeyHash()
    {
        final int index = next++ & (MIX_SIZE - 1);
        envelope.wrap(mix.buffer(index), 0, mix.length(index));
        return envelope.keyHash() + envelope.templateId() + envelope.eventTimeMs();
    }

    @Benchmark
    public long formSubmitted()
    {
        final FormSubmittedDecoder d = form.wrapAndApplyHeader(formMessage, 0, header);
        long sum = d.eventTimeMs() + d.receiveTimeNs() + d.employees();
        sum += d.getTenant(text, 0, text.length);
        sum += d.getEventId(text, 0, text.length);
        sum += d.getLead(text, 0, text.length);
        sum += d.getForm(text, 0, text.length);
        sum += d.getEmail(text, 0, text.length);
        sum += d.getPhone(text, 0, text.length);
        sum += d.getName(text, 0, text.length);
        sum += d.getCompany(text, 0, text.length);
        sum += d.getIndustry(text, 0, text.length);
        sum += d.getRegion(text, 0, text.length);
        sum += d.getProduct(text, 0, text.length);
        sum += d.getSource(text, 0, text.length);
        sum += d.getOwner(text, 0, text.length);
        sum += d.getTimezone(text, 0, text.length);
        return sum + text[0];
    }

    @Benchmark
    public long leadUpsert()
    {
        final LeadUpsertDecoder d = lead.wrapAndApplyHeader(leadMessage, 0, header);
        long sum = d.eventTimeMs() + d.receiveTimeNs() + d.employees();
        sum += d.getTenant(text, 0, text.length);
        sum += d.getEventId(text, 0, text.length);
        sum += d.getLead(text, 0, text.length);
        sum += d.getEmail(text, 0, text.length);
        sum += d.getPhone(text, 0, text.length);
        sum += d.getName(text, 0, text.length);
        sum += d.getCompany(text, 0, text.length);
        sum += d.getIndustry(text, 0, text.length);
        sum += d.getRegion(text, 0, text.length);
        sum += d.getProduct(text, 0, text.length);
        sum += d.getSource(text, 0, text.length);
        sum += d.getOwner(text, 0, text.length);
        sum += d.getTimezone(text, 0, text.length);
        return sum + text[0];
    }

    @Benchmark
    public long pageVisited()
    {
        final PageVisitedDecoder d = visit.wrapAndApplyHeader(visitMessage, 0, header);
        long sum = d.eventTimeMs() + d.receiveTimeNs();
        sum += d.getTenant(text, 0, text.length);
        sum += d.getEventId(text, 0, text.length);
        sum += d.getLead(text, 0, text.length);
        sum += d.getPage(text, 0, text.length);
        return sum + text[0];
    }

    @Benchmark
    public long callActivity()
    {
        final CallActivityDecoder d = call.wrapAndApplyHeader(callMessage, 0, header);
        long sum = d.eventTimeMs() + d.receiveTimeNs() + d.outcomeRaw();
        sum += d.getTenant(text, 0, text.length);
        sum += d.getEventId(text, 0, text.length);
        sum += d.getLead(text, 0, text.length);
        sum += d.getRep(text, 0, text.length);
        return sum + text[0];
    }
}
