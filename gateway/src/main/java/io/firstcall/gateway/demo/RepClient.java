package io.firstcall.gateway.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * A rep's desk: one rep connection that receives pushes and, for a fixed share of its alerts,
 * calls the lead at once ({@code "type":"call","outcome":"started"}), which claims it. Which alerts
 * it answers is decided by a hash of the seed and the lead, so a run is repeatable. A passive
 * client (the manager queue) only watches.
 */
final class RepClient implements AutoCloseable
{
    /** Share of alerts a rep answers with a call, in percent; the rest wait for the claim window. */
    static final int CLAIM_PERCENT = 75;

    private final JsonLineConnection connection;
    private final String rep;
    private final boolean claims;
    private final long seed;
    private final String idPrefix;
    private final DemoStats stats;
    private final AlertLatency latency;
    private final JsonLine json = new JsonLine();
    private final Thread reader;
    private volatile boolean closing;
    private long calls;

    private RepClient(
        final JsonLineConnection connection,
        final String rep,
        final boolean claims,
        final long seed,
        final String idPrefix,
        final DemoStats stats,
        final AlertLatency latency)
    {
        this.connection = connection;
        this.rep = rep;
        this.claims = claims;
        this.seed = seed;
        this.idPrefix = idPrefix;
        this.stats = stats;
        this.latency = latency;
        reader = new Thread(this::readLoop, "firstcall-demo-rep-" + rep);
        reader.setDaemon(true);
    }

    /**
     * Connect as {@code rep} of the tenant and start reading pushes.
     *
     * @param claims   whether this client answers alerts with calls.
     * @param idPrefix starts the ids of its calls, unique per run.
     */
    static RepClient connect(
        final InetSocketAddress address,
        final String tenant,
        final String repToken,
        final String rep,
        final boolean claims,
        final long seed,
        final String idPrefix,
        final DemoStats stats,
        final AlertLatency latency) throws IOException
    {
        final String hello = new JsonLine().type("hello").text("tenant", tenant).text("token", repToken)
            .text("role", "rep").text("rep", rep).end();
        final RepClient client = new RepClient(
            JsonLineConnection.open(address, hello, LeadSimulator.CONNECT_TIMEOUT_MS), rep, claims, seed, idPrefix,
            stats, latency);
        client.reader.start();
        return client;
    }

    /**
     * @return whether a rep answers the alert for this lead with a call: true for about
     * {@link #CLAIM_PERCENT}% of leads, always the same for the same seed and lead.
     */
    static boolean answers(final long seed, final String lead)
    {
        long h = seed ^ (lead.hashCode() * 0x9E3779B97F4A7C15L);
        h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
        h = (h ^ (h >>> 33)) * 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return Long.remainderUnsigned(h, 100) < CLAIM_PERCENT;
    }

    public void close()
    {
        closing = true;
        connection.close();
        try
        {
            reader.join(TimeUnit.SECONDS.toMillis(5));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void readLoop()
    {
        final PushLine push = new PushLine();
        try
        {
            String line;
            while (null != (line = connection.readLine()))
            {
                if (push.parse(line))
                {
                    onPush(push, line);
                }
                else
                {
                    stats.problem(rep + ": unreadable line from the server: " + line);
                }
            }
            if (!closing)
            {
                stats.problem(rep + ": connection closed by the server");
            }
        }
        catch (final IOException ex)
        {
            if (!closing)
            {
                stats.problem(rep + ": connection failed: " + ex.getMessage());
            }
        }
    }

    private void onPush(final PushLine push, final String line) throws IOException
    {
        switch (push.type)
        {
            case "alert":
                latency.onAlert(push.seq, System.nanoTime());
                stats.onAlert(push.lead, push.episode);
                if (claims && null != push.lead && answers(seed, push.lead))
                {
                    callNow(push.lead);
                }
                break;

            case "assigned":
                if ("claim".equals(push.reason))
                {
                    stats.onClaim(push.lead, push.episode);
                }
                break;

            case "escalation":
                stats.onEscalation(push.lead, push.episode);
                break;

            case "withdrawn":
                stats.withdrawn.incrementAndGet();
                break;

            case "claim_rejected":
                stats.claimRejected.incrementAndGet();
                break;

            case "ack":
                stats.repAcks.incrementAndGet();
                break;

            case "error":
                stats.onError(line);
                break;

            default:
                break;
        }
    }

    /**
     * The rep dials straight from the alert; on a rep connection "rep" defaults to this rep.
     */
    private void callNow(final String lead) throws IOException
    {
        final String id = idPrefix + "-" + rep + "-c" + ++calls;
        connection.write(json.type("call").text("id", id).text("lead", lead).text("outcome", "started").end());
        connection.flush();
        stats.callsByReps.incrementAndGet();
    }
}
