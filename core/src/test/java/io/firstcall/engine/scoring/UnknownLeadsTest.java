package io.firstcall.engine.scoring;

import io.firstcall.engine.lead.LeadTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.firstcall.engine.scoring.ScoringHarness.HOUR;
import static io.firstcall.engine.scoring.ScoringHarness.MINUTE;
import static io.firstcall.engine.scoring.ScoringHarness.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Leads never seen before: a form, trial milestone or score creates the lead from its inline
 * fields; a page visit by an unknown lead is counted as anonymous and changes nothing else.
 */
class UnknownLeadsTest
{
    static final String RULES = "tenant: acme\nscoring:\n  firmographic:\n    industry: {saas: 15}\n" +
        "    employees:\n      - {min: 100, points: 10}\n";

    private final ScoringHarness harness = new ScoringHarness();

    @Test
    void shouldCountAnonymousVisitsAndNeverCreateOrAlert()
    {
        harness.config(RULES, T0 - HOUR);
        harness.visit("cookie-1", "/pricing", T0)
            .visit("cookie-1", "/pricing", T0 + 2 * HOUR)
            .visit("", "/compare", T0 + 3 * HOUR);

        assertEquals(3, harness.machine.anonymousVisits("acme"));
        assertEquals(0, harness.machine.leads("acme").size());
        assertEquals(1, harness.outputs.lines().size(), "only the CONFIG_APPLIED record: " + harness.outputs.lines());
        assertEquals(-1, harness.machine.anonymousVisits("globex"));
    }

    @Test
    void shouldNotCountAnonymousVisitsOnceTheLeadIsKnown()
    {
        harness.config(RULES, T0 - HOUR);
        harness.visit("L1", "/pricing", T0);
        harness.lead("L1", null, -1, null, null, T0 + MINUTE);
        harness.visit("L1", "/pricing", T0 + 2 * HOUR);
        assertEquals(List.of(), harness.hotCriteria(), "the anonymous visit is no earlier visit of the known lead");

        harness.visit("L1", "/pricing", T0 + 4 * HOUR);
        assertEquals(List.of("[\"returnVisit:pricing\"]"), harness.hotCriteria());
        assertEquals(1, harness.machine.anonymousVisits("acme"));
    }

    @Test
    void shouldCreateLeadFromFormInlineFieldsAndScoreItsFit()
    {
        harness.config(RULES, T0 - HOUR);
        harness.form("L1", "demo_request", "saas", 500, "web", T0);

        assertEquals(1, harness.decisions("LEAD_CREATED").size());
        final String detail = harness.decisions("HOT").get(0).detail();
        assertTrue(detail.startsWith("{\"criteria\":[\"form:demo_request\",\"score>=50\"],\"score\":65," +
            "\"firmographic\":{\"total\":25,\"industry\":15,\"employees\":10}"), detail);
        assertEquals("Co L1", harness.machine.leads("acme").profileString(0, LeadTable.COMPANY));
    }

    @Test
    void shouldCreateLeadFromTrialAndScoreEvents()
    {
        harness.config(RULES, T0 - HOUR);
        harness.trial("T1", "invited_team", T0).score("S1", 12, T0);

        assertEquals(2, harness.decisions("LEAD_CREATED").size());
        assertEquals(2, harness.machine.leads("acme").size());
        assertEquals(List.of(), harness.hotCriteria());
    }
}
