"""The held-out split: requests written fresh, after the planner was tuned; here filters on numbers and text.

No planner was run while these were written, and none of them rewords a dev or test request. Dates, missing values
and flags are in `cases_holdout_dates.py`; reshaping in `cases_holdout_shape.py`; aggregates and joins in
`cases_holdout_groups.py`; steps in a row, follow-ups and refusals in `cases_holdout_flows.py`.
"""

from __future__ import annotations

import polars as pl

from evals.planner import cases_holdout_dates, cases_holdout_flows, cases_holdout_groups, cases_holdout_shape, truth
from evals.planner.model import case

NUMBERS = [
    case(
        "ho-num-cheap-units",
        "orders unit_price below 10",
        "terse",
        "holdout",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("unit_price") < 10),
    ),
    case(
        "ho-num-five-years",
        "I'd like to see the subscribers who have been with us for at least five years, if that's possible",
        "chatty",
        "holdout",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("tenure_months") >= 60),
        note="five years is 60 months of tenure_months",
    ),
    case(
        "ho-num-income-band",
        "churn records with an income from 40k to 60k",
        "paraphrase",
        "holdout",
        "filter-number",
        lambda f: f["churn"].filter(pl.col("income").is_between(40_000, 60_000)),
    ),
    case(
        "ho-num-pricey-products",
        "prodcuts with a prise above 1000",
        "typo",
        "holdout",
        "filter-number",
        lambda f: f["products"].filter(pl.col("price") > 1000),
    ),
    case(
        "ho-num-two-units",
        "Select the orders in which exactly two units were purchased.",
        "formal",
        "holdout",
        "filter-number",
        lambda f: f["orders"].filter(pl.col("quantity") == 2),
    ),
    case(
        "ho-num-negative-price",
        "Do any products have a price below zero?",
        "question",
        "holdout",
        "filter-number",
        lambda f: f["products"].filter(pl.col("price") < 0),
    ),
    case(
        "ho-num-twenties",
        "custommers in there twenties",
        "typo",
        "holdout",
        "filter-number",
        lambda f: f["customers"].filter(pl.col("age").is_between(20, 29)),
    ),
]

TEXT = [
    case(
        "ho-text-spain-italy",
        "orders going to Spain or Italy",
        "paraphrase",
        "holdout",
        "filter-text",
        lambda f: f["orders"].filter(pl.col("country").is_in(["ES", "IT"])),
    ),
    case(
        "ho-text-us-customers",
        "hiya, I'm after our customers based in the United States",
        "chatty",
        "holdout",
        "filter-text",
        lambda f: f["customers"].filter(truth.customer_country() == "US"),
        note="customers.country also holds 'U.S.', 'United States' and 'us'",
    ),
    case(
        "ho-text-not-dutch",
        "every customer except the ones in the Netherlands",
        "paraphrase",
        "holdout",
        "filter-text",
        lambda f: f["customers"].filter(truth.customer_country() != "NL"),
        note="'Netherlands' is stored next to 'NL'; both are left out",
    ),
    case(
        "ho-text-returned",
        "returned orders",
        "terse",
        "holdout",
        "filter-text",
        lambda f: f["orders"].filter(truth.status() == "returned"),
        note="'Returned' is stored too",
    ),
    case(
        "ho-text-shipped-status",
        "hey, can you find me all the orders that are still sitting in shipped status?",
        "chatty",
        "holdout",
        "filter-text",
        lambda f: f["orders"].filter(truth.status() == "shipped"),
        note="'Shipped' and 'shipped ' (trailing space) are stored too",
    ),
    case(
        "ho-text-smb",
        "Please provide all customers belonging to the SMB segment.",
        "formal",
        "holdout",
        "filter-text",
        lambda f: f["customers"].filter(pl.col("segment") == "smb"),
    ),
    case(
        "ho-text-books",
        "what products do we have in books?",
        "question",
        "holdout",
        "filter-text",
        lambda f: f["products"].filter(truth.category() == "book"),
        note="'BOOKS' is stored too",
    ),
    case(
        "ho-text-echeck",
        "subscribers paying by electronic check",
        "terse",
        "holdout",
        "filter-text",
        lambda f: f["churn"].filter(pl.col("payment_method") == "electronic check"),
    ),
    case(
        "ho-text-no-internet",
        "Which churn customers don't have internet service at all?",
        "question",
        "holdout",
        "filter-text",
        lambda f: f["churn"].filter(pl.col("internet_service") == "none"),
        note="'none' is a stored value, not a missing one",
    ),
    case(
        "ho-text-sterling",
        "orders payed in pounds sterling",
        "typo",
        "holdout",
        "filter-text",
        lambda f: f["orders"].filter(truth.currency() == "GBP"),
    ),
    case(
        "ho-text-two-year",
        "subscibers on 2 year contracts",
        "typo",
        "holdout",
        "filter-text",
        lambda f: f["churn"].filter(truth.contract() == "two-year"),
        note="'2 year' is stored next to 'two-year'",
    ),
    case(
        "ho-text-cologne-milan",
        "customers who live in Cologne or Milan",
        "paraphrase",
        "holdout",
        "filter-text",
        lambda f: f["customers"].filter(pl.col("city").is_in(["Köln", "Milano"])),
        note="both are stored under their local names",
    ),
    case(
        "ho-text-weber",
        "customers whose name contains Weber",
        "terse",
        "holdout",
        "filter-text",
        lambda f: f["customers"].filter(pl.col("name").str.contains("Weber", literal=True)),
        alternatives=[lambda f: f["customers"].filter(pl.col("name").str.to_lowercase().str.contains("weber"))],
        note="one name is stored in lower case; matching it regardless of case is accepted too",
    ),
    case(
        "ho-text-north-south",
        "Retrieve the churn records for the north and south regions.",
        "formal",
        "holdout",
        "filter-text",
        lambda f: f["churn"].filter(pl.col("region").is_in(["north", "south"])),
    ),
    case(
        "ho-text-churn-test-split",
        "which churn rows belong to the test split?",
        "question",
        "holdout",
        "filter-text",
        lambda f: f["churn"].filter(pl.col("split") == "test"),
    ),
]

CASES = [
    *NUMBERS,
    *TEXT,
    *cases_holdout_dates.CASES,
    *cases_holdout_shape.CASES,
    *cases_holdout_groups.CASES,
    *cases_holdout_flows.CASES,
]
