package io.firstcall.audit;

import org.agrona.collections.Int2ObjectHashMap;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The speed-to-lead figures of every tenant as of one point of the journals: immutable, so the live
 * agent can publish one for the HTTP threads to read while it goes on.
 */
public final class SpeedToLeadSnapshot
{
    private final long inputs;
    private final long endNs;
    private final long neverAfterNs;
    private final long fromNs;
    private final long toNs;
    private final SortedMap<String, TenantFigures> tenants;

    private SpeedToLeadSnapshot(
        final long inputs, final long endNs, final long neverAfterNs, final long fromNs, final long toNs,
        final TreeMap<String, TenantFigures> tenants)
    {
        this.inputs = inputs;
        this.endNs = endNs;
        this.neverAfterNs = neverAfterNs;
        this.fromNs = fromNs;
        this.toNs = toNs;
        this.tenants = Collections.unmodifiableSortedMap(tenants);
    }

    static SpeedToLeadSnapshot empty(final long neverAfterNs)
    {
        return new SpeedToLeadSnapshot(0, Long.MIN_VALUE, neverAfterNs, Long.MIN_VALUE, Long.MAX_VALUE, new TreeMap<>());
    }

    static SpeedToLeadSnapshot of(final SpeedToLeadProjection projection)
    {
        final TreeMap<String, TenantFigures> tenants = new TreeMap<>();
        for (final TenantResponses tenant : projection.tenants())
        {
            tenants.put(tenant.tenant, figures(tenant, projection));
        }
        return new SpeedToLeadSnapshot(projection.inputs(), projection.endNs(), projection.neverAfterNs(),
            projection.fromNs(), projection.toNs(), tenants);
    }

    private static TenantFigures figures(final TenantResponses t, final SpeedToLeadProjection projection)
    {
        final long horizonNs = projection.neverAfterNs();
        final long endNs = projection.endNs();
        final FiguresBuilder total = new FiguresBuilder();
        final Int2ObjectHashMap<FiguresBuilder> teams = new Int2ObjectHashMap<>();
        final Int2ObjectHashMap<FiguresBuilder> reps = new Int2ObjectHashMap<>();
        final Int2ObjectHashMap<FiguresBuilder> sources = new Int2ObjectHashMap<>();
        final Function<Integer, FiguresBuilder> create = key -> new FiguresBuilder();
        for (int lead = 0, size = t.leads.size(); lead < size; lead++)
        {
            final long hotNs = t.hotNs[lead];
            if (TenantResponses.NEVER == hotNs || hotNs < projection.fromNs() || hotNs >= projection.toNs())
            {
                continue;
            }
            final long callNs = t.callNs[lead];
            final boolean called = TenantResponses.NEVER != callNs && callNs - hotNs <= horizonNs;
            final ResponseBucket bucket;
            if (called)
            {
                bucket = ResponseBucket.of(callNs - hotNs);
            }
            else
            {
                bucket = TenantResponses.NEVER != callNs || endNs - hotNs >= horizonNs ? ResponseBucket.NEVER : null;
            }
            final long formNs = t.formNs[lead];
            final long formCallNs = t.formCallNs[lead];
            final long formResponseNs = TenantResponses.NEVER != formNs && TenantResponses.NEVER != formCallNs &&
                formCallNs - formNs <= horizonNs ? formCallNs - formNs : -1;
            final long responseNs = called ? callNs - hotNs : -1;
            final int outcomes = t.outcomes[lead];
            final int opportunities = t.opportunities[lead];
            final long cents = t.opportunityCents[lead];
            final int rep = TenantResponses.NEVER != callNs ? t.callRep[lead] : t.owner[lead];

            total.lead(bucket, responseNs, formResponseNs, outcomes, opportunities, cents);
            teams.computeIfAbsent(t.team[lead], create).lead(bucket, responseNs, formResponseNs, outcomes, opportunities, cents);
            reps.computeIfAbsent(rep, create).lead(bucket, responseNs, formResponseNs, outcomes, opportunities, cents);
            sources.computeIfAbsent(t.source[lead], create).lead(bucket, responseNs, formResponseNs, outcomes, opportunities, cents);
        }
        for (int rep = 0, size = t.reps.size(); rep < size; rep++)
        {
            final long alerts = t.repAlerts[rep];
            final long claims = t.repClaims[rep];
            final long lapses = t.repLapses[rep];
            final long escalations = t.repEscalations[rep];
            if (0 == alerts + claims + lapses + escalations)
            {
                continue;
            }
            total.rep(alerts, claims, lapses, escalations);
            reps.computeIfAbsent(rep, create).rep(alerts, claims, lapses, escalations);
            teams.computeIfAbsent(t.repTeam[rep], create).rep(alerts, claims, lapses, escalations);
        }
        return new TenantFigures(t.tenant, total.build(), named(teams, i -> TenantResponses.name(t.teams, i)),
            named(reps, i -> TenantResponses.name(t.reps, i)), named(sources, i -> TenantResponses.name(t.sources, i)));
    }

    private static TreeMap<String, Figures> named(
        final Int2ObjectHashMap<FiguresBuilder> groups, final Function<Integer, String> names)
    {
        final TreeMap<String, Figures> named = new TreeMap<>();
        groups.forEach((index, builder) ->
        {
            final String name = names.apply(index);
            named.put(null == name ? TenantFigures.NONE : name, builder.build());
        });
        return named;
    }

    /**
     * @return inputs read.
     */
    public long inputs()
    {
        return inputs;
    }

    /**
     * @return the engine time of the latest entry read, {@link Long#MIN_VALUE} before any.
     */
    public long endNs()
    {
        return endNs;
    }

    public long neverAfterNs()
    {
        return neverAfterNs;
    }

    public long fromNs()
    {
        return fromNs;
    }

    public long toNs()
    {
        return toNs;
    }

    public Map<String, TenantFigures> tenants()
    {
        return tenants;
    }
}
