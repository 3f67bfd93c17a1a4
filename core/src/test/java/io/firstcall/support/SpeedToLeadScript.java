package io.firstcall.support;

import io.firstcall.codec.CallOutcome;
import io.firstcall.codec.PresenceStatus;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.firstcall.support.ScriptedJournal.HOUR;
import static io.firstcall.support.ScriptedJournal.MINUTE;

/**
 * A scripted history for the speed-to-lead figures: tenant acme, one team (west) of two reps who
 * take hot leads by turns (ana, ben, ana, ...), six hot leads that land in every response bucket:
 * <pre>
 *  lead source hot at       first call            then
 *  L1   web    T0+1h        +2m ana (claims)      connected, qualified, opportunity 1200.50, converted
 *  L2   web    T0+2h        +20m ben (claims)     connected, opportunity 500.00; an ebook form 30m before hot
 *  L3   ads    T0+3h        +45m ana (claims)
 *  L4   ads    T0+4h        none                  a tick at +10m escalates it from ben to west-managers
 *  L5   web    T0+5h        +26h ana (claims)     later than the 24h horizon
 *  L6   ads    T0+47h       none                  the last tick, T0+48h, escalates it from ben
 *  L7   web    (never hot)  an ebook form and a call
 * </pre>
 * The journal ends with that tick at T0+48h, so L6 (hot 1h before) is still open.
 */
public final class SpeedToLeadScript
{
    /**
     * 2024-10-04T00:00:00Z.
     */
    public static final long T0 = TimeUnit.DAYS.toNanos(20_000);

    public static final String RULES = """
        tenant: acme
        hot:
          forms: [demo_request]
        claim:
          managerQueue: acme-managers
        teams:
          - id: west
            visibility: owned
            claimWindow: 10m
            managerQueue: west-managers
            territory: {regions: [us-west]}
        reps:
          - {id: ana, team: west, weight: 1}
          - {id: ben, team: west, weight: 1}
        """;

    private SpeedToLeadScript()
    {
    }

    public static void write(final Path dataDir)
    {
        try (ScriptedJournal s = new ScriptedJournal(dataDir, "acme"))
        {
            s.at(T0).config(RULES).presence("ana", PresenceStatus.AVAILABLE).presence("ben", PresenceStatus.AVAILABLE);

            s.at(T0 + HOUR).lead("L1", "saas", "us-west", "web").form("L1", "demo_request");
            s.at(T0 + HOUR + 2 * MINUTE).call("L1", "ana", CallOutcome.STARTED);
            s.at(T0 + HOUR + 3 * MINUTE).call("L1", "ana", CallOutcome.CONNECTED).qualify("L1", "ana");
            s.at(T0 + HOUR + 4 * MINUTE).opportunity("L1", "ana", 120_050).converted("L1");

            s.at(T0 + 2 * HOUR - 30 * MINUTE).lead("L2", "saas", "us-west", "web").form("L2", "ebook_download");
            s.at(T0 + 2 * HOUR).form("L2", "demo_request");
            s.at(T0 + 2 * HOUR + 20 * MINUTE).call("L2", "ben", CallOutcome.STARTED);
            s.at(T0 + 2 * HOUR + 21 * MINUTE).call("L2", "ben", CallOutcome.CONNECTED).opportunity("L2", "ben", 50_000);

            s.at(T0 + 3 * HOUR).lead("L3", "saas", "us-west", "ads").form("L3", "demo_request");
            s.at(T0 + 3 * HOUR + 45 * MINUTE).call("L3", "ana", CallOutcome.STARTED);

            s.at(T0 + 4 * HOUR).lead("L4", "saas", "us-west", "ads").form("L4", "demo_request");
            s.at(T0 + 4 * HOUR + 10 * MINUTE).tick();

            s.at(T0 + 5 * HOUR).lead("L5", "saas", "us-west", "web").form("L5", "demo_request");
            s.at(T0 + 31 * HOUR).call("L5", "ana", CallOutcome.STARTED);

            s.at(T0 + 40 * HOUR).lead("L7", "saas", "us-west", "web").form("L7", "ebook_download");
            s.at(T0 + 40 * HOUR + MINUTE).call("L7", "ben", CallOutcome.NO_ANSWER);

            s.at(T0 + 47 * HOUR).lead("L6", "saas", "us-west", "ads").form("L6", "demo_request");
            s.at(T0 + 48 * HOUR).tick();
        }
    }
}
