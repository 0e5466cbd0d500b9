"""The matcher on each signal: names, abbreviations, synonyms, types, descriptions, values; and what it leaves out."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from datalinx.core.mapping.matcher import MIN_CONFIDENCE, propose
from datalinx.core.mapping.names import concepts
from tests.core.mapping.frames import crm, facts_of, field, target


def plan_for(frame: pl.DataFrame, tmp_path: Path, *fields: dict) -> object:
    facts, _ = facts_of(frame, tmp_path)
    return propose(facts, target(*fields))


def test_names_match_across_case_separators_and_camel_case(tmp_path: Path) -> None:
    frame = pl.DataFrame({"OrderDate": ["x"], "E-Mail": ["a@b.de"], "customerID": [1]})
    plan = plan_for(frame, tmp_path, field("order_date"), field("email"), field("customer_id", "int64"))
    assert {m.target: m.sources for m in plan.mappings} == {
        "order_date": ["OrderDate"],
        "email": ["E-Mail"],
        "customer_id": ["customerID"],
    }
    assert all(m.transform == "direct" and m.confidence >= 0.95 for m in plan.mappings)


def test_abbreviations_expand_to_the_words_they_stand_for() -> None:
    assert concepts("qty") == concepts("quantity")
    assert concepts("amt") == concepts("amount")
    assert concepts("DOB") == concepts("birth_date") == concepts("date_of_birth")
    assert concepts("Tel") == concepts("phone") == concepts("phone_number")
    assert concepts("FName") == concepts("first_name")
    assert concepts("zip") == concepts("postal_code") == concepts("PostalCode")
    assert concepts("ord_dt") == concepts("order_date")


def test_synonyms_join_client_and_customer_revenue_and_total(tmp_path: Path) -> None:
    frame = pl.DataFrame({"client_no": [1, 2], "total": [1.5, 2.0], "mail": ["a@b.de", "c@d.fr"]})
    plan = plan_for(frame, tmp_path, field("customer_id", "int64"), field("revenue", "float64"), field("e_mail"))
    assert {m.target: m.sources[0] for m in plan.mappings} == {
        "customer_id": "client_no",
        "revenue": "total",
        "e_mail": "mail",
    }
    assert "both read as" in plan.mapping("customer_id").reason


def test_text_holding_numbers_is_cast_and_text_holding_words_is_not(tmp_path: Path) -> None:
    frame = pl.DataFrame({"qty": ["1", "2", "10"], "customer_id": ["K001", "K002", "K003"]})
    plan = plan_for(frame, tmp_path, field("quantity", "int64"), field("customer_id", "int64"))
    assert plan.mapping("quantity").transform == "cast"
    assert plan.mapping("customer_id") is None
    assert plan.unmapped_targets == ["customer_id"]


def test_day_first_text_dates_are_parsed_with_their_format(tmp_path: Path) -> None:
    plan = plan_for(crm(), tmp_path, field("birth_date", "date"))
    mapping = plan.mapping("birth_date")
    assert mapping.sources == ["DOB"] and mapping.transform == "date_format"
    assert mapping.expression == "to_date(trim(\"DOB\"), '%d/%m/%Y')"
    assert "DD/MM/YYYY" in mapping.reason


def test_month_first_dates_are_told_apart_by_values_over_twelve(tmp_path: Path) -> None:
    frame = pl.DataFrame({"HireDate": ["12/31/2020", "01/15/2021", "03/04/2019"]})
    mapping = plan_for(frame, tmp_path, field("hire_date", "date")).mapping("hire_date")
    assert "'%m/%d/%Y'" in mapping.expression


def test_iso_text_dates_are_cast(tmp_path: Path) -> None:
    frame = pl.DataFrame({"signup": ["2024-01-31", "2023-12-01"]})
    mapping = plan_for(frame, tmp_path, field("signup_date", "date")).mapping("signup_date")
    assert mapping.transform == "cast" and mapping.expression == "signup"


def test_country_names_map_to_allowed_codes_through_a_lookup(tmp_path: Path) -> None:
    codes = field("country_code", allowed_values=["DE", "FR", "GB"])
    mapping = plan_for(crm(), tmp_path, codes).mapping("country_code")
    assert mapping.sources == ["Country"] and mapping.transform == "lookup"
    assert mapping.lookup == {"germany": "DE", "france": "FR", "deu": "DE", "fr": "FR"}
    assert mapping.expression.startswith('case lower(trim("Country")) when')


def test_values_already_allowed_map_directly(tmp_path: Path) -> None:
    frame = pl.DataFrame({"segment": ["smb", "consumer", "smb"]})
    mapping = plan_for(frame, tmp_path, field("segment", allowed_values=["consumer", "smb"])).mapping("segment")
    assert mapping.transform == "direct" and "allowed values" in mapping.reason


def test_values_matching_no_allowed_value_rule_a_column_out(tmp_path: Path) -> None:
    frame = pl.DataFrame({"status": ["open", "closed", "open"]})
    plan = plan_for(frame, tmp_path, field("status", allowed_values=["shipped", "pending"]))
    assert plan.unmapped_targets == ["status"]


def test_full_name_is_first_and_last_name_joined(tmp_path: Path) -> None:
    plan = plan_for(crm(), tmp_path, field("first_name"), field("full_name"))
    assert plan.mapping("first_name").sources == ["FName"]
    full = plan.mapping("full_name")
    assert full.transform == "concat" and full.sources == ["FName", "LName"]


def test_first_and_last_name_are_split_from_a_name_column(tmp_path: Path) -> None:
    frame = pl.DataFrame({"customer_name": ["Ada Lovelace", "Alan Turing", "Emma de Vries"]})
    plan = plan_for(frame, tmp_path, field("first_name"), field("last_name"))
    assert [(m.target, m.transform, m.sources) for m in plan.mappings] == [
        ("first_name", "split", ["customer_name"]),
        ("last_name", "split", ["customer_name"]),
    ]


def test_names_written_last_comma_first_split_the_other_way(tmp_path: Path) -> None:
    frame = pl.DataFrame({"Name": ["Lovelace, Ada", "Turing, Alan", "Hopper, Grace"]})
    plan = plan_for(frame, tmp_path, field("first_name"))
    assert "after the first ','" in plan.mapping("first_name").reason


def test_product_names_are_not_split_into_person_names(tmp_path: Path) -> None:
    frame = pl.DataFrame({"name": ["Travel Knife Block 18", "Basic Plush Bear 7", "Pro Kite 3"]})
    assert plan_for(frame, tmp_path, field("first_name")).mappings == []


def test_the_description_finds_a_column_the_name_does_not(tmp_path: Path) -> None:
    frame = pl.DataFrame({"monthly_charges": [10.5, 20.0], "total_charges": [100.0, 200.0]})
    described = field("fee", "float64", description="What the customer pays each month (monthly charges).")
    plan = plan_for(frame, tmp_path, described)
    assert plan.mapping("fee").sources == ["monthly_charges"]


def test_email_values_find_an_email_field_under_another_name(tmp_path: Path) -> None:
    frame = pl.DataFrame({"kontakt": ["a@example.com", "b@example.org"], "ort": ["Berlin", "Köln"]})
    mapping = plan_for(frame, tmp_path, field("email")).mapping("email")
    assert mapping.sources == ["kontakt"] and "look like email values" in mapping.reason


def test_measures_with_a_unit_lose_it_before_the_cast(tmp_path: Path) -> None:
    frame = pl.DataFrame({"weight": ["1.20 kg", "0.50 kg"]})
    mapping = plan_for(frame, tmp_path, field("weight_kg", "float64")).mapping("weight_kg")
    assert mapping.transform == "cast" and mapping.expression == "trim(replace(weight, 'kg', ''))"


def test_a_field_with_no_good_candidate_stays_unmapped(tmp_path: Path) -> None:
    frame = pl.DataFrame({"order_id": ["A1"], "ship_date": ["2024-01-01"]})
    plan = plan_for(frame, tmp_path, field("order_id"), field("coupon_code", required=True), field("tax", "float64"))
    assert [m.target for m in plan.mappings] == ["order_id"]
    assert plan.unmapped_targets == ["coupon_code", "tax"]
    assert plan.unused_sources == ["ship_date"]
    assert "'coupon_code' is required but no source column fits it" in plan.warnings
    assert all(m.confidence >= MIN_CONFIDENCE for m in plan.mappings)


def test_a_column_feeds_one_plain_mapping_only(tmp_path: Path) -> None:
    frame = pl.DataFrame({"unit_price": [1.5, 2.5]})
    plan = plan_for(frame, tmp_path, field("price", "float64"), field("unit_price", "float64"))
    assert [m.target for m in plan.mappings] == ["unit_price"]
    assert any("'price' is unmapped" in w and "feeds 'unit_price'" in w for w in plan.warnings)


def test_a_field_allowing_one_value_gets_it_as_a_constant(tmp_path: Path) -> None:
    plan = plan_for(pl.DataFrame({"x": [1]}), tmp_path, field("currency", allowed_values=["EUR"]))
    mapping = plan.mapping("currency")
    assert mapping.transform == "constant" and mapping.expression == "'EUR'" and mapping.sources == []


def test_the_same_facts_give_the_same_plan(tmp_path: Path) -> None:
    facts, _ = facts_of(crm(), tmp_path)
    fields = (field("first_name"), field("full_name"), field("birth_date", "date"), field("quantity", "int64"))
    assert propose(facts, target(*fields)) == propose(facts, target(*fields))


def test_timestamps_with_minutes_only_are_parsed_and_iso_ones_cast(tmp_path: Path) -> None:
    frame = pl.DataFrame({"created": ["2024-01-31 10:15", "2023-12-01 08:00"], "updated": ["2024-01-31", "2024-02-01"]})
    plan = plan_for(frame, tmp_path, field("created_at", "datetime"), field("updated_at", "datetime"))
    assert plan.mapping("created_at").expression == "to_timestamp(trim(created), '%Y-%m-%d %H:%M')"
    assert plan.mapping("updated_at").transform == "cast"
