package io.firstcall.gateway.json;

/**
 * The vocabulary of client field names, each with an index (its bit in the masks of
 * {@link EventType}), a kind and, for text, its bounds in UTF-8 bytes.
 */
final class Fields
{
    static final int TYPE = 0;
    static final int ID = 1;
    static final int AT = 2;
    static final int LEAD = 3;
    static final int REP = 4;
    static final int EMAIL = 5;
    static final int PHONE = 6;
    static final int NAME = 7;
    static final int COMPANY = 8;
    static final int INDUSTRY = 9;
    static final int REGION = 10;
    static final int PRODUCT = 11;
    static final int SOURCE = 12;
    static final int OWNER = 13;
    static final int TIMEZONE = 14;
    static final int EMPLOYEES = 15;
    static final int FORM = 16;
    static final int PAGE = 17;
    static final int MILESTONE = 18;
    static final int SCORE = 19;
    static final int STATUS = 20;
    static final int OUTCOME = 21;
    static final int RESULT = 22;
    static final int REASON = 23;
    static final int AMOUNT = 24;
    static final int TENANT = 25;
    static final int TOKEN = 26;
    static final int ROLE = 27;
    static final int COUNT = 28;

    static final int KIND_TEXT = 0;
    static final int KIND_CHOICE = 1;
    static final int KIND_INT = 2;
    static final int KIND_COUNT = 3;
    static final int KIND_TIME = 4;
    static final int KIND_MONEY = 5;

    /** Lead id, rep id and client id bound; tenant is tighter, every other text is 254. */
    static final int MAX_ID_BYTES = 64;
    static final int MAX_TENANT_BYTES = 32;
    static final int MAX_TEXT_BYTES = 254;

    static final String[] NAMES = new String[COUNT];
    static final int[] KIND = new int[COUNT];
    static final int[] MIN_BYTES = new int[COUNT];
    static final int[] MAX_BYTES = new int[COUNT];
    static final String[][] CHOICES = new String[COUNT][];
    /** Error reasons, built once so a rejected line costs no string building. */
    static final String[] TOO_LONG_REASON = new String[COUNT];
    static final String[] WRONG_VALUE_REASON = new String[COUNT];

    /** Profile fields a lead event has and a form event may carry inline. */
    static final long PROFILE = bits(EMAIL, PHONE, NAME, COMPANY, INDUSTRY, REGION, PRODUCT, SOURCE, OWNER,
        TIMEZONE, EMPLOYEES);

    static
    {
        text(ID, "id", 1, MAX_ID_BYTES);
        text(LEAD, "lead", 1, MAX_ID_BYTES);
        text(REP, "rep", 1, MAX_ID_BYTES);
        text(EMAIL, "email", 0, MAX_TEXT_BYTES);
        text(PHONE, "phone", 0, MAX_TEXT_BYTES);
        text(NAME, "name", 0, MAX_TEXT_BYTES);
        text(COMPANY, "company", 0, MAX_TEXT_BYTES);
        text(INDUSTRY, "industry", 0, MAX_TEXT_BYTES);
        text(REGION, "region", 0, MAX_TEXT_BYTES);
        text(PRODUCT, "product", 0, MAX_TEXT_BYTES);
        text(SOURCE, "source", 0, MAX_TEXT_BYTES);
        text(OWNER, "owner", 0, MAX_TEXT_BYTES);
        text(TIMEZONE, "timezone", 0, MAX_TEXT_BYTES);
        text(FORM, "form", 0, MAX_TEXT_BYTES);
        text(PAGE, "page", 0, MAX_TEXT_BYTES);
        text(MILESTONE, "milestone", 0, MAX_TEXT_BYTES);
        text(REASON, "reason", 0, MAX_TEXT_BYTES);
        text(TENANT, "tenant", 1, MAX_TENANT_BYTES);
        text(TOKEN, "token", 1, MAX_TEXT_BYTES);

        define(TYPE, "type", KIND_CHOICE);
        define(AT, "at", KIND_TIME);
        define(EMPLOYEES, "employees", KIND_COUNT);
        define(SCORE, "score", KIND_INT);
        define(AMOUNT, "amount", KIND_MONEY);
        choice(STATUS, "status", "available", "busy", "offline");
        choice(OUTCOME, "outcome", "started", "connected", "no_answer", "voicemail");
        choice(RESULT, "result", "qualified", "disqualified");
        choice(ROLE, "role", "rep");

        WRONG_VALUE_REASON[TYPE] = "must be a string";
        WRONG_VALUE_REASON[AT] = "must be an ISO-8601 time with Z or an offset " +
            "(2026-11-26T10:15:30Z, 2026-11-26T12:15:30+02:00) or epoch milliseconds";
        WRONG_VALUE_REASON[EMPLOYEES] = "must be an integer from 0 to 2147483647";
        WRONG_VALUE_REASON[SCORE] = "must be a 32-bit integer";
        WRONG_VALUE_REASON[AMOUNT] = "must be a non-negative number with at most 2 decimals";
    }

