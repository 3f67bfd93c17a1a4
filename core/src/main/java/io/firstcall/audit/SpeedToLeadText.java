package io.firstcall.audit;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The speed-to-lead report for people (text) and spreadsheets (CSV).
 */
public final class SpeedToLeadText
{
    private static final long NS_PER_SECOND = 1_000_000_000L;

    private SpeedToLeadText()
    {
    }

    public static void writeText(final PrintWriter out, final SpeedToLeadSnapshot snapshot, final TenantFigures.Dimension dimension)
    {
        out.printf("speed to lead: %d inputs, journal up to %s; window %s .. %s; never = no call within %s of becoming hot%n",
            snapshot.inputs(), time(snapshot.endNs(), Long.MIN_VALUE), time(snapshot.fromNs(), Long.MIN_VALUE),
            time(snapshot.toNs(), Long.MAX_VALUE), duration(snapshot.neverAfterNs()));
        for (final TenantFigures tenant : snapshot.tenants().values())
        {
            final Figures total = tenant.total();
            out.printf("%ntenant %s: %d hot leads, %d open%n", tenant.tenant(), total.hotLeads(), total.open());
            out.printf("  response from hot:  %s%n", times(total.fromHot()));
            out.printf("  response from form: %s%n", times(total.fromForm()));
            out.printf("  %-10s %6s %8s %8s %8s %6s %12s%n", "bucket", "leads", "connect", "qualify", "convert", "opps", "amount");
            for (final ResponseBucket bucket : ResponseBucket.VALUES)
            {
                out.printf("  %-10s %6d %8s %8s %8s %6d %12s%n", bucket.label(), total.leads(bucket),
                    percent(total.rate(total.connected(bucket), bucket)), percent(total.rate(total.qualified(bucket), bucket)),
                    percent(total.rate(total.converted(bucket), bucket)), total.opportunities(bucket),
                    amount(total.opportunityCents(bucket)));
            }
            out.printf("  alerts %d, claims %d (%s), lapses %d, escalations %d%n", total.alerts(), total.claims(),
                percent(total.claimRate()), total.lapses(), total.escalations());

            final String by = dimension.name().toLowerCase(Locale.ROOT);
            out.printf("  by %s:%n", by);
            out.printf("  %-16s %5s %5s %5s %5s %5s %5s %9s %9s %9s %6s %6s %6s %6s %5s%n", by, "hot", "le5m", "le30m", "gt30m",
                "never", "open", "avg", "median", "p90", "alerts", "claims", "claim%", "lapses", "esc");
            for (final Map.Entry<String, Figures> group : tenant.by(dimension).entrySet())
            {
                final Figures f = group.getValue();
                final ResponseTimes times = f.fromHot();
                out.printf("  %-16s %5d %5d %5d %5d %5d %5d %9s %9s %9s %6d %6d %6s %6d %5d%n", group.getKey(), f.hotLeads(),
                    f.leads(ResponseBucket.WITHIN_5_MIN), f.leads(ResponseBucket.WITHIN_30_MIN), f.leads(ResponseBucket.OVER_30_MIN),
                    f.leads(ResponseBucket.NEVER), f.open(), mean(times), duration(times.medianNs()), duration(times.p90Ns()),
                    f.alerts(), f.claims(), percent(f.claimRate()), f.lapses(), f.escalations());
            }
            if (TenantFigures.Dimension.SOURCE == dimension)
            {
                out.printf("  opportunities by source and bucket (count / amount):%n");
                for (final Map.Entry<String, Figures> group : tenant.by(dimension).entrySet())
                {
                    final StringBuilder line = new StringBuilder(String.format("  %-16s", group.getKey()));
                    for (final ResponseBucket bucket : ResponseBucket.VALUES)
                    {
                        line.append(String.format(" %s %d / %s", bucket.key(), group.getValue().opportunities(bucket),
                            amount(group.getValue().opportunityCents(bucket))));
                    }
                    out.println(line);
                }
            }
        }
        out.flush();
    }

