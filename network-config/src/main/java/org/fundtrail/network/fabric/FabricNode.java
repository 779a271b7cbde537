package org.fundtrail.network.fabric;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One process of a native Fabric network on 127.0.0.1: a peer (one per application org) or an
 * orderer, with its ports and the folder holding its configuration.
 *
 * <pre>{@code
 * FabricNode peer = plan.peer("FinanceMSP");
 * String endpoint = "127.0.0.1:" + peer.port();
 * }</pre>
 *
 * @param name the node's short name, used for its folders, logs and PID files ({@code peer0.finance},
 *     {@code orderer0})
 * @param peer whether it is a peer (else an orderer)
 * @param mspId the MSP the node belongs to
 * @param host its fully qualified host name, the name in its TLS certificate
 * @param port the peer's or orderer's gRPC port (Gateway, Deliver, Broadcast, Raft cluster)
 * @param secondPort a peer's chaincode listen port, an orderer's channel participation (admin) port
 * @param operationsPort the operations port ({@code /healthz}, {@code /metrics})
 * @param dir the node's folder: its {@code core.yaml} or {@code orderer.yaml}
 */
public record FabricNode(String name, boolean peer, String mspId, String host, int port, int secondPort,
        int operationsPort, Path dir) {
    /** Checks presence. */
    public FabricNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dir, "dir");
    }
}
