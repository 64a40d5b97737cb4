"""The documents' shared A4 page: DejaVu fonts, header and footer, sample banner, headings, KPI boxes, tables.

fpdf2 with embedded DejaVu Sans, which covers Indonesian text and the signs the reports use
(≥, ×, –, ÷). The creation date is the report date, so the same data gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from jamsostek import i18n
from jamsostek.i18n import t

# Debian's fonts-dejavu-core when installed, else the same family that matplotlib ships (always there).
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path(matplotlib.get_data_path()) / "fonts" / "ttf")
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf",
              "BI": "DejaVuSans-BoldOblique.ttf"}
FONT = "DejaVu"

MARGIN_MM = 15
TOP_MM = 20
BOTTOM_MM = 16
INK = (34, 34, 34)
MUTED = (107, 107, 107)
RULE = (190, 190, 190)
ACCENT = (33, 113, 181)  # figures.PROTECTED
BAND = (240, 244, 248)
SAMPLE_FILL = (191, 54, 12)  # deep orange: reads as a warning, also in greyscale (dark)
ZERO_FILL = (254, 237, 222)


def font_path(style: str) -> Path:
    """The DejaVu Sans file for an fpdf2 style ('', 'B', 'I', 'BI')."""
    for folder in FONT_DIRS:
        path = folder / FONT_FILES[style]
        if path.is_file():
            return path
    raise FileNotFoundError(f"DejaVu font {FONT_FILES[style]} not found in {[str(d) for d in FONT_DIRS]}")


class DocPDF(FPDF):
    """An A4 page with a running header (title, date, sample banner) and 'page X of Y' footer."""

    def __init__(self, lang: str, as_of: date, is_sample: bool, header_text: str, title: str):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.doc_lang, self.as_of, self.is_sample, self.header_text = lang, as_of, is_sample, header_text
        self.show_header_on_first_page = False
        for style in FONT_FILES:
            self.add_font(FONT, style, str(font_path(style)))
        self.set_margins(MARGIN_MM, TOP_MM, MARGIN_MM)
        self.set_auto_page_break(True, margin=BOTTOM_MM)
        self.set_creation_date(datetime.combine(as_of, time(0), tzinfo=UTC))
        self.set_title(title)
        self.set_author("Pemerintah Kabupaten Gianyar")
        self.set_creator("jamsostek")
        self.set_lang(i18n.language_tag(lang))
        self.set_text_color(*INK)
        self.set_font(FONT, "", 10)
        self._page_is_blank = False
        self._widths: dict[tuple, float] = {}

    def new_page(self) -> None:
        """Start a page, unless the current one was just opened by a page break and is still blank."""
        if not self._page_is_blank:
            self.add_page()
        self._page_is_blank = False

    def contents_placeholder(self, render) -> None:
        """Reserve the rest of this page for the contents (written last, with page numbers)."""
        self.insert_toc_placeholder(render, pages=1)
        self._page_is_blank = True  # the placeholder broke the page: the next section starts here

    # --- running header and footer
    def header(self) -> None:
        if self.page_no() == 1 and not self.show_header_on_first_page:
            return
        self.set_xy(MARGIN_MM, 8)
        self.set_font(FONT, "", 7.5)
        self.set_text_color(*MUTED)
        width = self.epw - (48 if self.is_sample else 0)
        self.cell(width, 5, self.header_text, new_x=XPos.RIGHT, new_y=YPos.TOP)
        if self.is_sample:
            self.sample_badge(self.w - MARGIN_MM - 46, 7.5, 46, 6)
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.line(MARGIN_MM, 14, self.w - MARGIN_MM, 14)
        self.set_text_color(*INK)
        self.set_y(TOP_MM)

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font(FONT, "", 7.5)
        self.set_text_color(*MUTED)
        left = t("doc.as_of", self.doc_lang, date=i18n.fmt_date(self.as_of, self.doc_lang))
        if self.is_sample:
            left += " · " + t("doc.sample_banner", self.doc_lang)
        self.cell(self.epw / 2, 5, left)
        self.cell(self.epw / 2, 5, t("doc.page", self.doc_lang, page=self.page_no(), pages="{nb}"), align="R")
        self.set_text_color(*INK)

    def sample_badge(self, x: float, y: float, w: float, h: float, size: float = 7.5) -> None:
        """White bold 'DATA CONTOH (SINTETIS)' on a dark orange band."""
        self.set_fill_color(*SAMPLE_FILL)
        self.rect(x, y, w, h, style="F")
        self.set_xy(x, y)
        self.set_font(FONT, "B", size)
        self.set_text_color(255, 255, 255)
        self.cell(w, h, t("doc.sample_banner", self.doc_lang), align="C")
        self.set_text_color(*INK)
        self.set_xy(self.l_margin, y + h)

    # --- text blocks
    def h1(self, text: str, section: bool = True) -> None:
        """A section title (also an entry of the PDF outline)."""
        if section:
            self.start_section(text, level=0)
        self.para(text, size=15, style="B", colour=ACCENT, height=7.5)
        self.ln(2)

    def h2(self, text: str) -> None:
        """A sub-heading."""
        self.ensure_space(14)
        self.para(text, size=11, style="B", height=6)
        self.ln(1)

    def para(self, text: str, size: float = 9.5, style: str = "", colour=INK, height: float | None = None,
             width: float | None = None) -> None:
        """A left-aligned paragraph across the text width (or `width` mm from the cursor's x)."""
        self.set_font(FONT, style, size)
        self.set_text_color(*colour)
        x, width = self.get_x(), width or self.w - self.r_margin - self.get_x()
        for line in self.wrap(text, width - 2 * self.c_margin):
            if self.get_y() + (height or size * 0.5) > self.page_break_trigger and self.auto_page_break:
                self.add_page()
            self.set_x(x)
            self.cell(width, height or size * 0.5, line, new_x=XPos.LEFT, new_y=YPos.NEXT)
        self.set_x(self.l_margin)
        self.set_text_color(*INK)

    def wrap(self, text: str, width: float) -> list[str]:
        """Lines of `text` no wider than `width` mm in the current font (greedy, by words).

        fpdf2's multi_cell re-measures a line for every character it adds; measuring each word once
        makes the 70 desa sheets several times faster.
        """
        lines: list[str] = []
        space = self._width(" ")
        for paragraph in text.split("\n"):
            line, used = "", 0.0
            for word in paragraph.split(" "):
                size = self._width(word)
                if line and used + space + size > width:
                    lines.append(line)
                    line, used = "", 0.0
                line, used = (f"{line} {word}", used + space + size) if line else (word, size)
            lines.append(line)
        return lines

    def _width(self, word: str) -> float:
        key = (self.font_family, self.font_style, self.font_size_pt, word)
        if key not in self._widths:
            self._widths[key] = self.get_string_width(word)
        return self._widths[key]

    def note(self, text: str) -> None:
        """A small grey explanatory line under a figure or table."""
        self.para(text, size=8, colour=MUTED)
        self.ln(1)

    def ensure_space(self, height_mm: float) -> None:
        """Start a new page unless `height_mm` still fits (keeps a heading with what follows)."""
        if self.get_y() + height_mm > self.h - BOTTOM_MM:
            self.add_page()

    # --- figures
    def kpi_box(self, x: float, y: float, w: float, h: float, label: str, value: str,
                sub: str = "", fill=BAND) -> None:
        """A headline figure: label, big value, one small line under it."""
        self.set_fill_color(*fill)
        self.set_draw_color(*RULE)
        self.rect(x, y, w, h, style="DF")
        self.set_xy(x + 1.5, y + 2)
        self.para(label, size=8, colour=MUTED, height=3.6, width=w - 3)
        self.set_xy(x + 2.5, y + h * 0.42)
        self.set_font(FONT, "B", 15 if w > 40 else 13)
        self.set_text_color(*INK)
        self.cell(w - 5, 7, value)
        if sub:
            self.set_xy(x + 2.5, y + h - 6.5)
            self.set_font(FONT, "", 7.5)
            self.set_text_color(*MUTED)
            self.cell(w - 5, 4.5, sub)
        self.set_text_color(*INK)

    def kpi_row(self, boxes: Sequence[tuple[str, str, str]], h: float = 24, gap: float = 3) -> None:
        """Boxes side by side across the text width, then move below them."""
        y = self.get_y()
        w = (self.epw - gap * (len(boxes) - 1)) / len(boxes)
        for i, (label, value, sub) in enumerate(boxes):
            self.kpi_box(self.l_margin + i * (w + gap), y, w, h, label, value, sub)
        self.set_xy(self.l_margin, y + h + gap)

    def image_png(self, png: bytes, w: float, h: float, x: float | None = None) -> None:
        """Place PNG bytes at the cursor (or at x), then move below them."""
        y = self.get_y()
        self.image(png, x=self.l_margin if x is None else x, y=y, w=w, h=h)
        self.set_xy(self.l_margin, y + h)

    def data_table(self, headings: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
                   align: Sequence[str], *, bold_rows: Iterable[int] = (), size: float = 8,
                   line_height: float = 4.6, fill_rows: Iterable[int] = (), x: float | None = None) -> None:
        """A table: bold heading row on a light band (repeated after a page break), thin rules between
        rows, text wrapped inside its column; `align` per column is 'LEFT' or 'RIGHT'."""
        bold_rows, fill_rows = set(bold_rows), set(fill_rows)
        x = self.l_margin if x is None else x
        self.set_draw_color(*RULE)
        self.set_line_width(0.15)
        self._table_row(headings, widths, align, x, size, line_height, style="B", fill=BAND, heading=True)
        for i, values in enumerate(rows):
            fill = ZERO_FILL if i in fill_rows else None
            height = self._row_height(values, widths, size, "B" if i in bold_rows else "", line_height)
            if self.get_y() + height > self.page_break_trigger:
                self.add_page()
                self._table_row(headings, widths, align, x, size, line_height, style="B", fill=BAND, heading=True)
            self._table_row(values, widths, align, x, size, line_height, style="B" if i in bold_rows else "",
                            fill=fill)
        self.set_x(self.l_margin)
        self.ln(2)

    def _row_height(self, values, widths, size, style, line_height) -> float:
        self.set_font(FONT, style, size)
        return max(len(self.wrap(str(v), w - 2 * self.c_margin)) for v, w in zip(values, widths, strict=True)) \
            * line_height + 1.2

    def _table_row(self, values, widths, align, x, size, line_height, style="", fill=None, heading=False) -> None:
        height = self._row_height(values, widths, size, style, line_height)
        y = self.get_y()
        if fill is not None:
            self.set_fill_color(*fill)
            self.rect(x, y, sum(widths), height, style="F")
        left = x
        for value, w, how in zip(values, widths, align, strict=True):
            lines = self.wrap(str(value), w - 2 * self.c_margin)
            # Headings sit at the bottom of their cell, so one-line and two-line headings share a baseline.
            top = y + 0.6 + (height - 1.2 - len(lines) * line_height if heading else 0)
            for n, line in enumerate(lines):
                self.set_xy(left, top + n * line_height)
                self.cell(w, line_height, line, align="R" if how == "RIGHT" else "L")
            left += w
        self.line(x, y + height, x + sum(widths), y + height)
        self.set_xy(x, y + height)
