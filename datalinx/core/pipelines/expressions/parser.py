"""Precedence-climbing parser from tokens to the syntax tree, with SQL operator precedence."""

from __future__ import annotations

from datalinx.core.pipelines.expressions import ast
from datalinx.core.pipelines.expressions.ast import MAX_DEPTH, Expr, ExpressionError
from datalinx.core.pipelines.expressions.lexer import Token, fail, tokenize
from datalinx.core.pipelines.expressions.temporal import parse_date, parse_timestamp

# Binding powers, loosest first: or < and < not < comparison < || < + - < * / % // < unary minus.
OR, AND, NOT, COMPARE, CONCAT, ADD, MULTIPLY, NEGATE = 10, 20, 30, 40, 50, 60, 70, 80
_INFIX = {
    "or": OR,
    "and": AND,
    **dict.fromkeys(("=", "==", "!=", "<>", "<", "<=", ">", ">=", "is", "in", "like", "ilike", "between"), COMPARE),
    "not": COMPARE,  # only as `not in`, `not like`, `not ilike`, `not between`
    "||": CONCAT,
    "+": ADD,
    "-": ADD,
    "*": MULTIPLY,
    "/": MULTIPLY,
    "%": MULTIPLY,
    "//": MULTIPLY,
}
_CANONICAL = {"==": "=", "<>": "!="}
_KEYWORDS = frozenset(
    ("and", "or", "not", "in", "like", "ilike", "between", "is", "null", "true", "false", "case", "when", "then")
) | {"else", "end", "escape"}
_INT64 = (-(2**63), 2**63 - 1)


def parse(text: str) -> Expr:
    """Parse expression text into a tree; errors name the character position and what was expected."""
    parser = _Parser(tokenize(text))
    expr = parser.expression(0)
    if parser.peek().kind != "end":
        raise parser.unexpected("an operator or end of expression")
    ast.ensure_shallow(expr)
    return expr


