package io.firstcall.gateway.session;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RepDirectoryTest
{
    private final RepDirectory directory = new RepDirectory();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);

    @Test
    void shouldFindEveryConnectionOfARepInItsTenantOnly()
    {
        directory.add(bytes("acme"), bytes("r1"), null);
        directory.add(bytes("acme"), bytes("r1"), null);
        directory.add(bytes("globex"), bytes("r1"), null);

        assertEquals(2, find("acme", "r1").length);
        assertEquals(1, find("globex", "r1").length);
        assertNull(find("acme", "r2"));
        assertNull(find("acm", "er1"), "tenant and rep cannot run into each other");
    }

    @Test
    void shouldForgetARepWhoseLastConnectionLeft()
    {
        directory.add(bytes("acme"), bytes("r1"), null);
        directory.remove(bytes("acme"), bytes("r1"), null);

        assertNull(find("acme", "r1"));
        assertEquals(0, directory.connectionCount(bytes("acme"), bytes("r1")));
    }

    private Session[] find(final String tenant, final String rep)
    {
        final int tenantLength = buffer.putStringWithoutLengthUtf8(10, tenant);
        final int repLength = buffer.putStringWithoutLengthUtf8(100, rep);
        return directory.find(buffer, 10, tenantLength, 100, repLength);
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
