"""Axis ticks that are labelled with the value they stand at: never a rounded '3' at 2,5.

A tick step is a 'nice' number (1, 2 or 5 times a power of ten); counts never step below 1, so a count
axis has no tick between two whole numbers; a label keeps as many decimals as its value has.
"""

from __future__ import annotations

import math

from jamsostek import i18n

STEPS = (1, 2, 5, 10)


def nice_step(top: float, ticks: int = 5, minimum: float | None = None) -> float:
    """The smallest 1-2-5 step that covers 0 .. top in at most `ticks` steps (at least `minimum`)."""
    top = float(top) if math.isfinite(float(top)) else 1.0  # an empty or all-NaN axis: 0 .. 1
    raw = max(top, 1e-12) / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(s * magnitude for s in STEPS if s * magnitude >= raw * (1 - 1e-9))
    return max(step, minimum) if minimum is not None else step


def count_step(top: float, ticks: int = 5) -> int:
    """Tick step of a count axis: a whole number of at least 1."""
    return int(round(nice_step(top, ticks, minimum=1)))


def tick_label(value: float, lang: str = "id") -> str:
    """A tick's label in `lang` with exactly the decimals its value needs (2,5 stays 2,5; 10 stays 10)."""
    for digits in range(4):
        if abs(round(value, digits) - value) < 1e-9:
            return i18n.fmt_num(value, lang, digits)
    return i18n.fmt_num(value, lang, 3)
