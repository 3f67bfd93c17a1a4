package io.firstcall.render;

import io.firstcall.codec.ActivityKind;
import io.firstcall.codec.AlertEncoder;
import io.firstcall.codec.AlertWithdrawnEncoder;
import io.firstcall.codec.AssignmentEncoder;
import io.firstcall.codec.AssignmentReason;
import io.firstcall.codec.AssignmentRule;
import io.firstcall.codec.BooleanType;
import io.firstcall.codec.ClaimDecisionEncoder;
import io.firstcall.codec.ClaimRejectedEncoder;
import io.firstcall.codec.ClaimRejection;
import io.firstcall.codec.ConfigDecisionEncoder;
import io.firstcall.codec.EscalationEncoder;
import io.firstcall.codec.EscalationLevel;
import io.firstcall.codec.Exclusion;
import io.firstcall.codec.FirmographicComponent;
import io.firstcall.codec.HotCriterion;
import io.firstcall.codec.HotDecisionEncoder;
import io.firstcall.codec.InputError;
import io.firstcall.codec.InputRejectedEncoder;
import io.firstcall.codec.LeadConvertedEncoder;
import io.firstcall.codec.LeadCreatedEncoder;
import io.firstcall.codec.LeadEvictedEncoder;
import io.firstcall.codec.Level;
import io.firstcall.codec.MessageHeaderEncoder;
import io.firstcall.codec.RoutingDecisionEncoder;
import io.firstcall.codec.ScoreDecayedEncoder;
import io.firstcall.codec.SignalKind;
import io.firstcall.codec.TaskChannel;
import io.firstcall.codec.TaskDueEncoder;
import io.firstcall.codec.Visibility;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every output of schema v2 as the protocol v2 line the renderer writes, key for key: the line's
 * text is the protocol (docs/protocol.md), so it is compared whole.
 */
class OutputRendererTest
{
    /** 2026-11-26T10:15:30.123456789Z */
    private static final long TIME_NS = 1_795_688_130_123_456_789L;
    private static final String TIME = "2026-11-26T10:15:30.123Z";
    private static final String TEXT_254 = "€".repeat(84) + "ß";

