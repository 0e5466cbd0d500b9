"""The offline planner on fresh12's summaries, joins and follow-ups, each family said many ways: 'a head count' for a
count; 'the train/test split' for the split column and groups 'crossed with' another; 'rolling' contracts; a year
'only' said after it; 'destination' for where orders ship; 'open up' a dataset; verbs that record an amount ('the
revenue booked', 'the highest charge recorded'); periods 'of the 2023 calendar year'; 'one row per currency' beside a
summary; 'the typical price, taken as an average'; keys that 'match nobody' in another table; and purchases 'sent
back'. Each wording runs on the demo data and gives the rows of a plain wording (or of polars itself); each family
also holds wordings that must stay not understood."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from tests.agents.test_offline_planner import Demo, answer, demo, plan_steps, refused, same_rows

__all__ = ["demo"]  # the fixture, shared with the row-test module


def _same_as(request: str, plain: str, demo: Demo, work: Path) -> pl.DataFrame:
    """The rows `request` gives on the demo data, checked to be those of the plainer wording `plain`."""
    _, said = answer(request, demo, work)
    _, expected = answer(plain, demo, work)
    assert_frame_equal(said, expected, check_row_order=False, check_dtypes=False)
    return said


def _turns(turns: list[str], demo: Demo, work: Path) -> pl.DataFrame:
    """The rows of the last turn, each turn editing the one before."""
    previous = None
    for turn in turns:
        planned, output = answer(turn, demo, work, previous)
        previous = planned.definition
    return output


# --- 'a head count' ---------------------------------------------------------------------------------------------
HEAD_COUNTS = ["a head count of subscribers per region", "the headcount per region",
               "head-count of churn rows by region", "headcounts for each region",
               "give me a head count for every region"]  # fmt: skip


@pytest.mark.parametrize("request_text", HEAD_COUNTS)
def test_a_head_count_counts_the_rows(request_text: str, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, demo.frames["churn"].group_by("region").agg(pl.len().alias("count")))


def test_a_head_said_alone_is_not_understood(demo: Demo) -> None:
    refused("the head of each region", demo)


# --- 'the train/test split', groups 'crossed with' another ------------------------------------------------------
SPLITS = ["a head count of subscribers for every region crossed with the train/test split",
          "count of churn rows per region crossed with the train/test split",
          "number of subscribers by region crossed with split",
          "subscribers per region and train/test split"]  # fmt: skip


@pytest.mark.parametrize("request_text", SPLITS)
def test_the_train_test_split_is_a_group(request_text: str, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, demo.frames["churn"].group_by("region", "split").agg(pl.len().alias("count")))


def test_the_slashed_split_alone_groups_it(demo: Demo) -> None:
    steps = plan_steps("churn rows per train/test split", demo)
    assert [s["kind"] for s in steps] == ["source", "aggregate"], steps
    assert steps[1]["group_by"] == ["split"]


def test_crossed_with_nothing_known_is_not_understood(demo: Demo) -> None:
    refused("subscribers for every region crossed with the moon", demo)


# --- 'rolling' contracts ----------------------------------------------------------------------------------------
ROLLING = ["subscribers on rolling monthly contracts", "churn rows on a rolling contract",
           "subscribers with rolling plans", "customers on rolling monthly deals from the churn data"]  # fmt: skip


@pytest.mark.parametrize("request_text", ROLLING)
def test_a_rolling_contract_is_month_to_month(request_text: str, demo: Demo, tmp_path: Path) -> None:
    _same_as(request_text, "subscribers on month-to-month contracts", demo, tmp_path)


def test_rolling_leavers_counted_per_region(demo: Demo, tmp_path: Path) -> None:
    _same_as(
        "among subscribers on rolling monthly contracts who have left, a head count per region",
        "number of churned subscribers on month-to-month contracts per region",
        demo,
        tmp_path,
    )


def test_a_rolling_average_is_not_a_contract(demo: Demo) -> None:
    refused("subscribers with a rolling average charge", demo)


# --- a year 'only', said after it -------------------------------------------------------------------------------
YEARS_ONLY = [["orders", "2023 only"], ["orders", "2023 alone, please"], ["orders 2023 only"],
              ["orders, 2023 only"]]  # fmt: skip


@pytest.mark.parametrize("turns", YEARS_ONLY, ids=[" -> ".join(t) for t in YEARS_ONLY])
def test_a_year_only_narrows_to_it(turns: list[str], demo: Demo, tmp_path: Path) -> None:
    output = _turns(turns, demo, tmp_path)
    _, expected = answer("orders placed in 2023", demo, tmp_path)
    assert_frame_equal(output, expected, check_row_order=False, check_dtypes=False)


def test_a_year_only_then_a_summary_per_destination(demo: Demo, tmp_path: Path) -> None:
    output = _turns(["orders", "2023 only", "mean revenue per destination"], demo, tmp_path)
    _, expected = answer("average revenue per country of orders placed in 2023", demo, tmp_path)
    assert_frame_equal(output, expected, check_row_order=False, check_dtypes=False)


def test_a_year_only_of_rows_without_dates_is_not_understood(demo: Demo, tmp_path: Path) -> None:
    planned, _ = answer("churn", demo, tmp_path)
    refused("2023 only", demo, planned.definition)


# --- 'destination' for where orders ship ------------------------------------------------------------------------
DESTINATIONS = [("mean revenue per destination", "mean revenue per country"),
                ("total revenue by destination", "total revenue by country"),
                ("number of orders for each destination", "number of orders for each country"),
                ("average quantity per destination", "average quantity per country")]  # fmt: skip


@pytest.mark.parametrize(("request_text", "plain"), DESTINATIONS, ids=[d[0] for d in DESTINATIONS])
def test_a_destination_is_the_orders_country(request_text: str, plain: str, demo: Demo, tmp_path: Path) -> None:
    _same_as(request_text, plain, demo, tmp_path)


def test_a_destination_of_people_is_not_understood(demo: Demo) -> None:
    refused("customers per destination", demo)


# --- 'open up' a dataset ----------------------------------------------------------------------------------------
OPENED = [("hi! can you open up the churn data for me?", "churn"), ("open up the orders table", "orders"),
          ("could you open up all products", "products")]  # fmt: skip


@pytest.mark.parametrize(("request_text", "dataset"), OPENED, ids=[o[0] for o in OPENED])
def test_open_up_fetches_the_dataset(request_text: str, dataset: str, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    same_rows(output, demo.frames[dataset])


def test_open_alone_is_not_understood(demo: Demo) -> None:
    refused("open the orders", demo)


def test_fibre_leavers_and_stayers_after_opening(demo: Demo, tmp_path: Path) -> None:
    turns = ["hi! can you open up the churn data for me?", "only the people on fibre, please",
             "and how many of them churned versus stayed? ta"]  # fmt: skip
    output = _turns(turns, demo, tmp_path)
    fibre = demo.frames["churn"].filter(pl.col("internet_service") == "fiber")
    same_rows(output, fibre.group_by("churned").agg(pl.len().alias("count")))


# --- verbs that record an amount --------------------------------------------------------------------------------
RECORDED = [("Report the highest total charge recorded under each contract type.",
             "the highest total charges per contract"),
            ("the average monthly charge recorded for each region", "average monthly charges per region"),
            ("the total revenue booked per country", "total revenue per country"),
            ("revenue booked per country", "total revenue per country"),
            ("the revenue collected in each month", "total revenue per month"),
            ("State the total revenue per country.", "total revenue per country")]  # fmt: skip


@pytest.mark.parametrize(("request_text", "plain"), RECORDED, ids=[r[0] for r in RECORDED])
def test_a_verb_recording_an_amount_is_no_test(request_text: str, plain: str, demo: Demo, tmp_path: Path) -> None:
    _same_as(request_text, plain, demo, tmp_path)


BOOKED = [("orders booked in 2023", "orders placed in 2023"),
          ("how many orders were booked per month", "how many orders were placed per month"),
          ("orders booked per country", "orders placed per country")]  # fmt: skip


@pytest.mark.parametrize(("request_text", "plain"), BOOKED, ids=[b[0] for b in BOOKED])
def test_booked_is_placed_not_the_books_category(request_text: str, plain: str, demo: Demo, tmp_path: Path) -> None:
    output = _same_as(request_text, plain, demo, tmp_path)
    assert "category" not in output.columns


def test_booking_something_no_column_holds_is_not_understood(demo: Demo) -> None:
    refused("customers who booked a call", demo)


def test_an_amount_recorded_with_having_still_tests_it(demo: Demo) -> None:
    steps = plan_steps("orders with a revenue recorded", demo)
    assert steps[-1] == {"kind": "filter", "condition": "total_revenue is not null"}


def test_an_amount_recorded_in_a_year_is_tested_not_summed(demo: Demo) -> None:
    steps = plan_steps("the revenue recorded in 2023", demo)
    assert [s["kind"] for s in steps] == ["source", "filter"], steps
    assert "total_revenue is not null" in steps[-1]["condition"]


# --- periods of the 2023 calendar year --------------------------------------------------------------------------
CALENDAR = [("State the total revenue booked in each quarter of the 2023 calendar year.",
             "total revenue in each quarter of 2023"),
            ("orders per month of the 2024 calendar year", "orders per month of 2024"),
            ("the average quantity in each quarter of the 2024 calendar year",
             "average quantity in each quarter of 2024")]  # fmt: skip


@pytest.mark.parametrize(("request_text", "plain"), CALENDAR, ids=[c[0] for c in CALENDAR])
def test_periods_of_a_calendar_year_are_numbered_in_it(
    request_text: str, plain: str, demo: Demo, tmp_path: Path
) -> None:
    output = _same_as(request_text, plain, demo, tmp_path)
    assert output.height <= 12


# --- 'one row per X' beside a summary ---------------------------------------------------------------------------
ONE_ROW = [("revenue totals, one row per currency", "total revenue per currency"),
           ("the average price, one row per category", "average price per category"),
           ("one row per country with the number of orders", "number of orders per country"),
           ("revenue totals per currency", "total revenue per currency")]  # fmt: skip


@pytest.mark.parametrize(("request_text", "plain"), ONE_ROW, ids=[o[0] for o in ONE_ROW])
def test_one_row_per_value_beside_a_summary_groups(request_text: str, plain: str, demo: Demo, tmp_path: Path) -> None:
    _same_as(request_text, plain, demo, tmp_path)


DEDUPE_THEN_COUNT = ["keep one row per email, then count the customers",
                     "customers deduplicated to one row per email, then count them"]  # fmt: skip


@pytest.mark.parametrize("request_text", DEDUPE_THEN_COUNT)
def test_one_row_per_value_as_a_step_before_a_count_deduplicates(request_text: str, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    assert output.item() == demo.frames["customers"].unique("email").height


PICKED_ROW = ["one row per category with the highest price",
              "products, one row per category, keeping the highest price"]  # fmt: skip


@pytest.mark.parametrize("request_text", PICKED_ROW)
def test_one_row_per_value_with_an_end_picks_the_row(request_text: str, demo: Demo) -> None:
    steps = plan_steps(request_text, demo)
    assert [s["kind"] for s in steps] == ["source", "deduplicate"], steps


def test_one_row_per_value_alone_still_deduplicates(demo: Demo) -> None:
    steps = plan_steps("orders, one row per currency", demo)
    assert [s["kind"] for s in steps] == ["source", "deduplicate"], steps


def test_totals_of_no_groups_are_not_understood(demo: Demo) -> None:
    refused("revenue totals", demo)


# --- 'the typical price, taken as an average' -------------------------------------------------------------------
TAKEN_AS = [("the typical price of an item in each product range, taken as an average", "average price per category"),
            ("typical monthly charge per region, as the mean", "average monthly charges per region"),
            ("the typical price per category, measured as the median", "median price per category"),
            ("typical quantity per status, computed as an average", "average quantity per status")]  # fmt: skip


@pytest.mark.parametrize(("request_text", "plain"), TAKEN_AS, ids=[t[0] for t in TAKEN_AS])
def test_a_loose_measure_is_taken_as_said(request_text: str, plain: str, demo: Demo, tmp_path: Path) -> None:
    _same_as(request_text, plain, demo, tmp_path)


def test_a_total_taken_as_an_average_is_not_understood(demo: Demo) -> None:
    refused("the total revenue per country, taken as an average", demo)


# --- keys that match nobody in another table --------------------------------------------------------------------
UNMATCHED = [("Are there orders whose customer id matches nobody in the customer table?", "customer"),
             ("orders whose customer id matches no customer", "customer"),
             ("orders where the customer id corresponds to no one in the customers table", "customer"),
             ("orders where the product id points to nothing in the products table", "product")]  # fmt: skip


@pytest.mark.parametrize(("request_text", "other"), UNMATCHED, ids=[u[0] for u in UNMATCHED])
def test_a_key_matching_nobody_is_an_anti_join(request_text: str, other: str, demo: Demo, tmp_path: Path) -> None:
    _, output = answer(request_text, demo, tmp_path)
    key = f"{other}_id"
    expected = demo.frames["orders"].join(demo.frames[f"{other}s"].select(key), on=key, how="anti")
    same_rows(output, expected)


UNMATCHED_REFUSED = ["orders whose customer id matches nobody in the product table",
                     "orders whose order id matches nobody in the customer table"]  # fmt: skip


@pytest.mark.parametrize("request_text", UNMATCHED_REFUSED)
def test_a_key_the_tables_do_not_share_is_not_understood(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- purchases sent back ----------------------------------------------------------------------------------------
SENT_BACK = ["people who have sent at least one purchase back to us", "customers who sent their order back",
             "people who have returned at least one purchase", "customers who brought an order back",
             "people who sent back an order"]  # fmt: skip


@pytest.mark.parametrize("request_text", SENT_BACK)
def test_people_who_sent_a_purchase_back(request_text: str, demo: Demo, tmp_path: Path) -> None:
    _same_as(request_text, "customers with a returned order", demo, tmp_path)


def test_how_many_people_returned_counts_each_once(demo: Demo, tmp_path: Path) -> None:
    _, output = answer("how many people have returned an order", demo, tmp_path)
    orders = demo.frames["orders"]
    returned = orders.filter(pl.col("status").str.strip_chars().str.to_lowercase() == "returned")
    assert output.item() == returned["customer_id"].n_unique()


BACK_NOT_RETURNED = ["orders, sent to Italy, back", "orders we sent out back in 2023",
                     "customers who sent us an email back in 2023", "orders brought in back in 2022"]  # fmt: skip


@pytest.mark.parametrize("request_text", BACK_NOT_RETURNED)
def test_back_that_is_no_return_is_not_understood(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)


# --- a column attached to the rows named after it ---------------------------------------------------------------
ATTACHED = [("Attach each product's catalogue price to the orders that contain it.", "orders with the product price"),
            ("add the product price to the orders", "orders with the product price"),
            ("attach each customer's segment to the orders they placed", "orders with the customer's segment"),
            ("attach the customer's segment to our orders", "orders with the customer's segment")]  # fmt: skip


@pytest.mark.parametrize(("request_text", "plain"), ATTACHED, ids=[a[0] for a in ATTACHED])
def test_columns_attached_to_rows_named_after(request_text: str, plain: str, demo: Demo, tmp_path: Path) -> None:
    output = _same_as(request_text, plain, demo, tmp_path)
    column = "price" if "price" in request_text else "segment"
    owners = demo.frames["products" if column == "price" else "customers"]
    key = "product_id" if column == "price" else "customer_id"
    assert output.height == demo.frames["orders"].join(owners.select(key, column), on=key, how="left").height


# --- how big a basket, on average -------------------------------------------------------------------------------
BASKETS = [("how big a basket each customer segment buys on average, counted in units",
            "the average order size per customer segment"),
           ("how big an order each customer segment places on average", "the average order size per customer segment"),
           ("how big a purchase each customer segment makes on average", "the average order size per customer segment"),
           ("the average order size per customer segment, in units", "the average order size per customer segment"),
           ("how large an order each status has on average", "the average quantity per status")]  # fmt: skip


@pytest.mark.parametrize(("request_text", "plain"), BASKETS[:4], ids=[b[0] for b in BASKETS[:4]])
def test_how_big_a_basket_on_average_is_the_mean_size(
    request_text: str, plain: str, demo: Demo, tmp_path: Path
) -> None:
    output = _same_as(request_text, plain, demo, tmp_path)
    assert [c for c in output.columns if c != "segment"] == ["mean_quantity"], output.columns


BASKETS_REFUSED = ["how big a basket each segment buys", "how big a basket", BASKETS[4][0]]


@pytest.mark.parametrize("request_text", BASKETS_REFUSED)
def test_how_big_without_on_average_is_not_understood(request_text: str, demo: Demo) -> None:
    refused(request_text, demo)
