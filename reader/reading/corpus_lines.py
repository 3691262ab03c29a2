"""A JSON Lines corpus read a line at a time, for the library.

:func:`reader.loaders.load_articles` returns a corpus's articles once every line is read,
which at 10,000 lines is seconds before the first row could be shown. :func:`corpus_rows`
yields each article's row (what the library's index keeps of it, with the byte offset of
its line) as its line is read, with the loader's own checks and messages: the file is read
as the loader reads it (size limit, decoding), each line is parsed by the loader, and a bad
line is reported with its line number through :mod:`reader.loaders.notices`. The library
runs it in a child process (:mod:`reader.reading.corpus_process`), so that the rows keep no
article: :func:`corpus_article` reads one back, from its line alone, when it is opened.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable, Generator
from pathlib import Path
from typing import TYPE_CHECKING

from reader.article import Article
from reader.cache import Finished
from reader.errors import ArticleError
from reader.files import open_guarded, read_bytes_guarded
from reader.loaders import LOADERS
from reader.loaders.decoding import decode, decode_line
from reader.safe_text import visible

if TYPE_CHECKING:
    from reader.reading.library_index import Known

#: The JSON Lines loader's row: its suffixes and size limit, without importing the loader
#: (and its layout rules), which opening a text article never needs.
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


def _bytes(file: Path) -> bytes:
    return read_bytes_guarded(
        file,
        limit=_CORPUS.max_bytes,
        what="an article file",
        error=ArticleError,
        name=visible(os.fspath(file)),
        noun="jsonl files",
    )


def corpus_rows(
    file: Path, finished: Callable[[Article], Finished | None]
) -> Generator[Known, None, None]:
    """The row of each article of the corpus ``file`` as its line is read (its counts from
    ``finished`` where the cache has them); a bad line (or a repeated text) is skipped and
    reported with its line number, as the loader does.

    Raises:
        ArticleError: The file cannot be read, is empty or binary, or (once every line is
            read) no line holds an article.
    """
    # The loader's rules, and the library's rows (with the stats and store records they
    # import), only here: the launch asks this module whether a file is a corpus before
    # every start (issue 15).
    from reader.loaders.jsonl import numbered_articles
    from reader.reading.library_index import known_of

    data = _bytes(file)
    text = decode(data, visible(os.fspath(file)))
    # In UTF-8 and Windows-1252 every "\n" of the text is one byte 0x0A of the file, so a
    # line's byte offset is found by counting them; in UTF-16 it is not (no offsets: such
    # an article is read back with its whole file).
    bytewise = not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    at, line = 0, 1
    for number, article in numbered_articles(text, os.fspath(file)):
        offset = None
        if bytewise:
            while line < number:
                at = data.index(b"\n", at) + 1
                line += 1
            offset = at
        yield known_of(article, finished(article), offset)


def corpus_article(file: Path, number: int, offset: int | None = None) -> Article | None:
    """The article on line ``number`` of the corpus ``file``; ``None`` if that line does
    not hold one now. With the line's byte ``offset`` only that line is read; the caller
    checks that it is the article it listed (the file may have changed since).

    Raises:
        ArticleError: The file cannot be read.
    """
    from reader.loaders.jsonl import article_of_line, article_on_line

    name = os.fspath(file)
    if offset is None:
        return article_on_line(decode(_bytes(file), visible(name)), name, number)
    with open_guarded(file, what="an article file", error=ArticleError) as handle:
        line = handle.read_line_at(offset, _CORPUS.max_bytes)
    return article_of_line(decode_line(line), name, number)
