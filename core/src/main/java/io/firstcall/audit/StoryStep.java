package io.firstcall.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcall.engine.scoring.ScoreReading;

/**
 * One step of a {@link LeadStory}: an input or output as the protocol's JSON, or a score change.
 *
 * @param sequence the input's sequence (an output's: its cause's).
 * @param timeNs   that input's engine time.
 * @param kind     what the step is.
 * @param json     the protocol's JSON of the entry; for a score change {@code {"score","change","firmographic",
 *                 "behavioural","external"}}.
 */
public record StoryStep(long sequence, long timeNs, Kind kind, JsonNode json)
{
    /**
     * What a step is.
     */
    public enum Kind
    {
        INPUT, SCORE, OUTPUT
    }

    static StoryStep score(final long sequence, final long timeNs, final long before, final ScoreReading after)
    {
        final ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("score", after.score());
        json.put("change", after.score() - before);
        json.put("firmographic", after.firmographic());
        json.put("behavioural", after.behavioural());
        json.put("external", after.external());
        return new StoryStep(sequence, timeNs, Kind.SCORE, json);
    }
}
