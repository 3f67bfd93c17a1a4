package io.firstcall.dist;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The distribution archive, unpacked in an empty directory, runs with nothing but a JDK: the
 * environment is emptied but for PATH and JAVA_HOME, and the working directory is outside the build.
 */
class DistributionIT
{
    private static final Pattern HTTP_PORT = Pattern.compile("firstcall listening on .*, http (\\d+);");
    private static final long START_TIMEOUT_S = 60;

    @TempDir
    Path dir;

    private Path home;
    private Process server;

    @BeforeEach
    void unpack() throws Exception
    {
        final Path archive = Paths.get(System.getProperty("firstcall.dist.archive"));
        assertTrue(Files.isRegularFile(archive), "mvn package builds " + archive);
        assertEquals(0, run(List.of("tar", "-xzf", archive.toString(), "-C", dir.toString()), dir).exitCode);
        home = dir.resolve(System.getProperty("firstcall.dist.name"));
    }

    @AfterEach
    void stop() throws InterruptedException
    {
        if (null != server && server.isAlive())
        {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldHoldTheLauncherTheJarsAnExampleConfigurationAndASystemdUnit() throws IOException
    {
        assertTrue(Files.isExecutable(home.resolve("bin/firstcall")));
        try (Stream<Path> jars = Files.list(home.resolve("lib")))
        {
            final List<String> names = jars.map(jar -> jar.getFileName().toString()).collect(Collectors.toList());
            assertTrue(names.stream().anyMatch(name -> name.startsWith("firstcall-gateway-")), names.toString());
            assertTrue(names.stream().anyMatch(name -> name.startsWith("logback-classic-")), names.toString());
        }
        assertTrue(Files.readString(home.resolve("config/firstcall.yaml")).contains("CHANGE-ME"));
        assertTrue(Files.readString(home.resolve("systemd/firstcall.service")).contains(
            "ExecStart=/opt/firstcall/bin/firstcall run --config /etc/firstcall/firstcall.yaml"));
        assertTrue(Files.isRegularFile(home.resolve("docs/operations.md")));
    }

    @Test
    void shouldPrintTheVersionAndCommit() throws Exception
    {
        final Result version = run(List.of(home.resolve("bin/firstcall").toString(), "--version"), dir);

        assertEquals(0, version.exitCode, version.output);
        final String expected = "firstcall " + System.getProperty("firstcall.test.project.version") + " (commit " + headCommit();
        assertTrue(version.output.startsWith(expected), "expected " + expected + "..., got " + version.output);
    }

    @Test
    void shouldAcceptItsOwnExampleConfiguration() throws Exception
    {
        final Result check = run(List.of(home.resolve("bin/firstcall").toString(), "check-config", "config/firstcall.yaml"), home);

        assertEquals(0, check.exitCode, check.output);
        assertTrue(check.output.startsWith("OK config/firstcall.yaml: tenants acme"), check.output);
    }

    @Test
    void shouldStartFromTheExampleConfigurationAndAnswerHealth() throws Exception
    {
        final String example = Files.readString(home.resolve("config/firstcall.yaml"));
        final String local = example
            .replace("dataDir: /var/lib/firstcall", "dataDir: " + dir.resolve("data"))
            .replace("host: 0.0.0.0", "host: 127.0.0.1")
            .replaceAll("(jsonPort|sbePort|httpPort): \\d+", "$1: 0");
        final Path config = Files.writeString(dir.resolve("local.yaml"), local);

        server = process(List.of(home.resolve("bin/firstcall").toString(), "run", "--config", config.toString()), dir);
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final Thread reader = new Thread(() -> readLines(server, lines), "dist-server-output");
        reader.setDaemon(true);
        reader.start();

        final int httpPort = awaitHttpPort(lines);
        final HttpResponse<String> health = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"up\"}\n", health.body());

        server.destroy();
        assertTrue(server.waitFor(30, TimeUnit.SECONDS), "stopped on SIGTERM");
        assertEquals(143, server.exitValue(), "a graceful stop on SIGTERM");
        assertTrue(Files.isDirectory(dir.resolve("data/input")), "journaled where the configuration says");
    }

    @Test
    void shouldShipASystemdUnitThatSystemdAccepts() throws Exception
    {
        Assumptions.assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not on the PATH");
        final String unit = Files.readString(home.resolve("systemd/firstcall.service"))
            .replace("/opt/firstcall/bin/firstcall", home.resolve("bin/firstcall").toString());
        final Path copy = Files.writeString(dir.resolve("firstcall.service"), unit);

        final Result verify = run(List.of("systemd-analyze", "verify", copy.toString()), dir);

        assertEquals(0, verify.exitCode, verify.output);
    }

    private static int awaitHttpPort(final BlockingQueue<String> lines) throws InterruptedException
    {
        final StringBuilder seen = new StringBuilder();
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_S);
        while (System.nanoTime() < deadlineNs)
        {
            final String line = lines.poll(1, TimeUnit.SECONDS);
            if (null != line)
            {
                seen.append(line).append('\n');
                final Matcher matcher = HTTP_PORT.matcher(line);
                if (matcher.find())
                {
                    return Integer.parseInt(matcher.group(1));
                }
            }
        }
        throw new AssertionError("no listening line within " + START_TIMEOUT_S + " s:\n" + seen);
    }

    private static void readLines(final Process process, final BlockingQueue<String> lines)
    {
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while (null != (line = reader.readLine()))
            {
                lines.add(line);
            }
        }
        catch (final IOException ex)
        {
            lines.add("read failed: " + ex);
        }
    }

    /**
     * Only a JDK: no Maven, no project, nothing else from the test's environment.
     */
    private static Process process(final List<String> command, final Path workingDir) throws IOException
    {
        final ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
        final Map<String, String> environment = builder.environment();
        final String path = environment.getOrDefault("PATH", "/usr/bin:/bin");
        environment.clear();
        environment.put("PATH", path);
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start();
    }

    private static Result run(final List<String> command, final Path workingDir) throws Exception
    {
        final Process process = process(command, workingDir);
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "finished: " + command);
        return new Result(process.exitValue(), output);
    }

    private static String headCommit() throws Exception
    {
        try
        {
            final Result git = run(List.of("git", "rev-parse", "--short=7", "HEAD"), Paths.get("").toAbsolutePath());
            return 0 == git.exitCode ? git.output.trim() : "unknown";
        }
        catch (final IOException ex)
        {
            return "unknown";
        }
    }

    private static boolean onPath(final String executable)
    {
        for (final String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        {
            if (!directory.isEmpty() && Files.isExecutable(Paths.get(directory, executable)))
            {
                return true;
            }
        }
        return false;
    }

    private static final class Result
    {
        final int exitCode;
        final String output;

        Result(final int exitCode, final String output)
        {
            this.exitCode = exitCode;
            this.output = output;
        }
    }
}
