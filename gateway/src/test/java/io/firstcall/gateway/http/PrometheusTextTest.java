package io.firstcall.gateway.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PrometheusTextTest
{
    private static final String VALID =
        "# HELP a_total Things \"done\"\\n twice\n" +
        "# TYPE a_total counter\n" +
        "a_total 3.0\n" +
        "# TYPE lat_seconds summary\n" +
        "lat_seconds{stage=\"x\",quantile=\"0.5\"} 1.2E-6\n" +
        "lat_seconds_count{stage=\"x\"} 5\n" +
        "lat_seconds_sum{stage=\"x\"} 6.0E-6\n";

    @Test
    void shouldParseWellFormedText()
    {
        final PrometheusText text = PrometheusText.parse(VALID);

        assertEquals(3.0, text.value("a_total"));
        assertEquals(1.2E-6, text.value("lat_seconds", "stage", "x", "quantile", "0.5"));
        assertEquals(5, text.value("lat_seconds_count", "stage", "x"));
        assertEquals(4, text.samples().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a_total 1\n",
        "# TYPE a gauge\na 1",
        "# TYPE 1a gauge\n1a 1\n",
        "# TYPE a gauge\na{b=\"c\" 1\n",
        "# TYPE a gauge\na{b=c} 1\n",
        "# TYPE a gauge\na{b-c=\"d\"} 1\n",
        "# TYPE a gauge\na one\n",
        "# TYPE a gauge\na  1\n",
        "# TYPE a gauge\na 1 2 3\n",
        "# TYPE a gauge\na 1\na 2\n",
        "# TYPE a gauge\n# TYPE b gauge\na 1\nb 1\na{x=\"y\"} 1\n",
        "# TYPE a gauge\n# TYPE a counter\n",
        "# TYPE a wibble\n",
        "# TYPE s summary\ns 1\n",
        "# TYPE a gauge\na_total 1\n",
    })
    void shouldRejectMalformedText(final String text)
    {
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse(text));
    }
}
