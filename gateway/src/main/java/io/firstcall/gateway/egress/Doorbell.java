package io.firstcall.gateway.egress;

import org.agrona.CloseHelper;
import org.agrona.concurrent.status.AtomicCounter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How the engine wakes the gateway's delivery event loop without touching Netty: one byte written to
 * a {@link Pipe} whose source the event loop's selector watches. Plain JDK, so the engine thread never
 * calls into the event loop (no task queue, no {@code Selector.wakeup} through Netty).
 * <p>
 * A wake-up already pending is not repeated: {@link #ring()} writes only when it turns the pending
 * flag on, and the event loop turns it off in {@link #answer()} after it has emptied the pipe and
 * before it reads the ring. So at most one byte is ever in the pipe, and a record committed before
 * {@link #ring()} is always read by the pass that follows: either
 * the ring finds the flag off and writes, or the flag is still on and the answering pass has not yet
 * turned it off (the turning off comes before that pass reads the ring).
 * <p>
 * Threads: {@link #ring()} from the engine's threads; {@link #answer()} from the delivery event loop.
 */
public final class Doorbell implements AutoCloseable
{
    private final Pipe pipe;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ByteBuffer bell = ByteBuffer.allocateDirect(1);
    private final ByteBuffer answered = ByteBuffer.allocateDirect(64);
    private final AtomicCounter rings;

    private Doorbell(final Pipe pipe, final AtomicCounter rings)
    {
        this.pipe = pipe;
        this.rings = rings;
    }

    /**
     * @param rings counts the wake-ups written.
     */
    public static Doorbell open(final AtomicCounter rings)
    {
        try
        {
            final Pipe pipe = Pipe.open();
            pipe.sink().configureBlocking(false);
            pipe.source().configureBlocking(false);
            return new Doorbell(pipe, rings);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open the delivery doorbell's pipe", ex);
        }
    }

    /**
     * @return the channel a selector watches for reads: readable once rung.
     */
    public Pipe.SourceChannel source()
    {
        return pipe.source();
    }

    /**
     * Engine thread: wake the delivery event loop unless a wake-up is pending. Never blocks.
     */
    public void ring()
    {
        // getAndSet is a full fence: the ring records committed before it are visible to the pass it wakes.
        if (!pending.getAndSet(true))
        {
            // The next winner may come while this one is still returning from the write, which moves the
            // buffer's position after the byte is already in the pipe: the lock keeps the two apart. It is
            // taken once per batch and contended only by the two threads of the pipelined topology.
            synchronized (bell)
            {
                try
                {
                    // Non-blocking; a full pipe (it never holds more than one byte) would wake the loop already.
                    pipe.sink().write(bell.clear());
                    rings.increment();
                }
                catch (final IOException ex)
                {
                    // Closed at shutdown: nobody is left to wake.
                }
            }
        }
    }

    /**
     * Delivery event loop: take the wake-up (empty the pipe), then allow the next one. Read the ring after this.
     */
    public void answer()
    {
        try
        {
            while (pipe.source().read(answered.clear()) > 0)
            {
                continue;
            }
        }
        catch (final IOException ex)
        {
            // Closed at shutdown.
        }
        pending.set(false);
    }

    public void close()
    {
        CloseHelper.closeAll(pipe.sink(), pipe.source());
    }
}
