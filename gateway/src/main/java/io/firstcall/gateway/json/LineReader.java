package io.firstcall.gateway.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;

import java.io.IOException;

import static io.firstcall.gateway.json.Fields.AT;
import static io.firstcall.gateway.json.Fields.CHOICES;
import static io.firstcall.gateway.json.Fields.KIND;
import static io.firstcall.gateway.json.Fields.MAX_BYTES;
import static io.firstcall.gateway.json.Fields.MIN_BYTES;
import static io.firstcall.gateway.json.Fields.NAMES;
import static io.firstcall.gateway.json.Fields.TOO_LONG_REASON;
import static io.firstcall.gateway.json.Fields.TYPE;
import static io.firstcall.gateway.json.Fields.WRONG_VALUE_REASON;

/**
 * Reads one line, which must be exactly one JSON object, into {@link FieldValues}, recording the
 * event type and the first field-level error in document order. It reads the whole object even
 * after a field error, so the client's "id" is known for the error reply wherever it appears.
 * <p>
 * One non-blocking Jackson parser serves every line of a connection: each line is fed to it
 * followed by a '\n' so a number or word at the end of the line is terminated and any bytes
 * after the object show up as a token. Blocking parsers cannot be re-fed, so reusing one this
 * way saves a parser, its context and its symbol-table child per line. After a rejected line the
 * parser is replaced, so no broken state and no names from a hostile line outlive that line.
 */
final class LineReader
{
    static final int TYPE_MISSING = -1;
    static final int TYPE_INVALID = -2;
    static final int TYPE_UNKNOWN = -3;

    private static final byte[] LINE_END = { '\n' };
    private static final String UNRECOGNIZED_TOKEN = "Unrecognized token '";

    final FieldValues values = new FieldValues();

    /** An {@link EventType} ordinal or one of the TYPE_* values. */
    int type;
    JsonErrorCode fieldErrorCode;
    String fieldErrorName;
    String fieldErrorReason;
    String malformedReason;

    private JsonParser parser;
    private ByteArrayFeeder feeder;
    private boolean lineEndFed;

    LineReader()
    {
        newParser();
    }

    /**
     * @return true when the line held exactly one JSON object; otherwise {@link #malformedReason}
     * says why.
     */
    boolean read(final byte[] line, final int offset, final int length)
    {
        values.reset();
        type = TYPE_MISSING;
        fieldErrorCode = null;
        fieldErrorName = null;
        fieldErrorReason = null;
        malformedReason = null;

        try
        {
            feeder.feedInput(line, offset, offset + length);
            lineEndFed = false;

            JsonToken token = next();
            if (JsonToken.START_OBJECT != token)
            {
                malformedReason = JsonToken.NOT_AVAILABLE == token ? "empty line" : "a line must be a JSON object";
                return false;
            }

            while (JsonToken.FIELD_NAME == (token = next()))
            {
                final String name = parser.currentName();
                readField(name, next());
            }

            if (JsonToken.END_OBJECT != token)
            {
                malformedReason = "truncated JSON object";
                return false;
            }

            if (JsonToken.NOT_AVAILABLE != next())
            {
                malformedReason = "data after the JSON object";
                return false;
            }

            return true;
        }
        catch (final JsonProcessingException ex)
        {
            malformedReason = withoutQuotedInput(ex.getOriginalMessage());
            return false;
        }
        catch (final IOException ex)
        {
            malformedReason = ex.getMessage();
            return false;
        }
    }

    /**
     * The parser quotes the text of a literal it cannot read ({@code "email":nancy@example.org} gives
     * "Unrecognized token 'nancy'"), which may be a token or a contact detail: keep the rest of its
     * message. Error path only.
     */
    static String withoutQuotedInput(final String message)
    {
        if (null != message && message.startsWith(UNRECOGNIZED_TOKEN))
        {
            final int end = message.indexOf("':", UNRECOGNIZED_TOKEN.length());
            return end < 0 ? "Unrecognized token" : "Unrecognized token" + message.substring(end + 1);
        }
        return message;
    }

    /**
     * Drop the parser after a rejected line: it may be mid-token, and its symbol table may hold
     * names a client made up. Allocates, on the error path only.
     */
    void discardParser()
    {
        try
        {
            parser.close();
        }
        catch (final IOException ignore)
        {
            // Closing a parser over fed byte arrays releases buffers only; nothing to report.
        }
        newParser();
    }

