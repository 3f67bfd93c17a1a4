package io.firstcall.bench;

import io.firstcall.codec.PresenceStatus;
import io.firstcall.engine.lead.LeadTable;
import io.firstcall.engine.routing.PlannerProbe;
import io.firstcall.engine.tenant.TenantRulesParser;
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

import java.util.concurrent.TimeUnit;

/**
 * The routing decision, in a team of {@code reps} reps (20 by default) with working hours in their
 * own time zones, in {@code owned} (weighted round robin through the fairness ledger) or {@code all}
 * (every eligible rep alerted) mode:
 * <ul>
 *     <li>{@code plan}: the routing planner alone for a lead with no owner: eligibility of every
 *     member and the fairness ledger (owned), kept for the decision record;</li>
 *     <li>{@code hotLead}: the whole path of one event, a demo request that makes one of 10,000
 *     existing leads hot: decode, score, hot decision, routing, the decision records and every
 *     alert, written into the output batch.</li>
 * </ul>
 * <pre>
 *   java $(flags) -jar bench/target/benchmarks.jar RoutingBenchmark -prof gc -f 1 -wi 3 -i 5
 * </pre>
 * {@code gc.alloc.rate.norm} is the allocation per operation: the target is 0.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RoutingBenchmark
{
    static final String TENANT = "bench";
    static final int LEADS = 10_000;
    static final long STEP_NS = TimeUnit.MILLISECONDS.toNanos(1);
    static final String[] ZONES = {"America/New_York", "America/Los_Angeles", "Europe/London", "Asia/Tokyo"};

    @Param({"owned", "all"})
    public String visibility;

    @Param("20")
    public int reps;

    private final UnsafeBuffer events = new UnsafeBuffer(new byte[LEADS * 128]);
    private final int[] offsets = new int[LEADS];
    private final int[] lengths = new int[LEADS];
    private static final UnsafeBuffer NO_OWNER = new UnsafeBuffer(new byte[0]);
    private MachineDriver machine;
    private PlannerProbe planner;
    private LeadTable leads;
    private int next;
    private long sequence;
    private long nowNs = TimeUnit.DAYS.toNanos(20_000);

    @Setup
    public void setup()
    {
        machine = new MachineDriver(LEADS);
        final UnsafeBuffer scratch = new UnsafeBuffer(new byte[64 * 1024]);
        final EventWriter writer = new EventWriter(scratch);
        send(scratch, writer.config(TENANT, "cfg", rules()));
        for (int rep = 0; rep < reps; rep++)
        {
            send(scratch, writer.presence(TENANT, "p" + rep, "r" + rep, PresenceStatus.AVAILABLE));
        }
        int offset = 0;
        for (int i = 0; i < LEADS; i++)
        {
            send(scratch, writer.lead(TENANT, "u" + i, "L" + i, "l" + i + "@example.com", "Lead " + i, "Co", "saas", "emea",
                120, "web", null));
            final int length = writer.form(TENANT, "f" + i, "L" + i, "demo_request");
            events.putBytes(offset, scratch, 0, length);
            offsets[i] = offset;
            lengths[i] = length;
            offset += (length + 7) & ~7;
        }

        planner = new PlannerProbe(TenantRulesParser.parse(TENANT, rules()).roster());
        leads = machine.machine().leads(TENANT);
        for (int i = 0; i < LEADS; i++)
        {
            hotLead();
        }
    }

    @Benchmark
    public int plan()
    {
        leads.profile(0, LeadTable.OWNER, NO_OWNER, 0, 0);
        return planner.route(leads, 0, nowNs);
    }

    @Benchmark
    public long hotLead()
    {
        final int i = next++ % LEADS;
        return machine.send(events, offsets[i], lengths[i], sequence++, nowNs += STEP_NS);
    }

    private void send(final UnsafeBuffer buffer, final int length)
    {
        machine.send(buffer, 0, length, sequence++, nowNs += STEP_NS);
    }

    /**
     * One team of {@code reps}; working hours cover every day and hour so that every rep stays
     * eligible while the zone lookups still run.
     */
    private String rules()
    {
        final StringBuilder yaml = new StringBuilder()
            .append("tenant: bench\nhot:\n  forms: [demo_request]\n  cooldown: 1s\n")
            .append("teams:\n  - {id: team, visibility: ").append(visibility).append("}\nreps:\n");
        for (int rep = 0; rep < reps; rep++)
        {
            yaml.append("  - {id: r").append(rep).append(", team: team, weight: ").append(1 + rep % 3)
                .append(", hours: {days: [mon, tue, wed, thu, fri, sat, sun], start: '00:00', end: '24:00', timezone: ")
                .append(ZONES[rep % ZONES.length]).append("}}\n");
        }
        return yaml.toString();
    }
}
