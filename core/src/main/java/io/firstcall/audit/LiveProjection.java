package io.firstcall.audit;

/**
 * A read model kept live from the server's own journals by the {@link ProjectionAgent}: told every
 * journal entry in journal order, on the agent's thread, then asked now and then to publish what it
 * has for other threads (an immutable snapshot, or changes handed on). Never on the engine thread.
 */
public interface LiveProjection extends JournalListener
{
    /**
     * Called on the agent's thread after entries were handed over: when the agent has caught up with
     * the journals, and at least every publish interval while entries keep coming.
     *
     * @param nowNs    the agent's clock.
     * @param caughtUp true when the journals hold nothing more for now.
     */
    void publish(long nowNs, boolean caughtUp);
}
