package io.firstcall.gateway.http;

/**
 * The percentiles every latency endpoint shows, with the name each output format gives them, so
 * {@code /metrics}, {@code /latency} text and {@code /latency} JSON always agree.
 */
enum Percentile
{
    P50(50.0, 0.5, "p50", "p50"),
    P90(90.0, 0.9, "p90", "p90"),
    P99(99.0, 0.99, "p99", "p99"),
    P99_9(99.9, 0.999, "p99.9", "p99_9"),
    P99_99(99.99, 0.9999, "p99.99", "p99_99");

    private final double percentile;
    // Its own literal, not percentile / 100: 99.9 / 100 is 0.9990000000000001, an odd label value.
    private final double quantile;
    private final String label;
    private final String jsonName;

    Percentile(final double percentile, final double quantile, final String label, final String jsonName)
    {
        this.percentile = percentile;
        this.quantile = quantile;
        this.label = label;
        this.jsonName = jsonName;
    }

    /**
     * @return the percentile as HdrHistogram takes it, e.g. 99.9.
     */
    double percentile()
    {
        return percentile;
    }

    /**
     * @return the quantile as Prometheus labels it, e.g. 0.999.
     */
    double quantile()
    {
        return quantile;
    }

    /**
     * @return the column heading of the text table, e.g. {@code p99.9}.
     */
    String label()
    {
        return label;
    }

    /**
     * @return the JSON field name, e.g. {@code p99_9}: no dot, so a JavaScript client can write
     * {@code stage.p99_9}.
     */
    String jsonName()
    {
        return jsonName;
    }
}
