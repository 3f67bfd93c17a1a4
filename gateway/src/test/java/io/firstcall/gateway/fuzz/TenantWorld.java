package io.firstcall.gateway.fuzz;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The valid side of the storm for one tenant: a lead platform and its reps going about their day.
 * Leads are upserted and submit forms (hot ones among them), visit pages, hit trial milestones and get
 * external scores; reps change presence, call (a started call is the claim), email, text, qualify, open
 * opportunities; leads convert. Ids are unique per tenant; most events concern a working set of recent
 * leads, so scores build up and claims race.
 */
final class TenantWorld
{
    private static final String[] FORMS = {"demo_request", "pricing_inquiry", "free_trial", "contact_sales",
        "ebook_download", "webinar", "demo_request", "newsletter"};
    private static final String[] PAGES = {"/pricing", "/compare/us-vs-them", "/blog/speed-to-lead", "/careers",
        "https://example.io/pricing?plan=pro", "/docs", "/pricing", ""};
    private static final String[] MILESTONES = {"activated", "invited_team", "first_report", "churned"};
    private static final String[] INDUSTRIES = {"saas", "fintech", "retail", "SaaS", "education", ""};
    private static final String[] REGIONS = {"us-west", "us-west", "emea", "apac", "latam", "EMEA"};
    private static final String[] PRODUCTS = {"core", "crm", "analytics", ""};
    private static final String[] SOURCES = {"web", "ads", "partner", "event", ""};
    private static final String[] ZONES = {"Europe/London", "America/Los_Angeles", "Asia/Tokyo", "Not/AZone", ""};
    private static final String[] NAMES = {"Ann Ärger", "Bo Chen", "李雷", "Zoë Ødegård", "Renée 🚀 O'Neil",
        "\"Quoted\" \\ Name", "Dana Ito"};
    private static final String[] REASONS = {"budget", "no authority", "timing", "", "größer als gedacht"};
    private static final String[] AMOUNTS = {"1200.50", "0", "99.99", "15000", "0.01", "1e3", "12.5"};
    private static final int WORKING_SET = 200;

    private final String tenant;
    private final String leadPrefix;
    private final List<String> reps;
    private final List<String> owners = new ArrayList<>();
    private long events;
    private int leads;

    /**
     * @param reps the tenant's configured reps; owners may also be unknown reps, a manager queue or nobody.
     */
    TenantWorld(final String tenant, final List<String> reps, final String managerQueue)
    {
        this.tenant = tenant;
        this.leadPrefix = tenant + "-L";
        this.reps = reps;
        owners.addAll(reps);
        owners.add("");
        owners.add("");
        owners.add("nobody-" + tenant);
        owners.add(managerQueue);
    }

    String tenant()
    {
        return tenant;
    }

    /**
     * @return text only this tenant's data carries: its lead ids' prefix.
     */
    String mark()
    {
        return leadPrefix;
    }

    List<String> reps()
    {
        return reps;
    }

    String nextId(final String prefix)
    {
        return prefix + Long.toString(events++, 36);
    }

    /**
     * @param rep the rep connection sending it (rep-scoped events for that rep only), or null for a source.
     */
    Event next(final SplittableRandom random, final String rep, final long nowMs)
    {
        final Event event = null == rep ? sourceEvent(random) : repEvent(random, rep, random.nextBoolean());
        if (random.nextInt(8) == 0)
        {
            event.put("at", at(random, nowMs));
        }
        return event;
    }

    /**
     * A lead the storm's final check owns: upsert, then a hot form.
     */
    Event lead(final String leadId, final String owner, final String region)
    {
        return new Event("lead").put("id", nextId("final-")).put("lead", leadId).put("owner", owner).put("region", region)
            .put("name", "Final Lead").put("email", "final@" + tenant + ".example");
    }

    private Event sourceEvent(final SplittableRandom random)
    {
        final int pick = random.nextInt(100);
        if (pick < 14)
        {
            return profile(new Event("lead").put("id", nextId("l")).put("lead", lead(random)), random);
        }
        if (pick < 32)
        {
            final Event form = new Event("form").put("id", nextId("f")).put("lead", lead(random))
                .put("form", pickOf(FORMS, random));
            return random.nextInt(3) == 0 ? profile(form, random) : form;
        }
        if (pick < 50)
        {
            return new Event("visit").put("id", nextId("v")).put("lead", lead(random)).put("page", pickOf(PAGES, random));
        }
        if (pick < 55)
        {
            return new Event("trial").put("id", nextId("t")).put("lead", lead(random))
                .put("milestone", pickOf(MILESTONES, random));
        }
        if (pick < 60)
        {
            return new Event("score").put("id", nextId("s")).put("lead", lead(random)).put("score", score(random));
        }
        if (pick < 64)
        {
            return new Event("converted").put("id", nextId("c")).put("lead", lead(random));
        }
        return repEvent(random, pickOf(reps, random), false);
    }

