package io.firstcall.engine.tenant;

import io.firstcall.event.Bytes;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One tenant's rules, immutable once parsed. A new version arrives only as a journaled
 * configuration change, so replay applies it at the same position.
 */
public final class TenantRules
{
    public static final List<String> DEFAULT_HOT_FORMS = List.of("demo_request", "pricing_inquiry", "free_trial");
    public static final long DEFAULT_CLAIM_WINDOW_NS = TimeUnit.MINUTES.toNanos(5);
    public static final long DEFAULT_COOLDOWN_NS = TimeUnit.HOURS.toNanos(24);

    private final String tenant;
    private final long version;
    private final byte[][] hotForms;
    private final List<String> hotFormNames;
    private final long claimWindowNs;
    private final long cooldownNs;
    private final String managerQueue;
    private final byte[] managerQueueBytes;

    TenantRules(
        final String tenant,
        final long version,
        final List<String> hotForms,
        final long claimWindowNs,
        final long cooldownNs,
        final String managerQueue)
    {
        this.tenant = tenant;
        this.version = version;
        this.hotFormNames = List.copyOf(hotForms);
        this.hotForms = new byte[hotForms.size()][];
        for (int i = 0; i < hotForms.size(); i++)
        {
            this.hotForms[i] = hotForms.get(i).getBytes(StandardCharsets.UTF_8);
        }
        this.claimWindowNs = claimWindowNs;
        this.cooldownNs = cooldownNs;
        this.managerQueue = managerQueue;
        this.managerQueueBytes = managerQueue.getBytes(StandardCharsets.UTF_8);
    }

    public String tenant()
    {
        return tenant;
    }

    /**
     * A stable 63-bit hash of the configuration document; decisions record it.
     */
    public long version()
    {
        return version;
    }

    public List<String> hotForms()
    {
        return hotFormNames;
    }

    /**
     * @return the index of the matching hot form kind, or -1.
     */
    public int hotFormIndex(final DirectBuffer buffer, final int offset, final int length)
    {
        for (int i = 0; i < hotForms.length; i++)
        {
            if (Bytes.equal(buffer, offset, length, hotForms[i], hotForms[i].length))
            {
                return i;
            }
        }
        return -1;
    }

    public byte[] hotForm(final int index)
    {
        return hotForms[index];
    }

    public long claimWindowNs()
    {
        return claimWindowNs;
    }

    public long cooldownNs()
    {
        return cooldownNs;
    }

    public String managerQueue()
    {
        return managerQueue;
    }

    public byte[] managerQueueBytes()
    {
        return managerQueueBytes;
    }
}
