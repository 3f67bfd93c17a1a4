package io.firstcall.gateway.support;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A throwaway certificate authority for TLS tests: issues EC P-256 server certificates (for
 * localhost and 127.0.0.1) and client certificates, writes them as PEM files (PKCS#8 keys, as the
 * gateway reads them) and makes client {@link SSLContext}s that trust it.
 */
public final class TestPki
{
    private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime() & 0xFFFF_FFFFL);

    private final Path dir;
    private final KeyPair caKeys;
    private final X509Certificate caCertificate;
    private final Path caFile;

    /**
     * An issued certificate: its PEM files and the objects.
     */
    public record Issued(Path certificateFile, Path privateKeyFile, X509Certificate certificate, PrivateKey privateKey)
    {
    }

    private TestPki(final Path dir, final String name)
    {
        try
        {
            this.dir = dir;
            caKeys = ecKeys();
            final X500Name subject = new X500Name("CN=" + name);
            final X509v3CertificateBuilder builder = builder(subject, subject, caKeys);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            caCertificate = sign(builder, caKeys.getPrivate());
            caFile = Files.writeString(dir.resolve(name.replace(' ', '-') + ".pem"), pem("CERTIFICATE",
                caCertificate.getEncoded()));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final GeneralSecurityException | OperatorCreationException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * @param name the CA's common name; also names its PEM file in {@code dir}.
     */
    public static TestPki create(final Path dir, final String name)
    {
        return new TestPki(dir, name);
    }

    /**
     * @return the CA certificate as a PEM file: the client CA bundle, or what a client trusts.
     */
    public Path caFile()
    {
        return caFile;
    }

    /**
     * A server certificate for localhost and 127.0.0.1, written to {@code <stem>.crt} and {@code <stem>.key}.
     */
    public Issued server(final String stem)
    {
        return issue(stem, "CN=localhost", true);
    }

    /**
     * A client certificate, written to {@code <stem>.crt} and {@code <stem>.key}.
     */
    public Issued client(final String stem)
    {
        return issue(stem, "CN=" + stem, false);
    }

    /**
     * @param clientCertificate presented when the server asks, or null for none.
     * @return a TLS context that trusts only this CA.
     */
    public SSLContext clientContext(final Issued clientCertificate)
    {
        try
        {
            final KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", caCertificate);
            final TrustManagerFactory trustManagers =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);

            final KeyManager[] keyManagers = null == clientCertificate ?
                null : new KeyManager[]{ new PresentingKeyManager(clientCertificate) };
            final SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers.getTrustManagers(), null);
            return context;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Connect and complete the handshake on loopback.
     *
     * @param protocols the TLS versions to offer, or none for the JDK's defaults.
     */
    public static SSLSocket connect(final SSLContext context, final int port, final String... protocols) throws IOException
    {
        final SSLSocket socket = (SSLSocket)context.getSocketFactory().createSocket();
        socket.setSoTimeout(LineClient.READ_TIMEOUT_MS);
        socket.connect(new InetSocketAddress("127.0.0.1", port), LineClient.READ_TIMEOUT_MS);
        if (protocols.length > 0)
        {
            socket.setEnabledProtocols(protocols);
        }
        socket.startHandshake();
        return socket;
    }

    /**
     * Presents its one certificate whatever authorities the server names, so a test can show the server
     * refusing a certificate it does not trust (the JDK's own key manager would send none).
     */
    private static final class PresentingKeyManager extends X509ExtendedKeyManager
    {
        private static final String ALIAS = "client";
        private final Issued issued;

        PresentingKeyManager(final Issued issued)
        {
            this.issued = issued;
        }

        public String[] getClientAliases(final String keyType, final Principal[] issuers)
        {
            return new String[]{ ALIAS };
        }

        public String chooseClientAlias(final String[] keyType, final Principal[] issuers, final Socket socket)
        {
            return ALIAS;
        }

        public String chooseEngineClientAlias(final String[] keyType, final Principal[] issuers, final SSLEngine engine)
        {
            return ALIAS;
        }

        public String[] getServerAliases(final String keyType, final Principal[] issuers)
        {
            return null;
        }

        public String chooseServerAlias(final String keyType, final Principal[] issuers, final Socket socket)
        {
            return null;
        }

        public X509Certificate[] getCertificateChain(final String alias)
        {
            return new X509Certificate[]{ issued.certificate() };
        }

        public PrivateKey getPrivateKey(final String alias)
        {
            return issued.privateKey();
        }
    }

    private Issued issue(final String stem, final String subject, final boolean server)
    {
        try
        {
            final KeyPair keys = ecKeys();
            final X509v3CertificateBuilder builder = builder(
                new X500Name(caCertificate.getSubjectX500Principal().getName()), new X500Name(subject), keys);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(server ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
            if (server)
            {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[]{
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1") }));
            }
            final X509Certificate certificate = sign(builder, caKeys.getPrivate());

            final Path certificateFile = dir.resolve(stem + ".crt");
            final Path keyFile = dir.resolve(stem + ".key");
            Files.writeString(certificateFile, pem("CERTIFICATE", certificate.getEncoded()));
            Files.writeString(keyFile, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            return new Issued(certificateFile, keyFile, certificate, keys.getPrivate());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final GeneralSecurityException | OperatorCreationException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static X509v3CertificateBuilder builder(final X500Name issuer, final X500Name subject, final KeyPair keys)
    {
        final Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIALS.incrementAndGet()),
            Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject, keys.getPublic());
    }

    private static X509Certificate sign(final X509v3CertificateBuilder builder, final PrivateKey issuerKey)
        throws OperatorCreationException, GeneralSecurityException
    {
        return new JcaX509CertificateConverter().getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    }

    private static KeyPair ecKeys() throws GeneralSecurityException
    {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    static String pem(final String type, final byte[] der)
    {
        return "-----BEGIN " + type + "-----\n" +
            Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der) +
            "\n-----END " + type + "-----\n";
    }
}
