package io.firstcall.event;

/**
 * What {@link InputValidator} found wrong with an input message, in the order it checks. Only
 * {@link #MALFORMED} means the shared envelope (header, tenant, eventId) could not be read.
 */
public enum InputFault
{
    /** A whole, valid input message. */
    NONE("none"),
    /** Not a firstcall input whose envelope can be read: too short for the header, another schema, not an
     * input template, a block too short for the times, or tenant or eventId outside the message. */
    MALFORMED("malformed"),
    /** The header's version is newer than this build's schema. */
    UNSUPPORTED_VERSION("unsupported_version"),
    /** The block length is shorter than the template's fixed fields at the message's version. */
    BLOCK_TOO_SHORT("block_too_short"),
    /** A variable-length field (its length prefix or its bytes) runs past the end of the message. */
    TRUNCATED("truncated"),
    /** Bytes after the last field. */
    TRAILING_BYTES("trailing_bytes"),
    /** An enum field holds a value its enum does not define. */
    INVALID_VALUE("invalid_value"),
    /** A text field is not well-formed UTF-8. */
    INVALID_UTF8("invalid_utf8"),
    /** A text field is shorter than its bound: empty where it is required. */
    TOO_SHORT("too_short"),
    /** A text field is longer than its bound. */
    TOO_LONG("too_long");

    private final String label;

    InputFault(final String label)
    {
        this.label = label;
    }

    /**
     * @return the fault in lower case, as decision records name it.
     */
    public String label()
    {
        return label;
    }
}
