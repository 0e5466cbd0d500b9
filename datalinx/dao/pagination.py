"""Keyset (cursor) pagination over any scoped select: stable under inserts, no OFFSET."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, and_, or_
from sqlalchemy.orm import InstrumentedAttribute, Session

T = TypeVar("T")

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


class CursorError(ValueError):
    """A cursor that was not produced by this API, or for another sort."""


@dataclass(frozen=True)
class PageRequest:
    limit: int = DEFAULT_LIMIT
    cursor: str | None = None
    sort: str = "created_at"
    descending: bool = True


@dataclass
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None


def _encode(value: Any) -> Any:
    return {"t": value.isoformat()} if isinstance(value, datetime) else value


def _decode(value: Any) -> Any:
    return datetime.fromisoformat(value["t"]) if isinstance(value, dict) else value


def encode_cursor(sort: str, value: Any, row_id: str) -> str:
    raw = json.dumps({"s": sort, "v": _encode(value), "id": row_id}).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[Any, str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if data["s"] != sort:
            raise CursorError("cursor was made for another sort order")
        return _decode(data["v"]), str(data["id"])
    except (ValueError, KeyError, TypeError) as exc:
        raise CursorError("cursor is not valid") from exc


def paginate(
    session: Session,
    query: Select[Any],
    *,
    sort_column: InstrumentedAttribute[Any],
    id_column: InstrumentedAttribute[Any],
    page: PageRequest,
) -> Page[Any]:
    """Run `query` for one page sorted by (sort_column, id), after the cursor when given."""
    if page.cursor:
        value, last_id = decode_cursor(page.cursor, page.sort)
        if page.descending:
            after = or_(sort_column < value, and_(sort_column == value, id_column < last_id))
        else:
            after = or_(sort_column > value, and_(sort_column == value, id_column > last_id))
        query = query.where(after)
    if page.descending:
        query = query.order_by(sort_column.desc(), id_column.desc())
    else:
        query = query.order_by(sort_column.asc(), id_column.asc())
    rows = list(session.scalars(query.limit(page.limit + 1)))
    more = len(rows) > page.limit
    rows = rows[: page.limit]
    next_cursor = None
    if more and rows:
        last = rows[-1]
        next_cursor = encode_cursor(page.sort, getattr(last, sort_column.key), getattr(last, id_column.key))
    return Page(items=rows, next_cursor=next_cursor)
