package io.firstcall.engine;

import io.firstcall.codec.DecisionKind;
import io.firstcall.codec.FormSubmittedDecoder;
import io.firstcall.codec.LeadUpsertDecoder;
import io.firstcall.codec.MessageHeaderDecoder;
import io.firstcall.codec.PageVisitedDecoder;
import io.firstcall.codec.ScoreUpdatedDecoder;
import io.firstcall.codec.TrialMilestoneDecoder;
import io.firstcall.engine.lead.Lead;
import io.firstcall.engine.lead.RecentActivity;
import io.firstcall.engine.lead.TextField;
import io.firstcall.engine.output.DetailBuilder;
import io.firstcall.engine.output.OutputWriter;
import io.firstcall.engine.scoring.HotLeadEvaluator;
import io.firstcall.engine.tenant.Tenant;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Decodes the lead signals (profile upsert, form, page visit, trial milestone, external score),
 * applies them to the lead and hands each to the {@link HotLeadEvaluator}. Upserts, forms, trial
 * milestones and scores create a lead never seen before, from their inline fields; a visit never
 * does: a visit by an unknown lead is counted as anonymous and goes no further.
 */
final class LeadSignals
{
    private final OutputWriter out;
    private final HotLeadEvaluator evaluator;
    private final LeadUpsertDecoder upsert = new LeadUpsertDecoder();
    private final FormSubmittedDecoder form = new FormSubmittedDecoder();
    private final PageVisitedDecoder visit = new PageVisitedDecoder();
    private final TrialMilestoneDecoder trial = new TrialMilestoneDecoder();
    private final ScoreUpdatedDecoder score = new ScoreUpdatedDecoder();
    private final UnsafeBuffer leadId = new UnsafeBuffer(new byte[0]);
    private final UnsafeBuffer value = new UnsafeBuffer(new byte[0]);
    private final UnsafeBuffer field = new UnsafeBuffer(new byte[0]);
    private final DetailBuilder empty = new DetailBuilder();
    private boolean firmographicChanged;
    private boolean sourceChanged;

    LeadSignals(final OutputWriter out, final HotLeadEvaluator evaluator)
    {
        this.out = out;
        this.evaluator = evaluator;
    }

    void onLeadUpsert(final Tenant tenant, final DirectBuffer buffer, final int bodyOffset, final MessageHeaderDecoder header,
        final long nowNs)
    {
        final LeadUpsertDecoder d = upsert.wrap(buffer, bodyOffset, header.blockLength(), header.version());
        d.skipTenant();
        d.skipEventId();
        d.wrapLead(leadId);
        final Lead lead = lead(tenant, leadId, nowNs);
        evaluator.begin(tenant, lead, nowNs);
        beginProfile(lead, LeadUpsertDecoder.employeesNullValue() == d.employees() ? Lead.NO_EMPLOYEES : d.employees());
        profile(lead, buffer, d.limit());
        evaluator.profileChanged(firmographicChanged || sourceChanged, sourceChanged);
        evaluator.decide();
    }

    void onForm(final Tenant tenant, final DirectBuffer buffer, final int bodyOffset, final MessageHeaderDecoder header,
        final long nowNs)
    {
        final FormSubmittedDecoder d = form.wrap(buffer, bodyOffset, header.blockLength(), header.version());
        d.skipTenant();
        d.skipEventId();
        d.wrapLead(leadId);
        final Lead lead = lead(tenant, leadId, nowNs);
        evaluator.begin(tenant, lead, nowNs);
        beginProfile(lead, FormSubmittedDecoder.employeesNullValue() == d.employees() ? Lead.NO_EMPLOYEES : d.employees());
        d.wrapForm(value);
        profile(lead, buffer, d.limit());
        evaluator.profileChanged(firmographicChanged || sourceChanged, sourceChanged);
        lead.activity().record(RecentActivity.Kind.FORM, nowNs, value, 0, value.capacity());
        evaluator.form(value, 0, value.capacity());
        evaluator.decide();
    }

