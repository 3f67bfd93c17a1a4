package io.firstcall.engine.scoring;

/**
 * One lead's score state, in fields and small primitive arrays owned by the engine thread, so
 * scoring an event allocates nothing.
 * <ul>
 *   <li>firmographic points per component, recomputed when the profile or the model changes;</li>
 *   <li>behavioural points as of a time: the sum of every scored signal, decayed to that time;</li>
 *   <li>the external score, as last set by a score event;</li>
 *   <li>the last {@link #SIGNAL_CAPACITY} scored signals (kind, table entry, points when scored,
 *       time, model), for the per-signal breakdown in reasons;</li>
 *   <li>the last visit to a high-intent page, for the return-visit criterion;</li>
 *   <li>the pending score-decay timer, while the lead is hot by score.</li>
 * </ul>
 */
public final class LeadScore
{
    public static final int SIGNAL_CAPACITY = 8;
    public static final byte FORM_SIGNAL = 1;
    public static final byte PAGE_SIGNAL = 2;
    public static final byte TRIAL_SIGNAL = 3;
    public static final long NO_TIMER = -1;
    public static final long NEVER = Long.MIN_VALUE;

    private final int[] componentPoints = new int[ScoringModel.COMPONENTS];
    private int componentsMatched;
    private int firmographic;
    private ScoringModel firmographicModel;

    private double behavioural;
    private long behaviouralAsOfNs;
    private int external;
    private long lastIntentVisitNs = NEVER;

    private final byte[] signalKind = new byte[SIGNAL_CAPACITY];
    private final int[] signalEntry = new int[SIGNAL_CAPACITY];
    private final int[] signalPoints = new int[SIGNAL_CAPACITY];
    private final long[] signalTimeNs = new long[SIGNAL_CAPACITY];
    private final ScoringModel[] signalModel = new ScoringModel[SIGNAL_CAPACITY];
    private int signalCount;
    private int signalNext;

    private long decayTimerId = NO_TIMER;

    /**
     * @return true when the firmographic points were computed under {@code model} for the current profile.
     */
    public boolean firmographicCurrent(final ScoringModel model)
    {
        return firmographicModel == model;
    }

    /**
     * The profile changed: the firmographic points need recomputing.
     */
    public void invalidateFirmographic()
    {
        firmographicModel = null;
    }

    /**
     * Set one firmographic component; {@link #firmographicComputed} completes the set.
     */
    public void component(final int component, final boolean matched, final int points)
    {
        componentPoints[component] = matched ? points : 0;
        componentsMatched = matched ? componentsMatched | (1 << component) : componentsMatched & ~(1 << component);
    }

    public void firmographicComputed(final ScoringModel model)
    {
        int total = 0;
        for (final int points : componentPoints)
        {
            total += points;
        }
        firmographic = total;
        firmographicModel = model;
    }

    public int firmographic()
    {
        return firmographic;
    }

    public boolean componentMatched(final int component)
    {
        return 0 != (componentsMatched & (1 << component));
    }

    public int componentPoints(final int component)
    {
        return componentPoints[component];
    }

    /**
     * @return behavioural points decayed to {@code nowNs}, without changing the state, so how
     * often a lead is looked at never changes its score.
     */
    public double behaviouralAt(final ScoringModel model, final long nowNs)
    {
        return 0.0 == behavioural ? 0.0 : behavioural * model.decay(nowNs - behaviouralAsOfNs);
    }

    /**
     * Store the behavioural points as of {@code asOfNs}: the decayed total plus a new signal's points.
     */
    public void behavioural(final double points, final long asOfNs)
    {
        behavioural = points;
        behaviouralAsOfNs = Math.max(behaviouralAsOfNs, asOfNs);
    }

    public int external()
    {
        return external;
    }

    public void external(final int external)
    {
        this.external = external;
    }

    public long lastIntentVisitNs()
    {
        return lastIntentVisitNs;
    }

    public void lastIntentVisitNs(final long timeNs)
    {
        lastIntentVisitNs = timeNs;
    }

    /**
     * Remember a scored signal, replacing the oldest once {@link #SIGNAL_CAPACITY} are kept.
     */
    public void recordSignal(final byte kind, final int entry, final int points, final long timeNs, final ScoringModel model)
    {
        signalKind[signalNext] = kind;
        signalEntry[signalNext] = entry;
        signalPoints[signalNext] = points;
        signalTimeNs[signalNext] = timeNs;
        signalModel[signalNext] = model;
        signalNext = (signalNext + 1) % SIGNAL_CAPACITY;
        signalCount = Math.min(signalCount + 1, SIGNAL_CAPACITY);
    }

    public int signalCount()
    {
        return signalCount;
    }

    /**
     * @param i 0 for the oldest kept signal, {@code signalCount() - 1} for the newest.
     */
    private int slot(final int i)
    {
        return (signalNext - signalCount + i + SIGNAL_CAPACITY) % SIGNAL_CAPACITY;
    }

    public byte signalKind(final int i)
    {
        return signalKind[slot(i)];
    }

    public int signalEntry(final int i)
    {
        return signalEntry[slot(i)];
    }

    public int signalPoints(final int i)
    {
        return signalPoints[slot(i)];
    }

    public long signalTimeNs(final int i)
    {
        return signalTimeNs[slot(i)];
    }

    public ScoringModel signalModel(final int i)
    {
        return signalModel[slot(i)];
    }

    public long decayTimerId()
    {
        return decayTimerId;
    }

    public void decayTimerId(final long timerId)
    {
        decayTimerId = timerId;
    }
}
