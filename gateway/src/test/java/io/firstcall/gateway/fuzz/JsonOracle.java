package io.firstcall.gateway.fuzz;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.firstcall.gateway.TenantAccess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.firstcall.gateway.fuzz.JsonFields.Spec;

/**
 * The expected answer to one JSON line, by docs/protocol.md §2-§4: not UTF-8 or not exactly one JSON
 * object is {@code malformed_json} (closed); a second hello {@code forbidden_type} (closed); otherwise
 * every fault of the line is collected (type, unknown and repeated fields, wrong JSON types and values,
 * text bounds, missing fields, a rep connection's limits) and the answer must be one of them. A line
 * without faults is valid, and the oracle writes the SBE message the gateway must journal for it.
 * <p>
 * JSON is read with Jackson, as the gateway does, but with its read limits (nesting depth, number
 * length) lifted: the protocol document sets none, so the oracle does not either.
 */
final class JsonOracle
{
    private static final JsonFactory FACTORY = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(Integer.MAX_VALUE)
            .maxNumberLength(Integer.MAX_VALUE)
            .maxStringLength(Integer.MAX_VALUE)
            .build())
        .build();

    private final Utf8Check utf8 = new Utf8Check();
    private final Map<String, TenantAccess> tenants;
    private byte[] accepted;
    private String acceptedId;
    private String helloTenant;
    private String helloRep;
    private String idBeforeFault;
    private boolean utf8Line;

    /** One member of the object: its name, its first token and, for a scalar, its text. */
    private record Member(String name, JsonToken token, String text)
    {
    }

    JsonOracle(final Map<String, TenantAccess> tenants)
    {
        this.tenants = tenants;
    }

    /**
     * @param rep the connection's rep, or null on a source connection.
     * @return the error the line must be answered with, or null when it is valid (see {@link #accepted()}).
     */
    Expected judgeEvent(final byte[] line, final String tenant, final String rep, final long receiveTimeNs)
    {
        accepted = null;
        acceptedId = null;
        final List<Member> members = parse(line);
        if (null == members)
        {
            return malformed();
        }

        final Expected error = Expected.error().closes(false).echo(echoableId(members), true);
        final Member type = first(members, "type");
        final JsonFields.Type eventType = checkType(type, error);
        if (null != eventType && JsonFields.HELLO == eventType)
        {
            // A protocol violation, answered without the line's id (docs/protocol.md §2: a second hello).
            return Expected.error().code("forbidden_type", "type").closes(true).echo(echoableId(members), false);
        }
        if (null != eventType && null != rep && !eventType.repScoped())
        {
            error.code("forbidden_type", "type");
        }

        final Event event = null == eventType ? null : new Event(eventType.name());
        checkMembers(members, eventType, event, error);
        if (null != eventType)
        {
            for (final String required : eventType.required())
            {
                // A rep connection's events name their rep by default.
                if (!present(members, required) && !(null != rep && "rep".equals(required)))
                {
                    error.code("missing_field", required);
                }
            }
        }
        if (null != rep && null != event)
        {
            final Object named = event.get("rep");
            if (null == named)
            {
                event.put("rep", rep);
            }
            else if (!rep.equals(named))
            {
                error.code("forbidden_rep", "rep");
            }
        }
        if (!error.isValid())
        {
            return error;
        }

        accepted = event.sbe(tenant, event.eventTimeMs(receiveTimeNs / 1_000_000), receiveTimeNs);
        acceptedId = event.id();
        return null;
    }

    /**
     * The first line of a connection.
     *
     * @param sbePort whether it came to the SBE port, which takes sources only.
     * @return a welcome, or the error that closes the connection.
     */
    Expected judgeHello(final byte[] line, final boolean sbePort)
    {
        helloTenant = null;
        helloRep = null;
        final List<Member> members = parse(line);
        if (null == members)
        {
            return malformed();
        }

        final Expected error = Expected.error().closes(true).echo(echoableId(members), true);
        final JsonFields.Type type = checkType(first(members, "type"), error);
        if (null != type && JsonFields.HELLO != type)
        {
            error.code("forbidden_type", "type");
        }
        final Event hello = new Event("hello");
        checkMembers(members, JsonFields.HELLO, hello, error);
        for (final String required : JsonFields.HELLO.required())
        {
            if (!present(members, required))
            {
                error.code("missing_field", required);
            }
        }
        if (present(members, "role") && !present(members, "rep"))
        {
            error.code("missing_field", "rep");
        }
        if (!present(members, "role") && present(members, "rep"))
        {
            error.code("invalid_field", "rep");
        }
        if (!error.isValid())
        {
            return error;
        }

        final String tenant = (String)hello.get("tenant");
        final String rep = (String)hello.get("rep");
        final TenantAccess access = tenants.get(tenant);
        final String token = null == access ? null : null == rep ? access.sourceToken() : access.repToken(rep);
        if (!hello.get("token").equals(token))
        {
            return error.code("unauthorized", null);
        }
        if (null != rep && sbePort)
        {
            return error.code("forbidden_role", "role");
        }
        helloTenant = tenant;
        helloRep = rep;
        return Expected.welcome();
    }

    /**
     * @return the SBE message the last valid event line must be journaled as.
     */
    byte[] accepted()
    {
        return accepted;
    }

    String acceptedId()
    {
        return acceptedId;
    }

    String helloTenant()
    {
        return helloTenant;
    }

    String helloRep()
    {
        return helloRep;
    }

    /**
     * Not exactly one JSON object. The reply repeats no id from a line that is not UTF-8; from other
     * malformed lines it may repeat an id read before the fault (docs/protocol.md §4's example).
     */
    private Expected malformed()
    {
        return Expected.error().code("malformed_json", null).closes(true).echo(idBeforeFault, !utf8Line);
    }

    private static JsonFields.Type checkType(final Member type, final Expected error)
    {
        if (null == type || JsonToken.VALUE_NULL == type.token())
        {
            error.code("missing_field", "type");
            return null;
        }
        if (JsonToken.VALUE_STRING != type.token())
        {
            error.code("invalid_field", "type");
            return null;
        }
        final JsonFields.Type known = JsonFields.type(type.text());
        if (null == known)
        {
            error.code("unknown_type", "type");
        }
        return known;
    }

    /**
     * Check every member's name and value, putting the valid ones into {@code event} (when not null).
     */
    private void checkMembers(
        final List<Member> members, final JsonFields.Type type, final Event event, final Expected error)
    {
        final Set<String> seen = new HashSet<>();
        for (final Member member : members)
        {
            final String name = member.name();
            final boolean repeated = !seen.add(name);
            if ("type".equals(name))
            {
                if (repeated)
                {
                    error.code("invalid_field", name);
                }
                continue;
            }
            final Spec spec = JsonFields.spec(name);
            if (null == spec)
            {
                error.code("unknown_field", name);
                continue;
            }
            if (repeated)
            {
                error.code("invalid_field", name);
                continue;
            }
            if (null != type && !type.allowed().contains(name))
            {
                error.code("unknown_field", name);
            }
            if (JsonToken.VALUE_NULL == member.token())
            {
                continue;
            }
            final Object value = JsonValues.value(spec, name, member.token(), member.text(), error);
            if (null != value && null != event)
            {
                event.put(name, value);
            }
        }
    }

    private static boolean present(final List<Member> members, final String name)
    {
        final Member member = first(members, name);
        return null != member && JsonToken.VALUE_NULL != member.token();
    }

    private static Member first(final List<Member> members, final String name)
    {
        for (final Member member : members)
        {
            if (member.name().equals(name))
            {
                return member;
            }
        }
        return null;
    }

    /**
     * @return the first "id" when a reply must repeat it: a string of 1..64 UTF-8 bytes.
     */
    private static String echoableId(final List<Member> members)
    {
        final Member id = first(members, "id");
        if (null == id || JsonToken.VALUE_STRING != id.token() || JsonValues.hasUnpairedSurrogate(id.text()))
        {
            return null;
        }
        final int bytes = JsonValues.utf8Length(id.text());
        return bytes >= 1 && bytes <= 64 ? id.text() : null;
    }

    /**
     * @return the members of the line's one JSON object, or null when the line is not well-formed UTF-8
     * or not exactly one JSON object.
     */
    private List<Member> parse(final byte[] line)
    {
        idBeforeFault = null;
        final String decoded = utf8.decode(line, 0, line.length);
        utf8Line = null != decoded;
        if (null == decoded)
        {
            return null;
        }
        // A byte order mark at the start of a line is ignored (docs/protocol.md §1).
        final String text = decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
        try (JsonParser parser = FACTORY.createParser(text))
        {
            if (JsonToken.START_OBJECT != parser.nextToken())
            {
                return null;
            }
            final List<Member> members = new ArrayList<>();
            JsonToken token;
            while (JsonToken.FIELD_NAME == (token = parser.nextToken()))
            {
                final String name = parser.currentName();
                final JsonToken value = parser.nextToken();
                final boolean container = JsonToken.START_OBJECT == value || JsonToken.START_ARRAY == value;
                members.add(new Member(name, value, container ? null : parser.getText()));
                if (null == idBeforeFault)
                {
                    idBeforeFault = echoableId(members);
                }
                if (container)
                {
                    parser.skipChildren();
                }
            }
            if (JsonToken.END_OBJECT != token || null != parser.nextToken())
            {
                return null;
            }
            return members;
        }
        catch (final IOException | RuntimeException ex)
        {
            return null;
        }
    }

    static String text(final byte[] line)
    {
        return new String(line, StandardCharsets.UTF_8);
    }
}
