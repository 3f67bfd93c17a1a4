package io.firstcall.audit;

import io.firstcall.support.SpeedToLeadScript;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.firstcall.audit.ResponseBucket.NEVER;
import static io.firstcall.audit.ResponseBucket.OVER_30_MIN;
import static io.firstcall.audit.ResponseBucket.WITHIN_30_MIN;
import static io.firstcall.audit.ResponseBucket.WITHIN_5_MIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every figure of the speed-to-lead report on {@link SpeedToLeadScript}, each expected value worked
 * out by hand from the script (see its table): never read back from the output.
 */
class SpeedToLeadProjectionTest
{
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @TempDir
    Path dataDir;

    private TenantFigures acme;

    @BeforeEach
    void replayTheScript()
    {
        SpeedToLeadScript.write(dataDir);
        final SpeedToLeadProjection projection = new SpeedToLeadProjection(TimeUnit.HOURS.toNanos(24));
        try (DataDirectory data = DataDirectory.open(dataDir); JournalWalk walk = data.walk())
        {
            walk.drain(projection);
        }
        final SpeedToLeadSnapshot snapshot = projection.snapshot();
        assertEquals(List.of("acme"), List.copyOf(snapshot.tenants().keySet()));
        acme = snapshot.tenants().get("acme");
    }

    @Test
    void shouldPutEachHotLeadInItsBucket()
    {
        final Figures total = acme.total();
        assertEquals(6, total.hotLeads(), "L1..L6; L7 never became hot");
        assertEquals(1, total.open(), "L6: hot 1h before the journal ends, not called");
        assertEquals(1, total.leads(WITHIN_5_MIN), "L1 at 2m");
        assertEquals(1, total.leads(WITHIN_30_MIN), "L2 at 20m");
        assertEquals(1, total.leads(OVER_30_MIN), "L3 at 45m");
        assertEquals(2, total.leads(NEVER), "L4 never called, L5 called after 26h");
    }

    @Test
    void shouldMeasureResponseTimesFromHotAndFromTheForm()
    {
        final ResponseTimes fromHot = acme.total().fromHot();
        assertEquals(3, fromHot.count());
        assertEquals((120.0 + 1200 + 2700) / 3 * SECOND, fromHot.meanNs(), 1e-3);
        assertEquals(1200 * SECOND, fromHot.medianNs(), "2nd of 120, 1200, 2700 s");
        assertEquals(2700 * SECOND, fromHot.p90Ns(), "3rd of 3");

        final ResponseTimes fromForm = acme.total().fromForm();
        assertEquals(3, fromForm.count(), "L1 120 s, L2 3000 s (from its ebook form), L3 2700 s");
        assertEquals((120.0 + 3000 + 2700) / 3 * SECOND, fromForm.meanNs(), 1e-3);
        assertEquals(2700 * SECOND, fromForm.medianNs());
        assertEquals(3000 * SECOND, fromForm.p90Ns());
    }

    @Test
    void shouldCountOutcomesByBucket()
    {
        final Figures total = acme.total();
        assertEquals(1, total.connected(WITHIN_5_MIN));
        assertEquals(1, total.qualified(WITHIN_5_MIN));
        assertEquals(1, total.converted(WITHIN_5_MIN));
        assertEquals(1.0, total.rate(total.converted(WITHIN_5_MIN), WITHIN_5_MIN));
        assertEquals(1, total.opportunities(WITHIN_5_MIN));
        assertEquals(120_050, total.opportunityCents(WITHIN_5_MIN));

        assertEquals(1, total.connected(WITHIN_30_MIN));
        assertEquals(0, total.qualified(WITHIN_30_MIN));
        assertEquals(0, total.converted(WITHIN_30_MIN));
        assertEquals(1, total.opportunities(WITHIN_30_MIN));
        assertEquals(50_000, total.opportunityCents(WITHIN_30_MIN));

        for (final ResponseBucket bucket : List.of(OVER_30_MIN, NEVER))
        {
            assertEquals(0, total.connected(bucket) + total.qualified(bucket) + total.converted(bucket) +
                total.opportunities(bucket), bucket.key());
            assertEquals(0.0, total.rate(total.connected(bucket), bucket));
        }
    }

