package io.firstcall.engine.routing;

import io.firstcall.codec.CallOutcome;
import io.firstcall.codec.PresenceStatus;
import io.firstcall.codec.QualificationResult;
import io.firstcall.engine.CapturedOutputs;
import io.firstcall.engine.LeadStateMachine;
import io.firstcall.engine.MachineDriver;
import io.firstcall.event.EventWriter;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Drives a {@link LeadStateMachine} with a deterministic script of routing events (presence, leads,
 * forms, calls, ticks) at chosen engine times and reads back its outputs as text lines.
 */
final class RoutingHarness
{
    /**
     * 2024-10-04T00:00:00Z, a Friday.
     */
    static final long T0 = TimeUnit.DAYS.toNanos(20_000);
    static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    static final long HOUR = TimeUnit.HOURS.toNanos(1);
    static final String TENANT = "acme";

    final CapturedOutputs outputs = new CapturedOutputs();
    private final MachineDriver driver = new MachineDriver(outputs, 64);
    final LeadStateMachine machine = driver.machine();
    private final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[64 * 1024]));
    private long sequence;
    private int eventId;

    RoutingHarness config(final String yaml, final long nowNs)
    {
        return send(writer.config(TENANT, "cfg-" + eventId++, yaml), nowNs);
    }

    RoutingHarness presence(final String rep, final PresenceStatus status, final long nowNs)
    {
        return send(writer.presence(TENANT, id(), rep, status), nowNs);
    }

    RoutingHarness online(final long nowNs, final String... reps)
    {
        for (final String rep : reps)
        {
            presence(rep, PresenceStatus.AVAILABLE, nowNs);
        }
        return this;
    }

    RoutingHarness offline(final long nowNs, final String... reps)
    {
        for (final String rep : reps)
        {
            presence(rep, PresenceStatus.OFFLINE, nowNs);
        }
        return this;
    }

    /**
     * A lead profile: null fields are left as they were.
     */
    RoutingHarness lead(final String lead, final String industry, final String region, final String owner, final long nowNs)
    {
        return send(writer.lead(TENANT, id(), lead, lead + "@example.com", "Name " + lead, "Co " + lead, industry, region,
            50, "web", owner), nowNs);
    }

    RoutingHarness form(final String lead, final String kind, final long nowNs)
    {
        return send(writer.form(TENANT, id(), lead, kind), nowNs);
    }

    /**
     * A lead in {@code region} asks for a demo: it is hot at once.
     */
    RoutingHarness hotLead(final String lead, final String region, final long nowNs)
    {
        return lead(lead, "saas", region, null, nowNs).form(lead, "demo_request", nowNs);
    }

    RoutingHarness call(final String lead, final String rep, final long nowNs)
    {
        return send(writer.call(TENANT, id(), lead, rep, CallOutcome.STARTED), nowNs);
    }

    RoutingHarness qualify(final String lead, final String rep, final long nowNs)
    {
        return send(writer.qualify(TENANT, id(), lead, rep, QualificationResult.QUALIFIED, "fit"), nowNs);
    }

    RoutingHarness tick(final long nowNs)
    {
        return send(writer.tick(), nowNs);
    }

    RoutingHarness clear()
    {
        outputs.clear();
        return this;
    }

    List<String> lines()
    {
        return outputs.lines();
    }

    /**
     * @return the output lines starting with {@code prefix} (e.g. "Alert", "Decision seq=3 kind=ROUTED").
     */
    List<String> lines(final String prefix)
    {
        return outputs.linesStartingWith(prefix);
    }

    /**
     * @return the reps alerted (in output order) for {@code lead}.
     */
    List<String> alertedReps(final String lead)
    {
        return field(lines("Alert").stream().filter(l -> l.contains(" lead=" + lead + " ")).collect(Collectors.toList()), "rep");
    }

    /**
     * @return the detail of the only decision of {@code kind} about {@code lead}.
     */
    String decision(final String kind, final String lead)
    {
        final List<String> matching = outputs.lines().stream()
            .filter(l -> l.startsWith("Decision ") && l.contains(" kind=" + kind + " ") && l.contains(" lead=" + lead + " "))
            .collect(Collectors.toList());
        if (1 != matching.size())
        {
            throw new AssertionError("expected one " + kind + " decision for " + lead + ": " + matching);
        }
        final String line = matching.get(0);
        return line.substring(line.indexOf(" detail=") + " detail=".length());
    }

    static List<String> field(final List<String> lines, final String name)
    {
        return lines.stream().map(l ->
        {
            final int start = l.indexOf(" " + name + "=") + name.length() + 2;
            final int end = l.indexOf(' ', start);
            return -1 == end ? l.substring(start) : l.substring(start, end);
        }).collect(Collectors.toList());
    }

    private String id()
    {
        return "e" + eventId++;
    }

    private RoutingHarness send(final int length, final long nowNs)
    {
        driver.send(writer.buffer(), length, sequence++, nowNs);
        return this;
    }
}
