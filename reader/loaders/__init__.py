"""Load articles from files: find the right loader, decode, normalise, parse.

Loaders form a registry (:data:`LOADERS`): the first whose ``claims`` accepts a file reads
it. Each names its module, imported only when a file of its format is met. A loader
returns a list because some formats (a JSON Lines corpus) hold many articles. Every failure
is an :class:`~reader.errors.ArticleError` with a one-line message.
"""

from __future__ import annotations

import codecs
import importlib
import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple, cast

from reader.article import Article
from reader.errors import ArticleError
from reader.files import describe, open_guarded
from reader.loaders.decoding import MAX_ARTICLE_BYTES, decode, normalise
from reader.safe_text import visible


class Loader(NamedTuple):
    """One input format, named by its module, which is imported only when a file of its
    format is met (an HTML parser costs an app that opens a text file nothing).

    Attributes:
        name: Short name, shown in errors and stored as the article's format.
        suffixes: File name endings this loader reads when listing a folder.
        module: The module that reads the format: its ``claims(path, head)`` says whether
            it reads a file, and its function ``reads`` loads one.
        reads: The name of the module's function ``(data, name, path) -> list[Article]``.
        max_bytes: Largest file this loader accepts.
        sniffed: How the first bytes of a file of another name start (after a UTF-8 byte
            order mark and blank space) when the module may still claim it: only then is it
            imported to ask.
        fallback: Reads any file that no other loader claims (the text loader).
    """

    name: str
    suffixes: tuple[str, ...]
    module: str
    reads: str
    max_bytes: int = MAX_ARTICLE_BYTES
    sniffed: tuple[bytes, ...] = ()
    fallback: bool = False

    def claims(self, path: Path, head: bytes) -> bool:
        """Whether this loader reads a file, given its path and first bytes."""
        if self.fallback:
            return True
        start = head.removeprefix(codecs.BOM_UTF8).lstrip()
        if path.suffix.lower() not in self.suffixes and not start.startswith(self.sniffed):
            return False  # neither its name nor its first bytes: no need to import it
        claims = cast(Callable[[Path, bytes], bool], self._function("claims"))
        return claims(path, head)

    def load(self, data: bytes, name: str, path: Path) -> list[Article]:
        """Read a file's bytes into articles; ``name`` is the path as given."""
        reads = cast(Callable[[bytes, str, Path], list[Article]], self._function(self.reads))
        return reads(data, name, path)

    def _function(self, name: str) -> object:
        return getattr(importlib.import_module(self.module), name)


def load_text(data: bytes, name: str, path: Path) -> list[Article]:
    """Read a plain text or Markdown file into its one article."""
    from reader.loaders.text import parse_text

    text = normalise(decode(data, name))
    article = parse_text(text, path=name, suffix=path.suffix)
    if not article.blocks:
        raise ArticleError(f"{name} has no text")
    return [article]


TEXT_LOADER = Loader(
    name="text",
    suffixes=(".txt", ".text", ".md", ".markdown", ".mdown"),
    module=__name__,
    reads="load_text",
    fallback=True,
)

#: Loaders, most specific first; the text loader is the fallback and stays last. Each
#: row's suffixes and limit are its module's own (``SUFFIXES``, a test checks they agree),
#: written here so that listing a folder imports no loader.
LOADERS: list[Loader] = [
    Loader("jsonl", (".jsonl", ".ndjson"), "reader.loaders.jsonl", "load_jsonl", 512 * 1024 * 1024),
    # A page of another name is claimed by a doctype or <html> at the top.
    Loader(
        "html", (".html", ".htm", ".xhtml"), "reader.loaders.html", "load_html", sniffed=(b"<",)
    ),
    TEXT_LOADER,
]


def _loader_for(path: Path, head: bytes) -> Loader:
    for loader in LOADERS:
        if loader.claims(path, head):
            return loader
    return TEXT_LOADER


