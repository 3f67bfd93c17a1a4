package io.firstcall.pipeline;

import io.firstcall.engine.StateMachine;
import io.firstcall.journal.Journal;
import io.firstcall.journal.SyncMode;
import io.firstcall.status.EngineCounter;
import io.firstcall.status.EngineCounters;
import io.firstcall.status.EngineHealth;
import io.firstcall.timing.LatencyRecorders;
import io.firstcall.timing.LatencyStage;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.EpochNanoClock;

/**
 * The three stages wired to each other, whatever carries the slots between them: the Disruptor in
 * {@link EnginePipeline}, or the ArrayBlockingQueue baseline in bench/. Whoever runs them calls the
 * decision stage's {@code onStart} (recovery) and then the journal stage's before the first event.
 */
final class Stages
{
    final StartGate start;
    final JournalHandler journalHandler;
    final DecisionHandler decisionHandler;
    final OutputPublisher outputPublisher;

    Stages(
        final SlotSource slots,
        final Journal inputJournal,
        final Journal outputJournal,
        final DedupWindow dedupWindow,
        final Recovery recovery,
        final StateMachine stateMachine,
        final OutputListener outputListener,
        final SyncMode syncMode,
        final EpochNanoClock clock,
        final AckListener ackListener,
        final ErrorHandler errorHandler,
        final EngineCounters counters,
        final EngineHealth health,
        final LatencyRecorders latency)
    {
        start = new StartGate(recovery);
        outputPublisher = new OutputPublisher(outputJournal, outputListener, health, errorHandler, counters, start);
        journalHandler = new JournalHandler(
            slots, inputJournal, dedupWindow, clock, syncMode, ackListener, errorHandler, counters, health,
            latency.timer(LatencyStage.RECEIVE_TO_JOURNALED), start);
        decisionHandler = new DecisionHandler(
            stateMachine, outputPublisher, clock, errorHandler,
            counters.get(EngineCounter.EVENTS_PROCESSED),
            latency.timer(LatencyStage.JOURNALED_TO_DECIDED),
            latency.timer(LatencyStage.DECIDED_TO_PUBLISHED),
            latency.timer(LatencyStage.RECEIVE_TO_PUBLISHED));
    }
}
