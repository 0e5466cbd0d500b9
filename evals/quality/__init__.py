"""Quality-engine evaluation: injected issues at known rows, missing values with known mechanisms."""
