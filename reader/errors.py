"""The project's own error types.

Every error that reaches a user is a :class:`ReaderError` whose ``str()`` is one line that
says what went wrong and, where there is one, what to do. The CLI prints that line and exits
with :attr:`ReaderError.exit_code`; nothing below the CLI prints tracebacks to users.
"""

from __future__ import annotations


class ReaderError(Exception):
    """Base class for errors that are shown to the user as one line."""

    exit_code: int = 2

    def __init__(self, message: str) -> None:
        # Keep messages to one line whatever the caller passed in: a newline inside an
        # error about a hostile file name must not break the one-line promise.
        super().__init__(" ".join(message.split()))

    @property
    def message(self) -> str:
        """The one-line message."""
        return str(self)


class ArticleError(ReaderError):
    """An article file could not be read or parsed."""


class ModelError(ReaderError):
    """No spaCy pipeline could be loaded."""


class StoreError(ReaderError):
    """The annotation store could not be opened, read or written."""


class CorruptStoreError(StoreError):
    """A store file does not parse or has the wrong shape; it is left untouched."""


class NewerSchemaError(StoreError):
    """A store file was written by a newer version of reader and is refused."""


class ConfigError(ReaderError):
    """A configuration file (labels, settings) is invalid."""
