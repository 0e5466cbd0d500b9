"""Format detection: magic bytes and content first, the file name's extension second."""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from datalinx.core.datasets.schemas import DetectedFormat, FileFormat, IngestOptions, TextEncoding
from datalinx.core.errors import Invalid

SAMPLE_BYTES = 256 * 1024
SAMPLE_ROWS = 200
TRANSCODE_CHUNK = 4 * 1024 * 1024
DELIMITERS = (",", "\t", ";", "|")
SUPPORTED = "CSV, TSV, JSON, NDJSON, Parquet or Excel"

EXTENSIONS: dict[str, FileFormat] = {
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".json": "json",
    ".ndjson": "ndjson",
    ".jsonl": "ndjson",
    ".xlsx": "excel",
    ".xlsm": "excel",
    ".xls": "excel",
}
_DELIMITED = {".csv", ".txt", ".tsv", ".tab"}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls (and other Office 97 documents)
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "a gzip-compressed file; decompress it first"),
    (b"\xfd7zXZ\x00", "an xz-compressed file; decompress it first"),
    (b"(\xb5/\xfd", "a zstd-compressed file; decompress it first"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable program"),
    (b"SQLite format 3\x00", "a SQLite database; add it as a connection instead"),
)
# Control bytes that never occur in text files; tab, line breaks, form feed and escape are left out.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_INT = re.compile(r"[+-]?\d+")
_FLOAT = re.compile(r"[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?|[+-]?(nan|inf|infinity)", re.IGNORECASE)
_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}([T ][\d:.]+)?|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")


def detect_format(path: Path, original_name: str | None = None) -> DetectedFormat:
    """Say how to read a file, from its magic bytes and content first and its name's extension second."""
    return resolve_format(path, original_name, IngestOptions())


def resolve_format(path: Path, original_name: str | None, options: IngestOptions) -> DetectedFormat:
    """Detect what the user did not say: a given format, encoding, delimiter or header choice is taken as is."""
    label = original_name or path.name
    size = _size(path, label)
    sample = read_sample(path)
    extension = Path(label).suffix.lower()
    forced = options.format
    if forced in ("parquet", "excel"):
        return DetectedFormat(format=forced)
    if forced is None:
        binary = _binary_format(path, sample, label, extension)
        if binary is not None:
            return binary
    require_text(sample, label)
    complete = size <= len(sample)
    encoding = options.encoding or sniff_encoding(sample, complete=complete)
    text = decode_sample(sample, encoding, complete=complete)
    text_format = forced or _text_format(text, extension, label)
    if text_format == "json" or text_format == "ndjson":
        return DetectedFormat(format=text_format, encoding=encoding)
    delimiter = options.delimiter or ("\t" if forced == "tsv" else sniff_delimiter(text, extension))
    rows = [row for _, row in sample_rows(text, delimiter, complete=complete)]
    if not rows:
        raise Invalid(f"file '{label}' has no columns: it holds only blank lines", field="file")
    return DetectedFormat(
        format=forced or ("tsv" if delimiter == "\t" else "csv"),
        delimiter=delimiter,
        encoding=encoding,
        has_header=options.has_header if options.has_header is not None else sniff_header(rows),
    )


def _binary_format(path: Path, sample: bytes, label: str, extension: str) -> DetectedFormat | None:
    """Parquet or Excel by their magic bytes; a clear refusal for other known binary files; None for text."""
    if sample.startswith(b"PAR1"):
        return DetectedFormat(format="parquet")
    if sample.startswith(b"PK\x03\x04"):
        return _zip_format(path, label, extension)
    if sample.startswith(_OLE2):
        return DetectedFormat(format="excel")
    for signature, what in _SIGNATURES:
        if sample.startswith(signature):
            raise Invalid(f"file '{label}' is {what}, not a {SUPPORTED} file", field="file")
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Invalid(f"file '{label}' is UTF-16 encoded; save it as UTF-8 and upload it again", field="file")
    return None


def read_sample(path: Path, size: int = SAMPLE_BYTES) -> bytes:
    """The first `size` bytes of a file."""
    with open(path, "rb") as handle:
        return handle.read(size)


def require_text(sample: bytes, label: str) -> None:
    """Refuse bytes that cannot be a text file (NUL bytes, or more control bytes than text ever has)."""
    controls = sum(sample.count(bytes([b])) for b in _CONTROL)
    if b"\x00" in sample or controls > max(2, len(sample) // 200):
        raise Invalid(f"file '{label}' is binary, not a {SUPPORTED} file", field="file")


def sniff_encoding(sample: bytes, *, complete: bool) -> TextEncoding:
    """UTF-8 with BOM, UTF-8, or else Latin-1 (every byte sequence is valid Latin-1)."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=complete)
    except UnicodeDecodeError:
        return "latin-1"
    return "utf-8"


def decode_sample(sample: bytes, encoding: TextEncoding, *, complete: bool) -> str:
    """Decode a sample, tolerating a multi-byte character cut at its end."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    return decoder.decode(sample, final=complete)


def _size(path: Path, label: str) -> int:
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise Invalid(f"file '{label}' does not exist", field="file") from exc
    if size == 0:
        raise Invalid(f"file '{label}' is empty", field="file")
    return size


def _zip_format(path: Path, label: str, extension: str) -> DetectedFormat:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError):
        # A damaged workbook still says what it was meant to be by its name; the reader reports the damage.
        if EXTENSIONS.get(extension) == "excel":
            return DetectedFormat(format="excel")
        raise Invalid(f"file '{label}' is a damaged ZIP archive, not a {SUPPORTED} file", field="file") from None
    if any(name.startswith("xl/") for name in names):
        return DetectedFormat(format="excel")
    raise Invalid(f"file '{label}' is a ZIP archive, not a {SUPPORTED} file; extract it first", field="file")


