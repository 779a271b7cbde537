package org.fundtrail.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fundtrail.chaincode.domain.Balance;
import org.fundtrail.chaincode.ledger.TraceDown;
import org.fundtrail.chaincode.ledger.TraceUp;
import org.fundtrail.client.readmodel.LedgerTransaction;

/**
 * Builds the OpenAPI 3.1 document from the route table, with swagger-core's model: paths,
 * operations and parameters come from the {@link Route} and {@link Param} declarations the server
 * runs on; record schemas come from the ledger's own record classes (swagger-core's model
 * converter), so neither can drift from the code.
 */
final class OpenApi {
    private static final String REF = "#/components/schemas/";

    private OpenApi() {
    }

    static byte[] document(List<Route> routes, String version) {
        OpenAPI api = new OpenAPI(SpecVersion.V31).openapi("3.1.0");
        api.info(new Info().title("Fundtrail public API").version(version)
                .summary("Public spending on a Hyperledger Fabric ledger: browse, filter, export, follow the money.")
                .description("Read-only, no account. Every record names the transaction and block that wrote it "
                        + "(`ledger`), so it can be checked against the signed blocks with the verifier. Lists are "
                        + "paged with an opaque `cursor` (`next` link) and exported as CSV with `Accept: text/csv` "
                        + "or a `.csv` suffix. Answers carry an `ETag` tied to the ledger height "
                        + "(`If-None-Match` gives 304). Errors share one shape (`Error`). Too many requests from "
                        + "one client give 429 with `Retry-After`. HEAD is accepted wherever GET is.")
                .license(new License().name("Apache-2.0").identifier("Apache-2.0")));
        Components components = new Components();
        schemas(components);
        api.components(components);
        Set<String> tags = new LinkedHashSet<>();
        Paths paths = new Paths();
        for (Route route : routes) {
            tags.add(route.tag());
            paths.addPathItem(route.path(), new PathItem().get(operation(route)));
        }
        api.paths(paths);
        for (String tag : tags) {
            api.addTagsItem(new Tag().name(tag));
        }
        try {
            return Json31.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(api);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the OpenAPI document", e);
        }
    }

    private static Operation operation(Route route) {
        Operation op = new Operation().operationId(route.operationId()).summary(route.summary())
                .addTagsItem(route.tag());
        if (!route.description().isEmpty()) {
            op.description(route.description());
        }
        for (Param p : route.params()) {
            op.addParametersItem(parameter(p));
        }
        ApiResponses responses = new ApiResponses();
        Content ok = new Content();
        for (String type : route.produces()) {
            Schema<?> schema;
            if (type.equals(Route.JSON) && route.schema() != null) {
                schema = ref(route.schema());
            } else if (type.equals(Route.JSON)) {
                schema = object();
            } else {
                schema = string();
                if (!type.startsWith("text/")) {
                    schema.format("binary");
                }
            }
            ok.addMediaType(type, new MediaType().schema(schema));
        }
        ApiResponse success = new ApiResponse().description("OK").content(ok);
        if (route.caching() != Route.Caching.NONE) {
            success.addHeaderObject("ETag", new Header().description("changes when the answer may change")
                    .schema(string()));
            success.addHeaderObject("Cache-Control", new Header().schema(string()));
        }
        responses.addApiResponse("200", success);
        if (route.caching() != Route.Caching.NONE) {
            responses.addApiResponse("304", new ApiResponse().description("Not modified since the ETag given "
                    + "in If-None-Match"));
        }
        responses.addApiResponse("400", error("A parameter is unknown, repeated or malformed (named in `parameter`)"));
        for (int status : route.errors()) {
            responses.addApiResponse(Integer.toString(status), error(switch (status) {
                case 404 -> "No such record";
                case 501 -> "Not available on this server";
                case 503 -> "The read model cannot be read";
                default -> "Error";
            }));
        }
        responses.addApiResponse("429", error("Too many requests from this client").addHeaderObject("Retry-After",
                new Header().description("seconds to wait").schema(integer())));
        responses.addApiResponse("500", error("A server fault (never caused by input)"));
        op.responses(responses);
        return op;
    }

    private static ApiResponse error(String description) {
        return new ApiResponse().description(description).content(new Content()
                .addMediaType(Route.JSON, new MediaType().schema(ref("Error"))));
    }

