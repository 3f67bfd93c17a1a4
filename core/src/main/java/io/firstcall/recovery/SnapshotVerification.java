package io.firstcall.recovery;

import io.firstcall.replay.Divergence;
import io.firstcall.replay.RecordedOutputs;
import io.firstcall.snapshot.SnapshotFile;
import io.firstcall.snapshot.StateDigest;

import java.util.Arrays;

/**
 * What {@link SnapshotVerifier} found: for the full replay and for the snapshot plus its tail, the
 * events replayed, the outputs compared and any divergence, and the state digests.
 */
public final class SnapshotVerification
{
    private final SnapshotFile snapshot;
    private final String problem;
    private byte[] digestAtSnapshot;
    private long fullEvents;
    private long fullCompared;
    private boolean fullOutputsIdentical;
    private Divergence fullDivergence;
    private byte[] fullDigest;
    private long tailEvents;
    private long tailCompared;
    private boolean tailOutputsIdentical;
    private Divergence tailDivergence;
    private byte[] tailDigest;

    SnapshotVerification(final SnapshotFile snapshot)
    {
        this.snapshot = snapshot;
        this.problem = null;
    }

    private SnapshotVerification(final String problem)
    {
        this.snapshot = null;
        this.problem = problem;
    }

    static SnapshotVerification problem(final String problem)
    {
        return new SnapshotVerification(problem);
    }

    void atSnapshot(final byte[] digest)
    {
        digestAtSnapshot = digest;
    }

    void fullReplay(final long events, final RecordedOutputs recorded, final byte[] digest)
    {
        fullEvents = events;
        fullCompared = recorded.compared();
        fullDivergence = recorded.firstDivergence();
        fullOutputsIdentical = null == fullDivergence && 0 == recorded.beyondRecording() && 0 == recorded.countUnproduced();
        fullDigest = digest;
    }

    void snapshotAndTail(final long events, final RecordedOutputs recorded, final byte[] digest)
    {
        tailEvents = events;
        tailCompared = recorded.compared();
        tailDivergence = recorded.firstDivergence();
        tailOutputsIdentical = null == tailDivergence && 0 == recorded.beyondRecording() && 0 == recorded.countUnproduced();
        tailDigest = digest;
    }

    /**
     * @return why nothing could be verified (no usable snapshot, a machine without snapshots), or null.
     */
    public String problem()
    {
        return problem;
    }

    /**
     * @return true when both runs reproduced every recorded output.
     */
    public boolean outputsIdentical()
    {
        return null == problem && fullOutputsIdentical && tailOutputsIdentical;
    }

    /**
     * @return true when the full replay had the snapshot's state at its sequence and both runs end in the same state.
     */
    public boolean statesIdentical()
    {
        return null == problem && Arrays.equals(digestAtSnapshot, snapshot.header().digest()) &&
            Arrays.equals(fullDigest, tailDigest);
    }

    public long tailEvents()
    {
        return tailEvents;
    }

    public long fullEvents()
    {
        return fullEvents;
    }

    public byte[] finalDigest()
    {
        return null == tailDigest ? null : tailDigest.clone();
    }

    public String toString()
    {
        if (null != problem)
        {
            return "NOT VERIFIED: " + problem;
        }
        return (outputsIdentical() && statesIdentical() ? "SNAPSHOT IDENTICAL" : "SNAPSHOT DIVERGED") + ": " +
            snapshot.path().getFileName() + " (seq " + snapshot.header().sequence() + ")" +
            "\n  full replay:       events=" + fullEvents + " outputsCompared=" + fullCompared +
            " outputs=" + (fullOutputsIdentical ? "identical" : "DIVERGED" + describe(fullDivergence)) +
            " digest=" + hex(fullDigest) +
            "\n  at the snapshot:   digest=" + hex(digestAtSnapshot) + (Arrays.equals(digestAtSnapshot, snapshot.header().digest()) ?
            " (as recorded)" : " (the snapshot records " + hex(snapshot.header().digest()) + ")") +
            "\n  snapshot + tail:   events=" + tailEvents + " outputsCompared=" + tailCompared +
            " outputs=" + (tailOutputsIdentical ? "identical" : "DIVERGED" + describe(tailDivergence)) +
            " digest=" + hex(tailDigest) + (Arrays.equals(fullDigest, tailDigest) ? " (same state)" : " (STATE DIFFERS)");
    }

    private static String describe(final Divergence divergence)
    {
        return null == divergence ? " (outputs missing or extra)" : " first=" + divergence;
    }

    private static String hex(final byte[] digest)
    {
        return null == digest ? "none" : StateDigest.hex(digest);
    }
}
