/**
 * The embedded node: a single-process, Fabric Gateway-compatible network ({@link
 * org.fundtrail.network.node.EmbeddedNode}) and its command-line launcher ({@link
 * org.fundtrail.network.node.NodeMain}).
 */
package org.fundtrail.network.node;