    void onVisit(final Tenant tenant, final DirectBuffer buffer, final int bodyOffset, final MessageHeaderDecoder header,
        final long nowNs)
    {
        final PageVisitedDecoder d = visit.wrap(buffer, bodyOffset, header.blockLength(), header.version());
        d.skipTenant();
        d.skipEventId();
        d.wrapLead(leadId);
        final Lead lead = 0 == leadId.capacity() ? null : tenant.leads().find(leadId, 0, leadId.capacity());
        if (null == lead)
        {
            tenant.countAnonymousVisit();
            return;
        }
        d.wrapPage(value);
        lead.activity().record(RecentActivity.Kind.VISIT, nowNs, value, 0, value.capacity());
        evaluator.begin(tenant, lead, nowNs);
        evaluator.visit(value, 0, value.capacity());
        evaluator.decide();
    }

    void onTrial(final Tenant tenant, final DirectBuffer buffer, final int bodyOffset, final MessageHeaderDecoder header,
        final long nowNs)
    {
        final TrialMilestoneDecoder d = trial.wrap(buffer, bodyOffset, header.blockLength(), header.version());
        d.skipTenant();
        d.skipEventId();
        d.wrapLead(leadId);
        d.wrapMilestone(value);
        final Lead lead = lead(tenant, leadId, nowNs);
        lead.activity().record(RecentActivity.Kind.TRIAL, nowNs, value, 0, value.capacity());
        evaluator.begin(tenant, lead, nowNs);
        evaluator.trial(value, 0, value.capacity());
        evaluator.decide();
    }

    void onScore(final Tenant tenant, final DirectBuffer buffer, final int bodyOffset, final MessageHeaderDecoder header,
        final long nowNs)
    {
        final ScoreUpdatedDecoder d = score.wrap(buffer, bodyOffset, header.blockLength(), header.version());
        final int external = d.score();
        d.skipTenant();
        d.skipEventId();
        d.wrapLead(leadId);
        final Lead lead = lead(tenant, leadId, nowNs);
        evaluator.begin(tenant, lead, nowNs);
        evaluator.external(external);
        evaluator.decide();
    }

    /**
     * @return the lead named by {@code id}, created (and recorded as created) when new.
     */
    Lead lead(final Tenant tenant, final DirectBuffer id, final long nowNs)
    {
        final int knownLeads = tenant.leads().size();
        final Lead lead = tenant.leads().findOrCreate(id, 0, id.capacity(), nowNs);
        if (tenant.leads().size() > knownLeads)
        {
            out.decision(DecisionKind.LEAD_CREATED, lead, tenant.rules().version(), empty.buffer(), 0);
        }
        return lead;
    }

    /**
     * The ten profile fields LeadUpsert and FormSubmitted share, in schema order from {@code limit}:
     * email, phone, name, company, industry, region, product, source, owner, timezone, each a uint8
     * length and its bytes.
     */
    private void profile(final Lead lead, final DirectBuffer buffer, final int limit)
    {
        int position = limit;
        position = next(buffer, position);
        text(lead.email());
        position = next(buffer, position);
        text(lead.phone());
        position = next(buffer, position);
        text(lead.name());
        position = next(buffer, position);
        text(lead.company());
        position = next(buffer, position);
        firmographicChanged |= text(lead.industry());
        position = next(buffer, position);
        firmographicChanged |= text(lead.region());
        position = next(buffer, position);
        firmographicChanged |= text(lead.product());
        position = next(buffer, position);
        sourceChanged = text(lead.source());
        position = next(buffer, position);
        text(lead.owner());
        next(buffer, position);
        text(lead.timezone());
    }

    /**
     * Point {@link #field} at the var string at {@code position}.
     *
     * @return the position after it.
     */
    private int next(final DirectBuffer buffer, final int position)
    {
        final int length = buffer.getByte(position) & 0xFF;
        field.wrap(buffer, position + 1, length);
        return position + 1 + length;
    }

    private void beginProfile(final Lead lead, final int employees)
    {
        firmographicChanged = false;
        sourceChanged = false;
        if (Lead.NO_EMPLOYEES != employees && lead.employees() != employees)
        {
            lead.employees(employees);
            firmographicChanged = true;
        }
    }

    /**
     * Copy a non-empty field into the lead; an empty one leaves the value as it was.
     *
     * @return true when the value changed.
     */
    private boolean text(final TextField target)
    {
        if (0 == field.capacity() || target.equalTo(field, 0, field.capacity()))
        {
            return false;
        }
        target.set(field, 0, field.capacity());
        return true;
    }
}
