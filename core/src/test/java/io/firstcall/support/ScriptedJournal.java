package io.firstcall.support;

import io.firstcall.codec.CallOutcome;
import io.firstcall.codec.PresenceStatus;
import io.firstcall.codec.QualificationResult;
import io.firstcall.engine.LeadStateMachine;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.event.EventWriter;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.RecordHeader;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Writes a data directory as a server would, synchronously and at engine times of the script's
 * choosing: each input is journaled ({@code [sequence][engine time][SBE]}), applied to a real
 * {@link LeadStateMachine}, and its outputs journaled after it. For the audit tools' tests.
 */
public final class ScriptedJournal implements AutoCloseable
{
    public static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    public static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    public static final long HOUR = TimeUnit.HOURS.toNanos(1);

    private final ChronicleJournal input;
    private final ChronicleJournal output;
    private final OutputBatch outputs = new OutputBatch();
    private final LeadStateMachine machine = new LeadStateMachine(outputs);
    private final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[64 * 1024]));
    private final UnsafeBuffer entry = new UnsafeBuffer(new byte[64 * 1024 + RecordHeader.LENGTH]);
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private final String tenant;
    private long sequence;
    private long nowNs;
    private int ids;

    public ScriptedJournal(final Path dataDir, final String tenant)
    {
        this.tenant = tenant;
        input = ChronicleJournal.open(dataDir.resolve("input"));
        output = ChronicleJournal.open(dataDir.resolve("output"));
    }

    /**
     * Engine time of the next inputs; the event time is the same instant.
     */
    public ScriptedJournal at(final long nowNs)
    {
        this.nowNs = nowNs;
        writer.times(nowNs / 1_000_000, nowNs);
        return this;
    }

    public long nowNs()
    {
        return nowNs;
    }

    public EventWriter writer()
    {
        return writer;
    }

    public LeadStateMachine machine()
    {
        return machine;
    }

    public ScriptedJournal config(final String yaml)
    {
        return send(writer.config(tenant, "cfg-" + ids++, yaml));
    }

    public ScriptedJournal presence(final String rep, final PresenceStatus status)
    {
        return send(writer.presence(tenant, id(), rep, status));
    }

    public ScriptedJournal lead(final String lead, final String industry, final String region, final String source)
    {
        return send(writer.lead(tenant, id(), lead, lead + "@example.com", "Name " + lead, "Co " + lead, industry, region,
            50, source, null));
    }

    public ScriptedJournal form(final String lead, final String form)
    {
        return send(writer.form(tenant, id(), lead, form));
    }

    public ScriptedJournal visit(final String lead, final String page)
    {
        return send(writer.visit(tenant, id(), lead, page));
    }

    public ScriptedJournal call(final String lead, final String rep, final CallOutcome outcome)
    {
        return send(writer.call(tenant, id(), lead, rep, outcome));
    }

    public ScriptedJournal qualify(final String lead, final String rep)
    {
        return send(writer.qualify(tenant, id(), lead, rep, QualificationResult.QUALIFIED, "fit"));
    }

    public ScriptedJournal opportunity(final String lead, final String rep, final long cents)
    {
        return send(writer.opportunity(tenant, id(), lead, rep, cents));
    }

    public ScriptedJournal converted(final String lead)
    {
        return send(writer.converted(tenant, id(), lead));
    }

    public ScriptedJournal tick()
    {
        return send(writer.tick());
    }

    /**
     * Journal and apply the message the writer holds at offset 0.
     */
    public ScriptedJournal send(final int length)
    {
        final long seq = sequence++;
        RecordHeader.write(entry, 0, seq, nowNs);
        entry.putBytes(RecordHeader.LENGTH, writer.buffer(), 0, length);
        input.append(entry, 0, RecordHeader.LENGTH + length);
        outputs.reset();
        outputs.cause(seq, nowNs);
        view.wrap(writer.buffer(), 0, length);
        machine.onEvent(view, seq, nowNs);
        for (int i = 0; i < outputs.count(); i++)
        {
            output.append(outputs.buffer(), outputs.recordOffset(i), outputs.recordLength(i));
        }
        return this;
    }

    public long sequence()
    {
        return sequence;
    }

    private String id()
    {
        return "e" + ids++;
    }

    public void close()
    {
        input.close();
        output.close();
    }
}
