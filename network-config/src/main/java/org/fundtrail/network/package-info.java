/**
 * The Fundtrail network: its definition ({@code definition}), its crypto material in Fabric's MSP
 * layout ({@code crypto}) and the embedded single-process node ({@code node}).
 */
package org.fundtrail.network;