    @Test
    void shouldGroupByRepWithAlertFatigue()
    {
        final Figures ana = acme.by(TenantFigures.Dimension.REP).get("ana");
        assertEquals(3, ana.hotLeads(), "L1, L3, L5: she made their first calls");
        assertEquals(1, ana.leads(WITHIN_5_MIN));
        assertEquals(1, ana.leads(OVER_30_MIN));
        assertEquals(1, ana.leads(NEVER));
        assertEquals((120.0 + 2700) / 2 * SECOND, ana.fromHot().meanNs(), 1e-3);
        assertEquals(120 * SECOND, ana.fromHot().medianNs(), "1st of 2");
        assertEquals(2700 * SECOND, ana.fromHot().p90Ns(), "2nd of 2");
        assertEquals(3, ana.alerts(), "L1, L3, L5");
        assertEquals(3, ana.claims());
        assertEquals(1.0, ana.claimRate());
        assertEquals(0, ana.lapses());
        assertEquals(0, ana.escalations());

        final Figures ben = acme.by(TenantFigures.Dimension.REP).get("ben");
        assertEquals(3, ben.hotLeads(), "L2 (his call), L4 and L6 (he owns them)");
        assertEquals(1, ben.leads(WITHIN_30_MIN));
        assertEquals(1, ben.leads(NEVER));
        assertEquals(1, ben.open());
        assertEquals(1200 * SECOND, ben.fromHot().medianNs());
        assertEquals(3, ben.alerts(), "L2, L4, L6");
        assertEquals(1, ben.claims(), "L2");
        assertEquals(1.0 / 3, ben.claimRate(), 1e-12);
        assertEquals(2, ben.lapses(), "L4, L6 lapsed");
        assertEquals(2, ben.escalations(), "L4, L6 escalated away from him");

        final Figures queue = acme.by(TenantFigures.Dimension.REP).get("west-managers");
        assertEquals(0, queue.hotLeads());
        assertEquals(2, queue.alerts(), "L4, L6 reached the queue");
    }

    @Test
    void shouldGroupByTeamAndBySource()
    {
        final Figures west = acme.by(TenantFigures.Dimension.TEAM).get("west");
        assertEquals(List.of("west"), List.copyOf(acme.by(TenantFigures.Dimension.TEAM).keySet()));
        assertEquals(6, west.hotLeads());
        assertEquals(8, west.alerts(), "6 first alerts and 2 to the queue");
        assertEquals(4, west.claims());
        assertEquals(2, west.lapses());
        assertEquals(2, west.escalations());

        final Figures web = acme.by(TenantFigures.Dimension.SOURCE).get("web");
        assertEquals(3, web.hotLeads(), "L1, L2, L5");
        assertEquals(1, web.leads(WITHIN_5_MIN));
        assertEquals(1, web.leads(WITHIN_30_MIN));
        assertEquals(1, web.leads(NEVER));
        assertEquals(1, web.opportunities(WITHIN_5_MIN));
        assertEquals(120_050, web.opportunityCents(WITHIN_5_MIN));
        assertEquals(1, web.opportunities(WITHIN_30_MIN));
        assertEquals(50_000, web.opportunityCents(WITHIN_30_MIN));

        final Figures ads = acme.by(TenantFigures.Dimension.SOURCE).get("ads");
        assertEquals(3, ads.hotLeads(), "L3, L4, L6");
        assertEquals(1, ads.leads(OVER_30_MIN));
        assertEquals(1, ads.leads(NEVER));
        assertEquals(1, ads.open());
        assertTrue(ads.opportunities(WITHIN_5_MIN) + ads.opportunities(OVER_30_MIN) + ads.opportunities(NEVER) == 0);
    }

    @Test
    void shouldKeepOnlyLeadsThatBecameHotInTheWindow()
    {
        final SpeedToLeadProjection window = new SpeedToLeadProjection(TimeUnit.HOURS.toNanos(24),
            SpeedToLeadScript.T0 + TimeUnit.HOURS.toNanos(2), SpeedToLeadScript.T0 + TimeUnit.HOURS.toNanos(4));
        try (DataDirectory data = DataDirectory.open(dataDir); JournalWalk walk = data.walk())
        {
            walk.drain(window);
        }
        final Figures total = window.snapshot().tenants().get("acme").total();
        assertEquals(2, total.hotLeads(), "L2 at 2h and L3 at 3h; L4 at 4h is outside [2h, 4h)");
        assertEquals(2, total.alerts(), "ben's L2 alert at 2h, ana's L3 alert at 3h");
    }
}