    private void newParser()
    {
        try
        {
            parser = JsonSupport.FACTORY.createNonBlockingByteArrayParser();
            feeder = (ByteArrayFeeder)parser.getNonBlockingInputFeeder();
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * The next token; NOT_AVAILABLE only when the line and its terminating '\n' are consumed.
     */
    private JsonToken next() throws IOException
    {
        JsonToken token = parser.nextToken();
        if (JsonToken.NOT_AVAILABLE == token && !lineEndFed)
        {
            lineEndFed = true;
            feeder.feedInput(LINE_END, 0, LINE_END.length);
            token = parser.nextToken();
        }

        return token;
    }

    private void readField(final String name, final JsonToken token) throws IOException
    {
        final int field = Fields.indexOf(name);
        if (field < 0)
        {
            fieldError(JsonErrorCode.UNKNOWN_FIELD, name, "is not a field of this protocol");
            skip(token);
            return;
        }

        final long bit = 1L << field;
        if (0 != (values.named & bit))
        {
            fieldError(JsonErrorCode.INVALID_FIELD, NAMES[field], "appears more than once");
            skip(token);
            return;
        }
        values.named |= bit;

        if (JsonToken.VALUE_NULL == token || JsonToken.NOT_AVAILABLE == token)
        {
            return; // null means absent; NOT_AVAILABLE is a truncated line, reported by the caller
        }

        if (TYPE == field)
        {
            readType(token);
            return;
        }

        final boolean valid;
        switch (KIND[field])
        {
            case Fields.KIND_TEXT:
                valid = readText(field, token);
                break;

            case Fields.KIND_CHOICE:
                valid = readChoice(field, token);
                break;

            case Fields.KIND_INT:
            case Fields.KIND_COUNT:
                valid = readInt(field, token);
                break;

            case Fields.KIND_TIME:
                valid = readTime(token);
                break;

            default:
                valid = readMoney(field, token);
                break;
        }

        if (!valid)
        {
            fieldError(JsonErrorCode.INVALID_FIELD, NAMES[field], WRONG_VALUE_REASON[field]);
            skip(token);
        }
    }

    private void readType(final JsonToken token) throws IOException
    {
        if (JsonToken.VALUE_STRING != token)
        {
            type = TYPE_INVALID;
            skip(token);
            return;
        }

        final int index = Fields.match(
            EventType.WIRE_NAMES, parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        type = index < 0 ? TYPE_UNKNOWN : index;
    }

    /**
     * @return false for a wrong JSON type; bound and encoding errors are recorded here.
     */
    private boolean readText(final int field, final JsonToken token) throws IOException
    {
        if (JsonToken.VALUE_STRING != token)
        {
            return false;
        }

        final int bytes = values.putUtf8(
            field, parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength(), MAX_BYTES[field]);
        if (FieldValues.TOO_LONG == bytes)
        {
            fieldError(JsonErrorCode.FIELD_TOO_LONG, NAMES[field], TOO_LONG_REASON[field]);
        }
        else if (FieldValues.BAD_SURROGATE == bytes)
        {
            fieldError(JsonErrorCode.INVALID_FIELD, NAMES[field], "has an unpaired UTF-16 surrogate");
        }
        else if (bytes < MIN_BYTES[field])
        {
            fieldError(JsonErrorCode.INVALID_FIELD, NAMES[field], "must not be empty");
        }

        return true;
    }

    private boolean readChoice(final int field, final JsonToken token) throws IOException
    {
        if (JsonToken.VALUE_STRING != token)
        {
            return false;
        }

        final int index = Fields.match(
            CHOICES[field], parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        if (index < 0)
        {
            return false;
        }
        values.number(field, index);

        return true;
    }

    private boolean readInt(final int field, final JsonToken token) throws IOException
    {
        if (JsonToken.VALUE_NUMBER_INT != token || JsonParser.NumberType.INT != parser.getNumberType())
        {
            return false;
        }

        final int value = parser.getIntValue();
        if (Fields.KIND_COUNT == KIND[field] && value < 0)
        {
            return false;
        }
        values.number(field, value);

        return true;
    }

    private boolean readTime(final JsonToken token) throws IOException
    {
        final long epochMs;
        if (JsonToken.VALUE_STRING == token)
        {
            epochMs = JsonNumbers.parseIsoMs(
                parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        }
        else if (JsonToken.VALUE_NUMBER_INT == token && JsonParser.NumberType.BIG_INTEGER != parser.getNumberType())
        {
            final long value = parser.getLongValue();
            epochMs = value < 0 ? JsonNumbers.INVALID : value;
        }
        else
        {
            return false;
        }

        if (JsonNumbers.INVALID == epochMs)
        {
            return false;
        }
        values.number(AT, epochMs);

        return true;
    }

    private boolean readMoney(final int field, final JsonToken token) throws IOException
    {
        if (JsonToken.VALUE_NUMBER_INT != token && JsonToken.VALUE_NUMBER_FLOAT != token)
        {
            return false;
        }

        // The literal text, not getDoubleValue(): "0.1" has no exact binary double.
        final long cents = JsonNumbers.parseCents(
            parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        if (JsonNumbers.INVALID == cents)
        {
            return false;
        }
        values.number(field, cents);

        return true;
    }

    private void fieldError(final JsonErrorCode code, final String name, final String reason)
    {
        if (null == fieldErrorCode)
        {
            fieldErrorCode = code;
            fieldErrorName = name;
            fieldErrorReason = reason;
        }
    }

    /**
     * Skip a value's children; Jackson's skipChildren() would spin on NOT_AVAILABLE. A truncated
     * line stops here and is reported by the caller's next read.
     */
    private void skip(final JsonToken token) throws IOException
    {
        if (JsonToken.START_OBJECT != token && JsonToken.START_ARRAY != token)
        {
            return;
        }

        int depth = 1;
        while (depth > 0)
        {
            final JsonToken next = next();
            if (JsonToken.NOT_AVAILABLE == next)
            {
                return;
            }
            if (JsonToken.START_OBJECT == next || JsonToken.START_ARRAY == next)
            {
                depth++;
            }
            else if (JsonToken.END_OBJECT == next || JsonToken.END_ARRAY == next)
            {
                depth--;
            }
        }
    }
}
