package io.firstcall.gateway.fuzz;

import io.firstcall.Engine;
import io.firstcall.gateway.Gateway;
import io.firstcall.gateway.GatewayContext;
import io.firstcall.gateway.TenantAccess;
import io.firstcall.pipeline.TickSource;
import io.firstcall.status.EngineCounter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Drives the storm from one thread and one seeded random source: window after window, it moves the
 * clock (and ticks the engine), picks a connection (a tenant's JSON or SBE source, a rep, or a passing
 * client), fills a window of valid events, retries and broken inputs, sends it, and checks every answer
 * before the next window. Because one window at a time reaches the gateway and ticks come only between
 * windows, the journal follows from the seed alone: a failure replays with the same seed.
 */
final class Storm
{
    private static final long KEEPALIVE_AFTER_NS = TimeUnit.SECONDS.toNanos(30);
    /** The engine's default tick interval: the resolution of its timers. */
    private static final long TICK_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int RECENT = 64;
    /** Per mille of inputs: a source sends an event again that it sent long ago, maybe past the dedup window. */
    private static final int STALE_RETRIES = 5;
    /** Per mille: an event sent again soon, as after a lost acknowledgement. */
    private static final int DUPLICATES = 40;
    /** Per mille: the rest up to here are valid new events; above, broken ones. */
    private static final int VALID = 560;
    /** One window in this many is also sent in two pieces, split anywhere (a prefix, a body, a line). */
    private static final int SPLIT_ONE_IN = 10;
    /** One valid event in this many is kept for stale retries. */
    private static final int STALE_SAMPLING = 50;

    /**
     * The tenants: who may connect, their lead platforms and reps, and which reps stay connected.
     */
    record Tenants(Map<String, TenantAccess> access, List<TenantWorld> worlds, Map<String, List<String>> listeningReps)
    {
    }

    /**
     * Everything the storm is given: the seed, the gateway (its ports and limits, its engine), the
     * tenants, the clock the engine was launched with, the ledger.
     */
    record Setup(long seed, int maxWindow, Gateway gateway, GatewayContext gatewayContext, Tenants tenants,
        StormClock clock, Ledger ledger)
    {
        Map<String, TenantAccess> access()
        {
            return tenants.access();
        }

        List<TenantWorld> worlds()
        {
            return tenants.worlds();
        }

        int jsonPort()
        {
            return gateway.jsonPort();
        }
    }

    private final Setup setup;
    private final long startNs;
    private final TickSource ticks;
    private final LongSupplier journaled;
    private final SplittableRandom random;
    private final ConnectionModel.Judges judges;
    private final ReplyChecker checker;
    private final JsonMutator jsonMutator;
    private final SbeMutator sbeMutator;
    private final List<StormConnection> kept = new ArrayList<>();
    private final Map<String, ArrayDeque<Event>> recent = new HashMap<>();
    private final Map<String, List<Event>> stale = new HashMap<>();
    private final Map<String, Long> inputsByKind = new TreeMap<>();
    private long inputs;
    private long windows;
    private long connects;
    private long ticksPublished;

    Storm(final Setup setup, final ProtocolDoc doc)
    {
        this.setup = setup;
        this.random = new SplittableRandom(setup.seed());
        final GatewayContext gatewayCtx = setup.gatewayContext();
        final Engine engine = setup.gateway().engine();
        this.ticks = new TickSource(
            engine.publisher(), setup.clock(), TICK_INTERVAL_NS, engine.counters().get(EngineCounter.TICKS));
        this.journaled = () -> engine.counters().value(EngineCounter.EVENTS_JOURNALED);
        this.judges = new ConnectionModel.Judges(gatewayCtx.maxLineBytes(), gatewayCtx.maxFrameBytes(),
            new JsonOracle(setup.access()), new SbeOracle(), setup.ledger());
        final Map<String, String> marks = new HashMap<>();
        for (final TenantWorld world : setup.worlds())
        {
            marks.put(world.tenant(), world.mark());
        }
        this.checker = new ReplyChecker(doc, marks);
        this.jsonMutator = new JsonMutator(gatewayCtx.maxLineBytes());
        this.sbeMutator = new SbeMutator(gatewayCtx.maxFrameBytes());
        this.startNs = setup.clock().nanoTime();
        for (final TenantWorld world : setup.worlds())
        {
            final TenantAccess access = setup.access().get(world.tenant());
            kept.add(new StormConnection(world.tenant() + "/json", ConnectionModel.Transport.LINES, setup.jsonPort(),
                world.tenant(), access.sourceToken(), null));
            kept.add(new StormConnection(world.tenant() + "/sbe", ConnectionModel.Transport.FRAMES, setup.gateway().sbePort(),
                world.tenant(), access.sourceToken(), null));
            for (final String rep : setup.tenants().listeningReps().getOrDefault(world.tenant(), List.of()))
            {
                kept.add(new StormConnection(world.tenant() + "/rep:" + rep, ConnectionModel.Transport.LINES,
                    setup.jsonPort(), world.tenant(), access.repToken(rep), rep));
            }
        }
    }

