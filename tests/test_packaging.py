"""Desktop integration files, the per-user installer, icons, notices, the wheel in a fresh venv.

The standalone PyInstaller build is checked by ``make package-test``
(packaging/smoke_test.py), not here: building it takes minutes.
"""

from __future__ import annotations

import configparser
import importlib.metadata
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import time
import tomllib
import zipfile
from pathlib import Path

import defusedxml.ElementTree as SafeET
import pytest

import tradeoff

REPO = Path(__file__).resolve().parents[1]
RESOURCES = REPO / "resources"
ICONS = RESOURCES / "icons"
APP_ID = "org.tradeoff.Tradeoff"
MIME_TYPE = "application/x-tradeoff-matrix"
INSTALLER = REPO / "packaging" / "install-desktop.sh"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive in desktop files
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


# -- the desktop entry, the metainfo and the MIME type ---------------------------------------

def test_desktop_entry_launches_the_gui_script_on_one_file():
    entry = desktop_entry(RESOURCES / f"{APP_ID}.desktop")
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Tradeoff"
    command, *args = entry["Exec"].split()
    assert command in pyproject()["project"]["gui-scripts"]
    assert args == ["%f"]  # the app opens one file; any file, .toml or not
    assert entry["Icon"] == APP_ID
    assert entry["MimeType"].split(";") == [MIME_TYPE, ""]
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")


def test_desktop_entry_icon_exists_in_every_installed_size():
    assert (ICONS / f"{APP_ID}.svg").is_file()
    for size in PNG_SIZES:
        assert (ICONS / f"{APP_ID}-{size}.png").is_file(), size


@pytest.mark.skipif(not shutil.which("desktop-file-validate"),
                    reason="desktop-file-validate (desktop-file-utils) is not installed")
def test_desktop_entry_passes_desktop_file_validate():
    r = subprocess.run(["desktop-file-validate", str(RESOURCES / f"{APP_ID}.desktop")],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and "error" not in r.stdout, r.stdout


def test_metainfo_names_the_same_app_licence_launcher_and_file_type():
    root = SafeET.parse(RESOURCES / f"{APP_ID}.metainfo.xml").getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == desktop_entry(RESOURCES / f"{APP_ID}.desktop")["Name"]
    assert root.findtext("project_license") == pyproject()["project"]["license"]
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("provides/mediatype") == MIME_TYPE
    assert root.findtext("provides/binary") in pyproject()["project"]["scripts"]
    # The version lives only in tradeoff/version.py, so the metainfo carries none.
    assert root.find("releases") is None


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstreamcli is not installed")
def test_metainfo_passes_appstream_validation():
    r = subprocess.run(["appstreamcli", "validate", "--no-net",
                        str(RESOURCES / f"{APP_ID}.metainfo.xml")],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stdout + r.stderr


def test_mime_type_matches_tradeoff_files_by_their_double_extension():
    root = SafeET.parse(RESOURCES / f"{APP_ID}-mime.xml").getroot()
    assert root.tag == f"{MIME_NS}mime-info"
    (mime,) = root.findall(f"{MIME_NS}mime-type")
    assert mime.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in mime.findall(f"{MIME_NS}glob")] == ["*.tradeoff.toml"]
    assert mime.find(f"{MIME_NS}sub-class-of").get("type") == "application/toml"
    assert mime.find(f"{MIME_NS}icon").get("name") == APP_ID


# -- the icons ---------------------------------------------------------------------------------

def test_png_icons_have_the_size_their_name_says():
    for size in PNG_SIZES:
        assert png_size((ICONS / f"{APP_ID}-{size}.png").read_bytes()) == (size, size)


def test_windows_icon_holds_sizes_16_to_256():
    data = (ICONS / f"{APP_ID}.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = {data[6 + 16 * i] or 256 for i in range(count)}  # a 0 byte means 256
    assert sizes == {16, 32, 48, 64, 128, 256}


def test_macos_icon_entries_are_pngs_of_the_size_their_type_stands_for():
    data = (ICONS / f"{APP_ID}.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    expected = {b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256,
                b"ic09": 512, b"ic10": 1024, b"ic11": 32, b"ic12": 64, b"ic13": 256,
                b"ic14": 512}  # Apple's icon types and their pixel sizes
    found = {}
    offset = 8
    while offset < len(data):
        kind, length = data[offset:offset + 4], struct.unpack(">I", data[offset + 4:offset + 8])[0]
        found[kind] = png_size(data[offset + 8:offset + length])[0]
        offset += length
    assert offset == len(data)
    assert found == expected


def test_svg_icon_is_readable_by_qt(qapp):
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICONS / f"{APP_ID}.svg"))
    assert renderer.isValid()
    assert renderer.defaultSize().width() == renderer.defaultSize().height() == 256


