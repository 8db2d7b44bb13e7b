"""The report in a real browser: headless Chromium opens the file offline and draws every chart.

Skips when /usr/bin/chromium is absent (`make browser` installs it), fails under CI=true.
Set KRONIKA_SCREENSHOTS=<dir> to keep the screenshots.
"""
from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest

from kronika.reconcile import build_figures, find_conflicts
from kronika.report import write_report
from kronika.report.svg import CONFLICT_COLOUR, SOURCE_COLOURS
from tests.test_reconcile_story import north_korea_claims

LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")

pytestmark = pytest.mark.browser


class OpenedReport:
    """A page on the report, recording every request and script error."""

    def __init__(self, browser, path: Path) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(path.as_uri())


def keep(png: bytes, name: str) -> None:
    directory = os.environ.get("KRONIKA_SCREENSHOTS")
    if directory:
        Path(directory).mkdir(parents=True, exist_ok=True)
        (Path(directory) / name).write_bytes(png)


def png_pixels(png: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and RGB(A) rows of an 8-bit, non-interlaced PNG (what Chromium writes)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    at, data, header = 8, b"", b""
    while at < len(png):
        (length,) = struct.unpack(">I", png[at:at + 4])
        kind, body = png[at + 4:at + 8], png[at + 8:at + 8 + length]
        header = body if kind == b"IHDR" else header
        data += body if kind == b"IDAT" else b""
        at += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0
    step = 3 if colour == 2 else 4
    raw, rows, previous = zlib.decompress(data), [], bytearray(width * step)
    for y in range(height):
        line = raw[y * (width * step + 1):(y + 1) * (width * step + 1)]
        kind, row = line[0], bytearray(line[1:])
        for x in range(len(row)):
            left = row[x - step] if x >= step else 0
            up, corner = previous[x], previous[x - step] if x >= step else 0
            if kind == 1:
                row[x] = (row[x] + left) & 0xFF
            elif kind == 2:
                row[x] = (row[x] + up) & 0xFF
            elif kind == 3:
                row[x] = (row[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - corner
                # Paeth: the neighbour closest to the guess, ties to left, then up.
                near = min((abs(guess - left), 0, left), (abs(guess - up), 1, up),
                           (abs(guess - corner), 2, corner))
                row[x] = (row[x] + near[2]) & 0xFF
        rows.append(bytes(row))
        previous = row
    return width, height, rows


def pixel_counts(png: bytes) -> dict[bytes, int]:
    """How many pixels of each RGB colour the image holds."""
    width, _, rows = png_pixels(png)
    step = len(rows[0]) // width
    counts: dict[bytes, int] = {}
    for row in rows:
        for x in range(0, len(row), step):
            pixel = row[x:x + 3]
            counts[pixel] = counts.get(pixel, 0) + 1
    return counts


def near(counts: dict[bytes, int], hex_colour: str, tolerance: int = 24) -> int:
    """Pixels within `tolerance` of a colour on every channel."""
    target = bytes.fromhex(hex_colour.lstrip("#"))
    return sum(n for pixel, n in counts.items() if all(abs(a - b) <= tolerance for a, b in zip(pixel, target,
                                                                                                strict=True)))


def test_the_story_report_draws_its_charts_offline(browser, tmp_path):
    figures = build_figures(north_korea_claims())
    path = write_report(figures, find_conflicts(figures), tmp_path / "report.html")
    report = OpenedReport(browser, path)
    page = report.page
    page.wait_for_load_state("load")

    assert page.locator("svg.chart").count() == 2
    assert page.locator("svg.chart g.claim").count() >= 6
    assert page.locator("svg.chart g.claim[data-modality='planned']").count() == 1

    chart = page.locator("svg.chart").first.screenshot()
    whole = page.screenshot(full_page=True)
    keep(whole, "report-story.png")
    keep(chart, "report-story-chart.png")
    counts = pixel_counts(chart)
    background = max(counts.values())
    assert 1 - background / sum(counts.values()) > 0.02, "the chart looks blank"
    # The first chart is the contested deployed figure: unattributed markers in the first source colour,
    # the planned NIS marker in the second, the conflict line in vermilion.
    assert near(counts, SOURCE_COLOURS[0]) > 100, "no marks of the first source"
    assert near(counts, SOURCE_COLOURS[1]) > 20, "no marks of the second source"
    assert near(counts, CONFLICT_COLOUR) > 20, "the conflict is not drawn"

    assert report.errors == []
    online = [url for url in report.requests if not url.startswith(LOCAL_SCHEMES)]
    assert online == [], "the report went online"


def test_a_marker_links_to_its_row(browser, tmp_path):
    figures = build_figures(north_korea_claims())
    report = OpenedReport(browser, write_report(figures, find_conflicts(figures), tmp_path / "report.html"))
    report.page.locator("svg.chart g.claim a").first.click()
    assert ":row-" in report.page.url


def test_the_report_prints_with_its_charts(browser, tmp_path):
    figures = build_figures(north_korea_claims())
    report = OpenedReport(browser, write_report(figures, find_conflicts(figures), tmp_path / "report.html"))
    report.page.emulate_media(media="print")
    assert report.page.locator("svg.chart").first.is_visible()
    keep(report.page.locator("svg.chart").first.screenshot(), "report-print-chart.png")
    pdf = report.page.pdf()
    assert pdf[:5] == b"%PDF-" and len(pdf) > 20_000