    /**
     * Send the first event alone, learn its journal sequence, and predict every later one from there.
     */
    void start()
    {
        final StormConnection first = kept.get(0);
        first.open(judges);
        connects++;
        final long nowNs = setup.clock().nanoTime();
        first.add(first.hello(), nowNs);
        final TenantWorld world = world(first.tenant());
        first.add(first.wire(world.next(random, null, nowNs / 1_000_000).remove("at").json(random)
            .getBytes(StandardCharsets.UTF_8), "valid"), nowNs);
        final List<Map.Entry<Expected, Map<String, Object>>> answers = first.exchange(checker, where(first));
        setup.ledger().startAt(((Number)answers.get(1).getValue().get("seq")).longValue());
        inputs += 2;
        count("hello", 1);
        count("json:valid", 1);
    }

    /**
     * Run windows until at least {@code target} inputs were sent, then check the reps' last pushes.
     */
    void run(final long target)
    {
        while (inputs < target)
        {
            window();
        }
        StormConnection.forEachOpen(kept, (c) -> c.drain(checker, where(c), KEEPALIVE_AFTER_NS));
    }

    /**
     * After the storm: a fresh rep connection, a fresh source that reports the rep available and sends
     * a lead the rep owns and a hot form for it; the rep must get the alert.
     */
    void finalCheck(final String tenant, final String rep, final String region)
    {
        final TenantAccess access = setup.access().get(tenant);
        final StormConnection repConnection = new StormConnection(tenant + "/final-rep:" + rep,
            ConnectionModel.Transport.LINES, setup.jsonPort(), tenant, access.repToken(rep), rep);
        final StormConnection source = new StormConnection(tenant + "/final-source", ConnectionModel.Transport.LINES,
            setup.jsonPort(), tenant, access.sourceToken(), null);
        final TenantWorld world = world(tenant);
        final String lead = tenant + "-final-lead";
        final long nowNs = setup.clock().nanoTime();
        try
        {
            repConnection.open(judges);
            repConnection.add(repConnection.hello(), nowNs);
            repConnection.exchange(checker, "final check");
            source.open(judges);
            source.add(source.hello(), nowNs);
            final Event presence = new Event("presence").put("id", world.nextId("final-")).put("rep", rep)
                .put("status", "available");
            final Event form = new Event("form").put("id", world.nextId("final-")).put("lead", lead)
                .put("form", "demo_request");
            for (final Event event : List.of(presence, world.lead(lead, rep, region), form))
            {
                source.add(source.wire(event.json(random).getBytes(StandardCharsets.UTF_8), "final"), nowNs);
            }
            source.exchange(checker, "final check");
            repConnection.awaitPush(checker, "final check: the alert for " + lead,
                (push) -> "alert".equals(push.get("type")) && lead.equals(push.get("lead")));
        }
        finally
        {
            repConnection.close();
            source.close();
        }
    }

    void close()
    {
        kept.forEach(StormConnection::close);
    }

    /**
     * @return the figures of the run, one per line.
     */
    String report()
    {
        long acks = 0;
        long refused = 0;
        for (final Map.Entry<String, Long> answer : checker.codes().entrySet())
        {
            if (answer.getKey().startsWith("ack"))
            {
                acks += answer.getValue();
            }
            else if (!"welcome".equals(answer.getKey()))
            {
                refused += answer.getValue();
            }
        }
        return "inputs=" + inputs + " (acknowledged " + acks + ", refused with an error " + refused +
            ", keepalives and hellos the rest)\n  inputs=" + inputs + " windows=" + windows + " connections=" + connects +
            " ticks=" + ticksPublished +
            " engineTime=" + TimeUnit.NANOSECONDS.toHours(setup.clock().nanoTime() - startNs) + "h\n" +
            "  inputs by kind: " + inputsByKind + "\n" +
            "  answers: " + checker.codes() + "\n" +
            "  pushes to reps: " + checker.pushes();
    }

    Map<String, Long> answers()
    {
        return checker.codes();
    }

    Map<String, Long> pushes()
    {
        return checker.pushes();
    }

    long inputs()
    {
        return inputs;
    }

