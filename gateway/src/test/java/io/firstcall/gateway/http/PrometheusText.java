package io.firstcall.gateway.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4, for tests: it rejects anything a
 * Prometheus server would, and a few things it would merely tolerate (a sample before its family's
 * TYPE, a family split in two, a repeated series).
 */
final class PrometheusText
{
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    record Sample(String name, Map<String, String> labels, double value)
    {
    }

    private final Map<String, String> types = new LinkedHashMap<>();
    private final Map<String, String> helps = new HashMap<>();
    private final List<Sample> samples = new ArrayList<>();
    private final Set<String> closedFamilies = new HashSet<>();
    private final Set<String> series = new HashSet<>();
    private String currentFamily;
    private int lineNumber;

    private PrometheusText()
    {
    }

    /**
     * @throws IllegalArgumentException naming the first offending line.
     */
    static PrometheusText parse(final String text)
    {
        if (!text.isEmpty() && !text.endsWith("\n"))
        {
            throw new IllegalArgumentException("the last line must end with a line feed");
        }
        final PrometheusText parsed = new PrometheusText();
        if (text.isEmpty())
        {
            return parsed;
        }
        for (final String line : text.substring(0, text.length() - 1).split("\n", -1))
        {
            parsed.lineNumber++;
            parsed.parseLine(line);
        }

        return parsed;
    }

    Map<String, String> types()
    {
        return types;
    }

    List<Sample> samples()
    {
        return samples;
    }

