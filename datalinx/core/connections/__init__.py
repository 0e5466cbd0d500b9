"""Connections to customer databases: read-only sessions, table listings and streaming exports to Parquet."""
