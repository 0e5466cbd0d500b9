"""Where the result goes, only when asked: 'save as orders_de', 'export as csv', 'write to the warehouse table x'."""

from __future__ import annotations

import re

from datalinx.agents.offline.context import Context
from datalinx.agents.offline.reasons import WORK_NOUN
from datalinx.agents.offline.sentence import Match
from datalinx.agents.offline.words import AGGREGATES

FORMATS = {"csv": "csv", "parquet": "parquet", "json": "ndjson", "jsonl": "ndjson", "ndjson": "ndjson"}
THE_RESULT = (
    r"(?: it| this| that| them| these| those| the result| the results| the "
    r"output| the data| everything| the table| the list)?"
)
NAME = r"(?P<name>{S}|[^ @§,;]+|{C}|{T}|{V})"
SAVE = r"(?:save|store|keep|persist|put|write|create|make)"


def _name(ctx: Context, match: Match) -> str | None:
    pieces = match.items(name="name")
    if not pieces:
        return None
    first = pieces[0]
    text = first.ref if first.kind == "str" else ctx.sentence.request[first.start : pieces[-1].end]
    return str(text).strip()


def _replace_sink(ctx: Context, sink: dict[str, object]) -> None:
    ctx.plan.sinks = [s for s in ctx.plan.sinks if s["kind"] != sink["kind"]] + [sink]
    ctx.plan.touched = True


def _dataset(ctx: Context, match: Match) -> bool:
    name = _name(ctx, match)
    if not name or name.lower() in FORMATS or name.lower() in ("file", "dataset", "table", "warehouse"):
        return False
    if name.lower() in AGGREGATES and not match.items("str"):
        return False  # 'put in the average of the others': a value to put, not a dataset to save to
    if re.search(r"\.(csv|parquet|json|jsonl|ndjson)$", name, re.IGNORECASE):
        return _file_named(ctx, name)
    if re.search(rf"\b(?:a|an) {WORK_NOUN}$", match.text) and not match.items("str"):
        return False  # 'put it in a deck': the user's presentation, not a dataset named 'deck'
    _replace_sink(ctx, {"id": "save", "kind": "sink_dataset", "dataset": name[:200]})
    return True


def _file_named(ctx: Context, name: str) -> bool:
    extension = name.rsplit(".", 1)[1].lower()
    clean = re.sub(r"[^A-Za-z0-9_.-]", "_", name).lstrip(".-") or f"result.{extension}"
    _replace_sink(ctx, {"id": "export", "kind": "sink_file", "format": FORMATS[extension], "name": clean[:120]})
    return True


def _file(ctx: Context, match: Match) -> bool:
    fmt = FORMATS.get((match.group("fmt") or "csv").lower(), "csv")
    name = _name(ctx, match)
    extension = {"ndjson": "ndjson", "csv": "csv", "parquet": "parquet"}[fmt]
    if name:
        stem = re.sub(r"\.(csv|parquet|json|jsonl|ndjson)$", "", name, flags=re.IGNORECASE)
        name = f"{stem}.{extension}"
    else:
        name = f"{ctx.base}.{extension}"
    clean = re.sub(r"[^A-Za-z0-9_.-]", "_", name).lstrip(".-")
    _replace_sink(ctx, {"id": "export", "kind": "sink_file", "format": fmt, "name": clean[:120]})
    return True


def _warehouse(ctx: Context, match: Match) -> bool:
    name = _name(ctx, match)
    if not name:
        return False
    table = re.sub(r"[^A-Za-z0-9_]", "_", name)
    if not re.match(r"[A-Za-z_]", table):
        table = f"t_{table}"
    mode = "replace" if re.search(r"replac|overwrit", match.text, re.IGNORECASE) else "error"
    if re.search(r"append|add to", match.text, re.IGNORECASE):
        mode = "append"
    _replace_sink(ctx, {"id": "to_warehouse", "kind": "sink_warehouse", "table": table[:63], "if_exists": mode})
    return True


