/**
 * Ordering, validation and commit: the orderer's envelope checks, block cutting, Fabric's committer
 * validation (endorsement policy, duplicate txId, MVCC and phantom reads) and the atomic commit.
 */
package org.fundtrail.network.node.order;
