package io.firstcall.gateway.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;

import java.io.IOException;

/**
 * Tells the dashboard's hello ({@code "role":"dashboard"}) from a source's or rep's on the one WebSocket
 * at /ws. Read once per connection, on its first message, so it may allocate.
 */
public final class DashboardHello
{
    static final String ROLE = "dashboard";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DashboardHello()
    {
    }

    /**
     * @param text the first text message, not consumed.
     */
    public static boolean isDashboard(final ByteBuf text)
    {
        final JsonNode hello = parse(text);
        return null != hello && "hello".equals(hello.path("type").asText()) && ROLE.equals(hello.path("role").asText());
    }

    static JsonNode parse(final ByteBuf text)
    {
        try (ByteBufInputStream in = new ByteBufInputStream(text.duplicate()))
        {
            final JsonNode node = MAPPER.readTree(in);
            return null != node && node.isObject() ? node : null;
        }
        catch (final IOException | RuntimeException ex)
        {
            return null;
        }
    }
}
