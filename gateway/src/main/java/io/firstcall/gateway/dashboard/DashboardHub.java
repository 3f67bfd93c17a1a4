package io.firstcall.gateway.dashboard;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Serves the board to the browsers, on one event loop: it keeps the latest {@link BoardCard} of every
 * lead and rep on the board (as the projection published them), sends each new subscriber a snapshot
 * of what its {@link Viewer} may see, then every published change it may see, and once a second the
 * speed-to-lead figures and (to the operator) the latency plot. A change that takes a card out of a
 * viewer's sight (an offer withdrawn from a rep) is sent to that viewer as a removal.
 * <p>
 * A browser that does not read is not waited for: past {@link #MAX_PENDING_BYTES} of unsent messages
 * it is closed (code 1013, try again later), and the page reconnects and starts from a new snapshot.
 */
final class DashboardHub
{
    static final int SNAPSHOT_CHUNK = 500;
    static final long MAX_PENDING_BYTES = 32L * 1024 * 1024;
    private static final long TICK_MS = 1000;

    private EventLoop loop;
    private final int maxLeads;
    private final LongSupplier epochMs;
    private LatencySeries latency;
    private volatile boolean started;
    private final SpeedFigures speed;
    private final LinkedHashMap<String, BoardCard> leads = new LinkedHashMap<>();
    private final LinkedHashMap<String, BoardCard> reps = new LinkedHashMap<>();
    private final Map<Channel, Viewer> subscribers = new HashMap<>();
    private ScheduledFuture<?> ticker;
    private long engineNs;

    DashboardHub(
        final int maxLeads,
        final LongSupplier epochMs,
        final SpeedFigures speed)
    {
        this.maxLeads = maxLeads;
        this.epochMs = epochMs;
        this.speed = speed;
    }

    /**
     * @param latency the operator's latency plot; null for none.
     */
    void start(final EventLoop loop, final LatencySeries latency)
    {
        this.loop = loop;
        this.latency = latency;
        started = true;
        ticker = loop.scheduleAtFixedRate(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * @return whether {@link #offer} may be called: the hub has its event loop.
     */
    boolean isStarted()
    {
        return started;
    }

    void stop()
    {
        if (null != ticker)
        {
            ticker.cancel(false);
        }
    }

    /**
     * From the projection's thread: apply the changes on the hub's loop and pass them on.
     */
    void offer(final BoardChanges changes)
    {
        loop.execute(() -> apply(changes));
    }

    /**
     * From the connection's loop, once its hello is accepted.
     */
    void subscribe(final Channel channel, final Viewer viewer)
    {
        loop.execute(() ->
        {
            if (channel.isActive())
            {
                subscribers.put(channel, viewer);
                channel.closeFuture().addListener(f -> loop.execute(() -> subscribers.remove(channel)));
                sendSnapshot(channel, viewer);
                sendSpeed(channel, viewer);
            }
        });
    }

    int subscriberCount()
    {
        return subscribers.size();
    }

    private void apply(final BoardChanges changes)
    {
        engineNs = changes.engineNs();
        final Map<Channel, DashboardMessage> outgoing = new HashMap<>();
        for (final Map.Entry<Channel, Viewer> subscriber : subscribers.entrySet())
        {
            outgoing.put(subscriber.getKey(), new DashboardMessage("delta", epochMs.getAsLong(), engineNs));
        }
        for (final BoardCard card : changes.leads())
        {
            final BoardCard before = card.isRemoval() ? leads.remove(card.key()) : leads.put(card.key(), card);
            route(outgoing, before, card, true);
        }
        for (final BoardCard card : changes.reps())
        {
            final BoardCard before = reps.put(card.key(), card);
            route(outgoing, before, card, false);
        }
        for (final Map.Entry<Channel, DashboardMessage> message : outgoing.entrySet())
        {
            if (!message.getValue().isEmpty())
            {
                send(message.getKey(), message.getValue().toJson());
            }
        }
    }

    private void route(
        final Map<Channel, DashboardMessage> outgoing, final BoardCard before, final BoardCard card, final boolean isLead)
    {
        for (final Map.Entry<Channel, Viewer> subscriber : subscribers.entrySet())
        {
            final Viewer viewer = subscriber.getValue();
            final DashboardMessage message = outgoing.get(subscriber.getKey());
            final String json = card.jsonFor(viewer);
            if (null != json)
            {
                message.add(isLead, json);
            }
            else if (null != before && null != before.jsonFor(viewer))
            {
                message.remove(isLead, card.key());
            }
        }
    }

    private void sendSnapshot(final Channel channel, final Viewer viewer)
    {
        final long nowMs = epochMs.getAsLong();
        final List<String> visibleLeads = new ArrayList<>();
        for (final BoardCard card : leads.values())
        {
            final String json = card.jsonFor(viewer);
            if (null != json)
            {
                visibleLeads.add(json);
            }
        }
        DashboardMessage chunk = new DashboardMessage("snapshot", nowMs, engineNs);
        for (final BoardCard card : reps.values())
        {
            final String json = card.jsonFor(viewer);
            if (null != json)
            {
                chunk.add(false, json);
            }
        }
        int inChunk = 0;
        for (final String json : visibleLeads)
        {
            chunk.add(true, json);
            if (++inChunk == SNAPSHOT_CHUNK)
            {
                send(channel, chunk.toJson());
                chunk = new DashboardMessage("snapshot", nowMs, engineNs).continued();
                inChunk = 0;
            }
        }
        send(channel, chunk.last().toJson());
    }

    private void tick()
    {
        if (subscribers.isEmpty())
        {
            return;
        }
        final long nowMs = epochMs.getAsLong();
        String latencyJson = null;
        for (final Map.Entry<Channel, Viewer> subscriber : new ArrayList<>(subscribers.entrySet()))
        {
            final Viewer viewer = subscriber.getValue();
            if (viewer.isOperator() && null != latency)
            {
                if (null == latencyJson)
                {
                    latencyJson = latency.sample(nowMs);
                }
                send(subscriber.getKey(), latencyJson);
            }
            sendSpeed(subscriber.getKey(), viewer);
        }
    }

    private void sendSpeed(final Channel channel, final Viewer viewer)
    {
        final String json = speed.message(viewer, epochMs.getAsLong());
        if (null != json)
        {
            send(channel, json);
        }
    }

    private void send(final Channel channel, final String json)
    {
        if (!channel.isActive())
        {
            return;
        }
        if (channel.bytesBeforeWritable() > MAX_PENDING_BYTES)
        {
            subscribers.remove(channel);
            channel.writeAndFlush(new CloseWebSocketFrame(1013, "too slow: reconnect for a fresh snapshot"))
                .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        channel.writeAndFlush(new TextWebSocketFrame(json));
    }

    int maxLeads()
    {
        return maxLeads;
    }
}
