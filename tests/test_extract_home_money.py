"""The money a bare sign stands for when no outlet's mark tells it (extract/rules/numbers.yml
home_money, sign.kes). Expected values worked out by hand from the sentences."""

from __future__ import annotations

from datetime import date

from extract_helpers import claims

PUB = date(2025, 7, 20)


def _money(text: str) -> list[tuple[str, float, str]]:
    return [(r["mention"], r["value"], r["unit"]) for r in claims(text, PUB) if r["kind"] == "trade_value"]


def test_rupees_in_copy_about_sri_lanka_are_sri_lankan():
    text = ("Cinnamon exporters count cost of 30% US tariff\n\nSri Lanka's cinnamon exporters say the "
            "duty hurts. Cinnamon exports earned Rs. 68.4 billion in 2024.")
    assert _money(text) == [("Rs. 68.4 billion", 68.4e9, "LKR")]


def test_rupees_stay_indian_where_the_opening_names_india():
    text = "India's shrimp exporters fear the US tariff. Exports earned Rs 40,013 crore in 2024-25."
    assert _money(text) == [("Rs 40,013 crore", 40013e7, "INR")]


def test_a_bare_dollar_in_australian_house_style_is_australian():
    text = ("Australian lithium producers say a US tariff of 25pc could lift prices.\n\n"
            "Australia exported $5.1bn of lithium in 2025-26.")
    assert _money(text) == [("$5.1bn", 5.1e9, "AUD")]


def test_a_bare_dollar_stays_us_in_us_style_or_beside_a_local_mark():
    us_style = ("Australian lithium producers say a US tariff of 25% could lift prices. "
                "Australia exported $5.1bn of lithium in 2025-26.")
    assert _money(us_style) == [("$5.1bn", 5.1e9, "USD")]
    wire = ("Australian lithium producers say a US tariff of 25 per cent could lift prices. "
            "Australia exported A$7.9 billion ($5.1 billion) of lithium in 2025-26.")
    assert _money(wire) == [("A$7.9 billion", 7.9e9, "AUD"), ("$5.1 billion", 5.1e9, "USD")]


def test_kenyan_shillings_written_sh():
    text = "Kenya earned Sh19.6 billion from avocado exports last year. She said 5 people came."
    assert _money(text) == [("Sh19.6 billion", 19.6e9, "KES")]


def test_more_currency_forms():
    text = ("Saudi exports reached SR4.2 billion. Volvo put the cost at 2.4 billion kronor. Furniture "
            "exports fell to 3.1 billion zł. Manila exported PHP 12 billion of bananas. Turkey's steel "
            "exports reached TL 40 billion.")
    assert _money(text) == [("SR4.2 billion", 4.2e9, "SAR"), ("2.4 billion kronor", 2.4e9, "SEK"),
                            ("3.1 billion zł", 3.1e9, "PLN"), ("PHP 12 billion", 12e9, "PHP"),
                            ("TL 40 billion", 40e9, "TRY")]
