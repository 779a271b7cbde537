package org.fundtrail.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach a ledger and whom to be: the gateway endpoint, its TLS root certificate and host
 * override, the MSP ID, the identity's certificate and private key (PEM files, as in a Fabric MSP
 * folder), the channel and the chaincode. Stored as a small JSON file; relative paths in it are
 * relative to the file's folder.
 *
 * <pre>{@code
 * {"endpoint": "127.0.0.1:7051", "tlsRootCertificate": "tls/ca.crt", "hostOverride": "peer0.finance.fundtrail.local",
 *  "mspId": "FinanceMSP", "certificate": "msp/signcerts/cert.pem", "privateKey": "msp/keystore/priv_sk",
 *  "channel": "fundtrail", "chaincode": "spending"}
 * }</pre>
 *
 * @param endpoint the gateway peer's {@code host:port}
 * @param tlsRootCertificate the TLS CA certificate of the peer, or null for plaintext
 * @param hostOverride the TLS server name to expect, or null for the endpoint's host
 * @param mspId the identity's MSP ID
 * @param certificate the identity's X.509 certificate (PEM)
 * @param privateKey the identity's private key (PEM, PKCS#8)
 * @param channel the channel name
 * @param chaincode the chaincode name
 */
public record ConnectionConfig(String endpoint, Path tlsRootCertificate, String hostOverride, String mspId,
                               Path certificate, Path privateKey, String channel, String chaincode) {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** Checks required values. */
    public ConnectionConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(chaincode, "chaincode");
    }

    /**
     * Reads a connection file.
     *
     * @param file the JSON file
     * @return the config, with paths resolved against the file's folder
     * @throws IOException when the file cannot be read or a required field is missing (the message names it)
     */
    public static ConnectionConfig load(Path file) throws IOException {
        JsonNode json;
        try {
            json = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot read connection file " + file + ": " + e.getMessage(), e);
        }
        if (json == null || !json.isObject()) {
            throw new IOException("connection file " + file + " is not a JSON object");
        }
        Path base = file.toAbsolutePath().getParent();
        return new ConnectionConfig(text(json, "endpoint", file), path(base, optional(json, "tlsRootCertificate")),
                optional(json, "hostOverride"), text(json, "mspId", file),
                path(base, text(json, "certificate", file)), path(base, text(json, "privateKey", file)),
                text(json, "channel", file), text(json, "chaincode", file));
    }

    /**
     * Writes this config as a connection file; paths under the file's folder are written relative to it.
     *
     * @param file the JSON file to write
     * @throws IOException when it cannot be written
     */
    public void write(Path file) throws IOException {
        Path base = file.toAbsolutePath().getParent();
        ObjectNode json = JSON.createObjectNode();
        json.put("endpoint", endpoint);
        if (tlsRootCertificate != null) {
            json.put("tlsRootCertificate", relative(base, tlsRootCertificate));
        }
        if (hostOverride != null) {
            json.put("hostOverride", hostOverride);
        }
        json.put("mspId", mspId);
        json.put("certificate", relative(base, certificate));
        json.put("privateKey", relative(base, privateKey));
        json.put("channel", channel);
        json.put("chaincode", chaincode);
        Files.createDirectories(base);
        Files.writeString(file, JSON.writeValueAsString(json));
    }

    /** @return a copy with another endpoint (e.g. the port a running node recorded) */
    public ConnectionConfig withEndpoint(String newEndpoint) {
        return new ConnectionConfig(newEndpoint, tlsRootCertificate, hostOverride, mspId, certificate, privateKey,
                channel, chaincode);
    }

    private static String text(JsonNode json, String field, Path file) throws IOException {
        String value = optional(json, field);
        if (value == null || value.isBlank()) {
            throw new IOException("connection file " + file + ": '" + field + "' is required");
        }
        return value;
    }

    private static String optional(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Path path(Path base, String value) {
        return value == null ? null : base.resolve(value).normalize();
    }

    private static String relative(Path base, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }
}
