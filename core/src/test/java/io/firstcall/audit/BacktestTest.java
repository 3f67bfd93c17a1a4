package io.firstcall.audit;

import io.firstcall.support.SpeedToLeadScript;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Backtests on {@link SpeedToLeadScript}, whose recorded rules make a lead hot on a demo request:
 * L1..L6 hot, L7 (an ebook download, 5 points) not; L1 (opportunity, conversion) and L2 (opportunity)
 * are the positives. Every expected value is worked out by hand from the script.
 */
class BacktestTest
{
    /**
     * Hot only on a score of 45: L2's ebook (5 points, decayed 30 minutes: 4.99) and demo request (40)
     * round to 45; every other lead's demo request scores 40.
     */
    private static final String TIGHTER = SpeedToLeadScript.RULES.replace(
        "hot:\n  forms: [demo_request]\n", "hot:\n  forms: []\n  score: 45\n");

    /**
     * An ebook download is hot too: L7 joins; L2 is hot from its ebook download, 30 minutes earlier.
     */
    private static final String LOOSER = SpeedToLeadScript.RULES.replace(
        "forms: [demo_request]", "forms: [demo_request, ebook_download]");

    @TempDir
    Path dataDir;

    @BeforeEach
    void writeTheScript()
    {
        SpeedToLeadScript.write(dataDir);
    }

    @Test
    void shouldMatchTheRecordingWhenReplayingTheRecordedRules()
    {
        final BacktestReport report = backtest(SpeedToLeadScript.RULES, null);
        assertEquals(Set.of(), report.turnedHot());
        assertEquals(Set.of(), report.turnedCold());
        assertEquals(report.alerts(false), report.alerts(true));
        assertEquals(report.assignments(false), report.assignments(true));
        assertEquals(2, report.queueEscalations(true), "L4 and L6");
    }

    @Test
    void shouldReportWhatATighterCandidateTurnsCold()
    {
        final BacktestReport report = backtest(TIGHTER, null);
        assertEquals(Set.of(), report.turnedHot());
        assertEquals(Set.of("L1", "L3", "L4", "L5", "L6"), report.turnedCold());
        assertEquals(Set.of("L1", "L2"), report.positives());
        assertEquals(2.0 / 6, report.precision(false), 1e-12, "baseline: L1, L2 of 6 hot");
        assertEquals(1.0, report.recall(false));
        assertEquals(1.0, report.precision(true), "candidate: L2 of 1 hot");
        assertEquals(0.5, report.recall(true), "L2 of L1, L2");
        assertEquals(3, report.days(), "from 2024-10-04 to the last tick at T0+48h, 2024-10-06 00:00");
    }

    @Test
    void shouldReportWhatALooserCandidateTurnsHotAgainstBaselineRules()
    {
        final BacktestReport report = backtest(LOOSER, SpeedToLeadScript.RULES);
        assertEquals(Set.of("L7"), report.turnedHot());
        assertEquals(Set.of(), report.turnedCold());
        assertEquals(2.0 / 6, report.precision(false), 1e-12);
        assertEquals(2.0 / 7, report.precision(true), 1e-12, "L1, L2 of 7 hot");
        assertEquals(1.0, report.recall(true));
        assertEquals(7, report.alerts(true).values().stream().mapToLong(Long::longValue).sum() -
            report.alerts(true).getOrDefault("west-managers", 0L), "one first alert per hot lead");
    }

    @Test
    void shouldNeverWriteToTheDataDirectory() throws IOException
    {
        final List<String> before = listing();
        backtest(LOOSER, SpeedToLeadScript.RULES);
        assertEquals(before, listing());
    }

    private List<String> listing() throws IOException
    {
        try (Stream<Path> files = Files.walk(dataDir))
        {
            return files.map(p -> p + " " + p.toFile().length() + " " + p.toFile().lastModified()).sorted()
                .collect(Collectors.toList());
        }
    }

    private BacktestReport backtest(final String candidate, final String baseline)
    {
        try (DataDirectory data = DataDirectory.open(dataDir))
        {
            return Backtest.run(data, candidate, baseline, inputs -> {});
        }
    }
}
