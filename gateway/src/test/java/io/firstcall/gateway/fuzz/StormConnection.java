package io.firstcall.gateway.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One client of the storm: who it says it is in its hello, its socket while open, and the model of
 * what the gateway must answer. The storm adds inputs to it for one window, sends them at once, then
 * reads and checks every answer in order (a rep connection's pushes, which may come in between, are
 * checked as pushes), and the end of the stream when the model says the gateway closes.
 */
final class StormConnection
{
    private static final long SPLIT_PAUSE_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private final String name;
    private final ConnectionModel.Transport transport;
    private final int port;
    private final String tenant;
    private final String token;
    private final String rep;
    private final ByteArrayOutputStream window = new ByteArrayOutputStream(1 << 16);
    private final List<Integer> splits = new ArrayList<>();
    private StormSocket socket;
    private ConnectionModel model;
    private long lastSendNs;
    private boolean endInput;

    StormConnection(
        final String name, final ConnectionModel.Transport transport, final int port, final String tenant,
        final String token, final String rep)
    {
        this.name = name;
        this.transport = transport;
        this.port = port;
        this.tenant = tenant;
        this.token = token;
        this.rep = rep;
    }

    String name()
    {
        return name;
    }

    ConnectionModel.Transport transport()
    {
        return transport;
    }

    String tenant()
    {
        return tenant;
    }

    /**
     * @return the rep this connection speaks for: the one its hello was welcomed as (a hello may say
     * otherwise than the connection meant to), or the one it means to be before that.
     */
    String rep()
    {
        return null != model && model.isAuthenticated() ? model.rep() : rep;
    }

    boolean isOpen()
    {
        return null != socket;
    }

    ConnectionModel model()
    {
        return model;
    }

    void open(final ConnectionModel.Judges judges)
    {
        socket = StormSocket.connect(port, transport);
        model = new ConnectionModel(transport, judges);
        endInput = false;
    }

    /**
     * @return this connection's own hello, framed for its port.
     */
    Unit hello()
    {
        final String json = "{\"type\":\"hello\",\"tenant\":" + JsonText.quoted(tenant) +
            ",\"token\":" + JsonText.quoted(token) +
            (null == rep ? "" : ",\"role\":\"rep\",\"rep\":" + JsonText.quoted(rep)) + "}";
        return wire(json.getBytes(StandardCharsets.UTF_8), "hello");
    }

    /**
     * @return a line with its newline, or a frame with its length prefix.
     */
    Unit wire(final byte[] body, final String kind)
    {
        return ConnectionModel.Transport.LINES == transport ?
            new Unit(SbeBytes.insert(body, body.length, new byte[] {'\n'}), kind) : new Unit(SbeBytes.frame(body), kind);
    }

    /**
     * Add an input to this window.
     *
     * @return false when the gateway closes the connection at this input: nothing more may be added.
     */
    boolean add(final Unit unit, final long nowNs)
    {
        final int sent = model.feed(unit.bytes(), nowNs);
        if (unit.splitAt() > 0 && unit.splitAt() < sent)
        {
            splitAt(window.size() + unit.splitAt());
        }
        window.write(unit.bytes(), 0, sent);
        return !model.isClosed();
    }

    /**
     * Send the window's bytes up to {@code position} on their own, so that the gateway reads them apart
     * from the rest: nothing it answers may depend on how TCP splits the stream.
     */
    void splitAt(final int position)
    {
        splits.add(position);
    }

    int windowSize()
    {
        return window.size();
    }

    /**
     * End the window's last line or frame if a mutation left it unfinished: with zeros (or a newline), or,
     * when {@code endInput}, by shutting the output down inside it.
     */
    void finishWindow(final boolean endInput, final long nowNs)
    {
        this.endInput = endInput;
        if (endInput)
        {
            model.endInput();
            return;
        }
        while (!model.isClosed() && model.isPartial())
        {
            add(new Unit(model.completion(), "completion"), nowNs);
        }
    }

