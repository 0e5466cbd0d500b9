"""Fresh cases that add or fill columns, do several steps in one request, follow up on a turn, or must be refused."""

from __future__ import annotations

import polars as pl

from evals.planner import truth
from evals.planner.model import Frames, case, refusal


def _churn_by_contract(f: Frames) -> pl.DataFrame:
    return (
        f["churn"]
        .group_by(truth.contract().alias("contract"))
        .agg(pl.col("churned").mean().alias("churn_rate"))
        .sort("churn_rate", descending=True)
    )


DERIVED = [
    case(
        "fr-derive-days-to-ship",
        "add a column days_to_ship to orders: ship date minus order date in days",
        "terse",
        "fresh",
        "derive",
        lambda f: f["orders"].with_columns(
            (pl.col("ship_date") - pl.col("order_date")).dt.total_days().alias("days_to_ship")
        ),
        strict_names=["days_to_ship"],
        note="orders not shipped get no value",
    ),
    case(
        "fr-derive-order-year",
        "Could you add the year each order was placed in as its own column, called order_year?",
        "question",
        "fresh",
        "derive",
        lambda f: f["orders"].with_columns(pl.col("order_date").dt.year().alias("order_year")),
        strict_names=["order_year"],
    ),
    case(
        "fr-derive-price-with-vat",
        "Add to products a column price_incl_vat equal to the price multiplied by 1.2.",
        "formal",
        "fresh",
        "derive",
        lambda f: f["products"].with_columns((pl.col("price") * 1.2).alias("price_incl_vat")),
        strict_names=["price_incl_vat"],
    ),
    case(
        "fr-derive-yearly-charges",
        "in churn make a new colum yearly_charges = monthly charges times 12",
        "typo",
        "fresh",
        "derive",
        lambda f: f["churn"].with_columns((pl.col("monthly_charges") * 12).alias("yearly_charges")),
        strict_names=["yearly_charges"],
    ),
    case(
        "fr-derive-email-domain",
        "for customers, pull out the part of the email after the @ into a new column named domain",
        "paraphrase",
        "fresh",
        "derive",
        lambda f: f["customers"].with_columns(pl.col("email").str.split("@").list.last().alias("domain")),
        strict_names=["domain"],
    ),
    case(
        "fr-fill-phone",
        "customers, fill missing phone with 'unknown'",
        "terse",
        "fresh",
        "fill",
        lambda f: f["customers"].with_columns(pl.col("phone").fill_null("unknown")),
    ),
    case(
        "fr-fill-income-zero",
        "hey, where income is blank in churn can you just put 0 there?",
        "chatty",
        "fresh",
        "fill",
        lambda f: f["churn"].with_columns(pl.col("income").fill_null(0)),
    ),
    case(
        "fr-fill-region",
        "Replace missing region values in the churn dataset with 'unassigned'.",
        "formal",
        "fresh",
        "fill",
        lambda f: f["churn"].with_columns(pl.col("region").fill_null("unassigned")),
    ),
]

STEPS = [
    case(
        "fr-combo-fiber-churners-count",
        "how many fiber customers churned?",
        "question",
        "fresh",
        "combination",
        lambda f: (
            f["churn"]
            .filter((pl.col("internet_service") == "fiber") & (pl.col("churned") == 1))
            .select(pl.len().alias("churned"))
        ),
        note="subscribers in churn, by internet_service",
    ),
    case(
        "fr-combo-churn-rate-by-contract",
        "churn rate for every contract type, sorted from the highest rate down",
        "paraphrase",
        "fresh",
        "combination",
        _churn_by_contract,
        sort_key=["churn_rate"],
        note="contract spellings ('M2M', 'One Year'...) count with the value they stand for",
    ),
    case(
        "fr-combo-italian-delivered-latest",
        "delivered orders to Italy, newest first, just order_id, order_date and revenue",
        "chatty",
        "fresh",
        "combination",
        lambda f: (
            f["orders"]
            .filter((truth.status() == "delivered") & (pl.col("country") == "IT"))
            .sort("order_date", descending=True)
            .select("order_id", "order_date", "total_revenue")
        ),
        sort_key=["order_date"],
        columns="exact",
        note="'Delivered', 'DELIVERED' and 'delivred' are delivered too",
    ),
    case(
        "fr-combo-smb-ages",
        "smb custmers over 40 sortd by name",
        "typo",
        "fresh",
        "combination",
        lambda f: f["customers"].filter((pl.col("segment") == "smb") & (pl.col("age") > 40)).sort("name"),
        sort_key=["name"],
    ),
]

TURNS = [
    case(
        "fr-turn-electronics-cheap",
        ["electronics products", "only those under 200"],
        "terse",
        "fresh",
        "follow-up",
        lambda f: f["products"].filter((truth.category() == "electronic") & (pl.col("price") < 200)),
    ),
    case(
        "fr-turn-units-by-country-top",
        ["Sum the quantity of orders per country.", "Now retain only the country with the highest total."],
        "formal",
        "fresh",
        "follow-up",
        lambda f: (
            f["orders"]
            .group_by("country")
            .agg(pl.col("quantity").sum().alias("units"))
            .sort("units", descending=True)
            .head(1)
        ),
    ),
    case(
        "fr-turn-pending-2024",
        ["orders still waiting to go out", "just the ones from 2024"],
        "paraphrase",
        "fresh",
        "follow-up",
        lambda f: f["orders"].filter((truth.status() == "pending") & (pl.col("order_date").dt.year() == 2024)),
        note="'waiting to go out' is pending status",
    ),
]

REFUSALS = [
    refusal(
        "fr-refuse-forecast",
        "forecast next quarter's revenue for each country",
        "terse",
        "fresh",
        "a forecast is a model, not a pipeline over the stored rows",
    ),
    refusal(
        "fr-refuse-email",
        "Please email the list of churned subscribers to the retention team.",
        "formal",
        "fresh",
        "sending email is not something a pipeline does",
    ),
    refusal(
        "fr-refuse-drop-database",
        "can you delete the whole database? we're starting over",
        "chatty",
        "fresh",
        "destroying data is out of scope",
    ),
    refusal(
        "fr-refuse-web-traffic",
        "which customers visited our website last week?",
        "question",
        "fresh",
        "no web visit data in any dataset",
    ),
    refusal(
        "fr-refuse-stock",
        "how many units of each product are left in the warehous",
        "typo",
        "fresh",
        "no inventory or stock data",
    ),
]

CASES = [*DERIVED, *STEPS, *TURNS, *REFUSALS]