    private final OutputRenderer renderer = new OutputRenderer();
    private final UnsafeBuffer src = new UnsafeBuffer(new byte[128 * 1024]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();

    @Test
    void shouldRenderAlertWithReasonsAsAnObjectAndActivityAsAnArray()
    {
        final AlertEncoder alert = new AlertEncoder().wrapAndApplyHeader(src, 0, header)
            .inputSeq(42).timeNs(TIME_NS).claimDeadlineNs(TIME_NS + 30_000_000_000L).configVersion(3)
            .score(91).firmographicScore(40).behaviouralScore(51).externalScore(0).visibility(Visibility.ROLE)
            .level(Level.BACKUP).episode(2).employees(120).signalsOmitted(1);
        alert.criteriaCount(2)
            .next().criterion(HotCriterion.FORM).threshold(0).name("demo_request")
            .next().criterion(HotCriterion.SCORE).threshold(50).name("");
        alert.firmographicCount(2)
            .next().component(FirmographicComponent.INDUSTRY).points(30)
            .next().component(FirmographicComponent.EMPLOYEES).points(10);
        alert.signalsCount(2)
            .next().kind(SignalKind.PAGE).points(11).name("pricing")
            .next().kind(SignalKind.FORM).points(40).name("demo_request");
        alert.activityCount(2)
            .next().kind(ActivityKind.FORM).atNs(TIME_NS).detail("demo_request")
            .next().kind(ActivityKind.CALL).atNs(TIME_NS - 60_000_000_000L).detail("no_answer");
        alert.tenant("acme").lead("L1").rep("R1").name("Zoë").email("zoe@example.com").phone("+44").company(TEXT_254)
            .industry("saas").region("emea").product("crm").team("west");

        assertEquals("{\"type\":\"alert\",\"seq\":42,\"at\":\"" + TIME + "\",\"claimDeadline\":\"2026-11-26T10:16:00.123Z\"," +
            "\"configVersion\":3,\"score\":91,\"firmographicScore\":40,\"behaviouralScore\":51,\"externalScore\":0," +
            "\"visibility\":\"role\",\"level\":\"backup\",\"episode\":2,\"tenant\":\"acme\",\"lead\":\"L1\",\"rep\":\"R1\"," +
            "\"reasons\":{\"criteria\":[\"form:demo_request\",\"score>=50\"],\"score\":91," +
            "\"firmographic\":{\"total\":40,\"industry\":30,\"employees\":10}," +
            "\"behavioural\":{\"total\":51,\"signals\":[{\"signal\":\"page:pricing\",\"points\":11}," +
            "{\"signal\":\"form:demo_request\",\"points\":40}],\"more\":1},\"external\":0}," +
            "\"name\":\"Zoë\",\"email\":\"zoe@example.com\",\"phone\":\"+44\",\"company\":\"" + TEXT_254 + "\"," +
            "\"employees\":120,\"industry\":\"saas\",\"region\":\"emea\",\"product\":\"crm\",\"team\":\"west\"," +
            "\"activity\":[{\"type\":\"form\",\"detail\":\"demo_request\",\"at\":\"" + TIME + "\"}," +
            "{\"type\":\"call\",\"detail\":\"no_answer\",\"at\":\"2026-11-26T10:14:30.123Z\"}]}\n", render());
    }

    @Test
    void shouldRenderAnAlertWithoutDeadlineEmployeesOrReasonsAsNullsAndEmptyLists()
    {
        final AlertEncoder alert = new AlertEncoder().wrapAndApplyHeader(src, 0, header)
            .inputSeq(1).timeNs(TIME_NS).claimDeadlineNs(0).configVersion(3).visibility(Visibility.OWNED)
            .level(Level.QUEUE).episode(1).employees(-1);
        alert.criteriaCount(0);
        alert.firmographicCount(0);
        alert.signalsCount(0);
        alert.activityCount(1).next().kind(ActivityKind.FORM).atNs(0).detail("say \"hi\"\u0001");
        alert.tenant("acme").lead("L1").rep("acme-managers").name("").email("").phone("").company("")
            .industry("").region("").product("").team("");

        final String line = render();
        assertTrue(line.contains("\"claimDeadline\":null,"), line);
        assertTrue(line.contains("\"level\":\"queue\""), line);
        assertTrue(line.contains("\"reasons\":{\"criteria\":[],\"score\":0,\"firmographic\":{\"total\":0}," +
            "\"behavioural\":{\"total\":0,\"signals\":[],\"more\":0},\"external\":0}"), line);
        assertTrue(line.contains("\"employees\":null,"), line);
        assertTrue(line.contains("\"activity\":[{\"type\":\"form\",\"detail\":\"say \\\"hi\\\"\\u0001\"," +
            "\"at\":\"1970-01-01T00:00:00.000Z\"}]"), "client text is escaped: " + line);
    }

    @Test
    void shouldRenderThePushesAsInVersionOne()
    {
        new AlertWithdrawnEncoder().wrapAndApplyHeader(src, 0, header)
            .inputSeq(43).timeNs(TIME_NS).episode(5).tenant("acme").lead("L1").rep("R1").claimedBy("R2");
        assertEquals("{\"type\":\"withdrawn\",\"seq\":43,\"at\":\"" + TIME + "\",\"episode\":5,\"tenant\":\"acme\"," +
            "\"lead\":\"L1\",\"rep\":\"R1\",\"claimedBy\":\"R2\"}\n", render());

        final String[] names = { "existing_owner", "territory", "round_robin", "claim", "escalation" };
        for (final AssignmentReason reason : new AssignmentReason[]{ AssignmentReason.EXISTING_OWNER,
            AssignmentReason.TERRITORY, AssignmentReason.ROUND_ROBIN, AssignmentReason.CLAIM, AssignmentReason.ESCALATION })
        {
            new AssignmentEncoder().wrapAndApplyHeader(src, 0, header)
                .inputSeq(44).timeNs(TIME_NS).reason(reason).episode(1).tenant("acme").lead("L1").rep("R1");
            assertEquals("{\"type\":\"assigned\",\"seq\":44,\"at\":\"" + TIME + "\",\"reason\":\"" + names[reason.value()] +
                "\",\"episode\":1,\"tenant\":\"acme\",\"lead\":\"L1\",\"rep\":\"R1\"}\n", render());
        }

        new ClaimRejectedEncoder().wrapAndApplyHeader(src, 0, header)
            .inputSeq(45).timeNs(TIME_NS).episode(7).reason(ClaimRejection.NOT_ALERTED)
            .tenant("acme").lead("L1").rep("R3").owner("");
        assertEquals("{\"type\":\"claim_rejected\",\"seq\":45,\"at\":\"" + TIME + "\",\"episode\":7,\"tenant\":\"acme\"," +
            "\"lead\":\"L1\",\"rep\":\"R3\",\"owner\":\"\",\"reason\":\"not_alerted\"}\n", render());

        new EscalationEncoder().wrapAndApplyHeader(src, 0, header)
            .inputSeq(46).timeNs(TIME_NS).deadlineNs(0).level(EscalationLevel.MANAGER_QUEUE).episode(3)
            .tenant("acme").lead("L1").fromRep("R1").to("managers");
        assertEquals("{\"type\":\"escalation\",\"seq\":46,\"at\":\"" + TIME + "\",\"deadline\":null," +
            "\"level\":\"manager_queue\",\"episode\":3,\"tenant\":\"acme\",\"lead\":\"L1\",\"fromRep\":\"R1\"," +
            "\"to\":\"managers\"}\n", render());

        new TaskDueEncoder().wrapAndApplyHeader(src, 0, header)
            .inputSeq(47).timeNs(TIME_NS).dueNs(TIME_NS + 86_400_000_000_000L).step((short)200)
            .channel(TaskChannel.VOICEMAIL).tenant("acme").lead("L1").rep("R1").description("leave a message\n");
        assertEquals("{\"type\":\"task\",\"seq\":47,\"at\":\"" + TIME + "\",\"due\":\"2026-11-27T10:15:30.123Z\"," +
            "\"step\":200,\"channel\":\"voicemail\",\"tenant\":\"acme\",\"lead\":\"L1\",\"rep\":\"R1\"," +
            "\"description\":\"leave a message\\n\"}\n", render());
    }

    @Test
    void shouldRenderLeadCreatedWithAnEmptyDetail()
    {
        new LeadCreatedEncoder().wrapAndApplyHeader(src, 0, header)
            .inputSeq(48).timeNs(TIME_NS).configVersion(9).tenant("acme").lead("L1");
        assertEquals(decision("lead_created", 48, 9, "\"L1\"", "{}"), render());
    }

    @Test
    void shouldRenderHotAndSuppressedDecisionsWithTheirReasons()
    {
        for (final BooleanType suppressed : new BooleanType[]{ BooleanType.FALSE, BooleanType.TRUE })
        {
            final HotDecisionEncoder hot = new HotDecisionEncoder().wrapAndApplyHeader(src, 0, header)
                .inputSeq(49).timeNs(TIME_NS).configVersion(9).score(53).firmographicScore(25).behaviouralScore(28)
                .externalScore(0).episode(1).suppressed(suppressed).signalsOmitted(0);
            hot.criteriaCount(2)
                .next().criterion(HotCriterion.RETURN_VISIT).threshold(0).name("pricing")
                .next().criterion(HotCriterion.SCORE).threshold(50).name("");
            hot.firmographicCount(3)
                .next().component(FirmographicComponent.INDUSTRY).points(15)
                .next().component(FirmographicComponent.EMPLOYEES).points(5)
                .next().component(FirmographicComponent.REGION).points(5);
            hot.signalsCount(1).next().kind(SignalKind.TRIAL).points(28).name("activated");
            hot.tenant("acme").lead("L1");

            assertEquals(decision(BooleanType.TRUE == suppressed ? "not_hot" : "hot", 49, 9, "\"L1\"",
                "{\"criteria\":[\"returnVisit:pricing\",\"score>=50\"],\"score\":53," +
                "\"firmographic\":{\"total\":25,\"industry\":15,\"employees\":5,\"region\":5}," +
                "\"behavioural\":{\"total\":28,\"signals\":[{\"signal\":\"trial:activated\",\"points\":28}],\"more\":0}," +
                "\"external\":0," + (BooleanType.TRUE == suppressed ? "\"suppressed\":\"cooldown\"," : "") + "\"episode\":1}"),
                render());
        }
    }

    @Test
    void shouldRenderRoutedStepWithEveryKey()
    {
        final RoutingDecisionEncoder routing = new RoutingDecisionEncoder().wrapAndApplyHeader(src, 0, header)
            .inputSeq(50).timeNs(TIME_NS).configVersion(9).escalated(BooleanType.FALSE).level(Level.PRIMARY)
            .visibility(Visibility.OWNED).assignment(AssignmentRule.ROUND_ROBIN).deadlineNs(1_728_057_900_000_000_000L)
            .poolWeight(3).episode(1);
        routing.poolCount(2).next().rep("ana").next().rep("ben");
        routing.excludedCount(1).next().reason(Exclusion.OUTSIDE_HOURS).rep("cruz");
        routing.lapsedCount(0);
        routing.ledgerCount(2).next().weight(2).credit(2).rep("ana").next().weight(1).credit(1).rep("ben");
        routing.alertedCount(1).next().rep("ana");
        routing.tenant("acme").lead("L7").team("west").managerQueue("");

        assertEquals(decision("routed", 50, 9, "\"L7\"",
            "{\"level\":\"primary\",\"team\":\"west\",\"visibility\":\"owned\",\"lapsed\":[],\"pool\":[\"ana\",\"ben\"]," +
            "\"excluded\":[{\"rep\":\"cruz\",\"reason\":\"outside_hours\"}],\"assignment\":\"round_robin\"," +
            "\"ledger\":[{\"rep\":\"ana\",\"weight\":2,\"credit\":2},{\"rep\":\"ben\",\"weight\":1,\"credit\":1}]," +
            "\"poolWeight\":3,\"alerted\":[\"ana\"],\"deadlineNs\":1728057900000000000,\"managerQueue\":null,\"episode\":1}"),
            render());
    }

    @Test
    void shouldRenderAQueueStepWithoutTeamAsNulls()
    {
        final RoutingDecisionEncoder routing = new RoutingDecisionEncoder().wrapAndApplyHeader(src, 0, header)
            .inputSeq(51).timeNs(TIME_NS).configVersion(9).escalated(BooleanType.TRUE).level(Level.QUEUE)
            .visibility(Visibility.OWNED).assignment(AssignmentRule.NONE).deadlineNs(0).poolWeight(0).episode(2);
        routing.poolCount(0);
        routing.excludedCount(0);
        routing.lapsedCount(2).next().rep("r1").next().rep("r2");
        routing.ledgerCount(0);
        routing.alertedCount(0);
        routing.tenant("acme").lead("L1").team("").managerQueue("acme-managers");

        assertEquals(decision("escalated", 51, 9, "\"L1\"",
            "{\"level\":\"queue\",\"team\":null,\"visibility\":null,\"lapsed\":[\"r1\",\"r2\"],\"pool\":[],\"excluded\":[]," +
            "\"assignment\":null,\"ledger\":[],\"poolWeight\":null,\"alerted\":[],\"deadlineNs\":null," +
            "\"managerQueue\":\"acme-managers\",\"episode\":2}"), render());
    }

    @Test
    void shouldRenderClaimsSettledAndRejected()
    {
        new ClaimDecisionEncoder().wrapAndApplyHeader(src, 0, header)
            .inputSeq(52).timeNs(TIME_NS).configVersion(9).claimed(BooleanType.TRUE).alerted(BooleanType.FALSE)
            .level(Level.QUEUE).episode(1).rejection(ClaimRejection.NULL_VAL)
            .tenant("acme").lead("L7").rep("cruz").claimedBy("cruz");
        assertEquals(decision("claimed", 52, 9, "\"L7\"",
            "{\"claimedBy\":\"cruz\",\"alerted\":false,\"level\":\"queue\",\"episode\":1}"), render());

        new ClaimDecisionEncoder().wrapAndApplyHeader(src, 0, header)
            .inputSeq(53).timeNs(TIME_NS).configVersion(9).claimed(BooleanType.FALSE).alerted(BooleanType.TRUE)
            .level(Level.PRIMARY).episode(1).rejection(ClaimRejection.ALREADY_CLAIMED)
            .tenant("acme").lead("L7").rep("ben").claimedBy("cruz");
        assertEquals(decision("claim_rejected", 53, 9, "\"L7\"",
            "{\"rep\":\"ben\",\"reason\":\"already_claimed\",\"claimedBy\":\"cruz\",\"episode\":1}"), render());
    }

    @Test
    void shouldRenderConfigDecisionsWithoutALead()
    {
        new ConfigDecisionEncoder().wrapAndApplyHeader(src, 0, header)
            .inputSeq(0).timeNs(TIME_NS).configVersion(77).applied(BooleanType.TRUE).tenant("acme").error("");
        assertEquals(decision("config_applied", 0, 77, "null", "{\"version\":77}"), render());

        final String error = "claim.windw: unknown key (allowed: window, managerQueue) " + "✓".repeat(20_000);
        new ConfigDecisionEncoder().wrapAndApplyHeader(src, 0, header)
            .inputSeq(1).timeNs(TIME_NS).configVersion(77).applied(BooleanType.FALSE).tenant("acme").error(error);
        assertEquals(decision("config_rejected", 1, 77, "null", "{\"error\":\"" + error + "\"}"), render());
    }

    @Test
    void shouldRenderScoreDecayedInputRejectedAndLeadEvicted()
    {
        new ScoreDecayedEncoder().wrapAndApplyHeader(src, 0, header)
            .inputSeq(54).timeNs(TIME_NS).configVersion(9).score(49).threshold(50).firmographicScore(25)
            .behaviouralScore(24).externalScore(0).episode(1).tenant("acme").lead("L1");
        assertEquals(decision("score_decayed", 54, 9, "\"L1\"",
            "{\"score\":49,\"threshold\":50,\"firmographic\":25,\"behavioural\":24,\"external\":0,\"episode\":1}"), render());

        new InputRejectedEncoder().wrapAndApplyHeader(src, 0, header)
            .inputSeq(55).timeNs(TIME_NS).templateId(2).code(InputError.TRUNCATED).length(31).tenant("acme").field("lead");
        assertEquals("{\"type\":\"decision\",\"kind\":\"input_rejected\",\"seq\":55,\"at\":\"" + TIME + "\"," +
            "\"configVersion\":null,\"tenant\":\"acme\",\"lead\":null," +
            "\"detail\":{\"templateId\":2,\"code\":\"truncated\",\"field\":\"lead\",\"length\":31}}\n", render());

        new InputRejectedEncoder().wrapAndApplyHeader(src, 0, header)
            .inputSeq(55).timeNs(TIME_NS).templateId(65_535).code(InputError.TOO_LONG).length(9).tenant("").field("");
        assertEquals("{\"type\":\"decision\",\"kind\":\"input_rejected\",\"seq\":55,\"at\":\"" + TIME + "\"," +
            "\"configVersion\":null,\"tenant\":\"\",\"lead\":null," +
            "\"detail\":{\"templateId\":null,\"code\":\"too_long\",\"field\":null,\"length\":9}}\n", render());

        new LeadEvictedEncoder().wrapAndApplyHeader(src, 0, header)
            .inputSeq(56).timeNs(TIME_NS).configVersion(9).lastActivityNs(TIME_NS).tenant("acme").lead("L1");
        assertEquals(decision("lead_evicted", 56, 9, "\"L1\"", "{\"lastActivity\":\"" + TIME + "\"}"), render());
    }

    @Test
    void shouldRenderAnEnumValueThisBuildDoesNotKnowAsNull()
    {
        new AssignmentEncoder().wrapAndApplyHeader(src, 0, header)
            .inputSeq(44).timeNs(TIME_NS).reason(AssignmentReason.CLAIM).episode(1).tenant("acme").lead("L1").rep("R1");
        src.putByte(MessageHeaderEncoder.ENCODED_LENGTH + 16, (byte)99);
        assertTrue(render().contains("\"reason\":null,"));
    }

    @Test
    void shouldRefuseInputMessages()
    {
        new LeadConvertedEncoder().wrapAndApplyHeader(src, 0, header).tenant("acme").eventId("e").lead("L");
        assertEquals(OutputRenderer.NOT_AN_OUTPUT, renderer.render(src, 0, src.capacity()));
    }

    @Test
    void shouldNotReadPastTheMessage()
    {
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + new AlertWithdrawnEncoder()
            .wrapAndApplyHeader(src, 0, header).inputSeq(43).timeNs(TIME_NS).episode(5)
            .tenant("acme").lead("L1").rep("R1").claimedBy("R2").encodedLength();
        assertThrows(IndexOutOfBoundsException.class, () -> renderer.render(src, 0, length - 3));
    }

    @Test
    void shouldNotAllocatePerLineOnceWarm()
    {
        shouldRenderAlertWithReasonsAsAnObjectAndActivityAsAnArray();
        final int length = src.capacity();
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++)
        {
            renderer.render(src, 0, length);
        }
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 20_000; i++)
        {
            renderer.render(src, 0, length);
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 16 * 1024, allocated + " bytes for 20,000 alert lines");
    }

    private static String decision(final String kind, final long seq, final long configVersion, final String lead, final String detail)
    {
        return "{\"type\":\"decision\",\"kind\":\"" + kind + "\",\"seq\":" + seq + ",\"at\":\"" + TIME + "\"," +
            "\"configVersion\":" + configVersion + ",\"tenant\":\"acme\",\"lead\":" + lead + ",\"detail\":" + detail + "}\n";
    }

    private String render()
    {
        final int length = renderer.render(src, 0, src.capacity());
        return renderer.buffer().getStringWithoutLengthUtf8(0, length);
    }
}
