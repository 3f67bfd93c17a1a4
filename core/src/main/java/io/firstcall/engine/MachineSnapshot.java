package io.firstcall.engine;

import io.firstcall.engine.lead.LeadTable;
import io.firstcall.engine.scoring.ScoringModel;
import io.firstcall.engine.scoring.TenantScoring;
import io.firstcall.engine.tenant.InvalidConfigException;
import io.firstcall.engine.tenant.TenantRules;
import io.firstcall.engine.timer.TimerService;
import io.firstcall.snapshot.SnapshotFormatException;
import io.firstcall.snapshot.SnapshotReader;
import io.firstcall.snapshot.SnapshotWriter;

import java.nio.charset.StandardCharsets;

/**
 * The {@link LeadStateMachine}'s snapshot section, version {@link LeadStateMachine#SNAPSHOT_SCHEMA_VERSION}:
 * <pre>
 *   tenant count (int32), then per tenant in index order (timers name tenants by index):
 *     id (int32 length, bytes), anonymous visits (int64)
 *     rules: count (int32), then each configuration document (int32 length, UTF-8 bytes): first the
 *            older ones a kept signal's model comes from, oldest first, then the one in force
 *     leads ({@code LeadTable}), scores ({@code TenantScoring}), rep book and episodes ({@code TenantRouting})
 *   timers ({@code TimerService}), ignored events (int64), invalid events (int64)
 * </pre>
 * Every part is written by index and without where a value sits in memory, so the same state gives
 * the same bytes whether it was built by the live engine, a replay, or a load of an older snapshot.
 * Rules are written as the documents they were parsed from and parsed again on load, by the one
 * parser (or taken from the launcher's cache), so a snapshot holds no parsed form that could differ
 * from a replay's.
 */
final class MachineSnapshot
{
    private static final int MAX_TENANTS = 1 << 24;
    private static final int MAX_TENANT_ID_BYTES = 255;
    private static final int MAX_GENERATIONS = 1 << 20;
    private static final int MAX_DOCUMENT_BYTES = 65_534;

    private final TenantDirectory tenants;
    private final TimerService timers;
    private final ConfigChanges configChanges;

    MachineSnapshot(final TenantDirectory tenants, final TimerService timers, final ConfigChanges configChanges)
    {
        this.tenants = tenants;
        this.timers = timers;
        this.configChanges = configChanges;
    }

    void write(final SnapshotWriter writer, final long ignoredEvents, final long invalidEvents)
    {
        writer.putInt(tenants.size());
        for (int index = 0; index < tenants.size(); index++)
        {
            final Tenant tenant = tenants.tenant(index);
            final LeadTable leads = tenant.leads();
            writer.putInt(leads.tenantId().capacity()).putBytes(leads.tenantId(), 0, leads.tenantId().capacity())
                .putLong(tenant.anonymousVisits());
            final int[] kept = tenant.scoring().snapshotGenerations();
            writer.putInt(kept.length);
            for (final int generation : kept)
            {
                final byte[] document = tenant.document(generation);
                writer.putInt(document.length).putBytes(document, 0, document.length);
            }
            leads.writeSnapshot(writer);
            tenant.scoring().writeSnapshot(writer, kept);
            tenant.routing().writeSnapshot(writer);
        }
        timers.writeSnapshot(writer);
        writer.putLong(ignoredEvents).putLong(invalidEvents);
    }

    /**
     * Load into a new machine's empty state.
     *
     * @return the ignored and invalid event counters.
     */
    long[] read(final SnapshotReader reader)
    {
        if (0 != tenants.size())
        {
            throw new IllegalStateException("a snapshot loads into a new state machine");
        }
        final int count = reader.getCount(MAX_TENANTS);
        for (int index = 0; index < count; index++)
        {
            final byte[] id = new byte[reader.getCount(MAX_TENANT_ID_BYTES)];
            reader.getBytes(id, 0, id.length);
            final Tenant tenant = tenants.add(id);
            if (tenants.size() != index + 1)
            {
                throw new SnapshotFormatException("tenant " + index + " is a repeat");
            }
            tenant.anonymousVisits(reader.getLong());
            final byte[][] documents = new byte[reader.getCount(MAX_GENERATIONS)][];
            if (0 == documents.length)
            {
                throw new SnapshotFormatException("tenant " + index + " has no rules");
            }
            final TenantRules[] rules = new TenantRules[documents.length];
            final ScoringModel[] models = new ScoringModel[documents.length];
            for (int g = 0; g < documents.length; g++)
            {
                documents[g] = new byte[reader.getCount(MAX_DOCUMENT_BYTES)];
                reader.getBytes(documents[g], 0, documents[g].length);
                rules[g] = parse(new String(id, StandardCharsets.UTF_8), documents[g]);
                models[g] = rules[g].scoring();
            }
            final TenantRules current = rules[rules.length - 1];
            final TenantScoring scoring = tenant.scoring();
            tenant.restoreDocuments(documents);
            scoring.restoreGenerations(models, current.version());
            tenant.leads().readSnapshot(reader);
            scoring.readSnapshot(reader);
            tenant.routing().readSnapshot(reader);
            tenant.rules(current, documents[documents.length - 1]);
        }
        timers.readSnapshot(reader);
        return new long[] {reader.getLong(), reader.getLong()};
    }

    private TenantRules parse(final String tenant, final byte[] document)
    {
        try
        {
            return configChanges.rules(tenant, document);
        }
        catch (final InvalidConfigException ex)
        {
            throw new SnapshotFormatException("tenant " + tenant + ": rules no longer parse: " + ex.getMessage());
        }
    }
}
