#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Typeset the sample brochure "EU Cyber Diplomacy" (EEAS, 2019) as a PDF.

cydex's sample corpus ships one PDF, corpus/sample/004-eeas-eu-cyber-diplomacy.pdf,
so that the PDF ingestion path (multi-column pages, running headers and
footers, hyphenated line ends) can be exercised and demonstrated without
network access. This script rebuilds that file from the brochure's plain-text
transcript.

Usage (from the repository root):

    /usr/bin/python3 corpus/generate/make_brochure_pdf.py [TRANSCRIPT [OUTPUT]]

    TRANSCRIPT  UTF-8 text of the brochure, one printed line per text line
                (default: ../shared/seeds/004_89713a0261c64401.txt, relative
                to the repository root)
    OUTPUT      PDF to write
                (default: corpus/sample/004-eeas-eu-cyber-diplomacy.pdf)

Requirements: ReportLab (Debian package python3-reportlab) and the DejaVu
fonts (Debian package fonts-dejavu-core). The output is reproducible: running
the script twice on the same transcript gives byte-identical files.

How the transcript is laid out:

* Every transcript line becomes exactly one printed line, so the brochure's
  hyphenated line breaks ("dip-" / "lomatic") are kept as real line ends.
* A line that starts with a single space (other than a "> " bullet) marks
  the start of a new page of the printed brochure. Such a marker is ignored
  when it would open a page of fewer than MIN_PAGE_LINES lines: those are
  labels of infographics whose leading space is not a page boundary.
* Blank lines separate paragraphs. A paragraph whose lines are all in
  capitals ("WHAT IS / CYBER / DIPLOMACY?") is set as a section heading.
* Each page is set in two columns, column 1 filled before column 2, with a
  running header and a page number in the footer. The body size is reduced
  on pages with much text so that a page of the transcript stays one page;
  a transcript page too long even for the smallest size (a two-page spread
  in print) flows on over the following printed page(s).
* Two words of the transcript lost their "fi"/"ff" ligature to U+FFFD in
  extraction; they are restored (see REPAIRS).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DEFAULT_TRANSCRIPT = os.path.join(REPO_ROOT, "..", "shared", "seeds", "004_89713a0261c64401.txt")
DEFAULT_OUTPUT = os.path.join(REPO_ROOT, "corpus", "sample", "004-eeas-eu-cyber-diplomacy.pdf")

TITLE = "EU Cyber Diplomacy"
AUTHOR = "European External Action Service (EEAS)"
SUBJECT = ("The European Union's cyber diplomacy: resilience, cybercrime, trust, "
           "conflict prevention, human rights and multilateralism")
KEYWORDS = ("cyber diplomacy, European Union, EEAS, cybersecurity, cyber resilience, "
            "cybercrime, Budapest Convention, Cyber Diplomacy Toolbox, human rights, "
            "multilateralism")
CREATOR = "cydex sample corpus (corpus/generate/make_brochure_pdf.py)"
# Fixed creation date (the brochure's 2019 edition) instead of the build time,
# which also keeps the output reproducible.
PDF_DATE = "D:20191202100000+01'00'"
HEADER_LEFT = "EU Cyber Diplomacy"
HEADER_RIGHT = "European External Action Service"

FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu"]
FONT_FILES = {"Body": "DejaVuSans.ttf", "Bold": "DejaVuSans-Bold.ttf"}

# Words whose ligature became U+FFFD in the transcript.
REPAIRS = {"\ufffdght": "fight", "e\ufffdective": "effective"}

MIN_PAGE_LINES = 6

PAGE_W, PAGE_H = A4
MARGIN_X = 18 * mm
GUTTER = 12 * mm
COL_W = (PAGE_W - 2 * MARGIN_X - GUTTER) / 2
BODY_TOP = PAGE_H - 24 * mm      # baseline area starts below the running header
BODY_BOTTOM = 20 * mm            # and ends above the footer
BODY_H = BODY_TOP - BODY_BOTTOM

BODY_SIZES = [9.5, 9.25, 9.0, 8.75, 8.5, 8.25, 8.0, 7.75, 7.5]
FLOW_SIZE = 8.5                  # size for a transcript page too long for one page
LEADING = 1.28                   # line height as a multiple of the body size
PARA_GAP = 0.15                  # blank line, in line heights; kept small, as
                                 # larger gaps make pdftotext's reading order
                                 # jump between the two columns