def _text_format(text: str, extension: str, label: str) -> str:
    stripped = text.lstrip(" \t\r\n\ufeff")
    hinted = EXTENSIONS.get(extension)
    if stripped[:1] == "[" and extension not in _DELIMITED:
        return "json"
    if stripped[:1] == "{" and extension not in _DELIMITED:
        try:
            first = json.loads(stripped.split("\n", 1)[0])
        except ValueError:
            return "json"  # a pretty-printed document; the JSON reader says what it expected
        return "ndjson" if isinstance(first, dict) else "json"
    if hinted in ("json", "ndjson"):
        start = stripped[:20].splitlines()[0] if stripped else ""
        raise Invalid(f"file '{label}' is named as JSON but does not hold JSON: it starts with '{start}'", field="file")
    return "delimited"


def sniff_delimiter(text: str, extension: str) -> str:
    """The candidate delimiter that splits the sample into the most consistent number (> 1) of fields."""
    preferred = "\t" if EXTENSIONS.get(extension) == "tsv" else ","
    best: tuple[float, int, bool, int] | None = None
    chosen = preferred
    for index, delimiter in enumerate(DELIMITERS):
        counts = [len(row) for _, row in sample_rows(text, delimiter, complete=False, limit=SAMPLE_ROWS)]
        if not counts:
            continue
        width, frequency = Counter(counts).most_common(1)[0]
        if width < 2:
            continue
        score = (round(frequency / len(counts), 2), width, delimiter == preferred, -index)
        if best is None or score > best:
            best, chosen = score, delimiter
    return chosen


def sample_rows(text: str, delimiter: str, *, complete: bool, limit: int | None = None) -> list[tuple[int, list[str]]]:
    """Non-blank rows of a decoded sample with the line each starts on; a row cut by the sample's end is left out."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', doublequote=True)
    rows: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for row in reader:
            if row and row != [""]:
                rows.append((line, row))
            line = reader.line_num + 1
            if limit is not None and len(rows) > limit:
                break
    except csv.Error:
        pass  # malformed quoting in the sample: the reader reports it with its line
    if not complete and rows:
        rows.pop()
    return rows[:limit] if limit is not None else rows


def value_kind(value: str) -> str:
    """What a raw cell looks like: empty, number, bool, date or text."""
    value = value.strip()
    if not value:
        return "empty"
    if _INT.fullmatch(value) or _FLOAT.fullmatch(value):
        return "number"
    if value.lower() in ("true", "false"):
        return "bool"
    if _DATE.fullmatch(value):
        return "date"
    return "text"


def sniff_header(rows: list[list[str]]) -> bool:
    """Whether the first row names the columns: it differs in kind or length from the values below it."""
    first, data = rows[0], rows[1:]
    kinds = [value_kind(value) for value in first]
    if all(kind in ("number", "bool", "date", "empty") for kind in kinds):
        return False  # a row of values only: real headers hold at least one name
    if not data:
        return True
    score = 0
    for index, (name, kind) in enumerate(zip(first, kinds, strict=True)):
        column = [row[index] for row in data if index < len(row) and row[index].strip()]
        if not column or kind == "empty":
            continue
        data_kinds = {value_kind(value) for value in column}
        if "text" not in data_kinds:
            # A typed column (numbers, dates, bools): a name above it says header, a value of its type says data;
            # a whole number above decimals is neutral (years heading a table of measurements).
            if kind == "text":
                score += 2
            elif not (_INT.fullmatch(name.strip()) and any(not _INT.fullmatch(v.strip()) for v in column)):
                score -= 1
            continue
        if name in column:
            score -= 1
        lengths = {len(value) for value in column}
        if len(lengths) == 1 and len(name) not in lengths:
            score += 1
    return score >= 0


def transcode(source: Path, target: Path, encoding: TextEncoding, progress: Callable[[float, str], None]) -> Path:
    """Rewrite a text file as UTF-8 without a BOM, chunk by chunk, so memory stays flat whatever its size."""
    total = max(source.stat().st_size, 1)
    decoder = codecs.getincrementaldecoder(encoding)()
    done = 0
    with open(source, "rb") as reader, open(target, "wb") as writer:
        while chunk := reader.read(TRANSCODE_CHUNK):
            writer.write(decoder.decode(chunk).encode("utf-8"))
            done += len(chunk)
            progress(done / total, f"converting {encoding} text to UTF-8")
        writer.write(decoder.decode(b"", final=True).encode("utf-8"))
    return target