    private Event repEvent(final SplittableRandom random, final String rep, final boolean implicitRep)
    {
        final int pick = random.nextInt(100);
        final Event event;
        if (pick < 22)
        {
            event = new Event("presence").put("id", nextId("p")).put("status",
                random.nextInt(5) < 3 ? "available" : pickOf(Event.STATUS, random));
        }
        else if (pick < 62)
        {
            event = new Event("call").put("id", nextId("k")).put("lead", lead(random))
                .put("outcome", random.nextInt(5) < 2 ? "started" : pickOf(Event.OUTCOME, random));
        }
        else if (pick < 72)
        {
            event = new Event(random.nextBoolean() ? "email" : "sms").put("id", nextId("m")).put("lead", lead(random));
        }
        else if (pick < 86)
        {
            event = new Event("qualify").put("id", nextId("q")).put("lead", lead(random))
                .put("result", pickOf(Event.RESULT, random));
            if (random.nextBoolean())
            {
                event.put("reason", pickOf(REASONS, random));
            }
        }
        else
        {
            event = new Event("opportunity").put("id", nextId("o")).put("lead", lead(random))
                .put("amount", new Event.Num(pickOf(AMOUNTS, random)));
        }
        if (!implicitRep)
        {
            event.put("rep", rep);
        }
        return event;
    }

    private Event profile(final Event event, final SplittableRandom random)
    {
        final String lead = (String)event.get("lead");
        final int n = random.nextInt(12);
        if (n > 0)
        {
            event.put("name", random.nextInt(50) == 0 ? boundaryText(random) : pickOf(NAMES, random));
        }
        if (n > 1)
        {
            event.put("email", lead.toLowerCase() + "@" + tenant + "-lead.example");
        }
        if (n > 2)
        {
            event.put("industry", pickOf(INDUSTRIES, random));
            event.put("region", pickOf(REGIONS, random));
        }
        if (n > 3)
        {
            event.put("employees", random.nextInt(20) == 0 ? (long)Integer.MAX_VALUE : (long)random.nextInt(5000));
        }
        if (n > 4)
        {
            event.put("owner", pickOf(owners, random));
        }
        if (n > 5)
        {
            event.put("product", pickOf(PRODUCTS, random)).put("source", pickOf(SOURCES, random))
                .put("timezone", pickOf(ZONES, random)).put("phone", "+44 20 7946 " + random.nextInt(10_000))
                .put("company", "Initech " + random.nextInt(100));
        }
        return event;
    }

    private String lead(final SplittableRandom random)
    {
        final int pick = random.nextInt(100);
        if (0 == leads || pick < 12)
        {
            return leadPrefix + leads++;
        }
        if (pick < 90)
        {
            return leadPrefix + Math.max(0, leads - 1 - random.nextInt(Math.min(leads, WORKING_SET)));
        }
        return leadPrefix + random.nextInt(leads);
    }

    private static long score(final SplittableRandom random)
    {
        switch (random.nextInt(20))
        {
            case 0:
                return Integer.MAX_VALUE;
            case 1:
                return Integer.MIN_VALUE;
            default:
                return random.nextInt(-50, 120);
        }
    }

    private static Object at(final SplittableRandom random, final long nowMs)
    {
        final long ms = nowMs - random.nextLong(0, 86_400_000L);
        switch (random.nextInt(10))
        {
            case 0:
                return 0L;
            case 1:
                return "9999-12-31T23:59:59.999999999Z";
            case 2:
                return "0000-01-01T00:00:00Z";
            case 3:
                return Instant.ofEpochMilli(ms).toString();
            case 4:
                return Instant.ofEpochMilli(ms).toString().replace("Z", "").replaceAll("\\.[0-9]*$", "") + ".5Z";
            default:
                return ms;
        }
    }

    /**
     * @return a name of exactly 254 UTF-8 bytes, its last character a multi-byte one.
     */
    private static String boundaryText(final SplittableRandom random)
    {
        return "n".repeat(252 - random.nextInt(2)) + (random.nextBoolean() ? "é" : "");
    }

    private static String pickOf(final String[] values, final SplittableRandom random)
    {
        return values[random.nextInt(values.length)];
    }

    private static String pickOf(final List<String> values, final SplittableRandom random)
    {
        return values.get(random.nextInt(values.size()));
    }
}
