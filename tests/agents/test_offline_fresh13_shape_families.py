"""The offline planner on fresh13's shaping families, each said many ways and run on the demo data: reasons that
name no data of the rows taken as chatter (a team or a person wanting to eyeball the rows before month end, a tool
expecting the names asked or hating blanks, something being built for a shop); 'exclude' before columns; a terse
arrow rename; 'values, deduped'; repeats collapsed into one; 'days between order and ship date'; a label by a date
bound; rows tagged with a period; text written out in capitals; a summary dropped into the gaps; 'keep nothing but'.
Each family also holds wordings that must stay not understood, where reading them would be a guess."""

from __future__ import annotations

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
    ("hey, could you grab the orders that brought in over 2,500 in revenue? finance wants to eyeball the big tickets"
     " before month end, thanks!", "orders with revenue over 2500"),
    ("orders over 500, the boss wants to eyeball them before the end of the month", "orders over 500"),
    ("orders over 500, finance wants to skim them before quarter end", "orders over 500"),
    ("orders over 500? my manager wants to look them over by month-end, thanks", "orders over 500"),
    ("customers in spain, sales would like to sanity check them before year end", "customers in spain"),
    ("hi! what are the five cheapest products we sell? building a bargain corner for the web shop, ta",
     "the five cheapest products"),
    ("the five cheapest products, setting up a clearance shelf for the store", "the five cheapest products"),
    ("products in the toys category, designing a holiday gift guide", "products in the toys category"),
    ("hey, could you rename total_revenue to amount and unit_price to price_each in the orders? our BI dashboard"
     " expects those names, cheers", "in orders rename total_revenue to amount and unit_price to price_each"),
    ("rename segment to tier, the crm expects these names", "rename segment to tier"),
    ("rename segment to tier, the dashboard expects the new names", "rename segment to tier"),
    ("orders over 500, the CFO wants to eyeball them", "orders over 500"),
    ("customers in spain, my boss is keen to skim them", "customers in spain"),
    ("the five cheapest products, we're building a bargain bin", "the five cheapest products"),
    ("fill missing income with the median, the script hates empty cells", "fill missing income with the median"),
    ("how many orders per country? scoping out the APAC launch", "how many orders per country"),
    ("rename name to full_name in customers, our importer needs those column names, thanks",
     "rename name to full_name in customers"),
    ("fill missing income with the median, the model hates nulls", "fill missing income with the median"),
    ("fill missing income with the median, our forecasting tool dislikes empty values",
     "fill missing income with the median"),
    ("fill missing income with the median, excel can't stand blanks", "fill missing income with the median"),
    ("hi! in customers, could you put 'Unknown' wherever the city is empty? the regional report can't group blanks,"
     " cheers", "in customers fill missing city with 'Unknown'"),
    ("in customers fill missing city with 'Unknown', the dashboard can't group blanks",
     "in customers fill missing city with 'Unknown'"),
    ("in customers fill missing city with 'Unknown', our map can't plot empty values",
     "in customers fill missing city with 'Unknown'"),
    ("how many orders per country? sizing up the EU expansion, cheers", "how many orders per country"),
    ("churn rows with no region? need to chase the data team about it, thanks", "churn rows with no region"),
    ("customers with no phone, going to chase the crm vendor about it", "customers with no phone"),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "bare"), REASONS, ids=[r[0][:60] for r in REASONS])
def test_a_reason_naming_no_data_is_chatter(request_text: str, bare: str, demo: Demo, tmp_path: Path) -> None:
    _same_answer(request_text, bare, demo, tmp_path)


def test_the_big_tickets_for_finance_are_the_orders_over_the_amount(demo: Demo, tmp_path: Path) -> None:
    request = "orders over 2500 in revenue? finance wants to eyeball the big tickets before month end, thanks!"
    _, output = answer(request, demo, tmp_path)
    same_rows(output, demo.frames["orders"].filter(pl.col("total_revenue") > 2500))


