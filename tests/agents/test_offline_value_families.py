"""The offline planner on wording families of value, presence and flag tests said in paraphrase: values missing said
'have not been recorded' or 'not on record'; 'don't take any X' as the column's stored none; text endings said 'ends
in' or 'finishing in'; one side of a flag said against the other ('real accounts rather than test ones'); values
led to by a verb ('registered as small businesses', 'payments arrive as paper cheques'); countries said by their
people's adjective and a noun of place ('American addresses'). Each family also holds wordings that must be said as
not understood (no such column, no such value, both sides of a flag)."""

from __future__ import annotations

import itertools
from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, answer, demo, plan_steps, refused, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module


def _condition(request: str, demo: Demo) -> str:
    """The one filter the plan holds, checking every word was understood."""
    filters = [s for s in plan_steps(request, demo) if s["kind"] == "filter"]
    assert len(filters) == 1, filters
    return filters[0]["condition"]


# --- missing values said 'have not been recorded', 'were never entered', 'not on record' ---------------------------
UNRECORDED = ["have not been recorded", "were never recorded", "is not on record", "has not been filled in",
              "was never entered", "hasn't been given", "is not on file", "has never been provided",
              "haven't been captured", "was not recorded"]  # fmt: skip
GAPS = [("subscribers", "total charges", "total_charges"), ("subscribers", "income", "income"),
        ("customers", "phone", "phone"), ("customers", "city", "city"), ("orders", "ship date", "ship_date"),
        ("products", "price", "price"), ("customers", "birth date", "birth_date")]  # fmt: skip
GAP_LEADS = ["{ds} whose {col}", "Return the {ds} whose {col}", "which {ds} have a {col} that"]
MISSING = [
    (f"{lead.format(ds=ds, col=said)} {words}", f"{column} is null")
    for (ds, said, column), lead, words in itertools.product(GAPS, GAP_LEADS, UNRECORDED)
    if not (lead.endswith("that") and words.startswith(("have", "were", "haven't")))
]


@pytest.mark.parametrize(("request_text", "expected"), MISSING, ids=[m[0] for m in MISSING])
def test_a_value_never_recorded_is_missing(request_text: str, expected: str, demo: Demo) -> None:
    assert _condition(request_text, demo) == expected


MISSING_REFUSED = [f"{ds} whose {col} {words}" for (ds, col), words in itertools.product(
    [("customers", "nickname"), ("subscribers", "fax number"), ("orders", "coupon")],
    ["have not been recorded", "is not on record", "was never entered"])]  # fmt: skip


