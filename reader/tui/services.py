"""What the screens need from the app, handed to each screen when it is made.

Screens never reach into the app: they receive a :class:`Services` and post messages up
(an article chosen, a setting changed, leaving an article); the app answers them. Settings
flow down as reactives (see ``ReaderApp.auto_advance``).
"""

from __future__ import annotations

from functools import cached_property
from typing import Final

from reader.labels import LabelSet
from reader.reading.finder import EntityFinder
from reader.store import Store


class Services:
    """The app's shared parts that a screen works with (a plain class: a dataclass costs
    the app's start a compiled method or more each, and nothing compares these).

    Attributes:
        store: The annotation store.
        annotator: Who is tagging.
        finder: Finds articles' entities (the cache, a child process, or a thread).
    """

    def __init__(self, store: Store, annotator: str, finder: EntityFinder) -> None:
        self.store: Final = store
        self.annotator: Final = annotator
        self.finder: Final = finder

    @cached_property
    def labels(self) -> LabelSet:
        """The store's label set (read once, when a screen first needs it; the command
        line checked it)."""
        return self.store.labels
