package io.firstcall.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON examples of a page of docs/, so a test can check that the docs show what the engine
 * really outputs. A block is fenced with {@code ```json}; its lines, trimmed, are joined, since
 * the docs break long objects after a comma.
 */
public final class DocExamples
{
    private DocExamples()
    {
    }

    /**
     * @param page the page's name in docs/, e.g. {@code scoring.md}.
     */
    public static List<String> jsonBlocks(final String page)
    {
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(docs().resolve(page), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        final List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (final String line : lines)
        {
            if (null == block && "```json".equals(line.trim()))
            {
                block = new StringBuilder();
            }
            else if (null != block && "```".equals(line.trim()))
            {
                blocks.add(block.toString());
                block = null;
            }
            else if (null != block)
            {
                block.append(line.trim());
            }
        }
        return blocks;
    }

    /**
     * @return the page's lines, trimmed.
     */
    public static List<String> lines(final String page)
    {
        try
        {
            return Files.readAllLines(docs().resolve(page), StandardCharsets.UTF_8).stream().map(String::trim).toList();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static Path docs()
    {
        for (Path dir = Path.of("").toAbsolutePath(); null != dir; dir = dir.getParent())
        {
            if (Files.isDirectory(dir.resolve("docs")) && Files.isRegularFile(dir.resolve("docs").resolve("protocol.md")))
            {
                return dir.resolve("docs");
            }
        }
        throw new IllegalStateException("no docs/ above " + Path.of("").toAbsolutePath());
    }
}
