"""New columns that label rows by a test: "add age_group that says 'senior' for 65 and over and 'other'
otherwise", "a column tier: 'high' when price is over 100, else 'low'" (a case-when of one test)."""

from __future__ import annotations

import re

from datalinx.agents.offline.ages import age_column
from datalinx.agents.offline.context import Context
from datalinx.agents.offline.filter_dates import year_bound
from datalinx.agents.offline.grounding import ColumnRef, name_words
from datalinx.agents.offline.phrases import OP, comparison
from datalinx.agents.offline.plan import equality, ident, literal
from datalinx.agents.offline.renames import new_name
from datalinx.agents.offline.sentence import Item, Match
from datalinx.agents.offline.units import SPANS, in_span
from datalinx.core.pipelines.types import NUMERIC, TEMPORAL

# Words after a number that make it a bound: '65 and over' is at least 65, '18 or under' at most 18.
BOUND_WORDS = {
    ">=": ("and over", "or over", "and above", "or above", "or more", "and more", "and up", "or older", "and older",
           "+", "or higher", "and higher", "plus"),
    "<=": ("and under", "or under", "and below", "or below", "or less", "and less", "or younger", "and younger",
           "or lower", "and lower", "or fewer"),
}  # fmt: skip
# Words that only lead into the test: 'for customers who are 65 and over', 'when the price is above 100'.
LEAD_WORDS = frozenset(
    {"the", "those", "rows", "records", "ones", "people", "anyone", "everyone", "who", "that", "which", "are", "is",
     "were", "was", "with", "whose", "where", "its", "their", "an", "a", "aged", "of", "from", "in", "any", "all",
     "has", "have", "having", "age", "ages"}
)  # fmt: skip
REST = (
    r"(?:otherwise|else|for the rest|for everyone else|for all others|for all the others|for others|for the others"
    r"|for everything else|for all other rows|for every other row|for anything else|in all other cases|if not)"
)


def _number_test(ctx: Context, items: list[Item], hint: str | None) -> tuple[str, str] | None:
    """'65 and over', 'age is 65 or more', 'price above 100': (expression, column) of one numeric test."""
    columns = [i for i in items if i.kind == "col"]
    numbers = [i for i in items if i.kind in ("num", "year")]
    if len(numbers) != 1 or len(columns) > 1 or not isinstance(numbers[0].ref, int | float):
        return None
    number = numbers[0]
    column = ctx.column(columns[0]) if columns else hint
    if column is None and any(i.norm in ("older", "younger") for i in items):
        column = age_column(ctx)  # "'senior' for people older than 65"
    if column is None or ctx.type_of(column) not in NUMERIC:
        return None
    before = " ".join(i.norm for i in items[: items.index(number)] if i.kind in ("word", "op"))
    after = " ".join(i.norm for i in items[items.index(number) + 1 :] if i.kind in ("word", "op"))
    before = " ".join(w for w in before.split() if w not in LEAD_WORDS)
    unit, _, rest = after.partition(" ")  # "'new' under 12 months": a span, in the column's own unit
    unit, after = (unit, rest) if unit in SPANS else (None, after)
    value = in_span(number.ref, unit, column)
    if value is None:
        return None
    operator = None
    if not before:
        operator = next((op for op, phrases in BOUND_WORDS.items() if after in phrases), None)
        after = "" if operator is not None else after
    elif before in ("exactly", "equal to", "="):
        operator = "="
    else:
        operator = comparison(before)
    if operator is None or after:
        return None
    return f"{ident(column)} {operator} {literal(value)}", column


def _value_test(ctx: Context, items: list[Item]) -> tuple[str, str] | None:
    """'enterprise customers', 'orders from Germany': one value of a column (its spellings too)."""
    values = [i for i in items if i.kind == "val"]
    rest = [i for i in items if i.kind not in ("val", "ds") and not (i.kind == "word" and i.norm in LEAD_WORDS)]
    if len(values) != 1 or rest:
        return None
    column, ref = ctx.value(values[0])
    return equality(column, [ref.value, *ref.variants]), column


