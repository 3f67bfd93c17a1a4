package io.firstcall.engine.routing;

import io.firstcall.codec.Visibility;
import io.firstcall.engine.tenant.InvalidConfigException;
import io.firstcall.engine.tenant.TenantRules;
import io.firstcall.engine.tenant.TenantRulesParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RosterConfigTest
{
    @Test
    void parsesTeamsRepsAndDefaults()
    {
        final TenantRules rules = TenantRulesParser.parse("acme", RoutingScenariosTest.ROSTER);
        final Roster roster = rules.roster();

        assertEquals(3, roster.teamCount());
        assertEquals(9, roster.repCount());
        final TeamDefinition west = roster.team(0);
        assertEquals(Visibility.OWNED, west.visibility());
        assertEquals(TimeUnit.MINUTES.toNanos(3), west.backupWindowNs());
        final TeamDefinition apac = roster.team(2);
        assertEquals(Visibility.ROLE, apac.visibility());
        assertEquals(TimeUnit.MINUTES.toNanos(5), apac.claimWindowNs(), "the tenant's claim window by default");
        assertEquals(TimeUnit.MINUTES.toNanos(5), apac.backupWindowNs(), "the team's claim window by default");
        assertEquals("acme-managers", new String(apac.managerQueue()));
        assertEquals(1, roster.rep(0).weight());
        assertEquals(2, roster.rep(2).weight());
        assertEquals(RepDefinition.UNLIMITED, roster.rep(0).capacity());
        assertEquals(1, roster.backupOf(0), "w1's backup is w2");
        assertEquals(2, roster.teamBackup(1), "emea's backup is w3");
        assertTrue(roster.acceptUnalertedClaims());
        assertEquals(Roster.DEFAULT_RECENT_ACTIVITY, roster.recentActivity());
    }

    @Test
    void tenantWithoutRepsHasAnEmptyRoster()
    {
        assertTrue(TenantRulesParser.parse("acme", "tenant: acme\n").roster().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "reps: [{id: r1, team: west}]|reps: every rep belongs to a team",
        "teams: [{id: west}]\\nreps: [{id: r1, team: east}]|reps[0].team: must name a configured team",
        "teams: [{id: west}]\\nreps: [{id: r1}]|reps[0].team: must name a configured team",
        "teams: [{id: west}]\\nreps: [{id: r1, team: west}, {id: r1, team: west}]|reps[1].id: 'r1' is configured twice",
        "teams: [{id: west}, {id: west}]|teams[1].id: 'west' is configured twice",
        "teams: [{id: west, visibility: some}]|teams[0].visibility: must be owned, all or role",
        "teams: [{id: west, backup: nobody}]|teams[0].backup: 'nobody' is not a configured rep",
        "teams: [{id: west}]\\nreps: [{id: r1, team: west, backup: r1}]|reps[0].backup: a rep cannot be their own backup",
        "teams: [{id: west}]\\nreps: [{id: r1, team: west, weight: 0}]|reps[0].weight: must be an integer in 1..1000",
        "teams: [{id: west}]\\nreps: [{id: r1, team: west, capacity: -1}]|reps[0].capacity: must be an integer in 1..",
        "teams: [{id: west}]\\nreps: [{id: r1, team: west, hours: {timezone: Mars/Olympus}}]|reps[0].hours.timezone: 'Mars/Olympus' is not a time zone",
        "teams: [{id: west}]\\nreps: [{id: r1, team: west, hours: {start: '25:00'}}]|reps[0].hours.start: '25:00' is not a time of day",
        "teams: [{id: west}]\\nreps: [{id: r1, team: west, hours: {days: [someday]}}]|reps[0].hours.days: 'someday' is not a day",
        "teams: [{id: west}]\\nreps: [{id: r1, team: west, hours: {start: '09:00', end: '09:00'}}]|reps[0].hours.end: must differ from start",
        "teams: [{id: west}]\\nreps: [{id: r1, team: west, role: {}}]|reps[0].role: unknown key",
        "teams: [{id: west, territory: {zones: [x]}}]|teams[0].territory.zones: unknown key",
        "routing: {unalertedClaims: maybe}|routing.unalertedClaims: must be accept or reject",
        "routing: {recentActivity: 9}|routing.recentActivity: must be an integer in 0..8",
        "teams: [{}]|teams[0].id: required",
    })
    void rejectsBadRostersNamingTheKey(final String yaml, final String message)
    {
        final InvalidConfigException ex = assertThrows(InvalidConfigException.class,
            () -> TenantRulesParser.parse("acme", "tenant: acme\n" + yaml.replace("\\n", "\n") + "\n"));
        assertTrue(ex.getMessage().startsWith(message), ex.getMessage());
    }

    @Test
    void workingHoursFollowTheRepsTimeZoneAcrossDaylightSaving()
    {
        final ZoneId newYork = ZoneId.of("America/New_York");
        final WorkingHours hours = new WorkingHours(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), 9 * 3600, 17 * 3600, newYork);

        assertTrue(hours.contains(nanos(ZonedDateTime.of(2026, 3, 6, 9, 0, 0, 0, newYork))), "Friday 09:00 EST");
        assertFalse(hours.contains(nanos(ZonedDateTime.of(2026, 3, 6, 8, 59, 59, 0, newYork))), "before the start");
        assertFalse(hours.contains(nanos(ZonedDateTime.of(2026, 3, 6, 17, 0, 0, 0, newYork))), "the end is exclusive");
        assertFalse(hours.contains(nanos(ZonedDateTime.of(2026, 3, 7, 12, 0, 0, 0, newYork))), "Saturday");
        assertTrue(hours.contains(nanos(ZonedDateTime.of(2026, 3, 9, 9, 30, 0, 0, newYork))), "Monday 09:30 EDT, after the change");
        assertFalse(hours.contains(nanos(ZonedDateTime.of(2026, 3, 9, 8, 30, 0, 0, newYork))), "Monday 08:30 EDT");
        assertTrue(hours.contains(nanos(ZonedDateTime.of(2026, 11, 2, 16, 59, 0, 0, newYork))), "back to EST in November");
    }

    @Test
    void nightShiftBelongsToTheDayItStarts()
    {
        final ZoneId utc = ZoneId.of("UTC");
        final WorkingHours hours = new WorkingHours(EnumSet.of(DayOfWeek.FRIDAY), 22 * 3600, 6 * 3600, utc);

        assertTrue(hours.contains(nanos(ZonedDateTime.of(2026, 11, 27, 23, 0, 0, 0, utc))), "Friday 23:00");
        assertTrue(hours.contains(nanos(ZonedDateTime.of(2026, 11, 28, 5, 59, 0, 0, utc))), "Saturday 05:59, Friday's shift");
        assertFalse(hours.contains(nanos(ZonedDateTime.of(2026, 11, 28, 23, 0, 0, 0, utc))), "Saturday's own night");
        assertFalse(hours.contains(nanos(ZonedDateTime.of(2026, 11, 27, 5, 0, 0, 0, utc))), "Friday 05:00 is Thursday's shift");
    }

    private static long nanos(final ZonedDateTime time)
    {
        return TimeUnit.SECONDS.toNanos(time.toEpochSecond());
    }
}
