"""A thing's range, said as its possession: "the item's range", 'each product's range', 'the range of each item', and
'its range' after a thing's column ("the item's name and its range"). A product range is the product's category; the
words are read as 'product range', which the catalog's own words resolve (or leave unread where no dataset of
things holds such a column). 'Range' anywhere else ('price range', 'the garden range') is left to its own readers."""

from __future__ import annotations

from datalinx.agents.offline.grounding import Grounding
from datalinx.agents.offline.tokens import Token

# words for the thing bought that may own a range
THINGS = frozenset({"item", "items", "product", "products", "article", "articles", "thing", "things"})
LEADS = frozenset({"the", "each", "every", "an", "a", "that", "this"})


def _as_product_range(tokens: list[Token], start: int, end: int) -> None:
    """Tokens `start`..`end` (inclusive) read as the two words 'product range', keeping where they stand."""
    first, last = tokens[start], tokens[end]
    lead = Token("word", first.text, first.start, first.end if start < end else first.start, "product")
    tokens[start : end + 1] = [lead, Token("word", last.text, last.start, last.end, "range")]


def _thing_before(tokens: list[Token], index: int) -> bool:
    """Whether a word for the thing is said before `index` ("the item's name and its range")."""
    return any(t.norm in THINGS for t in tokens[:index])


def product_ranges(tokens: list[Token], grounding: Grounding) -> None:
    """'the item's range', 'the range of each product', 'its range' (after a thing): read as 'product range';
    'the range of products' is the catalogue itself, left alone."""
    if ("product", "range") not in grounding.phrases:
        return  # no column of the catalog is a product range
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.norm != "range" or token.kind != "word":
            index += 1
            continue
        before = tokens[index - 1].norm if index > 0 else ""
        after = [t.norm for t in tokens[index + 1 : index + 4]]
        if before in THINGS - {"product"}:
            _as_product_range(tokens, index - 1, index)  # "the item's range": 'item range'
        elif before in ("its", "their") and _thing_before(tokens, index - 1):
            _as_product_range(tokens, index - 1, index)  # "the item's name and its range"
        elif before in ("each", "every", "per") and _thing_before(tokens, index - 1):
            _as_product_range(tokens, index, index)  # 'the cheapest thing in each range'
        elif after[:1] == ["of"] and after[1:2] and after[1] in LEADS and after[2:3] and after[2] in THINGS:
            _as_product_range(tokens, index, index + 3)  # 'the range of each item'
        index += 1
