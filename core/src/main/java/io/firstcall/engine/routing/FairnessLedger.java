package io.firstcall.engine.routing;

/**
 * Weighted round robin that stays fair over time: a ledger of credits, one per rep, kept in the
 * {@link RepBook}. For each lead, every rep in the eligible pool earns its weight in credit; the rep
 * with the most credit takes the lead and pays the pool's total weight back (ties go to the rep
 * configured first). Over any run of leads a rep's count differs from its weighted share by its
 * credit over the pool weight, which stays bounded.
 * <p>
 * Only eligible reps earn credit, so a rep back from a week offline has no backlog to collect, and
 * no pointer moves past a skipped rep: membership changes just change who earns.
 */
final class FairnessLedger
{
    private FairnessLedger()
    {
    }

    /**
     * Credit the pool and choose its rep.
     *
     * @param pool  configured rep indices (their order breaks ties).
     * @param size  how many entries of {@code pool} to use, at least one.
     * @return the position in {@code pool} of the chosen rep.
     */
    static int choose(final RepBook book, final int[] pool, final int size)
    {
        final Roster roster = book.roster();
        long totalWeight = 0;
        int best = 0;
        long bestCredit = Long.MIN_VALUE;
        for (int i = 0; i < size; i++)
        {
            final int weight = roster.rep(pool[i]).weight();
            final int state = book.stateOf(pool[i]);
            totalWeight += weight;
            book.addCredit(state, weight);
            final long credit = book.credit(state);
            if (credit > bestCredit)
            {
                bestCredit = credit;
                best = i;
            }
        }
        book.addCredit(book.stateOf(pool[best]), -totalWeight);
        return best;
    }
}
