"""Write test tables in each text format and encoding."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from datalinx.core.datasets.schemas import TextEncoding


def encode(text: str, encoding: TextEncoding) -> bytes:
    """Text as bytes in one of the supported encodings (utf-8-sig adds the BOM)."""
    return text.encode(encoding)


def write_text_format(frame: pl.DataFrame, fmt: str, path: Path, encoding: TextEncoding, delimiter: str = ",") -> Path:
    """Write `frame` as CSV/TSV/JSON/NDJSON text in `encoding`."""
    if fmt in ("csv", "tsv"):
        text = frame.write_csv(separator="\t" if fmt == "tsv" else delimiter)
    elif fmt == "json":
        text = frame.write_json()
    else:
        text = frame.write_ndjson()
    path.write_bytes(encode(text, encoding))
    return path


def leftovers(folder: Path) -> list[str]:
    """Whatever is in `folder` (after a failed ingest it must be nothing)."""
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []
