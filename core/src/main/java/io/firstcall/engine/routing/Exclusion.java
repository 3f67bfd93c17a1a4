package io.firstcall.engine.routing;

import java.nio.charset.StandardCharsets;

/**
 * Why a rep was left out of a routing step; each decision record names it for every rep left out.
 */
public enum Exclusion
{
    OFFLINE("offline"),
    BUSY("busy"),
    OUTSIDE_HOURS("outside_hours"),
    AT_CAPACITY("at_capacity"),
    LAPSED("lapsed"),
    ROLE_MISMATCH("role_mismatch");

    private final byte[] wireName;

    Exclusion(final String wireName)
    {
        this.wireName = wireName.getBytes(StandardCharsets.US_ASCII);
    }

    public byte[] wireName()
    {
        return wireName;
    }
}
