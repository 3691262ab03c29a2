"""The annotation store: the analysts' tags, notes and corrections, never lost.

Everything above this package talks to :class:`Store` and gets back the frozen dataclasses
of :mod:`reader.records`; only this package knows that TinyDB exists.

* :mod:`reader.store.folder`: :class:`Store`, a folder of TinyDB files, one per article,
  each save locked, atomic and fsynced (the layout is in its docstring).
* :mod:`reader.store._files` (private): reading, checking, migrating and saving a file,
  and :func:`~reader.store._files.locked`, the one locked save that turns a failure into
  a one-line :class:`~reader.errors.StoreError`.
* :mod:`reader.store._journal` (private): an article's tables in memory, its journal of
  changes, and compaction, so that a save costs the same in a long article.
* :mod:`reader.store._history` (private): the edits of one save and their undo history.
* :mod:`reader.store._paths` (private): the path index, the ids registered from each
  path, so that finding a file's other versions reads one small file, not the store.
* :mod:`reader.store.review`: :class:`Review`, a reviewer's decisions on one article and
  its settled layer, in a file of their own beside the article's; its records
  (:class:`Decision`, :class:`ReviewItem`, ...) in :mod:`reader.store.review_records`.
* :mod:`reader.store._review_file` (private): reading, checking and saving a review file.

Where a second backend plugs in: a store on a database server for a team would be
another class with :class:`Store`'s public methods (same arguments, same records, same
:class:`~reader.errors.StoreError` on failure), in a module of its own here, chosen where
the app and the commands open the store today (``Store(store_path(args.db))``). Nothing
outside this package would change.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from reader.records import Annotation, ArticleFile, ArticleRecord, Change, EntityCorrection
from reader.store._history import check_annotator, is_article_id
from reader.store.folder import Store

if TYPE_CHECKING:
    from reader.store.review import Review
    from reader.store.review_records import AGREED, Decision, Gold, ReviewItem, Version

#: The review layer's names, imported when first used: opening an article for tagging
#: needs :class:`Store` only, and the review modules are a few milliseconds of the app's
#: start (issue 15).
_LATER = {
    "Review": "reader.store.review",
    "AGREED": "reader.store.review_records",
    "Decision": "reader.store.review_records",
    "Gold": "reader.store.review_records",
    "ReviewItem": "reader.store.review_records",
    "Version": "reader.store.review_records",
}


def __getattr__(name: str) -> object:
    """The review layer's names (:data:`_LATER`), imported on first use."""
    module = _LATER.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # found directly from now on
    return value


__all__ = [
    "AGREED",
    "Annotation",
    "ArticleFile",
    "ArticleRecord",
    "Change",
    "Decision",
    "EntityCorrection",
    "Gold",
    "Review",
    "ReviewItem",
    "Store",
    "Version",
    "check_annotator",
    "is_article_id",
]
