package io.firstcall.bench;

import io.firstcall.codec.CallOutcome;
import io.firstcall.event.EventWriter;
import io.firstcall.event.InputEnvelope;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Random;

/**
 * A fixed, pre-encoded mix of input events (visits, forms, calls, profile updates across many
 * leads) so benchmarks measure the engine, not the encoding. Deterministic for a seed.
 */
public final class EventMix
{
    public static final String TENANT = "bench";
    public static final String RULES = "tenant: bench\nhot:\n  forms: [demo_request, free_trial]\n  cooldown: 1m\n" +
        "claim:\n  window: 30s\n";

    private static final String BLANK_ID = "0000000000000000";
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final UnsafeBuffer[] events;
    private final int[] lengths;
    private final int[] idOffsets;

    /**
     * @param count distinct encoded events. Each has a fixed-width 16-digit event id that
     *              {@link #stamp} rewrites in place, so the mix can be sent any number of times
     *              without the engine taking the repeats as retries.
     */
    public EventMix(final int count, final int leads, final long seed)
    {
        events = new UnsafeBuffer[count];
        lengths = new int[count];
        idOffsets = new int[count];
        final Random random = new Random(seed);
        final InputEnvelope envelope = new InputEnvelope();
        for (int i = 0; i < count; i++)
        {
            events[i] = new UnsafeBuffer(new byte[1024]);
            lengths[i] = encode(new EventWriter(events[i]), random, leads);
            envelope.wrap(events[i], 0, lengths[i]);
            idOffsets[i] = envelope.eventIdOffset();
        }
    }

    /**
     * Give event {@code index} the unique id {@code number} (16 hex digits), without allocating.
     */
    public void stamp(final int index, final long number)
    {
        final UnsafeBuffer buffer = events[index];
        final int offset = idOffsets[index];
        for (int i = 15; i >= 0; i--)
        {
            buffer.putByte(offset + i, HEX[(int)((number >>> ((15 - i) * 4)) & 0xF)]);
        }
    }

    public int size()
    {
        return events.length;
    }

    public UnsafeBuffer buffer(final int index)
    {
        return events[index];
    }

    public int length(final int index)
    {
        return lengths[index];
    }

    /**
     * @return the average encoded length, for baselines of the same message size.
     */
    public int averageLength()
    {
        long total = 0;
        for (final int length : lengths)
        {
            total += length;
        }
        return (int)(total / lengths.length);
    }

    private static int encode(final EventWriter writer, final Random random, final int leads)
    {
        final String id = BLANK_ID;
        final String lead = "L" + random.nextInt(leads);
        final String rep = "r" + random.nextInt(8);
        final int dice = random.nextInt(100);
        if (dice < 10)
        {
            return writer.lead(TENANT, id, lead, lead + "@example.com", "Lead " + lead, "Co", "saas", "emea", 120, "web", rep);
        }
        if (dice < 25)
        {
            final String[] forms = {"demo_request", "free_trial", "ebook_download", "webinar", "contact_sales"};
            return writer.form(TENANT, id, lead, forms[random.nextInt(forms.length)]);
        }
        if (dice < 75)
        {
            return writer.visit(TENANT, id, lead, random.nextBoolean() ? "/pricing" : "/blog/speed-to-lead");
        }
        if (dice < 90)
        {
            return writer.call(TENANT, id, lead, rep, CallOutcome.STARTED);
        }
        return writer.email(TENANT, id, lead, rep);
    }
}