    private void window()
    {
        windows++;
        advanceTime();
        final long nowNs = setup.clock().nanoTime();
        final StormConnection connection = pick();
        final boolean passing = !kept.contains(connection);
        if (!connection.isOpen())
        {
            connection.open(judges);
            connects++;
            final boolean badHello = random.nextInt(passing ? 2 : 25) == 0;
            add(connection, badHello ? badHello(connection) : connection.hello(), nowNs);
        }

        final int size = 1 + random.nextInt(random.nextInt(4) == 0 ? 16 : setup.maxWindow());
        for (int i = 0; i < size && !connection.model().isClosed(); i++)
        {
            add(connection, nextUnit(connection, nowNs), nowNs);
        }
        if (random.nextInt(SPLIT_ONE_IN) == 0 && connection.windowSize() > 1)
        {
            connection.splitAt(1 + random.nextInt(connection.windowSize() - 1));
        }
        if (!connection.model().isClosed())
        {
            connection.finishWindow(passing || random.nextInt(200) == 0, nowNs);
        }
        connection.exchange(checker, where(connection));
        StormConnection.forEachOpen(kept, (c) -> c.drain(checker, where(c), KEEPALIVE_AFTER_NS));
    }

    private void add(final StormConnection connection, final Unit unit, final long nowNs)
    {
        connection.add(unit, nowNs);
        inputs++;
        count(unit.kind(), 1);
    }

    /**
     * Engine time moves on by up to half an hour, mostly by seconds; a tick follows when it is due.
     */
    private void advanceTime()
    {
        // A tick offered in the last window may still wait on the ring (when nothing after it needed an
        // answer): the journal stamps it with the clock when it takes it, so let it first.
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (journaled.getAsLong() < setup.ledger().nextSequence())
        {
            if (System.nanoTime() > deadlineNs)
            {
                throw new AssertionError("[seed " + setup.seed() + "] the engine journaled " + journaled.getAsLong() +
                    " events, " + setup.ledger().nextSequence() + " expected");
            }
            LockSupport.parkNanos(50_000);
        }
        final int pick = random.nextInt(100);
        final long ms = pick < 70 ? random.nextLong(0, 2_000) : pick < 95 ? random.nextLong(2_000, 60_000) :
            random.nextLong(60_000, 1_800_000);
        setup.clock().advance(TimeUnit.MILLISECONDS.toNanos(ms));
        if (ticks.doWork() > 0)
        {
            setup.ledger().unkeyed();
            ticksPublished++;
        }
    }

    private StormConnection pick()
    {
        final int pick = random.nextInt(100);
        if (pick < 97)
        {
            // About as many SBE inputs as JSON ones: the two SBE sources get 40 of the 97.
            final ConnectionModel.Transport transport = pick < 40 ? ConnectionModel.Transport.FRAMES :
                ConnectionModel.Transport.LINES;
            final boolean rep = pick >= 70;
            StormConnection connection;
            do
            {
                connection = kept.get(random.nextInt(kept.size()));
            }
            while (connection.transport() != transport || (null != connection.rep()) != rep);
            return connection;
        }
        final TenantWorld world = setup.worlds().get(random.nextInt(setup.worlds().size()));
        final TenantAccess access = setup.access().get(world.tenant());
        final boolean json = random.nextBoolean();
        if (json && random.nextBoolean())
        {
            final String rep = world.reps().get(random.nextInt(world.reps().size()));
            return new StormConnection(world.tenant() + "/passing-rep:" + rep, ConnectionModel.Transport.LINES,
                setup.jsonPort(), world.tenant(), access.repToken(rep), rep);
        }
        return new StormConnection(world.tenant() + (json ? "/passing-json" : "/passing-sbe"),
            json ? ConnectionModel.Transport.LINES : ConnectionModel.Transport.FRAMES,
            json ? setup.jsonPort() : setup.gateway().sbePort(), world.tenant(), access.sourceToken(), null);
    }