    private Fields()
    {
    }

    /**
     * @param name a canonical field name from the parser.
     * @return the field's index or -1 when the protocol has no such field.
     */
    static int indexOf(final String name)
    {
        switch (name)
        {
            case "type": return TYPE;
            case "id": return ID;
            case "at": return AT;
            case "lead": return LEAD;
            case "rep": return REP;
            case "email": return EMAIL;
            case "phone": return PHONE;
            case "name": return NAME;
            case "company": return COMPANY;
            case "industry": return INDUSTRY;
            case "region": return REGION;
            case "product": return PRODUCT;
            case "source": return SOURCE;
            case "owner": return OWNER;
            case "timezone": return TIMEZONE;
            case "employees": return EMPLOYEES;
            case "form": return FORM;
            case "page": return PAGE;
            case "milestone": return MILESTONE;
            case "score": return SCORE;
            case "status": return STATUS;
            case "outcome": return OUTCOME;
            case "result": return RESULT;
            case "reason": return REASON;
            case "amount": return AMOUNT;
            case "tenant": return TENANT;
            case "token": return TOKEN;
            case "role": return ROLE;
            default: return -1;
        }
    }

    static long bits(final int... fields)
    {
        long mask = 0;
        for (final int field : fields)
        {
            mask |= 1L << field;
        }

        return mask;
    }

    /**
     * @return the index of {@code chars} in {@code choices} or -1.
     */
    static int match(final String[] choices, final char[] chars, final int offset, final int length)
    {
        for (int i = 0; i < choices.length; i++)
        {
            if (equals(choices[i], chars, offset, length))
            {
                return i;
            }
        }

        return -1;
    }

    static boolean equals(final String value, final char[] chars, final int offset, final int length)
    {
        if (value.length() != length)
        {
            return false;
        }

        for (int i = 0; i < length; i++)
        {
            if (value.charAt(i) != chars[offset + i])
            {
                return false;
            }
        }

        return true;
    }

    private static void text(final int field, final String name, final int minBytes, final int maxBytes)
    {
        define(field, name, KIND_TEXT);
        MIN_BYTES[field] = minBytes;
        MAX_BYTES[field] = maxBytes;
        TOO_LONG_REASON[field] = "must be at most " + maxBytes + " UTF-8 bytes";
        WRONG_VALUE_REASON[field] = "must be a string";
    }

    private static void choice(final int field, final String name, final String... choices)
    {
        define(field, name, KIND_CHOICE);
        CHOICES[field] = choices;
        WRONG_VALUE_REASON[field] = "must be one of " + String.join(", ", choices);
    }

    private static void define(final int field, final String name, final int kind)
    {
        NAMES[field] = name;
        KIND[field] = kind;
    }
}
