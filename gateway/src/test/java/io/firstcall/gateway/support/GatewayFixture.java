package io.firstcall.gateway.support;

import io.firstcall.EngineContext;
import io.firstcall.event.InputEnvelope;
import io.firstcall.gateway.Gateway;
import io.firstcall.gateway.GatewayContext;
import io.firstcall.gateway.GatewayCounter;
import io.firstcall.gateway.TenantAccess;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.journal.JournalReader;
import io.firstcall.journal.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A gateway on loopback with ephemeral ports, a temporary data directory and two tenants, acme and
 * globex, each with a source token and a rep token. Tests adjust the contexts before {@link #launch()}.
 */
public final class GatewayFixture implements AutoCloseable
{
    public static final String ACME = "acme";
    public static final String ACME_SOURCE_TOKEN = "acme-source-secret";
    public static final String ACME_REP_TOKEN = "acme-rep-secret";
    public static final String GLOBEX = "globex";
    public static final String GLOBEX_SOURCE_TOKEN = "globex-source-secret";
    public static final String GLOBEX_REP_TOKEN = "globex-rep-secret";
    /** The operator's bearer token for the ops endpoints; {@link OpsRequests} sends it. */
    public static final String OPS_TOKEN = "operator-test-secret";

    private final Path dataDir;
    private final GatewayContext gatewayContext;
    private final EngineContext engineContext;
    private Gateway gateway;

    public GatewayFixture(final Path dataDir)
    {
        this.dataDir = dataDir;
        gatewayContext = new GatewayContext()
            .host("127.0.0.1")
            .jsonPort(0)
            .sbePort(0)
            .httpPort(0)
            .opsToken(OPS_TOKEN)
            .tenant(new TenantAccess(ACME, ACME_SOURCE_TOKEN, ACME_REP_TOKEN))
            .tenant(new TenantAccess(GLOBEX, GLOBEX_SOURCE_TOKEN, GLOBEX_REP_TOKEN));
        engineContext = new EngineContext()
            .dataDir(dataDir)
            .ticksEnabled(false)
            .tenant(ACME, "tenant: acme\n")
            .tenant(GLOBEX, "tenant: globex\n");
    }

    public GatewayContext gatewayContext()
    {
        return gatewayContext;
    }

    public EngineContext engineContext()
    {
        return engineContext;
    }

    public GatewayFixture launch()
    {
        gateway = Gateway.launch(gatewayContext, engineContext);
        return this;
    }

    public GatewayFixture launch(final Gateway launched)
    {
        gateway = launched;
        return this;
    }

    public Gateway gateway()
    {
        return gateway;
    }

    public LineClient json()
    {
        return LineClient.connect(gateway.jsonPort());
    }

    /**
     * @return a JSON lines connection already welcomed as an acme source.
     */
    public LineClient acmeSource()
    {
        final LineClient client = json();
        final Map<String, Object> welcome = client.hello(ACME, ACME_SOURCE_TOKEN);
        if (!"welcome".equals(welcome.get("type")))
        {
            throw new AssertionError("not welcomed: " + welcome);
        }
        return client;
    }

    public FrameClient sbe()
    {
        return FrameClient.connect(gateway.sbePort());
    }

    public long counter(final GatewayCounter counter)
    {
        return gateway.counters().value(counter);
    }

    /**
     * Close the gateway (idempotent).
     */
    public void close()
    {
        if (null != gateway)
        {
            gateway.close();
        }
    }

    /**
     * Close the gateway and read the input journal back.
     *
     * @return "tenant/eventId" by journal sequence, in journal order.
     */
    public Map<Long, String> closeAndReadJournal()
    {
        close();
        final Map<Long, String> entries = new LinkedHashMap<>();
        final InputEnvelope envelope = new InputEnvelope();
        try (Journal journal = ChronicleJournal.open(dataDir.resolve("input")); JournalReader reader = journal.openReader())
        {
            while (reader.readNext((buffer, offset, length, position) ->
            {
                final long sequence = RecordHeader.sequence(buffer, offset);
                envelope.wrap(buffer, offset + RecordHeader.LENGTH, length - RecordHeader.LENGTH);
                final byte[] tenant = new byte[envelope.tenantLength()];
                buffer.getBytes(envelope.tenantOffset(), tenant);
                final byte[] id = new byte[envelope.eventIdLength()];
                buffer.getBytes(envelope.eventIdOffset(), id);
                entries.put(sequence, new String(tenant, StandardCharsets.UTF_8) + "/" +
                    new String(id, StandardCharsets.UTF_8));
            }))
            {
                continue;
            }
        }

        return entries;
    }
}