# a reason naming a value, a number, rows or a column beside the ask: the user's work, or a test? said, never dropped
NAMING_DATA = [
    "orders over 500, finance wants to eyeball the german ones before month end",
    "orders over 500, finance wants to eyeball the cancelled ones",
    "orders over 500, finance wants to eyeball those from 2023",
    "orders over 500, finance wants to eyeball them before 2024",
    "orders, my manager wants to look over the ones above 1000",
    "orders, the boss wants to eyeball the big tickets over 1000",
    "the five cheapest products, building a bargain corner for the toys category",
    "the five cheapest products, building a new column for the discount",
    "customers in france, setting up a flag for the smb ones",
    "customers in spain, building a mailer for the enterprise segment",
    "products, designing a promo for items under 20",
    "customers, opening a store in berlin",
    "rename segment to tier, the crm expects their names",
    "fill missing income with the median, the model hates nulls in region",
    "fill missing income with the median, the model chokes on nulls in region",
    "fill missing income with the median, the model hates the churned ones",
    "fill missing income with the median, the fiber model hates blanks",
    "customers in france, the dashboard can't group blanks by city",
    "customers, the sales team hates the smb ones",
    "customers in spain, the crm wants those phone numbers",
    "customers in spain, the crm wants the same phone",
    "rename segment to tier, the crm expects the new email column",
]


@pytest.mark.parametrize("request_text", NAMING_DATA)
def test_a_reason_naming_data_stays_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- 'exclude' before columns no row test took: the columns dropped ------------------------------------------------
EXCLUDED = [
    ("Exclude the telephone number and the date of birth from the customer records.", "customers",
     ["phone", "birth_date"]),
    ("exclude phone and email from customers", "customers", ["phone", "email"]),
    ("customers excluding phone and city, please", "customers", ["phone", "city"]),
    ("orders, exclude the ship date", "orders", ["ship_date"]),
    ("exclude the date of birth and the email address from customers", "customers", ["birth_date", "email"]),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "dataset", "columns"), EXCLUDED, ids=[e[0] for e in EXCLUDED])
def test_excluded_columns_are_dropped(
    request_text: str, dataset: str, columns: list[str], demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    expected = demo.frames[dataset].drop(columns)
    assert output.columns == expected.columns
    same_rows(output, expected)


@pytest.mark.parametrize(
    ("request_text", "test"),
    [("exclude the test accounts from customers", pl.col("is_test_account").not_()),
     ("exclude customers with no phone", pl.col("phone").is_not_null())],
)  # fmt: skip
def test_excluded_rows_stay_a_row_test(request_text: str, test: pl.Expr, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, demo.frames["customers"].filter(test))


# --- a terse arrow between a column and a new name: a rename ------------------------------------------------------
ARROWS = [
    ("churn: customer_ref -> subscriber_id", "churn", {"customer_ref": "subscriber_id"}),
    ("churn, customer_ref -> subscriber_id", "churn", {"customer_ref": "subscriber_id"}),
    ("churn customer_ref -> subscriber_id", "churn", {"customer_ref": "subscriber_id"}),
    ("churn: customer_ref \u2192 subscriber_id, tenure_months -> tenure", "churn",
     {"customer_ref": "subscriber_id", "tenure_months": "tenure"}),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "dataset", "renames"), ARROWS, ids=[a[0] for a in ARROWS])
def test_an_arrow_to_a_new_name_renames(
    request_text: str, dataset: str, renames: dict[str, str], demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, demo.frames[dataset].rename(renames))


# an arrow to a word of the data or the planner: a fill, a value, a period or a case? said, never a rename
@pytest.mark.parametrize(
    "request_text",
    ["churn: income -> median", "customers: city -> unknown", "orders: order_date -> month",
     "customers: name -> upper", "orders: country -> destination", "orders: total_revenue -> amount"],
)  # fmt: skip
def test_an_arrow_to_a_known_word_stays_unclear(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- 'values, deduped' after the columns: their distinct values -----------------------------------------------------
DEDUPED = [
    ("churn payment_method values, deduped", "churn", ["payment_method"]),
    ("churn, the contract values, deduplicated", "churn", ["contract"]),
    ("churn contract values - distinct", "churn", ["contract"]),
    ("customers: segment values, de-duplicated", "customers", ["segment"]),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "dataset", "columns"), DEDUPED, ids=[d[0] for d in DEDUPED])
def test_values_deduped_are_distinct(
    request_text: str, dataset: str, columns: list[str], demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, demo.frames[dataset].select(columns).unique())


def test_values_with_nothing_said_of_them_stay_unread(demo: Demo) -> None:
    refused("churn payment_method values", demo)


