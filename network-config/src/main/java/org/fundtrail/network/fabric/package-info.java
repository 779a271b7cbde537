/**
 * Configuration for running a network definition on real Hyperledger Fabric binaries: the channel's
 * {@code configtx.yaml}, one {@code core.yaml} per peer and {@code orderer.yaml} per orderer (Fabric's
 * own sample configuration with this network's names, ports, TLS files and ledgers filled in), and the
 * ports they use. {@code network-config/fabric/network.sh} writes it through
 * {@code fundtrail network fabric-config} and starts the processes.
 */
package org.fundtrail.network.fabric;
