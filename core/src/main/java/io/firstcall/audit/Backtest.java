package io.firstcall.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.firstcall.engine.LeadStateMachine;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.engine.tenant.TenantRules;
import io.firstcall.engine.tenant.TenantRulesCache;
import io.firstcall.engine.tenant.TenantRulesParser;
import io.firstcall.event.EventWriter;
import io.firstcall.event.InputTypes;
import io.firstcall.journal.RecordHeader;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Tries candidate rules on history: replays the input journal through a real {@link LeadStateMachine}
 * in memory (nothing is written anywhere) with the candidate document put in place of every
 * configuration change journaled for its tenant, and compares what it decides with a baseline: the
 * recorded outputs, or a replay under baseline rules. Everything else is replayed as it happened,
 * reps' calls, claims, presence and outcomes at their journaled times ({@link BacktestReport#ASSUMPTION}).
 * <p>
 * The two runs read the journals independently, the baseline on a second thread, so a backtest takes
 * about as long as one replay.
 */
public final class Backtest
{
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final int BATCH = 4096;

    private Backtest()
    {
    }

    /**
     * @param candidateYaml the candidate rules of one tenant (its {@code tenant} key names it).
     * @param baselineYaml  rules to replay as the baseline, or null to compare with the recorded outputs.
     * @param progress      told the number of inputs the candidate replay has read, now and then.
     * @throws io.firstcall.engine.tenant.InvalidConfigException when a document is not valid rules.
     */
    public static BacktestReport run(
        final DataDirectory data, final String candidateYaml, final String baselineYaml, final LongConsumer progress)
    {
        final TenantRules candidate = TenantRulesParser.parse(null, candidateYaml);
        final String tenant = candidate.tenant();
        if (null != baselineYaml)
        {
            TenantRulesParser.parse(tenant, baselineYaml);
        }
        final ExecutorService executor = Executors.newSingleThreadExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "firstcall-backtest-baseline");
            thread.setDaemon(true);
            return thread;
        });
        try
        {
            final Future<BacktestRun> baseline = executor.submit(() -> null == baselineYaml ?
                recorded(data, tenant) : replay(data, tenant, baselineYaml, n -> {}));
            final BacktestRun candidateRun = replay(data, tenant, candidateYaml, progress);
            return new BacktestReport(tenant, null == baselineYaml, baseline.get(), candidateRun, weights(candidateYaml));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("backtest interrupted", ex);
        }
        catch (final ExecutionException ex)
        {
            throw ex.getCause() instanceof RuntimeException ? (RuntimeException)ex.getCause() :
                new IllegalStateException(ex.getCause());
        }
        finally
        {
            executor.shutdownNow();
        }
    }

    /**
     * The baseline as it happened: the recorded outputs.
     */
    static BacktestRun recorded(final DataDirectory data, final String tenant)
    {
        final BacktestRun run = new BacktestRun(tenant);
        try (JournalWalk walk = data.walk())
        {
            walk.drain(new JournalListener()
            {
                public void onInput(final long sequence, final long timestampNs, final DirectBuffer buffer, final int offset,
                    final int length)
                {
                    run.onInput(timestampNs, buffer, offset, length);
                }

                public void onOutput(final long causeSequence, final long causeTimestampNs, final DirectBuffer buffer,
                    final int offset, final int length)
                {
                    run.onOutput(buffer, offset, length);
                }
            });
        }
        return run;
    }

    /**
     * History replayed under {@code yaml} for its tenant.
     */
    static BacktestRun replay(final DataDirectory data, final String tenant, final String yaml, final LongConsumer progress)
    {
        final BacktestRun run = new BacktestRun(tenant);
        final Replay replay = new Replay(run, tenant, yaml);
        try (JournalWalk walk = data.walk(true, false))
        {
            int count;
            long inputs = 0;
            while ((count = walk.poll(replay, BATCH)) > 0)
            {
                inputs += count;
                progress.accept(inputs);
            }
        }
        return run;
    }

    /**
     * @return each rep's weight in the rules (1 when not given), in the order they are listed.
     */
    static Map<String, Integer> weights(final String yaml)
    {
        final Map<String, Integer> weights = new LinkedHashMap<>();
        try
        {
            final JsonNode reps = YAML.readTree(yaml).path("reps");
            reps.forEach(rep -> weights.put(rep.path("id").asText(), rep.path("weight").asInt(1)));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return weights;
    }

    /**
     * Applies each input to a fresh machine, the tenant's configuration changes replaced.
     */
    private static final class Replay implements JournalListener
    {
        private final BacktestRun run;
        private final String yaml;
        private final OutputBatch batch = new OutputBatch();
        private final LeadStateMachine machine;
        private final InputFields input = new InputFields();
        private final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[128 * 1024]));
        private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
        private final UnsafeBuffer tenantId;

        Replay(final BacktestRun run, final String tenant, final String yaml)
        {
            this.run = run;
            this.yaml = yaml;
            final TenantRulesCache rules = new TenantRulesCache();
            rules.parse(tenant, yaml);
            machine = new LeadStateMachine(batch, 1024, rules);
            tenantId = new UnsafeBuffer(tenant.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        public void onInput(final long sequence, final long timestampNs, final DirectBuffer buffer, final int offset, final int length)
        {
            run.onInput(timestampNs, buffer, offset, length);
            if (input.wrap(buffer, offset, length) && InputTypes.CONFIG == input.templateId() &&
                input.tenantLength() == tenantId.capacity() &&
                io.firstcall.event.Bytes.equal(tenantId, 0, buffer, input.tenantOffset(), input.tenantLength()))
            {
                final String eventId = buffer.getStringWithoutLengthUtf8(input.eventIdOffset(), input.eventIdLength());
                final String tenant = tenantId.getStringWithoutLengthUtf8(0, tenantId.capacity());
                final int substituted = writer.times(input.eventTimeMs(), 0).config(tenant, eventId, yaml);
                view.wrap(writer.buffer(), 0, substituted);
            }
            else
            {
                view.wrap(buffer, offset, length);
            }
            batch.reset();
            batch.cause(sequence, timestampNs);
            machine.onEvent(view, sequence, timestampNs);
            for (int i = 0, count = batch.count(); i < count; i++)
            {
                run.onOutput(batch.buffer(), batch.recordOffset(i) + RecordHeader.LENGTH, batch.recordLength(i) - RecordHeader.LENGTH);
            }
        }

        public void onOutput(final long causeSequence, final long causeTimestampNs, final DirectBuffer buffer, final int offset,
            final int length)
        {
        }
    }
}
