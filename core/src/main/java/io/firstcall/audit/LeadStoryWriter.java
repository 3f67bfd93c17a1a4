package io.firstcall.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link LeadStory}: as text, one line per step with what it means and, for each decision,
 * its detail as the protocol's JSON beneath; or as one JSON document.
 */
public final class LeadStoryWriter
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private LeadStoryWriter()
    {
    }

    public static void writeText(final PrintWriter out, final LeadStory story)
    {
        out.printf("lead %s of tenant %s%n", story.lead(), story.tenant());
        for (final StoryStep step : story.steps())
        {
            final JsonNode json = step.json();
            out.printf("seq %-6d %s  %-8s %s%n", step.sequence(), Instant.ofEpochSecond(0, step.timeNs()),
                label(step), summary(step));
            if ("decision".equals(json.path("type").asText()))
            {
                out.printf("%42s%s%n", "", json.path("detail"));
            }
        }
        out.println(responseTime(story));
        out.flush();
    }

    public static void writeJson(final JsonGenerator json, final LeadStory story) throws IOException
    {
        json.writeStartObject();
        json.writeStringField("tenant", story.tenant());
        json.writeStringField("lead", story.lead());
        json.writeArrayFieldStart("steps");
        for (final StoryStep step : story.steps())
        {
            json.writeStartObject();
            json.writeNumberField("seq", step.sequence());
            json.writeStringField("at", Instant.ofEpochSecond(0, step.timeNs()).toString());
            json.writeStringField("step", step.kind().name().toLowerCase(java.util.Locale.ROOT));
            json.writeStringField("summary", summary(step));
            json.writeFieldName("entry");
            JSON.writeTree(json, step.json());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeObjectFieldStart("responseTime");
        time(json, "hot", story.hotNs());
        time(json, "firstForm", story.formNs());
        time(json, "firstCall", story.callNs());
        json.writeStringField("firstCallRep", story.callRep());
        seconds(json, "fromHotSeconds", story.hotNs(), story.callNs());
        seconds(json, "fromFormSeconds", story.formNs(), story.formCallNs());
        json.writeEndObject();
        json.writeEndObject();
    }

    /**
     * @return the line that closes the text story: how long the lead waited for its first call.
     */
    static String responseTime(final LeadStory story)
    {
        if (Long.MIN_VALUE == story.hotNs())
        {
            return "response time: the lead never became hot";
        }
        if (Long.MIN_VALUE == story.callNs())
        {
            return "response time: hot at " + Instant.ofEpochSecond(0, story.hotNs()) + ", no call attempt since";
        }
        final StringBuilder text = new StringBuilder("response time: ")
            .append(SpeedToLeadText.duration(story.callNs() - story.hotNs()))
            .append(" from becoming hot (").append(Instant.ofEpochSecond(0, story.hotNs())).append(") to the first call by ")
            .append(story.callRep()).append(" (").append(Instant.ofEpochSecond(0, story.callNs())).append(')');
        if (Long.MIN_VALUE != story.formCallNs())
        {
            text.append("; ").append(SpeedToLeadText.duration(story.formCallNs() - story.formNs())).append(" from the first form");
        }
        return text.toString();
    }

    private static String label(final StoryStep step)
    {
        switch (step.kind())
        {
            case INPUT:
                return "input";
            case SCORE:
                return "score";
            default:
                final JsonNode json = step.json();
                return "decision".equals(json.path("type").asText()) ? json.path("kind").asText() : json.path("type").asText();
        }
    }

    /**
     * @return what the step means, in a line.
     */
    static String summary(final StoryStep step)
    {
        final JsonNode j = step.json();
        switch (step.kind())
        {
            case SCORE:
                return String.format("%d (%+d): firmographic %d, behavioural %d, external %d", j.path("score").asLong(),
                    j.path("change").asLong(), j.path("firmographic").asLong(), j.path("behavioural").asLong(),
                    j.path("external").asLong());
            case INPUT:
                return j.toString();
            default:
                return output(j);
        }
    }

    private static String output(final JsonNode j)
    {
        final JsonNode d = j.path("detail");
        switch (j.path("type").asText())
        {
            case "alert":
                return "to " + j.path("rep").asText() + ", level " + j.path("level").asText() + ", claim deadline " +
                    j.path("claimDeadline").asText() + ", score " + j.path("score").asLong() + ", criteria " +
                    j.path("reasons").path("criteria");
            case "withdrawn":
                return "from " + j.path("rep").asText() + (j.path("claimedBy").asText().isEmpty() ?
                    ": the claim window lapsed" : ": claimed by " + j.path("claimedBy").asText());
            case "assigned":
                return "to " + j.path("rep").asText() + " (" + j.path("reason").asText() + ")";
            case "claim_rejected":
                return j.path("rep").asText() + "'s claim rejected (" + j.path("reason").asText() + "), held by " +
                    j.path("owner").asText();
            case "escalation":
                return "from " + j.path("fromRep").asText() + " to " + j.path("to").asText() + " (" + j.path("level").asText() + ")";
            case "task":
                return "step " + j.path("step").asInt() + " " + j.path("channel").asText() + " for " + j.path("rep").asText() +
                    ", due " + j.path("due").asText();
            case "decision":
                return decision(j, d);
            default:
                return j.toString();
        }
    }

    private static String decision(final JsonNode j, final JsonNode d)
    {
        final String version = "config version " + j.path("configVersion").asText();
        switch (j.path("kind").asText())
        {
            case "hot":
            case "not_hot":
                return "criteria " + d.path("criteria") + ", score " + d.path("score").asLong() + " (firmographic " +
                    d.path("firmographic").path("total").asLong() + ", behavioural " + d.path("behavioural").path("total").asLong() +
                    ", external " + d.path("external").asLong() + "), episode " + d.path("episode").asInt() +
                    (d.has("suppressed") ? ", suppressed: " + d.path("suppressed").asText() : "") + ", " + version;
            case "routed":
            case "escalated":
                final List<String> excluded = new ArrayList<>();
                d.path("excluded").forEach(e -> excluded.add(e.path("rep").asText() + " " + e.path("reason").asText()));
                final List<String> ledger = new ArrayList<>();
                d.path("ledger").forEach(e -> ledger.add(e.path("rep").asText() + " weight " + e.path("weight").asLong() +
                    " credit " + e.path("credit").asLong()));
                return "level " + d.path("level").asText() + ", team " + d.path("team").asText() + " (" +
                    d.path("visibility").asText() + "), pool " + d.path("pool") + ", excluded " + excluded + ", lapsed " +
                    d.path("lapsed") + ", assignment " + d.path("assignment").asText() + ", ledger " + ledger +
                    ", alerted " + d.path("alerted") + ", manager queue " + d.path("managerQueue").asText() + ", " + version;
            case "claimed":
                return "by " + d.path("claimedBy").asText() + " (alerted " + d.path("alerted").asBoolean() + ", level " +
                    d.path("level").asText() + ")";
            case "claim_rejected":
                return d.path("rep").asText() + " (" + d.path("reason").asText() + "), held by " + d.path("claimedBy").asText();
            case "config_applied":
                return "rules version " + d.path("version").asText() + " in force";
            case "config_rejected":
                return "rules rejected: " + d.path("error").asText();
            default:
                return version;
        }
    }

    private static void time(final JsonGenerator json, final String name, final long ns) throws IOException
    {
        if (Long.MIN_VALUE == ns)
        {
            json.writeNullField(name);
        }
        else
        {
            json.writeStringField(name, Instant.ofEpochSecond(0, ns).toString());
        }
    }

    private static void seconds(final JsonGenerator json, final String name, final long fromNs, final long toNs) throws IOException
    {
        if (Long.MIN_VALUE == fromNs || Long.MIN_VALUE == toNs)
        {
            json.writeNullField(name);
        }
        else
        {
            json.writeNumberField(name, (toNs - fromNs) / 1e9);
        }
    }
}
