package org.fundtrail.api;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.fundtrail.chaincode.domain.Ids;
import org.fundtrail.chaincode.domain.Money;

/**
 * One parameter a route reads, declared once in the route table: the handler reads it through
 * {@link Params} (which refuses undeclared names and validates by this declaration) and the
 * OpenAPI document describes it from the same declaration.
 *
 * @param name the name in the path or query string
 * @param in where it is
 * @param kind its type
 * @param description what it means, for the document
 * @param min the smallest value (integers), or null
 * @param max the largest value (integers), or null
 * @param maxLength the longest text accepted
 * @param pattern the syntax a text value must match, or null
 * @param values the allowed values of an enum, else empty
 * @param defaultValue the value when absent, or null
 */
record Param(String name, In in, Kind kind, String description, Long min, Long max, int maxLength, Pattern pattern,
             List<String> values, String defaultValue) {
    /** Where a parameter is. */
    enum In { PATH, QUERY }

    /** The type of a parameter. */
    enum Kind { STRING, INTEGER, AMOUNT, DATE, BOOLEAN, ENUM }

    /** Record ids as the ledger accepts them: the chaincode's own rule. */
    static final Pattern ID = Ids.PATTERN;
    /** An ISO 4217 code's shape; whether it is a known currency is checked where it is read. */
    static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    static final Pattern COFOG = Pattern.compile("[0-9]{2}(\\.[0-9]{1,2}){0,2}");
    static final Pattern TXID = Pattern.compile("[0-9a-fA-F]{1,128}");
    /** A SHA-256 in hex. */
    static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{64}");

    Param {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
    }

    static Param path(String name, String description, Pattern pattern, int maxLength) {
        return new Param(name, In.PATH, Kind.STRING, description, null, null, maxLength, pattern, List.of(), null);
    }

    static Param pathInteger(String name, String description, long min, long max) {
        return new Param(name, In.PATH, Kind.INTEGER, description, min, max, 19, null, List.of(), null);
    }

    static Param text(String name, String description, Pattern pattern, int maxLength) {
        return new Param(name, In.QUERY, Kind.STRING, description, null, null, maxLength, pattern, List.of(), null);
    }

    static Param integer(String name, String description, long min, long max, Long defaultValue) {
        return new Param(name, In.QUERY, Kind.INTEGER, description, min, max, 19, null, List.of(),
                defaultValue == null ? null : defaultValue.toString());
    }

    static Param amount(String name, String description) {
        return new Param(name, In.QUERY, Kind.AMOUNT, description, null, null, Money.MAX_TEXT_LENGTH, Money.SYNTAX,
                List.of(), null);
    }

    static Param date(String name, String description) {
        return new Param(name, In.QUERY, Kind.DATE, description, null, null, 10, DATE, List.of(), null);
    }

    static Param bool(String name, String description, boolean defaultValue) {
        return new Param(name, In.QUERY, Kind.BOOLEAN, description, null, null, 5, null, List.of("true", "false"),
                Boolean.toString(defaultValue));
    }

    static Param oneOf(String name, String description, List<String> values, String defaultValue) {
        return new Param(name, In.QUERY, Kind.ENUM, description, null, null, 32, null, values, defaultValue);
    }

    boolean required() {
        return in == In.PATH;
    }
}
