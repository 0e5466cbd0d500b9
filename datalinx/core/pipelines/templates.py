"""Starter pipelines: a definition built from a few parameters, defaults fitting the demo datasets."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from datalinx.core.errors import Invalid, NotFound
from datalinx.core.pipelines.dag import PipelineDefinition
from datalinx.core.pipelines.schemas import TemplateParameter, TemplateRead


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    description: str
    parameters: list[TemplateParameter]
    build: Callable[[dict[str, Any]], dict[str, Any]]


def _edges(*pairs: tuple[str, str] | tuple[str, str, str]) -> list[dict[str, str]]:
    return [dict(zip(("source", "target", "port"), pair, strict=False)) for pair in pairs]


def _chain(nodes: list[dict[str, Any]]) -> dict[str, Any]:
    """Nodes run one after the other."""
    return {"nodes": nodes, "edges": _edges(*[(a["id"], b["id"]) for a, b in itertools.pairwise(nodes)])}


def _clean_customers(p: dict[str, Any]) -> dict[str, Any]:
    email = p["email_column"]
    return _chain(
        [
            {"id": "customers", "kind": "source", "dataset": p["dataset"], "description": "Read the customers."},
            {"id": "real_customers", "kind": "filter", "condition": f'not coalesce("{p["test_flag_column"]}", false)',
             "description": "Drop test accounts."},
            {"id": "tidy", "kind": "derive", "columns": {email: f'lower(trim("{email}"))'},
             "description": "Write every email in lower case without surrounding spaces."},
            {"id": "with_email", "kind": "filter", "condition": f'"{email}" is not null and "{email}" like \'%@%.%\'',
             "description": "Keep rows with a plausible email."},
            {"id": "one_per_email", "kind": "deduplicate", "keys": [email], "keep": "first",
             "order_by": [{"column": p["order_column"]}], "description": "Keep the earliest row per email."},
            {"id": "save", "kind": "sink_dataset", "dataset": p["output"], "description": "Save the clean customers."},
        ]
    )  # fmt: skip


def _revenue_by_month(p: dict[str, Any]) -> dict[str, Any]:
    date, amount, country = p["date_column"], p["amount_column"], p["country_column"]
    return _chain(
        [
            {"id": "orders", "kind": "source", "dataset": p["dataset"], "description": "Read the orders."},
            {"id": "dates", "kind": "cast", "columns": {date: "date", amount: "float64"}, "on_error": "null",
             "description": "Read the order date as a date and the amount as a number (unreadable values: null)."},
            {"id": "not_cancelled", "kind": "filter", "condition": f"\"{p['status_column']}\" != 'cancelled'",
             "description": "Leave out cancelled orders."},
            {"id": "month", "kind": "derive", "columns": {"month": f"date_trunc('month', \"{date}\")"},
             "description": "The month of each order."},
            {"id": "totals", "kind": "aggregate", "group_by": ["month", country],
             "aggregations": [{"function": "sum", "column": amount, "alias": "revenue"},
                              {"function": "count", "alias": "orders"}],
             "description": "Revenue and order count per month and country."},
            {"id": "ordered", "kind": "sort", "by": [{"column": "month"}, {"column": country}]},
            {"id": "save", "kind": "sink_dataset", "dataset": p["output"], "description": "Save the monthly revenue."},
        ]
    )  # fmt: skip


def _train_test_split(p: dict[str, Any]) -> dict[str, Any]:
    key = p["key_column"]
    nodes = [
        {"id": "table", "kind": "source", "dataset": p["dataset"], "description": "Read the ML table."},
        {"id": "test", "kind": "sample", "fraction": p["test_fraction"], "seed": p["seed"],
         "description": "Pick the test rows, the same ones on every run with this seed."},
        {"id": "train", "kind": "join", "how": "anti", "on": [key], "description": "Every other row is for training."},
        {"id": "save_train", "kind": "sink_dataset", "dataset": f"{p['output_prefix']}_train"},
        {"id": "save_test", "kind": "sink_dataset", "dataset": f"{p['output_prefix']}_test"},
    ]  # fmt: skip
    edges = _edges(
        ("table", "test"), ("table", "train", "left"), ("test", "train", "right"), ("train", "save_train"),
        ("test", "save_test"),
    )  # fmt: skip
    return {"nodes": nodes, "edges": edges}


def _param(name: str, description: str, default: Any) -> TemplateParameter:
    return TemplateParameter(name=name, description=description, default=default)


TEMPLATES = {
    t.id: t
    for t in (
        Template(
            "clean_customers",
            "Clean and deduplicate customers",
            "Drop test accounts, normalise emails, drop rows without a plausible email, keep one row per email.",
            [
                _param("dataset", "Customers dataset", "customers"),
                _param("email_column", "Email column", "email"),
                _param("test_flag_column", "Boolean column marking test accounts", "is_test_account"),
                _param("order_column", "Column deciding which duplicate is kept (the earliest)", "signup_date"),
                _param("output", "Name of the dataset to write", "customers_clean"),
            ],
            _clean_customers,
        ),
        Template(
            "revenue_by_month",
            "Orders revenue by month and country",
            "Leave out cancelled orders, then sum revenue and count orders per month and country.",
            [
                _param("dataset", "Orders dataset", "orders"),
                _param("date_column", "Order date column", "order_date"),
                _param("amount_column", "Revenue column", "total_revenue"),
                _param("country_column", "Country column", "country"),
                _param("status_column", "Order status column", "status"),
                _param("output", "Name of the dataset to write", "revenue_by_month"),
            ],
            _revenue_by_month,
        ),
        Template(
            "train_test_split",
            "Train/test split for an ML table",
            "Split a table into train and test datasets by a reproducible sample; no row is in both.",
            [
                _param("dataset", "Dataset to split", "churn"),
                _param("key_column", "Column identifying a row", "customer_ref"),
                _param("test_fraction", "Share of rows for testing", 0.2),
                _param("seed", "Seed of the sample (same seed, same split)", 42),
                _param("output_prefix", "Prefix of the two datasets written", "churn"),
            ],
            _train_test_split,
        ),
    )
}


def _defaults(template: Template) -> dict[str, Any]:
    return {p.name: p.default for p in template.parameters}


def instantiate(template_id: str, parameters: dict[str, Any]) -> PipelineDefinition:
    """The definition a template makes with these parameters (the rest at their defaults)."""
    template = TEMPLATES.get(template_id)
    if template is None:
        raise NotFound("pipeline template", template_id)
    unknown = sorted(set(parameters) - {p.name for p in template.parameters})
    if unknown:
        raise Invalid(f"template '{template_id}' has no parameters {unknown}", field="parameters")
    try:
        return PipelineDefinition.model_validate(template.build({**_defaults(template), **parameters}))
    except ValidationError as exc:
        raise Invalid(
            f"the parameters do not make a valid pipeline: {exc.errors()[0]['msg']}", field="parameters"
        ) from exc


def list_templates() -> list[TemplateRead]:
    """Every template, with the definition its defaults make."""
    return [
        TemplateRead(
            id=t.id,
            name=t.name,
            description=t.description,
            parameters=t.parameters,
            example=PipelineDefinition.model_validate(t.build(_defaults(t))).model_dump(mode="json"),
        )
        for t in TEMPLATES.values()
    ]
