package io.firstcall.gateway.session;

/**
 * Where a connection's session is in its life. It only moves forward, and may skip states:
 * <pre>
 *   OPEN ──► INPUT_SHUT ──► FAILING ──► CLOSING ──► CLOSED
 * </pre>
 * So a failing session never becomes half-closed again: it closes once its error is written, whatever
 * the client does meanwhile; and a session the channel left ({@link #CLOSED}) stays closed.
 */
enum SessionState
{
    /** Reading lines and answering them. */
    OPEN,
    /** The client shut its output (half-close): lines already received are answered, then it closes. */
    INPUT_SHUT,
    /** An error ends it: no more lines are read; the replies due are written, the error last, then it closes. */
    FAILING,
    /** Closing: its last bytes are flushed (or, for a rep cut off, dropped); nothing more is written. */
    CLOSING,
    /** The channel is gone and the session's slot and rep membership are released. */
    CLOSED;

    /**
     * @return true when {@code next} is a legal next state.
     */
    boolean canMoveTo(final SessionState next)
    {
        return next.ordinal() > ordinal();
    }

    /**
     * @return true while lines are decoded and answered.
     */
    boolean isTakingLines()
    {
        return OPEN == this || INPUT_SHUT == this;
    }

    /**
     * @return true once closing has begun: nothing more is written or delivered.
     */
    boolean isClosing()
    {
        return CLOSING == this || CLOSED == this;
    }
}
