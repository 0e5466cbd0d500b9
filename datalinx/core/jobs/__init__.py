"""One job queue for every long operation, run by permission-checked workers (DESIGN §4)."""