# words of a date bound and the comparison each says of the year or date after it
DATE_BOUNDS = {("before",): "<", ("prior", "to"): "<", ("earlier", "than"): "<", ("after",): ">",
               ("later", "than"): ">", ("since",): ">=", ("from",): ">=", ("in",): "in", ("during",): "in"}  # fmt: skip


PLACED = frozenset({"placed", "made", "created", "ordered", "bought", "purchased", "dated"})


def _date_test(ctx: Context, items: list[Item]) -> tuple[str, str] | None:
    """'anyone born before 1965', 'signup_date after 2022', 'orders placed in 2023': one bound on a date column."""
    said = [i for i in items if i.kind != "ds" and not (i.kind == "word" and i.norm in LEAD_WORDS)]
    if len(said) < 2 or said[-1].kind not in ("year", "date"):
        return None
    if said[0].kind == "col":
        column = ctx.column(said[0])
    elif said[0].kind == "word" and said[0].norm in PLACED and any(i.kind == "ds" for i in items):
        column = ctx.main_date()  # 'orders placed after 2023': the rows' own date
    else:
        return None
    facts = ctx.grounding.column(ctx.base, column) if column is not None else None
    if column is None or facts is None or not (facts.type in TEMPORAL or "date" in column):
        return None
    words = tuple(i.norm for i in said[1:-1]) or ("in",) * (items[-2].norm == "in")  # 'in' leads tests too
    operator = DATE_BOUNDS.get(words)
    bounds = [year_bound(said[-1], op) for op in ((">=", "<=") if operator == "in" else (operator,))]
    if operator is None or None in bounds:
        return None
    target = ctx.as_date(column)
    return " and ".join(f"{target} {op} {literal(day)}" for op, day in filter(None, bounds)), column


def _hint(ctx: Context, name: str) -> str | None:
    """The numeric column a new column's name is about: 'age_group' of age, 'price_band' of price."""
    for word in name_words(name):
        refs = ctx.grounding.columns_named((word,), [ctx.base])
        strong = [r for r in refs if r.strength >= 2 and r.type in NUMERIC]
        if strong:
            return ctx.use(strong[0])
    return None


def _of_the_rows(ctx: Context, match: Match) -> bool:
    """Whether the dataset the column is added to, if said, is the rows' ('to churn', though a column says it too)."""
    dataset, said = match.item("ds"), match.item("dsc")
    return (dataset is None or dataset.kind == "ds") and (said is None or said.norm == ctx.base)


def _labelled(ctx: Context, match: Match) -> bool:
    """A case-when: the first label where the test holds, the second for every other row."""
    from datalinx.agents.offline.derive import compute

    names, yes, no = match.items(name="name"), match.item("yes"), match.item("no") or match.item("no2")
    tested = match.items(name="cond")
    if len(names) != 1 or yes is None or no is None or not tested:
        return False
    named = names[0]
    if not _of_the_rows(ctx, match):
        return False
    name = new_name(named.ref if named.kind == "str" else named.text)
    if isinstance(named.ref, ColumnRef) and named.ref.dataset == ctx.base:
        return False  # a label written over a column the rows have: not what 'add a column' says
    test = _value_test(ctx, tested) or _date_test(ctx, tested) or _number_test(ctx, tested, _hint(ctx, name))
    if test is None:
        ctx.refuse(ctx.sentence.request[tested[0].start : tested[-1].end])
        return True
    expression, column = test
    text = f"case when {expression} then {literal(yes.ref)} else {literal(no.ref)} end"
    note = f"Compute {name}: {literal(yes.ref)} where {expression}, else {literal(no.ref)}"
    note += f" (also where {column} is empty)."
    return compute(ctx, name, text, match.text, note)


