/**
 * The {@code fundtrail} command line: how finance officers submit, auditors trace and verify, and
 * anyone starts Fundtrail. {@link org.fundtrail.cli.Fundtrail} is the root command.
 */
package org.fundtrail.cli;
