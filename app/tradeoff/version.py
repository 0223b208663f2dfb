"""The version and the name of the app, written once.

Modules of the package import them from here rather than from the package
itself, so that the package's own ``__init__`` may offer the Python API
without any module importing back into it.
"""

__version__ = "0.1.0"
APP_NAME = "Tradeoff"
