package io.firstcall.audit;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a {@link Backtest} found: which leads the candidate rules make hot that the baseline did not
 * and the other way round; precision and recall of "hot" against the leads that had an opportunity
 * or a conversion in the journal; alerts per rep per day; assignments per rep against their weights;
 * escalations.
 */
public final class BacktestReport
{
    /**
     * What replaying reps' recorded actions means, stated in every report.
     */
    public static final String ASSUMPTION =
        "Reps' recorded actions are replayed as they happened: every call, email, qualification, opportunity, " +
        "conversion and presence change at its journaled time, whatever the candidate rules decided. A call that " +
        "claimed a lead in history is replayed at the same moment even if, under the candidate, that rep was never " +
        "alerted (it is then an unalerted claim, settled by the rules' unalertedClaims), and a lead the candidate makes " +
        "hot gets only the calls it got in history. So response times and outcomes are history's: the report compares " +
        "decisions (hot, alerts, assignments, escalations), not what reps would have done.";

    private final String tenant;
    private final boolean recordedBaseline;
    private final BacktestRun baseline;
    private final BacktestRun candidate;
    private final Map<String, Integer> weights;
    private final TreeSet<String> baselineHot;
    private final TreeSet<String> candidateHot;
    private final TreeSet<String> positives;

    BacktestReport(
        final String tenant, final boolean recordedBaseline, final BacktestRun baseline, final BacktestRun candidate,
        final Map<String, Integer> weights)
    {
        this.tenant = tenant;
        this.recordedBaseline = recordedBaseline;
        this.baseline = baseline;
        this.candidate = candidate;
        this.weights = weights;
        baselineHot = baseline.ids(baseline.hotLeads);
        candidateHot = candidate.ids(candidate.hotLeads);
        final BitSet truth = (BitSet)candidate.positives.clone();
        positives = candidate.ids(truth);
    }

    public String tenant()
    {
        return tenant;
    }

    /**
     * @return leads hot under the candidate and not in the baseline.
     */
    public TreeSet<String> turnedHot()
    {
        final TreeSet<String> leads = new TreeSet<>(candidateHot);
        leads.removeAll(baselineHot);
        return leads;
    }

    /**
     * @return leads hot in the baseline and not under the candidate.
     */
    public TreeSet<String> turnedCold()
    {
        final TreeSet<String> leads = new TreeSet<>(baselineHot);
        leads.removeAll(candidateHot);
        return leads;
    }

    public TreeSet<String> baselineHot()
    {
        return baselineHot;
    }

    public TreeSet<String> candidateHot()
    {
        return candidateHot;
    }

    /**
     * @return leads with an opportunity or a conversion in the journal.
     */
    public TreeSet<String> positives()
    {
        return positives;
    }

    /**
     * @return the share of hot leads that had an opportunity or conversion; NaN when none is hot.
     */
    public double precision(final boolean ofCandidate)
    {
        final TreeSet<String> hot = ofCandidate ? candidateHot : baselineHot;
        return hot.isEmpty() ? Double.NaN : (double)truePositives(hot) / hot.size();
    }

    /**
     * @return the share of leads with an opportunity or conversion that were hot; NaN when there are none.
     */
    public double recall(final boolean ofCandidate)
    {
        return positives.isEmpty() ? Double.NaN : (double)truePositives(ofCandidate ? candidateHot : baselineHot) / positives.size();
    }

    /**
     * @return the days the journal spans (UTC calendar days from its first to its last input), at least 1.
     */
    public long days()
    {
        if (candidate.lastNs < candidate.firstNs)
        {
            return 1;
        }
        final long dayNs = 86_400_000_000_000L;
        return Math.floorDiv(candidate.lastNs, dayNs) - Math.floorDiv(candidate.firstNs, dayNs) + 1;
    }

    public Map<String, Long> alerts(final boolean ofCandidate)
    {
        final BacktestRun run = ofCandidate ? candidate : baseline;
        return run.byRep(run.alerts);
    }

    public Map<String, Long> assignments(final boolean ofCandidate)
    {
        final BacktestRun run = ofCandidate ? candidate : baseline;
        return run.byRep(run.assignments);
    }

    public Map<String, Long> roundRobin(final boolean ofCandidate)
    {
        final BacktestRun run = ofCandidate ? candidate : baseline;
        return run.byRep(run.roundRobin);
    }

    public long backupEscalations(final boolean ofCandidate)
    {
        return (ofCandidate ? candidate : baseline).backupEscalations;
    }

    public long queueEscalations(final boolean ofCandidate)
    {
        return (ofCandidate ? candidate : baseline).queueEscalations;
    }

