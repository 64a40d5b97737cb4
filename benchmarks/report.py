"""Print benchmark rows as a plain text table."""

from __future__ import annotations

from collections.abc import Sequence


def print_table(title: str, rows: Sequence[dict]) -> None:
    """Rows of equal keys as an aligned table under a title; numbers right-aligned."""
    print(f"\n{title}")
    if not rows:
        print("  (no rows)")
        return
    columns = list(rows[0])
    cells = [[_cell(row[c]) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    numeric = [all(isinstance(row[c], (int, float)) for row in rows) for c in columns]

    def line(values):
        return "  ".join(v.rjust(w) if n else v.ljust(w) for v, w, n in zip(values, widths, numeric))

    print(line(columns))
    print("  ".join("-" * w for w in widths))
    for r in cells:
        print(line(r))


def _cell(value) -> str:
    return f"{value:,.0f}" if isinstance(value, float) else str(value)
