package io.firstcall.gateway;

import io.firstcall.event.InputSamples;
import io.firstcall.gateway.support.FrameClient;
import io.firstcall.gateway.support.GatewayFixture;
import io.firstcall.gateway.support.LineClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.firstcall.event.InputSamples.full;
import static io.firstcall.event.InputSamples.withText;
import static io.firstcall.gateway.support.GatewayFixture.ACME;
import static io.firstcall.gateway.support.GatewayFixture.ACME_REP_TOKEN;
import static io.firstcall.gateway.support.GatewayFixture.ACME_SOURCE_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tenants are walls, even for a sender that gets the SBE encoding wrong. Tenant beta streams 4,500
 * demo requests carrying names, emails and phones over the SBE port, enough to leave beta's bytes in
 * every engine ring slot; tenant acme then sends well-framed messages of every client template that stop
 * right after their tenant and event id. Each of acme's short frames is refused, and no push to acme's
 * rep or manager queue ever carries a beta lead id, email, phone or name. Over real sockets.
 */
class TenantWallTest
{
    static final String BETA = "beta";
    static final int BETA_FORMS = 4_500;
    static final int BATCH = 500;
    static final String ACME_RULES = "tenant: acme\nhot: {forms: [demo_request]}\nclaim: {managerQueue: acme-managers}\n";
    static final String BETA_RULES = "tenant: beta\nhot: {forms: [demo_request]}\nclaim: {managerQueue: beta-managers}\n";

    @TempDir
    Path dataDir;

    private GatewayFixture fixture;

    @AfterEach
    void close()
    {
        fixture.close();
    }

    @Test
    void shouldNeverPushAnotherTenantsLeadsForShortFrames()
    {
        fixture = new GatewayFixture(dataDir);
        fixture.gatewayContext().tenant(new TenantAccess(BETA, "beta-source-secret", "beta-rep-secret"));
        fixture.engineContext().tenant(ACME, ACME_RULES).tenant(BETA, BETA_RULES);
        fixture.launch();

        try (LineClient managers = rep("acme-managers");
            LineClient a1 = rep("a1");
            FrameClient beta = source(BETA, "beta-source-secret");
            FrameClient acme = source(ACME, ACME_SOURCE_TOKEN))
        {
            for (int first = 0; first < BETA_FORMS; first += BATCH)
            {
                for (int i = first; i < first + BATCH; i++)
                {
                    beta.sendFrame(betaForm(i));
                }
                for (int i = first; i < first + BATCH; i++)
                {
                    assertEquals("ack", beta.read().get("type"));
                }
            }

            final List<String> refusals = new ArrayList<>();
            int sent = 0;
            for (int round = 0; round < 20; round++)
            {
                for (final int template : InputSamples.CLIENT_TEMPLATES)
                {
                    final byte[] message = full(template, ACME, String.format("a-%06d", sent++), "L-acme");
                    acme.sendFrame(Arrays.copyOf(message, InputSamples.dataFieldOffset(message, "eventId") +
                        1 + (message[InputSamples.dataFieldOffset(message, "eventId")] & 0xFF)));
                }
            }
            for (int i = 0; i < sent; i++)
            {
                final Map<String, Object> reply = acme.read();
                refusals.add(reply.get("type") + " " + reply.get("code") + " " + reply.get("field"));
            }

            acme.sendFrame(withText(full(1, ACME, "a-sentinel-1", "A-owned"), "owner", "a1"));
            acme.sendFrame(withText(full(2, ACME, "a-sentinel-2", "A-owned"), "owner", "a1"));
            acme.sendFrame(withText(full(2, ACME, "a-sentinel-3", "A-queue"), "owner", ""));
            for (int i = 0; i < 3; i++)
            {
                assertEquals("ack", acme.read().get("type"));
            }

            assertNoBetaData(pushesUntilAlertFor(a1, "A-owned"));
            assertNoBetaData(pushesUntilAlertFor(managers, "A-queue"));
            for (final String refusal : refusals)
            {
                assertTrue(refusal.startsWith("error truncated_message "), refusal);
            }
            assertEquals(sent, refusals.size());
        }
    }

    /**
     * A demo request of beta's with a name, email and phone, its event id as long as acme's so that
     * acme's missing fields would line up with beta's in a reused slot.
     */
    private static byte[] betaForm(final int i)
    {
        byte[] form = full(2, BETA, String.format("b-%06d", i), String.format("B-%04d", i));
        form = withText(form, "email", "beta.person" + i + "@beta.example");
        form = withText(form, "phone", "+1 555 01" + i);
        form = withText(form, "name", "Beta Person " + i);
        return withText(form, "owner", "");
    }

    /**
     * @return every push the rep received up to the first alert for {@code lead}, in order.
     */
    private static List<String> pushesUntilAlertFor(final LineClient rep, final String lead)
    {
        final List<String> pushes = new ArrayList<>();
        while (true)
        {
            final String line = rep.readLine();
            assertTrue(null != line, "closed before the alert for " + lead + " after " + pushes);
            pushes.add(line);
            final Map<String, Object> push = LineClient.parse(line);
            if ("alert".equals(push.get("type")) && lead.equals(push.get("lead")))
            {
                return pushes;
            }
        }
    }

    private static void assertNoBetaData(final List<String> pushes)
    {
        for (final String push : pushes)
        {
            for (final String mark : new String[] {"B-", "beta", "Beta", "+1 555"})
            {
                assertTrue(!push.contains(mark), "a beta mark '" + mark + "' in acme's push " + push);
            }
            assertEquals(ACME, LineClient.parse(push).get("tenant"), push);
        }
    }

    private LineClient rep(final String rep)
    {
        final LineClient client = fixture.json();
        assertEquals("welcome", client.helloRep(ACME, ACME_REP_TOKEN, rep).get("type"));
        return client;
    }

    private FrameClient source(final String tenant, final String token)
    {
        final FrameClient client = fixture.sbe();
        assertEquals("welcome", client.hello(tenant, token).get("type"));
        return client;
    }
}
