/**
 * The network definition: which organisations, MSPs, users, channel, chaincode and endorsement
 * policy make up a Fundtrail network, read from {@code network-config/network.yaml}.
 *
 * <p>{@link org.fundtrail.network.definition.NetworkDefinition} is the entry point; its parts are
 * immutable records, validated as a whole so that an error names the field that is wrong
 * ({@code organizations[2].mspId: duplicate 'HealthMSP'}). {@link
 * org.fundtrail.network.definition.SignaturePolicy} parses and evaluates Fabric signature-policy
 * expressions such as the endorsement policy.
 *
 * <pre>{@code
 * NetworkDefinition def = NetworkDefinition.load(Path.of("network-config/network.yaml"));
 * OrgDefinition health = def.orgHosting("HEALTH-HOSP").orElseThrow();   // HealthMSP
 * }</pre>
 */
package org.fundtrail.network.definition;
