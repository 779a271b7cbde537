/**
 * The embedded node's durable ledger: blocks, transaction index, world state, history and
 * savepoint in one RocksDB database, written one atomic batch per block.
 */
package org.fundtrail.network.node.store;
