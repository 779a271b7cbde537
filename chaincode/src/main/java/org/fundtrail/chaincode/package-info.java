/** The spending chaincode. */
package org.fundtrail.chaincode;
