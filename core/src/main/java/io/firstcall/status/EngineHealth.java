package io.firstcall.status;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Whether the engine can do its job and, when it cannot, why. Each {@link Problem} is reported by the
 * part of the engine that sees it start and cleared by the same part when it is over; that span is an
 * episode, and it is logged once when it starts and once when it ends, never per event. Safe to read
 * from any thread ({@code /health}); {@link #has} is one volatile read, for the hot path.
 */
public final class EngineHealth
{
    /**
     * What can be wrong, each with the words an operator reads first.
     */
    public enum Problem
    {
        /** Appends or syncs of the input journal fail: events are refused with journal_unavailable. */
        INPUT_JOURNAL("input journal"),
        /** An output append failed: outputs are delivered but no longer journaled until a restart. */
        OUTPUT_JOURNAL("output journal"),
        /** The data directory's filesystem is below its minimum free space: events are refused. */
        DISK_SPACE("disk space");

        private final String label;

        Problem(final String label)
        {
            this.label = label;
        }

        public String label()
        {
            return label;
        }
    }

    private final AtomicReferenceArray<String> reasons = new AtomicReferenceArray<>(Problem.values().length);
    private final Logger logger;

    public EngineHealth()
    {
        this(System.getLogger(CountingErrorHandler.LOGGER_NAME));
    }

    EngineHealth(final Logger logger)
    {
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    /**
     * Report a problem, or update the reason of one already reported.
     *
     * @param reason what is wrong and what the engine does about it, for operators.
     * @return true when this starts an episode: the problem was not reported before.
     */
    public boolean report(final Problem problem, final String reason)
    {
        final boolean started = null == reasons.getAndSet(problem.ordinal(), Objects.requireNonNull(reason, "reason"));
        if (started)
        {
            log(Level.ERROR, problem.label + ": " + reason);
        }
        return started;
    }

    /**
     * End a problem's episode, if it has one.
     *
     * @param resolution what changed, for operators.
     * @return true when an episode ended.
     */
    public boolean clear(final Problem problem, final String resolution)
    {
        final boolean ended = null != reasons.getAndSet(problem.ordinal(), null);
        if (ended)
        {
            log(Level.INFO, problem.label + ": " + resolution);
        }
        return ended;
    }

    /**
     * @return true while the problem is reported.
     */
    public boolean has(final Problem problem)
    {
        return null != reasons.get(problem.ordinal());
    }

    /**
     * @return true when no problem is reported.
     */
    public boolean isUp()
    {
        for (int i = 0, length = reasons.length(); i < length; i++)
        {
            if (null != reasons.get(i))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @return each reported problem as "label: reason", empty when up.
     */
    public List<String> problems()
    {
        final List<String> problems = new ArrayList<>();
        for (final Problem problem : Problem.values())
        {
            final String reason = reasons.get(problem.ordinal());
            if (null != reason)
            {
                problems.add(problem.label + ": " + reason);
            }
        }
        return problems;
    }

    private void log(final Level level, final String message)
    {
        try
        {
            logger.log(level, message);
        }
        catch (final RuntimeException ignore)
        {
            // A broken logger must not stop the engine; the state is still readable on /health.
        }
    }
}
