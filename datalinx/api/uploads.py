"""Streamed multipart uploads: the file part goes straight to disk, never whole into memory."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from fastapi import Request
from python_multipart.multipart import MultipartParser, parse_options_header

from datalinx.core.errors import Invalid, TooLarge

MAX_FIELD_BYTES = 64 * 1024


@dataclass
class Upload:
    """The parsed form: text fields, and the one file written to `path`."""

    path: Path
    fields: dict[str, str] = field(default_factory=dict)
    filename: str | None = None
    size: int = 0


class _Collector:
    """Callbacks for python-multipart: route each part to a text buffer or to the file."""

    def __init__(self, target: Path, file_field: str, max_bytes: int) -> None:
        self.upload = Upload(path=target)
        self.file_field = file_field
        self.max_bytes = max_bytes
        self._header_name = b""
        self._header_value = b""
        self._headers: dict[bytes, bytes] = {}
        self._part_name: str | None = None
        self._buffer = bytearray()
        self._file: BinaryIO | None = None

    def on_part_begin(self) -> None:
        self._headers, self._part_name, self._buffer = {}, None, bytearray()

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_name += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def on_header_end(self) -> None:
        self._headers[self._header_name.lower()] = self._header_value
        self._header_name, self._header_value = b"", b""

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(self._headers.get(b"content-disposition", b""))
        self._part_name = options.get(b"name", b"").decode("utf-8", "replace")
        if self._part_name == self.file_field:
            if self._file is not None:
                raise Invalid("send one file per upload", field=self.file_field)
            filename = options.get(b"filename")
            self.upload.filename = filename.decode("utf-8", "replace") if filename else None
            self._file = open(self.upload.path, "wb")  # noqa: SIM115  (closed in finish())

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self._part_name == self.file_field and self._file is not None:
            self.upload.size += end - start
            if self.upload.size > self.max_bytes:
                raise TooLarge(f"file is over the upload limit of {self.max_bytes} bytes", field=self.file_field)
            self._file.write(data[start:end])
        else:
            self._buffer += data[start:end]
            if len(self._buffer) > MAX_FIELD_BYTES:
                raise Invalid(f"form field '{self._part_name}' is too long", field=self._part_name)

    def on_part_end(self) -> None:
        if self._part_name and self._part_name != self.file_field:
            self.upload.fields[self._part_name] = self._buffer.decode("utf-8", "replace")

    def finish(self) -> None:
        if self._file is not None:
            self._file.close()


async def receive_upload(request: Request, target: Path, *, file_field: str = "file", max_bytes: int) -> Upload:
    """Stream a multipart/form-data body into `target`; the caller removes `target` on any error."""
    content_type, options = parse_options_header(request.headers.get("content-type", ""))
    if content_type != b"multipart/form-data" or b"boundary" not in options:
        raise Invalid("send the file as multipart/form-data with a 'file' field", field="file")
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes + MAX_FIELD_BYTES:
        raise TooLarge(f"upload is over the limit of {max_bytes} bytes", field="file")
    collector = _Collector(target, file_field, max_bytes)
    callbacks = {name: getattr(collector, name) for name in dir(collector) if name.startswith("on_")}
    parser = MultipartParser(options[b"boundary"], callbacks)  # type: ignore[arg-type]
    try:
        async for chunk in request.stream():
            parser.write(chunk)
        parser.finalize()
    finally:
        collector.finish()
    if collector._file is None:
        raise Invalid("the form has no 'file' part", field=file_field)
    return collector.upload
