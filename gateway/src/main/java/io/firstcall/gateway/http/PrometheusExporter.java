package io.firstcall.gateway.http;

import io.firstcall.gateway.OpsView;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The {@code /metrics} body: a registry of our own (never {@link PrometheusRegistry#defaultRegistry},
 * so several gateways, and tests, can live in one JVM) holding collectors that read the engine and
 * gateway at scrape time, plus the process-wide JVM metrics ({@link JvmCollectors}).
 * <p>
 * The format follows the request's {@code Accept} header: OpenMetrics 1.0 text when it names
 * {@code application/openmetrics-text} (as a Prometheus server's scrape does), else the Prometheus
 * text format 0.0.4.
 */
final class PrometheusExporter
{
    /**
     * {@code text/plain; version=0.0.4; charset=utf-8}.
     */
    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    /**
     * {@code application/openmetrics-text; version=1.0.0; charset=utf-8}.
     */
    static final String OPENMETRICS_CONTENT_TYPE = OpenMetricsTextFormatWriter.CONTENT_TYPE;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    // No _created samples: our counters start with the process, so they would add nothing.
    private final PrometheusTextFormatWriter textWriter = PrometheusTextFormatWriter.create();
    private final OpenMetricsTextFormatWriter openMetricsWriter = OpenMetricsTextFormatWriter.create();

    /**
     * @param view read at every scrape, never at construction, so the engine may start later.
     */
    PrometheusExporter(final OpsView view)
    {
        registry.register(new CounterCollector(view));
        registry.register(new LatencyCollector(view));
        registry.register(new TenantCollector(view));
        registry.register(new SpeedToLeadCollector(view));
    }

    /**
     * @param accept the request's {@code Accept} header, or null.
     * @return the writer for the format the client asked for.
     */
    ExpositionFormatWriter writer(final String accept)
    {
        return null != accept && openMetricsWriter.accepts(accept) ? openMetricsWriter : textWriter;
    }

    /**
     * Collect every metric now and write them.
     *
     * @param writer from {@link #writer(String)}.
     * @param out the response body; not closed.
     */
    void scrape(final ExpositionFormatWriter writer, final OutputStream out) throws IOException
    {
        final MetricSnapshots.Builder snapshots = MetricSnapshots.builder();
        for (final MetricSnapshot snapshot : registry.scrape())
        {
            snapshots.metricSnapshot(snapshot);
        }
        for (final MetricSnapshot snapshot : JvmCollectors.scrape())
        {
            snapshots.metricSnapshot(snapshot);
        }
        writer.write(out, snapshots.build());
    }
}
