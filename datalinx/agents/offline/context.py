"""What clause readers share: the reading, the plan being filled, the columns it has, and what to tell the user."""

from __future__ import annotations

from dataclasses import dataclass, field

from datalinx.agents.offline.grounding import ColumnRef, Grounding, ValueRef, name_words
from datalinx.agents.offline.plan import Join, Plan, ident
from datalinx.agents.offline.reading import Reading
from datalinx.agents.offline.sentence import Item, Sentence
from datalinx.agents.offline.words import of_people
from datalinx.core.datasets.facts import ColumnFacts
from datalinx.core.pipelines.types import TEMPORAL, ColumnType
from datalinx.core.quality.vocabulary import singular

T = ColumnType


@dataclass
class Measure:
    """One aggregate asked for: a function of a column (none: count rows), and the words it came from."""

    function: str
    column: str | None
    text: str

    @property
    def spec(self) -> dict[str, str]:
        spec = {"function": self.function}
        if self.column is not None:
            spec["column"] = self.column
        return spec

    @property
    def output(self) -> str:
        return f"{self.function}_{self.column}" if self.column else "count"


@dataclass
class SortRequest:
    """A sort key as asked: a column, or a measure ('by number of orders'), and its direction."""

    column: str | None
    measure: Measure | None
    descending: bool
    text: str
    explicit: bool = True  # the direction was said, not defaulted
    generic: bool = False  # the measure named by a word any measure is ('the highest total'): only when one


