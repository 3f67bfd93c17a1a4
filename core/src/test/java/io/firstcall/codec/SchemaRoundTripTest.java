package io.firstcall.codec;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Encodes every message of the schema with all fields set and decodes it back. Each test runs
 * three times: with typical text, with every text field empty and with every text field at its
 * maximum length in multi-byte UTF-8 (the schema's bound for the field: 32 bytes for an input's
 * tenant, 64 for its ids, none for a tick's), so a swapped field, a lost byte or a bad length
 * prefix shows up in one of them.
 */
class SchemaRoundTripTest
{
    private static final int HEADER_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256 * 1024]);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();

    enum Text
    {
        TYPICAL, EMPTY, MAXIMUM;

        /**
         * @param tag makes each field's value different so swapped fields are caught.
         */
        String of(final char tag)
        {
            return of(tag, 254);
        }

        /** A tenant id: at most 32 bytes. */
        String tenant(final char tag)
        {
            return of(tag, 32);
        }

        /** An event, lead or rep id: at most 64 bytes. */
        String id(final char tag)
        {
            return of(tag, 64);
        }

        /** A tick's tenant and event id: always empty. */
        String empty()
        {
            return "";
        }

        String of(final char tag, final int maxBytes)
        {
            switch (this)
            {
                case TYPICAL:
                    return tag + "-Zoë Ünïcödé €42 ✓ " + tag;
                case EMPTY:
                    return "";
                default:
                    return utf8OfLength(tag, maxBytes);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripLeadUpsert(final Text text)
    {
        final int employees = text == Text.EMPTY ? LeadUpsertEncoder.employeesNullValue() : 1_250_000;
        final LeadUpsertEncoder encoder = new LeadUpsertEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .eventTimeMs(1_795_691_730_123L).receiveTimeNs(1_795_691_730_456_789_012L).employees(employees)
            .tenant(text.tenant('a')).eventId(text.id('b')).lead(text.id('c')).email(text.of('d'))
            .phone(text.of('e')).name(text.of('f')).company(text.of('g')).industry(text.of('h'))
            .region(text.of('i')).product(text.of('j')).source(text.of('k')).owner(text.of('l'))
            .timezone(text.of('m'));

        final LeadUpsertDecoder decoder = new LeadUpsertDecoder().wrapAndApplyHeader(buffer, 0, headerDecoder);
        assertHeader(LeadUpsertDecoder.TEMPLATE_ID, LeadUpsertDecoder.BLOCK_LENGTH);
        assertEquals(1_795_691_730_123L, decoder.eventTimeMs());
        assertEquals(1_795_691_730_456_789_012L, decoder.receiveTimeNs());
        assertEquals(employees, decoder.employees());
        assertEquals(text.tenant('a'), decoder.tenant());
        assertEquals(text.id('b'), decoder.eventId());
        assertEquals(text.id('c'), decoder.lead());
        assertEquals(text.of('d'), decoder.email());
        assertEquals(text.of('e'), decoder.phone());
        assertEquals(text.of('f'), decoder.name());
        assertEquals(text.of('g'), decoder.company());
        assertEquals(text.of('h'), decoder.industry());
        assertEquals(text.of('i'), decoder.region());
        assertEquals(text.of('j'), decoder.product());
        assertEquals(text.of('k'), decoder.source());
        assertEquals(text.of('l'), decoder.owner());
        assertEquals(text.of('m'), decoder.timezone());
        assertEquals(encoder.encodedLength(), decoder.encodedLength());
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripFormSubmitted(final Text text)
    {
        final int employees = text == Text.EMPTY ? FormSubmittedEncoder.employeesNullValue() : 0;
        final FormSubmittedEncoder encoder = new FormSubmittedEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .eventTimeMs(-1L).receiveTimeNs(Long.MAX_VALUE).employees(employees)
            .tenant(text.tenant('a')).eventId(text.id('b')).lead(text.id('c')).form(text.of('d'))
            .email(text.of('e')).phone(text.of('f')).name(text.of('g')).company(text.of('h'))
            .industry(text.of('i')).region(text.of('j')).product(text.of('k')).source(text.of('l'))
            .owner(text.of('m')).timezone(text.of('n'));

        final FormSubmittedDecoder decoder = new FormSubmittedDecoder().wrapAndApplyHeader(buffer, 0, headerDecoder);
        assertHeader(FormSubmittedDecoder.TEMPLATE_ID, FormSubmittedDecoder.BLOCK_LENGTH);
        assertEquals(-1L, decoder.eventTimeMs());
        assertEquals(Long.MAX_VALUE, decoder.receiveTimeNs());
        assertEquals(employees, decoder.employees());
        assertEquals(text.tenant('a'), decoder.tenant());
        assertEquals(text.id('b'), decoder.eventId());
        assertEquals(text.id('c'), decoder.lead());
        assertEquals(text.of('d'), decoder.form());
        assertEquals(text.of('e'), decoder.email());
        assertEquals(text.of('f'), decoder.phone());
        assertEquals(text.of('g'), decoder.name());
        assertEquals(text.of('h'), decoder.company());
        assertEquals(text.of('i'), decoder.industry());
        assertEquals(text.of('j'), decoder.region());
        assertEquals(text.of('k'), decoder.product());
        assertEquals(text.of('l'), decoder.source());
        assertEquals(text.of('m'), decoder.owner());
        assertEquals(text.of('n'), decoder.timezone());
        assertEquals(encoder.encodedLength(), decoder.encodedLength());
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripPageVisited(final Text text)
    {
        final PageVisitedEncoder encoder = new PageVisitedEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .eventTimeMs(1L).receiveTimeNs(2L)
            .tenant(text.tenant('a')).eventId(text.id('b')).lead(text.id('c')).page(text.of('d'));

        final PageVisitedDecoder decoder = new PageVisitedDecoder().wrapAndApplyHeader(buffer, 0, headerDecoder);
        assertHeader(PageVisitedDecoder.TEMPLATE_ID, PageVisitedDecoder.BLOCK_LENGTH);
        assertEquals(1L, decoder.eventTimeMs());
        assertEquals(2L, decoder.receiveTimeNs());
        assertEquals(text.tenant('a'), decoder.tenant());
        assertEquals(text.id('b'), decoder.eventId());
        assertEquals(text.id('c'), decoder.lead());
        assertEquals(text.of('d'), decoder.page());
        assertEquals(encoder.encodedLength(), decoder.encodedLength());
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripTrialMilestone(final Text text)
    {
        final TrialMilestoneEncoder encoder = new TrialMilestoneEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .eventTimeMs(Long.MIN_VALUE).receiveTimeNs(0x0102030405060708L)
            .tenant(text.tenant('a')).eventId(text.id('b')).lead(text.id('c')).milestone(text.of('d'));

        final TrialMilestoneDecoder decoder = new TrialMilestoneDecoder().wrapAndApplyHeader(buffer, 0, headerDecoder);
        assertHeader(TrialMilestoneDecoder.TEMPLATE_ID, TrialMilestoneDecoder.BLOCK_LENGTH);
        assertEquals(Long.MIN_VALUE, decoder.eventTimeMs());
        assertEquals(0x0102030405060708L, decoder.receiveTimeNs());
        assertEquals(text.tenant('a'), decoder.tenant());
        assertEquals(text.id('b'), decoder.eventId());
        assertEquals(text.id('c'), decoder.lead());
        assertEquals(text.of('d'), decoder.milestone());
        assertEquals(encoder.encodedLength(), decoder.encodedLength());
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripScoreUpdated(final Text text)
    {
        final ScoreUpdatedEncoder encoder = new ScoreUpdatedEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .eventTimeMs(11L).receiveTimeNs(12L).score(-2_000_000_000)
            .tenant(text.tenant('a')).eventId(text.id('b')).lead(text.id('c'));

        final ScoreUpdatedDecoder decoder = new ScoreUpdatedDecoder().wrapAndApplyHeader(buffer, 0, headerDecoder);
        assertHeader(ScoreUpdatedDecoder.TEMPLATE_ID, ScoreUpdatedDecoder.BLOCK_LENGTH);
        assertEquals(11L, decoder.eventTimeMs());
        assertEquals(12L, decoder.receiveTimeNs());
        assertEquals(-2_000_000_000, decoder.score());
        assertEquals(text.tenant('a'), decoder.tenant());
        assertEquals(text.id('b'), decoder.eventId());
        assertEquals(text.id('c'), decoder.lead());
        assertEquals(encoder.encodedLength(), decoder.encodedLength());
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripRepPresence(final Text text)
    {
        for (final PresenceStatus status : new PresenceStatus[]{ PresenceStatus.AVAILABLE, PresenceStatus.BUSY,
            PresenceStatus.OFFLINE })
        {
            final RepPresenceEncoder encoder = new RepPresenceEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
                .eventTimeMs(21L).receiveTimeNs(22L).status(status)
                .tenant(text.tenant('a')).eventId(text.id('b')).rep(text.id('c'));

            final RepPresenceDecoder decoder = new RepPresenceDecoder().wrapAndApplyHeader(buffer, 0, headerDecoder);
            assertHeader(RepPresenceDecoder.TEMPLATE_ID, RepPresenceDecoder.BLOCK_LENGTH);
            assertEquals(21L, decoder.eventTimeMs());
            assertEquals(22L, decoder.receiveTimeNs());
            assertEquals(status, decoder.status());
            assertEquals(text.tenant('a'), decoder.tenant());
            assertEquals(text.id('b'), decoder.eventId());
            assertEquals(text.id('c'), decoder.rep());
            assertEquals(encoder.encodedLength(), decoder.encodedLength());
        }
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripCallActivity(final Text text)
    {
        for (final CallOutcome outcome : new CallOutcome[]{ CallOutcome.STARTED, CallOutcome.CONNECTED,
            CallOutcome.NO_ANSWER, CallOutcome.VOICEMAIL })
        {
            final CallActivityEncoder encoder = new CallActivityEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
                .eventTimeMs(31L).receiveTimeNs(32L).outcome(outcome)
                .tenant(text.tenant('a')).eventId(text.id('b')).lead(text.id('c')).rep(text.id('d'));

            final CallActivityDecoder decoder = new CallActivityDecoder().wrapAndApplyHeader(buffer, 0, headerDecoder);
            assertHeader(CallActivityDecoder.TEMPLATE_ID, CallActivityDecoder.BLOCK_LENGTH);
            assertEquals(31L, decoder.eventTimeMs());
            assertEquals(32L, decoder.receiveTimeNs());
            assertEquals(outcome, decoder.outcome());
            assertEquals(text.tenant('a'), decoder.tenant());
            assertEquals(text.id('b'), decoder.eventId());
            assertEquals(text.id('c'), decoder.lead());
            assertEquals(text.id('d'), decoder.rep());
            assertEquals(encoder.encodedLength(), decoder.encodedLength());
        }
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripEmailSent(final Text text)
    {
        final EmailSentEncoder encoder = new EmailSentEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .eventTimeMs(41L).receiveTimeNs(42L)
            .tenant(text.tenant('a')).eventId(text.id('b')).lead(text.id('c')).rep(text.id('d'));

        final EmailSentDecoder decoder = new EmailSentDecoder().wrapAndApplyHeader(buffer, 0, headerDecoder);
        assertHeader(EmailSentDecoder.TEMPLATE_ID, EmailSentDecoder.BLOCK_LENGTH);
        assertEquals(41L, decoder.eventTimeMs());
        assertEquals(42L, decoder.receiveTimeNs());
        assertEquals(text.tenant('a'), decoder.tenant());
        assertEquals(text.id('b'), decoder.eventId());
        assertEquals(text.id('c'), decoder.lead());
        assertEquals(text.id('d'), decoder.rep());
        assertEquals(encoder.encodedLength(), decoder.encodedLength());
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripSmsSent(final Text text)
    {
        final SmsSentEncoder encoder = new SmsSentEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .eventTimeMs(51L).receiveTimeNs(52L)
            .tenant(text.tenant('a')).eventId(text.id('b')).lead(text.id('c')).rep(text.id('d'));

        final SmsSentDecoder decoder = new SmsSentDecoder().wrapAndApplyHeader(buffer, 0, headerDecoder);
        assertHeader(SmsSentDecoder.TEMPLATE_ID, SmsSentDecoder.BLOCK_LENGTH);
        assertEquals(51L, decoder.eventTimeMs());
        assertEquals(52L, decoder.receiveTimeNs());
        assertEquals(text.tenant('a'), decoder.tenant());
        assertEquals(text.id('b'), decoder.eventId());
        assertEquals(text.id('c'), decoder.lead());
        assertEquals(text.id('d'), decoder.rep());
        assertEquals(encoder.encodedLength(), decoder.encodedLength());
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripQualification(final Text text)
    {
        for (final QualificationResult result : new QualificationResult[]{ QualificationResult.QUALIFIED,
            QualificationResult.DISQUALIFIED })
        {
            final QualificationEncoder encoder = new QualificationEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
                .eventTimeMs(61L).receiveTimeNs(62L).result(result)
                .tenant(text.tenant('a')).eventId(text.id('b')).lead(text.id('c')).rep(text.id('d'))
                .reason(text.of('e'));

            final QualificationDecoder decoder = new QualificationDecoder().wrapAndApplyHeader(buffer, 0, headerDecoder);
            assertHeader(QualificationDecoder.TEMPLATE_ID, QualificationDecoder.BLOCK_LENGTH);
            assertEquals(61L, decoder.eventTimeMs());
            assertEquals(62L, decoder.receiveTimeNs());
            assertEquals(result, decoder.result());
            assertEquals(text.tenant('a'), decoder.tenant());
            assertEquals(text.id('b'), decoder.eventId());
            assertEquals(text.id('c'), decoder.lead());
            assertEquals(text.id('d'), decoder.rep());
            assertEquals(text.of('e'), decoder.reason());
            assertEquals(encoder.encodedLength(), decoder.encodedLength());
        }
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripOpportunityCreated(final Text text)
    {
        final OpportunityCreatedEncoder encoder = new OpportunityCreatedEncoder()
            .wrapAndApplyHeader(buffer, 0, headerEncoder)
            .eventTimeMs(71L).receiveTimeNs(72L).amountCents(92_233_720_368_547_758L)
            .tenant(text.tenant('a')).eventId(text.id('b')).lead(text.id('c')).rep(text.id('d'));

        final OpportunityCreatedDecoder decoder = new OpportunityCreatedDecoder()
            .wrapAndApplyHeader(buffer, 0, headerDecoder);
        assertHeader(OpportunityCreatedDecoder.TEMPLATE_ID, OpportunityCreatedDecoder.BLOCK_LENGTH);
        assertEquals(71L, decoder.eventTimeMs());
        assertEquals(72L, decoder.receiveTimeNs());
        assertEquals(92_233_720_368_547_758L, decoder.amountCents());
        assertEquals(text.tenant('a'), decoder.tenant());
        assertEquals(text.id('b'), decoder.eventId());
        assertEquals(text.id('c'), decoder.lead());
        assertEquals(text.id('d'), decoder.rep());
        assertEquals(encoder.encodedLength(), decoder.encodedLength());
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripLeadConverted(final Text text)
    {
        final LeadConvertedEncoder encoder = new LeadConvertedEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .eventTimeMs(81L).receiveTimeNs(82L)
            .tenant(text.tenant('a')).eventId(text.id('b')).lead(text.id('c'));

        final LeadConvertedDecoder decoder = new LeadConvertedDecoder().wrapAndApplyHeader(buffer, 0, headerDecoder);
        assertHeader(LeadConvertedDecoder.TEMPLATE_ID, LeadConvertedDecoder.BLOCK_LENGTH);
        assertEquals(81L, decoder.eventTimeMs());
        assertEquals(82L, decoder.receiveTimeNs());
        assertEquals(text.tenant('a'), decoder.tenant());
        assertEquals(text.id('b'), decoder.eventId());
        assertEquals(text.id('c'), decoder.lead());
        assertEquals(encoder.encodedLength(), decoder.encodedLength());
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripConfigChange(final Text text)
    {
        final String document = text.of('d', 65_534);
        final ConfigChangeEncoder encoder = new ConfigChangeEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .eventTimeMs(91L).receiveTimeNs(92L).configVersion(9_000_000_001L)
            .tenant(text.tenant('a')).eventId(text.id('b')).document(document);

        final ConfigChangeDecoder decoder = new ConfigChangeDecoder().wrapAndApplyHeader(buffer, 0, headerDecoder);
        assertHeader(ConfigChangeDecoder.TEMPLATE_ID, ConfigChangeDecoder.BLOCK_LENGTH);
        assertEquals(91L, decoder.eventTimeMs());
        assertEquals(92L, decoder.receiveTimeNs());
        assertEquals(9_000_000_001L, decoder.configVersion());
        assertEquals(text.tenant('a'), decoder.tenant());
        assertEquals(text.id('b'), decoder.eventId());
        assertEquals(document, decoder.document());
        assertEquals(encoder.encodedLength(), decoder.encodedLength());
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripTimerTick(final Text text)
    {
        final TimerTickEncoder encoder = new TimerTickEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .eventTimeMs(101L).receiveTimeNs(102L).tenant(text.empty()).eventId(text.empty());

        final TimerTickDecoder decoder = new TimerTickDecoder().wrapAndApplyHeader(buffer, 0, headerDecoder);
        assertHeader(TimerTickDecoder.TEMPLATE_ID, TimerTickDecoder.BLOCK_LENGTH);
        assertEquals(101L, decoder.eventTimeMs());
        assertEquals(102L, decoder.receiveTimeNs());
        assertEquals(text.empty(), decoder.tenant());
        assertEquals(text.empty(), decoder.eventId());
        assertEquals(encoder.encodedLength(), decoder.encodedLength());
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripAlert(final Text text)
    {
        for (final Visibility visibility : new Visibility[]{ Visibility.OWNED, Visibility.ALL, Visibility.ROLE })
        {
            final AlertEncoder encoder = new AlertEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
                .inputSeq(1_000_001L).timeNs(1_795_691_730_000_000_001L).claimDeadlineNs(1_795_691_760_000_000_002L)
                .configVersion(17L).score(93).firmographicScore(-40).behaviouralScore(133).externalScore(-7)
                .visibility(visibility).level(Level.BACKUP).episode(2_000_000_003).employees(-1).signalsOmitted(65_535);
            encoder.criteriaCount(2)
                .next().criterion(HotCriterion.FORM).threshold(0).name(text.of('j', 64))
                .next().criterion(HotCriterion.SCORE).threshold(-1_000_000).name("");
            encoder.firmographicCount(1).next().component(FirmographicComponent.SOURCE).points(-1_000);
            encoder.signalsCount(1).next().kind(SignalKind.TRIAL).points(25).name(text.of('k', 64));
            encoder.activityCount(2)
                .next().kind(ActivityKind.CONVERSION).atNs(Long.MAX_VALUE).detail(text.of('l', 38))
                .next().kind(ActivityKind.FORM).atNs(-1L).detail("");
            encoder.tenant(text.of('a')).lead(text.of('b')).rep(text.of('c')).name(text.of('e')).email(text.of('f'))
                .phone(text.of('g')).company(text.of('h')).industry(text.of('m')).region(text.of('n'))
                .product(text.of('o')).team(text.of('p'));

            final AlertDecoder decoder = new AlertDecoder().wrapAndApplyHeader(buffer, 0, headerDecoder);
            assertHeader(AlertDecoder.TEMPLATE_ID, AlertDecoder.BLOCK_LENGTH);
            assertEquals(1_000_001L, decoder.inputSeq());
            assertEquals(1_795_691_730_000_000_001L, decoder.timeNs());
            assertEquals(1_795_691_760_000_000_002L, decoder.claimDeadlineNs());
            assertEquals(17L, decoder.configVersion());
            assertEquals(93, decoder.score());
            assertEquals(-40, decoder.firmographicScore());
            assertEquals(133, decoder.behaviouralScore());
            assertEquals(-7, decoder.externalScore());
            assertEquals(visibility, decoder.visibility());
            assertEquals(Level.BACKUP, decoder.level());
            assertEquals(2_000_000_003, decoder.episode());
            assertEquals(-1, decoder.employees());
            assertEquals(65_535, decoder.signalsOmitted());
            final AlertDecoder.CriteriaDecoder criteria = decoder.criteria();
            assertEquals(2, criteria.count());
            assertEquals(HotCriterion.FORM, criteria.next().criterion());
            assertEquals(0, criteria.threshold());
            assertEquals(text.of('j', 64), criteria.name());
            assertEquals(HotCriterion.SCORE, criteria.next().criterion());
            assertEquals(-1_000_000, criteria.threshold());
            assertEquals("", criteria.name());
            final AlertDecoder.FirmographicDecoder firmographic = decoder.firmographic();
            assertEquals(1, firmographic.count());
            assertEquals(FirmographicComponent.SOURCE, firmographic.next().component());
            assertEquals(-1_000, firmographic.points());
            final AlertDecoder.SignalsDecoder signals = decoder.signals();
            assertEquals(SignalKind.TRIAL, signals.next().kind());
            assertEquals(25, signals.points());
            assertEquals(text.of('k', 64), signals.name());
            final AlertDecoder.ActivityDecoder activity = decoder.activity();
            assertEquals(2, activity.count());
            assertEquals(ActivityKind.CONVERSION, activity.next().kind());
            assertEquals(Long.MAX_VALUE, activity.atNs());
            assertEquals(text.of('l', 38), activity.detail());
            assertEquals(ActivityKind.FORM, activity.next().kind());
            assertEquals(-1L, activity.atNs());
            assertEquals("", activity.detail());
            assertEquals(text.of('a'), decoder.tenant());
            assertEquals(text.of('b'), decoder.lead());
            assertEquals(text.of('c'), decoder.rep());
            assertEquals(text.of('e'), decoder.name());
            assertEquals(text.of('f'), decoder.email());
            assertEquals(text.of('g'), decoder.phone());
            assertEquals(text.of('h'), decoder.company());
            assertEquals(text.of('m'), decoder.industry());
            assertEquals(text.of('n'), decoder.region());
            assertEquals(text.of('o'), decoder.product());
            assertEquals(text.of('p'), decoder.team());
            assertEquals(encoder.encodedLength(), decoder.encodedLength());
        }
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripAlertWithdrawn(final Text text)
    {
        final AlertWithdrawnEncoder encoder = new AlertWithdrawnEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .inputSeq(201L).timeNs(202L).episode(203)
            .tenant(text.of('a')).lead(text.of('b')).rep(text.of('c')).claimedBy(text.of('d'));

        final AlertWithdrawnDecoder decoder = new AlertWithdrawnDecoder().wrapAndApplyHeader(buffer, 0, headerDecoder);
        assertHeader(AlertWithdrawnDecoder.TEMPLATE_ID, AlertWithdrawnDecoder.BLOCK_LENGTH);
        assertEquals(201L, decoder.inputSeq());
        assertEquals(202L, decoder.timeNs());
        assertEquals(203, decoder.episode());
        assertEquals(text.of('a'), decoder.tenant());
        assertEquals(text.of('b'), decoder.lead());
        assertEquals(text.of('c'), decoder.rep());
        assertEquals(text.of('d'), decoder.claimedBy());
        assertEquals(encoder.encodedLength(), decoder.encodedLength());
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripAssignment(final Text text)
    {
        for (final AssignmentReason reason : new AssignmentReason[]{ AssignmentReason.EXISTING_OWNER,
            AssignmentReason.TERRITORY, AssignmentReason.ROUND_ROBIN, AssignmentReason.CLAIM,
            AssignmentReason.ESCALATION })
        {
            final AssignmentEncoder encoder = new AssignmentEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
                .inputSeq(301L).timeNs(302L).reason(reason).episode(303)
                .tenant(text.of('a')).lead(text.of('b')).rep(text.of('c'));

            final AssignmentDecoder decoder = new AssignmentDecoder().wrapAndApplyHeader(buffer, 0, headerDecoder);
            assertHeader(AssignmentDecoder.TEMPLATE_ID, AssignmentDecoder.BLOCK_LENGTH);
            assertEquals(301L, decoder.inputSeq());
            assertEquals(302L, decoder.timeNs());
            assertEquals(reason, decoder.reason());
            assertEquals(303, decoder.episode());
            assertEquals(text.of('a'), decoder.tenant());
            assertEquals(text.of('b'), decoder.lead());
            assertEquals(text.of('c'), decoder.rep());
            assertEquals(encoder.encodedLength(), decoder.encodedLength());
        }
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripClaimRejected(final Text text)
    {
        for (final ClaimRejection reason : new ClaimRejection[]{ ClaimRejection.ALREADY_CLAIMED, ClaimRejection.NOT_ALERTED })
        {
            final ClaimRejectedEncoder encoder = new ClaimRejectedEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
                .inputSeq(401L).timeNs(402L).episode(403).reason(reason)
                .tenant(text.of('a')).lead(text.of('b')).rep(text.of('c')).owner(text.of('d'));

            final ClaimRejectedDecoder decoder = new ClaimRejectedDecoder().wrapAndApplyHeader(buffer, 0, headerDecoder);
            assertHeader(ClaimRejectedDecoder.TEMPLATE_ID, ClaimRejectedDecoder.BLOCK_LENGTH);
            assertEquals(401L, decoder.inputSeq());
            assertEquals(402L, decoder.timeNs());
            assertEquals(403, decoder.episode());
            assertEquals(reason, decoder.reason());
            assertEquals(text.of('a'), decoder.tenant());
            assertEquals(text.of('b'), decoder.lead());
            assertEquals(text.of('c'), decoder.rep());
            assertEquals(text.of('d'), decoder.owner());
            assertEquals(encoder.encodedLength(), decoder.encodedLength());
        }
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripEscalation(final Text text)
    {
        for (final EscalationLevel level : new EscalationLevel[]{ EscalationLevel.BACKUP_REP,
            EscalationLevel.MANAGER_QUEUE })
        {
            final EscalationEncoder encoder = new EscalationEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
                .inputSeq(501L).timeNs(502L).deadlineNs(503L).level(level).episode(504)
                .tenant(text.of('a')).lead(text.of('b')).fromRep(text.of('c')).to(text.of('d'));

            final EscalationDecoder decoder = new EscalationDecoder().wrapAndApplyHeader(buffer, 0, headerDecoder);
            assertHeader(EscalationDecoder.TEMPLATE_ID, EscalationDecoder.BLOCK_LENGTH);
            assertEquals(501L, decoder.inputSeq());
            assertEquals(502L, decoder.timeNs());
            assertEquals(503L, decoder.deadlineNs());
            assertEquals(level, decoder.level());
            assertEquals(504, decoder.episode());
            assertEquals(text.of('a'), decoder.tenant());
            assertEquals(text.of('b'), decoder.lead());
            assertEquals(text.of('c'), decoder.fromRep());
            assertEquals(text.of('d'), decoder.to());
            assertEquals(encoder.encodedLength(), decoder.encodedLength());
        }
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripTaskDue(final Text text)
    {
        for (final TaskChannel channel : new TaskChannel[]{ TaskChannel.CALL, TaskChannel.VOICEMAIL,
            TaskChannel.EMAIL, TaskChannel.SMS })
        {
            final TaskDueEncoder encoder = new TaskDueEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
                .inputSeq(601L).timeNs(602L).dueNs(603L).step((short)254).channel(channel)
                .tenant(text.of('a')).lead(text.of('b')).rep(text.of('c')).description(text.of('d'));

            final TaskDueDecoder decoder = new TaskDueDecoder().wrapAndApplyHeader(buffer, 0, headerDecoder);
            assertHeader(TaskDueDecoder.TEMPLATE_ID, TaskDueDecoder.BLOCK_LENGTH);
            assertEquals(601L, decoder.inputSeq());
            assertEquals(602L, decoder.timeNs());
            assertEquals(603L, decoder.dueNs());
            assertEquals((short)254, decoder.step());
            assertEquals(channel, decoder.channel());
            assertEquals(text.of('a'), decoder.tenant());
            assertEquals(text.of('b'), decoder.lead());
            assertEquals(text.of('c'), decoder.rep());
            assertEquals(text.of('d'), decoder.description());
            assertEquals(encoder.encodedLength(), decoder.encodedLength());
        }
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripLeadCreated(final Text text)
    {
        final LeadCreatedEncoder encoder = new LeadCreatedEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .inputSeq(701L).timeNs(702L).configVersion(Long.MAX_VALUE).tenant(text.of('a')).lead(text.of('b'));

        final LeadCreatedDecoder decoder = new LeadCreatedDecoder().wrapAndApplyHeader(buffer, 0, headerDecoder);
        assertHeader(LeadCreatedDecoder.TEMPLATE_ID, LeadCreatedDecoder.BLOCK_LENGTH);
        assertEquals(701L, decoder.inputSeq());
        assertEquals(702L, decoder.timeNs());
        assertEquals(Long.MAX_VALUE, decoder.configVersion());
        assertEquals(text.of('a'), decoder.tenant());
        assertEquals(text.of('b'), decoder.lead());
        assertEquals(encoder.encodedLength(), decoder.encodedLength());
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripHotDecision(final Text text)
    {
        for (final BooleanType suppressed : new BooleanType[]{ BooleanType.FALSE, BooleanType.TRUE })
        {
            final HotDecisionEncoder encoder = new HotDecisionEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
                .inputSeq(801L).timeNs(802L).configVersion(803L).score(-804).firmographicScore(805)
                .behaviouralScore(806).externalScore(807).episode(808).suppressed(suppressed).signalsOmitted(809);
            final HotDecisionEncoder.CriteriaEncoder criteria = encoder.criteriaCount(HotCriterion.values().length - 1);
            for (final HotCriterion criterion : HotCriterion.values())
            {
                if (HotCriterion.NULL_VAL != criterion)
                {
                    criteria.next().criterion(criterion).threshold(criterion.value()).name(text.of((char)('q' + criterion.value()), 64));
                }
            }
            final HotDecisionEncoder.FirmographicEncoder firmographic =
                encoder.firmographicCount(FirmographicComponent.values().length - 1);
            for (final FirmographicComponent component : FirmographicComponent.values())
            {
                if (FirmographicComponent.NULL_VAL != component)
                {
                    firmographic.next().component(component).points(-component.value());
                }
            }
            final HotDecisionEncoder.SignalsEncoder signals = encoder.signalsCount(SignalKind.values().length - 1);
            for (final SignalKind kind : SignalKind.values())
            {
                if (SignalKind.NULL_VAL != kind)
                {
                    signals.next().kind(kind).points(kind.value() * 10).name(text.of((char)('k' + kind.value()), 64));
                }
            }
            encoder.tenant(text.of('a')).lead(text.of('b'));

            final HotDecisionDecoder decoder = new HotDecisionDecoder().wrapAndApplyHeader(buffer, 0, headerDecoder);
            assertHeader(HotDecisionDecoder.TEMPLATE_ID, HotDecisionDecoder.BLOCK_LENGTH);
            assertEquals(801L, decoder.inputSeq());
            assertEquals(802L, decoder.timeNs());
            assertEquals(803L, decoder.configVersion());
            assertEquals(-804, decoder.score());
            assertEquals(805, decoder.firmographicScore());
            assertEquals(806, decoder.behaviouralScore());
            assertEquals(807, decoder.externalScore());
            assertEquals(808, decoder.episode());
            assertEquals(suppressed, decoder.suppressed());
            assertEquals(809, decoder.signalsOmitted());
            for (final HotDecisionDecoder.CriteriaDecoder criterion : decoder.criteria())
            {
                assertEquals(criterion.criterion().value(), criterion.threshold());
                assertEquals(text.of((char)('q' + criterion.criterion().value()), 64), criterion.name());
            }
            int components = 0;
            for (final HotDecisionDecoder.FirmographicDecoder component : decoder.firmographic())
            {
                assertEquals(components++, component.component().value());
                assertEquals(-component.component().value(), component.points());
            }
            assertEquals(5, components);
            for (final HotDecisionDecoder.SignalsDecoder signal : decoder.signals())
            {
                assertEquals(signal.kind().value() * 10, signal.points());
                assertEquals(text.of((char)('k' + signal.kind().value()), 64), signal.name());
            }
            assertEquals(text.of('a'), decoder.tenant());
            assertEquals(text.of('b'), decoder.lead());
            assertEquals(encoder.encodedLength(), decoder.encodedLength());
        }
    }

    /**
     * The alerts of an episode carry its hot decision's reasons as bytes, so the three groups must
     * have one layout in both messages.
     */
    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldDecodeHotDecisionReasonsCopiedIntoAnAlert(final Text text)
    {
        final HotDecisionEncoder decision = new HotDecisionEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder);
        final int start = decision.limit();
        decision.criteriaCount(1).next().criterion(HotCriterion.RETURN_VISIT).threshold(3).name(text.of('r', 64));
        decision.firmographicCount(1).next().component(FirmographicComponent.REGION).points(5);
        decision.signalsCount(1).next().kind(SignalKind.PAGE).points(12).name(text.of('s', 64));
        final int length = decision.limit() - start;

        final UnsafeBuffer alertBuffer = new UnsafeBuffer(new byte[4096]);
        final AlertEncoder alert = new AlertEncoder().wrapAndApplyHeader(alertBuffer, 0, headerEncoder).episode(9);
        alertBuffer.putBytes(alert.limit(), buffer, start, length);
        alert.limit(alert.limit() + length);
        alert.activityCount(0);
        alert.tenant("t").lead("l").rep("r").name("").email("").phone("").company("").industry("").region("")
            .product("").team("");

        final AlertDecoder decoder = new AlertDecoder().wrapAndApplyHeader(alertBuffer, 0, headerDecoder);
        assertEquals(9, decoder.episode());
        final AlertDecoder.CriteriaDecoder criteria = decoder.criteria();
        assertEquals(HotCriterion.RETURN_VISIT, criteria.next().criterion());
        assertEquals(3, criteria.threshold());
        assertEquals(text.of('r', 64), criteria.name());
        final AlertDecoder.FirmographicDecoder firmographic = decoder.firmographic();
        assertEquals(FirmographicComponent.REGION, firmographic.next().component());
        assertEquals(5, firmographic.points());
        final AlertDecoder.SignalsDecoder signals = decoder.signals();
        assertEquals(SignalKind.PAGE, signals.next().kind());
        assertEquals(12, signals.points());
        assertEquals(text.of('s', 64), signals.name());
        assertEquals(0, decoder.activity().count());
        assertEquals("t", decoder.tenant());
        assertEquals("l", decoder.lead());
        assertEquals("r", decoder.rep());
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripRoutingDecision(final Text text)
    {
        for (final AssignmentRule rule : new AssignmentRule[]{ AssignmentRule.NONE, AssignmentRule.EXISTING_OWNER,
            AssignmentRule.TERRITORY, AssignmentRule.ROUND_ROBIN, AssignmentRule.OWNER_AS_GIVEN })
        {
            final RoutingDecisionEncoder encoder = new RoutingDecisionEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
                .inputSeq(901L).timeNs(902L).configVersion(903L).escalated(BooleanType.TRUE).level(Level.QUEUE)
                .visibility(Visibility.ROLE).assignment(rule).deadlineNs(904L).poolWeight(Long.MAX_VALUE).episode(905);
            encoder.poolCount(2).next().rep(text.of('c', 64)).next().rep(text.of('d', 64));
            final RoutingDecisionEncoder.ExcludedEncoder excluded = encoder.excludedCount(Exclusion.values().length - 1);
            for (final Exclusion exclusion : Exclusion.values())
            {
                if (Exclusion.NULL_VAL != exclusion)
                {
                    excluded.next().reason(exclusion).rep(text.of((char)('e' + exclusion.value()), 64));
                }
            }
            encoder.lapsedCount(1).next().rep(text.of('l', 64));
            encoder.ledgerCount(1).next().weight(1_000).credit(Long.MIN_VALUE).rep(text.of('m', 64));
            encoder.alertedCount(0);
            encoder.tenant(text.of('a')).lead(text.of('b')).team(text.of('t')).managerQueue(text.of('q'));

            final RoutingDecisionDecoder decoder = new RoutingDecisionDecoder().wrapAndApplyHeader(buffer, 0, headerDecoder);
            assertHeader(RoutingDecisionDecoder.TEMPLATE_ID, RoutingDecisionDecoder.BLOCK_LENGTH);
            assertEquals(901L, decoder.inputSeq());
            assertEquals(902L, decoder.timeNs());
            assertEquals(903L, decoder.configVersion());
            assertEquals(BooleanType.TRUE, decoder.escalated());
            assertEquals(Level.QUEUE, decoder.level());
            assertEquals(Visibility.ROLE, decoder.visibility());
            assertEquals(rule, decoder.assignment());
            assertEquals(904L, decoder.deadlineNs());
            assertEquals(Long.MAX_VALUE, decoder.poolWeight());
            assertEquals(905, decoder.episode());
            final RoutingDecisionDecoder.PoolDecoder pool = decoder.pool();
            assertEquals(text.of('c', 64), pool.next().rep());
            assertEquals(text.of('d', 64), pool.next().rep());
            int excludedCount = 0;
            for (final RoutingDecisionDecoder.ExcludedDecoder entry : decoder.excluded())
            {
                assertEquals(excludedCount++, entry.reason().value());
                assertEquals(text.of((char)('e' + entry.reason().value()), 64), entry.rep());
            }
            assertEquals(6, excludedCount);
            assertEquals(text.of('l', 64), decoder.lapsed().next().rep());
            final RoutingDecisionDecoder.LedgerDecoder ledger = decoder.ledger().next();
            assertEquals(1_000, ledger.weight());
            assertEquals(Long.MIN_VALUE, ledger.credit());
            assertEquals(text.of('m', 64), ledger.rep());
            assertEquals(0, decoder.alerted().count());
            assertEquals(text.of('a'), decoder.tenant());
            assertEquals(text.of('b'), decoder.lead());
            assertEquals(text.of('t'), decoder.team());
            assertEquals(text.of('q'), decoder.managerQueue());
            assertEquals(encoder.encodedLength(), decoder.encodedLength());
        }
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripClaimDecision(final Text text)
    {
        for (final ClaimRejection rejection : new ClaimRejection[]{ ClaimRejection.ALREADY_CLAIMED, ClaimRejection.NOT_ALERTED,
            ClaimRejection.NULL_VAL })
        {
            final ClaimDecisionEncoder encoder = new ClaimDecisionEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
                .inputSeq(1001L).timeNs(1002L).configVersion(1003L).claimed(BooleanType.FALSE).alerted(BooleanType.TRUE)
                .level(Level.PRIMARY).episode(1004).rejection(rejection)
                .tenant(text.of('a')).lead(text.of('b')).rep(text.of('c')).claimedBy(text.of('d'));

            final ClaimDecisionDecoder decoder = new ClaimDecisionDecoder().wrapAndApplyHeader(buffer, 0, headerDecoder);
            assertHeader(ClaimDecisionDecoder.TEMPLATE_ID, ClaimDecisionDecoder.BLOCK_LENGTH);
            assertEquals(1001L, decoder.inputSeq());
            assertEquals(1002L, decoder.timeNs());
            assertEquals(1003L, decoder.configVersion());
            assertEquals(BooleanType.FALSE, decoder.claimed());
            assertEquals(BooleanType.TRUE, decoder.alerted());
            assertEquals(Level.PRIMARY, decoder.level());
            assertEquals(1004, decoder.episode());
            assertEquals(rejection, decoder.rejection());
            assertEquals(text.of('a'), decoder.tenant());
            assertEquals(text.of('b'), decoder.lead());
            assertEquals(text.of('c'), decoder.rep());
            assertEquals(text.of('d'), decoder.claimedBy());
            assertEquals(encoder.encodedLength(), decoder.encodedLength());
        }
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripConfigDecision(final Text text)
    {
        final String error = text.of('e', 65_534);
        final ConfigDecisionEncoder encoder = new ConfigDecisionEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .inputSeq(1101L).timeNs(1102L).configVersion(1103L).applied(BooleanType.FALSE).tenant(text.of('a')).error(error);

        final ConfigDecisionDecoder decoder = new ConfigDecisionDecoder().wrapAndApplyHeader(buffer, 0, headerDecoder);
        assertHeader(ConfigDecisionDecoder.TEMPLATE_ID, ConfigDecisionDecoder.BLOCK_LENGTH);
        assertEquals(1101L, decoder.inputSeq());
        assertEquals(1102L, decoder.timeNs());
        assertEquals(1103L, decoder.configVersion());
        assertEquals(BooleanType.FALSE, decoder.applied());
        assertEquals(text.of('a'), decoder.tenant());
        assertEquals(error, decoder.error());
        assertEquals(encoder.encodedLength(), decoder.encodedLength());
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripScoreDecayed(final Text text)
    {
        final ScoreDecayedEncoder encoder = new ScoreDecayedEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .inputSeq(1201L).timeNs(1202L).configVersion(1203L).score(1204).threshold(-1205).firmographicScore(1206)
            .behaviouralScore(1207).externalScore(1208).episode(1209).tenant(text.of('a')).lead(text.of('b'));

        final ScoreDecayedDecoder decoder = new ScoreDecayedDecoder().wrapAndApplyHeader(buffer, 0, headerDecoder);
        assertHeader(ScoreDecayedDecoder.TEMPLATE_ID, ScoreDecayedDecoder.BLOCK_LENGTH);
        assertEquals(1201L, decoder.inputSeq());
        assertEquals(1202L, decoder.timeNs());
        assertEquals(1203L, decoder.configVersion());
        assertEquals(1204, decoder.score());
        assertEquals(-1205, decoder.threshold());
        assertEquals(1206, decoder.firmographicScore());
        assertEquals(1207, decoder.behaviouralScore());
        assertEquals(1208, decoder.externalScore());
        assertEquals(1209, decoder.episode());
        assertEquals(text.of('a'), decoder.tenant());
        assertEquals(text.of('b'), decoder.lead());
        assertEquals(encoder.encodedLength(), decoder.encodedLength());
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripInputRejected(final Text text)
    {
        for (final InputError code : InputError.values())
        {
            if (InputError.NULL_VAL == code)
            {
                continue;
            }
            final InputRejectedEncoder encoder = new InputRejectedEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
                .inputSeq(1301L).timeNs(1302L).templateId(65_535).code(code).length(1303)
                .tenant(text.of('a')).field(text.of('f'));

            final InputRejectedDecoder decoder = new InputRejectedDecoder().wrapAndApplyHeader(buffer, 0, headerDecoder);
            assertHeader(InputRejectedDecoder.TEMPLATE_ID, InputRejectedDecoder.BLOCK_LENGTH);
            assertEquals(1301L, decoder.inputSeq());
            assertEquals(1302L, decoder.timeNs());
            assertEquals(65_535, decoder.templateId());
            assertEquals(code, decoder.code());
            assertEquals(1303, decoder.length());
            assertEquals(text.of('a'), decoder.tenant());
            assertEquals(text.of('f'), decoder.field());
            assertEquals(encoder.encodedLength(), decoder.encodedLength());
        }
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void shouldRoundTripLeadEvicted(final Text text)
    {
        final LeadEvictedEncoder encoder = new LeadEvictedEncoder().wrapAndApplyHeader(buffer, 0, headerEncoder)
            .inputSeq(1401L).timeNs(1402L).configVersion(1403L).lastActivityNs(1404L).tenant(text.of('a')).lead(text.of('b'));

        final LeadEvictedDecoder decoder = new LeadEvictedDecoder().wrapAndApplyHeader(buffer, 0, headerDecoder);
        assertHeader(LeadEvictedDecoder.TEMPLATE_ID, LeadEvictedDecoder.BLOCK_LENGTH);
        assertEquals(1401L, decoder.inputSeq());
        assertEquals(1402L, decoder.timeNs());
        assertEquals(1403L, decoder.configVersion());
        assertEquals(1404L, decoder.lastActivityNs());
        assertEquals(text.of('a'), decoder.tenant());
        assertEquals(text.of('b'), decoder.lead());
        assertEquals(encoder.encodedLength(), decoder.encodedLength());
    }

    /**
     * Version 2 changed only the outputs: every input keeps its template id and block length, so
     * journals of version 1 inputs still decode.
     */
    @org.junit.jupiter.api.Test
    void shouldKeepVersionOneInputsByteCompatible()
    {
        assertEquals(2, MessageHeaderDecoder.SCHEMA_VERSION);
        assertEquals(7, MessageHeaderDecoder.SCHEMA_ID);
        assertEquals(java.util.List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14), java.util.List.of(
            LeadUpsertDecoder.TEMPLATE_ID, FormSubmittedDecoder.TEMPLATE_ID, PageVisitedDecoder.TEMPLATE_ID,
            TrialMilestoneDecoder.TEMPLATE_ID, ScoreUpdatedDecoder.TEMPLATE_ID, RepPresenceDecoder.TEMPLATE_ID,
            CallActivityDecoder.TEMPLATE_ID, EmailSentDecoder.TEMPLATE_ID, SmsSentDecoder.TEMPLATE_ID,
            QualificationDecoder.TEMPLATE_ID, OpportunityCreatedDecoder.TEMPLATE_ID, LeadConvertedDecoder.TEMPLATE_ID,
            ConfigChangeDecoder.TEMPLATE_ID, TimerTickDecoder.TEMPLATE_ID));
        assertEquals(java.util.List.of(20, 20, 16, 16, 20, 17, 17, 16, 16, 17, 24, 16, 24, 16), java.util.List.of(
            LeadUpsertDecoder.BLOCK_LENGTH, FormSubmittedDecoder.BLOCK_LENGTH, PageVisitedDecoder.BLOCK_LENGTH,
            TrialMilestoneDecoder.BLOCK_LENGTH, ScoreUpdatedDecoder.BLOCK_LENGTH, RepPresenceDecoder.BLOCK_LENGTH,
            CallActivityDecoder.BLOCK_LENGTH, EmailSentDecoder.BLOCK_LENGTH, SmsSentDecoder.BLOCK_LENGTH,
            QualificationDecoder.BLOCK_LENGTH, OpportunityCreatedDecoder.BLOCK_LENGTH, LeadConvertedDecoder.BLOCK_LENGTH,
            ConfigChangeDecoder.BLOCK_LENGTH, TimerTickDecoder.BLOCK_LENGTH));
    }

    private void assertHeader(final int templateId, final int blockLength)
    {
        assertEquals(templateId, headerDecoder.templateId());
        assertEquals(blockLength, headerDecoder.blockLength());
        assertEquals(MessageHeaderDecoder.SCHEMA_ID, headerDecoder.schemaId());
        assertEquals(MessageHeaderDecoder.SCHEMA_VERSION, headerDecoder.version());
        assertEquals(HEADER_LENGTH, headerDecoder.encodedLength());
    }

    /**
     * Text of exactly {@code bytes} UTF-8 bytes, mostly 4-, 3- and 2-byte characters, starting
     * with {@code tag}.
     */
    static String utf8OfLength(final char tag, final int bytes)
    {
        final StringBuilder sb = new StringBuilder().append(tag);
        int remaining = bytes - 1;
        final String[] pieces = { "\uD83D\uDE00", "€", "ß" };
        int i = 0;
        while (remaining >= 4)
        {
            final String piece = pieces[i++ % pieces.length];
            sb.append(piece);
            remaining -= piece.getBytes(StandardCharsets.UTF_8).length;
        }
        while (remaining-- > 0)
        {
            sb.append('x');
        }

        final String value = sb.toString();
        assertEquals(bytes, value.getBytes(StandardCharsets.UTF_8).length);
        return value;
    }
}
