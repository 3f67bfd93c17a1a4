package io.firstcall.engine.scoring;

/**
 * One lead's score state, in fields and small primitive arrays owned by the engine thread, so
 * scoring an event allocates nothing.
 * <ul>
 *   <li>firmographic points per component, recomputed when the profile or the model changes;</li>
 *   <li>behavioural points as of a time: the sum of every scored signal, decayed to that time;</li>
 *   <li>the external score, as last set by a score event;</li>
 *   <li>the last {@link #SIGNAL_CAPACITY} scored signals (kind, table entry, points when scored,
 *       time, the generation of the model that scored them), for the per-signal breakdown in
 *       reasons, packed in one array of three longs per signal so recording one touches one or
 *       two cache lines;</li>
 *   <li>the last visit to a high-intent page, for the return-visit criterion;</li>
 *   <li>the pending score-decay timer, while the lead is hot by score;</li>
 *   <li>its hot episodes: how many opened and when the last one did, for the cooldown.</li>
 * </ul>
 */
final class LeadScore
{
    static final int SIGNAL_CAPACITY = 8;
    static final byte FORM_SIGNAL = 1;
    static final byte PAGE_SIGNAL = 2;
    static final byte TRIAL_SIGNAL = 3;
    static final long NO_TIMER = -1;
    static final long NEVER = Long.MIN_VALUE;
    private static final int MAX_SIGNALS_SCORED = 0xFFFF + SIGNAL_CAPACITY;

    private final int[] componentPoints = new int[ScoringModel.COMPONENTS];
    private int componentsMatched;
    private int firmographic;
    private ScoringModel firmographicModel;

    private double behavioural;
    private long behaviouralAsOfNs;
    private int external;
    private long lastIntentVisitNs = NEVER;

    /**
     * Per signal: [time ns][entry << 32 | points][generation << 8 | kind].
     */
    private final long[] signals = new long[SIGNAL_CAPACITY * 3];
    private int signalCount;
    private int signalNext;
    private int signalsScored;

    private long decayTimerId = NO_TIMER;
    private int episode;
    private long lastHotNs = NEVER;

    /**
     * @return true when the firmographic points were computed under {@code model} for the current profile.
     */
    boolean firmographicCurrent(final ScoringModel model)
    {
        return firmographicModel == model;
    }

    /**
     * The profile changed: the firmographic points need recomputing.
     */
    void invalidateFirmographic()
    {
        firmographicModel = null;
    }

    /**
     * Set one firmographic component; {@link #firmographicComputed} completes the set.
     */
    void component(final int component, final boolean matched, final int points)
    {
        componentPoints[component] = matched ? points : 0;
        componentsMatched = matched ? componentsMatched | (1 << component) : componentsMatched & ~(1 << component);
    }

    void firmographicComputed(final ScoringModel model)
    {
        int total = 0;
        for (final int points : componentPoints)
        {
            total += points;
        }
        firmographic = total;
        firmographicModel = model;
    }

    int firmographic()
    {
        return firmographic;
    }

    boolean componentMatched(final int component)
    {
        return 0 != (componentsMatched & (1 << component));
    }

    int componentPoints(final int component)
    {
        return componentPoints[component];
    }

    /**
     * @return behavioural points decayed to {@code nowNs}, without changing the state, so how
     * often a lead is looked at never changes its score.
     */
    double behaviouralAt(final ScoringModel model, final long nowNs)
    {
        return 0.0 == behavioural ? 0.0 : behavioural * model.decay(nowNs - behaviouralAsOfNs);
    }

    /**
     * Store the behavioural points as of {@code asOfNs}: the decayed total plus a new signal's points.
     */
    void behavioural(final double points, final long asOfNs)
    {
        behavioural = points;
        behaviouralAsOfNs = Math.max(behaviouralAsOfNs, asOfNs);
    }

    int external()
    {
        return external;
    }

    void external(final int external)
    {
        this.external = external;
    }

    long lastIntentVisitNs()
    {
        return lastIntentVisitNs;
    }

    void lastIntentVisitNs(final long timeNs)
    {
        lastIntentVisitNs = timeNs;
    }

    /**
     * Remember a scored signal, replacing the oldest once {@link #SIGNAL_CAPACITY} are kept.
     *
     * @param generation of the model that scored it ({@link TenantScoring#generation()}).
     */
    void recordSignal(final byte kind, final int entry, final int points, final long timeNs, final int generation)
    {
        final int at = signalNext * 3;
        signals[at] = timeNs;
        signals[at + 1] = ((long)entry << 32) | (points & 0xFFFF_FFFFL);
        signals[at + 2] = ((long)generation << 8) | (kind & 0xFF);
        signalNext = (signalNext + 1) % SIGNAL_CAPACITY;
        signalCount = Math.min(signalCount + 1, SIGNAL_CAPACITY);
        signalsScored = Math.min(signalsScored + 1, MAX_SIGNALS_SCORED);
    }

    /**
     * @return scored signals older than the ones kept, at most 65,535.
     */
    int signalsOmitted()
    {
        return signalsScored - signalCount;
    }

    int signalCount()
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

    byte signalKind(final int i)
    {
        return (byte)signals[slot(i) * 3 + 2];
    }

    int signalEntry(final int i)
    {
        return (int)(signals[slot(i) * 3 + 1] >>> 32);
    }

    int signalPoints(final int i)
    {
        return (int)signals[slot(i) * 3 + 1];
    }

    long signalTimeNs(final int i)
    {
        return signals[slot(i) * 3];
    }

    /**
     * @return the generation of the model that scored signal {@code i}, which names it.
     */
    int signalGeneration(final int i)
    {
        return (int)(signals[slot(i) * 3 + 2] >>> 8);
    }

    long decayTimerId()
    {
        return decayTimerId;
    }

    void decayTimerId(final long timerId)
    {
        decayTimerId = timerId;
    }

    /**
     * @return the number of the lead's latest hot episode, 0 before the first.
     */
    int episode()
    {
        return episode;
    }

    /**
     * @return when the latest episode opened, or {@link #NEVER}.
     */
    long lastHotNs()
    {
        return lastHotNs;
    }

    /**
     * A new hot episode opens at {@code nowNs}.
     *
     * @return its number.
     */
    int openEpisode(final long nowNs)
    {
        lastHotNs = nowNs;
        return ++episode;
    }
}