    private Unit nextUnit(final StormConnection connection, final long nowNs)
    {
        final TenantWorld world = world(connection.tenant());
        final ArrayDeque<Event> history = recent.computeIfAbsent(connection.tenant() + "/" + connection.rep(),
            (k) -> new ArrayDeque<>());
        final int pick = random.nextInt(1000);
        if (pick < STALE_RETRIES && null == connection.rep())
        {
            final List<Event> old = stale.computeIfAbsent(connection.tenant(), (k) -> new ArrayList<>());
            if (!old.isEmpty())
            {
                return render(connection, old.get(random.nextInt(old.size())), nowNs, "stale-retry");
            }
        }
        if (pick < DUPLICATES && !history.isEmpty())
        {
            final Event retry = history.toArray(new Event[0])[random.nextInt(history.size())];
            return render(connection, retry, nowNs, "retry");
        }
        final Event event = world.next(random, connection.rep(), nowNs / 1_000_000);
        if (pick < VALID)
        {
            history.addLast(event);
            if (history.size() > RECENT)
            {
                history.removeFirst();
            }
            if (null == connection.rep() && random.nextInt(STALE_SAMPLING) == 0)
            {
                stale.computeIfAbsent(connection.tenant(), (k) -> new ArrayList<>()).add(event);
            }
            return render(connection, event, nowNs, "valid");
        }
        final String other = otherTenant(connection.tenant());
        if (ConnectionModel.Transport.LINES == connection.transport())
        {
            return jsonMutator.mutate(event, connection.rep(), other, random);
        }
        return sbeMutator.mutate(event.sbe(connection.tenant(), event.eventTimeMs(nowNs / 1_000_000), random.nextLong()),
            other, random);
    }

    private Unit render(final StormConnection connection, final Event event, final long nowNs, final String kind)
    {
        if (ConnectionModel.Transport.FRAMES == connection.transport())
        {
            return SbeMutator.framed(
                event.sbe(connection.tenant(), event.eventTimeMs(nowNs / 1_000_000), random.nextLong()), "sbe:" + kind);
        }
        final String json = event.json(random);
        final byte[] ending = random.nextInt(10) == 0 ? new byte[] {'\r', '\n'} : new byte[] {'\n'};
        final byte[] line = json.getBytes(StandardCharsets.UTF_8);
        return new Unit(SbeBytes.insert(line, line.length, ending), "json:" + kind);
    }

    /**
     * @return a first line or frame that is not a good hello for this connection.
     */
    private Unit badHello(final StormConnection connection)
    {
        final String t = JsonText.quoted(connection.tenant());
        final String token = JsonText.quoted(setup.access().get(connection.tenant()).sourceToken());
        final String repToken = JsonText.quoted(setup.access().get(connection.tenant()).repToken());
        final String[] hellos = {
            "{\"type\":\"hello\",\"tenant\":" + t + ",\"token\":\"wrong\"}",
            "{\"type\":\"hello\",\"tenant\":\"nosuch\",\"token\":" + token + "}",
            "{\"type\":\"hello\",\"tenant\":" + t + ",\"token\":" + repToken + ",\"role\":\"rep\",\"rep\":\"r1\"}",
            "{\"type\":\"visit\",\"id\":\"x\",\"lead\":\"L\",\"page\":\"/\"}",
            "{\"type\":\"hello\",\"tenant\":" + t + "}",
            "{\"type\":\"hello\",\"tenant\":" + t + ",\"token\":" + token + ",\"role\":\"rep\"}",
            "{\"type\":\"hello\",\"tenant\":" + t + ",\"token\":" + token + ",\"rep\":\"r1\"}",
            "{\"type\":\"hello\",\"tenant\":" + t + ",\"token\":" + token + ",\"x\":1}",
            "{\"type\":\"hello\",\"tenant\":5,\"token\":" + token + "}",
            "{\"type\":\"hello\",\"tenant\":" + t + ",\"token\":" + token + ",\"at\":1}",
            "{\"type\":\"teleport\"}",
            "{\"tenant\":" + t + ",\"token\":" + token + "}",
            "{\"type\":\"hello\",\"tenant\":" + t + ",\"token\":" + token + "} x",
            "not json at all",
        };
        final int pick = random.nextInt(hellos.length + 1);
        final byte[] body = pick < hellos.length ? hellos[pick].getBytes(StandardCharsets.UTF_8) :
            world(connection.tenant()).next(random, null, 0).remove("at").sbe(connection.tenant(), 0, 0);
        return connection.wire(body, "bad-hello");
    }

    private TenantWorld world(final String tenant)
    {
        for (final TenantWorld world : setup.worlds())
        {
            if (world.tenant().equals(tenant))
            {
                return world;
            }
        }
        throw new IllegalArgumentException(tenant);
    }

    private String otherTenant(final String tenant)
    {
        for (final TenantWorld world : setup.worlds())
        {
            if (!world.tenant().equals(tenant))
            {
                return world.tenant();
            }
        }
        return "other";
    }

    private String where(final StormConnection connection)
    {
        return "[seed " + setup.seed() + ", window " + windows + ", input " + inputs + ", " + connection.name() + "]";
    }

    private void count(final String kind, final long n)
    {
        inputsByKind.merge(kind, n, Long::sum);
    }
}
