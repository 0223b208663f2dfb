"""The contribution chart saves as real PNG and SVG files, bars included."""

from __future__ import annotations

import re


def test_save_chart_as_png_and_svg(window, tmp_path):
    panel = window.results_panel
    panel.show_chart()
    png, svg = tmp_path / "chart.png", tmp_path / "chart.svg"
    panel.save_chart(png)
    panel.save_chart(svg)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = svg.read_text("utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    # One bar segment per option and criterion: 3 × 3 filled paths in the bar collection.
    bars = re.search(r'<g id="PolyCollection_1">(.*?)</g>', text, re.S)
    assert bars is not None and bars.group(1).count("<path") == 9


def test_unknown_suffix_becomes_png(window, tmp_path):
    window.results_panel.save_chart(tmp_path / "chart.jpeg")
    assert (tmp_path / "chart.png").read_bytes()[:4] == b"\x89PNG"
