package io.firstcall.gateway.demo;

import io.firstcall.gateway.json.JsonEventDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventMixTest
{
    static final List<String> REPS = List.of("r1", "r2", "r3", "r4");
    static final List<String> HOT_FORMS = List.of("demo_request", "pricing_inquiry", "free_trial");
    static final int EVENTS = 20_000;

    @Test
    void shouldSendTheSameStreamForTheSameSeed()
    {
        assertEquals(lines(new EventMix(7, "run", REPS, HOT_FORMS)), lines(new EventMix(7, "run", REPS, HOT_FORMS)));
        assertNotEquals(lines(new EventMix(7, "run", REPS, HOT_FORMS)), lines(new EventMix(8, "run", REPS, HOT_FORMS)));
    }

    @Test
    void shouldSendEveryKindInRoughlyItsShare()
    {
        final Map<EventMix.Kind, Integer> counts = new EnumMap<>(EventMix.Kind.class);
        final EventMix mix = new EventMix(1, "run", REPS, HOT_FORMS);
        for (int i = 0; i < EVENTS; i++)
        {
            counts.merge(mix.next().kind(), 1, Integer::sum);
        }

        for (final EventMix.Kind kind : EventMix.Kind.values())
        {
            final double share = 100.0 * counts.getOrDefault(kind, 0) / EVENTS;
            assertTrue(Math.abs(share - kind.weight) < 1.5, kind + ": " + share + "% for a weight of " + kind.weight);
        }
    }

    @Test
    void shouldEncodeEveryLineWithTheProtocolDecoder()
    {
        final JsonEventDecoder decoder = new JsonEventDecoder();
        final UnsafeBuffer dst = new UnsafeBuffer(new byte[JsonEventDecoder.MAX_ENCODED_LENGTH]);
        final byte[] tenant = "demo".getBytes(StandardCharsets.UTF_8);
        final EventMix mix = new EventMix(3, "run", REPS, HOT_FORMS);
        for (int i = 0; i < EVENTS; i++)
        {
            final byte[] line = mix.next().line().getBytes(StandardCharsets.UTF_8);
            final int length = decoder.decode(line, 0, line.length, tenant, 1_000_000L, dst, 0);
            assertTrue(length > 0, () -> new String(line, StandardCharsets.UTF_8) + " -> " + decoder.errorMessage());
        }
    }

    @Test
    void shouldIntroduceEveryLeadBeforeNamingIt()
    {
        final Set<String> introduced = new HashSet<>();
        final EventMix mix = new EventMix(4, "run", REPS, HOT_FORMS);
        for (int i = 0; i < EVENTS; i++)
        {
            final SimEvent event = mix.next();
            if (EventMix.Kind.LEAD == event.kind())
            {
                assertTrue(introduced.add(event.lead()), "lead introduced twice: " + event);
            }
            else if (null != event.lead())
            {
                assertTrue(introduced.contains(event.lead()), "named before its upsert: " + event);
            }
        }
    }

    @Test
    void shouldUseFreshIdsExceptForRetries()
    {
        final Set<String> ids = new HashSet<>();
        final EventMix mix = new EventMix(5, "run-x", REPS, HOT_FORMS);
        int retries = 0;
        for (int i = 0; i < EVENTS; i++)
        {
            final SimEvent event = mix.next();
            assertTrue(event.id().startsWith("run-x-"), event.id());
            if (EventMix.Kind.RETRY == event.kind())
            {
                assertFalse(ids.add(event.id()), "a retry repeats an id: " + event);
                retries++;
            }
            else
            {
                assertTrue(ids.add(event.id()), "id reused: " + event);
            }
        }
        assertTrue(retries > 0);
    }

    @Test
    void shouldMarkOnlyTheTenantsHotFormsAsHot()
    {
        final EventMix mix = new EventMix(6, "run", REPS, List.of("free_trial"));
        int hot = 0;
        for (int i = 0; i < EVENTS; i++)
        {
            final SimEvent event = mix.next();
            if (EventMix.Kind.RETRY != event.kind() && event.line().startsWith("{\"type\":\"form\""))
            {
                assertEquals(event.line().contains("\"form\":\"free_trial\""), event.isHot(), event.line());
                hot += event.isHot() ? 1 : 0;
            }
        }
        assertTrue(hot > EVENTS / 20, "hot forms: " + hot);
    }

    @Test
    void shouldGiveMostLeadsAnOwnerAmongTheReps()
    {
        final EventMix mix = new EventMix(9, "run", REPS, HOT_FORMS);
        int leads = 0;
        int owned = 0;
        for (int i = 0; i < EVENTS; i++)
        {
            final SimEvent event = mix.next();
            if (EventMix.Kind.LEAD == event.kind())
            {
                leads++;
                for (final String rep : REPS)
                {
                    owned += event.line().contains("\"owner\":\"" + rep + "\"") ? 1 : 0;
                }
            }
        }
        assertTrue(owned > leads * 0.75 && owned < leads * 0.95, owned + " of " + leads);
    }

    @Test
    void shouldAnswerAFixedShareOfAlertsTheSameWayEveryRun()
    {
        int answered = 0;
        for (int i = 0; i < 10_000; i++)
        {
            final String lead = "run-L" + i;
            assertEquals(RepClient.answers(42, lead), RepClient.answers(42, lead));
            answered += RepClient.answers(42, lead) ? 1 : 0;
        }
        assertTrue(Math.abs(answered / 100.0 - RepClient.CLAIM_PERCENT) < 3, "answered " + answered / 100.0 + "%");
    }

    private static List<String> lines(final EventMix mix)
    {
        final List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5_000; i++)
        {
            lines.add(mix.next().line());
        }
        return lines;
    }
}
