"""Imports every tool module so their declarations register."""

from datalinx.tools import accounts, audit, jobs, tenancy

__all__ = ["accounts", "audit", "jobs", "tenancy"]
