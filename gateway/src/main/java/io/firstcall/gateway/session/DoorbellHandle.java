package io.firstcall.gateway.session;

import io.netty.channel.nio.NioSelectableChannelIoHandle;

import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;

/**
 * The doorbell's pipe as Netty sees it: a selectable channel the delivery event loop's selector
 * watches next to its sockets, so a ring wakes the loop like a readable socket would, and no task is
 * ever queued on the loop from the engine thread.
 */
final class DoorbellHandle extends NioSelectableChannelIoHandle<Pipe.SourceChannel>
{
    private final DeliveryAgent agent;

    DoorbellHandle(final Pipe.SourceChannel source, final DeliveryAgent agent)
    {
        super(source);
        this.agent = agent;
    }

    protected void handle(final Pipe.SourceChannel channel, final SelectionKey key)
    {
        agent.onDoorbell();
    }
}
