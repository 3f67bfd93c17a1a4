package io.firstcall.gateway.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The error codes of docs/protocol.md §4, read from the document itself: every row of the table
 * {@code | code | when | connection |}, with whether the connection is closed after it. A code may
 * have a row of each kind ({@code forbidden_type}). The storm holds every reply to this table.
 */
final class ProtocolDoc
{
    static final Path PROTOCOL = Paths.get("..", "docs", "protocol.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_]+)` \\| .* \\| (stays open|closed[^|]*) \\|$");

    private final Map<String, Set<Boolean>> closes = new HashMap<>();

    private ProtocolDoc(final String markdown)
    {
        boolean inTable = false;
        for (final String line : markdown.split("\n"))
        {
            if (line.startsWith("| code | when | connection |"))
            {
                inTable = true;
                continue;
            }
            if (inTable && !line.startsWith("|"))
            {
                break;
            }
            final Matcher row = ROW.matcher(line);
            if (inTable && row.matches())
            {
                closes.computeIfAbsent(row.group(1), (c) -> new HashSet<>()).add(row.group(2).startsWith("closed"));
            }
        }
        if (closes.size() < 20)
        {
            throw new IllegalStateException("docs/protocol.md's error table not found (" + closes.size() + " codes read)");
        }
    }

    static ProtocolDoc read()
    {
        try
        {
            return new ProtocolDoc(Files.readString(PROTOCOL, StandardCharsets.UTF_8));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    boolean isDocumented(final String code)
    {
        return closes.containsKey(code);
    }

    /**
     * @return whether the table documents {@code code} with that connection behaviour.
     */
    boolean allows(final String code, final boolean closed)
    {
        final Set<Boolean> behaviour = closes.get(code);
        return null != behaviour && behaviour.contains(closed);
    }

    Set<String> codes()
    {
        return closes.keySet();
    }
}
