package io.firstcall.engine;

import io.firstcall.codec.ActivityKind;
import io.firstcall.codec.FormSubmittedDecoder;
import io.firstcall.codec.LeadUpsertDecoder;
import io.firstcall.codec.MessageHeaderDecoder;
import io.firstcall.codec.PageVisitedDecoder;
import io.firstcall.codec.ScoreUpdatedDecoder;
import io.firstcall.codec.TrialMilestoneDecoder;
import io.firstcall.engine.lead.LeadTable;
import io.firstcall.engine.scoring.HotLeadEvaluator;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Decodes the lead signals (profile upsert, form, page visit, trial milestone, external score),
 * applies them to the lead and hands each to the {@link HotLeadEvaluator}, then to
 * {@link HotEpisodes}. Upserts, forms, trial milestones and scores create a lead never seen before,
 * from their inline fields; a visit never does: a visit by an unknown lead is counted as anonymous
 * and goes no further.
 */
final class LeadSignals
{
    private final LeadLookup lookup;
    private final HotLeadEvaluator evaluator;
    private final HotEpisodes hot;
    private final LeadUpsertDecoder upsert = new LeadUpsertDecoder();
    private final FormSubmittedDecoder form = new FormSubmittedDecoder();
    private final PageVisitedDecoder visit = new PageVisitedDecoder();
    private final TrialMilestoneDecoder trial = new TrialMilestoneDecoder();
    private final ScoreUpdatedDecoder score = new ScoreUpdatedDecoder();
    private final UnsafeBuffer leadId = new UnsafeBuffer(new byte[0]);
    private final UnsafeBuffer value = new UnsafeBuffer(new byte[0]);
    private boolean firmographicChanged;
    private boolean sourceChanged;

    LeadSignals(final LeadLookup lookup, final HotLeadEvaluator evaluator, final HotEpisodes hot)
    {
        this.lookup = lookup;
        this.evaluator = evaluator;
        this.hot = hot;
    }

    void onLeadUpsert(final Tenant tenant, final DirectBuffer message, final MessageHeaderDecoder header, final long nowNs)
    {
        final LeadUpsertDecoder d = upsert.wrap(message, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        d.skipTenant();
        d.skipEventId();
        d.wrapLead(leadId);
        final int lead = lookup.lead(tenant, leadId, nowNs);
        final LeadTable leads = tenant.leads();
        evaluator.begin(tenant.scoring(), lead, nowNs);
        beginProfile(leads, lead, LeadUpsertDecoder.employeesNullValue() == d.employees() ? LeadTable.NO_EMPLOYEES : d.employees());
        profile(leads, lead, message, d.limit());
        evaluator.profileChanged(firmographicChanged || sourceChanged, sourceChanged);
        hot.decide(tenant, lead, nowNs);
    }

    void onForm(final Tenant tenant, final DirectBuffer message, final MessageHeaderDecoder header, final long nowNs)
    {
        final FormSubmittedDecoder d = form.wrap(message, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        d.skipTenant();
        d.skipEventId();
        d.wrapLead(leadId);
        final int lead = lookup.lead(tenant, leadId, nowNs);
        final LeadTable leads = tenant.leads();
        evaluator.begin(tenant.scoring(), lead, nowNs);
        beginProfile(leads, lead, FormSubmittedDecoder.employeesNullValue() == d.employees() ? LeadTable.NO_EMPLOYEES : d.employees());
        d.wrapForm(value);
        profile(leads, lead, message, d.limit());
        evaluator.profileChanged(firmographicChanged || sourceChanged, sourceChanged);
        leads.recordActivity(lead, ActivityKind.FORM, nowNs, value, 0, value.capacity());
        evaluator.form(value, 0, value.capacity());
        hot.decide(tenant, lead, nowNs);
    }

    void onVisit(final Tenant tenant, final DirectBuffer message, final MessageHeaderDecoder header, final long nowNs)
    {
        final PageVisitedDecoder d = visit.wrap(message, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        d.skipTenant();
        d.skipEventId();
        d.wrapLead(leadId);
        final int lead = lookup.existing(tenant, leadId, nowNs);
        if (LeadTable.MISSING == lead)
        {
            tenant.countAnonymousVisit();
            return;
        }
        d.wrapPage(value);
        tenant.leads().recordActivity(lead, ActivityKind.VISIT, nowNs, value, 0, value.capacity());
        evaluator.begin(tenant.scoring(), lead, nowNs);
        evaluator.visit(value, 0, value.capacity());
        hot.decide(tenant, lead, nowNs);
    }

    void onTrial(final Tenant tenant, final DirectBuffer message, final MessageHeaderDecoder header, final long nowNs)
    {
        final TrialMilestoneDecoder d = trial.wrap(message, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        d.skipTenant();
        d.skipEventId();
        d.wrapLead(leadId);
        d.wrapMilestone(value);
        final int lead = lookup.lead(tenant, leadId, nowNs);
        tenant.leads().recordActivity(lead, ActivityKind.TRIAL, nowNs, value, 0, value.capacity());
        evaluator.begin(tenant.scoring(), lead, nowNs);
        evaluator.trial(value, 0, value.capacity());
        hot.decide(tenant, lead, nowNs);
    }

    void onScore(final Tenant tenant, final DirectBuffer message, final MessageHeaderDecoder header, final long nowNs)
    {
        final ScoreUpdatedDecoder d = score.wrap(message, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        final int external = d.score();
        d.skipTenant();
        d.skipEventId();
        d.wrapLead(leadId);
        final int lead = lookup.lead(tenant, leadId, nowNs);
        evaluator.begin(tenant.scoring(), lead, nowNs);
        evaluator.external(external);
        hot.decide(tenant, lead, nowNs);
    }

    /**
     * The ten profile fields LeadUpsert and FormSubmitted share, in schema order from {@code limit}
     * (email, phone, name, company, industry, region, product, source, owner, timezone, each a uint8
     * length and its bytes): the order of the {@link LeadTable} profile fields. An empty field leaves
     * the value unchanged.
     */
    private void profile(final LeadTable leads, final int lead, final DirectBuffer message, final int limit)
    {
        int position = limit;
        for (int field = 0; field < LeadTable.FIELDS; field++)
        {
            final int length = message.getByte(position) & 0xFF;
            final int offset = position + 1;
            position = offset + length;
            if (0 != length && !leads.profileEquals(lead, field, message, offset, length))
            {
                leads.profile(lead, field, message, offset, length);
                firmographicChanged |= LeadTable.INDUSTRY == field || LeadTable.REGION == field ||
                    LeadTable.PRODUCT == field;
                sourceChanged |= LeadTable.SOURCE == field;
            }
        }
    }

    private void beginProfile(final LeadTable leads, final int lead, final int employees)
    {
        firmographicChanged = false;
        sourceChanged = false;
        if (LeadTable.NO_EMPLOYEES != employees && leads.employees(lead) != employees)
        {
            leads.employees(lead, employees);
            firmographicChanged = true;
        }
    }
}