    public void writeText(final PrintWriter out)
    {
        out.printf("backtest of tenant %s against %s%n", tenant, recordedBaseline ? "the recorded outputs" : "the baseline rules");
        out.printf("assumption: %s%n%n", ASSUMPTION);
        out.printf("%-22s %10s %10s%n", "", "baseline", "candidate");
        out.printf("%-22s %10d %10d%n", "hot leads", baselineHot.size(), candidateHot.size());
        out.printf("%-22s %10s %10s   (of hot leads, those with an opportunity or conversion; %d such leads)%n", "precision",
            percent(precision(false)), percent(precision(true)), positives.size());
        out.printf("%-22s %10s %10s%n", "recall", percent(recall(false)), percent(recall(true)));
        out.printf("%-22s %10d %10d%n", "escalations to backup", backupEscalations(false), backupEscalations(true));
        out.printf("%-22s %10d %10d%n", "escalations to queue", queueEscalations(false), queueEscalations(true));
        out.printf("%nturned hot (%d): %s%n", turnedHot().size(), list(turnedHot()));
        out.printf("turned cold (%d): %s%n", turnedCold().size(), list(turnedCold()));
        out.printf("%nper rep over %d day(s): alerts/day baseline -> candidate; assignments (round robin) baseline -> " +
            "candidate; weight share in the candidate rules%n", days());
        final TreeSet<String> reps = new TreeSet<>(alerts(false).keySet());
        reps.addAll(alerts(true).keySet());
        reps.addAll(weights.keySet());
        final long weightTotal = weights.values().stream().mapToLong(Integer::longValue).sum();
        final long rrTotal = roundRobin(true).values().stream().mapToLong(Long::longValue).sum();
        for (final String rep : reps)
        {
            out.printf("  %-20s %7.2f -> %-7.2f %4d (%d) -> %4d (%d)   %s%n", rep,
                (double)alerts(false).getOrDefault(rep, 0L) / days(), (double)alerts(true).getOrDefault(rep, 0L) / days(),
                assignments(false).getOrDefault(rep, 0L), roundRobin(false).getOrDefault(rep, 0L),
                assignments(true).getOrDefault(rep, 0L), roundRobin(true).getOrDefault(rep, 0L),
                weights.containsKey(rep) ? String.format(Locale.ROOT, "weight %d: %s of weight, %s of round robin",
                    weights.get(rep), percent((double)weights.get(rep) / weightTotal),
                    percent(0 == rrTotal ? Double.NaN : (double)roundRobin(true).getOrDefault(rep, 0L) / rrTotal)) : "");
        }
        out.flush();
    }

    public void writeJson(final JsonGenerator json) throws IOException
    {
        json.writeStartObject();
        json.writeStringField("tenant", tenant);
        json.writeStringField("baseline", recordedBaseline ? "recorded" : "rules");
        json.writeStringField("assumption", ASSUMPTION);
        json.writeNumberField("days", days());
        json.writeNumberField("positives", positives.size());
        run(json, "baselineRun", false);
        run(json, "candidateRun", true);
        strings(json, "turnedHot", turnedHot());
        strings(json, "turnedCold", turnedCold());
        json.writeObjectFieldStart("weights");
        for (final Map.Entry<String, Integer> weight : weights.entrySet())
        {
            json.writeNumberField(weight.getKey(), weight.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private void run(final JsonGenerator json, final String name, final boolean ofCandidate) throws IOException
    {
        json.writeObjectFieldStart(name);
        json.writeNumberField("hotLeads", (ofCandidate ? candidateHot : baselineHot).size());
        rate(json, "precision", precision(ofCandidate));
        rate(json, "recall", recall(ofCandidate));
        json.writeNumberField("backupEscalations", backupEscalations(ofCandidate));
        json.writeNumberField("queueEscalations", queueEscalations(ofCandidate));
        counts(json, "alerts", alerts(ofCandidate));
        json.writeObjectFieldStart("alertsPerDay");
        for (final Map.Entry<String, Long> rep : alerts(ofCandidate).entrySet())
        {
            json.writeNumberField(rep.getKey(), (double)rep.getValue() / days());
        }
        json.writeEndObject();
        counts(json, "assignments", assignments(ofCandidate));
        counts(json, "roundRobinAssignments", roundRobin(ofCandidate));
        json.writeEndObject();
    }

    private static void counts(final JsonGenerator json, final String name, final Map<String, Long> counts) throws IOException
    {
        json.writeObjectFieldStart(name);
        for (final Map.Entry<String, Long> count : new TreeMap<>(counts).entrySet())
        {
            json.writeNumberField(count.getKey(), count.getValue());
        }
        json.writeEndObject();
    }

    private static void strings(final JsonGenerator json, final String name, final TreeSet<String> values) throws IOException
    {
        json.writeArrayFieldStart(name);
        for (final String value : values)
        {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static void rate(final JsonGenerator json, final String name, final double value) throws IOException
    {
        if (Double.isNaN(value))
        {
            json.writeNullField(name);
        }
        else
        {
            json.writeNumberField(name, value);
        }
    }

    private long truePositives(final TreeSet<String> hot)
    {
        return hot.stream().filter(positives::contains).count();
    }

    private static String list(final TreeSet<String> leads)
    {
        final int shown = 50;
        if (leads.size() <= shown)
        {
            return String.join(", ", leads);
        }
        return String.join(", ", List.copyOf(leads).subList(0, shown)) + ", ... (" + (leads.size() - shown) + " more)";
    }

    private static String percent(final double rate)
    {
        return Double.isNaN(rate) ? "-" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }
}
