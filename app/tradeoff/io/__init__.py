"""Files in and out: TOML matrix files, CSV, Excel workbooks and the brief. Never imports Qt."""

import os

# openpyxl parses a workbook's XML with lxml whenever lxml is installed (python-docx
# brings it), and then does not use defusedxml. Workbooks are untrusted input, so
# ask openpyxl for the defusedxml parsers unless the user chose otherwise. This
# must run before openpyxl is first imported; tradeoff.io is imported before any
# module of ours that imports openpyxl. (The import also vets the package's XML
# with defusedxml itself, in case openpyxl was imported earlier with lxml.)
os.environ.setdefault("OPENPYXL_LXML", "False")
