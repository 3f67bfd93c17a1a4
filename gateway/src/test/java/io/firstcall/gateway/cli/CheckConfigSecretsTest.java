package io.firstcall.gateway.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code check-config} over files whose secrets are references: a reference that cannot be resolved
 * fails the check with the key's path, one that can passes.
 */
class CheckConfigSecretsTest
{
    /** No environment sets this. */
    private static final String UNSET = "FIRSTCALL_TEST_UNSET_7f3a9c";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldFailNamingTheKeyWhenAnEnvironmentVariableIsMissing() throws IOException
    {
        final Path file = Files.writeString(dir.resolve("firstcall.yaml"),
            "tenants:\n  - id: acme\n    token: t\n    repToken: ${env:" + UNSET + "}\n");

        assertEquals(ExitCodes.ERROR, execute("check-config", file.toString()));
        assertEquals(file + ": tenants[0].repToken: ${env:" + UNSET + "}: environment variable " + UNSET +
            " is not set", err.toString().trim());
    }

    @Test
    void shouldFailNamingTheKeyWhenASecretFileIsMissing() throws IOException
    {
        final Path secret = dir.resolve("ops-token");
        final Path file = Files.writeString(dir.resolve("firstcall.yaml"),
            "tenants:\n  - id: acme\n    token: ${file:" + secret + "}\n    repToken: rt\n");

        assertEquals(ExitCodes.ERROR, execute("check-config", file.toString()));
        assertEquals(file + ": tenants[0].token: ${file:" + secret + "}: no such file", err.toString().trim());
    }

    @Test
    void shouldPassWhenEveryReferenceResolves() throws IOException
    {
        final Path secret = Files.writeString(dir.resolve("token"), "from-a-file\n");
        final Path file = Files.writeString(dir.resolve("firstcall.yaml"),
            "tenants:\n  - id: acme\n    token: ${file:" + secret + "}\n    repToken: rt\n");

        assertEquals(ExitCodes.OK, execute("check-config", file.toString()), err.toString());
        assertTrue(out.toString().startsWith("OK " + file), out.toString());
    }

    private int execute(final String... args)
    {
        final CommandLine commandLine = FirstcallCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
