"""Scale and speed figures, one command: python -m benchmarks (speed belongs here, not in tests)."""
