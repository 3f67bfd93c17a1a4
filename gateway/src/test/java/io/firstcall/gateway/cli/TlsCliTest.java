package io.firstcall.gateway.cli;

import io.firstcall.gateway.support.TestPki;
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
 * The command line with TLS configured: check-config loads the files, demo refuses (its simulated
 * clients speak plaintext) before starting anything.
 */
class TlsCliTest
{
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldCheckTheTlsFilesAndRefuseTheDemo() throws IOException
    {
        final TestPki.Issued server = TestPki.create(dir, "cli CA").server("server");
        final Path file = Files.writeString(dir.resolve("tls.yaml"),
            "gateway:\n  jsonPort: 0\n  sbePort: 0\n  httpPort: 0\n  tls:\n    certificate: " + server.certificateFile() +
            "\n    privateKey: " + server.privateKeyFile() + "\ntenants:\n  - {id: acme, token: t, repToken: r}\n");

        assertEquals(ExitCodes.OK, execute("check-config", file.toString()), err.toString());

        assertEquals(ExitCodes.ERROR, execute("demo", "--config", file.toString(), "--duration", "1",
            "--data", dir.resolve("data").toString()));
        assertTrue(err.toString().startsWith("demo: the demo's simulated sources and reps speak plaintext"), err.toString());
    }

    private int execute(final String... args)
    {
        final CommandLine commandLine = FirstcallCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
