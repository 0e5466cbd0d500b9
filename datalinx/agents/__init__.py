"""Agents: plain language in, pipeline DAGs and mapping plans out, acting only through the managers."""
