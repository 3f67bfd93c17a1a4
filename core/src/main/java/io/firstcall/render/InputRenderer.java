package io.firstcall.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.firstcall.codec.CallActivityDecoder;
import io.firstcall.codec.ConfigChangeDecoder;
import io.firstcall.codec.EmailSentDecoder;
import io.firstcall.codec.FormSubmittedDecoder;
import io.firstcall.codec.LeadConvertedDecoder;
import io.firstcall.codec.LeadUpsertDecoder;
import io.firstcall.codec.MessageHeaderDecoder;
import io.firstcall.codec.OpportunityCreatedDecoder;
import io.firstcall.codec.PageVisitedDecoder;
import io.firstcall.codec.QualificationDecoder;
import io.firstcall.codec.RepPresenceDecoder;
import io.firstcall.codec.ScoreUpdatedDecoder;
import io.firstcall.codec.SmsSentDecoder;
import io.firstcall.codec.TimerTickDecoder;
import io.firstcall.codec.TrialMilestoneDecoder;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.io.ExpandableDirectBufferOutputStream;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns a journaled input (an SBE input message) back into the line a client would have sent in the
 * JSON protocol (docs/protocol.md §3), e.g. {@code {"type":"form","id":"e-101","lead":"L2","form":"demo_request",
 * "at":"2026-11-27T03:39:49.061Z"}}: the sibling of {@link OutputRenderer} for the audit tools. Decoded
 * by the gateway with the same tenant and receive time, the line gives back the same message: text left
 * empty and an unknown employee count are left out, {@code at} is the event time (ISO-8601 with
 * milliseconds, or epoch milliseconds outside four-digit years), an amount is written in currency units
 * with two decimals.
 * <p>
 * Two entries no client sends render as tool-only types: {@code {"type":"config","id":..,"tenant":..,
 * "configVersion":..,"document":..}} for a configuration change and {@code {"type":"tick","at":..}} for a
 * timer tick. One instance per thread; each line is valid until the next call.
 */
public final class InputRenderer
{
    /**
     * Returned by {@link #render} for a message that is not an input.
     */
    public static final int NOT_AN_INPUT = -1;