    /**
     * One row per tenant and group (the tenant's total is the group "*"), every figure a column.
     */
    public static void writeCsv(final PrintWriter out, final SpeedToLeadSnapshot snapshot, final TenantFigures.Dimension dimension)
    {
        final StringBuilder header = new StringBuilder("tenant,by,group,hot_leads,open");
        for (final ResponseBucket bucket : ResponseBucket.VALUES)
        {
            final String b = bucket.key();
            header.append(',').append(b).append("_leads,").append(b).append("_connect_rate,").append(b)
                .append("_qualification_rate,").append(b).append("_conversion_rate,").append(b).append("_opportunities,")
                .append(b).append("_opportunity_amount");
        }
        header.append(",response_leads,response_avg_s,response_median_s,response_p90_s")
            .append(",form_response_leads,form_response_avg_s,form_response_median_s,form_response_p90_s")
            .append(",alerts,claims,claim_rate,lapses,escalations");
        out.println(header);
        final String by = dimension.name().toLowerCase(Locale.ROOT);
        for (final TenantFigures tenant : snapshot.tenants().values())
        {
            row(out, tenant.tenant(), by, "*", tenant.total());
            for (final Map.Entry<String, Figures> group : tenant.by(dimension).entrySet())
            {
                row(out, tenant.tenant(), by, group.getKey(), group.getValue());
            }
        }
        out.flush();
    }

    private static void row(final PrintWriter out, final String tenant, final String by, final String group, final Figures f)
    {
        final StringBuilder row = new StringBuilder();
        row.append(csv(tenant)).append(',').append(by).append(',').append(csv(group)).append(',').append(f.hotLeads())
            .append(',').append(f.open());
        for (final ResponseBucket bucket : ResponseBucket.VALUES)
        {
            row.append(',').append(f.leads(bucket))
                .append(',').append(number(f.rate(f.connected(bucket), bucket)))
                .append(',').append(number(f.rate(f.qualified(bucket), bucket)))
                .append(',').append(number(f.rate(f.converted(bucket), bucket)))
                .append(',').append(f.opportunities(bucket))
                .append(',').append(amount(f.opportunityCents(bucket)));
        }
        times(row, f.fromHot());
        times(row, f.fromForm());
        row.append(',').append(f.alerts()).append(',').append(f.claims()).append(',').append(number(f.claimRate()))
            .append(',').append(f.lapses()).append(',').append(f.escalations());
        out.println(row);
    }

    private static void times(final StringBuilder row, final ResponseTimes times)
    {
        row.append(',').append(times.count());
        if (0 == times.count())
        {
            row.append(",,,");
            return;
        }
        row.append(',').append(number(times.meanNs() / NS_PER_SECOND))
            .append(',').append(number((double)times.medianNs() / NS_PER_SECOND))
            .append(',').append(number((double)times.p90Ns() / NS_PER_SECOND));
    }

    private static String csv(final String text)
    {
        return text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static String number(final double value)
    {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String times(final ResponseTimes times)
    {
        if (0 == times.count())
        {
            return "no lead called";
        }
        return String.format("avg %s, median %s, p90 %s (%d leads)", mean(times), duration(times.medianNs()),
            duration(times.p90Ns()), times.count());
    }

    private static String mean(final ResponseTimes times)
    {
        return 0 == times.count() ? "-" : duration(Math.round(times.meanNs()));
    }

    /**
     * @return e.g. {@code 45s}, {@code 4m30s}, {@code 2h05m}, {@code 3d04h}; "-" for none (negative).
     */
    static String duration(final long ns)
    {
        if (ns < 0)
        {
            return "-";
        }
        final long seconds = Math.round(ns / 1e9);
        if (seconds < 60)
        {
            return seconds + "s";
        }
        if (seconds < 3600)
        {
            return String.format("%dm%02ds", seconds / 60, seconds % 60);
        }
        if (seconds < 86_400)
        {
            return String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format("%dd%02dh", seconds / 86_400, seconds % 86_400 / 3600);
    }

    private static String percent(final double rate)
    {
        return Double.isNaN(rate) ? "-" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    private static String amount(final long cents)
    {
        return java.math.BigDecimal.valueOf(cents, 2).toPlainString();
    }

    private static String time(final long ns, final long none)
    {
        return none == ns ? "-" : Instant.ofEpochSecond(0, ns).toString();
    }
}
