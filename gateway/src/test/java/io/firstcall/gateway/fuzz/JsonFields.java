package io.firstcall.gateway.fuzz;

import com.fasterxml.jackson.core.JsonToken;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON lines vocabulary as docs/protocol.md §2 and §3 state it: every field with its kind and
 * bounds, every event type with the fields it allows and requires. Written from the document, apart
 * from the gateway's {@code Fields} and {@code EventType}.
 */
final class JsonFields
{
    enum Kind
    {
        TEXT, CHOICE, INT32, COUNT, TIME, MONEY
    }

    record Spec(Kind kind, int minBytes, int maxBytes, Set<String> choices)
    {
    }

    record Type(String name, Set<String> allowed, List<String> required, boolean repScoped)
    {
    }

    static final long NOT_A_TIME = Long.MIN_VALUE;

    private static final Pattern ISO = Pattern.compile(
        "([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.([0-9]{1,9}))?" +
        "(?:Z|([+-])([0-9]{2}):([0-9]{2}))");
    private static final int MAX_OFFSET_MINUTES = 18 * 60;
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final List<String> PROFILE = List.of("email", "phone", "name", "company", "industry", "region",
        "employees", "product", "source", "owner", "timezone");

    private static final Map<String, Spec> SPECS = Map.ofEntries(
        Map.entry("id", text(1, 64)),
        Map.entry("at", new Spec(Kind.TIME, 0, 0, Set.of())),
        Map.entry("lead", text(1, 64)),
        Map.entry("rep", text(1, 64)),
        Map.entry("email", text(0, 254)),
        Map.entry("phone", text(0, 254)),
        Map.entry("name", text(0, 254)),
        Map.entry("company", text(0, 254)),
        Map.entry("industry", text(0, 254)),
        Map.entry("region", text(0, 254)),
        Map.entry("product", text(0, 254)),
        Map.entry("source", text(0, 254)),
        Map.entry("owner", text(0, 254)),
        Map.entry("timezone", text(0, 254)),
        Map.entry("employees", new Spec(Kind.COUNT, 0, 0, Set.of())),
        Map.entry("form", text(0, 254)),
        Map.entry("page", text(0, 254)),
        Map.entry("milestone", text(0, 254)),
        Map.entry("score", new Spec(Kind.INT32, 0, 0, Set.of())),
        Map.entry("status", choice(Event.STATUS)),
        Map.entry("outcome", choice(Event.OUTCOME)),
        Map.entry("result", choice(Event.RESULT)),
        Map.entry("reason", text(0, 254)),
        Map.entry("amount", new Spec(Kind.MONEY, 0, 0, Set.of())),
        Map.entry("tenant", text(1, 32)),
        Map.entry("token", text(1, 254)),
        Map.entry("role", choice(new String[] {"rep"})));

    static final Type HELLO = new Type("hello", Set.of("id", "tenant", "token", "role", "rep"),
        List.of("tenant", "token"), false);

    static final List<Type> EVENTS = List.of(
        event("lead", List.of("lead"), PROFILE, false),
        event("form", List.of("lead", "form"), PROFILE, false),
        event("visit", List.of("lead", "page"), List.of(), false),
        event("trial", List.of("lead", "milestone"), List.of(), false),
        event("score", List.of("lead", "score"), List.of(), false),
        event("presence", List.of("rep", "status"), List.of(), true),
        event("call", List.of("lead", "rep", "outcome"), List.of(), true),
        event("email", List.of("lead", "rep"), List.of(), true),
        event("sms", List.of("lead", "rep"), List.of(), true),
        event("qualify", List.of("lead", "rep", "result"), List.of("reason"), true),
        event("opportunity", List.of("lead", "rep", "amount"), List.of(), true),
        event("converted", List.of("lead"), List.of(), false));

    private JsonFields()
    {
    }

    /**
     * @return the field's spec, or null when the protocol has no such field.
     */
    static Spec spec(final String name)
    {
        return SPECS.get(name);
    }

    /**
     * @return the event type (or the hello) of that name, or null.
     */
    static Type type(final String name)
    {
        if (HELLO.name().equals(name))
        {
            return HELLO;
        }
        for (final Type type : EVENTS)
        {
            if (type.name().equals(name))
            {
                return type;
            }
        }
        return null;
    }

    static Set<String> fieldNames()
    {
        return SPECS.keySet();
    }

    /**
     * "at": an ISO-8601 time with an optional fraction of up to 9 digits (kept to milliseconds) and Z or
     * an offset of +-HH:MM up to 18:00, or non-negative epoch milliseconds.
     *
     * @return epoch milliseconds (negative before 1970), or {@link #NOT_A_TIME}.
     */
    static long epochMs(final JsonToken token, final String text)
    {
        if (JsonToken.VALUE_NUMBER_INT == token)
        {
            final BigInteger value = new BigInteger(text);
            return value.signum() >= 0 && value.compareTo(LONG_MAX) <= 0 ? value.longValue() : NOT_A_TIME;
        }
        if (JsonToken.VALUE_STRING != token)
        {
            return NOT_A_TIME;
        }
        final Matcher iso = ISO.matcher(text);
        if (!iso.matches())
        {
            return NOT_A_TIME;
        }
        try
        {
            final LocalDateTime time = LocalDateTime.of(
                Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)),
                Integer.parseInt(iso.group(4)), Integer.parseInt(iso.group(5)), Integer.parseInt(iso.group(6)));
            final String fraction = null == iso.group(7) ? "0" : (iso.group(7) + "00").substring(0, 3);
            long offsetMinutes = 0;
            if (null != iso.group(8))
            {
                final int minutes = Integer.parseInt(iso.group(10));
                offsetMinutes = Integer.parseInt(iso.group(9)) * 60L + minutes;
                if (minutes > 59 || offsetMinutes > MAX_OFFSET_MINUTES)
                {
                    return NOT_A_TIME;
                }
                offsetMinutes = "-".equals(iso.group(8)) ? -offsetMinutes : offsetMinutes;
            }
            return time.toInstant(ZoneOffset.UTC).toEpochMilli() + Integer.parseInt(fraction) - offsetMinutes * 60_000L;
        }
        catch (final DateTimeException ex)
        {
            return NOT_A_TIME;
        }
    }

    private static Type event(
        final String name, final List<String> required, final List<String> optional, final boolean repScoped)
    {
        final HashSet<String> allowed = new HashSet<>(required);
        allowed.addAll(optional);
        allowed.add("id");
        allowed.add("at");
        final ArrayList<String> all = new ArrayList<>(List.of("id"));
        all.addAll(required);
        return new Type(name, Set.copyOf(allowed), List.copyOf(all), repScoped);
    }

    private static Spec text(final int minBytes, final int maxBytes)
    {
        return new Spec(Kind.TEXT, minBytes, maxBytes, Set.of());
    }

    private static Spec choice(final String[] choices)
    {
        return new Spec(Kind.CHOICE, 0, 0, Set.of(choices));
    }
}
