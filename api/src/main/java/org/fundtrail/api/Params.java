package org.fundtrail.api;

import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fundtrail.chaincode.domain.Money;
import org.fundtrail.chaincode.domain.Refusal;

/**
 * The parameters of one request, checked against the route's declarations before the handler
 * runs: an undeclared or repeated query parameter, a value too long, of the wrong syntax or out of
 * range is refused with 400 naming the parameter. Handlers read values only through this class,
 * and only declared names (anything else is a programming error), so the OpenAPI document lists
 * every parameter a route reads.
 */
final class Params {
    /** The longest query string value accepted for any parameter. */
    static final int MAX_VALUE_LENGTH = 1000;
    /** The parameter naming the currency of amount parameters. */
    static final String CURRENCY = "currency";
    /** The currency of amount parameters when the request names none (as the CLI's {@code --currency}). */
    static final String DEFAULT_CURRENCY = "EUR";

    private final Route route;
    private final Map<String, String> values = new HashMap<>();

    private Params(Route route) {
        this.route = route;
    }

    /** @return parameters with values already checked (for tests and internal callers) */
    static Params ofValues(Route route, Map<String, String> checked) {
        Params params = new Params(route);
        params.values.putAll(checked);
        return params;
    }

    /**
     * @throws ApiException 400 for an unknown, repeated or malformed parameter
     */
    static Params of(Context ctx, Route route) {
        Params params = new Params(route);
        for (Param p : route.params()) {
            if (p.in() == Param.In.PATH) {
                String value = ctx.pathParam(p.name());
                params.check(p, value);
                params.values.put(p.name(), value);
            }
        }
        Map<String, List<String>> query = ctx.queryParamMap();
        if (!query.isEmpty()) {
            Map<String, Param> declared = route.queryParams();
            for (Map.Entry<String, List<String>> e : query.entrySet()) {
                String name = e.getKey();
                if (name.isEmpty() && e.getValue().stream().allMatch(String::isEmpty)) {
                    continue; // "?&limit=5" or "a=1&&b=2": an empty pair, not a parameter
                }
                Param p = declared.get(name);
                if (p == null) {
                    String known = declared.isEmpty() ? "this route takes no query parameters"
                            : "this route takes " + String.join(", ", declared.keySet());
                    throw ApiException.badParameter(preview(name), "unknown parameter; " + known);
                }
                if (e.getValue().size() != 1) {
                    throw ApiException.badParameter(name, "given " + e.getValue().size() + " times; give it once");
                }
                String value = e.getValue().get(0);
                params.check(p, value);
                params.values.put(name, value);
            }
        }
        return params;
    }

    private void check(Param p, String value) {
        String name = p.name();
        if (value == null || value.isEmpty()) {
            throw ApiException.badParameter(name, "empty; leave it out or give a value");
        }
        if (value.length() > Math.min(p.maxLength(), MAX_VALUE_LENGTH)) {
            throw ApiException.badParameter(name, "longer than " + p.maxLength() + " characters");
        }
        switch (p.kind()) {
            case INTEGER -> {
                if (!value.matches("-?[0-9]{1,19}")) {
                    throw ApiException.badParameter(name, "'" + preview(value) + "' is not a whole number");
                }
                long n;
                try {
                    n = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    n = value.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
                }
                if ((p.min() != null && n < p.min()) || (p.max() != null && n > p.max())) {
                    throw ApiException.badParameter(name, "'" + value + "' is not from " + p.min() + " to " + p.max());
                }
            }
            case AMOUNT -> {
                if (!Money.SYNTAX.matcher(value).matches()) {
                    throw ApiException.badParameter(name, "'" + preview(value)
                            + "' is not an amount like 1250.00 (digits and an optional point)");
                }
            }
            case DATE -> {
                try {
                    if (!Param.DATE.matcher(value).matches()) {
                        throw new DateTimeException(value);
                    }
                    LocalDate.parse(value);
                } catch (DateTimeException e) {
                    throw ApiException.badParameter(name, "'" + preview(value) + "' is not a date like 2026-03-14");
                }
            }
            case BOOLEAN, ENUM -> {
                if (!p.values().contains(value)) {
                    throw ApiException.badParameter(name, "'" + preview(value) + "' is not one of "
                            + String.join(", ", p.values()));
                }
            }
            case STRING -> {
                if (p.pattern() != null && !p.pattern().matcher(value).matches()) {
                    throw ApiException.badParameter(name, "'" + preview(value) + "' is not valid here (expected "
                            + p.pattern().pattern() + ")");
                }
                if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                    throw ApiException.badParameter(name, "contains control characters");
                }
            }
            default -> throw new IllegalStateException(p.kind().name());
        }
    }

    /** Shortens a value for an error message, and keeps control characters out of it. */
    static String preview(String value) {
        StringBuilder b = new StringBuilder();
        value.codePoints().limit(40).forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                b.append('?');
            } else {
                b.appendCodePoint(c);
            }
        });
        if (value.codePointCount(0, value.length()) > 40) {
            b.append('…');
        }
        return b.toString();
    }

    private String raw(String name) {
        Param p = route.param(name).orElseThrow(() -> new IllegalStateException(
                "route " + route.path() + " reads undeclared parameter '" + name + "'"));
        route.reads().add(name);
        String value = values.get(name);
        return value != null ? value : p.defaultValue();
    }

    /** @return the value, or null when absent and without default */
    String string(String name) {
        return raw(name);
    }

    Integer integer(String name) {
        String v = raw(name);
        return v == null ? null : Integer.valueOf(v);
    }

    Long longValue(String name) {
        String v = raw(name);
        return v == null ? null : Long.valueOf(v);
    }

    boolean bool(String name) {
        return Boolean.parseBoolean(raw(name));
    }

    LocalDate date(String name) {
        String v = raw(name);
        return v == null ? null : LocalDate.parse(v);
    }

    /**
     * Reads an amount by the ledger's own rule ({@link Money#parseLimit}) in the currency the request
     * names in {@code currency}, or {@link #DEFAULT_CURRENCY}.
     *
     * @return the amount, or null when absent
     * @throws ApiException 400 naming the parameter when the amount has more decimals than the
     *     currency, is too large, or the currency is unknown
     */
    Money money(String name) {
        String v = raw(name);
        if (v == null) {
            return null;
        }
        String currency = raw(CURRENCY);
        try {
            return Money.parseLimit(name, v, currency == null ? DEFAULT_CURRENCY : currency);
        } catch (Refusal r) {
            String problem = Refusal.parse(r.getMessage()).map(Refusal.Parsed::detail).orElse(r.getMessage());
            throw ApiException.badParameter(r.field(), problem);
        }
    }

    /** @return whether the request gave this parameter */
    boolean has(String name) {
        raw(name);
        return values.containsKey(name);
    }
}
