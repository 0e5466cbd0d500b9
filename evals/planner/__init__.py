"""Planner evaluation: plain-language requests over the demo data, each planned DAG run and scored on its rows."""
