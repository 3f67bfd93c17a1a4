package io.firstcall.support;

import io.firstcall.codec.CallOutcome;
import io.firstcall.codec.PresenceStatus;
import io.firstcall.codec.QualificationResult;
import io.firstcall.event.EventWriter;

import java.util.concurrent.TimeUnit;

/**
 * A scripted routing and scoring workload for the real {@code LeadStateMachine}, every event a pure
 * function of its number: two tenants configured by journaled changes (event 0 and 1, and a change
 * of acme's scoring model and roster at {@link #RULES_CHANGE_AT}), reps coming and going, lead
 * profiles, hot and ordinary forms, page visits (return visits among them), trial milestones and
 * external scores, claims (races and rejected ones among them), call outcomes, emails, texts,
 * qualifications, opportunities and conversions, and a tick closing every group of {@link #GROUP}
 * events. Lead ids slide through the id space, so leads stop being mentioned and are evicted.
 * <p>
 * Engine time is the caller's: {@link #timeNs} gives event i's (group by group), so a run that sets
 * its clock from it journals the same times however its threads are scheduled.
 */
public final class RoutingWorkload
{
    public static final String TENANT = "acme";
    public static final String OTHER_TENANT = "beta";
    public static final int GROUP = 20;
    public static final long T0 = TimeUnit.DAYS.toNanos(20_000) + TimeUnit.HOURS.toNanos(9);
    public static final long GROUP_STEP_NS = TimeUnit.SECONDS.toNanos(30);
    public static final int RULES_CHANGE_AT = 1_500;

    public static final String RULES = String.join("\n",
        "tenant: acme",
        "scoring:",
        "  firmographic:",
        "    industry: {saas: 15, fintech: 10}",
        "    employees: [{min: 50, max: 999, points: 5}, {min: 1000, points: 10}]",
        "    region: {emea: 5}",
        "  behaviour:",
        "    halfLife: 1h",
        "hot:",
        "  forms: [demo_request]",
        "  score: 60",
        "  trial: [activated]",
        "  returnVisit: {pages: [pricing], within: 1h, after: 2m}",
        "  cooldown: 10m",
        "claim:",
        "  window: 2m",
        "leads:",
        "  evictAfter: 20m",
        "routing:",
        "  holdFor: 15m",
        "teams:",
        "  - {id: west, visibility: owned, backupWindow: 1m, backup: r5, territory: {regions: [us-west]}}",
        "  - {id: emea, visibility: all, backup: r3, territory: {regions: [emea]}}",
        "  - {id: apac, visibility: role, territory: {regions: [apac]}}",
        "reps:",
        "  - {id: r0, team: west, weight: 1, backup: r1}",
        "  - {id: r1, team: west, weight: 2, capacity: 3}",
        "  - {id: r2, team: west, weight: 3, roles: {industries: [fintech]}}",
        "  - {id: r3, team: emea}",
        "  - {id: r4, team: emea, capacity: 2}",
        "  - {id: r5, team: apac, roles: {industries: [saas]}}",
        "  - {id: r6, team: apac, roles: {industries: [fintech]}, hours: {start: '09:00', end: '17:00', timezone: Asia/Tokyo}}",
        "");

    /**
     * Acme's rules from {@link #RULES_CHANGE_AT}: another scoring model (signals scored before name
     * the old one) and a roster with one more rep and other weights.
     */
    public static final String RULES_V2 = RULES.replace("halfLife: 1h", "halfLife: 2h\n    forms: {demo_request: 45, webinar: 12}")
        .replace("weight: 3", "weight: 1").replace("  - {id: r3, team: emea}", "  - {id: r3, team: emea}\n  - {id: r7, team: west}");

    public static final String OTHER_RULES = "tenant: beta\nleads: {evictAfter: 30m}\n";

