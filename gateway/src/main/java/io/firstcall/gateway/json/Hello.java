package io.firstcall.gateway.json;

import java.nio.charset.StandardCharsets;

/**
 * The handshake line: {@code {"type":"hello","tenant":"t","token":"s"}}, optionally with
 * {@code "role":"rep","rep":"<id>"}. Decoded once per connection, so it is a plain immutable object.
 */
public final class Hello
{
    private final String tenant;
    private final String token;
    private final String rep;
    private final byte[] tenantBytes;
    private final byte[] repBytes;

    Hello(final String tenant, final String token, final String rep)
    {
        this.tenant = tenant;
        this.token = token;
        this.rep = rep;
        this.tenantBytes = tenant.getBytes(StandardCharsets.UTF_8);
        this.repBytes = null == rep ? null : rep.getBytes(StandardCharsets.UTF_8);
    }

    public String tenant()
    {
        return tenant;
    }

    /**
     * @return the credential to check; never logged by this class.
     */
    public String token()
    {
        return token;
    }

    /**
     * @return the rep id when the connection declared {@code "role":"rep"}, else null.
     */
    public String rep()
    {
        return rep;
    }

    public boolean isRep()
    {
        return null != rep;
    }

    /**
     * @return the tenant in UTF-8, as {@link JsonEventDecoder#decode} takes it. Do not modify.
     */
    public byte[] tenantBytes()
    {
        return tenantBytes;
    }

    /**
     * @return the rep id in UTF-8, as {@link JsonEventDecoder#connectionRep(byte[])} takes it, or null.
     */
    public byte[] repBytes()
    {
        return repBytes;
    }

    public String toString()
    {
        return "Hello{tenant=" + tenant + ", rep=" + rep + '}';
    }
}
