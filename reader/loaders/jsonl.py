"""JSON Lines corpora: one article per line, each its own article in the library.

Each line is a JSON object with a ``text`` string and, optionally, ``title``, ``date``,
``url``, ``source``, ``byline`` and ``id``; any other field is kept in the article's
metadata. An article's path is ``FILE#LINE`` (its 1-based line number) and its id is, as
for every format, the hash of its normalised text, so annotations follow the text whatever
line or file it moves to; the corpus's own ``id`` is kept as ``metadata["source_id"]``.

A bad line (not JSON, not an object, no text, a field of the wrong type, the same text as
an earlier line) is skipped and reported with its line number through
:mod:`reader.loaders.notices`; the rest of the corpus loads.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reader.article import Article, BlockKind, build_article
from reader.errors import ArticleError
from reader.loaders.decoding import decode, normalise, squash_spaces
from reader.loaders.layout import parse_date
from reader.loaders.notices import warn
from reader.loaders.paragraphs import split_paragraphs
from reader.safe_text import visible

SUFFIXES = (".jsonl", ".ndjson")

#: A corpus holds many articles, so it may be far larger than one article file.
MAX_CORPUS_BYTES = 512 * 1024 * 1024

#: The fields reader reads itself; every other field goes to the article's metadata.
KNOWN_FIELDS = frozenset({"text", "title", "date", "url", "source", "byline", "id"})

# JSON may spell a lone surrogate ("\ud800"), which no file or terminal can carry.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "true or false"}


def _json_type(value: Any) -> str:
    """Name a decoded JSON value's type as JSON does (``an array``, not ``list``)."""
    if value is None:
        return "null"
    return _JSON_TYPES.get(type(value), "a number")


class _BadLine(Exception):
    """One line cannot become an article; the message says why."""


def claims(path: Path, head: bytes) -> bool:
    """A corpus is recognised by its name: ``.jsonl`` or ``.ndjson``."""
    return path.suffix.lower() in SUFFIXES


def corpus_path(file: str, line: int) -> str:
    """The path of the article on ``line`` of the corpus ``file``: ``FILE#LINE``."""
    return f"{file}#{line}"


def split_corpus_path(path: str) -> tuple[str, int | None]:
    """Split ``FILE#LINE`` into the file and the line; other paths have no line."""
    file, hash_sign, line = path.rpartition("#")
    if hash_sign and line.isdigit() and Path(file).suffix.lower() in SUFFIXES:
        return file, int(line)
    return path, None


