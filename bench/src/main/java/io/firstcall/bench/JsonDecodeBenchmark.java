package io.firstcall.bench;

import io.firstcall.gateway.json.JsonEventDecoder;
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

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's JSON lines decoder on typical client lines, each turned into an SBE input message
 * in a reused buffer: the work the Netty I/O thread does per JSON event before the ring.
 * <p>
 * Run with the GC profiler so {@code gc.alloc.rate.norm} (bytes per decoded line) is reported:
 * <pre>
 *   java $(flags) -jar bench/target/benchmarks.jar JsonDecodeBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JsonDecodeBenchmark
{
    private static final byte[] TENANT = EventMix.TENANT.getBytes(StandardCharsets.UTF_8);

    /**
     * form: a hot form with the lead's profile inline; visit: a page visit; lead: a full profile upsert.
     */
    @Param({"form", "visit", "lead"})
    public String kind;

    private final JsonEventDecoder decoder = new JsonEventDecoder();
    private final UnsafeBuffer dst = new UnsafeBuffer(new byte[JsonEventDecoder.MAX_ENCODED_LENGTH]);
    private byte[] line;
    private long receiveTimeNs = 1_795_000_000_000_000_000L;

    @Setup
    public void setUp()
    {
        line = line(kind).getBytes(StandardCharsets.UTF_8);
        if (JsonEventDecoder.ERROR == decoder.decode(line, 0, line.length, TENANT, receiveTimeNs, dst, 0))
        {
            throw new IllegalStateException(kind + " line rejected: " + decoder.errorMessage());
        }
    }

    @Benchmark
    public int decode()
    {
        receiveTimeNs += 1_000;
        return decoder.decode(line, 0, line.length, TENANT, receiveTimeNs, dst, 0);
    }

    static String line(final String kind)
    {
        switch (kind)
        {
            case "form":
                return "{\"type\":\"form\",\"id\":\"evt-000000001234\",\"lead\":\"lead-0000042\",\"form\":\"demo_request\"," +
                    "\"email\":\"ada@example.com\",\"name\":\"Ada Lovelace\",\"company\":\"Analytical Engines\"," +
                    "\"owner\":\"r1\"}";
            case "visit":
                return "{\"type\":\"visit\",\"id\":\"evt-000000001235\",\"lead\":\"lead-0000042\",\"page\":\"/pricing\"," +
                    "\"at\":1795000000000}";
            case "lead":
                return "{\"type\":\"lead\",\"id\":\"evt-000000001236\",\"lead\":\"lead-0000042\",\"email\":\"ada@example.com\"," +
                    "\"phone\":\"+44 20 7946 0000\",\"name\":\"Ada Lovelace\",\"company\":\"Analytical Engines\"," +
                    "\"industry\":\"saas\",\"region\":\"emea\",\"employees\":250,\"product\":\"platform\",\"source\":\"web\"," +
                    "\"owner\":\"r1\",\"timezone\":\"Europe/London\"}";
            default:
                throw new IllegalArgumentException("unknown kind: " + kind);
        }
    }
}
