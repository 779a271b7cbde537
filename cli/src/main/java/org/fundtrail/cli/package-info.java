/**
 * The {@code fundtrail} command line for finance officers and auditors.
 */
package org.fundtrail.cli;
