package io.firstcall.bench;

import io.firstcall.bench.load.LoadOptions;
import io.firstcall.bench.load.LoadReport;
import io.firstcall.bench.load.LoadTest;

/**
 * End-to-end load generator: open loop at fixed rates over TCP (JSON lines and SBE), hot events
 * timed from their intended send to the alert at a subscribed rep, against a raw ping-pong floor
 * measured in the same run. Launches the gateway in this JVM unless --host names a running one.
 * <pre>
 *   java $(flags) -cp bench/target/benchmarks.jar io.firstcall.bench.LoadGenerator [--quick] [flags]
 * </pre>
 * See {@link LoadOptions#parse} for the flags.
 */
public final class LoadGenerator
{
    private LoadGenerator()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final LoadReport report = LoadTest.run(LoadOptions.parse(args), System.out);
        System.out.println();
        report.print(System.out);
    }
}
