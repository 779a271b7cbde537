/** Identities of the channel's MSPs: deserialization, validation and signature verification. */
package org.fundtrail.network.node.msp;
