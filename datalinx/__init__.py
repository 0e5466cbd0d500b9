"""Datalinx: data integration and data quality, driven by talking to it."""

__version__ = "0.1.0"
