package io.firstcall.gateway.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A deterministic stream of realistic lead-platform events for one tenant: the same seed, prefix,
 * reps and hot forms give the same lines in the same order. Leads are introduced by an upsert
 * (most with an owner among the reps) before anything else names them; a share of forms are the
 * tenant's hot kinds, mostly on leads not yet hot, so alerts keep coming; the rest is the noise a
 * real platform sends: other forms, page visits, trial milestones, scores, presence, rep activity,
 * qualification, opportunities, conversions, competing calls and retried ids.
 * <p>
 * Not thread safe: one sender thread draws from it.
 */
public final class EventMix
{
    /**
     * What an event is; the weights are percentages of the stream.
     */
    public enum Kind
    {
        LEAD(14), HOT_FORM(8), FORM(10), VISIT(28), TRIAL(5), SCORE(5), PRESENCE(3), CALL(7), EMAIL(6), SMS(3),
        QUALIFY(3), OPPORTUNITY(2), CONVERTED(1), COMPETING_CALL(3), RETRY(2);

        final int weight;

        Kind(final int weight)
        {
            this.weight = weight;
        }
    }

    static final List<String> OTHER_FORMS = List.of("contact_sales", "ebook_download", "webinar", "newsletter");
    static final int MAX_LEADS = 5_000;