    private static final String[] REGIONS = {"us-west", "us-west", "emea", "apac", "latam"};
    private static final String[] INDUSTRIES = {"saas", "fintech", "retail"};
    private static final String[] FORMS = {"demo_request", "webinar", "ebook_download", "demo_request"};
    private static final String[] PAGES = {"/pricing", "/compare/x", "/blog/post", "/pricing/enterprise"};
    private static final PresenceStatus[] PRESENCE = {
        PresenceStatus.AVAILABLE, PresenceStatus.AVAILABLE, PresenceStatus.AVAILABLE, PresenceStatus.BUSY, PresenceStatus.OFFLINE};
    private static final CallOutcome[] OUTCOMES = {CallOutcome.NO_ANSWER, CallOutcome.CONNECTED, CallOutcome.VOICEMAIL};

    private RoutingWorkload()
    {
    }

    /**
     * @return the engine time of event {@code i}: one {@link #GROUP_STEP_NS} per group.
     */
    public static long timeNs(final int i)
    {
        return T0 + (i / GROUP) * GROUP_STEP_NS;
    }

    /**
     * Write event {@code i}.
     *
     * @return its length.
     */
    public static int event(final EventWriter writer, final int i)
    {
        if (0 == i)
        {
            return writer.config(TENANT, "cfg-1", RULES);
        }
        if (1 == i)
        {
            return writer.config(OTHER_TENANT, "cfg-beta", OTHER_RULES);
        }
        if (RULES_CHANGE_AT == i)
        {
            return writer.config(TENANT, "cfg-2", RULES_V2);
        }
        if (i % GROUP == GROUP - 1)
        {
            return writer.tick();
        }
        final long h = mix(i);
        final String id = "e" + i;
        // About 40 leads in play at a time, the window moving on by one lead every 8 events.
        final String lead = "L" + (i / 8 + (int)((h >>> 8) % 40));
        final String rep = "r" + (int)((h >>> 16) % 8);
        final int dice = (int)((h >>> 24) % 100);
        final int pick = (int)(h >>> 40);
        if (dice < 8)
        {
            return writer.presence(TENANT, id, rep, PRESENCE[pick % PRESENCE.length]);
        }
        if (dice < 20)
        {
            return writer.lead(TENANT, id, lead, lead + "@example.com", "Name " + lead, "Co " + lead,
                INDUSTRIES[pick % INDUSTRIES.length], REGIONS[(pick >> 3) % REGIONS.length], (pick >> 6) % 3_000,
                0 == pick % 5 ? "partner" : "web", 0 == (pick >> 9) % 4 ? rep : null);
        }
        if (dice < 34)
        {
            return writer.form(TENANT, id, lead, FORMS[pick % FORMS.length]);
        }
        if (dice < 48)
        {
            return writer.visit(TENANT, id, lead, PAGES[pick % PAGES.length]);
        }
        if (dice < 52)
        {
            return writer.trial(TENANT, id, lead, 0 == pick % 3 ? "activated" : "invited_team");
        }
        if (dice < 56)
        {
            return writer.score(TENANT, id, lead, pick % 40);
        }
        if (dice < 72)
        {
            return writer.call(TENANT, id, lead, rep, CallOutcome.STARTED);
        }
        if (dice < 76)
        {
            return writer.call(TENANT, id, lead, rep, OUTCOMES[pick % OUTCOMES.length]);
        }
        if (dice < 80)
        {
            return writer.email(TENANT, id, lead, rep);
        }
        if (dice < 82)
        {
            return writer.sms(TENANT, id, lead, rep);
        }
        if (dice < 86)
        {
            return writer.qualify(TENANT, id, lead, rep, 0 == pick % 2 ? QualificationResult.QUALIFIED :
                QualificationResult.DISQUALIFIED, "fit");
        }
        if (dice < 88)
        {
            return writer.opportunity(TENANT, id, lead, rep, 100_000L + pick % 1_000);
        }
        if (dice < 90)
        {
            return writer.converted(TENANT, id, lead);
        }
        return 0 == pick % 2 ? writer.form(OTHER_TENANT, id, "B" + lead, "demo_request") :
            writer.visit(OTHER_TENANT, id, "B" + lead, "/pricing");
    }

    private static long mix(final int i)
    {
        long h = (i + 1) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 27;
        return h & Long.MAX_VALUE;
    }
}
