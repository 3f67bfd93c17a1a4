package io.firstcall.gateway.fuzz;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 by the JDK's decoder (overlong forms, encoded surrogates, code points above U+10FFFF
 * and cut sequences are all malformed to it): the oracle's reference, apart from the gateway's own
 * {@code Utf8}.
 */
final class Utf8Check
{
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);

    /**
     * @return the text, or null when the bytes are not well-formed UTF-8.
     */
    String decode(final byte[] bytes, final int offset, final int length)
    {
        try
        {
            final CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(bytes, offset, length));
            return chars.toString();
        }
        catch (final CharacterCodingException ex)
        {
            return null;
        }
    }

    boolean isValid(final byte[] bytes, final int offset, final int length)
    {
        return null != decode(bytes, offset, length);
    }
}
