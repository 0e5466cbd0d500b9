"""`python -m evals.mapping`: print precision and recall per schema pair and overall, and the pipelines' outcome."""

from evals.mapping.runner import run, table

if __name__ == "__main__":
    print(table(run()))
