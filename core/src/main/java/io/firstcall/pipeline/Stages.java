package io.firstcall.pipeline;

/**
 * The three stages wired to each other, whatever carries the slots between them: the Disruptor in
 * {@link EnginePipeline}, or the ArrayBlockingQueue baseline in bench/.
 */
final class Stages
{
    final JournalStage journalStage;
    final DecisionStage decisionStage;
    final OutputStage outputStage;

    Stages(final PipelineContext ctx, final SlotSource slots)
    {
        // One thread for every stage ends the acknowledgements' batch after the outputs'; a journal
        // thread of its own ends it as soon as the batch is acknowledged.
        final boolean ownJournalThread = Topology.PIPELINED == ctx.topology();
        outputStage = new OutputStage(ctx, !ownJournalThread);
        journalStage = new JournalStage(ctx, slots, ownJournalThread);
        decisionStage = new DecisionStage(ctx, slots, outputStage);
    }
}
