package io.firstcall.gateway.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What {@code firstcall --version} prints: the version Maven filtered into {@code version.properties}
 * and the commit git-commit-id-maven-plugin wrote to {@code git.properties}, both next to this class.
 * A build outside a git checkout has no commit; it says so rather than failing.
 * <pre>
 * firstcall 0.1.0-SNAPSHOT (commit 02b9875, 2026-11-27T05:21:41Z)
 * </pre>
 */
final class BuildInfo
{
    static final String VERSION_RESOURCE = "version.properties";
    static final String GIT_RESOURCE = "git.properties";
    static final String UNKNOWN = "unknown";

    private final String version;
    private final String commit;
    private final String commitTime;
    private final boolean isDirty;

    private BuildInfo(final Properties versionProperties, final Properties gitProperties)
    {
        version = versionProperties.getProperty("version", UNKNOWN);
        commit = gitProperties.getProperty("git.commit.id.abbrev", UNKNOWN);
        commitTime = gitProperties.getProperty("git.commit.time");
        isDirty = Boolean.parseBoolean(gitProperties.getProperty("git.dirty"));
    }

    /**
     * @return the build's version and commit, from this class's classpath.
     */
    static BuildInfo load()
    {
        return of(properties(VERSION_RESOURCE), properties(GIT_RESOURCE));
    }

    /**
     * @param versionProperties with {@code version}.
     * @param gitProperties with {@code git.commit.id.abbrev}, {@code git.commit.time} and {@code git.dirty},
     *                      or empty when the build had no commit to record.
     */
    static BuildInfo of(final Properties versionProperties, final Properties gitProperties)
    {
        return new BuildInfo(versionProperties, gitProperties);
    }

    String version()
    {
        return version;
    }

    String commit()
    {
        return commit;
    }

    /**
     * @return e.g. {@code firstcall 0.1.0 (commit 02b9875, 2026-11-27T05:21:41Z)}; a build from a tree
     * with uncommitted changes adds {@code , modified}.
     */
    String line()
    {
        final StringBuilder line = new StringBuilder("firstcall ").append(version).append(" (commit ").append(commit);
        if (null != commitTime)
        {
            line.append(", ").append(commitTime);
        }
        if (isDirty)
        {
            line.append(", modified");
        }
        return line.append(')').toString();
    }

    private static Properties properties(final String resource)
    {
        final Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(resource))
        {
            if (null != in)
            {
                properties.load(in);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + resource, ex);
        }
        return properties;
    }
}
