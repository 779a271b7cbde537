package org.fundtrail.network.definition;

/**
 * The TCP ports (on 127.0.0.1) of a network. All optional in the YAML; {@link #DEFAULTS} fills in.
 *
 * <pre>{@code
 * int port = def.ports().gateway();            // the embedded node's Gateway port, 7051
 * int health = def.ports().peerPort(1);        // real Fabric: peer0 of the second org, 7151
 * }</pre>
 *
 * @param gateway the embedded node's Fabric Gateway (and Deliver) port; on a real network peer0
 *     of the first org
 * @param peerStep on a real network, how many ports higher each next org's peer listens
 * @param orderer the first orderer's broadcast/deliver port
 * @param ordererAdmin the first orderer's channel participation (osnadmin) port
 * @param chaincodeServer the chaincode-as-a-service server's port on a real network
 * @param operations the orderer's operations (health, metrics) port; each peer {@code peerStep}
 *     higher in org order
 */
public record PortsDefinition(int gateway, int peerStep, int orderer, int ordererAdmin, int chaincodeServer,
        int operations) {

    /** The defaults: 7051, 100, 7050, 7053, 9999, 9443. */
    public static final PortsDefinition DEFAULTS = new PortsDefinition(7051, 100, 7050, 7053, 9999, 9443);

    /**
     * The listen port of the peer of the org at an index of {@link NetworkDefinition#organizations()}
     * on a real network.
     *
     * @param orgIndex the org's position, from 0
     * @return {@code gateway + orgIndex * peerStep}
     */
    public int peerPort(int orgIndex) {
        return gateway + orgIndex * peerStep;
    }

    /**
     * The operations port of the peer of the org at an index on a real network.
     *
     * @param orgIndex the org's position, from 0
     * @return {@code operations + (orgIndex + 1) * peerStep}
     */
    public int peerOperationsPort(int orgIndex) {
        return operations + (orgIndex + 1) * peerStep;
    }
}
