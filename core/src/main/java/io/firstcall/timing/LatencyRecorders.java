package io.firstcall.timing;

/**
 * One {@link StageTimer} per {@link LatencyStage}.
 */
public final class LatencyRecorders
{
    private final StageTimer[] timers;

    public LatencyRecorders()
    {
        final LatencyStage[] stages = LatencyStage.values();
        timers = new StageTimer[stages.length];
        for (final LatencyStage stage : stages)
        {
            timers[stage.ordinal()] = new StageTimer(stage);
        }
    }

    /**
     * @param stage which stage.
     * @return the stage's timer, to record on its writing thread.
     */
    public StageTimer timer(final LatencyStage stage)
    {
        return timers[stage.ordinal()];
    }
}
