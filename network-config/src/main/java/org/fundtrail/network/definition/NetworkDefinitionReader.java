package org.fundtrail.network.definition;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the YAML form of a {@link NetworkDefinition}: first its shape (every field present, of the
 * right type, no unknown field), then its rules ({@link NetworkDefinitionValidator}).
 */
final class NetworkDefinitionReader {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final List<String> problems = new ArrayList<>();

    private NetworkDefinitionReader() {
    }

    static NetworkDefinition read(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new NetworkDefinitionException(source, List.of(where + e.getOriginalMessage()));
        }
        NetworkDefinitionReader reader = new NetworkDefinitionReader();
        Parts parts = reader.network(root);
        if (!reader.problems.isEmpty()) {
            throw new NetworkDefinitionException(source, reader.problems);
        }
        List<String> rules = NetworkDefinitionValidator.problems(parts.name(), parts.channel(), parts.chaincode(),
                parts.endorsementPolicy(), parts.orderer(), parts.organizations(), parts.ports());
        if (!rules.isEmpty()) {
            throw new NetworkDefinitionException(source, rules);
        }
        return new NetworkDefinition(parts.name(), parts.channel(), parts.chaincode(), parts.endorsementPolicy(),
                parts.orderer(), parts.organizations(), parts.ports());
    }

    private Parts network(JsonNode root) {
        Obj o = object(root, "");
        String name = o.string("name");
        String channel = o.string("channel");
        String chaincode = o.string("chaincode");
        String policy = o.string("endorsementPolicy");
        Obj po = o.optionalObject("ports");
        PortsDefinition d = PortsDefinition.DEFAULTS;
        PortsDefinition ports = po == null ? d : new PortsDefinition(po.integer("gateway", d.gateway()),
                po.integer("peerStep", d.peerStep()), po.integer("orderer", d.orderer()),
                po.integer("ordererAdmin", d.ordererAdmin()), po.integer("chaincodeServer", d.chaincodeServer()),
                po.integer("operations", d.operations()));
        if (po != null) {
            po.done();
        }
        Obj oo = o.object("orderer");
        OrdererOrgDefinition orderer = new OrdererOrgDefinition(oo.string("mspId"), oo.string("domain"),
                oo.list("orderers", (n, path) -> text(n, path)));
        oo.done();
        List<OrgDefinition> orgs = o.list("organizations", (n, path) -> {
            Obj org = object(n, path);
            OrgDefinition def = new OrgDefinition(org.string("mspId"), org.string("domain"),
                    org.list("hosts", (hn, hp) -> {
                        Obj h = object(hn, hp);
                        FundtrailOrgDefinition f = new FundtrailOrgDefinition(h.string("id"), h.string("name"),
                                h.string("tier"), h.optionalString("parentId"), h.optionalString("orgIdentifier"));
                        h.done();
                        return f;
                    }),
                    org.list("users", (un, up) -> {
                        Obj u = object(un, up);
                        UserDefinition user = new UserDefinition(u.string("name"), u.string("role"), u.string("fundtrailOrg"),
                                u.bool("nodeAdmin", false));
                        u.done();
                        return user;
                    }));
            org.done();
            return def;
        });
        o.done();
        return new Parts(name, channel, chaincode, policy, orderer, orgs, ports);
    }

    /** A mapping node being read: remembers the fields asked for, so that others can be refused. */
    private final class Obj {
        private final JsonNode node;
        private final String path;
        private final Set<String> known = new HashSet<>();

        Obj(JsonNode node, String path) {
            this.node = node;
            this.path = path;
        }

        private String at(String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        private JsonNode get(String field) {
            known.add(field);
            JsonNode v = node.get(field);
            return v == null || v.isNull() ? null : v;
        }

        String string(String field) {
            JsonNode v = get(field);
            if (v == null) {
                problems.add(at(field) + ": missing");
                return "";
            }
            return text(v, at(field));
        }

        String optionalString(String field) {
            JsonNode v = get(field);
            return v == null ? null : text(v, at(field));
        }

        boolean bool(String field, boolean dflt) {
            JsonNode v = get(field);
            if (v == null) {
                return dflt;
            }
            if (!v.isBoolean()) {
                problems.add(at(field) + ": expected true or false, found '" + v.asText() + "'");
                return dflt;
            }
            return v.booleanValue();
        }

        int integer(String field, int dflt) {
            JsonNode v = get(field);
            if (v == null) {
                return dflt;
            }
            if (!v.isInt()) {
                problems.add(at(field) + ": expected an integer, found '" + v.asText() + "'");
                return dflt;
            }
            return v.intValue();
        }

        Obj object(String field) {
            JsonNode v = get(field);
            if (v == null) {
                problems.add(at(field) + ": missing");
                return new Obj(YAML.createObjectNode(), at(field));
            }
            return NetworkDefinitionReader.this.object(v, at(field));
        }

        Obj optionalObject(String field) {
            JsonNode v = get(field);
            return v == null ? null : NetworkDefinitionReader.this.object(v, at(field));
        }

        <T> List<T> list(String field, Element<T> element) {
            JsonNode v = get(field);
            List<T> out = new ArrayList<>();
            if (v == null) {
                problems.add(at(field) + ": missing");
            } else if (!v.isArray()) {
                problems.add(at(field) + ": expected a list");
            } else {
                for (int i = 0; i < v.size(); i++) {
                    out.add(element.read(v.get(i), at(field) + "[" + i + "]"));
                }
            }
            return out;
        }

        void done() {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!known.contains(f)) {
                    problems.add(at(f) + ": unknown field");
                }
            }
        }
    }

    /** Reads one element of a list at a path. */
    @FunctionalInterface
    private interface Element<T> {
        T read(JsonNode node, String path);
    }

    private Obj object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            problems.add((path.isEmpty() ? "(document)" : path) + ": expected a mapping");
            return new Obj(YAML.createObjectNode(), path);
        }
        return new Obj(node, path);
    }

    private String text(JsonNode node, String path) {
        if (node == null || !node.isTextual()) {
            problems.add(path + ": expected a string" + (node != null && node.isValueNode()
                    ? ", found '" + node.asText() + "' (quote it)" : ""));
            return "";
        }
        return node.textValue();
    }

    /** The components read, before the rules are checked. */
    private record Parts(String name, String channel, String chaincode, String endorsementPolicy,
            OrdererOrgDefinition orderer, List<OrgDefinition> organizations, PortsDefinition ports) {
    }
}
