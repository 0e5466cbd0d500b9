"""Evaluations of the engines and agents against data with known answers; each has a runner (`python -m evals.X`)."""