def _exporting(ctx: Context) -> bool:
    return any(i.norm in ("export", "download", "dump", "csv", "parquet") for i in ctx.sentence.items)


def read_outputs(ctx: Context) -> None:
    scan = ctx.sentence.scan
    table = (
        r"(?:in|into|to)(?: the| a| our)?(?: (?:duckdb|workspace))? warehouse(?: as)?(?: table)?(?: called| named)? "
        + NAME
    )
    scan(
        table + r"(?: ,)?(?: (?:replacing|overwriting|and replace|and overwrite|"
        r"appending|and append)(?: it| that)?)?",
        lambda m: _warehouse(ctx, m),
    )
    if any(i.norm in ("save", "store", "persist", "keep") for i in ctx.sentence.items):
        name = r"(?P<name>{S}|[^ @§,;]+)"
        scan(r"(?:as|to|into|in) (?:a |the )?(?:new )?dataset(?: called| named)? " + name, lambda m: _dataset(ctx, m))
        at_end = r"(?:as|into) (?:a |the )?(?:new )?(?:dataset )?(?:called |named )?" + name + r"(?: [.!])?$"
        scan(at_end, lambda m: _dataset(ctx, m))
    verb = r"(?:write|load|save|put|insert|push|store|append|replace|overwrite|send|export|copy|add)"
    scan(
        verb + THE_RESULT + r"(?: in| into| to| as)(?: the| a| our)?(?: (?:duckdb|workspace))? "
        r"warehouse(?: as)?(?: table)?(?: called| named)? "
        + NAME
        + r"(?: (?:replacing|overwriting|and replace|and overwrite)(?: it)?)?",
        lambda m: _warehouse(ctx, m),
    )
    scan(
        verb + THE_RESULT + r"(?: in| into| to| as)(?: the| a)? (?:table )?" + NAME + r" (?:in|of) the warehouse",
        lambda m: _warehouse(ctx, m),
    )
    fmt = r"(?P<fmt>csv|parquet|json|jsonl|ndjson)"
    scan(
        r"(?:export|download|write|save|output|dump|give me|send)"
        + THE_RESULT
        + r"(?: as| to| into| in)?(?: an?)? "
        + fmt
        + r"(?: files?)?(?: (?:called|named|as))?(?: "
        + NAME
        + ")?",
        lambda m: _file(ctx, m),
    )
    scan(
        r"(?:export|download|write|save|output|dump)"
        + THE_RESULT
        + r"(?: as| to| into| in)(?: a| the)?(?: file)?(?: called| named)? "
        r"(?P<name>[^ @§,;]+\.(?:csv|parquet|json|jsonl|ndjson))",
        lambda m: _dataset(ctx, m),
    )
    scan(
        r"(?:to|as|into|in)(?: a| the)?(?: csv| parquet| json)? file(?: called| "
        r"named)? (?P<name>[^ @§,;]+\.(?:csv|parquet|json|jsonl|ndjson))",
        lambda m: _dataset(ctx, m),
    )
    scan(
        r"(?:to|as|into|in)(?: an?)? " + fmt + r"(?: files?)?(?: (?:called|named) " + NAME + ")?",
        lambda m: _file(ctx, m) if _exporting(ctx) else False,
    )
    scan(r"(?:export|download)" + THE_RESULT, lambda m: _file(ctx, m))
    scan(
        SAVE + THE_RESULT + r"(?: as| to| into| in)(?: a| the)?(?: new)?(?: dataset)?(?: called| " r"named)? " + NAME,
        lambda m: _dataset(ctx, m),
    )
    scan(
        r"(?:save|store|persist)" + THE_RESULT + r" (?:as )?(?:a )?(?:new )?dataset(?: called| named)? " + NAME,
        lambda m: _dataset(ctx, m),
    )
    if ctx.plan.sinks:  # the verbs that asked for it, wherever they stand
        scan(r"(?:save|store|persist|export|download|write|dump)", lambda m: True)
