package io.firstcall.gateway.tls;

import io.firstcall.gateway.TlsContext;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.concurrent.DefaultThreadFactory;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The TLS side of the listeners: two Netty {@link SslContext}s built from the PEM files of a
 * {@link TlsContext}, one for the JSON lines and SBE ports (asking for client certificates when
 * mutual TLS is on) and one for the HTTP port (never asking: browsers, probes and Prometheus).
 * TLS 1.2 and 1.3 only. OpenSSL (BoringSSL from netty-tcnative) where it loads, else the JDK.
 * <p>
 * Reload: {@link #reloadIfChanged()} rebuilds both contexts when a file's modification time, size or
 * identity changed (an atomic rename or a Kubernetes secret's symlink swap counts) and swaps them in
 * for new connections; open connections keep the certificate they shook hands with. A file set that
 * does not load (a key written before its certificate, say) is logged and the old contexts stay;
 * the next change is tried again. {@link #startReloading()} runs the check every
 * {@link TlsContext#reloadIntervalMs()} on a thread of its own, so reading files never stalls an I/O loop.
 */
public final class ServerTls implements AutoCloseable
{
    static final String[] PROTOCOLS = { "TLSv1.3", "TLSv1.2" };

    private static final Logger LOG = System.getLogger("firstcall.tls");
    private static final String CERTIFICATE_KEY = "gateway.tls.certificate";
    private static final String PRIVATE_KEY_KEY = "gateway.tls.privateKey";
    private static final String CLIENT_CA_KEY = "gateway.tls.clientCa";

    private final TlsContext context;
    private final SslProvider provider;
    private volatile Loaded loaded;
    private ScheduledExecutorService reloader;

    private ServerTls(final TlsContext context, final SslProvider provider, final Loaded loaded)
    {
        this.context = context;
        this.provider = provider;
        this.loaded = loaded;
    }

    /**
     * Read the files and build the contexts.
     *
     * @throws IllegalArgumentException naming the setting at fault ({@code gateway.tls.certificate: ...}).
     */
    public static ServerTls load(final TlsContext context)
    {
        final SslProvider provider = provider(context.provider());
        final Loaded loaded = Loaded.read(context, provider);
        log(Level.INFO, "TLS on: " + loaded.description + "; provider " + provider);
        warnIfExpired(loaded.leaf);
        return new ServerTls(context, provider, loaded);
    }

    /**
     * Read the files and build the contexts as {@link #load} does, then drop them: for check-config.
     *
     * @throws IllegalArgumentException naming the setting at fault.
     */
    public static void check(final TlsContext context)
    {
        Loaded.read(context, provider(context.provider()));
    }

    /**
     * @return the context new JSON lines and SBE connections get.
     */
    public SslContext sourcesContext()
    {
        return loaded.sources;
    }

    /**
     * @return the context new HTTP connections get.
     */
    public SslContext httpContext()
    {
        return loaded.http;
    }

    /**
     * @return the provider in use: OPENSSL or JDK.
     */
    public SslProvider provider()
    {
        return provider;
    }

    /**
     * Check the files now, as the reload timer does. Thread-safe.
     *
     * @return true when new contexts were loaded and swapped in.
     */
    public synchronized boolean reloadIfChanged()
    {
        final Loaded current = loaded;
        final List<Object> stamps = stamps(context);
        if (stamps.equals(current.stamps))
        {
            return false;
        }

        try
        {
            final Loaded fresh = Loaded.read(context, provider);
            loaded = fresh;
            log(Level.INFO, "TLS reloaded: " + fresh.description);
            warnIfExpired(fresh.leaf);
            return true;
        }
        catch (final RuntimeException ex)
        {
            // Remember what failed, so it is logged once and tried again only after the next change.
            loaded = current.withStamps(stamps);
            log(Level.WARNING, "TLS reload failed, the previous certificate stays in use: " + ex.getMessage());
            return false;
        }
    }

    /**
     * Check the files every {@link TlsContext#reloadIntervalMs()}, unless that is 0.
     */
    public synchronized void startReloading()
    {
        final long intervalMs = context.reloadIntervalMs();
        if (intervalMs > 0 && null == reloader)
        {
            reloader = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("firstcall-tls-reload", true));
            reloader.scheduleWithFixedDelay(this::reloadIfChanged, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        }
    }

    public synchronized void close()
    {
        if (null != reloader)
        {
            reloader.shutdownNow();
            reloader = null;
        }
    }

    private static SslProvider provider(final String name)
    {
        switch (name)
        {
            case "jdk":
                return SslProvider.JDK;
            case "openssl":
                if (!OpenSsl.isAvailable())
                {
                    throw new IllegalArgumentException("gateway.tls.provider: openssl is not available here (" +
                        OpenSsl.unavailabilityCause() + "); use auto or jdk");
                }
                return SslProvider.OPENSSL;
            default:
                return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
        }
    }

    /**
     * What identifies the content of each file without reading it.
     */
    private static List<Object> stamps(final TlsContext context)
    {
        final List<Object> stamps = new ArrayList<>();
        for (final Path file : new Path[]{ context.certificateFile(), context.privateKeyFile(), context.clientCaFile() })
        {
            if (null == file)
            {
                continue;
            }
            try
            {
                final BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                stamps.add(attributes.lastModifiedTime());
                stamps.add(attributes.size());
                stamps.add(Objects.toString(attributes.fileKey()));
            }
            catch (final IOException ex)
            {
                stamps.add("unreadable");
            }
        }
        return stamps;
    }

    private static void warnIfExpired(final X509Certificate leaf)
    {
        if (leaf.getNotAfter().before(new Date()))
        {
            log(Level.WARNING, "TLS certificate " + leaf.getSubjectX500Principal() + " expired on " + leaf.getNotAfter());
        }
    }

    private static void log(final Level level, final String message)
    {
        LOG.log(level, message);
    }

    /**
     * One loaded set of files: the contexts built from them and the stamps they were read at.
     */
    private static final class Loaded
    {
        private final SslContext sources;
        private final SslContext http;
        private final X509Certificate leaf;
        private final String description;
        private final List<Object> stamps;

        private Loaded(
            final SslContext sources,
            final SslContext http,
            final X509Certificate leaf,
            final String description,
            final List<Object> stamps)
        {
            this.sources = sources;
            this.http = http;
            this.leaf = leaf;
            this.description = description;
            this.stamps = stamps;
        }

        static Loaded read(final TlsContext context, final SslProvider provider)
        {
            // Stamped before reading: a file changed while being read is read again on the next check.
            final List<Object> stamps = stamps(context);
            final List<X509Certificate> chain = PemFiles.certificates(context.certificateFile(), CERTIFICATE_KEY);
            final PrivateKey key = PemFiles.privateKey(context.privateKeyFile(), PRIVATE_KEY_KEY);
            PemFiles.checkKeyMatches(key, chain.get(0), PRIVATE_KEY_KEY, CERTIFICATE_KEY);
            final List<X509Certificate> clientCas = null == context.clientCaFile() ?
                List.of() : PemFiles.certificates(context.clientCaFile(), CLIENT_CA_KEY);

            final SslContext http = build(SslContextBuilder.forServer(key, chain), provider);
            final SslContextBuilder sources = SslContextBuilder.forServer(key, chain);
            if (ClientAuth.NONE != context.clientAuth())
            {
                sources.clientAuth(context.clientAuth()).trustManager(clientCas);
            }

            final X509Certificate leaf = chain.get(0);
            final String description = "certificate " + leaf.getSubjectX500Principal() + ", serial " +
                leaf.getSerialNumber().toString(16) + ", valid until " + leaf.getNotAfter().toInstant() +
                "; client certificates " + context.clientAuth().name().toLowerCase(Locale.ROOT) +
                " on the JSON lines and SBE ports";
            return new Loaded(build(sources, provider), http, leaf, description, stamps);
        }

        Loaded withStamps(final List<Object> newStamps)
        {
            return new Loaded(sources, http, leaf, description, newStamps);
        }

        private static SslContext build(final SslContextBuilder builder, final SslProvider provider)
        {
            try
            {
                return builder.sslProvider(provider).protocols(PROTOCOLS).build();
            }
            catch (final SSLException ex)
            {
                throw new IllegalArgumentException(CERTIFICATE_KEY + ": cannot be used for TLS: " + ex.getMessage(), ex);
            }
        }
    }
}
