package io.firstcall.bench.load;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Every setting of the load generator, with the full run's defaults; {@link #quick()} gives the
 * small variant and {@link #parse} reads command-line flags over either.
 */
public final class LoadOptions
{
    private String host;
    private int jsonPort = 7070;
    private int sbePort = 7071;
    private String tenant = "bench";
    private String sourceToken = "bench-source";
    private String repToken = "bench-rep";
    private String[] protocols = {"json", "sbe"};
    private int reps = 2;
    private long[] rates = {1_000, 10_000, 50_000};
    private double hotFraction = 0.1;
    private double seconds = 10;
    private long warmupRate = 20_000;
    private double warmupSeconds = 10;
    private boolean search = true;
    private int searchTrials = 8;
    private double searchSeconds = 5;
    private long searchMaxRate = 1_000_000;
    /**
     * A rate counts as sustained only while alert p99 stays within 10 ms: ten times the BRIEF's
     * p99.9 target, still "at once" for a rep, and low enough that queueing behind a saturated
     * engine or long GC pauses disqualify a rate.
     */
    private long p99BoundNs = TimeUnit.MILLISECONDS.toNanos(10);
    private int pingPongCount = 100_000;
    /** parkNanos overshoots by about 90 µs on the 2-core VM measured (timer slack), so stop parking well before. */
    private long spinNs = TimeUnit.MICROSECONDS.toNanos(150);

    /**
     * The quick variant: 2 s per rate, a short warm-up and search, a smaller ping-pong.
     */
    public static LoadOptions quick()
    {
        return new LoadOptions()
            .seconds(2).warmupSeconds(2).searchTrials(3).searchSeconds(1).searchMaxRate(400_000).pingPongCount(20_000);
    }

    /**
     * Flags: --quick --host H --json-port N --sbe-port N --tenant T --token S --rep-token R
     * --protocols json,sbe --reps N --rates 1000,10000,50000 --hot F --duration S --warmup S
     * --warmup-rate R --no-search --search-trials N --search-duration S --search-max R
     * --p99-bound-us U --pingpong N --spin-us U. Without --host the gateway is launched in process.
     */
    public static LoadOptions parse(final String[] args)
    {
        final LoadOptions options = Arrays.asList(args).contains("--quick") ? quick() : new LoadOptions();
        for (int i = 0; i < args.length; i++)
        {
            final String flag = args[i];
            if ("--quick".equals(flag))
            {
                continue;
            }
            if ("--no-search".equals(flag))
            {
                options.search(false);
                continue;
            }
            if (i + 1 >= args.length)
            {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            final String value = args[++i];
            switch (flag)
            {
                case "--host":
                    options.host(value);
                    break;
                case "--json-port":
                    options.jsonPort(Integer.parseInt(value));
                    break;
                case "--sbe-port":
                    options.sbePort(Integer.parseInt(value));
                    break;
                case "--tenant":
                    options.tenant(value);
                    break;
                case "--token":
                    options.sourceToken(value);
                    break;
                case "--rep-token":
                    options.repToken(value);
                    break;
                case "--protocols":
                    options.protocols(value.split(","));
                    break;
                case "--reps":
                    options.reps(Integer.parseInt(value));
                    break;
                case "--rates":
                    options.rates(Arrays.stream(value.split(",")).mapToLong(Long::parseLong).toArray());
                    break;
                case "--hot":
                    options.hotFraction(Double.parseDouble(value));
                    break;
                case "--duration":
                    options.seconds(Double.parseDouble(value));
                    break;
                case "--warmup":
                    options.warmupSeconds(Double.parseDouble(value));
                    break;
                case "--warmup-rate":
                    options.warmupRate(Long.parseLong(value));
                    break;
                case "--search-trials":
                    options.searchTrials(Integer.parseInt(value));
                    break;
                case "--search-duration":
                    options.searchSeconds(Double.parseDouble(value));
                    break;
                case "--search-max":
                    options.searchMaxRate(Long.parseLong(value));
                    break;
                case "--p99-bound-us":
                    options.p99BoundNs(TimeUnit.MICROSECONDS.toNanos(Long.parseLong(value)));
                    break;
                case "--pingpong":
                    options.pingPongCount(Integer.parseInt(value));
                    break;
                case "--spin-us":
                    options.spinNs(TimeUnit.MICROSECONDS.toNanos(Long.parseLong(value)));
                    break;
                default:
                    throw new IllegalArgumentException("unknown flag: " + flag);
            }
        }
        return options.conclude();
    }

    /**
     * @throws IllegalArgumentException naming the setting at fault.
     */
    public LoadOptions conclude()
    {
        if (reps < 1 || rates.length < 1 || Arrays.stream(rates).anyMatch(rate -> rate < 1))
        {
            throw new IllegalArgumentException("need at least one rep and one rate, every rate >= 1");
        }
        if (hotFraction <= 0 || hotFraction > 1)
        {
            throw new IllegalArgumentException("--hot must be in (0, 1]: " + hotFraction);
        }
        if (seconds <= 0 || searchSeconds <= 0 || warmupSeconds < 0 || pingPongCount < 1)
        {
            throw new IllegalArgumentException("durations and the ping-pong count must be positive");
        }
        for (final String protocol : protocols)
        {
            WireFormat.byName(protocol, tenant);
        }
        return this;
    }

    /**
     * @return the gateway's host, or null to launch one in this JVM.
     */
    public String host()
    {
        return host;
    }

    public LoadOptions host(final String host)
    {
        this.host = host;
        return this;
    }

    public int jsonPort()
    {
        return jsonPort;
    }

    public LoadOptions jsonPort(final int jsonPort)
    {
        this.jsonPort = jsonPort;
        return this;
    }

    public int sbePort()
    {
        return sbePort;
    }

    public LoadOptions sbePort(final int sbePort)
    {
        this.sbePort = sbePort;
        return this;
    }

    public String tenant()
    {
        return tenant;
    }

    public LoadOptions tenant(final String tenant)
    {
        this.tenant = tenant;
        return this;
    }

    public String sourceToken()
    {
        return sourceToken;
    }

    public LoadOptions sourceToken(final String sourceToken)
    {
        this.sourceToken = sourceToken;
        return this;
    }

    public String repToken()
    {
        return repToken;
    }

    public LoadOptions repToken(final String repToken)
    {
        this.repToken = repToken;
        return this;
    }

    public String[] protocols()
    {
        return protocols.clone();
    }

    public LoadOptions protocols(final String... protocols)
    {
        this.protocols = protocols.clone();
        return this;
    }

    public int reps()
    {
        return reps;
    }

    public LoadOptions reps(final int reps)
    {
        this.reps = reps;
        return this;
    }

    /**
     * @return the rep ids hot leads are owned by: r0 .. r(n-1).
     */
    String[] repIds()
    {
        final String[] ids = new String[reps];
        for (int i = 0; i < reps; i++)
        {
            ids[i] = "r" + i;
        }
        return ids;
    }

    public long[] rates()
    {
        return rates.clone();
    }

    public LoadOptions rates(final long... rates)
    {
        this.rates = rates.clone();
        return this;
    }

    public double hotFraction()
    {
        return hotFraction;
    }

    public LoadOptions hotFraction(final double hotFraction)
    {
        this.hotFraction = hotFraction;
        return this;
    }

    /**
     * @return seconds each fixed rate runs.
     */
    public double seconds()
    {
        return seconds;
    }

    public LoadOptions seconds(final double seconds)
    {
        this.seconds = seconds;
        return this;
    }

    public long warmupRate()
    {
        return warmupRate;
    }

    public LoadOptions warmupRate(final long warmupRate)
    {
        this.warmupRate = warmupRate;
        return this;
    }

    public double warmupSeconds()
    {
        return warmupSeconds;
    }

    public LoadOptions warmupSeconds(final double warmupSeconds)
    {
        this.warmupSeconds = warmupSeconds;
        return this;
    }

    public boolean search()
    {
        return search;
    }

    public LoadOptions search(final boolean search)
    {
        this.search = search;
        return this;
    }

    /**
     * @return phases the maximum-rate search may run (doubling, halving and bisecting together).
     */
    public int searchTrials()
    {
        return searchTrials;
    }

    public LoadOptions searchTrials(final int searchTrials)
    {
        this.searchTrials = searchTrials;
        return this;
    }

    public double searchSeconds()
    {
        return searchSeconds;
    }

    public LoadOptions searchSeconds(final double searchSeconds)
    {
        this.searchSeconds = searchSeconds;
        return this;
    }

    public long searchMaxRate()
    {
        return searchMaxRate;
    }

    public LoadOptions searchMaxRate(final long searchMaxRate)
    {
        this.searchMaxRate = searchMaxRate;
        return this;
    }

    /**
     * @return the alert latency p99 a sustained rate must stay within.
     */
    public long p99BoundNs()
    {
        return p99BoundNs;
    }

    public LoadOptions p99BoundNs(final long p99BoundNs)
    {
        this.p99BoundNs = p99BoundNs;
        return this;
    }

    public int pingPongCount()
    {
        return pingPongCount;
    }

    public LoadOptions pingPongCount(final int pingPongCount)
    {
        this.pingPongCount = pingPongCount;
        return this;
    }

    /**
     * @return how long before an event's intended time the sender stops parking and yields instead.
     */
    public long spinNs()
    {
        return spinNs;
    }

    public LoadOptions spinNs(final long spinNs)
    {
        this.spinNs = spinNs;
        return this;
    }

    public String toString()
    {
        return String.format(
            "protocols=%s reps=%d rates=%s hot=%.2f duration=%.1fs warmup=%.1fs@%d/s search=%s(trials=%d, %.1fs, max=%d/s) " +
            "p99bound=%sus pingpong=%d spin=%sus server=%s",
            String.join(",", protocols), reps, Arrays.toString(rates), hotFraction, seconds, warmupSeconds, warmupRate,
            search, searchTrials, searchSeconds, searchMaxRate, LatencySummary.micros(p99BoundNs), pingPongCount,
            LatencySummary.micros(spinNs), null == host ? "in-process" : host + ":" + jsonPort + "/" + sbePort);
    }
}
