"""Ladderpress: publish a product-management career ladder as a static site."""

__version__ = "0.1.0"
