"""Models shared by every domain: list queries and pages."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from datalinx.core.errors import Invalid
from datalinx.dao.pagination import DEFAULT_LIMIT, MAX_LIMIT, CursorError, Page, PageRequest, decode_cursor

M = TypeVar("M", bound=BaseModel)


class ListQuery(BaseModel):
    """Cursor pagination and sorting, common to every list."""

    model_config = ConfigDict(extra="forbid")

    limit: int = Field(default=DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Page size, at most {MAX_LIMIT}.")
    cursor: str | None = Field(default=None, description="`next_cursor` of the previous page.")
    sort: str = Field(default="created_at", description="Field to sort by.")
    order: Literal["asc", "desc"] = "desc"

    def page_request(self, *, sorts: Iterable[str]) -> PageRequest:
        """Check the sort field and cursor, naming the field when either is wrong."""
        allowed = sorted(sorts)
        if self.sort not in allowed:
            raise Invalid(f"cannot sort by '{self.sort}'; choose one of {', '.join(allowed)}", field="sort")
        if self.cursor:
            try:
                decode_cursor(self.cursor, self.sort)
            except CursorError as exc:
                raise Invalid(str(exc), field="cursor") from exc
        return PageRequest(limit=self.limit, cursor=self.cursor, sort=self.sort, descending=self.order == "desc")


class PageOut(BaseModel, Generic[M]):
    """One page of a list: `items`, and `next_cursor` to fetch the next (null at the end)."""

    items: list[M]
    next_cursor: str | None

    @classmethod
    def of(cls, page: Page[Any], model: type[M]) -> PageOut[M]:
        return PageOut[model](  # type: ignore[valid-type]
            items=[model.model_validate(row) for row in page.items], next_cursor=page.next_cursor
        )
