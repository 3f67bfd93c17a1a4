package io.firstcall.gateway.support;

import io.firstcall.gateway.cli.FirstcallCli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code firstcall run} in a JVM of its own, started as the launcher script would (this JVM's flags,
 * which carry the ones Chronicle needs, and the test classpath), so a test can kill it with SIGKILL.
 * Its standard error goes to a log file the test can show when it fails.
 */
public final class ServerProcess implements AutoCloseable
{
    private static final Pattern LISTENING = Pattern.compile("json (\\d+), sbe (\\d+), http (\\d+);");
    private static final long START_TIMEOUT_MS = 60_000;

    private final Process process;
    private final Path log;
    private final LinkedBlockingQueue<String> output = new LinkedBlockingQueue<>();
    private int jsonPort;
    private int httpPort;

    private ServerProcess(final Process process, final Path log)
    {
        this.process = process;
        this.log = log;
        final Thread reader = new Thread(this::readOutput, "server-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Start {@code firstcall run} and wait until it listens.
     *
     * @param properties extra JVM options, e.g. {@code -Dfirstcall.gateway.json.port=0}.
     * @param arguments  the arguments after {@code run}.
     */
    public static ServerProcess run(final Path log, final List<String> properties, final String... arguments)
    {
        final List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (!argument.startsWith("-agentlib") && !argument.startsWith("-javaagent") && !argument.startsWith("-Xdebug"))
            {
                command.add(argument);
            }
        }
        command.addAll(properties);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(FirstcallCli.class.getName());
        command.add("run");
        command.addAll(List.of(arguments));

        try
        {
            final Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
            final ServerProcess server = new ServerProcess(process, log);
            server.awaitListening();
            return server;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    public int jsonPort()
    {
        return jsonPort;
    }

    public int httpPort()
    {
        return httpPort;
    }

    /**
     * SIGKILL: no shutdown hook, no flush, no close.
     */
    public void killHard()
    {
        process.destroyForcibly();
        awaitExit();
    }

    /**
     * SIGTERM: the graceful shutdown.
     *
     * @return the exit code.
     */
    public int stop()
    {
        process.destroy();
        return awaitExit();
    }

    /**
     * @return the server's log so far, for a failure message.
     */
    public String log()
    {
        try
        {
            final String text = Files.readString(log);
            return text.length() > 20_000 ? text.substring(text.length() - 20_000) : text;
        }
        catch (final IOException ex)
        {
            return "(no log: " + ex + ")";
        }
    }

    public void close()
    {
        if (process.isAlive())
        {
            killHard();
        }
    }

    private void awaitListening()
    {
        try
        {
            final String line = output.poll(START_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            final Matcher matcher = null == line ? null : LISTENING.matcher(line);
            if (null == matcher || !matcher.find())
            {
                close();
                throw new AssertionError("the server did not start: " + line + "\n" + log());
            }
            jsonPort = Integer.parseInt(matcher.group(1));
            httpPort = Integer.parseInt(matcher.group(3));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private int awaitExit()
    {
        try
        {
            if (!process.waitFor(START_TIMEOUT_MS, TimeUnit.MILLISECONDS))
            {
                process.destroyForcibly();
                throw new AssertionError("the server did not exit\n" + log());
            }
            return process.exitValue();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private void readOutput()
    {
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while (null != (line = reader.readLine()))
            {
                output.add(line);
            }
        }
        catch (final IOException ignore)
        {
            // The process is gone; awaitListening reports a server that never said it listens.
        }
    }
}