HEADING_SCALE = 1.45
HEADING_GAP_BEFORE = 0.9         # extra space above a heading, in line heights

TEXT_COLOUR = Color(0.12, 0.12, 0.14)
HEADING_COLOUR = Color(0.0, 0.2, 0.47)
FURNITURE_COLOUR = Color(0.42, 0.42, 0.45)


@dataclass
class Line:
    kind: str        # "text", "heading" or "gap"
    text: str = ""


def find_font(file_name: str) -> str:
    for d in FONT_DIRS:
        p = os.path.join(d, file_name)
        if os.path.exists(p):
            return p
    sys.exit(f"make_brochure_pdf: font {file_name} not found (install fonts-dejavu-core)")


def register_fonts() -> None:
    for name, file_name in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, find_font(file_name)))


def repair(text: str) -> str:
    for bad, good in REPAIRS.items():
        text = text.replace(bad, good)
    if "\ufffd" in text:
        sys.exit("make_brochure_pdf: transcript has a U+FFFD not covered by REPAIRS")
    return text


def is_page_marker(raw: str) -> bool:
    return raw.startswith(" ") and not raw.startswith("  ") and not raw.startswith(" >") \
        and raw.strip() != ""


def split_pages(raw_lines: list[str]) -> list[list[str]]:
    """Splits transcript lines into printed pages (see module docstring)."""
    markers = [i for i, raw in enumerate(raw_lines) if is_page_marker(raw)]
    if not markers or markers[0] != 0:
        markers.insert(0, 0)
    kept: list[int] = []
    for n, start in enumerate(markers):
        end = markers[n + 1] if n + 1 < len(markers) else len(raw_lines)
        non_blank = sum(1 for raw in raw_lines[start:end] if raw.strip())
        if start == 0 or non_blank >= MIN_PAGE_LINES:
            kept.append(start)
    pages = []
    for n, start in enumerate(kept):
        end = kept[n + 1] if n + 1 < len(kept) else len(raw_lines)
        pages.append(raw_lines[start:end])
    return pages


def is_caps(text: str) -> bool:
    return any(c.isalpha() for c in text) and text == text.upper() and not text.startswith(">")


def page_lines(raw_lines: list[str]) -> list[Line]:
    """Turns one page of transcript lines into text, heading and gap lines."""
    blocks: list[list[str]] = [[]]
    for raw in raw_lines:
        text = raw.strip()
        if text:
            blocks[-1].append(repair(text))
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    out: list[Line] = []
    for block in blocks:
        heading = all(is_caps(t) for t in block) and (len(block) > 1 or len(block[0].split()) > 1)
        if out:
            out.append(Line("gap"))
        out.extend(Line("heading" if heading else "text", t) for t in block)
    return out


def line_height(line: Line, prev: Line | None, size: float) -> float:
    """Vertical space taken by `line` when it follows `prev` (None: column top)."""
    if line.kind == "gap":
        return 0.0 if prev is None else PARA_GAP * LEADING * size
    if line.kind == "heading":
        extra = HEADING_GAP_BEFORE * LEADING * size if prev is not None and prev.kind == "gap" else 0.0
        return LEADING * size * HEADING_SCALE + extra
    return LEADING * size


def column_height(lines: list[Line], size: float) -> float:
    return sum(line_height(l, lines[i - 1] if i else None, size) for i, l in enumerate(lines))


def split_columns(lines: list[Line], size: float):
    """Best split of a page's lines into two columns, or None if they do not fit.

    Prefers paragraph boundaries, never leaves a heading at the bottom of
    column 1, and balances the two columns.
    """
    best = None
    for prefer_gaps in (True, False):
        for i in range(1, len(lines) + 1):
            if prefer_gaps and i < len(lines) and lines[i].kind != "gap":
                continue
            if lines[i - 1].kind in ("heading", "gap"):
                continue
            col1 = lines[:i]
            col2 = lines[i:]
            while col2 and col2[0].kind == "gap":
                col2 = col2[1:]
            h1, h2 = column_height(col1, size), column_height(col2, size)
            if h1 > BODY_H or h2 > BODY_H:
                continue
            score = max(h1, h2) + (0 if h1 >= h2 else 0.5 * (h2 - h1))
            if best is None or score < best[0]:
                best = (score, col1, col2)
        if best is not None:
            return best[1], best[2]
    return None