    private static Parameter parameter(Param p) {
        Schema<?> schema;
        switch (p.kind()) {
            case INTEGER -> {
                schema = integer().format("int64");
                if (p.min() != null) {
                    schema.minimum(BigDecimal.valueOf(p.min()));
                }
                if (p.max() != null) {
                    schema.maximum(BigDecimal.valueOf(p.max()));
                }
            }
            case BOOLEAN -> schema = new JsonSchema().types(Set.of("boolean"));
            case ENUM -> {
                schema = oneOf(p.values());
            }
            case DATE -> schema = string().format("date");
            case AMOUNT -> schema = string().pattern(p.pattern().pattern()).maxLength(p.maxLength());
            default -> {
                schema = string().maxLength(p.maxLength());
                if (p.pattern() != null) {
                    schema.pattern(p.pattern().pattern());
                }
            }
        }
        if (p.defaultValue() != null) {
            Object value = switch (p.kind()) {
                case INTEGER -> Long.valueOf(p.defaultValue());
                case BOOLEAN -> Boolean.valueOf(p.defaultValue());
                default -> p.defaultValue();
            };
            @SuppressWarnings("unchecked")
            Schema<Object> s = (Schema<Object>) schema;
            s._default(value);
        }
        return new Parameter().name(p.name()).in(p.in() == Param.In.PATH ? "path" : "query")
                .required(p.required()).description(p.description()).schema(schema);
    }

