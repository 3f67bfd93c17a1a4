package io.firstcall.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcall.codec.CallOutcome;
import io.firstcall.engine.tenant.TenantRulesCache;
import io.firstcall.engine.tenant.TenantRulesParser;
import io.firstcall.event.EventWriter;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeadStateMachineTest
{
    static final String ACME = "tenant: acme\nhot:\n  forms: [demo_request, free_trial]\n  cooldown: 1h\n" +
        "claim:\n  window: 5m\n  managerQueue: acme-managers\n";
    static final long T0 = TimeUnit.DAYS.toNanos(20_000);
    static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    private final CapturedOutputs outputs = new CapturedOutputs();
    private final MachineDriver driver = new MachineDriver(outputs, 16);
    private final LeadStateMachine machine = driver.machine();
    private final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[64 * 1024]));
    private long sequence;

    @BeforeEach
    void configure()
    {
        send(writer.config("acme", "cfg-1", ACME), T0);
        outputs.clear();
    }

    @Test
    void shouldAlertOwnerWhenDemoRequested()
    {
        send(writer.lead("acme", "e1", "L1", "ann@x.io", "Ann", "X", "saas", "emea", 50, "web", "r1"), T0);
        send(writer.form("acme", "e2", "L1", "demo_request"), T0 + 1);

        final List<String> lines = outputs.lines();
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("Decision seq=1 kind=LEAD_CREATED tenant=acme lead=L1"), lines.get(0));
        final String breakdown = "{\"criteria\":[\"form:demo_request\"],\"score\":40,\"firmographic\":{\"total\":0}," +
            "\"behavioural\":{\"total\":40,\"signals\":[{\"signal\":\"form:demo_request\",\"points\":40}],\"more\":0}," +
            "\"external\":0";
        assertEquals("Decision seq=2 kind=HOT tenant=acme lead=L1 detail=" + breakdown + ",\"episode\":1}", lines.get(1));
        assertEquals("Decision seq=2 kind=ROUTED tenant=acme lead=L1 detail={\"level\":\"primary\",\"team\":null," +
            "\"visibility\":null,\"lapsed\":[],\"pool\":[\"r1\"],\"excluded\":[],\"assignment\":\"owner_as_given\"," +
            "\"ledger\":[],\"poolWeight\":null,\"alerted\":[\"r1\"],\"deadlineNs\":" + (T0 + 1 + 5 * MINUTE) +
            ",\"managerQueue\":null,\"episode\":1}", lines.get(2));
        assertEquals("Alert seq=2 deadlineNs=" + (T0 + 1 + 5 * MINUTE) + " episode=1 tenant=acme lead=L1 rep=r1 " +
            "reasons=" + breakdown + "}", lines.get(3));
    }

    @Test
    void shouldCarryProfileFromUpsertsAndInlineFormFieldsIntoTheAlert()
    {
        send(writer.lead("acme", "e1", "L1", "ann@x.io", "Ann", "X Ltd", "saas", "emea", 50, "web", null), T0);
        send(writer.lead("acme", "e2", "L1", null, null, "X Group", null, null, -1, null, "r7"), T0);
        send(writer.form("acme", "e3", "L1", "demo_request"), T0 + 1);

        final byte[] alert = outputs.raw().get(outputs.raw().size() - 1);
        final JsonNode rendered = outputs.rendered(alert);
        assertEquals("alert", rendered.get("type").asText());
        assertEquals("r7", rendered.get("rep").asText(), "owner from the second upsert");
        assertEquals("Ann", rendered.get("name").asText(), "an empty field leaves the value unchanged");
        assertEquals("ann@x.io", rendered.get("email").asText());
        assertEquals("X Group", rendered.get("company").asText());
    }

    @Test
    void shouldNotAlertOnEbookDownload()
    {
        send(writer.form("acme", "e1", "L1", "ebook_download"), T0);

        assertEquals(List.of(), outputs.linesStartingWith("Alert"));
        assertEquals(0, machine.pendingTimers());
    }

    @Test
    void shouldSendUnownedHotLeadToManagerQueue()
    {
        send(writer.form("acme", "e1", "L1", "free_trial"), T0);

        assertEquals(1, outputs.linesStartingWith("Alert").size());
        assertTrue(outputs.linesStartingWith("Alert").get(0).contains("rep=acme-managers"));
    }

    @Test
    void shouldNotRealertWithinCooldownButStartNewEpisodeAfter()
    {
        send(writer.lead("acme", "e1", "L1", null, null, null, null, null, -1, null, "r1"), T0);
        send(writer.form("acme", "e2", "L1", "demo_request"), T0);
        send(writer.form("acme", "e3", "L1", "demo_request"), T0 + 30 * MINUTE);
        send(writer.form("acme", "e4", "L1", "demo_request"), T0 + 61 * MINUTE);

        final List<String> alerts = outputs.linesStartingWith("Alert");
        assertEquals(2, alerts.size(), alerts.toString());
        assertTrue(alerts.get(0).contains("episode=1"));
        assertTrue(alerts.get(1).contains("episode=2"));
        assertEquals(1, outputs.linesStartingWith("Decision seq=3 kind=NOT_HOT").size());
    }

    @Test
    void shouldGiveLeadToFirstCallerAndRejectLaterClaims()
    {
        send(writer.form("acme", "e1", "L1", "demo_request"), T0);
        outputs.clear();

        send(writer.call("acme", "c1", "L1", "r2", CallOutcome.STARTED), T0 + MINUTE);
        send(writer.call("acme", "c2", "L1", "r3", CallOutcome.STARTED), T0 + MINUTE);

        final List<String> lines = outputs.lines();
        assertEquals("Assignment seq=2 reason=CLAIM episode=1 tenant=acme lead=L1 rep=r2", lines.get(0));
        assertTrue(lines.get(1).startsWith("Decision seq=2 kind=CLAIMED"), lines.get(1));
        assertEquals("Withdrawn seq=2 episode=1 tenant=acme lead=L1 rep=acme-managers claimedBy=r2", lines.get(2));
        assertEquals("ClaimRejected seq=3 episode=1 tenant=acme lead=L1 rep=r3 owner=r2 reason=already_claimed", lines.get(3));
        assertTrue(lines.get(4).startsWith("Decision seq=3 kind=CLAIM_REJECTED"), lines.get(4));
        assertEquals(5, lines.size());
        assertEquals(0, machine.pendingTimers());
    }

    @Test
    void shouldEscalateUnclaimedLeadOnTheTickAfterTheWindow()
    {
        send(writer.lead("acme", "e1", "L1", null, null, null, null, null, -1, null, "r1"), T0);
        send(writer.form("acme", "e2", "L1", "demo_request"), T0);
        outputs.clear();

        send(writer.tick(), T0 + 4 * MINUTE);
        assertEquals(List.of(), outputs.lines());

        send(writer.tick(), T0 + 5 * MINUTE + 1);
        final List<String> lines = outputs.lines();
        assertEquals("Withdrawn seq=4 episode=1 tenant=acme lead=L1 rep=r1 claimedBy=", lines.get(0), "the lapsed offer");
        assertEquals("Escalation seq=4 level=MANAGER_QUEUE episode=1 tenant=acme lead=L1 from=r1 to=acme-managers", lines.get(1));
        assertTrue(lines.get(2).startsWith("Decision seq=4 kind=ESCALATED"), lines.get(2));
        assertTrue(lines.get(3).startsWith("Alert seq=4 deadlineNs=0 episode=1 tenant=acme lead=L1 rep=acme-managers"), lines.get(3));
        assertEquals(4, lines.size(), lines.toString());
        assertEquals(0, machine.pendingTimers());
    }

    @Test
    void shouldNotEscalateClaimedLead()
    {
        send(writer.form("acme", "e1", "L1", "demo_request"), T0);
        send(writer.call("acme", "c1", "L1", "r2", CallOutcome.STARTED), T0 + MINUTE);
        outputs.clear();

        send(writer.tick(), T0 + 10 * MINUTE);

        assertEquals(List.of(), outputs.lines());
    }

    @Test
    void shouldApplyConfigChangeFromItsPositionOn()
    {
        send(writer.form("acme", "e1", "L1", "pricing_inquiry"), T0);
        assertEquals(0, outputs.linesStartingWith("Alert").size());

        send(writer.config("acme", "cfg-2", ACME.replace("free_trial", "pricing_inquiry")), T0 + 1);
        send(writer.form("acme", "e2", "L2", "pricing_inquiry"), T0 + 2);

        assertEquals(1, outputs.linesStartingWith("Alert").size());
        assertEquals(1, outputs.linesStartingWith("Decision seq=2 kind=CONFIG_APPLIED").size());
    }

    @Test
    void shouldRejectInvalidConfigAndKeepTheOldOne()
    {
        send(writer.config("acme", "cfg-2", "tenant: acme\nclaim:\n  windw: 5m\n"), T0);
        send(writer.form("acme", "e1", "L1", "demo_request"), T0 + 1);

        final String rejected = outputs.linesStartingWith("Decision seq=1 kind=CONFIG_REJECTED").get(0);
        assertTrue(rejected.contains("claim.windw: unknown key"), rejected);
        assertEquals(1, outputs.linesStartingWith("Alert").size());
    }

    @Test
    void shouldIgnoreEventsOfUnconfiguredTenant()
    {
        send(writer.form("globex", "e1", "L1", "demo_request"), T0);

        assertEquals(List.of(), outputs.lines());
        assertEquals(1, machine.ignoredEvents());
    }

    @Test
    void shouldKeepTenantsApart()
    {
        send(writer.config("globex", "cfg-g", "tenant: globex\n"), T0);
        send(writer.lead("acme", "e1", "L1", null, null, null, null, null, -1, null, "r1"), T0);
        send(writer.form("globex", "e1", "L1", "demo_request"), T0);

        final String alert = outputs.linesStartingWith("Alert").get(0);
        assertTrue(alert.contains("tenant=globex lead=L1 rep=globex-managers"), alert);
    }

    /**
     * The launcher parses each document before it is journaled and leaves the rules in the cache:
     * applying the change then runs no YAML parser on the engine thread. A document not in the
     * cache (a replay elsewhere) is parsed here, to the same rules.
     */
    @Test
    void shouldTakeRulesTheLauncherParsedInsteadOfParsingThem()
    {
        final String globex = "tenant: globex\nhot:\n  forms: [webinar]\n";
        final TenantRulesCache cache = new TenantRulesCache();
        cache.parse("globex", globex);
        final CapturedOutputs captured = new CapturedOutputs();
        final MachineDriver launched = new MachineDriver(captured, 16, cache);
        launched.send(writer.buffer(), writer.config("globex", "cfg-g", globex), 0, T0);
        assertEquals(0, launched.machine().configsParsed());
        assertEquals(TenantRulesParser.version(globex), launched.machine().configVersion("globex"));

        send(writer.config("globex", "cfg-g", globex), T0);
        assertEquals(2, machine.configsParsed(), "acme's and globex's, neither in this machine's cache");
        assertEquals(launched.machine().configVersion("globex"), machine.configVersion("globex"));
        send(writer.form("globex", "e1", "L1", "webinar"), T0 + 1);
        launched.send(writer.buffer(), writer.form("globex", "e1", "L1", "webinar"), 1, T0 + 1);
        assertEquals(1, outputs.linesStartingWith("Alert").size());
        assertEquals(1, captured.linesStartingWith("Alert").size(), "the same rules either way");
    }

    /**
     * v2: an input that does not decode is recorded as rejected (v1 only counted it), and changes
     * nothing else.
     */
    @Test
    void shouldRecordUndecodableBytesAsOneRejectedInputAndChangeNothing()
    {
        driver.send(new UnsafeBuffer(new byte[40]), 40, sequence++, T0);

        assertEquals(1, machine.invalidEvents());
        assertEquals(List.of("Decision seq=1 kind=INPUT_REJECTED tenant= lead= " +
            "detail={\"templateId\":null,\"code\":\"malformed\",\"field\":\"schemaId\",\"length\":40}"),
            outputs.lines());
        assertEquals(0, machine.pendingTimers());
        assertEquals(0, machine.ignoredEvents());
    }

    private void send(final int length, final long nowNs)
    {
        driver.send(writer.buffer(), length, sequence++, nowNs);
    }
}
