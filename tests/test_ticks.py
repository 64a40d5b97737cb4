"""Chart ticks are labelled with the value they stand at (the sector chart read 0, 3, 5, 8, 10, 13 for
ticks every 2,5), and count axes never put a tick between two whole numbers."""

from __future__ import annotations

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from jamsostek.analysis import ticks
from jamsostek.reports import figures


@pytest.mark.parametrize("top, step", [(13.3 * 1.18, 5), (5.9, 1), (1.0, 0.2), (0.3, 0.05), (130, 50)])
def test_nice_steps(top, step):
    assert ticks.nice_step(top, 6 if top != 130 else 5) == pytest.approx(step)


@pytest.mark.parametrize("top, step", [(3.3, 1), (0.4, 1), (12, 5), (8, 2), (1_200, 500)])
def test_count_steps_are_whole(top, step):
    assert ticks.count_step(top) == step


@pytest.mark.parametrize("value, lang, text", [(2.5, "id", "2,5"), (7.5, "en", "7.5"), (10.0, "id", "10"),
                                               (0.25, "id", "0,25"), (1500.0, "id", "1.500")])
def test_tick_labels_keep_the_value(value, lang, text):
    assert ticks.tick_label(value, lang) == text


def test_sector_chart_ticks_read_their_own_values():
    # Bars up to 13,3 %: every tick label, read back as a number, is where the tick stands.
    fig = figures.coverage_bars_figure(["A", "B", "C"], [13.3, 6.6, 2.5], "id")
    FigureCanvasAgg(fig)
    fig.canvas.draw()
    ax = fig.axes[0]
    shown = [(float(label.get_text().replace(".", "").replace(",", ".")), tick)
             for label, tick in zip(ax.get_xticklabels(), ax.get_xticks()) if label.get_text()]
    assert len(shown) >= 3
    assert all(value == pytest.approx(tick) for value, tick in shown), shown
