package io.firstcall.gateway.demo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * The fields the simulated clients read from a server line (welcome, ack, error and the pushes),
 * parsed with Jackson's streaming API into this reusable holder. One instance per reading thread.
 */
final class PushLine
{
    private static final JsonFactory FACTORY = new JsonFactory();

    String type;
    String id;
    String lead;
    String rep;
    String reason;
    String code;
    String message;
    long seq;
    long episode;
    boolean duplicate;

    /**
     * @return false when the line is not a JSON object with a "type".
     */
    boolean parse(final String line)
    {
        type = null;
        id = null;
        lead = null;
        rep = null;
        reason = null;
        code = null;
        message = null;
        seq = -1;
        episode = -1;
        duplicate = false;

        try (JsonParser parser = FACTORY.createParser(line))
        {
            if (JsonToken.START_OBJECT != parser.nextToken())
            {
                return false;
            }
            while (JsonToken.FIELD_NAME == parser.nextToken())
            {
                final String name = parser.currentName();
                final JsonToken token = parser.nextToken();
                if (token.isStructStart())
                {
                    parser.skipChildren();
                    continue;
                }
                field(name, token, parser);
            }
            return null != type;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    private void field(final String name, final JsonToken token, final JsonParser parser) throws IOException
    {
        switch (name)
        {
            case "type":
                type = parser.getText();
                break;

            case "id":
                id = parser.getText();
                break;

            case "lead":
                lead = parser.getText();
                break;

            case "rep":
                rep = parser.getText();
                break;

            case "reason":
                reason = parser.getText();
                break;

            case "code":
                code = parser.getText();
                break;

            case "message":
                message = parser.getText();
                break;

            case "seq":
                seq = token.isNumeric() ? parser.getLongValue() : -1;
                break;

            case "episode":
                episode = token.isNumeric() ? parser.getLongValue() : -1;
                break;

            case "duplicate":
                duplicate = JsonToken.VALUE_TRUE == token;
                break;

            default:
                break;
        }
    }
}