    private static final Kind[] KINDS = Kind.values();
    private static final String[] PAGES = {
        "/pricing", "/compare/competitor-x", "/docs/api", "/blog/speed-to-lead", "/integrations", "/careers" };
    private static final String[] MILESTONES = { "signed_up", "invited_team", "connected_data", "activated" };
    private static final String[] OUTCOMES = { "connected", "no_answer", "voicemail" };
    private static final String[] INDUSTRIES = { "saas", "fintech", "retail", "healthcare", "manufacturing" };
    private static final String[] REGIONS = { "emea", "amer", "apac" };
    private static final String[] SOURCES = { "web", "paid_search", "webinar", "referral", "partner" };
    private static final String[] FIRST_NAMES = { "Ada", "Grace", "Alan", "Edsger", "Barbara", "Ken", "Radia", "Linus" };
    private static final String[] COMPANIES = { "Initech", "Globex", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne" };
    private static final String[] TIMEZONES = { "Europe/London", "America/New_York", "Asia/Singapore" };

    private final SplittableRandom random;
    private final String idPrefix;
    private final List<String> reps;
    private final List<String> hotForms;
    private final List<String> otherForms;
    private final List<String> leads = new ArrayList<>();
    private final List<String> owners = new ArrayList<>();
    private final List<Boolean> wentHot = new ArrayList<>();
    private final List<String> recentHot = new ArrayList<>();
    private final JsonLine json = new JsonLine();
    private SimEvent lastSent;
    private long eventCount;
    private long leadCount;

    /**
     * @param seed     fixes the stream.
     * @param idPrefix starts every event and lead id, so runs against one data directory do not
     *                 collide in the engine's de-duplication window.
     * @param reps     rep ids that own leads and do the rep activity.
     * @param hotForms the tenant's hot form kinds (its rules' {@code hot.forms}).
     */
    public EventMix(final long seed, final String idPrefix, final List<String> reps, final List<String> hotForms)
    {
        if (reps.isEmpty())
        {
            throw new IllegalArgumentException("at least one rep is needed");
        }
        this.random = new SplittableRandom(seed);
        this.idPrefix = Objects.requireNonNull(idPrefix, "idPrefix");
        this.reps = List.copyOf(reps);
        this.hotForms = List.copyOf(hotForms);
        final List<String> others = new ArrayList<>(OTHER_FORMS);
        others.removeAll(hotForms);
        this.otherForms = others;
    }

    /**
     * @return the next event of the stream.
     */
    public SimEvent next()
    {
        final Kind kind = leads.isEmpty() ? Kind.LEAD : pickKind();
        final SimEvent event;
        switch (kind)
        {
            case LEAD:
                event = newLead();
                break;

            case HOT_FORM:
                event = hotForms.isEmpty() ? otherForm() : hotForm();
                break;

            case FORM:
                event = otherForm();
                break;

            case RETRY:
                // A client that lost an ack sends the same line again; the engine answers with the original seq.
                event = null == lastSent ? newLead() : new SimEvent(Kind.RETRY, lastSent.id(), lastSent.lead(), lastSent.line());
                break;

            default:
                event = activity(kind, random.nextInt(leads.size()));
                break;
        }
        if (Kind.RETRY != event.kind())
        {
            lastSent = event;
        }
        return event;
    }

    private SimEvent newLead()
    {
        final String lead = idPrefix + "-L" + ++leadCount;
        final String owner = random.nextInt(100) < 85 ? pick(reps) : null;
        final String first = pick(FIRST_NAMES);
        final String company = pick(COMPANIES);
        final String id = nextId();
        final String line = json.type("lead").text("id", id).text("lead", lead)
            .text("name", first + " " + lead).text("email", first.toLowerCase(Locale.ROOT) + "." + lead + "@" +
                company.toLowerCase(Locale.ROOT) + ".example")
            .text("phone", "+44 20 7946 " + (1000 + random.nextInt(9000)))
            .text("company", company).text("industry", pick(INDUSTRIES)).text("region", pick(REGIONS))
            .number("employees", 10 + random.nextInt(5_000)).text("source", pick(SOURCES))
            .text("owner", owner).text("timezone", pick(TIMEZONES)).end();
        remember(lead, owner);
        return new SimEvent(Kind.LEAD, id, lead, line);
    }

    private SimEvent hotForm()
    {
        // Mostly a lead that never went hot: a repeat inside the cooldown only shows the suppression.
        int index = random.nextInt(leads.size());
        for (int attempt = 0; attempt < 8 && wentHot.get(index) && random.nextInt(10) > 0; attempt++)
        {
            index = random.nextInt(leads.size());
        }
        wentHot.set(index, Boolean.TRUE);
        final String lead = leads.get(index);
        if (recentHot.size() == 64)
        {
            recentHot.remove(0);
        }
        recentHot.add(lead);
        return form(Kind.HOT_FORM, lead, pick(hotForms));
    }

    private SimEvent otherForm()
    {
        return form(Kind.FORM, leads.get(random.nextInt(leads.size())), otherForms.isEmpty() ? "contact_us" : pick(otherForms));
    }

    private SimEvent form(final Kind kind, final String lead, final String form)
    {
        final String id = nextId();
        return new SimEvent(kind, id, lead, json.type("form").text("id", id).text("lead", lead).text("form", form).end());
    }

    private SimEvent activity(final Kind kind, final int leadIndex)
    {
        final String id = nextId();
        final String lead = leads.get(leadIndex);
        // An unowned lead is still worked by someone from the team.
        final String owner = null == owners.get(leadIndex) ? pick(reps) : owners.get(leadIndex);
        final String line;
        switch (kind)
        {
            case VISIT:
                line = json.type("visit").text("id", id).text("lead", lead).text("page", pick(PAGES)).end();
                break;

            case TRIAL:
                line = json.type("trial").text("id", id).text("lead", lead).text("milestone", pick(MILESTONES)).end();
                break;

            case SCORE:
                line = json.type("score").text("id", id).text("lead", lead).number("score", random.nextInt(101)).end();
                break;

            case PRESENCE:
                return new SimEvent(kind, id, null, json.type("presence").text("id", id).text("rep", pick(reps))
                    .text("status", random.nextInt(4) == 0 ? "busy" : "available").end());

            case CALL:
                line = json.type("call").text("id", id).text("lead", lead).text("rep", owner)
                    .text("outcome", pick(OUTCOMES)).end();
                break;

            case EMAIL:
            case SMS:
                line = json.type(Kind.EMAIL == kind ? "email" : "sms").text("id", id).text("lead", lead)
                    .text("rep", owner).end();
                break;

            case QUALIFY:
            {
                final boolean qualified = random.nextInt(3) > 0;
                line = json.type("qualify").text("id", id).text("lead", lead).text("rep", owner)
                    .text("result", qualified ? "qualified" : "disqualified")
                    .text("reason", qualified ? "budget_and_timing" : "no_fit").end();
                break;
            }

            case OPPORTUNITY:
                line = json.type("opportunity").text("id", id).text("lead", lead).text("rep", owner)
                    .number("amount", 1_000L * (5 + random.nextInt(96))).end();
                break;

            case CONVERTED:
                line = json.type("converted").text("id", id).text("lead", lead).end();
                break;

            case COMPETING_CALL:
            {
                // Another rep dials a lead that just went hot: journal order decides who claims it.
                final String hotLead = recentHot.isEmpty() ? lead : recentHot.get(random.nextInt(recentHot.size()));
                return new SimEvent(kind, id, hotLead, json.type("call").text("id", id).text("lead", hotLead)
                    .text("rep", pick(reps)).text("outcome", "started").end());
            }

            default:
                throw new IllegalStateException("not an activity: " + kind);
        }
        return new SimEvent(kind, id, lead, line);
    }

    private Kind pickKind()
    {
        int roll = random.nextInt(100);
        for (final Kind kind : KINDS)
        {
            roll -= kind.weight;
            if (roll < 0)
            {
                return kind;
            }
        }
        return Kind.VISIT;
    }

    private void remember(final String lead, final String owner)
    {
        if (leads.size() < MAX_LEADS)
        {
            leads.add(lead);
            owners.add(owner);
            wentHot.add(Boolean.FALSE);
        }
        else
        {
            final int slot = random.nextInt(MAX_LEADS);
            leads.set(slot, lead);
            owners.set(slot, owner);
            wentHot.set(slot, Boolean.FALSE);
        }
    }

    private String nextId()
    {
        return idPrefix + "-e" + ++eventCount;
    }

    private String pick(final List<String> values)
    {
        return values.get(random.nextInt(values.size()));
    }

    private String pick(final String[] values)
    {
        return values[random.nextInt(values.length)];
    }
}
