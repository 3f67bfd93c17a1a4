package io.firstcall.gateway.session;

/**
 * Error codes the gateway itself answers with, beside the line codec's
 * {@link io.firstcall.gateway.json.JsonErrorCode}s. {@link #wireName()} is the "code" in the error
 * object; docs/protocol.md lists what each one means and whether the connection stays open.
 */
public enum GatewayErrorCode
{
    /** Unknown tenant or wrong token in the hello; the connection is closed. */
    UNAUTHORIZED("unauthorized"),
    /** A rep hello on a port that takes only sources (the SBE port); closed. */
    FORBIDDEN_ROLE("forbidden_role"),
    /** A JSON line (or WebSocket message) longer than the limit; closed. */
    LINE_TOO_LONG("line_too_long"),
    /** An SBE frame whose length prefix exceeds the limit; closed. */
    FRAME_TOO_LONG("frame_too_long"),
    /** The connection's input ended in the middle of a line or frame; closed. */
    TRUNCATED_FRAME("truncated_frame"),
    /** An SBE frame that is not a firstcall input message; closed. */
    MALFORMED_FRAME("malformed_frame"),
    /** A binary WebSocket message; the WebSocket speaks text only; closed. */
    UNSUPPORTED_FRAME("unsupported_frame"),
    /** (SBE) A variable-length field runs past the end of the message; stays open. */
    TRUNCATED_MESSAGE("truncated_message"),
    /** (SBE) Bytes after the message's last field; stays open. */
    TRAILING_BYTES("trailing_bytes"),
    /** (SBE) A message header version newer than the server's schema; stays open. */
    UNSUPPORTED_VERSION("unsupported_version"),
    /** An SBE event for another tenant than the connection's; the connection stays open. */
    WRONG_TENANT("wrong_tenant"),
    /** The journal did not take the event (failing, or the disk low): not acknowledged, send it again. Stays open. */
    JOURNAL_UNAVAILABLE("journal_unavailable"),
    /** The encoded event is larger than an engine ring slot; stays open. */
    EVENT_TOO_LARGE("event_too_large"),
    /** More events than the connection's or the tenant's rate limit; not journaled, stays open. */
    RATE_LIMITED("rate_limited"),
    /** A hello that would take the gateway over its limit of authenticated connections; closed. */
    TOO_MANY_CONNECTIONS("too_many_connections"),
    /** Too many connections were waiting for their hello and this one had waited longest; closed. */
    TOO_MANY_UNAUTHENTICATED("too_many_unauthenticated"),
    /** No valid hello within the hello timeout of the connection's start; closed. */
    HELLO_TIMEOUT("hello_timeout"),
    /** Nothing was received for the idle timeout; closed. */
    IDLE_TIMEOUT("idle_timeout"),
    /** A rep connection did not read its pushes fast enough; closed. */
    SLOW_CONSUMER("slow_consumer"),
    /** The gateway is shutting down; closed. */
    SHUTTING_DOWN("shutting_down"),
    /** A fault in the gateway itself; closed. */
    INTERNAL_ERROR("internal_error");

    private final String wireName;

    GatewayErrorCode(final String wireName)
    {
        this.wireName = wireName;
    }

    public String wireName()
    {
        return wireName;
    }
}
