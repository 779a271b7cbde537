/**
 * The public read-only HTTP API for journalists. Not yet implemented: see the API issue.
 */
package org.fundtrail.api;
