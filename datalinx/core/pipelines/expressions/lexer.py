"""Tokenizer: turns expression text into numbers, strings, names, quoted names and operators."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from datalinx.core.pipelines.expressions.ast import ExpressionError

TokenKind = Literal["number", "string", "name", "quoted", "op", "end"]

# ASCII digits only: `\d` would also take Arabic-Indic and other Unicode digits.
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?")
# Longest first, so '<=' is not read as '<' then '='.
_OPERATORS = ("//", "||", "==", "!=", "<>", "<=", ">=", "(", ")", ",", "=", "<", ">", "+", "-", "*", "/", "%")
_QUOTES = {"'": "string", '"': "quoted", "`": "quoted"}


@dataclass(frozen=True)
class Token:
    """One token; `position` is the 1-based character where it starts."""

    kind: TokenKind
    text: str
    value: int | float | str | None
    position: int

    def describe(self) -> str:
        """How an error message names this token."""
        if self.kind == "end":
            return "end of expression"
        if self.kind == "string":
            return f"string {self.text}"
        return f"'{self.text}'"


def fail(position: int, message: str) -> ExpressionError:
    """An error located at a 1-based character position."""
    return ExpressionError(f"at character {position}: {message}")


def tokenize(text: str) -> list[Token]:
    """Split expression text into tokens, ending with an 'end' token."""
    tokens: list[Token] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char.isspace():
            index += 1
        elif char in _QUOTES:
            token, index = _quoted(text, index)
            tokens.append(token)
        elif char in "0123456789." and (number := _NUMBER.match(text, index)):
            tokens.append(_number(number))
            index = number.end()
        elif char.isalpha() or char == "_":
            end = index + 1
            while end < len(text) and (text[end].isalnum() or text[end] == "_"):
                end += 1
            tokens.append(Token("name", text[index:end], text[index:end], index + 1))
            index = end
        else:
            operator = next((op for op in _OPERATORS if text.startswith(op, index)), None)
            if operator is None:
                shown = char if char.isprintable() else repr(char)
                raise fail(index + 1, f"unexpected character '{shown}'")
            tokens.append(Token("op", operator, operator, index + 1))
            index += len(operator)
    tokens.append(Token("end", "", None, len(text) + 1))
    return tokens


def _number(match: re.Match[str]) -> Token:
    """An integer (no point, no exponent) or a decimal number."""
    raw = match.group()
    value: int | float = float(raw) if any(c in raw for c in ".eE") else int(raw)
    if value == float("inf"):
        raise fail(match.start() + 1, f"number {raw} is too large")
    return Token("number", raw, value, match.start() + 1)


def _quoted(text: str, index: int) -> tuple[Token, int]:
    """A 'string' or a "quoted" / `quoted` name; the quote doubled inside stands for itself."""
    quote = text[index]
    kind = _QUOTES[quote]
    parts: list[str] = []
    cursor = index + 1
    while True:
        close = text.find(quote, cursor)
        if close < 0:
            what = "string" if kind == "string" else "quoted name"
            raise fail(index + 1, f"unterminated {what}: expected a closing {quote}")
        parts.append(text[cursor:close])
        if text.startswith(quote, close + 1):
            parts.append(quote)
            cursor = close + 2
            continue
        break
    value = "".join(parts)
    if "\x00" in value:
        raise fail(index + 1, "NUL characters are not allowed")
    if kind == "quoted" and not value:
        raise fail(index + 1, "a quoted column name cannot be empty")
    return Token(kind, text[index : close + 1], value, index + 1), close + 1
