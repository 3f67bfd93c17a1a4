package io.firstcall.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Replaces every string value of the file that is exactly {@code ${env:NAME}} or {@code ${file:PATH}}
 * with the environment variable's value or the file's content (UTF-8, trailing newlines removed),
 * before any key is checked, so tokens need not be written in the file. A missing variable or an
 * unreadable file is a {@link ConfigException} naming the key. The value found is kept in a
 * {@link Resolved} node, which error messages never print.
 */
final class SecretReferences
{
    /** The real environment; tests pass their own. */
    static final UnaryOperator<String> SYSTEM_ENVIRONMENT = System::getenv;

    private static final String PREFIX = "${";
    private static final String ENV = "env:";
    private static final String FILE = "file:";

    private SecretReferences()
    {
    }

    /**
     * A string value that came from a reference. It prints as the reference, never as its value.
     */
    static final class Resolved extends TextNode
    {
        private static final long serialVersionUID = 1L;

        private final String reference;

        Resolved(final String value, final String reference)
        {
            super(value);
            this.reference = reference;
        }

        String reference()
        {
            return reference;
        }
    }

    /**
     * Resolve every reference in the tree, in place.
     *
     * @param environment the value of an environment variable, or null when it is not set.
     */
    static void resolve(final JsonNode root, final UnaryOperator<String> environment)
    {
        walk(root, "", environment);
    }

    private static void walk(final JsonNode node, final String path, final UnaryOperator<String> environment)
    {
        if (node instanceof ObjectNode)
        {
            final ObjectNode object = (ObjectNode)node;
            for (final Map.Entry<String, JsonNode> field : object.properties())
            {
                final String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                final JsonNode value = field.getValue();
                if (isReference(value))
                {
                    field.setValue(resolveOne(value.asText(), childPath, environment));
                }
                else
                {
                    walk(value, childPath, environment);
                }
            }
        }
        else if (node instanceof ArrayNode)
        {
            final ArrayNode array = (ArrayNode)node;
            for (int i = 0; i < array.size(); i++)
            {
                final String childPath = path + "[" + i + "]";
                final JsonNode value = array.get(i);
                if (isReference(value))
                {
                    array.set(i, resolveOne(value.asText(), childPath, environment));
                }
                else
                {
                    walk(value, childPath, environment);
                }
            }
        }
    }

    private static boolean isReference(final JsonNode value)
    {
        return value.isTextual() && value.asText().startsWith(PREFIX) && value.asText().endsWith("}");
    }

    private static Resolved resolveOne(final String reference, final String path, final UnaryOperator<String> environment)
    {
        final String body = reference.substring(PREFIX.length(), reference.length() - 1);
        if (body.startsWith(ENV) && body.length() > ENV.length())
        {
            final String name = body.substring(ENV.length());
            final String value = environment.apply(name);
            if (null == value)
            {
                throw new ConfigException(path + ": " + reference + ": environment variable " + name + " is not set");
            }
            return new Resolved(value, reference);
        }
        if (body.startsWith(FILE) && body.length() > FILE.length())
        {
            return new Resolved(readFile(body.substring(FILE.length()), reference, path), reference);
        }

        throw new ConfigException(path + ": " + reference + ": not a reference: write ${env:NAME} or ${file:PATH}");
    }

    private static String readFile(final String name, final String reference, final String path)
    {
        final String problem;
        try
        {
            final byte[] bytes = Files.readAllBytes(Paths.get(name));
            return stripTrailingNewlines(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        }
        catch (final NoSuchFileException ex)
        {
            problem = "no such file";
        }
        catch (final AccessDeniedException ex)
        {
            problem = "permission denied";
        }
        catch (final CharacterCodingException ex)
        {
            problem = "not UTF-8 text";
        }
        catch (final IOException | InvalidPathException ex)
        {
            // The message of an I/O error names the file and the reason, never its content.
            problem = "cannot read: " + ex.getMessage();
        }

        throw new ConfigException(path + ": " + reference + ": " + problem);
    }

    /**
     * A secret file written by {@code echo} or an editor ends with a newline that is not part of the secret.
     */
    static String stripTrailingNewlines(final String text)
    {
        int end = text.length();
        while (end > 0 && ('\n' == text.charAt(end - 1) || '\r' == text.charAt(end - 1)))
        {
            end--;
        }
        return text.substring(0, end);
    }
}
