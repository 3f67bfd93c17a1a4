package io.firstcall.gateway.cli;

import io.firstcall.gateway.config.ConfigException;
import io.firstcall.gateway.config.ConfigLoader;
import io.firstcall.gateway.config.FirstcallConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The {@code --config FILE} and {@code --data DIR} options shared by the commands that start a server.
 */
final class ConfigOptions
{
    @Option(names = "--config", paramLabel = "FILE",
        description = "Configuration file (YAML, see docs/configuration.md); default: the embedded default " +
            "(tenant 'demo', 127.0.0.1, ports 7070/7071/8080).")
    private Path configFile;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory; overrides engine.dataDir.")
    private Path dataDir;

    /**
     * @throws ConfigException with the file's name in front of the key at fault.
     */
    FirstcallConfig load()
    {
        final FirstcallConfig config;
        try
        {
            config = null == configFile ? ConfigLoader.loadDefault() : ConfigLoader.load(configFile);
        }
        catch (final ConfigException ex)
        {
            throw new ConfigException((null == configFile ? ConfigLoader.DEFAULT_ORIGIN : configFile) + ": " +
                ex.getMessage(), ex);
        }
        return null == dataDir ? config : config.dataDir(dataDir);
    }

    boolean hasDataDir()
    {
        return null != dataDir;
    }
}
