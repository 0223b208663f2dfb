"""Tradeoff: a desktop decision-matrix tool."""

__version__ = "0.1.0"
APP_NAME = "Tradeoff"