    /**
     * @param labelPairs name, value, name, value...
     * @return the value of the one sample with that name and exactly those labels.
     */
    double value(final String name, final String... labelPairs)
    {
        final Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < labelPairs.length; i += 2)
        {
            labels.put(labelPairs[i], labelPairs[i + 1]);
        }
        for (final Sample sample : samples)
        {
            if (sample.name().equals(name) && sample.labels().equals(labels))
            {
                return sample.value();
            }
        }
        throw new AssertionError("no sample " + name + labels);
    }

    private void parseLine(final String line)
    {
        if (line.isEmpty())
        {
            return;
        }
        if (line.startsWith("#"))
        {
            parseComment(line);
            return;
        }
        parseSample(line);
    }

    private void parseComment(final String line)
    {
        final String[] parts = line.split(" ", 4);
        if (parts.length < 2 || !"#".equals(parts[0]) || !("HELP".equals(parts[1]) || "TYPE".equals(parts[1])))
        {
            return; // an ordinary comment
        }
        if (parts.length < 3 || ("TYPE".equals(parts[1]) && parts.length < 4))
        {
            throw fail("incomplete " + parts[1] + " line");
        }
        final String name = parts[2];
        requireName(name);
        if ("HELP".equals(parts[1]))
        {
            if (null != helps.put(name, parts.length > 3 ? parts[3] : ""))
            {
                throw fail("second HELP for " + name);
            }
            checkEscapes(parts.length > 3 ? parts[3] : "");
            return;
        }
        if (!TYPES.contains(parts[3]))
        {
            throw fail("unknown type " + parts[3]);
        }
        if (null != types.put(name, parts[3]))
        {
            throw fail("second TYPE for " + name);
        }
        if (closedFamilies.contains(name) || name.equals(currentFamily))
        {
            throw fail("TYPE after samples of " + name);
        }
    }

    private void parseSample(final String line)
    {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ')
        {
            i++;
        }
        final String name = line.substring(0, i);
        requireName(name);

        final Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{')
        {
            i = parseLabels(line, i + 1, labels);
        }
        if (i >= line.length() || line.charAt(i) != ' ')
        {
            throw fail("expected a space before the value");
        }
        final String[] valueAndTimestamp = line.substring(i + 1).split(" ", -1);
        if (valueAndTimestamp.length > 2)
        {
            throw fail("trailing text after value and timestamp");
        }
        final double value = parseValue(valueAndTimestamp[0]);
        if (valueAndTimestamp.length == 2 && !valueAndTimestamp[1].matches("-?[0-9]+"))
        {
            throw fail("bad timestamp " + valueAndTimestamp[1]);
        }

        final String family = family(name);
        if (!family.equals(currentFamily))
        {
            if (null != currentFamily)
            {
                closedFamilies.add(currentFamily);
            }
            if (closedFamilies.contains(family))
            {
                throw fail("samples of " + family + " are not grouped together");
            }
            currentFamily = family;
        }
        if ("summary".equals(types.get(family)) && name.equals(family) && !labels.containsKey("quantile"))
        {
            throw fail("summary sample without a quantile label");
        }
        if (!series.add(name + labels))
        {
            throw fail("repeated series " + name + labels);
        }
        samples.add(new Sample(name, labels, value));
    }

    private int parseLabels(final String line, final int start, final Map<String, String> labels)
    {
        int i = start;
        while (true)
        {
            if (i >= line.length())
            {
                throw fail("unterminated labels");
            }
            if (line.charAt(i) == '}')
            {
                return i + 1;
            }
            final int equals = line.indexOf('=', i);
            if (equals < 0)
            {
                throw fail("label without '='");
            }
            final String labelName = line.substring(i, equals);
            if (!LABEL_NAME.matcher(labelName).matches())
            {
                throw fail("bad label name '" + labelName + "'");
            }
            if (equals + 1 >= line.length() || line.charAt(equals + 1) != '"')
            {
                throw fail("label value must be quoted");
            }
            final StringBuilder value = new StringBuilder();
            i = equals + 2;
            while (true)
            {
                if (i >= line.length())
                {
                    throw fail("unterminated label value");
                }
                final char c = line.charAt(i++);
                if (c == '"')
                {
                    break;
                }
                if (c == '\\')
                {
                    final char escaped = i < line.length() ? line.charAt(i++) : 0;
                    if (escaped != '\\' && escaped != '"' && escaped != 'n')
                    {
                        throw fail("bad escape in label value");
                    }
                    value.append(escaped == 'n' ? '\n' : escaped);
                }
                else
                {
                    value.append(c);
                }
            }
            if (null != labels.put(labelName, value.toString()))
            {
                throw fail("repeated label " + labelName);
            }
            if (i < line.length() && line.charAt(i) == ',')
            {
                i++;
            }
            else if (i >= line.length() || line.charAt(i) != '}')
            {
                throw fail("expected ',' or '}' after a label");
            }
        }
    }

    /**
     * @return the TYPE'd family the sample belongs to.
     */
    private String family(final String name)
    {
        if (types.containsKey(name))
        {
            return name;
        }
        for (final String suffix : new String[]{ "_total", "_sum", "_count", "_bucket", "_created" })
        {
            if (name.endsWith(suffix))
            {
                final String base = name.substring(0, name.length() - suffix.length());
                final String type = types.get(base);
                if (null != type && allows(type, suffix))
                {
                    return base;
                }
            }
        }
        throw fail("sample " + name + " has no TYPE before it");
    }

    private static boolean allows(final String type, final String suffix)
    {
        switch (type)
        {
            case "counter":
                return "_total".equals(suffix) || "_created".equals(suffix);
            case "summary":
                return "_sum".equals(suffix) || "_count".equals(suffix) || "_created".equals(suffix);
            case "histogram":
                return !"_total".equals(suffix);
            default:
                return false;
        }
    }

    private double parseValue(final String text)
    {
        switch (text)
        {
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                if (!text.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?"))
                {
                    throw fail("bad value '" + text + "'");
                }
                return Double.parseDouble(text);
        }
    }

    private void checkEscapes(final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            if (text.charAt(i) == '\\')
            {
                final char escaped = i + 1 < text.length() ? text.charAt(++i) : 0;
                if (escaped != '\\' && escaped != 'n')
                {
                    throw fail("bad escape in HELP");
                }
            }
        }
    }

    private void requireName(final String name)
    {
        if (!METRIC_NAME.matcher(name).matches())
        {
            throw fail("bad metric name '" + name + "'");
        }
    }

    private IllegalArgumentException fail(final String message)
    {
        return new IllegalArgumentException("line " + lineNumber + ": " + message);
    }
}
