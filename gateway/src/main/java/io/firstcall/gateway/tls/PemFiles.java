package io.firstcall.gateway.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads the PEM files of the TLS settings: certificates (X.509) and an unencrypted PKCS#8 private
 * key, and checks that a key belongs to a certificate. Every failure is an
 * {@link IllegalArgumentException} whose message starts with the setting's key and never holds key
 * material. Runs at start and on a reload, so it may allocate.
 */
final class PemFiles
{
    private static final String KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String KEY_END = "-----END PRIVATE KEY-----";
    private static final String[] KEY_ALGORITHMS = { "RSA", "EC", "Ed25519", "Ed448" };

    private PemFiles()
    {
    }

    /**
     * @param key the setting, for messages, e.g. {@code gateway.tls.certificate}.
     * @return the certificates in file order; at least one.
     */
    static List<X509Certificate> certificates(final Path file, final String key)
    {
        final byte[] bytes = read(file, key);
        final List<X509Certificate> certificates = new ArrayList<>();
        try
        {
            for (final Certificate certificate :
                CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes)))
            {
                certificates.add((X509Certificate)certificate);
            }
        }
        catch (final CertificateException ex)
        {
            throw new IllegalArgumentException(key + ": " + file + ": not a PEM certificate: " + ex.getMessage(), ex);
        }
        if (certificates.isEmpty())
        {
            throw new IllegalArgumentException(key + ": " + file + ": holds no PEM certificate");
        }
        return certificates;
    }

    /**
     * @param key the setting, for messages, e.g. {@code gateway.tls.privateKey}.
     */
    static PrivateKey privateKey(final Path file, final String key)
    {
        final String text = new String(read(file, key), StandardCharsets.US_ASCII);
        final int begin = text.indexOf(KEY_BEGIN);
        final int end = text.indexOf(KEY_END);
        if (begin < 0 || end < begin)
        {
            throw new IllegalArgumentException(key + ": " + file + ": " + whyNotPkcs8(text));
        }

        final byte[] der;
        try
        {
            der = Base64.getMimeDecoder().decode(text.substring(begin + KEY_BEGIN.length(), end));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(key + ": " + file + ": the key is not valid base64");
        }

        final PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (final String algorithm : KEY_ALGORITHMS)
        {
            try
            {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            }
            catch (final GeneralSecurityException ex)
            {
                // Not this algorithm: PKCS#8 names it inside, and each factory checks.
                continue;
            }
        }
        throw new IllegalArgumentException(key + ": " + file + ": not an RSA, EC or EdDSA private key");
    }

    /**
     * Sign with the key and verify with the certificate: a key replaced before its certificate (or the
     * reverse) is caught here rather than by every client's handshake.
     */
    static void checkKeyMatches(
        final PrivateKey privateKey, final X509Certificate certificate, final String keyName, final String certificateName)
    {
        final String algorithm = signatureAlgorithm(privateKey);
        final byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        final boolean matches;
        try
        {
            final Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(challenge);
            final byte[] signature = signer.sign();

            final Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            matches = verifier.verify(signature);
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalArgumentException(keyName + ": does not belong to the certificate in " + certificateName +
                " (" + ex.getClass().getSimpleName() + ")");
        }
        if (!matches)
        {
            throw new IllegalArgumentException(keyName + ": does not belong to the certificate in " + certificateName);
        }
    }

    private static String signatureAlgorithm(final PrivateKey privateKey)
    {
        switch (privateKey.getAlgorithm())
        {
            case "RSA":
                return "SHA256withRSA";
            case "EC":
                return "SHA256withECDSA";
            default:
                return privateKey.getAlgorithm();
        }
    }

    private static String whyNotPkcs8(final String text)
    {
        if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
        {
            return "the key is encrypted; give an unencrypted PKCS#8 key and protect the file's permissions " +
                "(openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem)";
        }
        if (text.contains("-----BEGIN RSA PRIVATE KEY-----") || text.contains("-----BEGIN EC PRIVATE KEY-----"))
        {
            return "the key is in the traditional (PKCS#1 or SEC 1) format; convert it to PKCS#8 with " +
                "openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem";
        }
        return "holds no PEM private key (-----BEGIN PRIVATE KEY-----)";
    }

    private static byte[] read(final Path file, final String key)
    {
        try
        {
            return Files.readAllBytes(file);
        }
        catch (final NoSuchFileException ex)
        {
            throw new IllegalArgumentException(key + ": " + file + ": no such file", ex);
        }
        catch (final AccessDeniedException ex)
        {
            throw new IllegalArgumentException(key + ": " + file + ": permission denied", ex);
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException(key + ": " + file + ": cannot read: " + ex.getMessage(), ex);
        }
    }
}