# -- the notices -------------------------------------------------------------------------------

def _notice_sections() -> dict[str, str]:
    text = (RESOURCES / "NOTICES.md").read_text(encoding="utf-8")
    parts = re.split(r"^###\s+(.+?)\s*$", text, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_notices_state_the_licence_each_installed_package_declares():
    checked = 0
    for name, body in _notice_sections().items():
        if name in {"Python", "PyInstaller"}:
            continue
        licence_line = " ".join(re.search(r"Licence: (.+?)(?:\n\n|$)", body, re.S)
                                .group(1).split())
        meta = importlib.metadata.metadata(name)
        declared = meta.get("License") or ""
        # Older metadata puts a short SPDX expression in License, or the whole text.
        expression = meta.get("License-Expression") or (
            declared if declared and "\n" not in declared and len(declared) < 80 else None)
        if expression:
            assert expression in licence_line, (name, expression, licence_line)
        else:
            classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or []
                           if c.startswith("License ::")]
            assert classifiers, f"{name} declares no licence to compare with"
            words = {"MIT License": "MIT", "BSD License": "BSD",
                     "Python Software Foundation License": "Python Software Foundation"}
            assert any(words.get(c, c) in licence_line for c in classifiers), \
                (name, classifiers, licence_line)
        checked += 1
    assert checked >= 15


def test_notices_cover_every_library_the_runtime_dependencies_pull_in():
    """Walk the installed dependency tree from tradeoff; every package met needs a notice."""
    sections = set(_notice_sections())
    pending, seen = ["tradeoff"], set()
    while pending:
        name = pending.pop()
        for requirement in importlib.metadata.requires(name) or []:
            if ";" in requirement and "extra ==" in requirement:
                continue
            if "sys_platform" in requirement and "linux" not in requirement:
                continue  # e.g. tzdata, only on Windows
            dep = re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0]
            canonical = importlib.metadata.metadata(dep)["Name"]
            if canonical not in seen:
                seen.add(canonical)
                pending.append(canonical)
    normalised = {s.lower().replace("_", "-") for s in sections}
    missing = {n for n in seen if n.lower().replace("_", "-") not in normalised}
    assert missing == set()


# -- the per-user installer --------------------------------------------------------------------

def run_installer(data_home: Path, *args: str, script: Path = INSTALLER,
                  ) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(data_home.parent),
           "XDG_DATA_HOME": str(data_home)}
    return subprocess.run(["sh", str(script), *args], capture_output=True, text=True, env=env,
                          timeout=120)


def expected_files(data_home: Path) -> list[Path]:
    return [data_home / "applications" / f"{APP_ID}.desktop",
            data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
            *(data_home / "icons" / "hicolor" / f"{s}x{s}" / "apps" / f"{APP_ID}.png"
              for s in PNG_SIZES),
            data_home / "mime" / "packages" / f"{APP_ID}.xml",
            data_home / "metainfo" / f"{APP_ID}.metainfo.xml"]


def test_installer_puts_every_file_under_xdg_data_home_and_uninstall_removes_them(tmp_path):
    data_home = tmp_path / "home" / "data"
    r = run_installer(data_home, "--exec", "/opt/Trade off/Tradeoff")
    assert r.returncode == 0, r.stderr
    for path in expected_files(data_home):
        assert path.is_file(), path
    assert (data_home / "icons/hicolor/48x48/apps" / f"{APP_ID}.png").read_bytes() == \
        (ICONS / f"{APP_ID}-48.png").read_bytes()
    assert (data_home / "mime/packages" / f"{APP_ID}.xml").read_bytes() == \
        (RESOURCES / f"{APP_ID}-mime.xml").read_bytes()
    assert not any((tmp_path / "home").glob(".*")), "wrote outside XDG_DATA_HOME"

    installed = desktop_entry(data_home / "applications" / f"{APP_ID}.desktop")
    source = desktop_entry(RESOURCES / f"{APP_ID}.desktop")
    assert installed["Exec"] == '"/opt/Trade off/Tradeoff" %f'  # quoted per the spec
    assert {k: v for k, v in installed.items() if k != "Exec"} == \
        {k: v for k, v in source.items() if k != "Exec"}

    again = run_installer(data_home, "--exec", "/opt/Trade off/Tradeoff")
    assert again.returncode == 0, again.stderr  # installing twice just updates

    r = run_installer(data_home, "--uninstall")
    assert r.returncode == 0, r.stderr
    assert [p for p in expected_files(data_home) if p.exists()] == []


