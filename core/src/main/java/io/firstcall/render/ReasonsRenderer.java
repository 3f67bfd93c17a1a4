package io.firstcall.render;

import com.fasterxml.jackson.core.io.SerializedString;
import io.firstcall.codec.HotCriterion;
import io.firstcall.codec.HotDecisionDecoder;
import org.agrona.DirectBuffer;

import java.io.IOException;

/**
 * Writes why a lead is hot: the criteria that held and the score breakdown, as the fields of a JSON
 * object, from the criteria, firmographic and signals groups a {@code HotDecision} and every
 * {@code Alert} of its episode carry (with one layout: the alerts copy the decision's bytes).
 * <pre>
 * "criteria":["form:demo_request","score>=50"],"score":63,
 * "firmographic":{"total":20,"industry":15,"employees":5},
 * "behavioural":{"total":43,"signals":[{"signal":"page:pricing","points":3}],"more":0},"external":0
 * </pre>
 */
final class ReasonsRenderer
{
    private static final SerializedString CRITERIA = new SerializedString("criteria");
    private static final SerializedString SCORE = new SerializedString("score");
    private static final SerializedString FIRMOGRAPHIC = new SerializedString("firmographic");
    private static final SerializedString TOTAL = new SerializedString("total");
    private static final SerializedString BEHAVIOURAL = new SerializedString("behavioural");
    private static final SerializedString SIGNALS = new SerializedString("signals");
    private static final SerializedString SIGNAL = new SerializedString("signal");
    private static final SerializedString POINTS = new SerializedString("points");
    private static final SerializedString MORE = new SerializedString("more");
    private static final SerializedString EXTERNAL = new SerializedString("external");
    private static final SerializedString[] COMPONENTS = JsonText.names("industry", "employees", "region", "product", "source");
    private static final byte[][] CRITERION_PREFIXES = {
        JsonText.ascii("form:"), JsonText.ascii("trial:"), JsonText.ascii("returnVisit:"), JsonText.ascii("source:"),
        JsonText.ascii("score>=")};
    private static final byte[][] SIGNAL_PREFIXES = {JsonText.ascii("form:"), JsonText.ascii("page:"), JsonText.ascii("trial:")};

    private final JsonText out;
    private final HotDecisionDecoder groups = new HotDecisionDecoder();

    ReasonsRenderer(final JsonText out)
    {
        this.out = out;
    }

    /**
     * Write the reasons' fields from the groups at {@code groupsOffset}.
     *
     * @return the offset just after the three groups.
     */
    int write(
        final DirectBuffer buffer,
        final int groupsOffset,
        final int version,
        final int score,
        final int firmographicScore,
        final int behaviouralScore,
        final int externalScore,
        final int signalsOmitted) throws IOException
    {
        // A decoder with no fixed block, positioned at the groups: only the groups are read through it.
        groups.wrap(buffer, groupsOffset, 0, version);
        out.g.writeFieldName(CRITERIA);
        out.g.writeStartArray();
        for (final HotDecisionDecoder.CriteriaDecoder criterion : groups.criteria())
        {
            final short raw = criterion.criterionRaw();
            final int threshold = criterion.threshold();
            final long name = out.kept(criterion.getName(out.scratch, out.at(), out.room()));
            if (HotCriterion.SCORE.value() == raw)
            {
                out.labelledNumber(CRITERION_PREFIXES[raw], threshold);
            }
            else if (raw >= 0 && raw < CRITERION_PREFIXES.length)
            {
                out.labelled(CRITERION_PREFIXES[raw], name);
            }
            else
            {
                out.g.writeNull();
            }
        }
        out.g.writeEndArray();
        out.number(SCORE, score);

        out.g.writeFieldName(FIRMOGRAPHIC);
        out.g.writeStartObject();
        out.number(TOTAL, firmographicScore);
        for (final HotDecisionDecoder.FirmographicDecoder component : groups.firmographic())
        {
            final short raw = component.componentRaw();
            if (raw >= 0 && raw < COMPONENTS.length)
            {
                out.number(COMPONENTS[raw], component.points());
            }
        }
        out.g.writeEndObject();

        out.g.writeFieldName(BEHAVIOURAL);
        out.g.writeStartObject();
        out.number(TOTAL, behaviouralScore);
        out.g.writeFieldName(SIGNALS);
        out.g.writeStartArray();
        for (final HotDecisionDecoder.SignalsDecoder signal : groups.signals())
        {
            final short raw = signal.kindRaw();
            final int points = signal.points();
            final long name = out.kept(signal.getName(out.scratch, out.at(), out.room()));
            out.g.writeStartObject();
            out.g.writeFieldName(SIGNAL);
            if (raw >= 0 && raw < SIGNAL_PREFIXES.length)
            {
                out.labelled(SIGNAL_PREFIXES[raw], name);
            }
            else
            {
                out.g.writeNull();
            }
            out.number(POINTS, points);
            out.g.writeEndObject();
        }
        out.g.writeEndArray();
        out.number(MORE, signalsOmitted);
        out.g.writeEndObject();
        out.number(EXTERNAL, externalScore);
        return groups.limit();
    }
}