# --- repeats collapsed into one: each whole row once ----------------------------------------------------------------
COLLAPSED = [
    ("the order table with any row that appears twice collapsed into one", "orders"),
    ("orders with the duplicates merged into one", "orders"),
    ("collapse rows that show up more than once into a single row, in customers", "customers"),
    ("customers, any record that appears twice condensed to one", "customers"),
    ("the orders with every row that occurs twice folded into one", "orders"),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "dataset"), COLLAPSED, ids=[c[0] for c in COLLAPSED])
def test_repeats_collapsed_into_one_keep_each_row_once(
    request_text: str, dataset: str, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, demo.frames[dataset].unique())


@pytest.mark.parametrize(
    "request_text",
    ["orders with rows that appear twice collapsed into two", "products with the duplicate ids merged into one"],
)
def test_repeats_collapsed_otherwise_stay_unread(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- 'days between order and ship date': the two dates share their last word ---------------------------------------
SHARED_HEAD = [
    "orders, plus ship_lag = days between order and ship date",
    "orders, plus ship_lag = the number of days between order and ship date",
    "orders with ship_lag = days between the order and the ship date",
]


@pytest.mark.parametrize("request_text", SHARED_HEAD)
def test_days_between_dates_sharing_a_head(request_text: str, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    orders = demo.frames["orders"]
    lag = (pl.col("ship_date") - pl.col("order_date")).dt.total_days().alias("ship_lag")
    same_rows(output, orders.with_columns(lag))


@pytest.mark.parametrize(
    "request_text",
    ["orders, plus ship_lag = days between delivery and ship date",
     "orders, plus ship_lag = days between orders and ship date"],
)  # fmt: skip
def test_days_between_a_word_naming_no_date_stays_unread(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- a label by a bound on a date: 'pre-1965' for anyone born before 1965 -------------------------------------------
def _born_before(year: int) -> pl.Expr:
    born = pl.col("birth_date").cast(pl.Date)
    return pl.when(born < pl.date(year, 1, 1)).then(pl.lit(f"pre-{year}")).otherwise(pl.lit("later"))


DATE_LABELS = [
    "Add a column named cohort to the customer records, set to 'pre-1965' for anyone born before 1965 and 'later'"
    " for everyone else.",
    "Add a column named cohort to customers, set to 'pre-1965' for customers born before 1965 and 'later' otherwise.",
    "add cohort to customers: 'pre-1965' when birth_date is before 1965, else 'later'",
]


@pytest.mark.parametrize("request_text", DATE_LABELS)
def test_a_label_by_a_date_bound(request_text: str, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    customers = demo.frames["customers"]
    same_rows(output, customers.with_columns(_born_before(1965).alias("cohort")))


def test_a_label_for_orders_placed_in_a_year(demo: Demo, tmp_path: Path) -> None:
    request = "add a column era to orders, 'y23' for orders placed in 2023 and 'other' for the rest"
    _, output = answer(request, demo, tmp_path)
    placed = pl.col("order_date").cast(pl.Date).dt.year() == 2023
    era = pl.when(placed).then(pl.lit("y23")).otherwise(pl.lit("other")).alias("era")
    same_rows(output, demo.frames["orders"].with_columns(era))


@pytest.mark.parametrize(
    "request_text",
    ["add a column cohort to customers, 'pre-1965' for anyone born before 1965 or after 1990 and 'later' otherwise",
     "add a column era to orders, 'recent' for orders placed after the big sale and 'older' otherwise",
     "add a column tag to customers, 'x' for the smb ones before 2020 and 'y' otherwise"],
)  # fmt: skip
def test_a_label_by_more_than_one_date_bound_stays_unread(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- 'tag every order with its year': a period of the rows' date as a column ---------------------------------------
TAGGED = [
    ("Is it possible to tag every order with its year?", "orders", "order_year", "order_date", "year"),
    ("tag each order with its month", "orders", "order_month", "order_date", "month"),
    ("label all the orders with their ship date year", "orders", "ship_year", "ship_date", "year"),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "dataset", "name", "column", "unit"), TAGGED, ids=[t[0] for t in TAGGED])
def test_rows_tagged_with_a_period(
    request_text: str, dataset: str, name: str, column: str, unit: str, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    day = pl.col(column).cast(pl.Date)
    period = (day.dt.year() if unit == "year" else day.dt.month()).alias(name)
    same_rows(output, demo.frames[dataset].with_columns(period))


def test_rows_tagged_with_a_column_stay_unread(demo: Demo) -> None:
    refused("tag every order with its status", demo)


# --- 'every name written out in capital letters': a case of the text --------------------------------------------------
WRITTEN = [
    ("the product list with every name written out in capital letters", "products", "name", "upper"),
    ("customers with every city spelled out in block capitals", "customers", "city", "upper"),
    ("products with each name shown in all caps", "products", "name", "upper"),
    ("customers with the email written in lower case", "customers", "email", "lower"),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "dataset", "column", "case"), WRITTEN, ids=[w[0] for w in WRITTEN])
def test_text_written_in_a_case(
    request_text: str, dataset: str, column: str, case: str, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    text = pl.col(column)
    same_rows(output, demo.frames[dataset].with_columns(text.str.to_uppercase() if case == "upper" else
                                                        text.str.to_lowercase()))  # fmt: skip


@pytest.mark.parametrize(
    "request_text",
    ["customers with every name written out in italics",
     "the product list with every price written out in capital letters"],
)  # fmt: skip
def test_a_case_of_no_text_stays_unread(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- 'where income is missing, drop in the median income': the gaps, then what goes in ------------------------------
DROPPED_IN = [
    ("hey, where income is missing in the churn data could you drop in the median income instead? the regression"
     " script hates blanks, thanks", "income", "median"),
    ("where income is missing in churn, put in the median income", "income", "median"),
    ("where income is blank in the churn data, pop in the average income", "income", "mean"),
    ("in churn, where income is missing, stick in the median instead", "income", "median"),
    ("where total charges are missing in churn, drop in the mean", "total_charges", "mean"),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "column", "how"), DROPPED_IN, ids=[d[0][:60] for d in DROPPED_IN])
def test_a_summary_dropped_in_fills_the_gaps(
    request_text: str, column: str, how: str, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    values = pl.col(column)
    summary = values.median() if how == "median" else values.mean()
    same_rows(output, demo.frames["churn"].with_columns(values.fill_null(summary)))


@pytest.mark.parametrize(
    "request_text",
    ["where income is missing in churn, drop in the median tenure",
     "fill missing income with the median tenure",
     "where income is missing in churn, drop in the value"],
)  # fmt: skip
def test_gaps_filled_from_another_column_or_nothing_stay_unread(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- 'keep nothing but A, B and C': the columns kept ---------------------------------------------------------------
def test_keep_nothing_but_after_turns(demo: Demo, tmp_path: Path) -> None:
    planned = draft("the churn data please", demo.catalog)
    planned = draft("only the folks on the one-year plan", demo.catalog, planned.definition)
    request = "and keep nothing but customer_ref, tenure and whether they churned"
    _, output = answer(request, demo, tmp_path, planned.definition)
    assert output.columns == ["customer_ref", "tenure_months", "churned"]


NOTHING_BUT = [
    ("customers in france, show nothing but name and email", "customers", ["name", "email"]),
    ("churn on the one-year plan, keep nothing but customer_ref, tenure and whether they churned", "churn",
     ["customer_ref", "tenure_months", "churned"]),
    ("products, keep nothing except the name and the price", "products", ["name", "price"]),
]  # fmt: skip


@pytest.mark.parametrize(("request_text", "dataset", "columns"), NOTHING_BUT, ids=[n[0] for n in NOTHING_BUT])
def test_nothing_but_the_columns_are_kept(
    request_text: str, dataset: str, columns: list[str], demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    assert output.columns == columns


# --- 'per order for each product category' over orders: per order is per row, not a group -------------------------
PER_ROW_BESIDE_GROUPS = [
    ("average revenue per order for each product category", "category"),
    ("avrage revenu per ordr for each prodcut category", "category"),
    ("average quantity per order for each customer segment", "segment"),
]


@pytest.mark.parametrize(("request_text", "group"), PER_ROW_BESIDE_GROUPS, ids=[p[0] for p in PER_ROW_BESIDE_GROUPS])
def test_per_own_row_beside_a_looked_up_group_is_no_group(
    request_text: str, group: str, demo: Demo, tmp_path: Path
) -> None:
    _, output = answer(request_text, demo, tmp_path)
    assert "order_id" not in output.columns
    assert output.height == output.select(group).n_unique() <= 8


def test_per_customer_beside_a_group_still_groups_by_customer(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("total spend per customer for each segment", demo, tmp_path)
    assert "customer_id" in output.columns and output.height > 100
