package io.firstcall.engine.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.firstcall.codec.Visibility;
import io.firstcall.engine.routing.RepDefinition;
import io.firstcall.engine.routing.RepRoles;
import io.firstcall.engine.routing.Roster;
import io.firstcall.engine.routing.TeamDefinition;
import io.firstcall.engine.routing.WorkingHours;
import io.firstcall.engine.scoring.NameList;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a tenant's {@code routing}, {@code teams} and {@code reps} sections into a {@link Roster}
 * (see docs/routing.md). Every reference (a rep's team, a backup) must name something configured.
 */
final class RosterParser
{
    static final int MAX_WEIGHT = 1_000;
    private static final List<String> ROUTING_KEYS = List.of("unalertedClaims", "recentActivity", "holdFor");
    private static final List<String> TEAM_KEYS =
        List.of("id", "visibility", "claimWindow", "backupWindow", "managerQueue", "backup", "territory");
    private static final List<String> REP_KEYS = List.of("id", "name", "team", "roles", "hours", "capacity", "weight", "backup");
    private static final List<String> ROLE_KEYS = List.of("industries", "regions", "products");
    private static final List<String> HOURS_KEYS = List.of("days", "start", "end", "timezone");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Map<String, DayOfWeek> DAYS = days();

    private RosterParser()
    {
    }

    /**
     * @param claimWindowNs the tenant's claim window, each team's default.
     * @param managerQueue  the tenant's manager queue, each team's default.
     */
    static Roster parse(final JsonNode root, final long claimWindowNs, final String managerQueue)
    {
        final JsonNode routing = root.get("routing");
        boolean acceptUnalerted = true;
        int recentActivity = Roster.DEFAULT_RECENT_ACTIVITY;
        long holdNs = Roster.DEFAULT_HOLD_NS;
        if (null != routing && !routing.isNull())
        {
            TenantRulesParser.checkKeys(routing, ROUTING_KEYS, "routing.");
            acceptUnalerted = unalertedClaims(routing.get("unalertedClaims"));
            recentActivity = integer(routing.get("recentActivity"), "routing.recentActivity", 0, Roster.MAX_RECENT_ACTIVITY,
                recentActivity);
            holdNs = TenantRulesParser.duration(routing, "holdFor", holdNs, "routing.");
            if (holdNs <= 0)
            {
                throw new InvalidConfigException("routing.holdFor: must be positive");
            }
        }

        final JsonNode teamNodes = list(root, "teams");
        final JsonNode repNodes = list(root, "reps");
        if (repNodes.size() > 0 && teamNodes.size() == 0)
        {
            throw new InvalidConfigException("reps: every rep belongs to a team, and no teams are configured");
        }

        final Map<String, Integer> teamIndex = new LinkedHashMap<>();
        for (int i = 0; i < teamNodes.size(); i++)
        {
            final JsonNode team = teamNodes.get(i);
            final String path = "teams[" + i + "].";
            TenantRulesParser.checkKeys(team, TEAM_KEYS, path);
            final String id = id(team, path);
            if (null != teamIndex.put(id, i))
            {
                throw new InvalidConfigException(path + "id: '" + id + "' is configured twice");
            }
        }

        final Map<String, Integer> repIndex = new LinkedHashMap<>();
        final List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < teamNodes.size(); i++)
        {
            members.add(new ArrayList<>());
        }
        final List<RepDefinition> reps = new ArrayList<>();
        for (int i = 0; i < repNodes.size(); i++)
        {
            final JsonNode rep = repNodes.get(i);
            final String path = "reps[" + i + "].";
            TenantRulesParser.checkKeys(rep, REP_KEYS, path);
            final String id = id(rep, path);
            if (null != repIndex.put(id, i))
            {
                throw new InvalidConfigException(path + "id: '" + id + "' is configured twice");
            }
            final String teamId = text(rep, "team", null, path);
            final Integer team = null == teamId ? null : teamIndex.get(teamId);
            if (null == team)
            {
                throw new InvalidConfigException(path + "team: must name a configured team (" +
                    String.join(", ", teamIndex.keySet()) + ")");
            }
            members.get(team).add(i);
            reps.add(new RepDefinition(
                id,
                text(rep, "name", id, path),
                team,
                roles(rep.get("roles"), path + "roles."),
                hours(rep.get("hours"), path + "hours."),
                integer(rep.get("capacity"), path + "capacity", 1, Integer.MAX_VALUE - 1, RepDefinition.UNLIMITED),
                integer(rep.get("weight"), path + "weight", 1, MAX_WEIGHT, 1),
                text(rep, "backup", null, path)));
        }
        for (int i = 0; i < reps.size(); i++)
        {
            checkBackup(reps.get(i).backup(), reps.get(i).id(), repIndex, "reps[" + i + "].backup");
        }

        final List<TeamDefinition> teams = new ArrayList<>();
        for (int i = 0; i < teamNodes.size(); i++)
        {
            final JsonNode team = teamNodes.get(i);
            final String path = "teams[" + i + "].";
            final long window = TenantRulesParser.duration(team, "claimWindow", claimWindowNs, path);
            final long backupWindow = TenantRulesParser.duration(team, "backupWindow", window, path);
            if (window <= 0 || backupWindow <= 0)
            {
                throw new InvalidConfigException(path + "claimWindow, backupWindow: must be positive");
            }
            final String backup = text(team, "backup", null, path);
            checkBackup(backup, null, repIndex, path + "backup");
            final String queue = text(team, "managerQueue", managerQueue, path);
            checkId(queue, path + "managerQueue");
            teams.add(new TeamDefinition(
                text(team, "id", null, path),
                visibility(team.get("visibility"), path + "visibility"),
                window,
                backupWindow,
                queue,
                backup,
                roles(team.get("territory"), path + "territory."),
                members.get(i).stream().mapToInt(Integer::intValue).toArray()));
        }

        return new Roster(teams, reps, acceptUnalerted, recentActivity, holdNs, claimWindowNs, managerQueue);
    }

    private static JsonNode list(final JsonNode root, final String key)
    {
        final JsonNode node = root.get(key);
        if (null == node || node.isNull())
        {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!node.isArray())
        {
            throw new InvalidConfigException(key + ": must be a list");
        }
        return node;
    }

    private static boolean unalertedClaims(final JsonNode value)
    {
        if (null == value || value.isNull())
        {
            return true;
        }
        if (value.isTextual() && "accept".equals(value.asText()))
        {
            return true;
        }
        if (value.isTextual() && "reject".equals(value.asText()))
        {
            return false;
        }
        throw new InvalidConfigException("routing.unalertedClaims: must be accept or reject");
    }

    private static Visibility visibility(final JsonNode value, final String path)
    {
        if (null == value || value.isNull())
        {
            return Visibility.OWNED;
        }
        switch (value.asText())
        {
            case "owned":
                return Visibility.OWNED;
            case "all":
                return Visibility.ALL;
            case "role":
                return Visibility.ROLE;
            default:
                throw new InvalidConfigException(path + ": must be owned, all or role");
        }
    }

    private static RepRoles roles(final JsonNode node, final String path)
    {
        if (null != node && !node.isNull())
        {
            TenantRulesParser.checkKeys(node, ROLE_KEYS, path);
        }
        return new RepRoles(
            new NameList(ScoringRulesParser.names(node, "industries", List.of(), path)),
            new NameList(ScoringRulesParser.names(node, "regions", List.of(), path)),
            new NameList(ScoringRulesParser.names(node, "products", List.of(), path)));
    }

    private static WorkingHours hours(final JsonNode node, final String path)
    {
        if (null == node || node.isNull())
        {
            return null;
        }
        TenantRulesParser.checkKeys(node, HOURS_KEYS, path);
        final EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        final List<String> dayNames = ScoringRulesParser.names(node, "days", List.of("mon", "tue", "wed", "thu", "fri"), path);
        for (final String name : dayNames)
        {
            final DayOfWeek day = DAYS.get(name.toLowerCase(Locale.ROOT));
            if (null == day)
            {
                throw new InvalidConfigException(path + "days: '" + name + "' is not a day (mon, tue, ... sun)");
            }
            days.add(day);
        }
        if (days.isEmpty())
        {
            throw new InvalidConfigException(path + "days: must name at least one day");
        }
        final int start = time(node.get("start"), path + "start", 9 * 3600);
        final int end = time(node.get("end"), path + "end", 17 * 3600);
        if (start == end)
        {
            throw new InvalidConfigException(path + "end: must differ from start");
        }
        final String zone = text(node, "timezone", "UTC", path);
        try
        {
            return new WorkingHours(days, start, end, ZoneId.of(zone));
        }
        catch (final DateTimeException ex)
        {
            throw new InvalidConfigException(path + "timezone: '" + zone + "' is not a time zone (e.g. America/New_York)");
        }
    }

    private static int time(final JsonNode value, final String path, final int defaultSeconds)
    {
        if (null == value || value.isNull())
        {
            return defaultSeconds;
        }
        final Matcher matcher = TIME.matcher(value.asText().trim());
        if (!matcher.matches())
        {
            throw new InvalidConfigException(path + ": '" + value.asText() + "' is not a time of day (HH:MM)");
        }
        final int hours = Integer.parseInt(matcher.group(1));
        final int minutes = Integer.parseInt(matcher.group(2));
        if (minutes > 59 || hours > 24 || (24 == hours && 0 != minutes))
        {
            throw new InvalidConfigException(path + ": '" + value.asText() + "' is not a time of day (00:00..24:00)");
        }
        return hours * 3600 + minutes * 60;
    }

    private static int integer(final JsonNode value, final String path, final int min, final int max, final int defaultValue)
    {
        if (null == value || value.isNull())
        {
            return defaultValue;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max)
        {
            throw new InvalidConfigException(path + ": must be an integer in " + min + ".." + max);
        }
        return value.asInt();
    }

    private static void checkBackup(final String backup, final String self, final Map<String, Integer> reps, final String path)
    {
        if (null == backup)
        {
            return;
        }
        if (!reps.containsKey(backup))
        {
            throw new InvalidConfigException(path + ": '" + backup + "' is not a configured rep");
        }
        if (backup.equals(self))
        {
            throw new InvalidConfigException(path + ": a rep cannot be their own backup");
        }
    }

    private static String id(final JsonNode node, final String path)
    {
        final String id = text(node, "id", null, path);
        if (null == id)
        {
            throw new InvalidConfigException(path + "id: required");
        }
        checkId(id, path + "id");
        return id;
    }

    private static void checkId(final String id, final String path)
    {
        final int bytes = id.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 1 || bytes > 64)
        {
            throw new InvalidConfigException(path + ": must be 1..64 bytes");
        }
    }

    private static String text(final JsonNode node, final String key, final String defaultValue, final String path)
    {
        final JsonNode value = node.get(key);
        if (null == value || value.isNull())
        {
            return defaultValue;
        }
        if (!value.isTextual() && !value.isNumber())
        {
            throw new InvalidConfigException(path + key + ": must be a string");
        }
        return value.asText();
    }

    private static Map<String, DayOfWeek> days()
    {
        final Map<String, DayOfWeek> days = new HashMap<>();
        for (final DayOfWeek day : DayOfWeek.values())
        {
            final String name = day.name().toLowerCase(Locale.ROOT);
            days.put(name, day);
            days.put(name.substring(0, 3), day);
        }
        return days;
    }
}
