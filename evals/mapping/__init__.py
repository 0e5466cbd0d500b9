"""Mapping planner evaluation: field-match precision and recall, transform kinds and compiled runs on schema pairs."""
