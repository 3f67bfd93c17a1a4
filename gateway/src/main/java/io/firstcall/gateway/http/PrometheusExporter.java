package io.firstcall.gateway.http;

import io.firstcall.gateway.OpsView;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The {@code /metrics} body: a registry of our own (never {@link PrometheusRegistry#defaultRegistry},
 * so several gateways, and tests, can live in one JVM) holding collectors that read the engine and
 * gateway at scrape time, written in the Prometheus text format 0.0.4.
 */
final class PrometheusExporter
{
    /**
     * {@code text/plain; version=0.0.4; charset=utf-8}.
     */
    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    // No _created samples: our counters start with the process, so they would add nothing.
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    /**
     * @param view read at every scrape, never at construction, so the engine may start later.
     */
    PrometheusExporter(final OpsView view)
    {
        registry.register(new CounterCollector(view));
        registry.register(new LatencyCollector(view));
    }

    /**
     * Collect every metric now and write them.
     *
     * @param out the response body; not closed.
     */
    void scrape(final OutputStream out) throws IOException
    {
        writer.write(out, registry.scrape());
    }
}
