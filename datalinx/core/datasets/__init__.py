"""Datasets: file ingest into Parquet, versions and column facts; the registry lives in the manager."""
