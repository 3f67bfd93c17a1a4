package io.firstcall.event;

import io.firstcall.codec.MessageHeaderDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The validator's picture of the inputs, read from the schema file, is the generated codecs' picture:
 * same templates, block lengths, fields in the same wire order, same length prefixes and enum values;
 * and the text bounds are the ones docs/protocol.md promises.
 */
class InputSchemaTest
{
    private final InputSchema schema = InputSchema.INSTANCE;

    @Test
    void shouldReadTheSchemaTheCodecsWereGeneratedFrom()
    {
        assertEquals(MessageHeaderDecoder.SCHEMA_ID, schema.schemaId());
        assertEquals(MessageHeaderDecoder.SCHEMA_VERSION, schema.version());
    }

    @Test
    void shouldListEveryFieldOfEveryInputTemplateInWireOrder() throws Exception
    {
        for (final int templateId : InputSamples.TEMPLATES)
        {
            final InputSchema.Template template = schema.template(templateId);
            assertNotNull(template, "template " + templateId);
            final Class<?> decoderClass = Class.forName("io.firstcall.codec." + template.name + "Decoder");
            assertEquals(templateId, decoderClass.getField("TEMPLATE_ID").getInt(null));
            assertEquals(decoderClass.getField("BLOCK_LENGTH").getInt(null), template.blockLengthAt[schema.version()],
                template.name);

            final List<String> expected = new ArrayList<>();
            for (final InputSchema.FixedField field : template.fixed)
            {
                expected.add(field.name);
            }
            int headerLengthMethods = 0;
            for (final Method method : decoderClass.getMethods())
            {
                headerLengthMethods += Modifier.isStatic(method.getModifiers()) &&
                    method.getName().endsWith("HeaderLength") ? 1 : 0;
            }
            assertEquals(headerLengthMethods, template.data.length, template.name + " data fields");
            for (final InputSchema.DataField field : template.data)
            {
                expected.add(field.name);
                assertEquals(decoderClass.getMethod(field.name + "HeaderLength").invoke(null), field.headerLength,
                    template.name + "." + field.name);
            }

            assertEquals(expected, decodedFieldNames(decoderClass, InputSamples.full(templateId)), template.name);
        }
    }

    @Test
    void shouldKnowEveryValueOfEveryInputEnum() throws Exception
    {
        for (final int templateId : InputSamples.TEMPLATES)
        {
            final InputSchema.Template template = schema.template(templateId);
            final Class<?> decoderClass = Class.forName("io.firstcall.codec." + template.name + "Decoder");
            for (final InputSchema.FixedField field : template.fixed)
            {
                final Class<?> type = decoderClass.getMethod(field.name).getReturnType();
                assertEquals(type.isEnum(), null != field.values, template.name + "." + field.name);
                if (type.isEnum())
                {
                    final List<Long> generated = new ArrayList<>();
                    for (final Object constant : type.getEnumConstants())
                    {
                        if (!"NULL_VAL".equals(((Enum<?>)constant).name()))
                        {
                            generated.add(((Number)type.getMethod("value").invoke(constant)).longValue());
                        }
                    }
                    final List<Long> read = new ArrayList<>();
                    for (final long value : field.values)
                    {
                        read.add(value);
                    }
                    assertEquals(generated, read, template.name + "." + field.name);
                }
            }
        }
    }

    @Test
    void shouldBoundTextAsTheProtocolSays()
    {
        for (final int templateId : InputSamples.TEMPLATES)
        {
            final InputSchema.Template template = schema.template(templateId);
            for (final InputSchema.DataField field : template.data)
            {
                final String where = template.name + "." + field.name;
                assertEquals(expectedBounds(templateId, field.name), field.minBytes + ".." + field.maxBytes, where);
            }
        }
    }

    private static String expectedBounds(final int templateId, final String field)
    {
        final boolean tick = InputTypes.TICK == templateId;
        switch (field)
        {
            case "tenant":
                return tick ? "0..0" : "1..32";
            case "eventId":
                return tick ? "0..0" : InputTypes.CONFIG == templateId ? "0..64" : "1..64";
            case "lead":
                return InputTypes.FIRST + 2 == templateId ? "0..64" : "1..64";
            case "rep":
                return "1..64";
            case "document":
                return "0..65534";
            default:
                return "0..254";
        }
    }

    private static List<String> decodedFieldNames(final Class<?> decoderClass, final byte[] message) throws Exception
    {
        final Object decoder = decoderClass.getConstructor().newInstance();
        decoderClass.getMethod("wrapAndApplyHeader", org.agrona.DirectBuffer.class, int.class, MessageHeaderDecoder.class)
            .invoke(decoder, new UnsafeBuffer(message), 0, new MessageHeaderDecoder());
        final String text = decoder.toString();
        final List<String> names = new ArrayList<>();
        for (final String part : text.substring(text.indexOf("):") + 2).split("\\|"))
        {
            names.add(part.substring(0, part.indexOf('=')));
        }
        return names;
    }
}