@pytest.mark.parametrize("request_text", MISSING_REFUSED)
def test_a_missing_value_of_no_column_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_total_charges_not_recorded_give_the_rows_polars_gives(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("Return the subscribers whose total charges have not been recorded.", demo, tmp_path)
    same_rows(output, demo.frames["churn"].filter(pl.col("total_charges").is_null()))


# --- 'don't take any X': the stored none where the column holds one, else a null or a zero count -----------------
TAKE_NONE = ["who don't take any", "who do not use any", "that don't get any", "who don't subscribe to any",
             "who take no", "that use no", "without any", "who have no", "who don't have any"]  # fmt: skip
KINDS = ["internet package", "internet service", "internet plan", "internet"]
NONE_VALUES = [
    (f"subscribers {verb} {kind}{tail}", "internet_service = 'none'")
    for verb, kind, tail in itertools.product(TAKE_NONE, KINDS, ["", " at all"])
]
NONE_VALUES += [
    (f"customers {verb} phone", "phone is null") for verb in ("who don't have any", "without any", "who have no")
] + [(f"subscribers {verb} support calls", "support_calls = 0") for verb in ("who don't take any", "who have no")]


NONE_VALUES += [
    (f"subscribers who {verb} {said}", f"internet_service != '{value}'")
    for verb, (said, value) in itertools.product(
        ["don't take", "don't use", "do not have", "don't get", "don't subscribe to", "don't use any"],
        [("fiber", "fiber"), ("fibre", "fiber"), ("dsl", "dsl")],
    )
]


@pytest.mark.parametrize(("request_text", "expected"), NONE_VALUES, ids=[n[0] for n in NONE_VALUES])
def test_taking_none_is_the_stored_none_or_a_null(request_text: str, expected: str, demo: Demo) -> None:
    assert _condition(request_text, demo) == expected


@pytest.mark.parametrize("request_text", ["subscribers who don't take any satellite package",
                                          "customers who don't use any loyalty card at all",
                                          "orders without any gift wrap package"])  # fmt: skip
def test_taking_none_of_no_column_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_subscribers_with_no_internet_give_the_rows_polars_gives(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("subscribers who don't take any internet package at all", demo, tmp_path)
    same_rows(output, demo.frames["churn"].filter(pl.col("internet_service") == "none"))


# --- text endings: 'ends in @example.com', 'finishing with .de' ---------------------------------------------------
ENDS = ["ends in", "ends with", "ending in", "ending with", "finishes in", "finishing with", "finishes with"]
ENDINGS = ["@example.com", ".de", "example.com", "@firma.example.de", "son"]
ENDING_LEADS = [("customers whose email {how} {end}", "email"), ("customers whose email address {how} {end}", "email"),
                ("customers with a name {how} {end}", "name"), ("products whose name {how} {end}", "name")]  # fmt: skip
ENDED = [
    (lead.format(how=how, end=end), f"ends_with({column if column == 'email' else 'lower(name)'}, '{end}')")
    for (lead, column), how, end in itertools.product(ENDING_LEADS, ENDS, ENDINGS)
    if column == "email" or end == "son"
]
# a word typed in lower case is compared in any case ('Running Shoes'); one typed with capitals, or quoted, as typed
MENTIONS = ["mentions", "includes the word", "contains", "contains the word", "mentioning"]
ENDED += [
    (f"products whose name {how} {word}", f"contains({'lower(name)' if word.islower() else 'name'}, '{word}')")
    for how, word in itertools.product(MENTIONS, ["shoes", "Shoes", "bear", "Premium"])
]
ENDED += [
    (f"customers whose name {how} {letter}", f"starts_with(name, '{letter.split()[-1]}')")
    for how, letter in itertools.product(
        ["starts with", "begins with", "begins in", "starting with"], ["the letter L", "L", "the letters Li"]
    )
]


@pytest.mark.parametrize(("request_text", "expected"), ENDED, ids=[e[0] for e in ENDED])
def test_an_ending_said_in_words_is_an_ends_with_test(request_text: str, expected: str, demo: Demo) -> None:
    assert _condition(request_text, demo) == expected


@pytest.mark.parametrize("request_text", ["customers whose nickname ends in .de", "products whose colour ends in red",
                                          "orders whose coupon finishes in 99"])  # fmt: skip
def test_an_ending_of_no_column_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_emails_ending_in_at_example_com_give_the_rows_polars_gives(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("customers whose email address ends in @example.com", demo, tmp_path)
    same_rows(output, demo.frames["customers"].filter(pl.col("email").str.ends_with("@example.com")))


# --- one side of a flag said against the other: 'real accounts rather than test ones' ----------------------------
AGAINST = ["rather than", "instead of", "as opposed to", "and not", "but not"]
SIDES = [("real accounts", "test ones", "is_test_account = false"),
         ("genuine accounts", "test accounts", "is_test_account = false"),
         ("real", "test", "is_test_account = false"),
         ("test accounts", "real ones", "is_test_account = true")]  # fmt: skip
SIDE_LEADS = [
    "customers that are {a} {link} {b}",
    "Which customers are {a} {link} {b}?",
    "the customers, {a} {link} {b}",
]
ONE_SIDE = [
    (lead.format(a=a, link=link, b=b), expected)
    for lead, link, (a, b, expected) in itertools.product(SIDE_LEADS, AGAINST, SIDES)
]
ONE_SIDE += [
    (f"subscribers who {a} {link} {b}", expected)
    for link, (a, b, expected) in itertools.product(
        AGAINST, [("stayed", "churned", "churned = 0"), ("churned", "stayed", "churned = 1")]
    )
]


@pytest.mark.parametrize(("request_text", "expected"), ONE_SIDE, ids=[o[0] for o in ONE_SIDE])
def test_one_side_of_a_flag_said_against_the_other_is_that_side(request_text: str, expected: str, demo: Demo) -> None:
    assert _condition(request_text, demo) == expected


@pytest.mark.parametrize("request_text", ["customers that are test accounts rather than test ones",
                                          "subscribers who churned rather than churned"])  # fmt: skip
def test_the_same_side_said_against_itself_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_real_enterprise_accounts_give_the_rows_polars_gives(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("Which enterprise customers are real accounts rather than test ones?", demo, tmp_path)
    expected = demo.frames["customers"].filter((pl.col("segment") == "enterprise") & ~pl.col("is_test_account"))
    same_rows(output, expected)


# --- values led to by a verb: 'registered as small businesses', 'payments arrive as paper cheques' ----------------
REGISTERED = ["registered as", "signed up as", "listed as", "classed as", "classified as", "recorded as", "filed as",
              "marked as"]  # fmt: skip
SEGMENTS = [("small businesses", "smb"), ("enterprise", "enterprise"), ("consumers", "consumer"), ("smb", "smb"),
            ("large companies", "enterprise")]  # fmt: skip
LED = [
    (f"{lead} {verb} {said}", f"segment = '{segment}'")
    for lead, verb, (said, segment) in itertools.product(["the customers", "customers that were"], REGISTERED, SEGMENTS)
]
ARRIVE = ["arrive as", "come in by", "are made by", "are made with", "arrive by", "come in as"]
METHODS = [("paper cheques through the mail", "mailed check"), ("bank transfer", "bank transfer"),
           ("credit card", "credit card"), ("electronic check", "electronic check"),
           ("cheques in the post", "mailed check")]  # fmt: skip
LED += [
    (f"the subscribers whose payments {verb} {said}", f"payment_method = '{method}'")
    for verb, (said, method) in itertools.product(ARRIVE, METHODS)
]


@pytest.mark.parametrize(("request_text", "expected"), LED, ids=[le[0] for le in LED])
def test_a_value_led_to_by_a_verb_is_the_values_test(request_text: str, expected: str, demo: Demo) -> None:
    assert _condition(request_text, demo) == expected


NOT_LED = [
    (f"customers not {verb} {said}", f"segment != '{segment}'")
    for verb, (said, segment) in itertools.product(REGISTERED, SEGMENTS)
]


@pytest.mark.parametrize(("request_text", "expected"), NOT_LED, ids=[n[0] for n in NOT_LED])
def test_a_value_led_to_by_a_negated_verb_is_left_out(request_text: str, expected: str, demo: Demo) -> None:
    assert _condition(request_text, demo) == expected


LED_REFUSED = ["customers registered as wholesalers", "customers signed up as resellers",
               "the subscribers whose payments arrive as bitcoin", "customers classed as partners"]  # fmt: skip


@pytest.mark.parametrize("request_text", LED_REFUSED)
def test_a_value_no_row_holds_after_its_verb_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- countries said by their people's adjective and a noun of place: 'American addresses' -------------------------
ADJECTIVES = [("American", "US"), ("German", "DE"), ("French", "FR"), ("Spanish", "ES"), ("Italian", "IT"),
              ("British", "GB"), ("Dutch", "NL")]  # fmt: skip
PLACES = ["addresses", "destinations", "locations"]
SENT = ["orders that went to", "orders shipped to", "the orders going to", "orders sent to"]
COUNTRIES = [
    (f"{lead} {adjective} {place}", f"country = '{code}'")
    for lead, (adjective, code), place in itertools.product(SENT, ADJECTIVES, PLACES)
]


@pytest.mark.parametrize(("request_text", "expected"), COUNTRIES, ids=[c[0] for c in COUNTRIES])
def test_a_countrys_adjective_and_a_place_noun_are_the_country(request_text: str, expected: str, demo: Demo) -> None:
    assert _condition(request_text, demo) == expected


@pytest.mark.parametrize(("request_text"), [f"orders that went to {a} addresses" for a in
                                            ("Canadian", "Swiss", "Japanese", "Brazilian")])  # fmt: skip
def test_a_country_no_row_holds_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


def test_orders_to_american_addresses_give_the_rows_polars_gives(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("orders that went to American addresses", demo, tmp_path)
    same_rows(output, demo.frames["orders"].filter(pl.col("country") == "US"))


# --- 'narrow that to the ones ...': the rows a test after it keeps ------------------------------------------------
NARROWING = ["narrow that to", "restrict it to", "limit that to", "cut it down to", "narrow it down to"]
KEPT_ONES = [("the ones placed in 2023", "(order_date >= '2023-01-01' and order_date < '2024-01-01')"),
             ("those shipped to France", "country = 'FR'"),
             ("the ones with more than 3 units", "quantity > 3")]  # fmt: skip
NARROWED = [
    (f"orders, {narrow} {ones}", expected) for narrow, (ones, expected) in itertools.product(NARROWING, KEPT_ONES)
]


@pytest.mark.parametrize(("request_text", "expected"), NARROWED, ids=[n[0] for n in NARROWED])
def test_narrowing_to_the_ones_is_the_test_that_follows(request_text: str, expected: str, demo: Demo) -> None:
    assert _condition(request_text, demo) == expected


def test_narrowing_a_follow_up_keeps_the_earlier_test_too(demo: Demo, tmp_path: Path) -> None:
    first = draft("orders that went to American addresses", demo.catalog)
    _, output = answer("narrow that to the ones placed in 2023", demo, tmp_path, first.definition)
    expected = demo.frames["orders"].filter((pl.col("country") == "US") & (pl.col("order_date").dt.year() == 2023))
    same_rows(output, expected)


@pytest.mark.parametrize("request_text", ["orders, narrow that to the ones", "customers, limit that to the ones"])
def test_narrowing_to_no_test_is_said_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- 'every customer except the test accounts': rows left out, not the flag's column dropped ----------------------
ALL_BUT = [
    (f"{every} {rows} {but} {flag}", expected)
    for every, but, (rows, flag, expected) in itertools.product(
        ["every", "all", "all the"],
        ["except", "apart from", "other than", "but"],
        [("customers", "the test accounts", "is_test_account = false"),
         ("customers", "the test ones", "is_test_account = false"),
         ("subscribers", "the churned", "churned = 0"), ("subscribers", "the ones who churned", "churned = 0")],
    )
]  # fmt: skip


ALL_BUT += [
    (f"{every} {but} {flag}", expected)
    for every, but, (flag, expected) in itertools.product(
        ["customers: everyone", "everyone", "everybody"],
        ["except", "but", "apart from"],
        [("the test accounts", "is_test_account = false"), ("the test ones", "is_test_account = false")],
    )
]
ALL_BUT += [
    (f"{every} orders {but} {said}", expected)
    for every, but, (said, expected) in itertools.product(
        ["all", "every", "all the"],
        ["except", "but", "other than"],
        [
            ("the cancelled ones", "lower(trim(status)) not in ('cancelled', 'canceled')"),
            ("returned", "lower(trim(status)) != 'returned'"),
        ],
    )
]


@pytest.mark.parametrize(("request_text", "expected"), ALL_BUT, ids=[a[0] for a in ALL_BUT])
def test_every_row_but_a_flags_ones_leaves_those_rows_out(request_text: str, expected: str, demo: Demo) -> None:
    assert _condition(request_text, demo) == expected


@pytest.mark.parametrize(("request_text", "dropped"), [("all customers except email", ["email"]),
                                                       ("every customer except is_test_account", ["is_test_account"]),
                                                       ("all columns except the test accounts column",
                                                        ["is_test_account"])])  # fmt: skip
def test_every_column_but_one_still_drops_that_column(request_text: str, dropped: list[str], demo: Demo) -> None:
    drops = [s for s in plan_steps(request_text, demo) if s["kind"] == "drop"]
    assert [d["columns"] for d in drops] == [dropped]


# --- 'orders that never went out': the date of the event a verb names, missing or there --------------------------
WENT_OUT = ["went out", "gone out", "sent out", "shipped out"]
EVENTS = [
    (f"orders {which} {lead} {verb}{tail}", f"ship_date is {'null' if missing else 'not null'}")
    for which, (lead, missing, tail), verb in itertools.product(
        ["that", "which"],
        [("never", True, ""), ("haven't", True, " yet"), ("have not", True, ""), ("have", False, ""),
         ("", False, ""), ("have already", False, "")],
        WENT_OUT,
    )
    if not (lead in ("", "never") and verb in ("gone out", "sent out", "shipped out"))
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "expected"), [(" ".join(r.split()), e) for r, e in EVENTS],
                         ids=[" ".join(e[0].split()) for e in EVENTS])  # fmt: skip
def test_an_event_that_never_happened_has_no_date(request_text: str, expected: str, demo: Demo) -> None:
    assert _condition(request_text, demo) == expected


def test_orders_that_never_went_out_give_the_rows_polars_gives(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("orders that never went out", demo, tmp_path)
    same_rows(output, demo.frames["orders"].filter(pl.col("ship_date").is_null()))
