package io.firstcall.gateway.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.firstcall.audit.Backtest;
import io.firstcall.audit.BacktestReport;
import io.firstcall.audit.DataDirectory;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code firstcall backtest}: what candidate rules would have decided on history.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description = {
        "Replay the journals of DIR in memory with CANDIDATE.yaml (one tenant's rules) in place of that tenant's journaled",
        "configuration changes, reps' recorded actions kept as they happened, and print what would change against the",
        "recorded outputs (or a replay under --baseline): leads that flip hot or cold, precision and recall of hot",
        "against opportunities and conversions, alerts per rep per day, assignments against weights, escalations.",
        "Never writes to DIR. Exit code 0; 1 invalid rules; 4 no such directory, 5 not a journal, 6 unsupported version." })
final class BacktestCommand implements Callable<Integer>
{
    @Mixin
    private AuditData data;

    @Option(names = "--config", paramLabel = "CANDIDATE.yaml", required = true, description = "The candidate rules (a tenant's YAML).")
    private Path candidate;

    @Option(names = "--baseline", paramLabel = "CURRENT.yaml", description = "Compare with a replay under these rules " +
        "instead of the recorded outputs.")
    private Path baseline;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Default ${DEFAULT-VALUE}.")
    private String format;

    @Spec
    private CommandSpec spec;

    public Integer call() throws IOException
    {
        if (!"text".equals(format) && !"json".equals(format))
        {
            throw new IllegalArgumentException("--format: '" + format + "' is not text or json");
        }
        final BacktestReport report;
        try (DataDirectory directory = data.open("backtest", spec.commandLine().getErr()))
        {
            if (null == directory)
            {
                return data.refusal;
            }
            final String candidateYaml = Files.readString(candidate, StandardCharsets.UTF_8);
            final String baselineYaml = null == baseline ? null : Files.readString(baseline, StandardCharsets.UTF_8);
            try (ProgressBar bar = data.progressBar("backtest", directory))
            {
                report = Backtest.run(directory, candidateYaml, baselineYaml, inputs ->
                {
                    if (null != bar)
                    {
                        bar.stepTo(inputs);
                    }
                });
            }
        }
        final PrintWriter out = spec.commandLine().getOut();
        if ("json".equals(format))
        {
            try (JsonGenerator json = new JsonFactory().createGenerator(out))
            {
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                report.writeJson(json);
            }
            out.println();
        }
        else
        {
            report.writeText(out);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
