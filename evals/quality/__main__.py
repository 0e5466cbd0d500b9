"""`python -m evals.quality`: print precision/recall per injected issue type and the missingness confusion matrix."""

from evals.quality.runner import run, table

if __name__ == "__main__":
    print(table(run()))