def _string(value: Any, field: str) -> str | None:
    """A string field, cleaned like every loaded text; ``None`` when absent or blank."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise _BadLine(f"{field!r} must be a string, not {_json_type(value)}")
    value = normalise(_LONE_SURROGATE.sub("\ufffd", value))
    return squash_spaces(" ".join(value.split("\n"))) or None


def _paragraphs(text: str) -> list[str]:
    # Blank lines or single newlines separate paragraphs, and hard-wrapped text is
    # re-joined, exactly as in a plain text file.
    lines = normalise(_LONE_SURROGATE.sub("\ufffd", text)).split("\n")
    paragraphs, _ = split_paragraphs(lines)
    return [kept for paragraph in paragraphs if (kept := squash_spaces(paragraph))]


def parse_record(record: Any, *, path: str) -> Article:
    """Turn one decoded JSON line into an article.

    Raises:
        _BadLine: the record is not an object, has no text, or has a field of the wrong
            type.
    """
    if not isinstance(record, dict):
        raise _BadLine(f"expected a JSON object, found {_json_type(record)}")
    if "text" not in record:
        raise _BadLine("no 'text' field")
    if not isinstance(record["text"], str):
        raise _BadLine(f"'text' must be a string, not {_json_type(record['text'])}")
    paragraphs = _paragraphs(record["text"])
    if not paragraphs:
        raise _BadLine("'text' is empty")
    title = _string(record.get("title"), "title")
    byline = _string(record.get("byline"), "byline")
    source = _string(record.get("source"), "source")
    url = _string(record.get("url"), "url")
    raw_date = _string(record.get("date"), "date")
    source_id = record.get("id")
    if source_id is not None and (
        isinstance(source_id, bool) or not isinstance(source_id, str | int | float)
    ):
        raise _BadLine(f"'id' must be a string or a number, not {_json_type(source_id)}")

    metadata: dict[str, Any] = {k: v for k, v in record.items() if k not in KNOWN_FIELDS}
    for key, value in (("url", url), ("source", source)):
        if value is not None:
            metadata[key] = value
    if source_id is not None:
        metadata["source_id"] = str(source_id)
    date = parse_date(raw_date) if raw_date else None
    if raw_date and date is None:
        metadata["date"] = raw_date  # kept as given: no calendar date could be read in it

    parts: list[tuple[BlockKind, str]] = []
    if title:
        parts.append(("title", title))
    if byline or source:
        parts.append(("byline", byline or source or ""))
    parts.extend(("paragraph", paragraph) for paragraph in paragraphs)
    return build_article(
        parts,
        path=path,
        format="jsonl",
        title=title,
        date=date,
        byline=byline or source,
        metadata=metadata,
    )


def _json_problem(error: Exception) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"at column {error.colno}: {error.msg}"
    if isinstance(error, RecursionError):
        return "nested too deeply"
    return str(error).split("\n")[0]


def load_jsonl(data: bytes, name: str, path: Path) -> list[Article]:
    """Read a JSON Lines corpus: every good line is an article, bad ones are reported.

    Raises:
        ArticleError: the file is empty or binary, or no line holds an article.
    """
    return list(iter_jsonl(decode(data, name), name))


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` (only "\n" ends one), one at a time: a corpus split at once is
    a list of its whole size made in one step, which holds the interpreter (and the app's
    keys, while the library reads a corpus in its thread) for tens of milliseconds."""
    start = 0
    while True:
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start:end]
        start = end + 1


def iter_jsonl(text: str, name: str) -> Iterator[Article]:
    """Each article of a decoded corpus as its line is read (the library shows rows as
    they come); a bad line or a repeated text is skipped and reported with its number.

    Raises:
        ArticleError: once every line is read, no line holds an article.
    """
    for _, article in numbered_articles(text, name):
        yield article


def numbered_articles(text: str, name: str) -> Iterator[tuple[int, Article]]:
    """:func:`iter_jsonl`'s articles, each with its 1-based line number.

    Raises:
        ArticleError: once every line is read, no line holds an article.
    """
    first_line: dict[str, int] = {}
    bad = 0
    # Only "\n" ends a line: U+2028 and friends are legal inside JSON strings.
    for number, line in enumerate(_lines(text), start=1):
        line = line.strip(" \t\r\ufeff")
        if not line:
            continue
        try:
            article = _article(line, name, number)
        except _BadLine as problem:
            bad += 1
            warn(name, f"{problem}; skipped", line=number)
            continue
        if article.id in first_line:
            warn(name, f"same text as line {first_line[article.id]}; skipped", line=number)
            continue
        first_line[article.id] = number
        yield number, article
    if not first_line:
        shown = visible(name)
        if bad:
            raise ArticleError(f"{shown}: none of its lines holds an article ({bad} bad lines)")
        raise ArticleError(f"{shown} is empty")


def article_on_line(text: str, name: str, number: int) -> Article | None:
    """The article on line ``number`` of a decoded corpus; ``None`` if that line does not
    hold one (the file may have changed since it was listed)."""
    lines = text.split("\n")
    if not 0 < number <= len(lines):
        return None
    return article_of_line(lines[number - 1], name, number)


def article_of_line(line: str, name: str, number: int) -> Article | None:
    """The article that ``line``, line ``number`` of the corpus ``name``, holds; ``None``
    if it holds none (no warning: the line was reported when the corpus was read)."""
    try:
        return _article(line.strip(" \t\r\ufeff"), name, number)
    except _BadLine:
        return None


def _article(line: str, name: str, number: int) -> Article:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as error:
        raise _BadLine(f"not valid JSON ({_json_problem(error)})") from None
    return parse_record(record, path=corpus_path(name, number))
