package io.firstcall.gateway.json;

import static io.firstcall.gateway.json.Fields.AMOUNT;
import static io.firstcall.gateway.json.Fields.AT;
import static io.firstcall.gateway.json.Fields.FORM;
import static io.firstcall.gateway.json.Fields.ID;
import static io.firstcall.gateway.json.Fields.LEAD;
import static io.firstcall.gateway.json.Fields.MILESTONE;
import static io.firstcall.gateway.json.Fields.OUTCOME;
import static io.firstcall.gateway.json.Fields.PAGE;
import static io.firstcall.gateway.json.Fields.PROFILE;
import static io.firstcall.gateway.json.Fields.REASON;
import static io.firstcall.gateway.json.Fields.REP;
import static io.firstcall.gateway.json.Fields.RESULT;
import static io.firstcall.gateway.json.Fields.ROLE;
import static io.firstcall.gateway.json.Fields.SCORE;
import static io.firstcall.gateway.json.Fields.STATUS;
import static io.firstcall.gateway.json.Fields.TENANT;
import static io.firstcall.gateway.json.Fields.TOKEN;
import static io.firstcall.gateway.json.Fields.TYPE;
import static io.firstcall.gateway.json.Fields.bits;

/**
 * The client line types with the fields each allows and requires. "type" is allowed everywhere;
 * "at" everywhere but hello.
 */
enum EventType
{
    LEAD_UPSERT("lead", bits(ID, AT, LEAD) | PROFILE, bits(ID, LEAD), false),
    FORM_SUBMITTED("form", bits(ID, AT, LEAD, FORM) | PROFILE, bits(ID, LEAD, FORM), false),
    PAGE_VISITED("visit", bits(ID, AT, LEAD, PAGE), bits(ID, LEAD, PAGE), false),
    TRIAL_MILESTONE("trial", bits(ID, AT, LEAD, MILESTONE), bits(ID, LEAD, MILESTONE), false),
    SCORE_UPDATED("score", bits(ID, AT, LEAD, SCORE), bits(ID, LEAD, SCORE), false),
    REP_PRESENCE("presence", bits(ID, AT, REP, STATUS), bits(ID, REP, STATUS), true),
    CALL_ACTIVITY("call", bits(ID, AT, LEAD, REP, OUTCOME), bits(ID, LEAD, REP, OUTCOME), true),
    EMAIL_SENT("email", bits(ID, AT, LEAD, REP), bits(ID, LEAD, REP), true),
    SMS_SENT("sms", bits(ID, AT, LEAD, REP), bits(ID, LEAD, REP), true),
    QUALIFICATION("qualify", bits(ID, AT, LEAD, REP, RESULT, REASON), bits(ID, LEAD, REP, RESULT), true),
    OPPORTUNITY_CREATED("opportunity", bits(ID, AT, LEAD, REP, AMOUNT), bits(ID, LEAD, REP, AMOUNT), true),
    LEAD_CONVERTED("converted", bits(ID, AT, LEAD), bits(ID, LEAD), false),
    HELLO("hello", bits(ID, TENANT, TOKEN, ROLE, REP), bits(TENANT, TOKEN), false);

    /** values() clones its array on every call. */
    static final EventType[] VALUES = values();
    static final String[] WIRE_NAMES = new String[VALUES.length];

    static
    {
        for (final EventType type : VALUES)
        {
            WIRE_NAMES[type.ordinal()] = type.wireName;
        }
    }

    final String wireName;
    final long allowed;
    final long required;
    /** Whether a rep connection may send it, its "rep" defaulting to the connection's rep. */
    final boolean repScoped;

    EventType(final String wireName, final long allowed, final long required, final boolean repScoped)
    {
        this.wireName = wireName;
        this.allowed = allowed | bits(TYPE);
        this.required = required;
        this.repScoped = repScoped;
    }
}
