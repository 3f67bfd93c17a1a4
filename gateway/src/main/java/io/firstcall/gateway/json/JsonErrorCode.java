package io.firstcall.gateway.json;

/**
 * Why a client line was rejected. {@link #wireName()} is the code sent back in the error line.
 */
public enum JsonErrorCode
{
    /** Not one complete JSON object: truncated, not an object, trailing data or bad UTF-8. */
    MALFORMED_JSON("malformed_json"),
    /** "type" names no event this protocol knows. */
    UNKNOWN_TYPE("unknown_type"),
    /** A required field is absent or null. */
    MISSING_FIELD("missing_field"),
    /** A field has the wrong JSON type, an out-of-range value, is empty or appears twice. */
    INVALID_FIELD("invalid_field"),
    /** A text field is longer in UTF-8 bytes than its bound. */
    FIELD_TOO_LONG("field_too_long"),
    /** A field this event type does not have. */
    UNKNOWN_FIELD("unknown_field"),
    /** A rep connection named a rep other than its own. */
    FORBIDDEN_REP("forbidden_rep"),
    /** The event type is not allowed on this connection. */
    FORBIDDEN_TYPE("forbidden_type");

    private final String wireName;

    JsonErrorCode(final String wireName)
    {
        this.wireName = wireName;
    }

    /**
     * @return the code as it appears in the protocol, e.g. {@code missing_field}.
     */
    public String wireName()
    {
        return wireName;
    }
}
