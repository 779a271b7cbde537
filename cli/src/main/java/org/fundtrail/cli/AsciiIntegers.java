package org.fundtrail.cli;

import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts every integer option of the command line from ASCII digits only. (Picocli's own
 * converters use {@code Integer.parseInt}, which also reads other scripts' digits, so
 * {@code --fiscal-year ٢٠٢٧} was taken for 2027.)
 *
 * <pre>{@code
 * AsciiIntegers.register(commandLine);   // before parsing; applies to every subcommand
 * }</pre>
 */
final class AsciiIntegers {
    private static final Pattern DIGITS = Pattern.compile("-?[0-9]{1,19}");

    private AsciiIntegers() {
    }

    /** Registers the converters for {@code int}, {@code Integer}, {@code long} and {@code Long} options. */
    static void register(CommandLine cli) {
        ITypeConverter<Integer> ints = value -> Math.toIntExact(parse(value, Integer.MIN_VALUE, Integer.MAX_VALUE));
        ITypeConverter<Long> longs = value -> parse(value, Long.MIN_VALUE, Long.MAX_VALUE);
        cli.registerConverter(Integer.class, ints);
        cli.registerConverter(Integer.TYPE, ints);
        cli.registerConverter(Long.class, longs);
        cli.registerConverter(Long.TYPE, longs);
    }

    static long parse(String value, long min, long max) {
        if (value == null || !DIGITS.matcher(value).matches()) {
            throw new TypeConversionException("'" + value + "' is not a whole number written with the digits 0-9");
        }
        try {
            long number = Long.parseLong(value);
            if (number < min || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is out of range (" + min + " to " + max + ")");
        }
    }
}
