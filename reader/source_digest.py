"""A digest of some of reader's own source files, to key a cache by the rules that made it.

The analysis cache (:data:`reader.analysis.ANALYSIS_VERSION`) and the kept articles
(:mod:`reader.loaders.article_cache`) are keyed by the source of the rules that decide
their content, so that no version number has to be remembered: any edit to a rule gives a
new digest and older entries are no longer read. A folder counts with every ``.py`` file
under it, at any depth, so a rule module split into a package stays covered.

Listed with :mod:`os` rather than :mod:`pathlib`: this runs on every start of the app,
before its first paint, and pathlib's globbing took most of its time.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator


def source_files(package: str, sources: Iterable[str]) -> Iterator[str]:
    """The ``.py`` files that ``sources`` name, as paths relative to the folder
    ``package`` with ``/`` between parts, in a fixed order: each source in turn, a folder's
    files (at any depth) sorted by path. A file that does not exist is left out."""
    for source in sources:
        top = os.path.join(package, source)
        if not os.path.isdir(top):
            if os.path.exists(top):
                yield source
            continue
        found = []
        for folder, subfolders, names in os.walk(top):
            subfolders[:] = [name for name in subfolders if name != "__pycache__"]
            relative = os.path.relpath(folder, package).replace(os.sep, "/")
            found += [f"{relative}/{name}" for name in names if name.endswith(".py")]
        yield from sorted(found)


def source_digest(package: str, sources: Iterable[str], seed: bytes = b"") -> str:
    """The SHA-256 digest (hex) of ``seed``, then each file of :func:`source_files`: its
    relative path and its bytes.

    Raises:
        OSError: A source file cannot be read (a frozen application has none).
    """
    digest = hashlib.sha256(seed)
    for relative in source_files(package, sources):
        digest.update(relative.encode())
        with open(os.path.join(package, relative), "rb") as source:
            digest.update(source.read())
    return digest.hexdigest()
