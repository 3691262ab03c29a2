"""A JSON Lines corpus read a line at a time, for the library's loading thread.

:func:`reader.loaders.load_articles` returns a corpus's articles once every line is read,
which at 10,000 lines is seconds before the first row could be shown. :func:`corpus_articles`
yields each article as its line is read, with the loader's own checks and messages: the
file is read as the loader reads it (size limit, decoding), each line is parsed by
:func:`reader.loaders.jsonl.parse_record`, and a bad line is reported with its line number
through :mod:`reader.loaders.notices`. :func:`corpus_article` reads back one line.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

from reader.article import Article
from reader.errors import ArticleError
from reader.files import read_bytes_guarded
from reader.loaders.decoding import decode
from reader.loaders.jsonl import (
    MAX_CORPUS_BYTES,
    SUFFIXES,
    _BadLine,
    _json_problem,
    corpus_path,
    parse_record,
)
from reader.loaders.notices import warn
from reader.safe_text import visible


def is_corpus(path: Path) -> bool:
    """Whether ``path`` names a JSON Lines corpus (by its suffix, as the loader tells)."""
    return path.suffix.lower() in SUFFIXES


def streams(path: Path) -> bool:
    """Whether the library should read ``path`` a line at a time: a corpus file of more
    than one line. A one-line corpus (one article, opened at once) and an empty or
    unreadable one are loaded before the app starts, as any article file is, so that a
    failure is one line on the command line."""
    if not is_corpus(path):
        return False
    try:
        with path.open("rb") as stream:
            lines = 0
            for line in stream:  # no decoding: only whether a second line has text
                lines += bool(line.strip())
                if lines > 1:
                    return True
    except OSError:
        return False
    return False


def _text(file: Path) -> tuple[str, str]:
    name = visible(os.fspath(file))
    data = read_bytes_guarded(
        file,
        limit=MAX_CORPUS_BYTES,
        what="an article file",
        error=ArticleError,
        name=name,
        noun="jsonl files",
    )
    return decode(data, name), name


def _article(line: str, name: str, number: int) -> Article:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as error:
        raise _BadLine(f"not valid JSON ({_json_problem(error)})") from None
    return parse_record(record, path=corpus_path(name, number))


def corpus_articles(file: Path) -> Iterator[Article]:
    """Each article of the corpus ``file`` as its line is read; a bad line (or a repeated
    text) is skipped and reported with its line number, as the loader does.

    Raises:
        ArticleError: The file cannot be read, is empty or binary, or (once every line is
            read) no line holds an article.
    """
    text, shown = _text(file)
    path = os.fspath(file)
    first_line: dict[str, int] = {}
    bad = 0
    # Only "\n" ends a line: U+2028 and friends are legal inside JSON strings.
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.strip(" \t\r\ufeff")
        if not line:
            continue
        try:
            article = _article(line, path, number)
        except _BadLine as problem:
            bad += 1
            warn(path, f"{problem}; skipped", line=number)
            continue
        if article.id in first_line:
            warn(path, f"same text as line {first_line[article.id]}; skipped", line=number)
            continue
        first_line[article.id] = number
        yield article
    if not first_line:
        if bad:
            raise ArticleError(f"{shown}: none of its lines holds an article ({bad} bad lines)")
        raise ArticleError(f"{shown} is empty")


def corpus_article(file: Path, number: int) -> Article | None:
    """The article on line ``number`` of the corpus ``file``; ``None`` if that line does
    not hold one now.

    Raises:
        ArticleError: The file cannot be read.
    """
    text, _ = _text(file)
    lines = text.split("\n")
    if not 0 < number <= len(lines):
        return None
    try:
        return _article(lines[number - 1].strip(" \t\r\ufeff"), os.fspath(file), number)
    except _BadLine:
        return None
