package io.firstcall.audit;

/**
 * The speed-to-lead figures of one group of hot leads (a tenant, or one team, rep or source of it):
 * how many, how soon they were called, what became of them by response bucket, and the alert fatigue
 * of the reps in the group. Immutable; times in nanoseconds of engine time.
 */
public final class Figures
{
    private final long hotLeads;
    private final long open;
    private final long[] bucketLeads;
    private final long[] connected;
    private final long[] qualified;
    private final long[] converted;
    private final long[] opportunities;
    private final long[] opportunityCents;
    private final ResponseTimes fromHot;
    private final ResponseTimes fromForm;
    private final long alerts;
    private final long claims;
    private final long lapses;
    private final long escalations;

    Figures(final FiguresBuilder b)
    {
        hotLeads = b.hotLeads;
        open = b.open;
        bucketLeads = b.bucketLeads.clone();
        connected = b.connected.clone();
        qualified = b.qualified.clone();
        converted = b.converted.clone();
        opportunities = b.opportunities.clone();
        opportunityCents = b.opportunityCents.clone();
        fromHot = ResponseTimes.of(b.fromHot);
        fromForm = ResponseTimes.of(b.fromForm);
        alerts = b.alerts;
        claims = b.claims;
        lapses = b.lapses;
        escalations = b.escalations;
    }

    /**
     * @return leads that became hot (in the window).
     */
    public long hotLeads()
    {
        return hotLeads;
    }

    /**
     * @return hot leads in no bucket yet: not called, and hot for less than the horizon at the journal's end.
     */
    public long open()
    {
        return open;
    }

    public long leads(final ResponseBucket bucket)
    {
        return bucketLeads[bucket.ordinal()];
    }

    public long connected(final ResponseBucket bucket)
    {
        return connected[bucket.ordinal()];
    }

    public long qualified(final ResponseBucket bucket)
    {
        return qualified[bucket.ordinal()];
    }

    public long converted(final ResponseBucket bucket)
    {
        return converted[bucket.ordinal()];
    }

    public long opportunities(final ResponseBucket bucket)
    {
        return opportunities[bucket.ordinal()];
    }

    public long opportunityCents(final ResponseBucket bucket)
    {
        return opportunityCents[bucket.ordinal()];
    }

    /**
     * @return {@code count / leads(bucket)}, or NaN for an empty bucket.
     */
    public double rate(final long count, final ResponseBucket bucket)
    {
        final long leads = leads(bucket);
        return 0 == leads ? Double.NaN : (double)count / leads;
    }

    /**
     * @return response times from becoming hot to the first call attempt, of the leads called within the horizon.
     */
    public ResponseTimes fromHot()
    {
        return fromHot;
    }

    /**
     * @return response times from the first form to the first call attempt after it, of the same hot leads.
     */
    public ResponseTimes fromForm()
    {
        return fromForm;
    }

    public long alerts()
    {
        return alerts;
    }

    /**
     * @return claims of alerts the rep held.
     */
    public long claims()
    {
        return claims;
    }

    /**
     * @return claims per alert, NaN without alerts.
     */
    public double claimRate()
    {
        return 0 == alerts ? Double.NaN : (double)claims / alerts;
    }

    /**
     * @return alerts withdrawn because the claim window lapsed and the lead escalated.
     */
    public long lapses()
    {
        return lapses;
    }

    /**
     * @return escalations away from the rep.
     */
    public long escalations()
    {
        return escalations;
    }
}
