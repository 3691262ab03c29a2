"""A JSON Lines corpus read a line at a time, for the library's loading thread.

:func:`reader.loaders.load_articles` returns a corpus's articles once every line is read,
which at 10,000 lines is seconds before the first row could be shown. :func:`corpus_articles`
yields each article as its line is read, with the loader's own checks and messages: the
file is read as the loader reads it (size limit, decoding), each line is parsed by
:func:`reader.loaders.jsonl.parse_record`, and a bad line is reported with its line number
through :mod:`reader.loaders.notices`. :func:`corpus_article` reads back one line.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from reader.article import Article
from reader.errors import ArticleError
from reader.files import read_bytes_guarded
from reader.loaders import LOADERS
from reader.loaders.decoding import decode
from reader.safe_text import visible

#: The JSON Lines loader's row: its suffixes, without importing the loader (and its
#: layout rules), which opening a text article never needs.
_CORPUS = next(loader for loader in LOADERS if loader.name == "jsonl")


def is_corpus(path: Path) -> bool:
    """Whether ``path`` names a JSON Lines corpus (by its suffix, as the loader tells)."""
    return path.suffix.lower() in _CORPUS.suffixes


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
        limit=_CORPUS.max_bytes,
        what="an article file",
        error=ArticleError,
        name=name,
        noun="jsonl files",
    )
    return decode(data, name), name


def corpus_articles(file: Path) -> Iterator[Article]:
    """Each article of the corpus ``file`` as its line is read; a bad line (or a repeated
    text) is skipped and reported with its line number, as the loader does.

    Raises:
        ArticleError: The file cannot be read, is empty or binary, or (once every line is
            read) no line holds an article.
    """
    from reader.loaders.jsonl import iter_jsonl

    text, _ = _text(file)
    yield from iter_jsonl(text, os.fspath(file))


def corpus_article(file: Path, number: int) -> Article | None:
    """The article on line ``number`` of the corpus ``file``; ``None`` if that line does
    not hold one now.

    Raises:
        ArticleError: The file cannot be read.
    """
    from reader.loaders.jsonl import article_on_line

    text, _ = _text(file)
    return article_on_line(text, os.fspath(file), number)
