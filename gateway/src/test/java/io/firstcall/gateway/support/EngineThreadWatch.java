package io.firstcall.gateway.support;

import io.netty.channel.IoEventLoop;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SingleThreadIoEventLoop;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;

/**
 * Catches the engine's threads calling into Netty at run time. The engine's threads come from
 * {@link #engineThreads()}; the gateway's event loops from {@link #ioGroup(int)}, whose loops note every
 * {@code inEventLoop} check made on an engine thread. Netty makes that check first in everything a
 * foreign thread can do to a loop or a channel: execute or schedule a task, write, flush or close a
 * channel, fire a pipeline event. So any such call from the engine's threads is recorded with its stack.
 */
public final class EngineThreadWatch
{
    private final Set<Thread> engineThreads = ConcurrentHashMap.newKeySet();
    private final List<String> violations = new ArrayList<>();

    /**
     * @return the factory the engine makes its threads with (EngineContext.threadFactory).
     */
    public ThreadFactory engineThreads()
    {
        return (runnable) ->
        {
            final Thread thread = new Thread(runnable, "watched-engine-" + engineThreads.size());
            thread.setDaemon(true);
            engineThreads.add(thread);
            return thread;
        };
    }

    /**
     * @return an NIO event loop group of {@code threads} watching loops (GatewayContext.ioGroupFactory).
     */
    public IoEventLoopGroup ioGroup(final int threads)
    {
        return new WatchingGroup(threads, this);
    }

    /**
     * @return the stacks of every Netty entry made on an engine thread so far.
     */
    public synchronized List<String> violations()
    {
        return new ArrayList<>(violations);
    }

    /**
     * @return how many engine threads were made.
     */
    public int engineThreadCount()
    {
        return engineThreads.size();
    }

    private void check()
    {
        if (engineThreads.contains(Thread.currentThread()))
        {
            final StringWriter stack = new StringWriter();
            new Throwable("Netty entered on " + Thread.currentThread().getName()).printStackTrace(new PrintWriter(stack));
            synchronized (this)
            {
                violations.add(stack.toString());
            }
        }
    }

    private static final class WatchingGroup extends MultiThreadIoEventLoopGroup
    {
        WatchingGroup(final int threads, final EngineThreadWatch watch)
        {
            super(threads, new DefaultThreadFactory("watched-io", true), NioIoHandler.newFactory(), watch);
        }

        protected IoEventLoop newChild(final Executor executor, final IoHandlerFactory factory, final Object... args)
        {
            return new WatchingLoop(this, executor, factory, (EngineThreadWatch)args[0]);
        }
    }

    private static final class WatchingLoop extends SingleThreadIoEventLoop
    {
        private final EngineThreadWatch watch;

        WatchingLoop(
            final IoEventLoopGroup parent, final Executor executor, final IoHandlerFactory factory,
            final EngineThreadWatch watch)
        {
            super(parent, executor, factory);
            this.watch = watch;
        }

        public boolean inEventLoop(final Thread thread)
        {
            // Reached before the constructor has set the watch, while the loop is being made.
            if (null != watch)
            {
                watch.check();
            }
            return super.inEventLoop(thread);
        }
    }
}
