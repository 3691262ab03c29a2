"""Load articles from files: find the right loader, decode, normalise, parse.

Loaders form a registry (:data:`LOADERS`): the first whose ``claims`` accepts a file reads
it. A loader returns a list because some formats (a JSON Lines corpus) hold many articles.
Every failure is an :class:`~reader.errors.ArticleError` with a one-line message.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.article import Article
from reader.errors import ArticleError
from reader.loaders import html, jsonl
from reader.loaders.decoding import MAX_ARTICLE_BYTES, decode, normalise
from reader.loaders.text import parse_text
from reader.safe_text import visible


@dataclass(frozen=True)
class Loader:
    """One input format.

    Attributes:
        name: Short name, shown in errors and stored as the article's format.
        suffixes: File name endings this loader reads when listing a folder.
        claims: Whether this loader reads a file, given its path and first bytes.
        load: Read the file's bytes into articles; ``path`` is the name as given.
        max_bytes: Largest file this loader accepts.
    """

    name: str
    suffixes: tuple[str, ...]
    claims: Callable[[Path, bytes], bool]
    load: Callable[[bytes, str, Path], list[Article]]
    max_bytes: int = MAX_ARTICLE_BYTES


def _load_text(data: bytes, name: str, path: Path) -> list[Article]:
    text = normalise(decode(data, name))
    article = parse_text(text, path=name, suffix=path.suffix)
    if not article.blocks:
        raise ArticleError(f"{name} has no text")
    return [article]


TEXT_LOADER = Loader(
    name="text",
    suffixes=(".txt", ".text", ".md", ".markdown", ".mdown"),
    claims=lambda path, head: True,
    load=_load_text,
)

#: Loaders, most specific first; the text loader is the fallback and stays last.
LOADERS: list[Loader] = [
    Loader("jsonl", jsonl.SUFFIXES, jsonl.claims, jsonl.load_jsonl, jsonl.MAX_CORPUS_BYTES),
    Loader("html", html.SUFFIXES, html.claims, html.load_html),
    TEXT_LOADER,
]


def _loader_for(path: Path, head: bytes) -> Loader:
    for loader in LOADERS:
        if loader.claims(path, head):
            return loader
    return TEXT_LOADER


def _read(path: Path, name: str) -> tuple[Loader, bytes]:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ArticleError(f"no such file: {name}") from None
    except PermissionError:
        raise ArticleError(f"cannot read {name}: permission denied") from None
    except OSError as error:
        raise ArticleError(f"cannot read {name}: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise ArticleError(f"{name} is a folder, not an article file")
    if not stat.S_ISREG(info.st_mode):
        raise ArticleError(f"{name} is not a regular file")
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
            loader = _loader_for(path, head)
            if info.st_size > loader.max_bytes:
                raise ArticleError(
                    f"{name} is {info.st_size / 1e6:.1f} MB; reader opens "
                    f"{loader.name} files of up to {loader.max_bytes / 1e6:.0f} MB"
                )
            return loader, head + handle.read(loader.max_bytes + 1 - len(head))
    except PermissionError:
        raise ArticleError(f"cannot read {name}: permission denied") from None
    except IsADirectoryError:
        raise ArticleError(f"{name} is a folder, not an article file") from None
    except OSError as error:
        raise ArticleError(f"cannot read {name}: {error.strerror or error}") from None


def load_articles(path: str | os.PathLike[str]) -> list[Article]:
    """Load every article in one file (a corpus file may hold many).

    Raises:
        ArticleError: the file is missing, unreadable, binary, empty, too large, or holds
            no article.
    """
    name = visible(os.fspath(path))
    file_path = Path(path)
    loader, data = _read(file_path, name)
    articles = loader.load(data, os.fspath(path), file_path)
    if not articles:
        raise ArticleError(f"{name} holds no article")
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
    """List the article files in ``folder`` (not recursive, hidden files skipped), sorted."""
    root = Path(folder)
    suffixes = article_suffixes()
    try:
        entries: Iterable[Path] = sorted(root.iterdir())
    except FileNotFoundError:
        raise ArticleError(f"no such folder: {visible(os.fspath(folder))}") from None
    except NotADirectoryError:
        raise ArticleError(f"{visible(os.fspath(folder))} is not a folder") from None
    except PermissionError:
        raise ArticleError(
            f"cannot read folder {visible(os.fspath(folder))}: permission denied"
        ) from None
    return [
        entry
        for entry in entries
        if not entry.name.startswith(".") and entry.suffix.lower() in suffixes and entry.is_file()
    ]


def expand_paths(paths: Iterable[str]) -> list[Path]:
    """Expand folders among ``paths`` into their article files, keeping order."""
    expanded: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            expanded.extend(find_article_files(path))
        else:
            expanded.append(path)
    return expanded
