package org.fundtrail.network.crypto;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The TLS files of a node or user, as Fabric's {@code tls/} folder holds them, ready for a gRPC
 * server or client builder.
 *
 * <pre>{@code
 * TlsMaterial tls = crypto.peerTls("FinanceMSP");
 * SslContext ssl = GrpcSslContexts.forServer(tls.certificate().toFile(), tls.privateKey().toFile())
 *     .trustManager(tls.caCertificate().toFile()).build();
 * }</pre>
 *
 * @param certificate the PEM certificate ({@code server.crt} or {@code client.crt})
 * @param privateKey the PKCS#8 PEM key ({@code server.key} or {@code client.key}), owner-only
 * @param caCertificate the org's TLS CA certificate ({@code ca.crt})
 */
public record TlsMaterial(Path certificate, Path privateKey, Path caCertificate) {

    /**
     * Checks the components are present.
     *
     * @throws NullPointerException if a component is null
     */
    public TlsMaterial {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(caCertificate, "caCertificate");
    }
}
