"""Label sets: the tags an analyst can give a sentence, and the keys that give them.

The default set is ``claim``, ``context`` and ``quote``. A store may define its own in
``<store>/labels.toml``, so that everyone annotating one store uses the same labels::

    [[label]]
    name = "claim"      # stored in every annotation and exported as is
    key = "c"           # the key that applies it in the app
    colour = "red"      # a colour name or #rrggbb ("color" is accepted too)
    letter = "C"        # optional: shown in the gutter; default: the name's first letter

The app also binds the digits 1 to 9 to the labels in order, so keys may not be digits.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from reader.errors import ConfigError
from reader.files import read_text_guarded

#: Name of the label file inside a store folder.
LABELS_FILE = "labels.toml"
#: A label set is a few lines; anything much bigger is not one.
MAX_LABELS_BYTES = 1024 * 1024

# A word of letters, digits, "_" and "-", starting with a letter: safe in every export
# format (brat, CSV headers, Prodigy) and in a jq filter.
_NAME = re.compile(r"[^\W\d_][\w-]{0,31}")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}|[a-z][a-z0-9_]{0,31}")
_FIELDS = frozenset({"name", "key", "colour", "color", "letter"})


class Label(NamedTuple):
    """One label of a label set.

    Attributes:
        name: The stored and exported name (``claim``).
        key: The key that applies it in the app (``c``).
        colour: How the app shows it (a colour name or ``#rrggbb``).
        letter: One character shown in the gutter next to a tagged sentence.
    """

    name: str
    key: str
    colour: str
    letter: str


@dataclass(frozen=True)
class LabelSet:
    """An ordered set of labels with unique names, keys and letters."""

    labels: tuple[Label, ...]

    def by_name(self, name: str) -> Label | None:
        """Return the label called ``name``, or ``None``."""
        return self._by_name.get(name)

    def by_key(self, key: str) -> Label | None:
        """Return the label that ``key`` applies, or ``None``."""
        return self._by_key.get(key)

    @property
    def names(self) -> tuple[str, ...]:
        """The labels' names, in order."""
        return tuple(label.name for label in self.labels)

    @cached_property
    def _by_name(self) -> dict[str, Label]:
        return {label.name: label for label in self.labels}

    @cached_property
    def _by_key(self) -> dict[str, Label]:
        return {label.key: label for label in self.labels}


DEFAULT_LABELS = LabelSet(
    (
        # Dark enough for a white letter at 4.5:1 in every theme (a named colour is the
        # terminal's or the theme's own, and some of those are too light).
        Label("claim", "c", "#c62828", "C"),
        Label("context", "x", "#1565c0", "X"),
        Label("quote", "q", "#2e7d32", "Q"),
    )
)


def _single_char(value: str) -> bool:
    return len(value) == 1 and value.isprintable() and not value.isspace()


def _parse_label(where: str, raw: Any) -> Label:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: each [[label]] must be a table")
    unknown = sorted(set(raw) - _FIELDS)
    if unknown:
        raise ConfigError(
            f"{where}: unknown field {unknown[0]!r} (fields: name, key, colour, letter)"
        )
    name = raw.get("name")
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ConfigError(
            f"{where}: name must be a word of up to 32 letters, digits, '_' or '-' "
            f"starting with a letter, not {name!r}"
        )
    where = f"{where} ({name})"
    key = raw.get("key")
    if not isinstance(key, str) or not _single_char(key):
        raise ConfigError(f"{where}: key must be one character, not {key!r}")
    if key.isdigit():
        raise ConfigError(f"{where}: key {key!r} is a digit; digits 1-9 pick labels in order")
    colour = raw.get("colour", raw.get("color"))
    if not isinstance(colour, str) or not _COLOUR.fullmatch(colour):
        raise ConfigError(f"{where}: colour must be a colour name or #rrggbb, not {colour!r}")
    letter = raw.get("letter", name[0].upper())
    if not isinstance(letter, str) or not _single_char(letter):
        raise ConfigError(f"{where}: letter must be one character, not {letter!r}")
    return Label(name=name, key=key, colour=colour, letter=letter)


def parse_labels(text: str, source: str = LABELS_FILE) -> LabelSet:
    """Parse the content of a label file.

    Raises:
        ConfigError: The content is not valid TOML or does not define a valid label set.
    """
    # Imported here: most stores have no label file, and the app's start should not pay for
    # the TOML parser.
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{source}: not valid TOML ({error})") from None
    except RecursionError:
        # tomllib recurses once per nested array or inline table.
        raise ConfigError(f"{source}: not valid TOML (nested too deeply)") from None
    raw_labels = data.get("label")
    if not isinstance(raw_labels, list) or not raw_labels:
        raise ConfigError(f"{source}: define at least one label as a [[label]] table")
    labels = tuple(
        _parse_label(f"{source}: label {number}", raw)
        for number, raw in enumerate(raw_labels, start=1)
    )
    for attribute in ("name", "key", "letter"):
        seen: dict[str, str] = {}
        for label in labels:
            value = getattr(label, attribute)
            if value in seen:
                hint = "; set letter = ... to tell them apart" if attribute == "letter" else ""
                raise ConfigError(
                    f"{source}: labels {seen[value]!r} and {label.name!r} have the same "
                    f"{attribute} {value!r}{hint}"
                )
            seen[value] = label.name
    return LabelSet(labels)


def load_labels(store_root: Path) -> LabelSet:
    """Return the store's label set: ``<store_root>/labels.toml``, else the defaults.

    Raises:
        ConfigError: The file exists but cannot be read or is invalid.
    """
    path = Path(store_root) / LABELS_FILE
    try:
        os.lstat(path)
    except FileNotFoundError:
        return DEFAULT_LABELS
    except OSError:
        pass  # the guarded read below says why in one line
    # Guarded: a FIFO, a link to /dev/zero or a huge file in a shared store must give one
    # line, not a hang or a MemoryError. A link is refused, as for every store file.
    text = read_text_guarded(
        path,
        limit=MAX_LABELS_BYTES,
        what="a label file",
        error=ConfigError,
        follow_symlinks=False,
        noun="label files",
    )
    return parse_labels(text, str(path))
