package io.firstcall.gateway;

import io.netty.handler.ssl.ClientAuth;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * TLS settings of the gateway's listeners, part of {@link GatewayContext}: TLS is on for every
 * listener (JSON lines, SBE, HTTP and its WebSocket) once a certificate and its key are set, and off
 * by default. Defaults come from system properties under {@code firstcall.gateway.tls.}.
 */
public final class TlsContext
{
    public static final String CERTIFICATE_PROP_NAME = "firstcall.gateway.tls.certificate";
    public static final String PRIVATE_KEY_PROP_NAME = "firstcall.gateway.tls.private.key";
    public static final String CLIENT_CA_PROP_NAME = "firstcall.gateway.tls.client.ca";
    public static final String CLIENT_AUTH_PROP_NAME = "firstcall.gateway.tls.client.auth";
    public static final ClientAuth CLIENT_AUTH_DEFAULT = ClientAuth.NONE;
    public static final String RELOAD_INTERVAL_MS_PROP_NAME = "firstcall.gateway.tls.reload.interval.ms";
    public static final long RELOAD_INTERVAL_MS_DEFAULT = 10_000;
    public static final String PROVIDER_PROP_NAME = "firstcall.gateway.tls.provider";
    public static final String PROVIDER_DEFAULT = "auto";

    private Path certificateFile = path(System.getProperty(CERTIFICATE_PROP_NAME));
    private Path privateKeyFile = path(System.getProperty(PRIVATE_KEY_PROP_NAME));
    private Path clientCaFile = path(System.getProperty(CLIENT_CA_PROP_NAME));
    private ClientAuth clientAuth = ClientAuth.valueOf(System.getProperty(
        CLIENT_AUTH_PROP_NAME, CLIENT_AUTH_DEFAULT.name()).toUpperCase(Locale.ROOT));
    private long reloadIntervalMs = Long.getLong(RELOAD_INTERVAL_MS_PROP_NAME, RELOAD_INTERVAL_MS_DEFAULT);
    private String provider = System.getProperty(PROVIDER_PROP_NAME, PROVIDER_DEFAULT);

    /**
     * @throws IllegalArgumentException naming the setting at fault.
     */
    public TlsContext conclude()
    {
        if ((null == certificateFile) != (null == privateKeyFile))
        {
            throw new IllegalArgumentException(CERTIFICATE_PROP_NAME + " and " + PRIVATE_KEY_PROP_NAME +
                " must be set together");
        }
        if (!isEnabled() && (null != clientCaFile || ClientAuth.NONE != clientAuth))
        {
            throw new IllegalArgumentException(CLIENT_CA_PROP_NAME + " and " + CLIENT_AUTH_PROP_NAME +
                " need TLS: set " + CERTIFICATE_PROP_NAME + " and " + PRIVATE_KEY_PROP_NAME);
        }
        if (ClientAuth.NONE != clientAuth && null == clientCaFile)
        {
            throw new IllegalArgumentException(CLIENT_AUTH_PROP_NAME + " " +
                clientAuth.name().toLowerCase(Locale.ROOT) + " needs " + CLIENT_CA_PROP_NAME);
        }
        if (!"auto".equals(provider) && !"openssl".equals(provider) && !"jdk".equals(provider))
        {
            throw new IllegalArgumentException(PROVIDER_PROP_NAME + " must be auto, openssl or jdk: " + provider);
        }
        if (reloadIntervalMs < 0)
        {
            throw new IllegalArgumentException(RELOAD_INTERVAL_MS_PROP_NAME + " must be >= 0: " + reloadIntervalMs);
        }
        return this;
    }

    /**
     * @return true when the listeners speak TLS: a certificate and its key are set.
     */
    public boolean isEnabled()
    {
        return null != certificateFile;
    }

    /**
     * PEM file with the server's certificate first, then the intermediates; null for no TLS.
     */
    public Path certificateFile()
    {
        return certificateFile;
    }

    public TlsContext certificateFile(final Path certificateFile)
    {
        this.certificateFile = certificateFile;
        return this;
    }

    /**
     * PEM file with the certificate's private key, unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}).
     */
    public Path privateKeyFile()
    {
        return privateKeyFile;
    }

    public TlsContext privateKeyFile(final Path privateKeyFile)
    {
        this.privateKeyFile = privateKeyFile;
        return this;
    }

    /**
     * PEM bundle of the CAs a client certificate on the JSON lines and SBE ports must chain to; null for none.
     */
    public Path clientCaFile()
    {
        return clientCaFile;
    }

    public TlsContext clientCaFile(final Path clientCaFile)
    {
        this.clientCaFile = clientCaFile;
        return this;
    }

    /**
     * Whether clients of the JSON lines and SBE ports must present a certificate (mutual TLS); the
     * HTTP port never asks for one.
     */
    public ClientAuth clientAuth()
    {
        return clientAuth;
    }

    public TlsContext clientAuth(final ClientAuth clientAuth)
    {
        this.clientAuth = clientAuth;
        return this;
    }

    /**
     * How often the TLS files are checked for a change (modification time or size); 0 never.
     */
    public long reloadIntervalMs()
    {
        return reloadIntervalMs;
    }

    public TlsContext reloadIntervalMs(final long reloadIntervalMs)
    {
        this.reloadIntervalMs = reloadIntervalMs;
        return this;
    }

    /**
     * auto (OpenSSL when netty-tcnative loads, else the JDK), openssl or jdk.
     */
    public String provider()
    {
        return provider;
    }

    public TlsContext provider(final String provider)
    {
        this.provider = provider;
        return this;
    }

    private static Path path(final String name)
    {
        return null == name ? null : Paths.get(name);
    }
}
