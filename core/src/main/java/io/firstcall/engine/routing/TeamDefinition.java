package io.firstcall.engine.routing;

import io.firstcall.codec.Visibility;
import io.firstcall.engine.lead.LeadTable;

import java.nio.charset.StandardCharsets;

/**
 * One configured team: who sees its leads (visibility), its claim and backup windows, its manager
 * queue, its backup rep, its territory and its members in configuration order.
 */
public final class TeamDefinition
{
    private final String id;
    private final byte[] idBytes;
    private final Visibility visibility;
    private final long claimWindowNs;
    private final long backupWindowNs;
    private final byte[] managerQueue;
    private final String backup;
    private final RepRoles territory;
    private final int[] members;

    /**
     * @param backup  the team's backup rep id, or null.
     * @param members indices of the team's reps in the roster.
     */
    public TeamDefinition(
        final String id,
        final Visibility visibility,
        final long claimWindowNs,
        final long backupWindowNs,
        final String managerQueue,
        final String backup,
        final RepRoles territory,
        final int[] members)
    {
        this.id = id;
        this.idBytes = id.getBytes(StandardCharsets.UTF_8);
        this.visibility = visibility;
        this.claimWindowNs = claimWindowNs;
        this.backupWindowNs = backupWindowNs;
        this.managerQueue = managerQueue.getBytes(StandardCharsets.UTF_8);
        this.backup = backup;
        this.territory = territory;
        this.members = members.clone();
    }

    public String id()
    {
        return id;
    }

    public byte[] idBytes()
    {
        return idBytes;
    }

    public Visibility visibility()
    {
        return visibility;
    }

    public long claimWindowNs()
    {
        return claimWindowNs;
    }

    public long backupWindowNs()
    {
        return backupWindowNs;
    }

    public byte[] managerQueue()
    {
        return managerQueue;
    }

    public String backup()
    {
        return backup;
    }

    /**
     * @return true when the team takes {@code lead}: its territory lists one of the lead's
     * industry, region or product, or the team has no territory.
     */
    public boolean covers(final LeadTable leads, final int lead)
    {
        return territory.isEmpty() || territory.matches(leads, lead);
    }

    public int memberCount()
    {
        return members.length;
    }

    public int member(final int i)
    {
        return members[i];
    }
}
