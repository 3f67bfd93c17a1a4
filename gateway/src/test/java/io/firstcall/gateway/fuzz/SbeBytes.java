package io.firstcall.gateway.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * Byte-level building and surgery of SBE input messages, by the layout of {@link InputLayout}: the
 * storm builds valid messages with it and takes them apart at their field boundaries to break them.
 */
final class SbeBytes
{
    private SbeBytes()
    {
    }

    /**
     * @param texts each text's bytes, in wire order; a text's length prefix is its template's (1 or 2 bytes).
     */
    static byte[] message(
        final int blockLength, final int templateId, final int schemaId, final int version, final byte[] block,
        final List<byte[]> texts)
    {
        final InputLayout.Template template = InputLayout.template(templateId);
        int length = InputLayout.HEADER_LENGTH + block.length;
        for (int i = 0; i < texts.size(); i++)
        {
            length += headerLength(template, i) + texts.get(i).length;
        }
        final ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short)blockLength).putShort((short)templateId).putShort((short)schemaId).putShort((short)version);
        out.put(block);
        for (int i = 0; i < texts.size(); i++)
        {
            final byte[] text = texts.get(i);
            if (2 == headerLength(template, i))
            {
                out.putShort((short)text.length);
            }
            else
            {
                out.put((byte)text.length);
            }
            out.put(text);
        }
        return out.array();
    }

    static int blockLength(final byte[] message)
    {
        return u16(message, 0);
    }

    static int templateId(final byte[] message)
    {
        return u16(message, 2);
    }

    static int u16(final byte[] bytes, final int offset)
    {
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8;
    }

    static byte[] withU16(final byte[] message, final int offset, final int value)
    {
        final byte[] copy = message.clone();
        copy[offset] = (byte)value;
        copy[offset + 1] = (byte)(value >>> 8);
        return copy;
    }

    /**
     * @return the offset of each text's length prefix in a well-formed message of a known template, then
     * the message's end: {@code texts + 1} offsets.
     */
    static int[] textOffsets(final byte[] message)
    {
        final InputLayout.Template template = InputLayout.template(templateId(message));
        final int[] offsets = new int[template.texts().size() + 1];
        int position = InputLayout.HEADER_LENGTH + blockLength(message);
        for (int i = 0; i < template.texts().size(); i++)
        {
            offsets[i] = position;
            final int header = headerLength(template, i);
            position += header + (2 == header ? u16(message, position) : message[position] & 0xFF);
        }
        offsets[offsets.length - 1] = position;
        return offsets;
    }

    /**
     * @return a copy of a well-formed message with text {@code index} replaced by {@code text} (its
     * length prefix set to the text's length, which must fit the prefix).
     */
    static byte[] withText(final byte[] message, final int index, final byte[] text)
    {
        final int[] offsets = textOffsets(message);
        final int header = headerLength(InputLayout.template(templateId(message)), index);
        final int start = offsets[index];
        final int end = offsets[index + 1];
        final byte[] result = new byte[message.length - (end - start) + header + text.length];
        System.arraycopy(message, 0, result, 0, start);
        if (2 == header)
        {
            result[start] = (byte)text.length;
            result[start + 1] = (byte)(text.length >>> 8);
        }
        else
        {
            result[start] = (byte)text.length;
        }
        System.arraycopy(text, 0, result, start + header, text.length);
        System.arraycopy(message, end, result, start + header + text.length, message.length - end);
        return result;
    }

    /**
     * @return the bytes of text {@code index} of a well-formed message.
     */
    static byte[] text(final byte[] message, final int index)
    {
        final int[] offsets = textOffsets(message);
        final int header = headerLength(InputLayout.template(templateId(message)), index);
        return Arrays.copyOfRange(message, offsets[index] + header, offsets[index + 1]);
    }

    /**
     * @return {@code bytes} after a 4-byte little-endian length prefix of {@code prefix}.
     */
    static byte[] frame(final byte[] body, final long prefix)
    {
        final ByteBuffer out = ByteBuffer.allocate(4 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        return out.putInt((int)prefix).put(body).array();
    }

    static byte[] frame(final byte[] body)
    {
        return frame(body, body.length);
    }

    static byte[] insert(final byte[] bytes, final int offset, final byte[] inserted)
    {
        final byte[] result = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, result, 0, offset);
        System.arraycopy(inserted, 0, result, offset, inserted.length);
        System.arraycopy(bytes, offset, result, offset + inserted.length, bytes.length - offset);
        return result;
    }

    private static int headerLength(final InputLayout.Template template, final int index)
    {
        return template.texts().get(index).headerLength();
    }
}
