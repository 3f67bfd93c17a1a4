package io.firstcall.support;

import io.firstcall.codec.EscalationEncoder;
import io.firstcall.codec.EscalationLevel;
import io.firstcall.codec.FormSubmittedDecoder;
import io.firstcall.codec.MessageHeaderEncoder;
import io.firstcall.engine.StateMachine;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.engine.lead.ByteKeyIndex;
import io.firstcall.engine.timer.TimerService;
import io.firstcall.event.InputEnvelope;
import io.firstcall.event.InputTypes;
import io.firstcall.snapshot.SnapshotFormatException;
import io.firstcall.snapshot.SnapshotReader;
import io.firstcall.snapshot.SnapshotWriter;
import io.firstcall.snapshot.Snapshottable;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * A small deterministic state machine that implements {@link Snapshottable}, to prove snapshots,
 * restarts and the replica until the real machine does. Per subject (tenant and the first field after
 * the event id: the lead, or the rep) it counts events and remembers the last sequence; a form
 * submission (re)starts a follow-up timer and emits an output, the timer firing on a tick emits
 * another, any other event of the subject cancels nothing. Outputs are {@code Escalation} messages
 * carrying the subject, its count and the deadline, so any difference in state shows in them.
 */
public final class ProbeStateMachine implements StateMachine, Snapshottable
{
    public static final int SCHEMA_ID = 0x50524F42;
    public static final int SCHEMA_VERSION = 1;
    public static final long FOLLOW_UP_NS = TimeUnit.MINUTES.toNanos(5);
    private static final int MAX_KEY = 2 * 256 + 1;
    private static final int MAX_SUBJECTS = 1 << 28;
    private static final long NO_TIMER = -1;

    private final OutputBatch outputs;
    private final int schemaVersion;
    private final InputEnvelope envelope = new InputEnvelope();
    private final TimerService timers = new TimerService();
    private final TimerService.TimerListener onTimer = this::onTimer;
    private final UnsafeBuffer key = new UnsafeBuffer(new byte[MAX_KEY]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final EscalationEncoder escalation = new EscalationEncoder();
    private ByteKeyIndex subjects = new ByteKeyIndex(1024);
    private long[] counts = new long[1024];
    private long[] lastSequences = new long[1024];
    private long[] timerIds = newTimerIds(1024);
    private long events;
    private long sequence;
    private long timestampNs;

    public ProbeStateMachine(final OutputBatch outputs)
    {
        this(outputs, SCHEMA_VERSION);
    }

    /**
     * @param schemaVersion the snapshot layout version it claims: another one makes older snapshots incompatible.
     */
    public ProbeStateMachine(final OutputBatch outputs, final int schemaVersion)
    {
        this.outputs = outputs;
        this.schemaVersion = schemaVersion;
    }

    public void onEvent(final DirectBuffer buffer, final long sequence, final long timestampNs)
    {
        final int offset = 0;
        final int length = buffer.capacity();
        if (!envelope.wrap(buffer, offset, length))
        {
            return;
        }
        this.sequence = sequence;
        this.timestampNs = timestampNs;
        events++;
        if (InputTypes.TICK == envelope.templateId())
        {
            timers.onTick(timestampNs, onTimer);
            return;
        }

        final int subjectLengthOffset = envelope.eventIdOffset() + envelope.eventIdLength();
        final int subjectLength = subjectLengthOffset < offset + length ? buffer.getByte(subjectLengthOffset) & 0xFF : 0;
        final int available = Math.max(0, offset + length - subjectLengthOffset - 1);
        final int keyLength = writeKey(buffer, subjectLengthOffset + 1, Math.min(subjectLength, available));
        final int subject = subjects.getOrAdd(key, 0, keyLength);
        ensureCapacity(subject + 1);
        counts[subject]++;
        lastSequences[subject] = sequence;
        if (FormSubmittedDecoder.TEMPLATE_ID == envelope.templateId())
        {
            if (NO_TIMER != timerIds[subject])
            {
                timers.cancel(timerIds[subject]);
            }
            timerIds[subject] = timers.schedule(timestampNs + FOLLOW_UP_NS, subject);
            emit(subject, timestampNs + FOLLOW_UP_NS, EscalationLevel.BACKUP_REP);
        }
    }

    public long events()
    {
        return events;
    }

    public long pendingTimers()
    {
        return timers.pending();
    }

    public int snapshotSchemaId()
    {
        return SCHEMA_ID;
    }

    public int snapshotSchemaVersion()
    {
        return schemaVersion;
    }

    public void writeSnapshot(final SnapshotWriter writer)
    {
        writer.putLong(events).putInt(subjects.size());
        for (int i = 0; i < subjects.size(); i++)
        {
            writer.putInt(subjects.keyLength(i)).putBytes(subjects.keyBuffer(), subjects.keyOffset(i), subjects.keyLength(i))
                .putLong(counts[i]).putLong(lastSequences[i]).putLong(timerIds[i]);
        }
        timers.writeSnapshot(writer);
    }

    public void readSnapshot(final SnapshotReader reader)
    {
        events = reader.getLong();
        final int size = reader.getCount(MAX_SUBJECTS);
        subjects = new ByteKeyIndex(size);
        ensureCapacity(size);
        for (int i = 0; i < size; i++)
        {
            final int keyLength = reader.getCount(MAX_KEY);
            reader.getBytes(key, 0, keyLength);
            if (subjects.getOrAdd(key, 0, keyLength) != i)
            {
                throw new SnapshotFormatException("subject " + i + " is a repeat");
            }
            counts[i] = reader.getLong();
            lastSequences[i] = reader.getLong();
            timerIds[i] = reader.getLong();
        }
        timers.readSnapshot(reader);
    }

    private void onTimer(final long payload, final long nowNs)
    {
        final int subject = (int)payload;
        timerIds[subject] = NO_TIMER;
        emit(subject, nowNs, EscalationLevel.MANAGER_QUEUE);
    }

    private void emit(final int subject, final long deadlineNs, final EscalationLevel level)
    {
        escalation.wrapAndApplyHeader(outputs.buffer(), outputs.begin(), header)
            .inputSeq(sequence)
            .timeNs(timestampNs)
            .deadlineNs(deadlineNs)
            .level(level)
            .episode((int)counts[subject])
            .putTenant(key, 0, 0)
            .putLead(subjects.keyBuffer(), subjects.keyOffset(subject), subjects.keyLength(subject))
            .putFromRep(key, 0, 0)
            .putTo(key, 0, 0);
        outputs.commit(MessageHeaderEncoder.ENCODED_LENGTH + escalation.encodedLength());
    }

    private int writeKey(final DirectBuffer buffer, final int subjectOffset, final int subjectLength)
    {
        final int tenantLength = envelope.tenantLength();
        key.putBytes(0, buffer, envelope.tenantOffset(), tenantLength);
        key.putByte(tenantLength, (byte)'/');
        key.putBytes(tenantLength + 1, buffer, subjectOffset, subjectLength);
        return tenantLength + 1 + subjectLength;
    }

    private void ensureCapacity(final int size)
    {
        if (size > counts.length)
        {
            final int capacity = Math.max(size, counts.length * 2);
            counts = Arrays.copyOf(counts, capacity);
            lastSequences = Arrays.copyOf(lastSequences, capacity);
            final int old = timerIds.length;
            timerIds = Arrays.copyOf(timerIds, capacity);
            Arrays.fill(timerIds, old, capacity, NO_TIMER);
        }
    }

    private static long[] newTimerIds(final int capacity)
    {
        final long[] ids = new long[capacity];
        Arrays.fill(ids, NO_TIMER);
        return ids;
    }
}
