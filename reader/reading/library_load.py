"""Reading a library's rows: from the index where a file is unchanged, else from the file.

The library screen runs these in its loading thread; nothing here touches a widget.
:class:`RowLoader` makes the :class:`~reader.reading.library_rows.Entry` of every article
(and of every file that would not load), :func:`tag_counts` reads the analyst's progress
from the store afterwards, and :func:`article_of` loads an article that came from the index
when it is opened.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import closing
from pathlib import Path

from reader.article import Article
from reader.cache import Finished
from reader.errors import ReaderError
from reader.loaders import find_article_files, load_articles
from reader.loaders.jsonl import split_corpus_path
from reader.loaders.notices import collect_warnings
from reader.reading.corpus_lines import corpus_article, corpus_rows, is_corpus
from reader.reading.corpus_process import FinishedKeys, ReadStopped, rows_elsewhere
from reader.reading.finder import Unloaded
from reader.reading.library_index import FileRecord, Known, LibraryIndex, known_of, stamp
from reader.reading.library_rows import Entry, alpha_of
from reader.store import Store


def entry_of(known: Known, number: int, article: Article | None = None) -> Entry:
    """The row of an article the index knows."""
    return Entry(
        known.path,
        article,
        offset=known.offset,
        sentences=known.sentences,
        entities="…" if known.entities is None else str(known.entities),
        number=number,
        body=known.body,
        article_id=known.id,
        title_text=known.title,
        date=known.date,
        source=known.source,
    )


class RowLoader:
    """Makes a library's entries, reading only the files the index does not know as they
    are now.

    Args:
        target: The folder (or corpus file).
        index: The library's index, loaded.
        finished: The finished analysis of an article, if cached (the entity finder's).
        preloaded: The articles of ``target`` if the command line loaded them (a corpus
            file): then no file is read, and the index gives only their counts.
        keys: Where the child process that reads a corpus finds the finished analyses
            that ``finished`` finds (:meth:`FinishedKeys.of` the same analyser); ``None``:
            it looks for none.
    """

    def __init__(
        self,
        target: Path,
        index: LibraryIndex,
        finished: Callable[[Article], Finished | None],
        preloaded: Sequence[Article] | None = None,
        keys: FinishedKeys | None = None,
    ) -> None:
        self.target = target
        self.index = index
        self.finished = finished
        self.preloaded = preloaded
        self.keys = keys
        #: What the loader skipped in the files (a corpus file's bad lines), one line each.
        self.warnings: list[str] = []
        #: How many files were read (not found unchanged in the index).
        self.read = 0

    def entries(self) -> Iterator[Entry]:
        """Every row, in the files' order, as each file is read or found in the index.

        Raises:
            ReaderError: The folder cannot be listed.
        """
        if self.preloaded is not None:
            yield from self._preloaded(self.preloaded)
            return
        number = 0
        seen: set[str] = set()
        # A corpus file given on the command line is a library of one file.
        files = find_article_files(self.target) if self.target.is_dir() else [self.target]
        for file in files:
            name = str(file)
            seen.add(name)
            now = stamp(file)
            record = self.index.record(name, now)
            articles: dict[str, Article] = {}
            if record is None and is_corpus(file):
                # Its rows are shown as its lines are read, not once all 10,000 are.
                streamed = yield from self._stream(file, now, number)
                number += streamed
                continue
            if record is None:
                record, articles = self._read(file, now)
            else:
                self.warnings += record.warnings
            if record.error:
                yield Entry(name, error=record.error, entities="", number=number)
                number += 1
            for known in record.articles:
                # A file just read keeps its articles: the analysis needs them.
                yield entry_of(known, number, articles.get(known.id))
                number += 1
        self.index.keep_only(seen)

    def _read(
        self, file: Path, now: tuple[int, int] | None
    ) -> tuple[FileRecord, dict[str, Article]]:
        self.read += 1
        articles: list[Article] = []
        size, mtime = now or (-1, -1)
        try:
            with collect_warnings() as found:
                articles = load_articles(file)
        except ReaderError as error:
            record = FileRecord(size, mtime, error=error.message)
        else:
            warnings = [str(warning) for warning in found]
            self.warnings += warnings
            knowns = [known_of(article, self.finished(article)) for article in articles]
            record = FileRecord(size, mtime, knowns, warnings=warnings)
        if now is not None:
            self.index.remember(str(file), record)
        return record, {article.id: article for article in articles}

    def _stream(
        self, file: Path, now: tuple[int, int] | None, number: int
    ) -> Generator[Entry, None, int]:
        """The entries of a corpus file the index does not know, each as its line is read
        (in a child process: see :mod:`reader.reading.corpus_process`); returns how many
        (a file that fails, or stops being read, ends with one row that says why)."""
        self.read += 1
        size, mtime = now or (-1, -1)
        knowns: list[Known] = []
        remember = True
        with collect_warnings() as found:
            try:
                try:
                    rows = rows_elsewhere(file, self.keys)
                except OSError:  # no process to be had: read it here, holding the interpreter
                    rows = corpus_rows(file, self.finished)
                with closing(rows):  # the library closed early: the child stops now
                    for known in rows:
                        yield entry_of(known, number + len(knowns))
                        knowns.append(known)
                record = FileRecord(size, mtime, knowns)
            except ReadStopped as error:
                record, remember = FileRecord(size, mtime, knowns, error=error.message), False
            except ReaderError as error:
                # Raised before the first article (the file) or with none (no good line).
                record = FileRecord(size, mtime, error=error.message)
        record.warnings = [str(warning) for warning in found]
        self.warnings += record.warnings
        if now is not None and remember:
            self.index.remember(str(file), record)
        if record.error:
            yield Entry(str(file), error=record.error, entities="", number=number + len(knowns))
            return len(knowns) + 1
        return len(knowns)

    def _preloaded(self, articles: Sequence[Article]) -> Iterator[Entry]:
        name, now = str(self.target), stamp(self.target)
        record = self.index.record(name, now)
        before = {k.id: k for k in record.articles} if record is not None else {}
        knowns = []
        for number, article in enumerate(articles):
            known = before.get(article.id)
            if known is None:
                known = known_of(article, self.finished(article))
            knowns.append(known)
            yield entry_of(known, number, article)
        if now is not None and (record is None or len(before) != len(knowns)):
            self.index.remember(name, FileRecord(*now, knowns))


def tag_counts(
    entries: Sequence[Entry], store: Store, annotator: str
) -> Iterator[tuple[int, int, float | None]]:
    """Each article's ``(number, tagged body sentences, alpha)`` from the store; an article
    whose file cannot be read is passed over (its count stays unknown)."""
    for entry in entries:
        if not entry.loads:
            continue
        try:
            everyone = store.annotations(entry.article_id)
        except ReaderError:
            continue
        mine = {a.sentence for a in everyone if a.annotator == annotator}
        yield (
            entry.number,
            len(mine & entry.body),
            alpha_of(entry.article_id, everyone, entry.sentences),
        )


def article_of(entry: Entry) -> Article:
    """``entry``'s article, loaded from its file if it came from the index (and kept on
    the entry: it was opened).

    Raises:
        ReaderError: The file no longer loads, or no longer holds the article.
    """
    if entry.article is None:
        entry.article = _read(entry)
    return entry.article


def _read(entry: Entry) -> Article:
    file, line = split_corpus_path(entry.path)
    if line is not None:  # one line of a corpus, not all 10,000
        found = corpus_article(Path(file), line, entry.offset)
        if found is not None and found.id == entry.article_id:
            return found
    for article in load_articles(Path(file)):
        if article.id == entry.article_id:
            return article
    raise ReaderError(f"{Path(file).name} has changed since the library was read: reopen it")


def articles_of(entries: Sequence[Entry], stop: Callable[[], bool]) -> list[Entry]:
    """Load the articles of the entries that came from an article file's row in the index
    (one read per file), for the analysis; the entries whose article could not be loaded
    are left out. A corpus's rows are not loaded here (see :func:`unloaded`)."""
    by_file: dict[str, list[Entry]] = {}
    for entry in entries:
        if entry.article is None and not _corpus_line(entry):
            by_file.setdefault(entry.path, []).append(entry)
    failed: set[int] = set()
    for file, group in by_file.items():
        if stop():
            break
        try:
            loaded = {a.id: a for a in load_articles(Path(file))}
        except ReaderError:
            loaded = {}
        for entry in group:
            entry.article = loaded.get(entry.article_id)
            if entry.article is None:
                failed.add(entry.number)
    return [
        e for e in entries if (e.article is not None or _corpus_line(e)) and e.number not in failed
    ]


def _corpus_line(entry: Entry) -> bool:
    return split_corpus_path(entry.path)[1] is not None


def unloaded(entry: Entry) -> Article | Unloaded:
    """What the analysis is given of ``entry``: its article, or for a corpus's row only
    its id and line (the analysis child reads the line itself; the app parses none of
    10,000 lines for their counts, and keeps none it had to analyse itself)."""
    if entry.article is not None:
        return entry.article
    return Unloaded(entry.article_id, entry.path, lambda: _read(entry))
