/**
 * The Fundtrail network: its definition, crypto material and the embedded single-process node.
 * Not yet implemented: see the embedded-node issue.
 */
package org.fundtrail.network;
