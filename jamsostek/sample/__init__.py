"""The deterministic SYNTHETIC sample: extracts, people, sasaran estimate and a messy file."""