def test_installer_inside_a_bundle_points_the_menu_entry_at_the_bundle(tmp_path):
    bundle = tmp_path / "Tradeoff"
    shutil.copytree(RESOURCES, bundle / "_internal" / "tradeoff" / "resources")
    (bundle / "Tradeoff").write_text("#!/bin/sh\n")
    (bundle / "Tradeoff").chmod(0o755)
    shutil.copy(INSTALLER, bundle / "install-desktop.sh")
    data_home = tmp_path / "home" / "data"
    r = run_installer(data_home, script=bundle / "install-desktop.sh")
    assert r.returncode == 0, r.stderr
    installed = desktop_entry(data_home / "applications" / f"{APP_ID}.desktop")
    assert installed["Exec"] == f"{bundle / 'Tradeoff'} %f"


def test_installer_refuses_a_folder_without_resources(tmp_path):
    r = run_installer(tmp_path / "data", "--resources", str(tmp_path), "--exec", "/bin/true")
    assert r.returncode == 2
    assert f"no {APP_ID}.desktop in {tmp_path}" in r.stderr
    assert not (tmp_path / "data").exists()


@pytest.mark.skipif(not shutil.which("update-mime-database"),
                    reason="update-mime-database (shared-mime-info) is not installed")
def test_installed_mime_type_claims_tradeoff_files_and_leaves_plain_toml_alone(tmp_path):
    data_home = tmp_path / "home" / "data"
    assert run_installer(data_home, "--exec", "/opt/Tradeoff/Tradeoff").returncode == 0
    probe = ("from PySide6.QtCore import QMimeDatabase; db = QMimeDatabase();"
             "print(db.mimeTypeForFile('lunch.tradeoff.toml').name());"
             "print(db.mimeTypeForFile('pyproject.toml').name())")
    env = {**os.environ, "XDG_DATA_HOME": str(data_home), "XDG_DATA_DIRS": "/usr/share",
           "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env,
                       cwd=tmp_path, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == [MIME_TYPE, "application/toml"]
    if shutil.which("update-desktop-database"):
        cache = (data_home / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
        assert f"{MIME_TYPE}={APP_ID}.desktop;" in cache.splitlines()


# -- the wheel, installed into a fresh virtual environment -------------------------------------

@pytest.mark.slow
def test_wheel_installed_in_a_fresh_venv_scores_its_bundled_example(tmp_path):
    """Build the wheel, install it with its dependencies into a new venv (no system site
    packages, dependencies resolved by pip from the configured index), and run it from an
    unrelated folder."""
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                        "-q", "-w", str(tmp_path / "dist"), str(REPO)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    (wheel,) = (tmp_path / "dist").glob("tradeoff-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in [f"{APP_ID}.desktop", f"{APP_ID}.metainfo.xml", f"{APP_ID}-mime.xml",
                 "LICENSE.txt", "NOTICES.md", f"icons/{APP_ID}.svg", f"icons/{APP_ID}-256.png"]:
        assert f"tradeoff/resources/{name}" in names

    venv = tmp_path / "venv"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    r = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q",
                        "--disable-pip-version-check", str(wheel)],
                       capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-2000:]
    print(f"fresh venv + wheel install: {time.perf_counter() - started:.1f} s")

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(outside), "QT_QPA_PLATFORM": "offscreen"}

    def in_venv(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(list(args), capture_output=True, text=True, cwd=outside, env=env,
                              timeout=300)

    r = in_venv(str(venv / "bin" / "tradeoff"), "--version")
    assert r.stdout.strip() == f"tradeoff {tradeoff.__version__}", r.stderr
    r = in_venv(str(venv / "bin" / "python"), "-c",
                "from tradeoff.paths import example_path; print(example_path())")
    example = Path(r.stdout.strip())
    assert example.is_relative_to(venv), r.stderr  # the installed copy, not the checkout's
    r = in_venv(str(venv / "bin" / "tradeoff"), "score", str(example), "--format", "json")
    assert r.returncode == 0, r.stderr
    ranking = json.loads(r.stdout)["ranking"]
    assert sorted(entry["rank"] for entry in ranking)[0] == 1
    assert "Holding pattern" in {entry["option"] for entry in ranking}
    # The About box finds the licence inside the installed package.
    r = in_venv(str(venv / "bin" / "python"), "-c",
                "from PySide6.QtWidgets import QApplication; app = QApplication([]);"
                "from tradeoff.gui.window.about_dialog import AboutDialog; box = AboutDialog();"
                "print(box.licence_view.toPlainText().splitlines()[0])")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "MIT License"
