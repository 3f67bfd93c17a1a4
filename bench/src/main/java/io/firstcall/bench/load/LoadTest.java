package io.firstcall.bench.load;

import io.firstcall.EngineContext;
import io.firstcall.gateway.Gateway;
import io.firstcall.gateway.GatewayContext;
import io.firstcall.gateway.TenantAccess;
import org.agrona.IoUtil;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The end-to-end run: launch a gateway in this JVM (or use the one at --host), then per protocol
 * measure the ping-pong floor, warm up, run each fixed rate and search for the highest sustained rate.
 */
public final class LoadTest
{
    private static final long MIN_SEARCH_RATE = 100;

    private LoadTest()
    {
    }

    /**
     * @param progress where each phase's result is printed as it completes.
     */
    public static LoadReport run(final LoadOptions options, final PrintStream progress) throws IOException
    {
        options.conclude();
        Path dataDir = null;
        Gateway gateway = null;
        try
        {
            final InetSocketAddress jsonAddress;
            final InetSocketAddress sbeAddress;
            if (null == options.host())
            {
                dataDir = Files.createTempDirectory("firstcall-loadgen");
                gateway = launch(options, dataDir);
                jsonAddress = new InetSocketAddress("127.0.0.1", gateway.jsonPort());
                sbeAddress = new InetSocketAddress("127.0.0.1", gateway.sbePort());
                progress.printf("loadgen: gateway in process, json port %d, sbe port %d, data %s, engine %s/%s%n",
                    gateway.jsonPort(), gateway.sbePort(), dataDir, gateway.engine().context().topology(),
                    System.getProperty(EngineContext.WAIT_STRATEGY_PROP_NAME, EngineContext.WAIT_STRATEGY_DEFAULT));
            }
            else
            {
                jsonAddress = new InetSocketAddress(options.host(), options.jsonPort());
                sbeAddress = new InetSocketAddress(options.host(), options.sbePort());
            }

            final LoadReport report = new LoadReport(options);
            final String run = Long.toString(System.currentTimeMillis(), 36);
            for (final String protocol : options.protocols())
            {
                final WireFormat wire = WireFormat.byName(protocol, options.tenant());
                final InetSocketAddress sourceAddress = wire.framed() ? sbeAddress : jsonAddress;
                final EngineStages engineStages = new EngineStages(null == gateway ? null : gateway.engine().histograms());
                try (LoadRun load = new LoadRun(
                    options, wire, run + protocol.charAt(0), sourceAddress, jsonAddress, engineStages))
                {
                    final int messageBytes = load.hotMessageBytes();
                    final LatencySummary floor = PingPong.measure(
                        messageBytes, Math.min(options.pingPongCount(), 10_000), options.pingPongCount());
                    progress.printf("loadgen %s: floor ping-pong %d B round trip %s%n", protocol, messageBytes, floor);
                    final LoadReport.Protocol results = report.add(protocol, messageBytes, floor);
                    if (options.warmupSeconds() > 0)
                    {
                        final RateResult warmup = load.phase(options.warmupRate(), options.warmupSeconds());
                        progress.println("loadgen " + protocol + " warm-up (not reported): " + warmup);
                    }
                    for (final long rate : options.rates())
                    {
                        final RateResult result = load.phase(rate, options.seconds());
                        progress.println("loadgen " + result);
                        results.addFixed(result);
                    }
                    if (options.search())
                    {
                        search(options, load, results, progress);
                    }
                }
            }
            return report;
        }
        finally
        {
            if (null != gateway)
            {
                gateway.close();
            }
            if (null != dataDir)
            {
                IoUtil.delete(dataDir.toFile(), true);
            }
        }
    }

    /**
     * Double from the highest sustained fixed rate until a rate is not sustained (or the maximum is
     * reached), then bisect between the two; with no sustained fixed rate, halve from the lowest
     * first. Every trial counts against {@link LoadOptions#searchTrials()}.
     */
    private static void search(
        final LoadOptions options, final LoadRun load, final LoadReport.Protocol results, final PrintStream progress)
        throws IOException
    {
        long good = 0;
        long bad = Long.MAX_VALUE;
        for (final RateResult result : results.fixed())
        {
            if (result.sustained())
            {
                good = Math.max(good, result.rate());
            }
            else
            {
                bad = Math.min(bad, result.rate());
            }
        }
        if (bad < good)
        {
            bad = Long.MAX_VALUE;
        }

        for (int trial = 0; trial < options.searchTrials(); trial++)
        {
            final long rate;
            if (0 == good)
            {
                rate = bad / 2;
            }
            else if (Long.MAX_VALUE == bad)
            {
                rate = Math.min(good * 2, options.searchMaxRate());
            }
            else
            {
                rate = (good + bad) / 2;
            }
            if (rate < MIN_SEARCH_RATE || rate <= good || (Long.MAX_VALUE != bad && bad - good <= good / 20))
            {
                break;
            }
            if (trial(options, load, results, progress, rate))
            {
                good = rate;
            }
            else
            {
                bad = rate;
            }
        }
    }

    private static boolean trial(
        final LoadOptions options,
        final LoadRun load,
        final LoadReport.Protocol results,
        final PrintStream progress,
        final long rate) throws IOException
    {
        final RateResult result = load.phase(rate, options.searchSeconds());
        progress.println("loadgen search " + result);
        results.addSearch(result);
        return result.sustained();
    }

    private static Gateway launch(final LoadOptions options, final Path dataDir)
    {
        final GatewayContext gatewayContext = new GatewayContext()
            .host("127.0.0.1")
            .jsonPort(0)
            .sbePort(0)
            .httpPort(0)
            .tenant(new TenantAccess(options.tenant(), options.sourceToken(), options.repToken()));
        // The default rules: demo_request is a hot form, 24 h cooldown per lead.
        final EngineContext engineContext = new EngineContext()
            .dataDir(dataDir)
            .tenant(options.tenant(), "tenant: " + options.tenant() + "\n");
        return Gateway.launch(gatewayContext, engineContext);
    }
}