@dataclass
class Context:
    """One request being planned."""

    reading: Reading
    grounding: Grounding
    plan: Plan
    assumptions: list[str] = field(default_factory=list)
    unclear: list[str] = field(default_factory=list)  # parts recognised but not mappable, said as such
    measures: list[Measure] = field(default_factory=list)  # what to compute per group
    groups: list[str] = field(default_factory=list)  # columns to group by (computed periods included)
    order: list[SortRequest] = field(default_factory=list)  # sort keys, resolved once measures are known
    then: list[SortRequest] = field(default_factory=list)  # keys said as 'and then by X', after all the others
    ranked_rows: str | None = None  # "the 3 biggest orders": a ranking of the base's own rows, as said
    negations: list[tuple[int, int]] = field(default_factory=list)  # "remove orders with ...": tests inside negate
    flags: list[tuple[int, int, str]] = field(default_factory=list)  # "a column that flags ...": tests inside, named
    false_otherwise: set[str] = field(default_factory=set)  # flags said false where their tests do not hold
    pick: tuple[str, str | None] | None = None  # "its first order": which row of each group, by which column
    pick_down: bool | None = None  # the picked row is the one with the largest value (None: as `pick` says)
    merge_variants: bool = False  # group spelling variants of a value together
    # periods grouped by the dataset's own date as no date was named: (name, unit, numbered in the year)
    default_periods: list[tuple[str, str, bool]] = field(default_factory=list)
    period_dates: dict[str, str] = field(default_factory=dict)  # period groups and the date column each is of
    event_dates: list[str] = field(default_factory=list)  # dates of events named by a value ('shipped in 2024')
    columns_said: int | None = None  # 'just three things from orders': how many columns the list that follows holds
    # 'with those lacking a price placed last': where a sort key's blanks go (True: last), by column (None: every key)
    null_places: dict[str | None, tuple[bool, str]] = field(default_factory=dict)
    unit_factors: dict[str, float] = field(default_factory=dict)  # 'call a pound 0.4536 kg': a unit's factor, said

    def __post_init__(self) -> None:
        sentence = self.reading.sentence
        self.plan.locate = lambda: sentence.active

    @property
    def sentence(self) -> Sentence:
        return self.reading.sentence

    @property
    def base(self) -> str:
        return self.plan.dataset

    def note(self, text: str) -> None:
        if text not in self.assumptions:
            self.assumptions.append(text)

    def refuse(self, text: str) -> None:
        if text not in self.unclear:
            self.unclear.append(text)

    # --- columns ---------------------------------------------------------------------------------------------------

    def facts(self, ref: ColumnRef) -> ColumnFacts | None:
        return self.grounding.column(ref.dataset, ref.column)

    def schema(self) -> dict[str, ColumnType]:
        """Columns the plan has before aggregating: the base's, the joined ones and those computed."""
        columns = {c.name: c.type for c in self.grounding.dataset(self.base).columns}
        for join in self.plan.joins:
            for name in join.columns:
                facts = self.grounding.column(join.dataset, name)
                columns[join.renamed.get(name, name)] = facts.type if facts else T.STRING
        for name, target in self.plan.casts.items():
            columns[name] = T(target)
        for name in self.plan.prepare:
            columns.setdefault(name, T.STRING)
        return columns

    def column_ref(self, item: Item) -> ColumnRef | None:
        """The column an item names; an unresolved tie ('charges': monthly or total?) is reported, giving None."""
        ref = item.ref
        if not isinstance(ref, ColumnRef):
            return None
        rivals = [
            r
            for r in item.alternatives
            if isinstance(r, ColumnRef) and r.strength == ref.strength and r.dataset == ref.dataset
        ]
        if rivals and ref.strength < 3 and item.norm in ("date", "day", "time", "when"):
            main = self.grounding.main_date(ref.dataset)
            chosen = next((r for r in [ref, *rivals] if main is not None and r.column == main.name), None)
            if chosen is not None:
                self.note(f"read '{item.text}' as {chosen.column}")
                return chosen
        if rivals and ref.strength < 3:
            earlier = [r for r in [ref, *rivals] if r.dataset == self.base and r.column in self._earlier_columns()]
            if len(earlier) == 1:  # 'orders worth more than 800' then 'keep the amount': the amount tested before
                self.note(f"read '{item.text}' as {earlier[0].column}, as earlier in the conversation")
                return earlier[0]
            names = " or ".join(c.column for c in [ref, *rivals])
            self.refuse(f"{item.text} (could be {names})")
            return None
        return ref

    def _earlier_columns(self) -> set[str]:
        """The columns the conversation's earlier turns tested, summarised or sorted by."""
        used = {c.column for c in self.plan.filters if c.prior and c.column}
        if self.plan.aggregate is not None:
            used |= {str(a.get("column")) for a in self.plan.aggregate.aggregations if a.get("column")}
        return used

    def use(self, ref: ColumnRef) -> str:
        """The column's name in the plan, joining its dataset on the shared key first when it is another one."""
        if ref.dataset == self.base:
            return ref.column
        join = next((j for j in self.plan.joins if j.dataset == ref.dataset and j.summary is None), None)
        if join is None:
            key = self.grounding.join_key(self.base, ref.dataset)
            bridge = self.grounding.bridge(self.base, ref.dataset) if key is None else None
            if bridge is not None:  # "customers who bought garden products": products through the orders
                join = Join(dataset=ref.dataset, key=bridge[1], how="left", through=bridge[0], through_key=bridge[2])
                join.reason = f"Match {ref.dataset} to {self.base} through {bridge[0]} ({bridge[1]}, {bridge[2]})."
                self.plan.joins.append(join)
                self.plan.touched = True
                self.note(f"{ref.dataset} linked to {self.base} through {bridge[0]}")
                return self._bring(join, ref)
            assert key is not None, "scope holds joinable datasets only"
            join = Join(dataset=ref.dataset, key=key, how="left")
            join.reason = (
                f"Add columns of {ref.dataset} to each {self._row_word()} by {key} (left join keeps every row)."
            )
            self.plan.joins.append(join)
            self.plan.touched = True
            self.note(f"joined {ref.dataset} on {key} to get {ref.column}")
        return self._bring(join, ref)

    def _bring(self, join: Join, ref: ColumnRef) -> str:
        """The name `ref` has once `join` brings it."""
        if ref.column == join.key and join.through is None:
            return join.key
        if ref.column not in join.columns:
            join.columns.append(ref.column)
            taken = {c.name for c in self.grounding.dataset(self.base).columns}
            taken |= {j.renamed.get(c, c) for j in self.plan.joins if j is not join for c in j.columns}
            if ref.column in taken:
                stem = singular(name_words(ref.dataset)[-1]) if name_words(ref.dataset) else ref.dataset
                join.renamed[ref.column] = f"{stem}_{ref.column}"
        return join.renamed.get(ref.column, ref.column)

    def column(self, item: Item) -> str | None:
        ref = self.column_ref(item)
        return self.use(ref) if ref is not None else None

    def value(self, item: Item) -> tuple[str, ValueRef]:
        """The column (in the plan) and value a value item names; spelling variants of it come along."""
        ref = item.ref
        assert isinstance(ref, ValueRef)
        if item.text.strip().lower() != str(ref.value).strip().lower():
            self.note(f"read '{item.text}' as {ref.column} = '{ref.value}'")
        if ref.variants:
            shown = ", ".join(f"'{v}'" for v in ref.variants[:5])
            self.note(f"{ref.column} also spells '{ref.value}' as {shown}; those rows are included")
        column = self.use(ColumnRef(ref.dataset, ref.column, T.STRING, 3))
        return column, ref

    def type_of(self, column: str) -> ColumnType:
        return self.schema().get(column, T.STRING)

    def as_date(self, column: str) -> str:
        """An expression reading `column` as a date: itself, or parsed when the column holds text."""
        kind = self.type_of(column)
        if kind in TEMPORAL:
            return ident(column)
        self.note(f"{column} holds text; read it as YYYY-MM-DD dates (other spellings count as missing)")
        return f"to_date({ident(column)})"

    def year_as_count(self, count: Item, said: str) -> bool:
        """Whether a count of rows is a year over dated rows ('keep the 2023 records', 'the first 2024 orders'):
        the year or that many rows, so it is said rather than guessed."""
        if count.kind != "year" or self.main_date() is None:
            return False
        self.refuse(f"{said} (the year {count.ref}, or {count.ref} rows?)")
        return True

    def main_date(self) -> str | None:
        facts = self.grounding.main_date(self.base)
        if facts is None:
            return None
        return facts.name

    def main_measure(self) -> str | None:
        facts = self.grounding.main_measure(self.base)
        return facts.name if facts else None

    def person_key(self) -> str | None:
        """The key of a dataset of people that the base's rows carry (orders' customer_id), or None."""
        people = [d.name for d in self.grounding.catalog.datasets if of_people(d.name)]
        keys = (k for k in map(self.grounding.key_of, people) if k is not None and self.grounding.column(self.base, k))
        return next(keys, None)

    def _row_word(self) -> str:
        words = name_words(self.base)
        return singular(words[-1]) if words else "row"
