package io.firstcall.gateway.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.firstcall.audit.DataDirectory;
import io.firstcall.audit.JournalWalk;
import io.firstcall.audit.LeadStory;
import io.firstcall.audit.LeadStoryWriter;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code firstcall explain}: why lead X went to rep Y, step by step.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
        "Tell one lead's story from the journals of DIR, in time order: its inputs, the score change each made, hot",
        "decisions with criteria and configuration version, routing decisions with team, pool, exclusions, fairness",
        "ledger and assignment rule, alerts, claims, escalations, tasks, outcomes, and the response time.",
        "Exit code 0; 1 when the lead is not in the journal; 4 no such directory, 5 not a journal, 6 unsupported version." })
final class ExplainCommand implements Callable<Integer>
{
    @Mixin
    private AuditData data;

    @Option(names = "--lead", paramLabel = "ID", required = true, description = "The lead's id.")
    private String lead;

    @Option(names = "--tenant", paramLabel = "T", description = "The lead's tenant; default: the first tenant it appears in.")
    private String tenant;

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
        final PrintWriter out = spec.commandLine().getOut();
        final LeadStory story = new LeadStory(tenant, lead);
        try (DataDirectory directory = data.open("explain", spec.commandLine().getErr()))
        {
            if (null == directory)
            {
                return data.refusal;
            }
            try (JournalWalk walk = directory.walk(); ProgressBar bar = data.progressBar("explain", directory))
            {
                while (walk.poll(story, 4096) > 0)
                {
                    if (null != bar)
                    {
                        bar.stepTo(walk.inputCount());
                    }
                }
            }
        }
        if (null == story.tenant() || story.steps().isEmpty())
        {
            spec.commandLine().getErr().println("explain: no lead " + lead + (null == tenant ? "" : " of tenant " + tenant) +
                " in " + data.dataDir);
            return ExitCodes.ERROR;
        }
        if ("json".equals(format))
        {
            try (JsonGenerator json = new JsonFactory().createGenerator(out))
            {
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                LeadStoryWriter.writeJson(json, story);
            }
            out.println();
        }
        else
        {
            LeadStoryWriter.writeText(out, story);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