NUMBER = r"(\d+(?:\.\d+)?)"
# a band's label as its bounds: 'under 30' is below 30, '30-60' from 30 to 60 (both in), 'over 60' above 60
BAND_FORMS = (
    (r"(?:under|below|less than|younger than|<) ?" + NUMBER, ("<",)),
    (r"(?:up to|at most|<=) ?" + NUMBER, ("<=",)),
    (r"(?:over|above|more than|older than|>) ?" + NUMBER, (">",)),
    (r"(?:at least|>=) ?" + NUMBER + r"|" + NUMBER + r" ?(?:\+|and over|and up|or more|and above|or older)", (">=",)),
    (NUMBER + r" ?(?:-|\u2013|to) ?" + NUMBER, (">=", "<=")),
)


def _band(column: str, label: str) -> str | None:
    """The test a band's label says of `column` ('under 30', '30-60', '60+'), or None when it says no bounds."""
    for form, operators in BAND_FORMS:
        found = re.fullmatch(form, label.strip().lower())
        if found is not None:
            bounds = [g for g in found.groups() if g is not None]
            tests = [
                f"{ident(column)} {op} {literal(float(b) if '.' in b else int(b))}"
                for op, b in zip(operators, bounds, strict=True)
            ]
            return " and ".join(tests)
    return None


def _banded(ctx: Context, match: Match) -> bool:
    """ "add age_band: 'under 30', '30-60' or 'over 60'": each row labelled by the band its number falls in."""
    from datalinx.agents.offline.derive import compute

    names, bands = match.items(name="name"), match.items("str", name="bands")
    if len(names) != 1 or not _of_the_rows(ctx, match):
        return False
    name = new_name(names[0].ref if names[0].kind == "str" else names[0].text)
    column = _hint(ctx, name)
    tests = [_band(column, str(b.ref)) for b in bands] if column is not None else []
    if column is None or None in tests:
        ctx.refuse(f"{match.text} (bands of which number?)" if column is None else f"{match.text} (a band's bounds)")
        return True
    whens = " ".join(f"when {test} then {literal(b.ref)}" for test, b in zip(tests, bands, strict=True))
    note = f"Compute {name}: the band of {column} each row falls in ({', '.join(str(b.ref) for b in bands)}); empty"
    return compute(ctx, name, f"case {whens} end", match.text, note + f" where {column} is empty or in no band.")


def read_labels(ctx: Context) -> None:
    """ "add age_group that says 'senior' for 65 and over and 'other' otherwise": two labels and one test."""
    scan = ctx.sentence.scan
    name = r"(?P<name>{S}|{C}|[a-z_][a-z0-9_]*)"
    head = (
        r"(?:add|create|make|include|append|compute|derive|with|give (?:me )?)(?: to (?:the )?(?P<ds>{T}))?"
        r"(?: a| an| the)?(?: new)?(?: column| field| flag| label)?(?: called| named)? "
        + name
        + r"(?: column| field| flag| label)?(?: (?:to|in|on|for) (?:the )?(?:{T}|(?P<dsc>{C}))"
        r"(?: table| dataset| data)?)?(?: ,| :)?"
        r"(?: (?:that|which) (?:says|reads|shows|is|holds|gives|contains|has)| saying| showing| holding| reading"
        r"| set to| being| with| giving| =| as)?"
    )
    scan(
        head
        + r"(?: (?:the )?(?:bands|groups|buckets|ranges|labels|brackets))?(?: :)?"
        + r" (?P<bands>{S}(?: (?:,|or|and|, or|, and) {S})+)(?= [.?!;]|$| and then | then )",
        lambda m: _banded(ctx, m),
    )
    condition = r"(?P<cond>(?:(?!@s\d+)[^§;])+?)"
    # "'senior' for 65 and over", or the bound alone: "'young' under 30"
    for test in (r"(?:for|when|if|where|whenever|wherever) ", r"(?=(?:" + OP + r") {N} )"):
        scan(
            head
            + r" (?P<yes>{S}) "
            + test
            + condition
            + r"(?: ,)?(?: and| or| ,)?(?: (?P<no>{S}) "
            + REST
            + r"| "
            + REST
            + r"(?: ,)? (?P<no2>{S}))(?= [.?!;]|$| and | then )",
            lambda m: _labelled(ctx, m),
        )
