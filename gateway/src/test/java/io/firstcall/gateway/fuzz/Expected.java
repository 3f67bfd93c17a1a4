package io.firstcall.gateway.fuzz;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the gateway must answer to one line or frame: an acknowledgement (its id, sequence and whether
 * it is a duplicate), a welcome, or an error with one of a set of codes (each with the fields it may
 * name), and whether the connection then closes. An input with several faults may be answered with
 * the code of any of them; with one fault the code is exact.
 */
final class Expected
{
    enum Kind
    {
        ACK, ERROR, WELCOME
    }

    /** The field of an error that names none. */
    static final String NO_FIELD = "";

    private final Kind kind;
    private final Map<String, Set<String>> codes = new LinkedHashMap<>();
    private boolean closes;
    private String id;
    private boolean idExact;
    private long sequence;
    private boolean duplicate;
    private String what;
    private byte[] input;

    private Expected(final Kind kind)
    {
        this.kind = kind;
    }

    static Expected ack(final String id, final long sequence, final boolean duplicate)
    {
        final Expected expected = new Expected(Kind.ACK);
        expected.id = id;
        expected.sequence = sequence;
        expected.duplicate = duplicate;
        return expected;
    }

    static Expected welcome()
    {
        return new Expected(Kind.WELCOME);
    }

    static Expected error()
    {
        return new Expected(Kind.ERROR);
    }

    /**
     * Allow {@code code} naming {@code field} (null: naming no field).
     */
    Expected code(final String code, final String field)
    {
        codes.computeIfAbsent(code, (c) -> new HashSet<>()).add(null == field ? NO_FIELD : field);
        return this;
    }

    Expected closes(final boolean closes)
    {
        this.closes = closes;
        return this;
    }

    /**
     * @param exact true when the reply must repeat exactly this id (and none when it is null), false
     *              when it may leave a readable id out.
     */
    Expected echo(final String id, final boolean exact)
    {
        this.id = id;
        this.idExact = exact;
        return this;
    }

    Expected describe(final String what, final byte[] input)
    {
        this.what = what;
        this.input = input;
        return this;
    }

    boolean isValid()
    {
        return codes.isEmpty();
    }

    Kind kind()
    {
        return kind;
    }

    Map<String, Set<String>> codes()
    {
        return codes;
    }

    boolean closes()
    {
        return closes;
    }

    String id()
    {
        return id;
    }

    boolean idExact()
    {
        return idExact;
    }

    long sequence()
    {
        return sequence;
    }

    boolean duplicate()
    {
        return duplicate;
    }

    String what()
    {
        return what;
    }

    byte[] input()
    {
        return input;
    }

    public String toString()
    {
        switch (kind)
        {
            case ACK:
                return "ack id=" + id + " seq=" + sequence + " duplicate=" + duplicate;
            case WELCOME:
                return "welcome";
            default:
                return "error " + codes + (closes ? ", closed" : ", open") + (null == id ? "" : " id=" + id);
        }
    }
}
