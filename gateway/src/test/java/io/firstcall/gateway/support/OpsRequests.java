package io.firstcall.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * GETs of the ops endpoints as the operator ({@link GatewayFixture#OPS_TOKEN}), each on a new
 * connection and with a deadline.
 */
public final class OpsRequests
{
    private OpsRequests()
    {
    }

    public static String get(final int httpPort, final String path)
    {
        final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try
        {
            final HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                    .header("Authorization", "Bearer " + GatewayFixture.OPS_TOKEN)
                    .timeout(Duration.ofMillis(LineClient.READ_TIMEOUT_MS)).build(),
                HttpResponse.BodyHandlers.ofString());
            if (200 != response.statusCode())
            {
                throw new AssertionError("GET " + path + ": " + response.statusCode() + " " + response.body());
            }
            return response.body();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }

    /**
     * @return the {@code gateway} member of {@code /stats}.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> gatewayStats(final int httpPort)
    {
        return (Map<String, Object>)LineClient.parse(get(httpPort, "/stats")).get("gateway");
    }
}
