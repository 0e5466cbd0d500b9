"""`python -m evals.planner`: plan every case, run the DAGs on the demo data, and print accuracy per split."""

from __future__ import annotations

import argparse
import sys
from typing import get_args

from evals.planner.cases import by_id, for_split
from evals.planner.data import demo_data
from evals.planner.model import Split
from evals.planner.report import render
from evals.planner.runner import DEFAULT_PLANNER, PlannerUnavailable, load_planner, run


def main(argv: list[str] | None = None) -> int:
    """Parse the options, run the evaluation, print the report; 2 when the planner cannot be loaded."""
    parser = argparse.ArgumentParser(prog="python -m evals.planner", description=__doc__)
    splits = [*get_args(Split), "all"]
    parser.add_argument("--split", choices=splits, default="all")
    parser.add_argument("--planner", default=DEFAULT_PLANNER, help="module:function (default: %(default)s)")
    parser.add_argument("--show-failures", action="store_true", help="list every case that was not correct")
    parser.add_argument("--case", action="append", default=[], help="run only this case id (repeatable)")
    parser.add_argument("--engine", choices=["polars", "duckdb"], default="polars")
    options = parser.parse_args(argv)
    try:
        planner = load_planner(options.planner)
    except PlannerUnavailable as exc:
        print(f"planner '{options.planner}' is not available: {exc}", file=sys.stderr)
        print("pass another with --planner module:function, e.g. evals.planner.baselines:oracle", file=sys.stderr)
        return 2
    cases = [by_id(case_id) for case_id in options.case] if options.case else for_split(options.split)
    outcomes = run(cases, planner, demo_data(), engine=options.engine)
    print(f"planner {options.planner}, {len(cases)} cases, engine {options.engine}\n")
    print(render(outcomes, show_failures=options.show_failures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
