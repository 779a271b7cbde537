/** Endorsement: proposal checks as Fabric's endorser makes them, simulation, endorsement policy and signatures. */
package org.fundtrail.network.node.endorse;
