package io.firstcall.engine;

import io.firstcall.event.EventWriter;
import io.firstcall.event.InputSamples;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static io.firstcall.event.InputSamples.full;
import static io.firstcall.event.InputSamples.withByte;
import static io.firstcall.event.InputSamples.withText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The state machine applies nothing from an input the validator refuses, whatever bytes follow it in
 * the caller's buffer beyond the view it is given, records it as one INPUT_REJECTED decision, and never
 * throws.
 */
class InvalidInputTest
{
    static final String ACME = "tenant: acme\nhot:\n  forms: [demo_request]\nclaim:\n  managerQueue: acme-managers\n";
    static final long T0 = TimeUnit.DAYS.toNanos(20_000);

    @Test
    void shouldNotReadAShortFormsMissingFieldsFromTheBytesAfterIt()
    {
        final CapturedOutputs outputs = new CapturedOutputs();
        final MachineDriver machine = configured(outputs);
        final byte[] earlier = full(2, "acme", "e-earlier", "L-leaked");
        final byte[] shortForm = full(2, "acme", "e-short-1", "L-other");
        final int envelopeEnd = InputSamples.dataFieldOffset(shortForm, "lead");
        final UnsafeBuffer slot = new UnsafeBuffer(new byte[4096]);
        slot.putBytes(0, earlier);
        slot.putBytes(0, shortForm, 0, envelopeEnd);

        machine.send(slot, envelopeEnd, 5, T0);

        assertEquals(List.of("Decision seq=5 kind=INPUT_REJECTED tenant=acme lead= detail=" +
            "{\"templateId\":2,\"code\":\"truncated\",\"field\":\"lead\",\"length\":" + envelopeEnd + "}"), outputs.lines());
        assertEquals(0, machine.machine().leads("acme").size());
        assertEquals(1, machine.machine().invalidEvents());
    }

    @Test
    void shouldRecordABrokenInputOfAnUnconfiguredTenantWithoutItsTenant()
    {
        final CapturedOutputs outputs = new CapturedOutputs();
        final MachineDriver machine = configured(outputs);
        final byte[] bad = withText(full(3, "globex", "g-1", "L1"), "page", InputSamples.INVALID_UTF8[0]);

        machine.send(new UnsafeBuffer(bad), bad.length, 9, T0);

        assertEquals(List.of("Decision seq=9 kind=INPUT_REJECTED tenant= lead= detail=" +
            "{\"templateId\":3,\"code\":\"invalid_utf8\",\"field\":\"page\",\"length\":" + bad.length + "}"), outputs.lines());
    }

    @Test
    void shouldChangeNothingForBrokenInputsBetweenValidOnes()
    {
        final List<byte[]> broken = brokenInputs();
        final CapturedOutputs clean = new CapturedOutputs();
        final CapturedOutputs mixed = new CapturedOutputs();
        final MachineDriver cleanMachine = configured(clean);
        final MachineDriver mixedMachine = configured(mixed);

        long brokenSequence = 1_000_000;
        for (int i = 0; i < 4 * InputSamples.CLIENT_TEMPLATES.length; i++)
        {
            final int template = InputSamples.CLIENT_TEMPLATES[i % InputSamples.CLIENT_TEMPLATES.length];
            final byte[] valid = full(template, "acme", "v-" + i, "L" + (i % 3));
            cleanMachine.send(new UnsafeBuffer(valid), valid.length, i + 1, T0 + i);
            for (int b = i; b < broken.size(); b += 4 * InputSamples.CLIENT_TEMPLATES.length)
            {
                final UnsafeBuffer slot = new UnsafeBuffer(new byte[8192]);
                slot.putBytes(0, valid);
                slot.putBytes(0, broken.get(b));
                mixedMachine.send(slot, broken.get(b).length, brokenSequence++, T0 + i);
            }
            mixedMachine.send(new UnsafeBuffer(valid), valid.length, i + 1, T0 + i);
        }

        final List<String> withoutRejections = new ArrayList<>();
        for (final String line : mixed.lines())
        {
            if (!line.contains("kind=INPUT_REJECTED"))
            {
                withoutRejections.add(line);
            }
        }
        assertEquals(2, clean.linesStartingWith("Alert").size(), clean.lines().toString());
        assertEquals(clean.lines(), withoutRejections);
        assertEquals(broken.size(), mixed.lines().size() - withoutRejections.size());
        assertEquals(broken.size(), mixedMachine.machine().invalidEvents());
    }

    @Test
    void shouldNeverThrowOnMutatedInputs()
    {
        final CapturedOutputs outputs = new CapturedOutputs();
        final MachineDriver machine = configured(outputs);
        final Random random = new Random(20_261_127);
        final UnsafeBuffer slot = new UnsafeBuffer(new byte[8192]);
        for (int i = 0; i < 100_000; i++)
        {
            final byte[] message = full(InputSamples.TEMPLATES[random.nextInt(InputSamples.TEMPLATES.length)],
                "acme", "m-" + i, "L" + random.nextInt(50));
            final int mutations = random.nextInt(3);
            for (int m = 0; m < mutations; m++)
            {
                message[random.nextInt(message.length)] = (byte)random.nextInt(256);
            }
            final int length = Math.max(0, message.length + random.nextInt(9) - 6);
            slot.putBytes(0, message, 0, Math.min(length, message.length));
            machine.send(slot, length, i + 1, T0 + i * 1_000_000L);
            outputs.clear();
        }
        assertTrue(machine.machine().invalidEvents() > 10_000, Long.toString(machine.machine().invalidEvents()));
    }

    /**
     * Every client template truncated at every byte after its envelope, with every enum value out of
     * range, invalid UTF-8 in every text field and trailing bytes.
     */
    static List<byte[]> brokenInputs()
    {
        final List<byte[]> broken = new ArrayList<>();
        for (final int template : InputSamples.CLIENT_TEMPLATES)
        {
            final byte[] message = full(template, "acme", "bad-" + template, "L-bad");
            for (int length = 0; length < message.length; length++)
            {
                broken.add(Arrays.copyOf(message, length));
            }
            for (final String field : InputSamples.enumFields(template))
            {
                broken.add(withByte(message, InputSamples.enumFieldOffset(message, field), 200));
                broken.add(withByte(message, InputSamples.enumFieldOffset(message, field), 255));
            }
            for (final String field : InputSamples.dataFields(template))
            {
                broken.add(withText(message, field, InputSamples.INVALID_UTF8[broken.size() % InputSamples.INVALID_UTF8.length]));
            }
            broken.add(Arrays.copyOf(message, message.length + 2));
        }
        return broken;
    }

    private static MachineDriver configured(final CapturedOutputs outputs)
    {
        final MachineDriver machine = new MachineDriver(outputs, 16);
        final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[4096]));
        final int length = writer.config("acme", "cfg", ACME);
        machine.send(writer.buffer(), length, 0, T0 - 1);
        outputs.clear();
        return machine;
    }
}
