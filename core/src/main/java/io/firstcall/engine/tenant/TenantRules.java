package io.firstcall.engine.tenant;

import io.firstcall.engine.routing.Roster;
import io.firstcall.engine.scoring.HotCriteria;
import io.firstcall.engine.scoring.ScoringModel;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One tenant's rules, immutable once parsed. A new version arrives only as a journaled
 * configuration change, so replay applies it at the same position.
 */
public final class TenantRules
{
    public static final List<String> DEFAULT_HOT_FORMS = HotCriteria.DEFAULT_FORMS;
    public static final long DEFAULT_CLAIM_WINDOW_NS = Roster.DEFAULT_CLAIM_WINDOW_NS;
    public static final long DEFAULT_COOLDOWN_NS = HotCriteria.DEFAULT_COOLDOWN_NS;

    private final String tenant;
    private final long version;
    private final ScoringModel scoring;
    private final HotCriteria hot;
    private final Roster roster;
    private final long leadEvictionNs;

    TenantRules(
        final String tenant,
        final long version,
        final ScoringModel scoring,
        final HotCriteria hot,
        final Roster roster,
        final long leadEvictionNs)
    {
        this.tenant = tenant;
        this.version = version;
        this.scoring = scoring;
        this.hot = hot;
        this.roster = roster;
        this.leadEvictionNs = leadEvictionNs;
    }

    public String tenant()
    {
        return tenant;
    }

    /**
     * A stable 63-bit hash of the configuration document; decisions record it.
     */
    public long version()
    {
        return version;
    }

    /**
     * The lead score model: firmographic fit and decaying behavioural points.
     */
    public ScoringModel scoring()
    {
        return scoring;
    }

    /**
     * What makes a lead hot.
     */
    public HotCriteria hot()
    {
        return hot;
    }

    public List<String> hotForms()
    {
        return hot.forms().strings();
    }

    public long claimWindowNs()
    {
        return roster.claimWindowNs();
    }

    /**
     * How long after a hot episode opens a lead cannot open another.
     */
    public long cooldownNs()
    {
        return hot.cooldownNs();
    }

    public String managerQueue()
    {
        return new String(roster.managerQueue(), StandardCharsets.UTF_8);
    }

    /**
     * @return how long a lead with no activity and no open episode is kept before it is evicted
     * ({@code leads.evictAfter}); 0 when leads are never evicted.
     */
    public long leadEvictionNs()
    {
        return leadEvictionNs;
    }

    /**
     * Teams, reps and the routing policy; empty when the tenant configures no reps.
     */
    public Roster roster()
    {
        return roster;
    }
}
