package io.firstcall.pipeline;

import io.firstcall.codec.AlertEncoder;
import io.firstcall.codec.LeadCreatedEncoder;
import io.firstcall.codec.MessageHeaderEncoder;
import io.firstcall.engine.StateMachine;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.event.EventWriter;
import io.firstcall.journal.Journal;
import io.firstcall.journal.JournalReader;
import io.firstcall.journal.RecordHeader;
import io.firstcall.status.CountingErrorHandler;
import io.firstcall.status.EngineCounter;
import io.firstcall.status.EngineCounters;
import io.firstcall.status.EngineHealth;
import io.firstcall.support.ManualClock;
import io.firstcall.timing.LatencyRecorders;
import io.firstcall.timing.LatencyStage;
import org.HdrHistogram.Histogram;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The decision and output stages, driven slot by slot: the state machine sees only its own message
 * with the batch's cause set to it, and its outputs are journaled, then delivered, after the
 * decision: at the end of the ring batch, or between events once the batch holds
 * {@link PipelineContext#outputFlushBytes()}.
 */
class DecisionStageTest
{
    private static final long T0 = 1_728_000_000_000_000_000L;
    private static final int SLOTS = 8;

    private final List<String> log = new ArrayList<>();
    private final RingSlot[] slots = new RingSlot[SLOTS];
    private final OutputBatch outputs = new OutputBatch(64);
    private final EngineCounters counters = EngineCounters.inMemory();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final LeadCreatedEncoder created = new LeadCreatedEncoder();
    private final AlertEncoder alert = new AlertEncoder();
    private final LatencyRecorders latency = new LatencyRecorders();
    private boolean alertEvenSequences;
    private boolean deciding;

    @AfterEach
    void close()
    {
        counters.close();
    }

    /**
     * One LeadCreated output per event, naming the event's sequence as its lead.
     */
    private final StateMachine machine = (message, sequence, timestampNs) ->
    {
        deciding = true;
        log.add("decide " + sequence + " length=" + message.capacity() + " cause=" + outputs.causeSequence());
        created.wrapAndApplyHeader(outputs.buffer(), outputs.begin(), header)
            .inputSeq(sequence).timeNs(timestampNs).configVersion(1).tenant("acme").lead("L" + sequence);
        outputs.commit(MessageHeaderEncoder.ENCODED_LENGTH + created.encodedLength());
        if (alertEvenSequences && 0 == sequence % 2)
        {
            alert.wrapAndApplyHeader(outputs.buffer(), outputs.begin(), header).inputSeq(sequence).timeNs(timestampNs);
            alert.criteriaCount(0);
            alert.firmographicCount(0);
            alert.signalsCount(0);
            alert.activityCount(0);
            alert.tenant("acme").lead("L" + sequence).rep("ana");
            outputs.commit(MessageHeaderEncoder.ENCODED_LENGTH + alert.encodedLength());
        }
        deciding = false;
    };

    @Test
    void shouldDecideBoundedMessagesThenJournalThenDeliverAtTheEndOfTheBatch()
    {
        final DecisionStage stage = stage(PipelineContext.OUTPUT_FLUSH_BYTES_DEFAULT);
        journal(0, 0);
        journal(1, 1);
        slots[2].reset(10, 2, 0);
        slots[2].failed(AckListener.RejectReason.JOURNAL_APPEND_FAILED);
        journal(3, 2);

        for (int s = 0; s < 4; s++)
        {
            stage.onEvent(slots[s], s, 3 == s);
        }

        final int length = slots[0].messageLength();
        assertEquals(List.of(
            "decide 0 length=" + length + " cause=0",
            "decide 1 length=" + length + " cause=1",
            "decide 2 length=" + length + " cause=2",
            "journal L0", "journal L1", "journal L2",
            "deliver L0", "deliver L1", "deliver L2",
            "outputs end", "acks end"), log, "a failed slot is never decided; nothing leaves during a decision");
        assertEquals(3, counters.value(EngineCounter.OUTPUTS));
        assertEquals(3, counters.value(EngineCounter.OUTPUTS_DELIVERED));
        assertEquals(3, counters.value(EngineCounter.EVENTS_PROCESSED));
        assertEquals(0, outputs.count(), "the batch is emptied once delivered");
    }

    @Test
    void shouldFlushBetweenEventsOnceTheBatchHoldsTheThreshold()
    {
        final int record = OutputBatch.HEADER_LENGTH + MessageHeaderEncoder.ENCODED_LENGTH + LeadCreatedEncoder.BLOCK_LENGTH + 1 +
            "acme".length() + 1 + "L0".length();
        final DecisionStage stage = stage(2 * record);
        for (int s = 0; s < 3; s++)
        {
            journal(s, s);
        }

        for (int s = 0; s < 3; s++)
        {
            stage.onEvent(slots[s], s, 2 == s);
        }

        final int length = slots[0].messageLength();
        assertEquals(List.of(
            "decide 0 length=" + length + " cause=0",
            "decide 1 length=" + length + " cause=1",
            "journal L0", "journal L1", "deliver L0", "deliver L1",
            "decide 2 length=" + length + " cause=2",
            "journal L2", "deliver L2",
            "outputs end", "acks end"), log, "the listeners' batch ends once, at the ring batch's end");
    }

    @Test
    void shouldTimeTheAlertStageForTheInputsThatAlertOnly()
    {
        alertEvenSequences = true;
        final DecisionStage stage = stage(PipelineContext.OUTPUT_FLUSH_BYTES_DEFAULT);
        for (int s = 0; s < 5; s++)
        {
            journal(s, s);
        }

        for (int s = 0; s < 5; s++)
        {
            stage.onEvent(slots[s], s, 4 == s);
        }

        final Histogram published = latency.timer(LatencyStage.RECEIVE_TO_PUBLISHED).intervalHistogram(null);
        final Histogram alerted = latency.timer(LatencyStage.RECEIVE_TO_ALERT).intervalHistogram(null);
        assertEquals(5, published.getTotalCount(), "every input");
        assertEquals(3, alerted.getTotalCount(), "sequences 0, 2 and 4 alerted a rep");
        assertEquals(published.getMaxValue(), alerted.getMaxValue(), "the same moment: the batch's publication");
    }

    private DecisionStage stage(final int flushBytes)
    {
        for (int i = 0; i < SLOTS; i++)
        {
            slots[i] = new RingSlot(1024);
        }
        final PipelineContext ctx = new PipelineContext()
            .stateMachine(machine)
            .outputs(outputs)
            .outputFlushBytes(flushBytes)
            .outputJournal(new LoggingJournal())
            .outputListener(new OutputListener()
            {
                public void onOutput(final DirectBuffer buffer, final int offset, final int length, final long inputSequence)
                {
                    log.add((deciding ? "DURING A DECISION " : "") + "deliver " + lead(buffer, offset));
                }

                public void endOfBatch()
                {
                    log.add("outputs end");
                }
            })
            .ackListener(new AckListener()
            {
                public void onJournaled(final long correlationId, final long sequence, final boolean duplicate)
                {
                }

                public void onRejected(final long correlationId, final RejectReason reason)
                {
                }

                public void endOfBatch()
                {
                    log.add("acks end");
                }
            })
            .clock(new ManualClock(T0, 1_000))
            .errorHandler(new CountingErrorHandler(counters.get(EngineCounter.ERRORS), new SystemEpochClock()))
            .counters(counters)
            .health(new EngineHealth())
            .latency(latency);
        return new Stages(ctx, sequence -> slots[(int)(sequence & (SLOTS - 1))]).decisionStage;
    }

    /**
     * Put a visit into slot {@code index}, journaled at {@code sequence}, with trailing bytes in the
     * slot beyond the message that the state machine must not see.
     */
    private void journal(final int index, final long sequence)
    {
        final RingSlot slot = slots[index];
        final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[1024]));
        final int length = writer.visit("acme", "e" + sequence, "L" + sequence, "/pricing");
        slot.buffer().putBytes(RecordHeader.LENGTH, writer.buffer(), 0, length);
        slot.buffer().setMemory(RecordHeader.LENGTH + length, 64, (byte)7);
        slot.reset(length, sequence, T0);
        slot.journaled(sequence, T0 + sequence, T0);
    }

    private static String lead(final DirectBuffer buffer, final int offset)
    {
        if (AlertEncoder.TEMPLATE_ID == new io.firstcall.codec.MessageHeaderDecoder().wrap(buffer, offset).templateId())
        {
            final io.firstcall.codec.AlertDecoder decoder = new io.firstcall.codec.AlertDecoder()
                .wrapAndApplyHeader(buffer, offset, new io.firstcall.codec.MessageHeaderDecoder());
            io.firstcall.render.SbeGroups.skipAlertGroups(decoder);
            decoder.skipTenant();
            return "alert " + decoder.lead();
        }
        final io.firstcall.codec.LeadCreatedDecoder decoder = new io.firstcall.codec.LeadCreatedDecoder()
            .wrapAndApplyHeader(buffer, offset, new io.firstcall.codec.MessageHeaderDecoder());
        decoder.skipTenant();
        return decoder.lead();
    }

    private final class LoggingJournal implements Journal
    {
        private long position;

        public long append(final DirectBuffer buffer, final int offset, final int length)
        {
            log.add((deciding ? "DURING A DECISION " : "") + "journal " + lead(buffer, offset + RecordHeader.LENGTH));
            return position++;
        }

        public void sync()
        {
        }

        public JournalReader openReader()
        {
            throw new UnsupportedOperationException();
        }

        public boolean isEmpty()
        {
            return 0 == position;
        }

        public long lastPosition()
        {
            return position - 1;
        }

        public void close()
        {
        }
    }
}
