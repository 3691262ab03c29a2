"""reader: read news articles in the terminal and tag each sentence as claim, context or quote.

The package is layered one way: loading (:mod:`reader.article`) -> analysis
(:mod:`reader.analysis`) -> annotations (:mod:`reader.store`) -> the app (:mod:`reader.tui`)
and the command line (:mod:`reader.cli`). Nothing outside ``reader.tui`` imports Textual.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("reader-annotator")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
