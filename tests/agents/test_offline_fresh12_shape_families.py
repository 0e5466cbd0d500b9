"""The offline planner on fresh12's shaping families, each said many ways and run on the demo data: reasons that
name no data of the rows taken as chatter (checking how a promo landed, a list refreshed, a tool wanting the headers
asked, a claim that something can't happen, a tool troubled by nulls, an event's place beside a place the ask tests);
'nothing more' after columns listed on their own; 'solely' as 'only'; duplicates said as removed; a column said by
two of its values and dropped; a second rename said as the first ('call A B and C D'); a formula after 'i.e.'; a row
said to carry a period of its date; gaps plugged; terse arrow fills ('blank prices -> 0'); 'logged' after a missing
column. Each family also holds wordings that must stay not understood, where reading them would be a guess."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from datalinx.agents.offline import draft
from tests.agents.test_offline_planner import Demo, answer, demo, refused, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module

Frames = dict[str, pl.DataFrame]


def _same_answer(request: str, bare: str, demo: Demo, work: Path) -> pl.DataFrame:
    """The request and the same ask without its reason give the same rows; both understood in full."""
    _, said = answer(request, demo, work / "said")
    _, plain = answer(bare, demo, work / "bare")
    same_rows(said, plain)
    return said


# --- reasons that name no data of the rows: chatter ---------------------------------------------------------------
REASONS = [
    ("hey! can you find me every order where exactly two units were bought? checking how our bundle promo landed,"
     " thanks so much", "orders where exactly two units were bought"),
    ("orders with a quantity of 2? seeing whether the promo worked, thanks", "orders with a quantity of 2"),
    ("orders where exactly two units were bought, just checking if the bundle deal paid off",
     "orders where exactly two units were bought"),
    ("hey, could you list our smb customers, just their name and email, in alphabetical order by name? refreshing the"
     " mailing list, ta", "list our smb customers, just their name and email, in alphabetical order by name"),
    ("customers in the smb segment, refreshing the contact list", "customers in the smb segment"),
    ("hey, in the customers table could you call the name column full_name and segment tier instead? the CRM import"
     " wants those headers, thanks", "in the customers table call the name column full_name and segment tier"),
    ("rename segment to tier, our upload expects that format, cheers", "rename segment to tier"),
    ("morning! are there any delivered orders with no ship date logged? the warehouse swears that can't happen, ta",
     "delivered orders with no ship date"),
    ("delivered orders with no ship date? the courier insists that never happens, ta",
     "delivered orders with no ship date"),
    ("hey! a few subscribers have no total charges recorded - can you plug those gaps with the average? the model"
     " training chokes on nulls, cheers", "fill missing total charges with the mean"),
    ("fill missing income with the median, our reporting tool falls over on blanks",
     "fill missing income with the median"),
    ("hi there, could you pull up our big corporate accounts based in Germany? prepping for a trade fair in Cologne,"
     " cheers", "enterprise customers in Germany"),
    ("hey, could you find the orders placed by customers under thirty? planning a youth campaign, thanks",
     "orders placed by customers under thirty"),
    ("customers under thirty, doing a youth campaign", "customers under thirty"),
    ("smb customers, refreshing our newsletter audience", "smb customers"),
    ("customers in france, hosting a meetup in paris next month", "customers in france"),
    ("hiya, which customers have no phone number on file? want to tidy up the call list before Friday, cheers",
     "customers with no phone number"),
    ("customers in france, prepping the mailing list before the meeting", "customers in france"),
    ("customers in france, planning visits before friday", "customers in france"),
    ("orders shipped to spain, the courier claims nothing was lost", "orders shipped to spain"),
    ("customers in italy, my boss thinks we have too many", "customers in italy"),
    ("orders over 500, the auditors want to see them", "orders over 500"),
    ("orders over 500, our accountants asked for it", "orders over 500"),
    ("customers in spain, the investors would like this", "customers in spain"),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "bare"), REASONS, ids=[r[0][:60] for r in REASONS])
def test_a_reason_naming_no_data_is_chatter(request_text: str, bare: str, demo: Demo, tmp_path: Path) -> None:
    _same_answer(request_text, bare, demo, tmp_path)


def test_the_youth_campaign_reads_no_region(demo: Demo) -> None:
    planned = draft("customers under thirty, doing a youth campaign", demo.catalog)
    assert not any("south" in note for note in planned.assumptions), planned.assumptions


def test_exactly_two_units_with_a_promo_reason_are_the_pairs(demo: Demo, tmp_path: Path) -> None:
    request = "orders where exactly two units were bought? checking how our bundle promo landed, thanks so much"
    _, output = answer(request, demo, tmp_path)
    same_rows(output, demo.frames["orders"].filter(pl.col("quantity") == 2))


# a reason naming a value, a number or rows beside the ask: the user's work, or a test? said, never dropped
NAMING_DATA = [
    "orders where exactly two units were bought, checking how the german orders did",
    "orders where exactly two units were bought, checking whether they shipped",
    "customers in germany, the warehouse swears they are over 40",
    "rename name to full_name, the crm wants the email column too",
    "hi there, could you pull up our big corporate accounts? prepping for a trade fair in Cologne, cheers",
    "fill missing total charges with the mean, the training model chokes on nulls",
    "fill missing total charges with the mean, the test model chokes on 5 nulls",
    "customers under thirty, it's for the germny team",
    "customers in france, booking a venue in paris",
    "customers in france, arranging visits to 5 of them",
    "orders, refreshing the shipped ones",
    "customers in france, want to see the list before friday",  # the answer's list, and when: a date test?
    "orders, checking how the promo landed before 2024",
    "customers in germany, the sales team swears they're all enterprise",
    "customers in italy, my boss thinks they are mostly smb",
    "orders in 2023, the warehouse insists there were 40 cancelled",
    "orders over 500, the auditors want to see the german ones",
]


@pytest.mark.parametrize("request_text", NAMING_DATA)
def test_a_reason_naming_data_stays_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- 'open up' fetches: 'can you open up the churn data for me' ----------------------------------------------------
OPENED = [("hi! can you open up the churn data for me?", "churn"), ("can you open the churn data", "churn"),
          ("open up the orders table please", "orders"), ("could you open up our products?", "products")]  # fmt: skip


@pytest.mark.parametrize(("request_text", "dataset"), OPENED, ids=[o[0] for o in OPENED])
def test_open_up_fetches_the_dataset(request_text: str, dataset: str, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, demo.frames[dataset])


@pytest.mark.parametrize("request_text", ["open orders", "could you open orders"])
def test_open_before_a_bare_dataset_stays_unread(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)  # 'open orders' may be a status of orders


# --- columns listed on their own, then 'nothing more' --------------------------------------------------------------
NOTHING_MORE = [
    ("order_id, status, country - nothing more", "orders", ["order_id", "status", "country"]),
    ("order_id, status, country - nothing else", "orders", ["order_id", "status", "country"]),
    ("order_id, status, country, nothing more", "orders", ["order_id", "status", "country"]),
    ("name and email of customers, nothing more", "customers", ["name", "email"]),
]


@pytest.mark.parametrize(("request_text", "dataset", "columns"), NOTHING_MORE, ids=[n[0] for n in NOTHING_MORE])
def test_nothing_more_after_the_columns(
    request_text: str, dataset: str, columns: list[str], demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    assert output.columns == columns
    same_rows(output, demo.frames[dataset].select(columns))


def test_nothing_more_of_no_columns_stays_unread(demo: Demo) -> None:
    refused("orders - nothing more", demo)


# --- 'solely' and 'exclusively' are 'only' --------------------------------------------------------------------------
SOLELY = [
    ("From the churn dataset, return solely the customer reference, the contract type and the churn flag.", "churn",
     ["customer_ref", "contract", "churned"]),
    ("churn: solely the region and the tenure", "churn", ["region", "tenure_months"]),
    ("products, exclusively name and price", "products", ["name", "price"]),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "dataset", "columns"), SOLELY, ids=[s[0] for s in SOLELY])
def test_solely_picks_the_columns(
    request_text: str, dataset: str, columns: list[str], demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    assert output.columns == columns
    same_rows(output, demo.frames[dataset].select(columns))


def test_solely_a_column_no_dataset_has_stays_unread(demo: Demo) -> None:
    refused("churn, solely the favourite colour", demo)


# --- duplicates said as removed: 'customers with the duplicate rows removed' ---------------------------------------
REMOVED = [
    ("custmers with the duplcate rows removd", "customers"),
    ("customers with duplicates removed", "customers"),
    ("the orders, duplicate rows dropped", "orders"),
    ("products with the exact copies taken out", "products"),
    ("churn with any duplicates filtered out", "churn"),
]


@pytest.mark.parametrize(("request_text", "dataset"), REMOVED, ids=[r[0] for r in REMOVED])
def test_duplicates_said_removed_keep_each_row_once(
    request_text: str, dataset: str, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, demo.frames[dataset].unique())


def test_duplicate_emails_said_removed_keep_one_row_per_email(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("customers with duplicate emails removed", demo, tmp_path)
    emails = demo.frames["customers"]["email"]
    assert output.height == emails.n_unique()


def test_duplicates_said_kept_stay_unread(demo: Demo) -> None:
    refused("customers with duplicate rows kept", demo)


# --- a column said by two of its values, dropped ---------------------------------------------------------------------
SPLIT_DROPPED = [
    "the subscriber table minus the column saying whether a row is for training or testing",
    "churn without the field that says if a row is train or test",
    "churn, drop the column telling whether the row is training or testing",
    "churn, without the column saying whether a row is for training or testing",
    "the subscriber table minus the column saying whether a subscriber is for training or testing",
]


@pytest.mark.parametrize("request_text", SPLIT_DROPPED)
def test_the_column_said_by_its_values_is_dropped(request_text: str, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, demo.frames["churn"].drop("split"))
    assert "split" not in output.columns


def test_the_status_column_said_by_its_values_is_dropped(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("orders minus the field that says if an order is shipped or delivered", demo, tmp_path)
    same_rows(output, demo.frames["orders"].drop("status"))


def test_values_of_two_columns_name_no_column(demo: Demo) -> None:
    refused("churn minus the column saying whether a row is for training or fibre", demo)


# --- a second rename said as the first: 'call A B and C D' ----------------------------------------------------------
CALLED = [
    ("in the customers table could you call the name column full_name and segment tier instead?",
     {"name": "full_name", "segment": "tier"}),
    ("in customers call email contact and city town", {"email": "contact", "city": "town"}),
    ("customers: call the name column full_name and the segment column tier", {"name": "full_name", "segment": "tier"}),
    ("customers: call name full_name, email contact_email and segment tier",
     {"name": "full_name", "email": "contact_email", "segment": "tier"}),
    ("in customers call the name column full_name, the email column contact and city town",
     {"name": "full_name", "email": "contact", "city": "town"}),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "renames"), CALLED, ids=[c[0] for c in CALLED])
def test_call_renames_each_pair(request_text: str, renames: dict[str, str], demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, demo.frames["customers"].rename(renames))


ORDER_WORDS = [
    "customers, call name full_name and age descending",
    "customers, call name full_name and segment first",
    "customers: call name full_name, email contact and age descending",
]


@pytest.mark.parametrize("request_text", ORDER_WORDS)
def test_an_order_word_is_no_new_name(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- a formula after 'i.e.', 'namely', 'meaning' --------------------------------------------------------------------
def _per_unit(frames: Frames, name: str) -> pl.DataFrame:
    return frames["orders"].with_columns((pl.col("total_revenue") / pl.col("quantity")).alias(name))


EXPLAINED: list[tuple[str, Callable[[Frames], pl.DataFrame]]] = [
    ("orders w/ revenue_per_unit, i.e. revenue divided by qty", lambda f: _per_unit(f, "revenue_per_unit")),
    ("orders with a column revenue_per_unit, i.e. revenue divided by qty", lambda f: _per_unit(f, "revenue_per_unit")),
    ("add revenue_per_unit to orders, i.e. revenue divided by qty", lambda f: _per_unit(f, "revenue_per_unit")),
    ("orders plus unit_value, ie revenue over quantity", lambda f: _per_unit(f, "unit_value")),
    ("churn with yearly_charges, namely monthly charges times 12",
     lambda f: f["churn"].with_columns((pl.col("monthly_charges") * 12).alias("yearly_charges"))),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "expected"), EXPLAINED, ids=[e[0] for e in EXPLAINED])
def test_a_formula_after_ie_is_computed(
    request_text: str, expected: Callable[[Frames], pl.DataFrame], demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, expected(demo.frames))


def test_a_summary_after_ie_stays_unread(demo: Demo) -> None:
    refused("orders with revenue, i.e. total revenue by country", demo)


# --- a row said to carry a period of its date ------------------------------------------------------------------------
CARRIED = [
    ("Could each order also carry the month it was placed in?", "order_date", "month"),
    ("can every order also get the quarter it was placed in", "order_date", "quarter"),
    ("each order should come with the week it was placed in", "order_date", "week"),
    ("each order carries the month of ship_date", "ship_date", "month"),
]


@pytest.mark.parametrize(("request_text", "column", "unit"), CARRIED, ids=[c[0] for c in CARRIED])
def test_a_row_carries_a_period_of_its_date(
    request_text: str, column: str, unit: str, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    name = f"{column.removesuffix('_date')}_{unit}"
    date = pl.col(column).cast(pl.Date)
    period = {"month": date.dt.month(), "quarter": date.dt.quarter(), "week": date.dt.week()}[unit]
    same_rows(output, demo.frames["orders"].with_columns(period.alias(name)))


def test_a_period_of_a_column_with_no_dates_stays_unread(demo: Demo) -> None:
    refused("each order also carries the month of its status", demo)


# --- gaps plugged: 'a few subscribers have no total charges - plug those gaps with the average' ---------------------
PLUGGED = [
    ("a few subscribers have no total charges recorded - can you plug those gaps with the average?", "churn",
     "total_charges", "mean"),
    ("some products have no price, patch those holes with 0", "products", "price", 0),
    ("a few customers have no city, plug the gaps with 'unknown'", "customers", "city", "unknown"),
    ("some subscribers have no income, plug these gaps with the median", "churn", "income", "median"),
]  # fmt: skip


def _filled(frame: pl.DataFrame, column: str, how: object) -> pl.DataFrame:
    if how in ("mean", "median"):
        value = getattr(frame[column], str(how))()
        return frame.with_columns(pl.col(column).fill_null(value))
    return frame.with_columns(pl.col(column).fill_null(pl.lit(how)))


@pytest.mark.parametrize(("request_text", "dataset", "column", "how"), PLUGGED, ids=[p[0] for p in PLUGGED])
def test_gaps_plugged_are_filled(
    request_text: str, dataset: str, column: str, how: object, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, _filled(demo.frames[dataset], column, how))


def test_gaps_plugged_with_nothing_said_stay_unread(demo: Demo) -> None:
    refused("a few subscribers have no income, plug those gaps", demo)


# --- terse arrow fills: 'blank prices -> 0' ------------------------------------------------------------------------
ARROWS = [
    ("products, blank prices -> 0", "products", "price", 0),
    ("products, blank prices => 0", "products", "price", 0),
    ("churn: missing incomes \u2192 median", "churn", "income", "median"),
    ("customers, empty cities -> 'unknown'", "customers", "city", "unknown"),
    ("missing ages become the median in customers", "customers", "age", "median"),
]


@pytest.mark.parametrize(("request_text", "dataset", "column", "how"), ARROWS, ids=[a[0] for a in ARROWS])
def test_an_arrow_fills_the_gaps(
    request_text: str, dataset: str, column: str, how: object, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, _filled(demo.frames[dataset], column, how))


@pytest.mark.parametrize("request_text", ["products, prices -> 0", "products, blank prices -> cheapest"])
def test_an_arrow_from_no_gaps_or_to_no_value_stays_unread(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- 'logged', 'entered', 'captured' after a missing column ---------------------------------------------------------
LOGGED = [
    ("orders with no ship date logged", "orders", pl.col("ship_date").is_null()),
    ("customers with no email entered", "customers", pl.col("email").is_null()),
    ("orders with a ship date logged", "orders", pl.col("ship_date").is_not_null()),
    ("subscribers with no income captured", "churn", pl.col("income").is_null()),
]


@pytest.mark.parametrize(("request_text", "dataset", "test"), LOGGED, ids=[g[0] for g in LOGGED])
def test_logged_says_the_value_is_on_file(
    request_text: str, dataset: str, test: pl.Expr, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, demo.frames[dataset].filter(test))


def test_logged_after_no_column_stays_unread(demo: Demo) -> None:
    refused("orders with no favourite colour logged", demo)


# --- praise for the answer asked: 'a count per country would be lovely' ('grand' is a thousand) ------------------
PRAISED = [
    ("a count of orders per country would be lovely", "orders per country"),
    ("a count of orders per country would be brilliant, ta", "orders per country"),
    ("customers in france would be brilliant, thanks", "customers in france"),
]


@pytest.mark.parametrize(("request_text", "bare"), PRAISED, ids=[p[0] for p in PRAISED])
def test_praise_of_the_answer_is_chatter(request_text: str, bare: str, demo: Demo, tmp_path: Path) -> None:
    _same_answer(request_text, bare, demo, tmp_path)
