/** The node's gRPC face: Fabric's Gateway and Deliver services. */
package org.fundtrail.network.node.grpc;