class _Parser:
    """State of one parse: the tokens, a cursor, and the current nesting depth."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.index = 0
        self.depth = 0

    def peek(self, offset: int = 0) -> Token:
        """The token `offset` places ahead, or the end token."""
        return self.tokens[min(self.index + offset, len(self.tokens) - 1)]

    def advance(self) -> Token:
        """Consume and return the current token."""
        token = self.peek()
        self.index += 1
        return token

    def keyword(self, token: Token | None = None) -> str | None:
        """The lower-cased keyword or operator a token spells, if any."""
        token = token or self.peek()
        if token.kind == "op":
            return token.text
        return token.text.lower() if token.kind == "name" else None

    def unexpected(self, expected: str) -> ExpressionError:
        """An error saying what was expected where the current token stands."""
        token = self.peek()
        return fail(token.position, f"expected {expected} but found {token.describe()}")

    def expect(self, word: str) -> Token:
        """Consume the keyword or operator `word`, or fail saying it was expected."""
        if self.keyword() != word:
            raise self.unexpected(f"'{word}'")
        return self.advance()

    def expression(self, min_power: int) -> Expr:
        """An expression whose infix operators all bind tighter than `min_power`."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise fail(self.peek().position, f"expression is nested too deeply (more than {MAX_DEPTH} levels)")
        left = self.prefix()
        compared = False
        while (word := self.keyword()) in _INFIX and _INFIX[word] > min_power:
            if _INFIX[word] == COMPARE and compared:
                raise fail(self.peek().position, "comparisons cannot be chained; join them with 'and'")
            compared = _INFIX[word] == COMPARE
            left = self.infix(left, self.advance())
        self.depth -= 1
        return left

    def prefix(self) -> Expr:
        """A literal, column, call, parenthesised expression, `case`, or a unary operator and its operand."""
        token = self.peek()
        word = self.keyword(token)
        if token.kind == "number":
            self.advance()
            return self.number(token.value, token.position)
        if token.kind == "string":
            self.advance()
            return ast.Literal(token.value, token.position)
        if token.kind == "quoted":
            self.advance()
            return ast.Column(str(token.value), token.position)
        if word == "(":
            self.advance()
            inner = self.expression(0)
            self.expect(")")
            return inner
        if word == "-":
            self.advance()
            if self.peek().kind == "number":  # folded here so that -9223372036854775808 fits in int64
                return self.number(-self.advance().value, token.position)  # type: ignore[operator]
            return ast.Unary("-", self.expression(NEGATE), token.position)
        if token.kind != "name":
            raise self.unexpected("an expression")
        self.advance()
        if word in ("true", "false", "null"):
            return ast.Literal({"true": True, "false": False, "null": None}[word], token.position)
        if word == "not":
            return ast.Unary("not", self.expression(NOT), token.position)
        if word == "case":
            return self.case(token)
        if word in ("date", "timestamp") and self.peek().kind == "string":
            return self.typed_literal(word, self.advance())
        if word in _KEYWORDS:
            self.index -= 1
            raise self.unexpected("an expression")
        if self.keyword() == "(":
            return ast.Call(word or "", self.arguments(), token.position)
        return ast.Column(token.text, token.position)

    def infix(self, left: Expr, token: Token) -> Expr:
        """The rest of an infix form whose operator `token` was just consumed."""
        word = self.keyword(token) or ""
        negated = False
        if word == "not":
            word = self.keyword() or ""
            if word not in ("in", "like", "ilike", "between"):
                raise self.unexpected("'in', 'like', 'ilike' or 'between' after 'not'")
            negated = True
            self.advance()
        if word == "is":
            negated = self.keyword() == "not"
            if negated:
                self.advance()
            self.expect("null")
            return ast.IsNull(left, negated, token.position)
        if word == "in":
            return ast.InList(left, self.arguments(empty=False), negated, token.position)
        if word == "between":
            low = self.expression(COMPARE)
            self.expect("and")
            return ast.Between(left, low, self.expression(COMPARE), negated, token.position)
        if word in ("like", "ilike"):
            pattern = self.expression(COMPARE)
            escape = None
            if self.keyword() == "escape":
                self.advance()
                if self.peek().kind != "string" or len(str(self.peek().value)) != 1:
                    raise self.unexpected("a one-character string after 'escape'")
                escape = str(self.advance().value)
            return ast.Like(left, pattern, negated, word == "ilike", escape, token.position)
        right = self.expression(_INFIX[word])
        return ast.Binary(_CANONICAL.get(word, word), left, right, token.position)

    def arguments(self, *, empty: bool = True) -> tuple[Expr, ...]:
        """A parenthesised, comma-separated list of expressions."""
        self.expect("(")
        items: list[Expr] = []
        if not (empty and self.keyword() == ")"):
            items.append(self.expression(0))
            while self.keyword() == ",":
                self.advance()
                items.append(self.expression(0))
        if self.keyword() != ")":
            raise self.unexpected("',' or ')'")
        self.advance()
        return tuple(items)

    def case(self, start: Token) -> Expr:
        """`case [operand] when ... then ... [else ...] end`; the operand form becomes equality tests."""
        operand = None if self.keyword() == "when" else self.expression(0)
        branches: list[tuple[Expr, Expr]] = []
        while self.keyword() == "when":
            when = self.advance()
            condition = self.expression(0)
            if operand is not None:
                condition = ast.Binary("=", operand, condition, when.position)
            self.expect("then")
            branches.append((condition, self.expression(0)))
        if not branches:
            raise self.unexpected("'when'")
        default = None
        if self.keyword() == "else":
            self.advance()
            default = self.expression(0)
        self.expect("end")
        return ast.Case(tuple(branches), default, start.position)

    def typed_literal(self, word: str, token: Token) -> Expr:
        """`date 'YYYY-MM-DD'` or `timestamp 'YYYY-MM-DD HH:MM[:SS[.ffffff]]'`."""
        text = str(token.value)
        value = parse_date(text) if word == "date" else parse_timestamp(text)
        if value is None:
            shape = "YYYY-MM-DD" if word == "date" else "YYYY-MM-DD HH:MM:SS"
            raise fail(token.position, f"{token.text} is not a valid {word} (expected '{shape}')")
        return ast.Literal(value, token.position)

    def number(self, value: object, position: int) -> ast.Literal:
        """A numeric literal, refusing integers outside int64."""
        if isinstance(value, int) and not _INT64[0] <= value <= _INT64[1]:
            raise fail(position, f"integer {value} is out of range for int64")
        return ast.Literal(value, position)  # type: ignore[arg-type]