def _read(path: Path, name: str) -> tuple[Loader, bytes]:
    # The loader is chosen from the first bytes, and its own limit is then checked against
    # the reported size before the rest is read (and again while reading).
    with open_guarded(path, what="an article file", error=ArticleError, name=name) as handle:
        head = handle.read(4096)
        loader = _loader_for(path, head)
        noun = f"{loader.name} files"
        handle.check_size(loader.max_bytes, noun)
        return loader, head + handle.read_rest(loader.max_bytes, noun)


def load_articles(path: str | os.PathLike[str], *, kept: Path | None = None) -> list[Article]:
    """Load every article in one file (a corpus file may hold many).

    Args:
        path: The file.
        kept: A folder where a text article is kept as loaded and read back the next time
            (see :mod:`reader.loaders.article_cache`); default: load it every time.

    Raises:
        ArticleError: the file is missing, unreadable, binary, empty, too large, or holds
            no article.
    """
    name = visible(os.fspath(path))
    file_path = Path(path)
    loader, data = _read(file_path, name)
    key = None
    if kept is not None and loader is TEXT_LOADER:
        from reader.loaders import article_cache

        key = article_cache.entry_key(data, file_path.suffix)
        found = None if key is None else article_cache.read_entry(kept, key, os.fspath(path))
        if found is not None:
            return [found]
    articles = loader.load(data, os.fspath(path), file_path)
    if not articles:
        raise ArticleError(f"{name} holds no article")
    if key is not None and kept is not None:
        article_cache.write_entry(kept, key, articles[0])
    return articles


def load_article(path: str | os.PathLike[str]) -> Article:
    """Load the one article in ``path`` (the first, for a corpus file)."""
    return load_articles(path)[0]


def stored_path(path: str) -> str:
    """The path the store records for an article: absolute, keeping a corpus's ``#LINE``.

    An absolute path lets ``reader export`` and the carrying over of tags to an edited file
    find the article again from any working folder.
    """
    from reader.loaders.jsonl import split_corpus_path

    file, line = split_corpus_path(path)
    absolute = os.path.abspath(file)
    return absolute if line is None else f"{absolute}#{line}"


def article_suffixes() -> tuple[str, ...]:
    """File name endings that some loader reads."""
    return tuple(dict.fromkeys(suffix for loader in LOADERS for suffix in loader.suffixes))


def find_article_files(folder: str | os.PathLike[str]) -> list[Path]:
    """List the article files in ``folder`` (not recursive, hidden files skipped), sorted.

    Raises:
        ArticleError: the folder is missing, not a folder, cannot be listed, or can be
            listed but not entered (its files cannot even be looked at).
    """
    root = Path(folder)
    shown = visible(os.fspath(folder))
    suffixes = article_suffixes()
    try:
        entries: Iterable[Path] = sorted(root.iterdir())
    except FileNotFoundError:
        raise ArticleError(f"no such folder: {shown}") from None
    except NotADirectoryError:
        raise ArticleError(f"{shown} is not a folder") from None
    except OSError as error:
        raise ArticleError(f"cannot read folder {shown}: {describe(error)}") from None
    found: list[Path] = []
    for entry in entries:
        if entry.name.startswith(".") or entry.suffix.lower() not in suffixes:
            continue
        try:
            if stat.S_ISREG(entry.stat().st_mode):
                found.append(entry)
        except (FileNotFoundError, NotADirectoryError):
            continue  # removed since it was listed, or a dangling link
        except OSError as error:
            # A folder with read but no search permission lists its names but lets nobody
            # look at them: one line for the folder, not one per file.
            raise ArticleError(f"cannot read folder {shown}: {describe(error)}") from None
    return found


def expand_paths(paths: Iterable[str]) -> list[Path]:
    """Expand folders among ``paths`` into their article files, keeping order.

    A path that cannot be looked at is kept as a file: loading it then says why in one line.
    """
    expanded: list[Path] = []
    for given in paths:
        path = Path(given)
        try:
            is_folder = stat.S_ISDIR(path.stat().st_mode)
        except OSError:
            is_folder = False
        if is_folder:
            expanded.extend(find_article_files(path))
        else:
            expanded.append(path)
    return expanded
