"""The formats reader writes and reads: one registry that the CLI, the app and the help read.

Each built-in format is a module ``reader/formats/NAME.py`` that defines ``FORMAT``, a
:class:`~reader.formats.base.Format`; it is imported the first time it is looked up. To add
a format, write that module and add its name to :data:`BUILTIN_FORMATS`. Code outside the
package (a plugin, a test) can add a row format with :func:`register_format`.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from typing import cast

from reader.errors import ReaderError
from reader.formats.base import Format, Only, RowWriter, row_format

#: The formats that ship with reader, in the order help and the app list them.
BUILTIN_FORMATS: tuple[str, ...] = ("jsonl", "csv", "prodigy", "doccano", "brat", "spacy", "md")

_registered: dict[str, Format] = {}


def register_format(name: str, writer: RowWriter, description: str = "") -> None:
    """Make the row writer ``writer`` available as ``reader export --format name``."""
    _registered[name] = row_format(name, description, writer)


def formats() -> tuple[str, ...]:
    """Return the names of every available format, sorted."""
    return tuple(sorted(set(BUILTIN_FORMATS) | set(_registered)))


def find_format(name: str) -> Format | None:
    """Return the format ``name``, or ``None`` if there is none."""
    if name in _registered:
        return _registered[name]
    if name not in BUILTIN_FORMATS:
        return None
    return cast(Format, import_module(f"{__package__}.{name}").FORMAT)


def get_format(name: str) -> Format:
    """Return the format ``name``.

    Raises:
        ReaderError: There is no such format.
    """
    found = find_format(name)
    if found is None:
        raise ReaderError(f"unknown export format {name!r} (formats: {', '.join(formats())})")
    return found


def all_formats() -> list[Format]:
    """Every available format, built-in ones first, in :data:`BUILTIN_FORMATS` order.

    Imports every built-in format's module: for help, not for a lookup.
    """
    names = (*BUILTIN_FORMATS, *(name for name in _registered if name not in BUILTIN_FORMATS))
    return [get_format(name) for name in names]


def either(names: Sequence[str]) -> str:
    """Names as prose: ``jsonl, prodigy or doccano``."""
    return " or ".join(filter(None, (", ".join(names[:-1]), *names[-1:])))


def article_format(name: str) -> Format | None:
    """Return format ``name`` if it writes whole articles, ``None`` for a row format."""
    found = find_format(name)
    return None if found is None or found.rows is not None else found


def get_writer(name: str) -> RowWriter:
    """Return the row writer of format ``name``.

    Raises:
        ReaderError: There is no such row format.
    """
    found = find_format(name)
    if found is None or found.rows is None:
        raise ReaderError(f"unknown export format {name!r} (formats: {', '.join(formats())})")
    return found.rows


def output_kind(fmt: str) -> str:
    """``text``, ``file`` (binary) or ``folder``: where format ``fmt`` writes."""
    return get_format(fmt).output


def export_filename(fmt: str, stem: str = "reader-export") -> str:
    """A default name for an export of ``fmt``: ``reader-export.prodigy.jsonl``."""
    found = find_format(fmt)
    return stem + (found.suffix if found is not None else f".{fmt}")


def check_export(fmt: str, *, only: Only | None, to_path: bool) -> Format:
    """Return format ``fmt`` if an export with these options can run.

    Raises:
        ReaderError: an unknown format, ``--only`` for a format without entities, or a
            binary or folder format without a path.
    """
    spec = get_format(fmt)
    if only is not None and not spec.takes_only:
        raise ReaderError(f"--only applies to formats with entities, not to {fmt}")
    if spec.output != "text" and not to_path:
        what = "a folder" if spec.output == "folder" else f"a binary file ({spec.suffix})"
        raise ReaderError(f"the {fmt} format writes {what}: give its path with -o OUT")
    return spec


def import_formats() -> tuple[str, ...]:
    """The names of the formats that ``reader import-annotations`` reads, in detection order."""
    return tuple(name for name in BUILTIN_FORMATS if get_format(name).read is not None)
