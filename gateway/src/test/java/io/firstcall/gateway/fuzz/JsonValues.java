package io.firstcall.gateway.fuzz;

import com.fasterxml.jackson.core.JsonToken;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The values of JSON members by the kinds of docs/protocol.md §3: text within its bounds in UTF-8 bytes
 * (and no unpaired surrogate), one of a field's choices, a 32-bit integer or a non-negative one, a time,
 * a non-negative amount with at most 2 decimals.
 */
final class JsonValues
{
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    /** Digits of Long.MAX_VALUE: an amount with more integer digits than this in cents cannot fit. */
    private static final int LONG_DIGITS = 19;

    private JsonValues()
    {
    }

    /**
     * @return the member's value as {@link Event} holds it, or null when it is not valid (the fault
     * then recorded in {@code error}).
     */
    static Object value(
        final JsonFields.Spec spec, final String name, final JsonToken token, final String text, final Expected error)
    {
        switch (spec.kind())
        {
            case TEXT:
            {
                if (JsonToken.VALUE_STRING != token)
                {
                    error.code("invalid_field", name);
                    return null;
                }
                final boolean unpaired = hasUnpairedSurrogate(text);
                final int bytes = utf8Length(text);
                if (unpaired)
                {
                    error.code("invalid_field", name);
                }
                if (bytes > spec.maxBytes())
                {
                    error.code("field_too_long", name);
                }
                if (bytes < spec.minBytes())
                {
                    error.code("invalid_field", name);
                }
                return unpaired || bytes > spec.maxBytes() || bytes < spec.minBytes() ? null : text;
            }
            case CHOICE:
                if (JsonToken.VALUE_STRING == token && spec.choices().contains(text))
                {
                    return text;
                }
                break;
            case INT32:
            case COUNT:
                if (JsonToken.VALUE_NUMBER_INT == token)
                {
                    final BigInteger value = new BigInteger(text);
                    final BigInteger min = JsonFields.Kind.COUNT == spec.kind() ? BigInteger.ZERO : INT_MIN;
                    if (value.compareTo(min) >= 0 && value.compareTo(INT_MAX) <= 0)
                    {
                        return value.longValue();
                    }
                }
                break;
            case TIME:
            {
                final long epochMs = JsonFields.epochMs(token, text);
                if (JsonFields.NOT_A_TIME != epochMs)
                {
                    return epochMs;
                }
                break;
            }
            default:
                if (JsonToken.VALUE_NUMBER_INT == token || JsonToken.VALUE_NUMBER_FLOAT == token)
                {
                    final Long cents = cents(text);
                    if (null != cents)
                    {
                        return new Event.Num(BigDecimal.valueOf(cents, 2).toPlainString());
                    }
                }
                break;
        }
        error.code("invalid_field", name);
        return null;
    }

    /**
     * @return a money literal in cents when it is non-negative with at most 2 decimals and fits 64 bits.
     */
    private static Long cents(final String literal)
    {
        if (literal.startsWith("-"))
        {
            return null;
        }
        final BigDecimal value;
        try
        {
            value = new BigDecimal(literal);
        }
        catch (final NumberFormatException | ArithmeticException ex)
        {
            return exponentOfZero(literal) ? 0L : null;
        }
        if (value.signum() == 0)
        {
            return 0L;
        }
        final BigDecimal cents = value.movePointRight(2);
        if (cents.stripTrailingZeros().scale() > 0)
        {
            return null;
        }
        if (cents.precision() - cents.scale() > LONG_DIGITS)
        {
            return null;
        }
        final BigInteger whole = cents.toBigIntegerExact();
        return whole.compareTo(LONG_MAX) > 0 ? null : whole.longValue();
    }

    /**
     * @return true for a zero whose exponent BigDecimal cannot hold ("0e99999999999"): still zero.
     */
    private static boolean exponentOfZero(final String literal)
    {
        final int e = Math.max(literal.indexOf('e'), literal.indexOf('E'));
        return e > 0 && literal.substring(0, e).replace(".", "").chars().allMatch((c) -> '0' == c);
    }

    static boolean hasUnpairedSurrogate(final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
            {
                i++;
            }
            else if (Character.isSurrogate(c))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @return the UTF-8 length of the text, an unpaired surrogate counted as the 3 bytes of its code unit.
     */
    static int utf8Length(final String text)
    {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < 0x80)
            {
                bytes += 1;
            }
            else if (c < 0x800)
            {
                bytes += 2;
            }
            else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
            {
                bytes += 4;
                i++;
            }
            else
            {
                bytes += 3;
            }
        }
        return bytes;
    }
}
