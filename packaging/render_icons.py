"""Render the application icon's SVG into the PNG, .ico and .icns files that are committed.

Run it after editing ``resources/icons/org.tradeoff.Tradeoff.svg``::

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py

The PNGs are drawn by Qt's own SVG renderer (QtSvg, already a dependency), so
they look exactly as the running app draws the SVG, and no extra tool is
needed. ImageMagick's ``convert`` packs the Windows ``.ico`` (several sizes in
one file); the macOS ``.icns`` is written here, since ImageMagick cannot write
that format and Qt's writer stores one size only.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "org.tradeoff.Tradeoff"
ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SVG = ICONS / f"{APP_ID}.svg"
# The sizes freedesktop icon themes commonly hold; each is committed as a PNG.
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
# Windows shows 16–256 px; 256 is the largest an .ico entry can hold.
ICO_SIZES = (16, 32, 48, 64, 128, 256)
# ICNS entry type → pixel size; all of these may hold PNG data (macOS 10.7+).
ICNS_ENTRIES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
    (b"ic09", 512), (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256),
    (b"ic14", 512),
)


def png_path(size: int) -> Path:
    return ICONS / f"{APP_ID}-{size}.png"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """The SVG drawn at ``size`` × ``size`` pixels on a transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An Apple icon file: a header, then one (type, length, PNG data) entry per size."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for kind, size in ICNS_ENTRIES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write_ico(target: Path) -> None:
    convert = shutil.which("convert") or shutil.which("magick")
    if convert is None:
        raise SystemExit("ImageMagick's convert is needed for the .ico file")
    sources = [str(png_path(size)) for size in ICO_SIZES]
    subprocess.run([convert, *sources, str(target)], check=True)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG}: Qt cannot read this SVG (it must stay within SVG Tiny 1.2)")
    sizes = sorted(set(PNG_SIZES) | {size for _, size in ICNS_ENTRIES})
    pngs = {size: png_bytes(render(renderer, size)) for size in sizes}
    for size in PNG_SIZES:
        png_path(size).write_bytes(pngs[size])
    (ICONS / f"{APP_ID}.icns").write_bytes(icns_bytes(pngs))
    write_ico(ICONS / f"{APP_ID}.ico")
    print(f"wrote {len(PNG_SIZES)} PNGs, {APP_ID}.icns and {APP_ID}.ico in {ICONS}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