    /**
     * Send the window, then read and check every answer due.
     *
     * @return the answers, each with what it answered, in order.
     */
    List<Map.Entry<Expected, Map<String, Object>>> exchange(final ReplyChecker checker, final String where)
    {
        send();
        if (endInput)
        {
            socket.shutdownOutput();
        }

        final List<Map.Entry<Expected, Map<String, Object>>> answers = new ArrayList<>();
        final List<Expected> due = model.due();
        for (final Expected expected : due)
        {
            final Map<String, Object> reply = nextReply(checker, where, expected);
            checker.check(expected, reply, "hello".equals(expected.what()), where);
            answers.add(Map.entry(expected, reply));
        }
        due.clear();

        if (model.isClosed())
        {
            if (null != nextReplyOrEnd(checker, where + " after the connection's last answer"))
            {
                throw new AssertionError(where + ": a reply after the connection's last answer, or no close");
            }
            close();
        }
        return answers;
    }

    /**
     * Check the pushes already received, and say something to a connection that has been quiet a while,
     * so the idle timeout never closes it.
     */
    void drain(final ReplyChecker checker, final String where, final long keepaliveAfterNs)
    {
        if (null == socket)
        {
            return;
        }
        while (socket.hasInput())
        {
            final byte[] raw = socket.read();
            if (null == raw)
            {
                throw new AssertionError(where + ": " + name + " closed by the gateway unasked");
            }
            final Map<String, Object> message = checker.parse(raw, where);
            if (null == rep() || !ReplyChecker.isPush(message))
            {
                throw new AssertionError(where + ": " + name + " got an unexpected message: " + message);
            }
            checker.checkPush(message, tenant, rep(), raw, where);
        }
        if (System.nanoTime() - lastSendNs > keepaliveAfterNs)
        {
            add(new Unit(ConnectionModel.Transport.LINES == transport ? new byte[] {'\n'} : new byte[4], "keepalive"), 0);
            send();
        }
    }

    /**
     * Read messages until one satisfies {@code accept}, checking pushes on the way.
     */
    void awaitPush(final ReplyChecker checker, final String where, final Predicate<Map<String, Object>> accept)
    {
        while (true)
        {
            final byte[] raw = socket.read();
            if (null == raw)
            {
                throw new AssertionError(where + ": " + name + " closed while waiting for a push");
            }
            final Map<String, Object> message = checker.parse(raw, where);
            checker.checkPush(message, tenant, rep(), raw, where);
            if (accept.test(message))
            {
                return;
            }
        }
    }

    void close()
    {
        if (null != socket)
        {
            socket.close();
            socket = null;
        }
    }

    /**
     * Write the window, in pieces where it is to be split, with a pause after each piece so the gateway
     * reads it before the next arrives.
     */
    private void send()
    {
        final byte[] bytes = window.toByteArray();
        window.reset();
        splits.sort(null);
        int from = 0;
        for (final int split : splits)
        {
            if (split > from && split < bytes.length)
            {
                socket.write(bytes, from, split - from);
                LockSupport.parkNanos(SPLIT_PAUSE_NS);
                from = split;
            }
        }
        splits.clear();
        socket.write(bytes, from, bytes.length - from);
        lastSendNs = System.nanoTime();
    }

    private Map<String, Object> nextReply(final ReplyChecker checker, final String where, final Expected expected)
    {
        final Map<String, Object> reply;
        try
        {
            reply = nextReplyOrEnd(checker, where);
        }
        catch (final AssertionError | RuntimeException ex)
        {
            throw new AssertionError(where + " awaiting " + expected + " for " + Bytes.show(expected.input()), ex);
        }
        if (null == reply)
        {
            throw new AssertionError(where + ": " + name + " closed by the gateway before " + expected + " for " +
                Bytes.show(expected.input()));
        }
        return reply;
    }

    /**
     * @return the next reply that is not a push (pushes are checked on the way), or null at the end.
     */
    private Map<String, Object> nextReplyOrEnd(final ReplyChecker checker, final String where)
    {
        while (true)
        {
            final byte[] raw = socket.read();
            if (null == raw)
            {
                return null;
            }
            final Map<String, Object> message = checker.parse(raw, where);
            if (null != rep() && ReplyChecker.isPush(message))
            {
                checker.checkPush(message, tenant, rep(), raw, where);
                continue;
            }
            return message;
        }
    }

    static void forEachOpen(final List<StormConnection> connections, final Consumer<StormConnection> action)
    {
        for (final StormConnection connection : connections)
        {
            if (connection.isOpen())
            {
                action.accept(connection);
            }
        }
    }
}
