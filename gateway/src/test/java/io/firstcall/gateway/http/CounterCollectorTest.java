package io.firstcall.gateway.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CounterCollectorTest
{
    @ParameterizedTest
    @CsvSource({
        "connections_accepted, connections_accepted",
        "Frames-Rejected, frames_rejected",
        "bytes.in, bytes_in",
        "frames_total, frames",
        "_total, _total",
        "rep push µs, rep_push__s",
    })
    void shouldMakeGatewayCounterNamesFitForPrometheus(final String name, final String expected)
    {
        assertEquals(expected, CounterCollector.metricName(name));
    }
}
