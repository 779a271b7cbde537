-- Lists sorted by amount (ListOrder.AMOUNT, AMOUNT_DESCENDING) walk these forwards or backwards:
-- amounts compare within one currency, so the currency leads. Returns, reversals and organisations
-- sorted by date are small tables and sort without an index.
CREATE INDEX allocations_currency_amount ON allocations (currency, amount_minor, id);
CREATE INDEX transfers_currency_amount ON transfers (currency, amount_minor, id);
CREATE INDEX expenditures_currency_amount ON expenditures (currency, amount_minor, id);
CREATE INDEX returns_currency_amount ON returns (currency, amount_minor, id);
CREATE INDEX reversals_currency_amount ON reversals (currency, amount_minor, id);
