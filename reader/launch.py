"""Start the app from parsed command-line arguments (placeholder until the app lands)."""

from __future__ import annotations

import argparse

from reader.errors import ReaderError


def launch_app(args: argparse.Namespace) -> int:
    """Open the app on ``args.path``."""
    raise ReaderError("the app is not built yet; use 'reader analyse PATH'")
