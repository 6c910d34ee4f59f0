"""Reflect: a private companion for front-line providers."""

__version__ = "0.1.0"
