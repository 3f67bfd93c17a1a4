package io.firstcall.gateway.cli;

import io.firstcall.audit.DataDirectory;
import io.firstcall.audit.InputFields;
import io.firstcall.audit.JournalListener;
import io.firstcall.audit.JournalWalk;
import io.firstcall.audit.OutputFields;
import io.firstcall.render.InputRenderer;
import io.firstcall.render.IsoTime;
import io.firstcall.render.OutputRenderer;
import me.tongfei.progressbar.ProgressBar;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code firstcall dump}: every journal entry as the protocol's JSON, with its sequence and engine time;
 * each input followed by the outputs it caused. {@code --follow} keeps reading a live journal.
 */
@Command(
    name = "dump",
    mixinStandardHelpOptions = true,
    description = {
        "Print the journals of DIR as the protocol's JSON: each input (as a client sends it) followed by the outputs",
        "it caused (pushes and decisions), with the input's sequence and engine time. Read-only; a running server",
        "may keep appending. Exit code 0; 4 no such directory, 5 not a journal, 6 unsupported journal version." })
final class DumpCommand implements Callable<Integer>
{
    private static final String LINE_SEPARATOR = System.lineSeparator();

    private static final long FOLLOW_POLL_MS = 100;

    @Mixin
    private AuditData data;

    @Option(names = "--journal", paramLabel = "input|output|both", defaultValue = "both",
        description = "Which journal to print; default ${DEFAULT-VALUE} (merged in journal order).")
    private String journal;

    @Option(names = "--lead", paramLabel = "ID", description = "Only entries about this lead.")
    private String lead;

    @Option(names = "--tenant", paramLabel = "T", description = "Only entries of this tenant.")
    private String tenant;

    @Option(names = "--from", paramLabel = "TIME", description = "Only entries at or after this engine time " +
        "(ISO-8601, e.g. 2024-10-04T16:00:00Z, or epoch milliseconds).")
    private String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Only entries before this engine time.")
    private String to;

    @Option(names = "--type", paramLabel = "T", split = ",", description = "Only entries of these types: an input's type " +
        "(form, call, ...), a push's (alert, assigned, ...) or a decision's kind (hot, routed, claimed, ...).")
    private List<String> types;

    @Option(names = "--follow", description = "After the last entry, keep waiting for new ones (Ctrl-C to stop).")
    private boolean follow;

    @Option(names = "--format", paramLabel = "text|jsonl", defaultValue = "text",
        description = "text: one line per entry, outputs indented under their input; jsonl: one JSON object per entry, " +
            "{\"journal\",\"seq\",\"engineTime\",\"entry\"}; default ${DEFAULT-VALUE}.")
    private String format;

    @Spec
    private CommandSpec spec;