    @SuppressWarnings({"rawtypes", "unchecked"}) // swagger-core's model is generic only in part
    private static void schemas(Components components) {
        Map<String, Schema> models = new java.util.TreeMap<>();
        ModelConverters converters = ModelConverters.getInstance(true);
        List<Class<?>> classes = new ArrayList<>();
        for (Resource r : Resource.values()) {
            classes.add(r.recordClass);
        }
        classes.addAll(List.of(Balance.class, TraceDown.class, TraceUp.class, LedgerTransaction.class));
        for (Class<?> c : classes) {
            models.putAll(converters.readAll(new AnnotatedType(c)));
        }
        models.forEach(components::addSchemas);

        components.addSchemas("Error", object()
                .description("The one error body of every 4xx and 5xx answer")
                .addProperty("status", integer()).addProperty("error", string().description("a code, e.g. "
                        + "INVALID_PARAMETER, NOT_FOUND, RATE_LIMITED"))
                .addProperty("parameter", string().description("the parameter at fault, when there is one"))
                .addProperty("message", string()).required(List.of("status", "error", "message")));
        components.addSchemas("LedgerRef", object().description("Where a record is on the ledger")
                .addProperty("txId", string()).addProperty("blockNumber", integer())
                .required(List.of("txId", "blockNumber")));
        Schema<?> links = object().description("URLs of related resources (self, parent, children, ...)")
                .additionalProperties(new JsonSchema());
        components.addSchemas("Links", links);
        List<Schema> views = new ArrayList<>();
        for (Resource r : Resource.values()) {
            Schema<?> extra = object().addProperty("ledger", ref("LedgerRef")).addProperty("links", ref("Links"));
            if (r == Resource.ALLOCATIONS) {
                extra.addProperty("balance", ref("Balance"));
            }
            if (r == Resource.TRANSFERS || r == Resource.EXPENDITURES) {
                extra.addProperty("reversedBy", nullable(string()).description("the reversal that undid this "
                        + "record (its amount then no longer counts as moved or spent), or null"));
            }
            components.addSchemas(r.schemaName() + "View", new JsonSchema().allOf(List.of(ref(r.schemaName()),
                    extra)));
            views.add(ref(r.schemaName() + "View"));
            components.addSchemas(r.schemaName() + "Page", object()
                    .addProperty("items", array(ref(r.schemaName() + "View")))
                    .addProperty("limit", integer())
                    .addProperty("nextCursor", nullable(string()))
                    .addProperty("next", nullable(string()).description("the URL of the next page"))
                    .addProperty("ledgerHeight", integer())
                    .required(List.of("items", "limit", "ledgerHeight")));
        }
        components.addSchemas("RecordView", new JsonSchema().oneOf(views));
        components.addSchemas("History", object().addProperty("id", string()).addProperty("type", string())
                .addProperty("versions", array(object().addProperty("kind", string())
                        .addProperty("ledger", ref("LedgerRef")).addProperty("recordedAt", string())
                        .addProperty("record", object()).addProperty("balance", ref("Balance"))))
                .addProperty("links", ref("Links")));
        components.addSchemas("Trace", new JsonSchema().oneOf(List.of(
                new JsonSchema().allOf(List.of(ref("TraceDown"), object().addProperty("id", string())
                        .addProperty("direction", string()).addProperty("depth", integer())
                        .addProperty("ledgerHeight", integer()))),
                new JsonSchema().allOf(List.of(ref("TraceUp"), object().addProperty("id", string())
                        .addProperty("direction", string()).addProperty("ledgerHeight", integer()))))));
        Schema<?> totals = object().addProperty("fiscalYear", integer()).addProperty("currency", string())
                .addProperty("appropriated", string()).addProperty("transferred", string())
                .addProperty("spent", string().description("net of reversed expenditures"))
                .addProperty("returned", string().description("sent back up out of the group"))
                .addProperty("returnedIn", string().description("sent back to the group's allocations by the "
                        + "allocations below them (for a department: what its agencies returned to it)"))
                .addProperty("reversed", string().description("reversed transfers and expenditures drawing on the "
                        + "group's allocations (already netted out of transferred and spent)"))
                .addProperty("available", string()).addProperty("allocations", integer())
                .addProperty("department", string()).addProperty("name", string()).addProperty("cofog", string());
        components.addSchemas("Totals", totals);
        components.addSchemas("Summary", object().addProperty("fiscalYear", integer())
                .addProperty("byFiscalYear", array(ref("Totals"))).addProperty("byDepartment", array(ref("Totals")))
                .addProperty("byCofog", array(ref("Totals")))
                .addProperty("outcomes", array(object().addProperty("fiscalYear", integer())
                        .addProperty("reported", integer()).addProperty("numericTarget", integer())
                        .addProperty("actualAtOrAboveTarget", integer().description("numeric outcomes whose actual is at or above the target (whether that is good depends on the indicator)"))))
                .addProperty("flows", array(object().addProperty("fiscalYear", integer())
                        .addProperty("currency", string()).addProperty("from", string())
                        .addProperty("kind", oneOf(List.of("transfer", "spent", "returned", "unspent"))
                                .description("transfer: to the organisation `to`, one tier down (what its allocations "
                                        + "kept of what they received); spent; returned: held, having come back from "
                                        + "below; unspent: held otherwise"))
                        .addProperty("to", string()).addProperty("amount", string())))
                .addProperty("ledgerHeight", integer()));
        components.addSchemas("Transaction", new JsonSchema().allOf(List.of(ref("LedgerTransaction"),
                object().addProperty("valid", new JsonSchema().types(Set.of("boolean")))
                        .addProperty("links", ref("Links")))));
        components.addSchemas("BlockTransactions", object().addProperty("blockNumber", integer())
                .addProperty("transactions", array(ref("Transaction"))).addProperty("links", ref("Links")));
        components.addSchemas("EndorsementPolicy", object().addProperty("chaincode", string())
                .addProperty("policy", string()).addProperty("source", string()));
        components.addSchemas("Health", object().addProperty("status", string())
                .addProperty("ledgerHeight", integer()).addProperty("checkpoint", integer()));
    }

    private static Schema<?> ref(String name) {
        return new JsonSchema().$ref(REF + name);
    }

    private static Schema<?> object() {
        return new JsonSchema().types(Set.of("object"));
    }

    private static Schema<?> string() {
        return new JsonSchema().types(Set.of("string"));
    }

    private static Schema<?> integer() {
        return new JsonSchema().types(Set.of("integer"));
    }

    private static Schema<?> nullable(Schema<?> schema) {
        Set<String> types = new LinkedHashSet<>(schema.getTypes());
        types.add("null");
        return schema.types(types);
    }

    @SuppressWarnings("unchecked")
    private static Schema<?> array(Schema<?> items) {
        return new JsonSchema().types(Set.of("array")).items(items);
    }

    private static JsonSchema oneOf(List<String> values) {
        JsonSchema e = new JsonSchema();
        e.types(Set.of("string"));
        e._enum(new ArrayList<>(values));
        return e;
    }
}
