package io.firstcall.gateway.tcp;

import io.firstcall.Engine;
import io.firstcall.EngineContext;
import io.firstcall.event.InputFault;
import io.firstcall.event.InputSamples;
import io.firstcall.gateway.GatewayContext;
import io.firstcall.gateway.GatewayCounter;
import io.firstcall.gateway.GatewayCounters;
import io.firstcall.gateway.TenantAccess;
import io.firstcall.gateway.session.RepDirectory;
import io.firstcall.gateway.session.SessionRegistry;
import io.firstcall.gateway.session.SessionServices;
import io.firstcall.gateway.support.LineClient;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.firstcall.event.InputSamples.full;
import static io.firstcall.event.InputSamples.withText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SBE session handler on an {@link EmbeddedChannel}: every broken message whose envelope can be
 * read is answered with the documented code naming the field and the connection stays open; one
 * whose envelope cannot be read is {@code malformed_frame} and closes it. Replies are always valid
 * UTF-8. Nothing here reaches the engine: no message is valid.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SbeFrameHandlerTest
{
    private Engine engine;
    private SessionServices services;

    @BeforeAll
    void launch(@TempDir final Path dataDir)
    {
        engine = Engine.launch(new EngineContext().dataDir(dataDir).ticksEnabled(false).tenant("acme", "tenant: acme\n"));
        services = new SessionServices(
            new GatewayContext().tenant(new TenantAccess("acme", "acme-source", "acme-rep")),
            engine.publisher(), new SystemEpochNanoClock(), new GatewayCounters(), new SessionRegistry(16),
            new RepDirectory(), engine.errorHandler());
    }

    @AfterAll
    void close()
    {
        engine.close();
    }

    @Test
    void shouldAnswerEveryBrokenMessageWithItsCodeAndFieldAndStayOpen()
    {
        final EmbeddedChannel channel = helloAcme();
        final List<InputSamples.Broken> broken = InputSamples.broken("acme", "emb-");
        final long eventErrors = services.counters().value(GatewayCounter.EVENT_ERRORS);
        for (final InputSamples.Broken sample : broken)
        {
            final List<Map<String, Object>> replies = exchange(channel, sample.message());
            assertEquals(1, replies.size(), sample.what());
            final Map<String, Object> error = replies.get(0);
            assertEquals("error", error.get("type"), sample.what());
            assertEquals(expectedCode(sample.fault()), error.get("code"), sample.what());
            assertEquals(sample.field(), error.get("field"), sample.what());
            assertEquals(echoedId(sample.message()), error.get("id"), sample.what());
            assertTrue(channel.isOpen(), sample.what());
        }
        assertEquals(eventErrors + broken.size(), services.counters().value(GatewayCounter.EVENT_ERRORS));
        channel.finishAndReleaseAll();
    }

    @Test
    void shouldCloseOnAFrameWhoseEnvelopeCannotBeRead()
    {
        final byte[] form = full(2, "acme", "env-1", "L1");
        final int envelopeEnd = InputSamples.dataFieldOffset(form, "lead");
        for (int length = 1; length < envelopeEnd; length++)
        {
            final EmbeddedChannel channel = helloAcme();
            final List<Map<String, Object>> replies = exchange(channel, Arrays.copyOf(form, length));
            assertEquals(1, replies.size());
            assertEquals("malformed_frame", replies.get(0).get("code"), "cut to " + length);
            assertEquals(length < 8 ? "messageHeader" : length < InputSamples.dataFieldOffset(form, "eventId") ? "tenant" :
                "eventId", replies.get(0).get("field"), "cut to " + length);
            assertFalse(channel.isOpen(), "closed after a frame cut to " + length);
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void shouldLeaveOutAnEventIdThatIsNotUtf8()
    {
        final EmbeddedChannel channel = helloAcme();
        for (final byte[] bad : InputSamples.INVALID_UTF8)
        {
            final byte[] message = withText(full(3, "acme", "x", "L1"), "eventId", bad);
            final List<Map<String, Object>> replies = exchange(channel, message);
            assertEquals("invalid_field", replies.get(0).get("code"));
            assertEquals("eventId", replies.get(0).get("field"));
            assertNull(replies.get(0).get("id"));
        }
        final byte[] wrongTenant = withText(withText(full(3, "globex", "x", "L1"), "eventId", InputSamples.INVALID_UTF8[0]),
            "page", InputSamples.INVALID_UTF8[1]);
        final List<Map<String, Object>> replies = exchange(channel, wrongTenant);
        assertEquals("wrong_tenant", replies.get(0).get("code"));
        assertNull(replies.get(0).get("id"));
        assertTrue(channel.isOpen());
        channel.finishAndReleaseAll();
    }

    @Test
    void shouldAnswerWrongTenantForAnyTenantButTheConnectionsOwn()
    {
        final EmbeddedChannel channel = helloAcme();
        final byte[] visit = full(3, "acme", "t-1", "L1");
        for (final byte[] tenant : new byte[][] {InputSamples.ascii('a', 33), InputSamples.ascii('a', 255), new byte[0],
            "acm".getBytes(StandardCharsets.UTF_8), "acme ".getBytes(StandardCharsets.UTF_8), InputSamples.INVALID_UTF8[0]})
        {
            final List<Map<String, Object>> replies = exchange(channel, withText(visit, "tenant", tenant));
            assertEquals("wrong_tenant", replies.get(0).get("code"), Arrays.toString(tenant));
            assertEquals("tenant", replies.get(0).get("field"));
            assertEquals("t-1", replies.get(0).get("id"));
        }
        assertTrue(channel.isOpen());
        channel.finishAndReleaseAll();
    }

    static String expectedCode(final InputFault fault)
    {
        switch (fault)
        {
            case TRUNCATED: return "truncated_message";
            case TRAILING_BYTES: return "trailing_bytes";
            case UNSUPPORTED_VERSION: return "unsupported_version";
            case TOO_SHORT: return "missing_field";
            case TOO_LONG: return "field_too_long";
            case INVALID_VALUE:
            case INVALID_UTF8:
            case BLOCK_TOO_SHORT: return "invalid_field";
            default: throw new IllegalArgumentException(fault.name());
        }
    }

    /**
     * @return the message's event id when it is 1..64 bytes of UTF-8, else null.
     */
    static String echoedId(final byte[] message)
    {
        final int offset = InputSamples.dataFieldOffset(message, "eventId");
        final int length = message[offset] & 0xFF;
        final String id = strictUtf8(Arrays.copyOfRange(message, offset + 1, offset + 1 + length));
        return null == id || id.isEmpty() || length > 64 ? null : id;
    }

    private EmbeddedChannel helloAcme()
    {
        final EmbeddedChannel channel = new EmbeddedChannel(new SbeFrameDecoder(16 * 1024), new SbeFrameHandler(services));
        final List<Map<String, Object>> welcome = exchange(channel,
            "{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":\"acme-source\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("welcome", welcome.get(0).get("type"), welcome.toString());
        return channel;
    }

    /**
     * Write one frame, run what it scheduled, and decode every reply frame, each checked to be valid UTF-8.
     */
    private static List<Map<String, Object>> exchange(final EmbeddedChannel channel, final byte[] body)
    {
        channel.writeInbound(Unpooled.buffer().writeIntLE(body.length).writeBytes(body));
        channel.runPendingTasks();
        final ByteBuf written = Unpooled.buffer();
        ByteBuf outbound;
        while (null != (outbound = channel.readOutbound()))
        {
            written.writeBytes(outbound);
            outbound.release();
        }

        final List<Map<String, Object>> replies = new ArrayList<>();
        while (written.readableBytes() >= 4)
        {
            final byte[] reply = new byte[written.readIntLE()];
            written.readBytes(reply);
            final String text = strictUtf8(reply);
            assertTrue(null != text, "a reply that is not UTF-8: " + Arrays.toString(reply));
            replies.add(LineClient.parse(text));
        }
        written.release();
        return replies;
    }

    private static String strictUtf8(final byte[] bytes)
    {
        try
        {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
        }
        catch (final CharacterCodingException ex)
        {
            return null;
        }
    }
}
