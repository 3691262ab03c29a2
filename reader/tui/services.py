"""What the screens need from the app, handed to each screen when it is made.

Screens never reach into the app: they receive a :class:`Services` and post messages up
(an article chosen, a setting changed, leaving an article); the app answers them. Settings
flow down as reactives (see ``ReaderApp.auto_advance``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from reader.labels import LabelSet
from reader.reading.finder import EntityFinder
from reader.store import Store


@dataclass(frozen=True)
class Services:
    """The app's shared parts that a screen works with.

    Attributes:
        store: The annotation store.
        annotator: Who is tagging.
        finder: Finds articles' entities (the cache, a child process, or a thread).
    """

    store: Store
    annotator: str
    finder: EntityFinder

    @cached_property
    def labels(self) -> LabelSet:
        """The store's label set (read once, when a screen first needs it; the command
        line checked it)."""
        return self.store.labels
