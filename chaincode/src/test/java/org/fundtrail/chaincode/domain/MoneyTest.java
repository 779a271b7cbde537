package org.fundtrail.chaincode.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest(name = "{0} {1} = {2} minor units, written {3}")
    @CsvSource({
        "1250000, EUR, 125000000, 1250000.00",
        "1250000.5, EUR, 125000050, 1250000.50",
        "0.01, EUR, 1, 0.01",
        "7, JPY, 7, 7",
        "1.005, KWD, 1005, 1.005",
        "0.1, KWD, 100, 0.100",
        "1000000000000000, KWD, 1000000000000000000, 1000000000000000.000",
        "1000000000000000.00, EUR, 100000000000000000, 1000000000000000.00",
        "999999999999999.999, BHD, 999999999999999999, 999999999999999.999"
    })
    void parses_exact_amounts_in_the_currency_s_minor_units(String text, String currency, long minor, String out) {
        Money money = Money.parse("amount", text, currency);
        assertThat(money.minorUnits()).isEqualTo(minor);
        assertThat(money.toDecimal()).isEqualTo(out);
        assertThat(Money.ofStored(out, currency)).isEqualTo(money);
    }

    @ParameterizedTest(name = "refuses \"{0}\"")
    @ValueSource(strings = {"", " 1", "1 ", "-1", "+1", "0", "0.00", "1e3", "1E3", "01", "1.", ".5", "1,000",
        "1.001", "NaN", "Infinity", "0x10", "1000000000000000.01", "1000000000000001", "99999999999999999999",
        "１", "1_000"})
    void refuses_malformed_zero_negative_too_precise_or_too_large_amounts(String text) {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> Money.parse("amount", text, "EUR"));
        assertThat(refusal).isNotNull();
        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(refusal.getMessage()).startsWith("amount: ");
    }

    @ParameterizedTest(name = "\"{0}\" says: {1}")
    @CsvSource(delimiter = '|', value = {
        "10000000000000000|exceeds the largest amount, 10^15 EUR",
        "99999999999999999999|exceeds the largest amount, 10^15 EUR",
        "1000000000000001|exceeds the largest amount, 10^15 EUR",
        "1000000000000000.01|exceeds the largest amount, 10^15 EUR",
        "1.001|has more than the 2 minor-unit digits of EUR",
        "12.34567|has more than the 2 minor-unit digits of EUR",
        "12,50|is not a positive decimal amount"
    })
    void says_which_rule_an_amount_breaks(String text, String message) {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> Money.parse("amount", text, "EUR"));
        assertThat(refusal.getMessage()).startsWith("amount: '" + text + "' " + message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eur", "EURO", "ABC", "XAU", "XXX", "E", ""})
    void refuses_unknown_currencies_naming_the_currency_field(String code) {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> Money.parse("amount", "1", code));
        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(refusal.field()).isEqualTo("currency");
    }

    @ParameterizedTest
    @CsvSource({"JPY, 0", "EUR, 2", "USD, 2", "KWD, 3", "BHD, 3", "TND, 3"})
    void knows_the_minor_digits_of_iso_4217_currencies(String code, int digits) {
        assertThat(Currencies.minorDigits("currency", code)).isEqualTo(digits);
    }

    @ParameterizedTest(name = "a search bound of \"{0}\" is refused as a submitted amount is")
    @ValueSource(strings = {"", "-1", "1e3", "01", "1.001", "1000000000000000.01", "99999999999999999999"})
    void a_search_bound_follows_the_same_rule_as_an_amount(String text) {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> Money.parseLimit("minAmount", text, "EUR"));
        assertThat(refusal).isNotNull();
        assertThat(refusal.getMessage()).startsWith("minAmount: ");
    }

    @ParameterizedTest(name = "{0} {1} as a search bound = {2} minor units")
    @CsvSource({"0, EUR, 0", "0.00, EUR, 0", "1, JPY, 1", "1, EUR, 100", "1.5, KWD, 1500", "7.25, EUR, 725"})
    void a_search_bound_may_be_zero_and_uses_the_currency_s_digits(String text, String currency, long minor) {
        assertThat(Money.parseLimit("minAmount", text, currency)).isEqualTo(new Money(currency, minor));
    }
}
