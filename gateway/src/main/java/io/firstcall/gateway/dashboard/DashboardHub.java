package io.firstcall.gateway.dashboard;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;

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
    /** How often the loop takes what the projection published: the board trails the journals by about this. */
    static final long DRAIN_MS = 50;
    private static final long TICK_MS = 1000;
    private static final int CHANGES_CAPACITY = 256;

    private EventLoop loop;
    private final int maxLeads;
    private final LongSupplier epochMs;
    private LatencySeries latency;
    private volatile boolean started;
    private final SpeedFigures speed;
    private final LinkedHashMap<String, BoardCard> leads = new LinkedHashMap<>();
    private final LinkedHashMap<String, BoardCard> reps = new LinkedHashMap<>();
    private final Map<Channel, Viewer> subscribers = new HashMap<>();
    private final OneToOneConcurrentArrayQueue<BoardChanges> published = new OneToOneConcurrentArrayQueue<>(CHANGES_CAPACITY);
    private ScheduledFuture<?> ticker;
    private ScheduledFuture<?> drainer;
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
        drainer = loop.scheduleAtFixedRate(this::drain, DRAIN_MS, DRAIN_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * @return whether {@link #offer} takes changes now: the hub has its event loop and room for them.
     * Until it does, the projection keeps them (they are not lost, only later).
     */
    boolean isTaking()
    {
        return started && published.remainingCapacity() > 0;
    }

    void stop()
    {
        if (null != ticker)
        {
            ticker.cancel(false);
            drainer.cancel(false);
        }
    }

    /**
     * From the projection's thread, after {@link #isTaking()}: the hub's loop takes them within
     * {@link #DRAIN_MS}. The projection's thread never calls into Netty: the loop polls.
     */
    void offer(final BoardChanges changes)
    {
        if (!published.offer(changes))
        {
            throw new IllegalStateException("offered without room: call isTaking() first");
        }
    }

    /**
     * On the loop: apply and pass on everything published since the last drain, in order.
     */
    void drain()
    {
        BoardChanges changes;
        while (null != (changes = published.poll()))
        {
            apply(changes);
        }
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
