"""diplonews: Vietnamese news about international relations → evidence-linked records."""

__version__ = "0.1.0"