def fill_column(lines: list[Line], size: float) -> int:
    """How many of `lines` go into one full column (used when text flows on)."""
    n = 0
    while n < len(lines) and column_height(lines[:n + 1], size) <= BODY_H:
        n += 1
    if n == len(lines):
        return n
    # End the column at a paragraph boundary if that wastes little space.
    for cut in range(n, max(1, int(n * 0.8)) - 1, -1):
        if cut < len(lines) and lines[cut].kind == "gap" and lines[cut - 1].kind == "text":
            return cut
    while n > 1 and lines[n - 1].kind != "text":
        n -= 1
    return n


def paginate(lines: list[Line]):
    """Lays out one transcript page as [(size, column 1, column 2), ...].

    Normally one printed page at the largest size that fits; a transcript page
    too long for that flows on over as many printed pages as it needs.
    """
    out = []
    while True:
        for size in BODY_SIZES:
            columns = split_columns(lines, size)
            if columns is not None:
                out.append((size, columns[0], columns[1]))
                return out
        columns = []
        for _ in range(2):
            n = fill_column(lines, FLOW_SIZE)
            columns.append(lines[:n])
            lines = lines[n:]
            while lines and lines[0].kind == "gap":
                lines = lines[1:]
        out.append((FLOW_SIZE, columns[0], columns[1]))
        if not lines:
            return out


def fitted_size(text: str, font: str, size: float) -> float:
    width = pdfmetrics.stringWidth(text, font, size)
    return size if width <= COL_W else size * COL_W / width


def draw_column(c: canvas.Canvas, lines: list[Line], x: float, size: float) -> None:
    y = BODY_TOP
    prev = None
    for line in lines:
        y -= line_height(line, prev, size)
        prev = line
        if line.kind == "gap":
            continue
        if line.kind == "heading":
            font, fsize, colour = "Bold", size * HEADING_SCALE, HEADING_COLOUR
        else:
            font, fsize, colour = "Body", size, TEXT_COLOUR
        c.setFillColor(colour)
        c.setFont(font, fitted_size(line.text, font, fsize))
        c.drawString(x, y + 0.25 * LEADING * fsize, line.text)


def draw_furniture(c: canvas.Canvas, number: int) -> None:
    """Running header (title left, publisher right) and page number in the
    outer corner of the footer (right on odd pages, left on even pages)."""
    c.setFillColor(FURNITURE_COLOUR)
    c.setStrokeColor(FURNITURE_COLOUR)
    c.setFont("Body", 7.5)
    c.drawString(MARGIN_X, PAGE_H - 10 * mm, HEADER_LEFT)
    c.drawRightString(PAGE_W - MARGIN_X, PAGE_H - 10 * mm, HEADER_RIGHT)
    c.setLineWidth(0.4)
    c.line(MARGIN_X, PAGE_H - 11.8 * mm, PAGE_W - MARGIN_X, PAGE_H - 11.8 * mm)
    c.setFont("Bold", 8)
    if number % 2:
        c.drawRightString(PAGE_W - MARGIN_X, 11 * mm, str(number))
    else:
        c.drawString(MARGIN_X, 11 * mm, str(number))


def build(transcript: str, output: str) -> int:
    register_fonts()
    with open(transcript, encoding="utf-8") as f:
        raw_lines = f.read().split("\n")
    pages = split_pages(raw_lines)

    c = canvas.Canvas(output, pagesize=A4, invariant=1, pageCompression=1, initialFontName="Body")
    c.setDateFormatter(lambda *_: PDF_DATE)
    c.setTitle(TITLE)
    c.setAuthor(AUTHOR)
    c.setSubject(SUBJECT)
    c.setKeywords(KEYWORDS)
    c.setCreator(CREATOR)

    number = 0
    for raw_page in pages:
        for size, col1, col2 in paginate(page_lines(raw_page)):
            number += 1
            draw_furniture(c, number)
            draw_column(c, col1, MARGIN_X, size)
            draw_column(c, col2, MARGIN_X + COL_W + GUTTER, size)
            c.showPage()
    c.save()
    return number


def main(argv: list[str]) -> int:
    if len(argv) > 3 or any(a in ("-h", "--help") for a in argv[1:]):
        print(__doc__)
        return 0 if len(argv) <= 3 else 2
    transcript = argv[1] if len(argv) > 1 else DEFAULT_TRANSCRIPT
    output = argv[2] if len(argv) > 2 else DEFAULT_OUTPUT
    count = build(transcript, output)
    print(f"wrote {output} ({count} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
