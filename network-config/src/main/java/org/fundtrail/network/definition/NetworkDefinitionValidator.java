package org.fundtrail.network.definition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.fundtrail.chaincode.domain.Ids;
import org.fundtrail.chaincode.domain.Tier;

/** The rules of a network definition as a whole; every problem is reported with its path. */
final class NetworkDefinitionValidator {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Fabric's channel name rule. */
    static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9.-]{0,248}");
    /** Fabric's chaincode name rule. */
    static final Pattern CHAINCODE = Pattern.compile("[a-zA-Z0-9]+([-_][a-zA-Z0-9]+)*");
    /** The MSP id characters Fabric's policy language accepts in a principal. */
    static final Pattern MSP_ID = Pattern.compile("[A-Za-z0-9.-]{1,64}");
    static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    /** A user name becomes a folder name ({@code users/<name>@<domain>}). */
    static final Pattern USER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private NetworkDefinitionValidator() {
    }

    static List<String> problems(String name, String channel, String chaincode, String endorsementPolicy,
            OrdererOrgDefinition orderer, List<OrgDefinition> organizations, PortsDefinition ports) {
        List<String> p = new ArrayList<>();
        check(p, NAME.matcher(name).matches(), "name", "'" + name + "' must match " + NAME);
        check(p, CHANNEL.matcher(channel).matches(), "channel",
                "'" + channel + "' must be lower case letters, digits, '.' or '-', starting with a letter");
        check(p, CHAINCODE.matcher(chaincode).matches(), "chaincode", "'" + chaincode + "' must match " + CHAINCODE);

        Set<String> mspIds = new HashSet<>();
        Set<String> domains = new HashSet<>();
        if (checkMspId(p, "orderer.mspId", orderer.mspId())) {
            mspIds.add(orderer.mspId());
        }
        if (checkDomain(p, "orderer.domain", orderer.domain())) {
            domains.add(orderer.domain());
        }
        check(p, !orderer.orderers().isEmpty(), "orderer.orderers", "at least one orderer is needed");
        Set<String> orderers = new HashSet<>();
        for (int i = 0; i < orderer.orderers().size(); i++) {
            String o = orderer.orderers().get(i);
            String path = "orderer.orderers[" + i + "]";
            if (check(p, HOST.matcher(o).matches(), path, "'" + o + "' must be a DNS label (lower case)")) {
                check(p, orderers.add(o), path, "duplicate '" + o + "'");
            }
        }

        check(p, !organizations.isEmpty(), "organizations", "at least one organisation is needed");
        Map<String, FundtrailOrgDefinition> fundtrailOrgs = new HashMap<>();
        for (int i = 0; i < organizations.size(); i++) {
            OrgDefinition org = organizations.get(i);
            String path = "organizations[" + i + "]";
            if (checkMspId(p, path + ".mspId", org.mspId())) {
                check(p, mspIds.add(org.mspId()), path + ".mspId", "duplicate '" + org.mspId() + "'");
            }
            if (checkDomain(p, path + ".domain", org.domain())) {
                check(p, domains.add(org.domain()), path + ".domain", "duplicate '" + org.domain() + "'");
            }
            check(p, !org.hosts().isEmpty(), path + ".hosts", "at least one Fundtrail organisation is needed");
            for (int j = 0; j < org.hosts().size(); j++) {
                FundtrailOrgDefinition h = org.hosts().get(j);
                String hp = path + ".hosts[" + j + "]";
                if (check(p, Ids.isValid(h.id()), hp + ".id", "'" + h.id() + "' is not a valid id (" + Ids.RULE
                        + ")")) {
                    check(p, fundtrailOrgs.putIfAbsent(h.id(), h) == null, hp + ".id", "duplicate '" + h.id() + "'");
                }
                check(p, !h.name().isBlank(), hp + ".name", "must not be blank");
                check(p, tierOf(h).isPresent(), hp + ".tier",
                        "'" + h.tier() + "' is not one of " + Arrays.toString(Tier.values()));
                check(p, h.orgIdentifier() == null || !h.orgIdentifier().isBlank(), hp + ".orgIdentifier",
                        "must not be blank (leave it out instead)");
            }
        }
        // Parents, once every Fundtrail org is known (a parent may be defined further down).
        for (int i = 0; i < organizations.size(); i++) {
            OrgDefinition org = organizations.get(i);
            for (int j = 0; j < org.hosts().size(); j++) {
                checkParent(p, "organizations[" + i + "].hosts[" + j + "].parentId", org.hosts().get(j), fundtrailOrgs);
            }
            checkUsers(p, "organizations[" + i + "]", org);
        }

        try {
            SignaturePolicy policy = SignaturePolicy.parse(endorsementPolicy);
            Set<String> appMsps = new HashSet<>();
            organizations.forEach(o -> appMsps.add(o.mspId()));
            for (String msp : policy.mspIds()) {
                check(p, appMsps.contains(msp), "endorsementPolicy", "unknown MSP '" + msp + "', expected one of "
                        + organizations.stream().map(OrgDefinition::mspId).distinct().toList());
            }
        } catch (IllegalArgumentException e) {
            p.add("endorsementPolicy: " + e.getMessage());
        }

        checkPorts(p, ports);
        return p;
    }

    /** The chaincode's own rule ({@link Tier#acceptsParent}) decides which parent a tier may have. */
    private static void checkParent(List<String> p, String path, FundtrailOrgDefinition h,
            Map<String, FundtrailOrgDefinition> all) {
        Optional<Tier> tier = tierOf(h);
        if (tier.isEmpty()) {
            return; // reported on the tier
        }
        List<Tier> parents = Arrays.stream(Tier.values()).filter(t -> tier.get().acceptsParent(t)).toList();
        String expected = parents.stream().map(Tier::name).collect(Collectors.joining(" or "))
                + (tier.get().acceptsParent(null) ? " (or none)" : "");
        if (h.parentId() == null) {
            check(p, tier.get().acceptsParent(null), path, "missing: " + article(h.tier()) + " needs a " + expected
                    + " parent");
            return;
        }
        if (!check(p, !parents.isEmpty(), path, article(h.tier()) + " has no parent")) {
            return;
        }
        FundtrailOrgDefinition parent = all.get(h.parentId());
        if (check(p, parent != null, path, "unknown organisation '" + h.parentId() + "'")) {
            Optional<Tier> parentTier = tierOf(parent);
            check(p, parentTier.isEmpty() || tier.get().acceptsParent(parentTier.get()), path, "the parent of "
                    + article(h.tier()) + " must be a " + expected + ", '" + parent.id() + "' is " + article(parent.tier()));
        }
    }

    private static Optional<Tier> tierOf(FundtrailOrgDefinition h) {
        return Arrays.stream(Tier.values()).filter(t -> t.name().equals(h.tier())).findFirst();
    }

    private static String article(String word) {
        return ("AEIOU".indexOf(word.isEmpty() ? 'x' : word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }

    private static void checkUsers(List<String> p, String path, OrgDefinition org) {
        check(p, org.users().stream().anyMatch(UserDefinition::nodeAdmin), path + ".users",
                "no user with nodeAdmin: true (Fabric needs an admin per org)");
        Set<String> names = new HashSet<>();
        for (int k = 0; k < org.users().size(); k++) {
            UserDefinition u = org.users().get(k);
            String up = path + ".users[" + k + "]";
            if (check(p, USER.matcher(u.name()).matches(), up + ".name", "'" + u.name() + "' must match " + USER)) {
                check(p, names.add(u.name()), up + ".name", "duplicate '" + u.name() + "'");
            }
            check(p, UserDefinition.ROLES.contains(u.role()), up + ".role",
                    "'" + u.role() + "' is not one of " + UserDefinition.ROLES);
            check(p, org.hosts(u.fundtrailOrg()), up + ".fundtrailOrg",
                    "'" + u.fundtrailOrg() + "' is not hosted by " + org.mspId() + ", expected one of "
                            + org.hosts().stream().map(FundtrailOrgDefinition::id).toList());
            check(p, !u.nodeAdmin() || u.role().equals("admin"), up + ".nodeAdmin", "only a user with role admin may be a node admin");
        }
    }

    private static void checkPorts(List<String> p, PortsDefinition ports) {
        int[] values = {ports.gateway(), ports.orderer(), ports.ordererAdmin(), ports.chaincodeServer(), ports.operations()};
        String[] names = {"gateway", "orderer", "ordererAdmin", "chaincodeServer", "operations"};
        Map<Integer, String> seen = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (check(p, values[i] > 0 && values[i] < 65536, "ports." + names[i], values[i] + " is not a TCP port")) {
                String other = seen.putIfAbsent(values[i], names[i]);
                check(p, other == null, "ports." + names[i], values[i] + " is also ports." + other);
            }
        }
        check(p, ports.peerStep() > 0, "ports.peerStep", "must be positive");
    }

    private static boolean checkMspId(List<String> p, String path, String mspId) {
        return check(p, MSP_ID.matcher(mspId).matches(), path, "'" + mspId + "' must match " + MSP_ID);
    }

    private static boolean checkDomain(List<String> p, String path, String domain) {
        return check(p, domain.length() <= 253 && DOMAIN.matcher(domain).matches(), path,
                "'" + domain + "' must be a lower-case DNS name");
    }

    private static boolean check(List<String> p, boolean ok, String path, String message) {
        if (!ok) {
            p.add(path + ": " + message);
        }
        return ok;
    }
}
