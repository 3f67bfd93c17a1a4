package io.firstcall.gateway.fuzz;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Holds each reply against what was expected and against the protocol document: well-formed UTF-8 and
 * one JSON object; an ack with the predicted id, sequence and duplicate flag; an error whose code the
 * document's table lists with this connection behaviour, one of the codes the input's faults allow,
 * naming an allowed field and repeating the id exactly when it should. A push on a rep connection must
 * be a documented push for that rep of that tenant, and carry nothing of another tenant.
 */
final class ReplyChecker
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>()
    {
    };
    private static final Set<String> PUSHES = Set.of("alert", "withdrawn", "assigned", "claim_rejected", "escalation", "task");

    private final ProtocolDoc doc;
    private final Utf8Check utf8 = new Utf8Check();
    private final Map<String, Long> codes = new TreeMap<>();
    private final Map<String, Long> pushes = new TreeMap<>();
    private final Map<String, String> foreignMarks;

    /**
     * @param foreignMarks by tenant, a text that only another tenant's data carries (its lead id prefix).
     */
    ReplyChecker(final ProtocolDoc doc, final Map<String, String> foreignMarks)
    {
        this.doc = doc;
        this.foreignMarks = foreignMarks;
    }

    /**
     * @return the reply as a JSON object.
     */
    Map<String, Object> parse(final byte[] reply, final String where)
    {
        if (!utf8.isValid(reply, 0, reply.length))
        {
            throw new AssertionError(where + ": a reply that is not UTF-8: " + Bytes.show(reply));
        }
        try
        {
            return JSON.readValue(reply, OBJECT);
        }
        catch (final IOException ex)
        {
            throw new AssertionError(where + ": a reply that is not one JSON object: " + Bytes.show(reply), ex);
        }
    }

    static boolean isPush(final Map<String, Object> message)
    {
        return PUSHES.contains(String.valueOf(message.get("type")));
    }

    /**
     * @param hello whether the input was the connection's first line or frame: any refused hello closes.
     */
    void check(final Expected expected, final Map<String, Object> reply, final boolean hello, final String where)
    {
        final String type = String.valueOf(reply.get("type"));
        switch (expected.kind())
        {
            case ACK:
                require("ack".equals(type), expected, reply, where, "an ack");
                require(expected.id().equals(reply.get("id")), expected, reply, where, "the event's id");
                require(reply.get("seq") instanceof Number &&
                    (Ledger.UNKNOWN == expected.sequence() || ((Number)reply.get("seq")).longValue() == expected.sequence()),
                    expected, reply, where, "the predicted journal sequence");
                require(Boolean.valueOf(expected.duplicate()).equals(reply.get("duplicate")), expected, reply, where,
                    "the predicted duplicate flag");
                count(codes, expected.duplicate() ? "ack (duplicate)" : "ack");
                break;

            case WELCOME:
                require("welcome".equals(type), expected, reply, where, "a welcome");
                count(codes, "welcome");
                break;

            default:
                checkError(expected, reply, hello, where, type);
                break;
        }
    }

    void checkPush(final Map<String, Object> push, final String tenant, final String rep, final byte[] raw, final String where)
    {
        final String type = String.valueOf(push.get("type"));
        if (!PUSHES.contains(type) || !tenant.equals(push.get("tenant")))
        {
            throw new AssertionError(where + ": not a push of tenant " + tenant + ": " + push);
        }
        final Object addressee = "escalation".equals(type) ? push.get("to") : push.get("rep");
        if (!rep.equals(addressee))
        {
            throw new AssertionError(where + ": a push for " + addressee + " on rep " + rep + "'s connection: " + push);
        }
        final String text = new String(raw, StandardCharsets.UTF_8);
        for (final Map.Entry<String, String> mark : foreignMarks.entrySet())
        {
            if (!mark.getKey().equals(tenant) && text.contains(mark.getValue()))
            {
                throw new AssertionError(where + ": a push of " + tenant + " carries " + mark.getKey() + "'s data: " + text);
            }
        }
        count(pushes, type);
    }

    Map<String, Long> codes()
    {
        return codes;
    }

    Map<String, Long> pushes()
    {
        return pushes;
    }

    private void checkError(
        final Expected expected, final Map<String, Object> reply, final boolean hello, final String where, final String type)
    {
        require("error".equals(type), expected, reply, where, "an error");
        final String code = String.valueOf(reply.get("code"));
        require(doc.isDocumented(code), expected, reply, where, "a code docs/protocol.md documents");
        require(!"internal_error".equals(code), expected, reply, where, "no internal error");
        require(expected.codes().containsKey(code), expected, reply, where, "one of the codes the input's faults allow");
        require(hello || doc.allows(code, expected.closes()), expected, reply, where,
            "the connection behaviour docs/protocol.md documents for " + code);
        final Object field = reply.get("field");
        require(expected.codes().get(code).contains(null == field ? Expected.NO_FIELD : String.valueOf(field)),
            expected, reply, where, "an allowed field for " + code);
        if (expected.idExact())
        {
            require(null == expected.id() ? null == reply.get("id") : expected.id().equals(reply.get("id")),
                expected, reply, where, null == expected.id() ? "no id" : "the id repeated");
        }
        else if (null != reply.get("id"))
        {
            require(reply.get("id").equals(expected.id()), expected, reply, where, "no id, or the input's");
        }
        count(codes, code);
    }

    private static void require(
        final boolean condition,
        final Expected expected,
        final Map<String, Object> reply,
        final String where,
        final String what)
    {
        if (!condition)
        {
            throw new AssertionError(where + ": expected " + what + "\n  expected: " + expected + "\n  reply:    " + reply +
                "\n  input (" + expected.what() + "): " + Bytes.show(expected.input()));
        }
    }

    private static void count(final Map<String, Long> counts, final String key)
    {
        counts.merge(key, 1L, Long::sum);
    }
}
