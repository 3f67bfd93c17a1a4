package io.firstcall.gateway.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulated clients saw, updated from their threads. Alerts, claims and escalations are
 * counted once per (lead, episode) whichever connections a push reached.
 */
final class DemoStats
{
    private static final int REMEMBERED_EPISODES = 100_000;
    private static final int MAX_PROBLEMS = 100;

    final AtomicLong sent = new AtomicLong();
    final AtomicLong acked = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong alerts = new AtomicLong();
    final AtomicLong claims = new AtomicLong();
    final AtomicLong escalations = new AtomicLong();
    final AtomicLong withdrawn = new AtomicLong();
    final AtomicLong claimRejected = new AtomicLong();
    final AtomicLong callsByReps = new AtomicLong();
    final AtomicLong repAcks = new AtomicLong();

    private final Queue<String> problems = new ConcurrentLinkedQueue<>();
    private final AtomicLong problemCount = new AtomicLong();
    private final Map<String, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, false)
    {
        private static final long serialVersionUID = 1L;

        protected boolean removeEldestEntry(final Map.Entry<String, Boolean> eldest)
        {
            return size() > REMEMBERED_EPISODES;
        }
    };

    void onAck(final boolean duplicate)
    {
        acked.incrementAndGet();
        if (duplicate)
        {
            duplicates.incrementAndGet();
        }
    }

    void onError(final String line)
    {
        errors.incrementAndGet();
        problem("server error: " + line);
    }

    void onAlert(final String lead, final long episode)
    {
        countOnce(alerts, "alert", lead, episode);
    }

    void onClaim(final String lead, final long episode)
    {
        countOnce(claims, "claim", lead, episode);
    }

    void onEscalation(final String lead, final long episode)
    {
        countOnce(escalations, "escalation", lead, episode);
    }

    /**
     * Something the operator should see (a refused event, a dropped connection); the first
     * {@value #MAX_PROBLEMS} are kept for printing, the rest only counted.
     */
    void problem(final String description)
    {
        if (problemCount.incrementAndGet() <= MAX_PROBLEMS)
        {
            problems.add(description);
        }
    }

    List<String> drainProblems()
    {
        final List<String> drained = new ArrayList<>();
        String problem;
        while (null != (problem = problems.poll()))
        {
            drained.add(problem);
        }
        return drained;
    }

    private void countOnce(final AtomicLong counter, final String kind, final String lead, final long episode)
    {
        final boolean first;
        synchronized (seen)
        {
            first = null == seen.put(kind + '/' + lead + '/' + episode, Boolean.TRUE);
        }
        if (first)
        {
            counter.incrementAndGet();
        }
    }
}