    private static final JsonFactory FACTORY = new JsonFactoryBuilder().rootValueSeparator((String)null).build();
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString LEAD = new SerializedString("lead");
    private static final SerializedString REP = new SerializedString("rep");
    private static final SerializedString AT = new SerializedString("at");
    private static final SerializedString FORM = new SerializedString("form");
    private static final SerializedString PAGE = new SerializedString("page");
    private static final SerializedString MILESTONE = new SerializedString("milestone");
    private static final SerializedString SCORE = new SerializedString("score");
    private static final SerializedString STATUS = new SerializedString("status");
    private static final SerializedString OUTCOME = new SerializedString("outcome");
    private static final SerializedString RESULT = new SerializedString("result");
    private static final SerializedString REASON = new SerializedString("reason");
    private static final SerializedString AMOUNT = new SerializedString("amount");
    private static final SerializedString EMAIL = new SerializedString("email");
    private static final SerializedString PHONE = new SerializedString("phone");
    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString COMPANY = new SerializedString("company");
    private static final SerializedString INDUSTRY = new SerializedString("industry");
    private static final SerializedString REGION = new SerializedString("region");
    private static final SerializedString EMPLOYEES = new SerializedString("employees");
    private static final SerializedString PRODUCT = new SerializedString("product");
    private static final SerializedString SOURCE = new SerializedString("source");
    private static final SerializedString OWNER = new SerializedString("owner");
    private static final SerializedString TIMEZONE = new SerializedString("timezone");
    private static final SerializedString TENANT = new SerializedString("tenant");
    private static final SerializedString CONFIG_VERSION = new SerializedString("configVersion");
    private static final SerializedString DOCUMENT = new SerializedString("document");
    private static final SerializedString[] TYPES = JsonText.names(
        "lead", "form", "visit", "trial", "score", "presence", "call", "email", "sms", "qualify", "opportunity",
        "converted", "config", "tick");
    private static final SerializedString[] STATUS_NAMES = JsonText.names("available", "busy", "offline");
    private static final SerializedString[] OUTCOME_NAMES = JsonText.names("started", "connected", "no_answer", "voicemail");
    private static final SerializedString[] RESULT_NAMES = JsonText.names("qualified", "disqualified");

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1024);
    private final ExpandableDirectBufferOutputStream stream = new ExpandableDirectBufferOutputStream(buffer);
    private final JsonGenerator generator;
    private final JsonText out;
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[0]);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final LeadUpsertDecoder upsert = new LeadUpsertDecoder();
    private final FormSubmittedDecoder form = new FormSubmittedDecoder();
    private final PageVisitedDecoder visit = new PageVisitedDecoder();
    private final TrialMilestoneDecoder trial = new TrialMilestoneDecoder();
    private final ScoreUpdatedDecoder score = new ScoreUpdatedDecoder();
    private final RepPresenceDecoder presence = new RepPresenceDecoder();
    private final CallActivityDecoder call = new CallActivityDecoder();
    private final EmailSentDecoder email = new EmailSentDecoder();
    private final SmsSentDecoder sms = new SmsSentDecoder();
    private final QualificationDecoder qualification = new QualificationDecoder();
    private final OpportunityCreatedDecoder opportunity = new OpportunityCreatedDecoder();
    private final LeadConvertedDecoder converted = new LeadConvertedDecoder();
    private final ConfigChangeDecoder config = new ConfigChangeDecoder();
    private final TimerTickDecoder tick = new TimerTickDecoder();
    private final char[] amount = new char[24];

    public InputRenderer()
    {
        try
        {
            generator = FACTORY.createGenerator(stream);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        out = new JsonText(generator);
    }

    /**
     * @return the buffer holding the last line at offset 0.
     */
    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * Render one input message (header first) as a JSON line ending in '\n'.
     *
     * @return the line's length, or {@link #NOT_AN_INPUT} for any other template.
     */
    public int render(final DirectBuffer src, final int offset, final int length)
    {
        message.wrap(src, offset, length);
        header.wrap(message, 0);
        final int templateId = header.templateId();
        if (templateId < LeadUpsertDecoder.TEMPLATE_ID || templateId > TimerTickDecoder.TEMPLATE_ID)
        {
            return NOT_AN_INPUT;
        }
        out.clear();
        try
        {
            stream.wrap(buffer);
            generator.writeStartObject();
            generator.writeFieldName(OutputRenderer.TYPE);
            generator.writeString(TYPES[templateId - 1]);
            final long eventTimeMs = fields(templateId);
            writeAt(eventTimeMs);
            generator.writeEndObject();
            generator.writeRaw('\n');
            generator.flush();
            return stream.position();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Write the template's fields after "type".
     *
     * @return the event time in epoch milliseconds.
     */
    private long fields(final int templateId) throws IOException
    {
        switch (templateId)
        {
            case LeadUpsertDecoder.TEMPLATE_ID:
            {
                final LeadUpsertDecoder d = upsert.wrapAndApplyHeader(message, 0, header);
                final int employees = d.employees();
                d.skipTenant();
                id(d.getEventId(out.scratch, out.at(), out.room()));
                text(LEAD, d.getLead(out.scratch, out.at(), out.room()));
                optional(EMAIL, out.kept(d.getEmail(out.scratch, out.at(), out.room())));
                optional(PHONE, out.kept(d.getPhone(out.scratch, out.at(), out.room())));
                optional(NAME, out.kept(d.getName(out.scratch, out.at(), out.room())));
                optional(COMPANY, out.kept(d.getCompany(out.scratch, out.at(), out.room())));
                optional(INDUSTRY, out.kept(d.getIndustry(out.scratch, out.at(), out.room())));
                optional(REGION, out.kept(d.getRegion(out.scratch, out.at(), out.room())));
                employees(employees, LeadUpsertDecoder.employeesNullValue());
                optional(PRODUCT, out.kept(d.getProduct(out.scratch, out.at(), out.room())));
                optional(SOURCE, out.kept(d.getSource(out.scratch, out.at(), out.room())));
                optional(OWNER, out.kept(d.getOwner(out.scratch, out.at(), out.room())));
                optional(TIMEZONE, out.kept(d.getTimezone(out.scratch, out.at(), out.room())));
                return d.eventTimeMs();
            }

            case FormSubmittedDecoder.TEMPLATE_ID:
            {
                final FormSubmittedDecoder d = form.wrapAndApplyHeader(message, 0, header);
                final int employees = d.employees();
                d.skipTenant();
                id(d.getEventId(out.scratch, out.at(), out.room()));
                text(LEAD, d.getLead(out.scratch, out.at(), out.room()));
                text(FORM, d.getForm(out.scratch, out.at(), out.room()));
                optional(EMAIL, out.kept(d.getEmail(out.scratch, out.at(), out.room())));
                optional(PHONE, out.kept(d.getPhone(out.scratch, out.at(), out.room())));
                optional(NAME, out.kept(d.getName(out.scratch, out.at(), out.room())));
                optional(COMPANY, out.kept(d.getCompany(out.scratch, out.at(), out.room())));
                optional(INDUSTRY, out.kept(d.getIndustry(out.scratch, out.at(), out.room())));
                optional(REGION, out.kept(d.getRegion(out.scratch, out.at(), out.room())));
                employees(employees, FormSubmittedDecoder.employeesNullValue());
                optional(PRODUCT, out.kept(d.getProduct(out.scratch, out.at(), out.room())));
                optional(SOURCE, out.kept(d.getSource(out.scratch, out.at(), out.room())));
                optional(OWNER, out.kept(d.getOwner(out.scratch, out.at(), out.room())));
                optional(TIMEZONE, out.kept(d.getTimezone(out.scratch, out.at(), out.room())));
                return d.eventTimeMs();
            }

            case PageVisitedDecoder.TEMPLATE_ID:
            {
                final PageVisitedDecoder d = visit.wrapAndApplyHeader(message, 0, header);
                d.skipTenant();
                id(d.getEventId(out.scratch, out.at(), out.room()));
                text(LEAD, d.getLead(out.scratch, out.at(), out.room()));
                text(PAGE, d.getPage(out.scratch, out.at(), out.room()));
                return d.eventTimeMs();
            }

            case TrialMilestoneDecoder.TEMPLATE_ID:
            {
                final TrialMilestoneDecoder d = trial.wrapAndApplyHeader(message, 0, header);
                d.skipTenant();
                id(d.getEventId(out.scratch, out.at(), out.room()));
                text(LEAD, d.getLead(out.scratch, out.at(), out.room()));
                text(MILESTONE, d.getMilestone(out.scratch, out.at(), out.room()));
                return d.eventTimeMs();
            }

            case ScoreUpdatedDecoder.TEMPLATE_ID:
            {
                final ScoreUpdatedDecoder d = score.wrapAndApplyHeader(message, 0, header);
                final int value = d.score();
                d.skipTenant();
                id(d.getEventId(out.scratch, out.at(), out.room()));
                text(LEAD, d.getLead(out.scratch, out.at(), out.room()));
                out.number(SCORE, value);
                return d.eventTimeMs();
            }

            case RepPresenceDecoder.TEMPLATE_ID:
            {
                final RepPresenceDecoder d = presence.wrapAndApplyHeader(message, 0, header);
                final short status = d.statusRaw();
                d.skipTenant();
                id(d.getEventId(out.scratch, out.at(), out.room()));
                text(REP, d.getRep(out.scratch, out.at(), out.room()));
                out.choice(STATUS, STATUS_NAMES, status);
                return d.eventTimeMs();
            }

            case CallActivityDecoder.TEMPLATE_ID:
            {
                final CallActivityDecoder d = call.wrapAndApplyHeader(message, 0, header);
                final short outcome = d.outcomeRaw();
                d.skipTenant();
                id(d.getEventId(out.scratch, out.at(), out.room()));
                text(LEAD, d.getLead(out.scratch, out.at(), out.room()));
                text(REP, d.getRep(out.scratch, out.at(), out.room()));
                out.choice(OUTCOME, OUTCOME_NAMES, outcome);
                return d.eventTimeMs();
            }

            case EmailSentDecoder.TEMPLATE_ID:
            {
                final EmailSentDecoder d = email.wrapAndApplyHeader(message, 0, header);
                d.skipTenant();
                id(d.getEventId(out.scratch, out.at(), out.room()));
                text(LEAD, d.getLead(out.scratch, out.at(), out.room()));
                text(REP, d.getRep(out.scratch, out.at(), out.room()));
                return d.eventTimeMs();
            }

            case SmsSentDecoder.TEMPLATE_ID:
            {
                final SmsSentDecoder d = sms.wrapAndApplyHeader(message, 0, header);
                d.skipTenant();
                id(d.getEventId(out.scratch, out.at(), out.room()));
                text(LEAD, d.getLead(out.scratch, out.at(), out.room()));
                text(REP, d.getRep(out.scratch, out.at(), out.room()));
                return d.eventTimeMs();
            }

            case QualificationDecoder.TEMPLATE_ID:
            {
                final QualificationDecoder d = qualification.wrapAndApplyHeader(message, 0, header);
                final short result = d.resultRaw();
                d.skipTenant();
                id(d.getEventId(out.scratch, out.at(), out.room()));
                text(LEAD, d.getLead(out.scratch, out.at(), out.room()));
                text(REP, d.getRep(out.scratch, out.at(), out.room()));
                out.choice(RESULT, RESULT_NAMES, result);
                optional(REASON, d.getReason(out.scratch, out.at(), out.room()));
                return d.eventTimeMs();
            }

            case OpportunityCreatedDecoder.TEMPLATE_ID:
            {
                final OpportunityCreatedDecoder d = opportunity.wrapAndApplyHeader(message, 0, header);
                final long cents = d.amountCents();
                d.skipTenant();
                id(d.getEventId(out.scratch, out.at(), out.room()));
                text(LEAD, d.getLead(out.scratch, out.at(), out.room()));
                text(REP, d.getRep(out.scratch, out.at(), out.room()));
                generator.writeFieldName(AMOUNT);
                final int chars = Amounts.format(cents, amount);
                generator.writeNumber(amount, 0, chars);
                return d.eventTimeMs();
            }

            case LeadConvertedDecoder.TEMPLATE_ID:
            {
                final LeadConvertedDecoder d = converted.wrapAndApplyHeader(message, 0, header);
                d.skipTenant();
                id(d.getEventId(out.scratch, out.at(), out.room()));
                text(LEAD, d.getLead(out.scratch, out.at(), out.room()));
                return d.eventTimeMs();
            }

            case ConfigChangeDecoder.TEMPLATE_ID:
            {
                final ConfigChangeDecoder d = config.wrapAndApplyHeader(message, 0, header);
                final long version = d.configVersion();
                final long tenant = out.kept(d.getTenant(out.scratch, out.at(), out.room()));
                id(d.getEventId(out.scratch, out.at(), out.room()));
                out.text(TENANT, tenant);
                out.number(CONFIG_VERSION, version);
                text(DOCUMENT, d.getDocument(out.scratch, out.at(), out.room()));
                return d.eventTimeMs();
            }

            default:
                return tick.wrapAndApplyHeader(message, 0, header).eventTimeMs();
        }
    }

    private void employees(final int employees, final int noEmployees) throws IOException
    {
        if (noEmployees != employees)
        {
            out.number(EMPLOYEES, employees);
        }
    }

    /**
     * Keep the text just copied to the scratch array: the next one is copied after it.
     */
    private void id(final int length) throws IOException
    {
        text(ID, length);
    }

    private void text(final SerializedString name, final int length) throws IOException
    {
        out.text(name, out.kept(length));
    }

    private void optional(final SerializedString name, final int length) throws IOException
    {
        optional(name, out.kept(length));
    }

    /**
     * Write kept text, unless it is empty: the protocol's optional text left out.
     */
    private void optional(final SerializedString name, final long handle) throws IOException
    {
        if (0 != (int)handle)
        {
            out.text(name, handle);
        }
    }

    private void writeAt(final long eventTimeMs) throws IOException
    {
        if (eventTimeMs >= IsoTime.MIN_MS && eventTimeMs <= IsoTime.MAX_MS)
        {
            out.timeMs(AT, eventTimeMs);
        }
        else
        {
            out.number(AT, eventTimeMs);
        }
    }
}
