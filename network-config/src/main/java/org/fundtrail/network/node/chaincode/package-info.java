/**
 * Running the contract in-process: the shim's {@code ContractRouter} driven with a simulation stub
 * over committed state that records Fabric's read/write set.
 */
package org.fundtrail.network.node.chaincode;
