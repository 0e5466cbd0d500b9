"""Imports every tool module so their declarations register."""

from datalinx.tools import accounts, audit, tenancy

__all__ = ["accounts", "audit", "tenancy"]
