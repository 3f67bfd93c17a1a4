package io.firstcall.gateway.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the gateway makes of one connection's bytes: it splits them as the port's framing decoder does
 * (lines at '\n', a "\r\n" counting as the end; or frames after a 4-byte little-endian length), and asks
 * the oracles about each line or frame in turn: the first is the hello, the rest events. Each answer
 * due is queued as an {@link Expected}, in order. An input that closes the connection ends the model:
 * the bytes after it are not sent, because a server closing with unread input resets the connection and
 * its last replies could be lost on the way.
 */
final class ConnectionModel
{
    enum Transport
    {
        LINES, FRAMES
    }

    /** Everything an oracle needs beside the bytes: the limits, the oracles, the ledger. */
    record Judges(int maxLineBytes, int maxFrameBytes, JsonOracle json, SbeOracle sbe, Ledger ledger)
    {
    }

    private final Transport transport;
    private final Judges judges;
    private final ByteArrayOutputStream unit = new ByteArrayOutputStream();
    private final byte[] prefix = new byte[4];
    private final List<Expected> due = new ArrayList<>();
    private int prefixBytes;
    private long frameRemaining = -1;
    private String tenant;
    private byte[] tenantBytes;
    private String rep;
    private boolean authenticated;
    private boolean closed;
    private boolean inputEnded;
    private long receiveTimeNs;

    ConnectionModel(final Transport transport, final Judges judges)
    {
        this.transport = transport;
        this.judges = judges;
    }

    Transport transport()
    {
        return transport;
    }

    String tenant()
    {
        return tenant;
    }

    String rep()
    {
        return rep;
    }

    boolean isAuthenticated()
    {
        return authenticated;
    }

    boolean isClosed()
    {
        return closed;
    }

    boolean isInputEnded()
    {
        return inputEnded;
    }

    /**
     * @return the answers due so far, in order; the caller takes them.
     */
    List<Expected> due()
    {
        return due;
    }

    /**
     * @return true when a line or frame has started and not ended.
     */
    boolean isPartial()
    {
        return unit.size() > 0 || prefixBytes > 0 || frameRemaining > 0;
    }

    /**
     * @return the bytes that would end the partial line or frame: a newline, or the rest of the
     * prefix and body as zeros (a prefix completed with zeros may itself call for a body).
     */
    byte[] completion()
    {
        if (Transport.LINES == transport)
        {
            return new byte[] {'\n'};
        }
        return new byte[prefixBytes > 0 ? 4 - prefixBytes : (int)Math.max(0, frameRemaining)];
    }

    /**
     * Take bytes the storm is about to send.
     *
     * @param nowNs the gateway's receive time for them (the storm's clock stands still while it sends).
     * @return how many of them to send: all, or as far as the input that closes the connection.
     */
    int feed(final byte[] bytes, final long nowNs)
    {
        receiveTimeNs = nowNs;
        int i = 0;
        while (i < bytes.length && !closed)
        {
            i = Transport.LINES == transport ? lines(bytes, i) : frames(bytes, i);
        }
        return i;
    }

    /**
     * The storm shuts its output down: an unfinished line or frame is {@code truncated_frame}; either way
     * the gateway answers what is due and closes.
     */
    void endInput()
    {
        inputEnded = true;
        if (!closed && isPartial())
        {
            fail("truncated_frame", "input ended inside a " + (Transport.LINES == transport ? "line" : "frame"),
                unit.toByteArray());
        }
        closed = true;
    }

