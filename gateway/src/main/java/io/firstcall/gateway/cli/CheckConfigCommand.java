package io.firstcall.gateway.cli;

import io.firstcall.gateway.GatewayContext;
import io.firstcall.gateway.config.ConfigException;
import io.firstcall.gateway.config.ConfigLoader;
import io.firstcall.gateway.config.FirstcallConfig;
import io.firstcall.gateway.config.TenantConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.StringJoiner;
import java.util.concurrent.Callable;

/**
 * {@code firstcall check-config FILE}: load and validate a configuration without starting anything.
 */
@Command(
    name = "check-config",
    mixinStandardHelpOptions = true,
    description = "Validate a configuration file: print OK, or the error naming the key; exit 1 on error.")
final class CheckConfigCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "FILE", description = "The configuration file (YAML).")
    private Path file;

    @Spec
    private CommandSpec spec;

    public Integer call()
    {
        final FirstcallConfig config;
        try
        {
            config = ConfigLoader.load(file);
        }
        catch (final ConfigException ex)
        {
            spec.commandLine().getErr().println(file + ": " + ex.getMessage());
            return ExitCodes.ERROR;
        }

        spec.commandLine().getOut().println("OK " + file + ": " + describe(config));
        return ExitCodes.OK;
    }

    static String describe(final FirstcallConfig config)
    {
        final StringJoiner tenants = new StringJoiner(",");
        for (final TenantConfig tenant : config.tenants())
        {
            tenants.add(tenant.id());
        }
        final GatewayContext gateway = config.gateway();
        return "tenants " + tenants + "; " + gateway.host() + " json " + gateway.jsonPort() + ", sbe " +
            gateway.sbePort() + ", http " + gateway.httpPort() + "; data " + config.engine().dataDir();
    }
}
