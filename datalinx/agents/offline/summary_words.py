"""Summaries said in other words, read before the clause readers: 'a head count' is a count, and 'the train/test
split' names the column whose values the slash lists, not a test that keeps both."""

from __future__ import annotations

from datalinx.agents.offline.grounding import Grounding
from datalinx.agents.offline.tokens import Token

HEADS = frozenset({"head", "heads"})
COUNTS = frozenset({"count", "counts"})


def head_counts(tokens: list[Token]) -> None:
    """'a head count of subscribers', 'the headcount per region', 'head-count': the number of rows, said 'count'."""
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.kind == "word" and token.norm in ("headcount", "headcounts"):
            token.norm = "count"
        following = tokens[index + 1 : index + 3]
        if token.kind == "word" and token.norm in HEADS and following:
            dashed = following[0].norm == "-" and len(following) == 2 and token.end == following[0].start
            last = following[1] if dashed else following[0]
            if last.kind == "word" and last.norm in COUNTS:
                tokens[index : index + (3 if dashed else 2)] = [
                    Token("word", token.text, token.start, last.end, "count")
                ]
        index += 1


def slashed_columns(tokens: list[Token], grounding: Grounding) -> None:
    """'the train/test split': two values joined by a slash that together are a phrase naming one column (the slash
    already read as 'and') are that column's name, so the split is grouped, not tested."""
    index = 1
    while index < len(tokens) - 1:
        before, slash, after = tokens[index - 1], tokens[index], tokens[index + 1]
        tight = slash.text == "/" and before.end == slash.start and slash.end == after.start
        if tight and before.kind == after.kind == "word" and (before.norm, after.norm) in grounding.phrases:
            del tokens[index]
            continue
        index += 1
