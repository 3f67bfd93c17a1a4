package io.firstcall.gateway.config;

import io.firstcall.gateway.GatewayContext;
import io.firstcall.gateway.TlsContext;
import io.netty.handler.ssl.ClientAuth;

import java.nio.file.Paths;
import java.util.Locale;

/**
 * The security keys of the {@code gateway} section, in three sub-sections: {@code tls} (TLS on every
 * listener), {@code ops} (who may read the HTTP endpoints) and {@code limits} (event rate limits).
 * A key is written {@code tls.certificate} here and nested in the file.
 */
enum SecuritySetting implements Setting<GatewayContext>
{
    TLS_CERTIFICATE(
        "tls.certificate", TlsContext.CERTIFICATE_PROP_NAME, "none",
        "PEM file: the server certificate, then its intermediates. With tls.privateKey, every listener speaks TLS " +
            "1.2 or 1.3 only",
        (ctx, value, path) -> ctx.tls().certificateFile(Paths.get(YamlValues.text(value, path)))),
    TLS_PRIVATE_KEY(
        "tls.privateKey", TlsContext.PRIVATE_KEY_PROP_NAME, "none",
        "PEM file: the certificate's private key, unencrypted PKCS#8 (BEGIN PRIVATE KEY)",
        (ctx, value, path) -> ctx.tls().privateKeyFile(Paths.get(YamlValues.text(value, path)))),
    TLS_CLIENT_CA(
        "tls.clientCa", TlsContext.CLIENT_CA_PROP_NAME, "none",
        "PEM bundle of the CAs that client certificates on the JSON lines and SBE ports must chain to",
        (ctx, value, path) -> ctx.tls().clientCaFile(Paths.get(YamlValues.text(value, path)))),
    TLS_CLIENT_AUTH(
        "tls.clientAuth", TlsContext.CLIENT_AUTH_PROP_NAME, TlsContext.CLIENT_AUTH_DEFAULT.name().toLowerCase(Locale.ROOT),
        "Mutual TLS on the JSON lines and SBE ports: none, optional (a certificate sent is checked) or require " +
            "(a client without one is refused); the HTTP port never asks",
        (ctx, value, path) -> ctx.tls().clientAuth(
            ClientAuth.valueOf(YamlValues.choice(value, path, "none", "optional", "require").toUpperCase(Locale.ROOT)))),
    TLS_RELOAD_INTERVAL(
        "tls.reloadInterval", TlsContext.RELOAD_INTERVAL_MS_PROP_NAME,
        YamlValues.formatDurationMs(TlsContext.RELOAD_INTERVAL_MS_DEFAULT),
        "How often the TLS files are checked; a changed file is loaded for new connections without a restart. " +
            "0: never",
        (ctx, value, path) -> ctx.tls().reloadIntervalMs(YamlValues.durationMs(value, path, 0))),
    TLS_PROVIDER(
        "tls.provider", TlsContext.PROVIDER_PROP_NAME, TlsContext.PROVIDER_DEFAULT,
        "auto: OpenSSL (BoringSSL, netty-tcnative) where it loads, else the JDK; openssl or jdk to insist",
        (ctx, value, path) -> ctx.tls().provider(YamlValues.choice(value, path, "auto", "openssl", "jdk"))),
    OPS_TOKEN(
        "ops.token", GatewayContext.OPS_TOKEN_PROP_NAME, "none",
        "The operator's bearer token for the HTTP endpoints (sees every tenant); write it as ${env:NAME} or " +
            "${file:PATH}",
        (ctx, value, path) -> ctx.opsToken(YamlValues.secretText(value, path, TenantsSection.MAX_TOKEN_BYTES))),
    OPS_OPEN_HEALTH(
        "ops.openHealth", GatewayContext.OPS_OPEN_HEALTH_PROP_NAME, String.valueOf(GatewayContext.OPS_OPEN_HEALTH_DEFAULT),
        "true: /health answers without a token, for probes",
        (ctx, value, path) -> ctx.opsOpenHealth(YamlValues.bool(value, path))),
    OPS_OPEN_METRICS(
        "ops.openMetrics", GatewayContext.OPS_OPEN_METRICS_PROP_NAME,
        String.valueOf(GatewayContext.OPS_OPEN_METRICS_DEFAULT),
        "true: /metrics answers without a token, for Prometheus; false: the operator token only",
        (ctx, value, path) -> ctx.opsOpenMetrics(YamlValues.bool(value, path))),
    CONNECTION_EVENTS_PER_SECOND(
        "limits.connectionEventsPerSecond", GatewayContext.CONNECTION_EVENTS_PER_SECOND_PROP_NAME,
        String.valueOf(GatewayContext.RATE_LIMIT_DEFAULT),
        "Events per second one connection may send; more are refused with rate_limited. 0: no limit",
        (ctx, value, path) -> ctx.connectionEventsPerSecond(YamlValues.intAtLeast(value, path, 0))),
    CONNECTION_BURST(
        "limits.connectionBurst", GatewayContext.CONNECTION_BURST_PROP_NAME, String.valueOf(GatewayContext.RATE_LIMIT_DEFAULT),
        "Events one connection may send at once after a quiet spell; 0: one second's worth of its rate",
        (ctx, value, path) -> ctx.connectionBurst(YamlValues.intAtLeast(value, path, 0))),
    TENANT_EVENTS_PER_SECOND(
        "limits.tenantEventsPerSecond", GatewayContext.TENANT_EVENTS_PER_SECOND_PROP_NAME,
        String.valueOf(GatewayContext.RATE_LIMIT_DEFAULT),
        "Events per second all connections of one tenant together may send; more are refused with rate_limited. " +
            "0: no limit",
        (ctx, value, path) -> ctx.tenantEventsPerSecond(YamlValues.intAtLeast(value, path, 0))),
    TENANT_BURST(
        "limits.tenantBurst", GatewayContext.TENANT_BURST_PROP_NAME, String.valueOf(GatewayContext.RATE_LIMIT_DEFAULT),
        "Events one tenant may send at once after a quiet spell; 0: one second's worth of its rate",
        (ctx, value, path) -> ctx.tenantBurst(YamlValues.intAtLeast(value, path, 0)));

    private final SettingSpec<GatewayContext> spec;

    SecuritySetting(
        final String key,
        final String propertyName,
        final String defaultValue,
        final String meaning,
        final Applier<GatewayContext> applier)
    {
        spec = new SettingSpec<>(key, propertyName, defaultValue, meaning, applier);
    }

    public SettingSpec<GatewayContext> spec()
    {
        return spec;
    }
}
