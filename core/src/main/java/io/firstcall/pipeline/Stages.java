package io.firstcall.pipeline;

/**
 * The three stages wired to each other, whatever carries the slots between them: the Disruptor in
 * {@link EnginePipeline}, or the ArrayBlockingQueue baseline in bench/. Whoever runs them calls the
 * decision stage's {@code onStart} (recovery) and then the journal stage's before the first event.
 */
final class Stages
{
    final StartGate start;
    final JournalStage journalStage;
    final DecisionStage decisionStage;
    final OutputStage outputStage;

    Stages(final PipelineContext ctx, final SlotSource slots)
    {
        // One thread for every stage ends the acknowledgements' batch after the outputs'; a journal
        // thread of its own ends it as soon as the batch is acknowledged.
        final boolean ownJournalThread = Topology.PIPELINED == ctx.topology();
        start = new StartGate(ctx.recovery());
        outputStage = new OutputStage(ctx, start, !ownJournalThread);
        journalStage = new JournalStage(ctx, slots, start, ownJournalThread);
        decisionStage = new DecisionStage(ctx, slots, outputStage);
    }
}
