package io.firstcall.engine;

import io.firstcall.engine.routing.Router;
import io.firstcall.engine.scoring.HotLeadEvaluator;

/**
 * Where scoring meets routing: when a scored event makes a lead hot, the previous episode's
 * standing offers lapse, the new episode's hot decision is recorded with its reasons, and the
 * episode is routed with those reasons in every alert. Scoring and routing never call each other.
 */
final class HotEpisodes
{
    private final HotLeadEvaluator evaluator;
    private final Router router;

    HotEpisodes(final HotLeadEvaluator evaluator, final Router router)
    {
        this.evaluator = evaluator;
        this.router = router;
    }

    /**
     * Decide on the event the evaluator has scored since its {@code begin}, and act on it.
     */
    void decide(final Tenant tenant, final int lead, final long nowNs)
    {
        if (HotLeadEvaluator.HOT != evaluator.decide())
        {
            return;
        }
        router.closeStanding(tenant.routing(), lead);
        final int episode = evaluator.openEpisode();
        router.open(tenant.routing(), lead, evaluator, episode, nowNs);
        evaluator.afterEpisode();
    }
}
