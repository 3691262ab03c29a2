"""reader: read news articles in the terminal and tag each sentence as claim, context or quote.

The package is layered one way: loading (:mod:`reader.article`) -> analysis
(:mod:`reader.analysis`) -> annotations (:mod:`reader.store`) -> the app (:mod:`reader.tui`)
and the command line (:mod:`reader.cli`). Nothing outside ``reader.tui`` imports Textual.
"""

from __future__ import annotations

__all__ = ["__version__"]


def __getattr__(name: str) -> str:
    # Looked up on first use: importlib.metadata costs about 60 ms to import, which every
    # start of the app would otherwise pay before its first paint.
    if name != "__version__":
        raise AttributeError(f"module 'reader' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("reader-annotator")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0.0.0+unknown"
