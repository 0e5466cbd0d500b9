"""One module per quality dimension; each proposes candidate issues for the engine to evaluate and score."""
