package io.firstcall.gateway.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.firstcall.audit.DataDirectory;
import io.firstcall.audit.JournalWalk;
import io.firstcall.audit.SpeedToLeadJson;
import io.firstcall.audit.SpeedToLeadProjection;
import io.firstcall.audit.SpeedToLeadSnapshot;
import io.firstcall.audit.SpeedToLeadText;
import io.firstcall.audit.TenantFigures;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code firstcall report}: the speed-to-lead metrics of a journal, the same figures a running server
 * serves at {@code /stats}.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
        "Compute the speed-to-lead metrics from the journals of DIR: response time from hot and from the form (avg,",
        "median, p90), the distribution across <= 5 min, <= 30 min, > 30 min and never, connect, qualification and",
        "conversion rates and opportunities by bucket, alerts, claim rate, lapses and escalations per rep; per tenant",
        "and grouped by team, rep or source. Exit code 0; 4 no such directory, 5 not a journal, 6 unsupported version." })
final class ReportCommand implements Callable<Integer>
{
    @Mixin
    private AuditData data;

    @Option(names = "--from", paramLabel = "TIME", description = "Leads that became hot at or after this engine time " +
        "(ISO-8601 or epoch milliseconds); alerts, claims, lapses and escalations from then.")
    private String from;

    @Option(names = "--to", paramLabel = "TIME", description = "... and before this one.")
    private String to;

    @Option(names = "--by", paramLabel = "rep|team|source", defaultValue = "team", description = "Group by; default ${DEFAULT-VALUE}.")
    private String by;

    @Option(names = "--never-after", paramLabel = "DURATION", defaultValue = "24h", description = "A hot lead not called " +
        "within this long is 'never' (engine.speedToLeadNeverAfter for the server); default ${DEFAULT-VALUE}.")
    private String neverAfter;

    @Option(names = "--format", paramLabel = "text|csv|json", defaultValue = "text", description = "Default ${DEFAULT-VALUE}.")
    private String format;

    @Spec
    private CommandSpec spec;

    public Integer call() throws IOException
    {
        final TenantFigures.Dimension dimension;
        try
        {
            dimension = TenantFigures.Dimension.valueOf(by.toUpperCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("--by: '" + by + "' is not rep, team or source");
        }
        if (!"text".equals(format) && !"csv".equals(format) && !"json".equals(format))
        {
            throw new IllegalArgumentException("--format: '" + format + "' is not text, csv or json");
        }
        final SpeedToLeadProjection projection = new SpeedToLeadProjection(
            AuditData.parseDuration(neverAfter, "--never-after"),
            null == from ? Long.MIN_VALUE : AuditData.parseTime(from, "--from"),
            null == to ? Long.MAX_VALUE : AuditData.parseTime(to, "--to"));
        try (DataDirectory directory = data.open("report", spec.commandLine().getErr()))
        {
            if (null == directory)
            {
                return data.refusal;
            }
            try (JournalWalk walk = directory.walk(); ProgressBar bar = data.progressBar("report", directory))
            {
                while (walk.poll(projection, 4096) > 0)
                {
                    if (null != bar)
                    {
                        bar.stepTo(walk.inputCount());
                    }
                }
            }
        }
        write(projection.snapshot(), dimension, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    private void write(final SpeedToLeadSnapshot snapshot, final TenantFigures.Dimension dimension, final PrintWriter out)
        throws IOException
    {
        switch (format)
        {
            case "csv":
                SpeedToLeadText.writeCsv(out, snapshot, dimension);
                break;
            case "json":
                try (JsonGenerator json = new JsonFactory().createGenerator(out))
                {
                    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    SpeedToLeadJson.writeReport(json, snapshot, dimension);
                }
                out.println();
                break;
            default:
                SpeedToLeadText.writeText(out, snapshot, dimension);
                break;
        }
        out.flush();
    }
}
