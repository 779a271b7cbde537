package org.fundtrail.network.definition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Fundtrail network: its channel, chaincode, endorsement policy, orderer org and application
 * orgs with the Fundtrail organisations they host and the users they issue certificates to.
 * Read from {@code network-config/network.yaml}; the embedded node and the real-Fabric scripts
 * read the same file.
 *
 * <pre>{@code
 * NetworkDefinition def = NetworkDefinition.defaults();            // the built-in network.yaml
 * NetworkDefinition mine = NetworkDefinition.load(Path.of("my-network.yaml"));
 * OrgDefinition finance = def.org("FinanceMSP");
 * Optional<OrgDefinition> host = def.orgHosting("EDU-UNI");        // EducationMSP
 * }</pre>
 *
 * <p>A definition is valid by construction: the constructor checks the whole network (unique MSP
 * ids, domains and Fundtrail org ids; known tiers and parents; users acting for an org their MSP
 * hosts; a parsable endorsement policy naming known MSPs; ...) and reports every problem with its
 * path.
 *
 * @param name the network's name
 * @param channel the Fabric channel name
 * @param chaincode the chaincode name
 * @param endorsementPolicy the chaincode's endorsement policy, a Fabric signature-policy expression
 * @param orderer the ordering service's org
 * @param organizations the application orgs, in file order
 * @param ports the TCP ports; {@link PortsDefinition#DEFAULTS} when not given
 */
public record NetworkDefinition(String name, String channel, String chaincode, String endorsementPolicy,
        OrdererOrgDefinition orderer, List<OrgDefinition> organizations, PortsDefinition ports) {

    /** The classpath resource holding the default definition (a copy of network-config/network.yaml). */
    static final String DEFAULT_RESOURCE = "network.yaml";

    /**
     * Checks the whole network.
     *
     * @throws NullPointerException if a component other than {@code ports} is null
     * @throws IllegalArgumentException listing every problem with its path
     */
    public NetworkDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(chaincode, "chaincode");
        Objects.requireNonNull(endorsementPolicy, "endorsementPolicy");
        Objects.requireNonNull(orderer, "orderer");
        organizations = List.copyOf(Objects.requireNonNull(organizations, "organizations"));
        ports = ports == null ? PortsDefinition.DEFAULTS : ports;
        List<String> problems = NetworkDefinitionValidator.problems(name, channel, chaincode, endorsementPolicy,
                orderer, organizations, ports);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid network definition:\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * Creates a definition with the default ports.
     *
     * @param name the network's name
     * @param channel the Fabric channel name
     * @param chaincode the chaincode name
     * @param endorsementPolicy a Fabric signature-policy expression
     * @param orderer the ordering service's org
     * @param organizations the application orgs
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException listing every problem with its path
     */
    public NetworkDefinition(String name, String channel, String chaincode, String endorsementPolicy,
            OrdererOrgDefinition orderer, List<OrgDefinition> organizations) {
        this(name, channel, chaincode, endorsementPolicy, orderer, organizations, PortsDefinition.DEFAULTS);
    }

    /**
     * Reads and validates a network definition file.
     *
     * @param yamlFile the YAML file, e.g. {@code network-config/network.yaml}
     * @return the definition
     * @throws NetworkDefinitionException if the file is not a valid definition; each problem names
     *     its path
     * @throws IOException if the file cannot be read
     */
    public static NetworkDefinition load(Path yamlFile) throws IOException {
        try (InputStream in = Files.newInputStream(yamlFile)) {
            return NetworkDefinitionReader.read(in, yamlFile.toString());
        }
    }

    /**
     * The default network: the {@code network-config/network.yaml} built into this module's jar.
     *
     * @return the default definition
     * @throws IllegalStateException if the built-in copy is missing or invalid (a build error)
     */
    public static NetworkDefinition defaults() {
        return Defaults.DEFAULT;
    }

    /**
     * An application org by MSP id.
     *
     * @param mspId e.g. {@code HealthMSP}
     * @return the org
     * @throws IllegalArgumentException if there is no such application org
     */
    public OrgDefinition org(String mspId) {
        return organizations.stream().filter(o -> o.mspId().equals(mspId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown MSP '" + mspId + "', expected one of "
                        + organizations.stream().map(OrgDefinition::mspId).toList()));
    }

    /**
     * The application org hosting a Fundtrail organisation.
     *
     * @param fundtrailOrgId a Fundtrail org id, e.g. {@code HEALTH-HOSP}
     * @return the hosting org, or empty when no org hosts it
     */
    public Optional<OrgDefinition> orgHosting(String fundtrailOrgId) {
        return organizations.stream().filter(o -> o.hosts(fundtrailOrgId)).findFirst();
    }

    /**
     * A Fundtrail organisation by id.
     *
     * @param fundtrailOrgId e.g. {@code EDU}
     * @return the organisation, or empty when unknown
     */
    public Optional<FundtrailOrgDefinition> fundtrailOrg(String fundtrailOrgId) {
        return organizations.stream().flatMap(o -> o.hosts().stream())
                .filter(h -> h.id().equals(fundtrailOrgId)).findFirst();
    }

    /**
     * The MSP ids of the application orgs, in order.
     *
     * @return e.g. {@code [FinanceMSP, HealthMSP, ...]}
     */
    public List<String> mspIds() {
        return organizations.stream().map(OrgDefinition::mspId).toList();
    }

    /**
     * The parsed endorsement policy.
     *
     * @return the rule tree of {@link #endorsementPolicy()}
     */
    public SignaturePolicy endorsement() {
        return SignaturePolicy.parse(endorsementPolicy);
    }

    /** Holds the default definition, read once on first use. */
    private static final class Defaults {
        static final NetworkDefinition DEFAULT = readDefault();

        private static NetworkDefinition readDefault() {
            try (InputStream in = NetworkDefinition.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("classpath resource org/fundtrail/network/definition/"
                            + DEFAULT_RESOURCE + " is missing: network-config/pom.xml must copy network.yaml into the jar");
                }
                return NetworkDefinitionReader.read(in, "classpath:" + DEFAULT_RESOURCE);
            } catch (IOException e) {
                throw new IllegalStateException("the built-in network definition is unusable", new UncheckedIOException(e));
            }
        }
    }
}
