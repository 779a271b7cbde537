/**
 * Fabric's block format as the embedded node writes it: header hashing, data hash, the orderer's
 * block signature, the genesis (config) block, and a verifier for a chain of blocks.
 */
package org.fundtrail.network.node.block;