    public Integer call()
    {
        final boolean inputs = "input".equals(journal) || "both".equals(journal);
        final boolean outputs = "output".equals(journal) || "both".equals(journal);
        if (!inputs && !outputs)
        {
            throw new IllegalArgumentException("--journal: '" + journal + "' is not input, output or both");
        }
        if (!"text".equals(format) && !"jsonl".equals(format))
        {
            throw new IllegalArgumentException("--format: '" + format + "' is not text or jsonl");
        }
        final long fromNs = null == from ? Long.MIN_VALUE : AuditData.parseTime(from, "--from");
        final long toNs = null == to ? Long.MAX_VALUE : AuditData.parseTime(to, "--to");
        final PrintWriter out = spec.commandLine().getOut();
        try (DataDirectory directory = data.open("dump", spec.commandLine().getErr()))
        {
            if (null == directory)
            {
                return data.refusal;
            }
            final Printer printer = new Printer(out, fromNs, toNs);
            try (JournalWalk walk = directory.walk(inputs, outputs); ProgressBar bar = follow ? null : data.progressBar("dump", directory))
            {
                int count;
                while ((count = walk.poll(printer, 4096)) > 0)
                {
                    if (null != bar)
                    {
                        bar.stepTo(walk.inputCount());
                    }
                }
                out.flush();
                while (follow && !Thread.currentThread().isInterrupted())
                {
                    if (0 == walk.poll(printer, 4096))
                    {
                        out.flush();
                        Thread.sleep(FOLLOW_POLL_MS);
                    }
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    /**
     * Filters and prints each entry.
     */
    private final class Printer implements JournalListener
    {
        private final PrintWriter out;
        private final long fromNs;
        private final long toNs;
        private final InputRenderer inputRenderer = new InputRenderer();
        private final OutputRenderer outputRenderer = new OutputRenderer();
        private final InputFields inputFields = new InputFields();
        private final OutputFields outputFields = new OutputFields();
        private final UnsafeBuffer leadId;
        private final UnsafeBuffer tenantId;
        private final Set<String> typeFilter;
        private final boolean jsonl = "jsonl".equals(format);
        private final StringBuilder lineText = new StringBuilder(512);
        private final char[] time = new char[IsoTime.LENGTH];

        Printer(final PrintWriter out, final long fromNs, final long toNs)
        {
            this.out = out;
            this.fromNs = fromNs;
            this.toNs = toNs;
            leadId = null == lead ? null : new UnsafeBuffer(lead.getBytes(StandardCharsets.UTF_8));
            tenantId = null == tenant ? null : new UnsafeBuffer(tenant.getBytes(StandardCharsets.UTF_8));
            typeFilter = null == types ? null : new HashSet<>(types);
        }

        public void onInput(final long sequence, final long timestampNs, final DirectBuffer buffer, final int offset, final int length)
        {
            if (timestampNs < fromNs || timestampNs >= toNs)
            {
                return;
            }
            final boolean readable = inputFields.wrap(buffer, offset, length);
            if ((null != leadId || null != tenantId) && (!readable ||
                !matches(tenantId, buffer, inputFields.tenantOffset(), inputFields.tenantLength()) ||
                !matches(leadId, buffer, inputFields.leadOffset(), inputFields.leadLength())))
            {
                return;
            }
            final int lineLength = readable ? inputRenderer.render(buffer, offset, length) : InputRenderer.NOT_AN_INPUT;
            final String line = lineLength > 0 ?
                new String(inputRenderer.buffer().byteArray(), 0, lineLength - 1, StandardCharsets.UTF_8) :
                "{\"type\":null,\"length\":" + length + "}";
            print("input", sequence, timestampNs, line);
        }

        public void onOutput(
            final long causeSequence, final long causeTimestampNs, final DirectBuffer buffer, final int offset, final int length)
        {
            if (causeTimestampNs < fromNs || causeTimestampNs >= toNs || !outputFields.wrap(buffer, offset, length))
            {
                return;
            }
            if (!matches(tenantId, outputFields.tenant(), 0, outputFields.tenant().capacity()) ||
                !matches(leadId, outputFields.lead(), 0, outputFields.lead().capacity()))
            {
                return;
            }
            final int lineLength = outputRenderer.render(buffer, offset, length);
            if (lineLength > 0)
            {
                print("output", causeSequence, causeTimestampNs,
                    new String(outputRenderer.buffer().byteArray(), 0, lineLength - 1, StandardCharsets.UTF_8));
            }
        }

        private void print(final String journalName, final long sequence, final long timestampNs, final String line)
        {
            if (null != typeFilter && !typeFilter.contains(type(line)))
            {
                return;
            }
            // Appended and written whole: printf parses its format per call, and picocli's writer
            // flushes on every printf, a write to the terminal or pipe per line.
            final StringBuilder text = lineText;
            text.setLength(0);
            if (jsonl)
            {
                text.append("{\"journal\":\"").append(journalName).append("\",\"seq\":").append(sequence)
                    .append(",\"engineTime\":\"");
                appendTime(text, timestampNs);
                text.append("\",\"entry\":").append(line).append('}');
            }
            else
            {
                text.append("output".equals(journalName) ? "  output seq=" : "input  seq=").append(sequence).append(' ');
                appendTime(text, timestampNs);
                text.append(' ').append(line);
            }
            text.append(LINE_SEPARATOR);
            out.append(text);
        }

        private void appendTime(final StringBuilder text, final long timestampNs)
        {
            if (IsoTime.format(Math.floorDiv(timestampNs, 1_000_000L), time))
            {
                text.append(time);
            }
            else
            {
                text.append(AuditData.iso(timestampNs));
            }
        }

        /**
         * @return a decision's kind, else the type: the line starts {"type":"decision","kind":"hot" or {"type":"alert".
         */
        private String type(final String line)
        {
            final int typeStart = line.indexOf(':') + 2;
            final String type = line.substring(typeStart, line.indexOf('"', typeStart));
            if (!"decision".equals(type))
            {
                return type;
            }
            final int kindStart = line.indexOf("\"kind\":\"") + 8;
            return line.substring(kindStart, line.indexOf('"', kindStart));
        }

        private boolean matches(final UnsafeBuffer wanted, final DirectBuffer buffer, final int offset, final int length)
        {
            return null == wanted || (length == wanted.capacity() &&
                io.firstcall.event.Bytes.equal(wanted, 0, buffer, offset, length));
        }
    }
}