    /**
     * @return where the next call starts: after the line ended here, or the end of the bytes.
     */
    private int lines(final byte[] bytes, final int from)
    {
        int end = from;
        while (end < bytes.length && '\n' != bytes[end])
        {
            end++;
        }
        // The line decoder holds the limit and one byte more (a "\r" before its "\n") without a newline,
        // and fails as soon as it holds more.
        final int room = judges.maxLineBytes() + 1 - unit.size();
        if (end - from > room)
        {
            unit.write(bytes, from, room + 1);
            fail("line_too_long", "a line over " + judges.maxLineBytes() + " bytes", unit.toByteArray());
            return from + room + 1;
        }
        unit.write(bytes, from, end - from);
        if (end == bytes.length)
        {
            return end;
        }
        final byte[] line = unit.toByteArray();
        unit.reset();
        final int length = line.length > 0 && '\r' == line[line.length - 1] ? line.length - 1 : line.length;
        if (length > judges.maxLineBytes())
        {
            fail("line_too_long", "a line over " + judges.maxLineBytes() + " bytes", line);
        }
        else
        {
            onUnit(Arrays.copyOf(line, length));
        }
        return end + 1;
    }

    /**
     * @return where the next call starts.
     */
    private int frames(final byte[] bytes, final int from)
    {
        if (frameRemaining < 0)
        {
            prefix[prefixBytes++] = bytes[from];
            if (prefixBytes < 4)
            {
                return from + 1;
            }
            prefixBytes = 0;
            final long length = ByteBuffer.wrap(prefix).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFF_FFFFL;
            if (length > judges.maxFrameBytes())
            {
                fail("frame_too_long", "a length prefix of " + length, prefix.clone());
            }
            frameRemaining = 0 == length ? -1 : length;
            return from + 1;
        }
        final int take = (int)Math.min(frameRemaining, bytes.length - from);
        unit.write(bytes, from, take);
        frameRemaining -= take;
        if (0 == frameRemaining)
        {
            frameRemaining = -1;
            final byte[] body = unit.toByteArray();
            unit.reset();
            onUnit(body);
        }
        return from + take;
    }

    private void onUnit(final byte[] unit)
    {
        if (0 == unit.length)
        {
            return; // a keepalive
        }
        if (!authenticated)
        {
            onHello(unit);
        }
        else if (Transport.LINES == transport)
        {
            onLine(unit);
        }
        else
        {
            onFrame(unit);
        }
    }

    private void onHello(final byte[] hello)
    {
        final JsonOracle json = judges.json();
        final Expected expected = json.judgeHello(hello, Transport.FRAMES == transport);
        add(expected.describe("hello", hello));
        if (Expected.Kind.WELCOME == expected.kind())
        {
            authenticated = true;
            tenant = json.helloTenant();
            tenantBytes = tenant.getBytes(StandardCharsets.UTF_8);
            rep = json.helloRep();
        }
    }

    private void onLine(final byte[] line)
    {
        final JsonOracle json = judges.json();
        final Expected error = json.judgeEvent(line, tenant, rep, receiveTimeNs);
        if (null != error)
        {
            add(error.describe("line", line));
            return;
        }
        final byte[] id = json.acceptedId().getBytes(StandardCharsets.UTF_8);
        add(judges.ledger().accept(tenant, id, json.accepted(), receiveTimeNs).describe("line", line));
    }

    private void onFrame(final byte[] body)
    {
        final SbeOracle sbe = judges.sbe();
        final Expected error = sbe.judge(body, tenantBytes);
        if (null != error)
        {
            add(error.describe("frame", body));
            return;
        }
        final byte[] journaled = ByteBuffer.wrap(body.clone()).order(ByteOrder.LITTLE_ENDIAN)
            .putLong(InputLayout.HEADER_LENGTH + InputLayout.RECEIVE_TIME_OFFSET, receiveTimeNs).array();
        add(judges.ledger().accept(tenant, sbe.accepted().eventId(), journaled, receiveTimeNs).describe("frame", body));
    }

    private void fail(final String code, final String what, final byte[] input)
    {
        add(Expected.error().code(code, null).closes(true).echo(null, true).describe(what, input));
    }

    private void add(final Expected expected)
    {
        due.add(expected);
        if (expected.closes())
        {
            closed = true;
        }
    }
}
