"""Imports every tool module so their declarations register."""

from datalinx.tools import accounts, agents, audit, connections, datasets, jobs, pipelines, quality, tenancy

__all__ = ["accounts", "agents", "audit", "connections", "datasets", "jobs", "pipelines", "quality", "tenancy"]
