package io.firstcall.gateway.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionStateTest
{
    @Test
    void shouldOnlyMoveForward()
    {
        for (final SessionState from : SessionState.values())
        {
            for (final SessionState to : SessionState.values())
            {
                assertEquals(to.ordinal() > from.ordinal(), from.canMoveTo(to), from + " -> " + to);
            }
        }
    }

    @Test
    void shouldNeverHalfCloseAFailingSessionNorReopenAClosedOne()
    {
        assertFalse(SessionState.FAILING.canMoveTo(SessionState.INPUT_SHUT));
        assertFalse(SessionState.CLOSED.canMoveTo(SessionState.OPEN));
        assertFalse(SessionState.CLOSED.canMoveTo(SessionState.CLOSED), "released once");
    }

    @Test
    void shouldTakeLinesUntilFailingAndWriteNothingOnceClosing()
    {
        assertTrue(SessionState.OPEN.isTakingLines());
        assertTrue(SessionState.INPUT_SHUT.isTakingLines(), "held lines of a half-closed client are answered");
        assertFalse(SessionState.FAILING.isTakingLines());
        assertFalse(SessionState.FAILING.isClosing(), "a failing session still writes the replies due");
        assertTrue(SessionState.CLOSING.isClosing());
        assertTrue(SessionState.CLOSED.isClosing());
    }
}
