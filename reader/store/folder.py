"""The folder store: one TinyDB file per article, in a folder on a shared disk.

A store is a folder::

    <root>/store.json               TinyDB: "meta" table with {"schema": 3, "created": ...}
    <root>/labels.toml              optional label set (see reader.labels)
    <root>/articles/<id>.json       TinyDB, one per article: tables "meta", "article",
                                    "annotations", "history", "state", "entities", ...
    <root>/articles/<id>.journal    a long article's changes since <id>.json was written
    <root>/articles/<id>.lock       the lock every writer of <id>.json takes
    <root>/paths/<xx>.json          the ids registered from each path (reader.store._paths)

One file per article keeps a save independent of the rest of the store, and the journal
keeps it independent of the article's length (see :mod:`reader.store._journal`). Every
change is one locked read-modify-write of the article, saved atomically and durably before
the method returns; reads take no lock.

:class:`Store` is the only interface to it: it returns the dataclasses of
:mod:`reader.records` and raises :class:`~reader.errors.StoreError` (or its subclasses
:class:`~reader.errors.CorruptStoreError` and :class:`~reader.errors.NewerSchemaError`)
with a one-line message; after a failed save the store is as it was, so the caller can
keep the change on screen as unsaved and try again.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb import where
from tinydb.table import Document

from reader.atomic import describe_os_error
from reader.errors import StoreError
from reader.labels import LABELS_FILE, LabelSet, load_labels
from reader.records import (
    ORIGINS,
    Annotation,
    ArticleFile,
    ArticleRecord,
    Change,
    EntityCorrection,
    annotation_from_doc,
    annotation_to_doc,
    article_from_doc,
    correction_from_doc,
    correction_to_doc,
    superseded_versions,
    utc_now,
)
from reader.store import _files as storage
from reader.store import _history as changes
from reader.store import _journal as journal
from reader.store._files import load, schema_of, transaction
from reader.store._history import (
    check_annotator,
    check_correction,
    check_span,
    check_text,
    is_article_id,
)
from reader.store._journal import Tables
from reader.store._paths import PathIndex

STORE_FILE = "store.json"
#: Articles whose tables a Store keeps in memory between calls (the most recently used).
CACHED_ARTICLES = 8

#: A carry-over's matching (see :meth:`Store.reanchor`): from the old version's
#: annotations and orphans, and what the new version has, to where each goes.
Match = Callable[
    [list[Annotation], dict[tuple[int, int, str], str]],
    tuple[Iterable[tuple[Annotation, int, int, int]], Iterable[Annotation]] | None,
]
ARTICLES_DIR = "articles"

#: The tables :meth:`Store.read_articles` reads, and so checks, of each article file.
_REPORTED_TABLES = frozenset({"meta", "article", "annotations", "entities", "reanchored"})


class Store:
    """A folder of TinyDB files holding annotations, reading positions and corrections.

    Args:
        root: The store folder.
        create: Create the folder and its ``store.json`` if they do not exist (the app);
            otherwise a missing store is an error (``reader export``), and nothing is
            ever written by opening it.

    Raises:
        StoreError: The store cannot be created or read.
        CorruptStoreError: ``store.json`` is damaged.
        NewerSchemaError: The store was written by a newer version of ``reader``.
    """

    def __init__(self, root: Path, *, create: bool = True) -> None:
        self.root = Path(root)
        self._articles = self.root / ARTICLES_DIR
        self._labels: tuple[tuple[int, ...] | None, LabelSet] | None = None
        self._records: dict[str, tuple[tuple[object, ...], ArticleRecord]] = {}
        self._cache: dict[str, journal.Article] = {}
        self._index = PathIndex(self.root, self._scan_paths, writable=create)
        self._open(create)
        # Which folder this store is, so that a save never goes to another one that took
        # its place (or to one re-created where it was, see _check_still_here).
        found = self._root_stat()
        self._identity = None if found is None else (found.st_dev, found.st_ino)

    # -- the store itself --------------------------------------------------------------

    def _root_stat(self) -> os.stat_result | None:
        """Stat the store folder; ``None`` if it does not exist.

        Raises:
            StoreError: The path cannot be followed (a loop of links, a folder on the way
                that cannot be entered), one line naming it.
        """
        try:
            return os.stat(self.root)
        except FileNotFoundError:
            return None
        except OSError as error:
            reason = storage.describe_path_error(self.root, error)
            raise StoreError(f"cannot open the annotation store {self.root}: {reason}") from None

    def _open(self, create: bool) -> None:
        path = self.root / STORE_FILE
        found = self._root_stat()
        if found is not None and not stat.S_ISDIR(found.st_mode):
            raise StoreError(f"the annotation store {self.root} is a file, not a folder")
        data = load(path, "store")
        if data is not None and (not create or schema_of(path, data) == storage.SCHEMA_VERSION):
            return
        if data is None and not create:
            raise StoreError(
                f"there is no annotation store at {self.root} (no {STORE_FILE}); "
                "point --db or $READER_DB at a store folder"
            )
        try:
            self._articles.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"cannot create the annotation store at {self.root}: {describe_os_error(error)}"
            ) from None
        with transaction(path, "store") as db:
            meta = db.table("meta")
            if not meta:
                meta.insert({"schema": storage.SCHEMA_VERSION, "created": utc_now()})
            else:
                # An older store: its article files are migrated one by one as they are
                # read, and saved in the new layout; from now on older readers refuse it.
                meta.update({"schema": storage.SCHEMA_VERSION})

    @property
    def labels(self) -> LabelSet:
        """The store's label set (``labels.toml`` in the store folder, else the defaults).

        Raises:
            ConfigError: ``labels.toml`` is invalid.
        """
        try:
            stat = os.stat(self.root / LABELS_FILE)
            key: tuple[int, ...] | None = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
        except OSError:
            key = None
        if self._labels is None or self._labels[0] != key:
            self._labels = (key, load_labels(self.root))
        return self._labels[1]

    # -- article files ---------------------------------------------------------------

    def _path(self, article_id: str) -> Path:
        if not is_article_id(article_id):
            raise StoreError(f"invalid article id {article_id!r}")
        return self._articles / f"{article_id}.json"

    def _article_ids(self) -> list[str]:
        """The ids of the article files in the store, sorted.

        Raises:
            StoreError: The articles folder cannot be read.
        """
        try:
            names = os.listdir(self._articles)
        except FileNotFoundError:
            return []
        except OSError as error:
            reason = storage.describe_path_error(self._articles, error)
            raise StoreError(f"cannot read {self._articles}: {reason}") from None
        found = (name.removesuffix(".json") for name in names if name.endswith(".json"))
        return sorted(article_id for article_id in found if is_article_id(article_id))

    def _peek(self, article_id: str) -> Tables | None:
        """An article's tables, read without a lock; ``None`` if it has no file.

        Read for callers that only look: they must not change what they get back.
        """
        article = self._read(article_id)
        return None if article is None else article.tables

    def _read(self, article_id: str) -> journal.Article | None:
        # Kept between calls, and brought up to date by reading only what changed (the
        # journal's new lines), so that a save in a long article does not parse it again.
        path = self._path(article_id)
        cached = self._cache.pop(article_id, None)
        article = journal.read(path, cached)
        if article is not None:
            self._cache[article_id] = article
            while len(self._cache) > CACHED_ARTICLES:
                self._cache.pop(next(iter(self._cache)))
        return article

    def _check_still_here(self) -> None:
        """Refuse to save unless the store folder is still the one that was opened.

        A store folder moved or deleted while the app is open must not be re-created
        implicitly by the next save: the tags would go to a folder that is not a store
        (no ``store.json``), where every command says there is no store, while the app
        shows them as saved.

        Raises:
            StoreError: The folder has gone, or another folder (or no store) is there now.
        """
        try:
            found: os.stat_result | None = os.stat(self.root)
            os.lstat(self.root / STORE_FILE)
        except OSError:
            found = None
        if found is None or (found.st_dev, found.st_ino) != self._identity:
            raise StoreError(
                f"cannot save: the store folder {self.root} has gone (moved or deleted "
                "since reader opened it); the change was not saved, and no store is "
                "re-created there: reopen reader on the store where it is now"
            )

    @contextmanager
    def _edit(self, article_id: str, *, work: bool = True) -> Iterator[Tables]:
        """Run one locked, atomic read-modify-write of an article file.

        Args:
            article_id: The article.
            work: The change is the analysts' work (a tag, a note, an undo, a
                correction), which a superseded version refuses (see :meth:`reanchor`);
                ``False`` for bookkeeping (its record, a reading position).
        """
        path = self._path(article_id)
        self._check_still_here()
        if not self._articles.is_dir():
            if self._articles.exists():
                raise StoreError(f"cannot save to {self._articles}: it is a file, not a folder")
            try:
                # Only the articles folder: the store folder itself must be there already.
                self._articles.mkdir(exist_ok=True)
            except OSError as error:
                raise StoreError(
                    f"cannot save to {self._articles}: {describe_os_error(error)}"
                ) from None
        cached = self._cache.pop(article_id, None)
        with journal.edit(path, cached) as article:
            if work:
                changes.refuse_if_superseded(article.tables, article_id)
            yield article.tables
        # Only after a successful save: a failed one may have left a change in memory.
        self._cache[article_id] = article

    def register_article(
        self,
        article_id: str,
        *,
        path: str,
        title: str | None,
        date: str | None,
        byline: str | None,
        sentences: int,
    ) -> None:
        """Record an article's path and metadata; writes only if something changed."""
        check_text("an article's path", path)
        for what, value in (("title", title), ("date", date), ("byline", byline)):
            check_text(f"an article's {what}", value, optional=True)
        if type(sentences) is not int or sentences < 0:
            raise StoreError(f"invalid sentence count {sentences!r}")
        wanted = {
            "id": article_id,
            "path": path,
            "title": title,
            "date": date,
            "byline": byline,
            "sentences": sentences,
        }

        def current(db: Tables | None) -> Document | None:
            docs = db.table("article").all() if db is not None else []
            return docs[0] if docs else None

        def unchanged(db: Tables | None) -> bool:
            doc = current(db)
            return (
                doc is not None
                and all(doc.get(k) == v for k, v in wanted.items())
                and not db.table("superseded")  # type: ignore[union-attr]
            )

        # Checked without the lock first, so that reopening an article never writes.
        if unchanged(self._peek(article_id)):
            return
        with self._edit(article_id, work=False) as db:
            if unchanged(db):
                return
            # The article is open as its file's text: if an edit had superseded it, the
            # file was put back, and work on it is saved (and found) again.
            db.drop_table("superseded")
            doc = current(db)
            if doc is None or doc["path"] != path:
                # Before the record is saved: the index may name an article that is not
                # from that path (find_by_path checks), but never miss one that is.
                self._index.add(path, article_id)
            table = db.table("article")
            if doc is None:
                table.insert({**wanted, "updated": None})
            else:
                table.update(wanted, doc_ids=[doc.doc_id])
        self._records.pop(article_id, None)

    def articles(self) -> list[ArticleRecord]:
        """Return every article the store has a file for, sorted by path then id."""
        records = []
        for article_id in self._article_ids():
            record = self._article_record(article_id)
            if record is not None:
                records.append(record)
        return sorted(records, key=lambda record: (record.path, record.id))

    def _article_record(self, article_id: str) -> ArticleRecord | None:
        # Listing a large store must not re-parse every file each time: the record is
        # cached until the file is replaced (a compaction always makes a new inode) or
        # its journal grows.
        path = self._path(article_id)
        key: tuple[object, ...] = ()
        for part in (path, journal.journal_path(path)):
            try:
                found = os.stat(part)
            except FileNotFoundError:
                if part == path:
                    return None
                continue
            key += (found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)
        cached = self._records.get(article_id)
        if cached is not None and cached[0] == key:
            return cached[1]
        db = self._peek(article_id)
        docs = db.table("article").all() if db is not None else []
        if docs:
            record = article_from_doc(docs[0])
        else:
            record = ArticleRecord(article_id, "", None, None, None, None, None)
        self._records[article_id] = (key, record)
        return record

    def read_articles(self, article_ids: Iterable[str] | None = None) -> Iterator[ArticleFile]:
        """Everything reports need about each article, from one read of its file.

        Each file's shape and schema, and every document of the tables read here (the
        article, its annotations, entity corrections and carry-overs), are checked as on
        any read; the others (the history, the reading state) are not looked at.

        Args:
            article_ids: Only these (in this order; those without a file are skipped),
                default every article file, by id.

        Raises:
            StoreError: A file cannot be read or is damaged (a
                :class:`~reader.errors.CorruptStoreError` naming it, in one line).
        """
        listed = article_ids is None
        for article_id in self._article_ids() if article_ids is None else article_ids:
            # Read afresh and straight from the parsed tables: no TinyDB documents, no
            # copy kept in the store's cache, and only the tables read here checked (an
            # article's history, often its largest table, is checked wherever it is used).
            # The ids listed from the folder are already known to be well formed.
            path = self._articles / f"{article_id}.json" if listed else self._path(article_id)
            data = journal.read_tables(path, _REPORTED_TABLES)
            if data is None:
                continue
            docs = data.get("article")
            record = (
                article_from_doc(next(iter(docs.values())))
                if docs
                else ArticleRecord(article_id, "", *[None] * 5)
            )
            found = [annotation_from_doc(article_id, doc) for doc in _docs(data, "annotations")]
            found.sort(key=lambda a: (a.start, a.end, a.annotator))
            corrections = sorted(data.get("entities", {}).items(), key=lambda item: int(item[0]))
            carried = _docs(data, "reanchored")
            yield ArticleFile(
                record,
                tuple(found),
                tuple(correction_from_doc(doc) for _, doc in corrections),
                frozenset(doc["from"] for doc in carried),
                tuple((doc["from"], doc.get("seen")) for doc in carried),
            )

    def knows(self, article_id: str) -> bool:
        """Whether the store has a file for the article (it was opened or tagged before).

        Raises:
            StoreError: The file's folder cannot be read.
        """
        path = self._path(article_id)
        try:
            os.lstat(path)
        except FileNotFoundError:
            return False
        except OSError as error:
            raise StoreError(
                f"cannot read {path}: {storage.describe_path_error(path, error)}"
            ) from None
        return True

    # -- other versions of an article (see reader.reanchor) --------------------------

    def find_by_path(self, path: str) -> list[ArticleRecord]:
        """Return the articles last opened from ``path``: the versions of one file, by id.

        Reads the path index and the candidates' files, not the store (the index is
        built, once, if the store has none yet). A damaged article file is skipped here
        (it says so itself wherever it is opened).

        Raises:
            StoreError: The path index cannot be read or built.
        """
        found = []
        for article_id in self._index.ids(path):
            try:
                record = self._article_record(article_id)
            except StoreError:
                continue
            if record is not None and record.path == path:
                found.append(record)
        return found

    def _scan_paths(self) -> Iterator[tuple[str, str | None]]:
        """Every article's id and recorded path (``None``: damaged), to build the index."""
        for article_id in self._article_ids():
            try:
                record = self._article_record(article_id)
            except StoreError:
                yield article_id, None
                continue
            if record is not None:
                yield article_id, record.path

    def reanchored_from(self, article_id: str) -> set[str]:
        """Ids of the older versions whose annotations were carried over to this one."""
        db = self._peek(article_id)
        return set() if db is None else {doc["from"] for doc in db.table("reanchored").all()}

    def superseded(self) -> set[str]:
        """Ids of articles whose tags were carried over to a newer version of the same file.

        Their files are kept untouched, but an export of every article leaves them out, so
        that no tag is exported twice (once per version).
        """
        records = {record.id: record for record in self.articles()}
        carried: list[tuple[str, str | None]] = []
        for article_id in records:
            db = self._peek(article_id)
            for doc in db.table("reanchored").all() if db is not None else []:
                carried.append((doc["from"], doc.get("seen")))
        return superseded_versions(records, carried)

    def orphans(self, article_id: str) -> list[Annotation]:
        """Annotations of older versions that matched no sentence of this one, oldest first.

        Each keeps the id, offsets and text of the version it was made on.
        """
        db = self._peek(article_id)
        if db is None:
            return []
        docs = sorted(db.table("reanchored").all(), key=lambda doc: doc.doc_id)
        return [
            annotation_from_doc(orphan["article_id"], orphan)
            for doc in docs
            for orphan in doc["orphans"]
        ]

    def reanchor(self, old_id: str, new_id: str, match: Match) -> int | None:
        """Carry annotations of an older version of an article over to the new version.

        Under the old version's lock, then the new one's, ``match`` is given the old
        version's annotations and inherited orphans as they are now, and what the new
        version has (``{(start, end, annotator): label}``), and says where each goes.
        Then one atomic save of the new version's file: each moved annotation is added at
        its new sentence (keeping its label, note, attribution and times), unless that
        annotator already has one there (the newer work wins; if its label differs, the
        old one is kept as an orphan); the orphans are recorded, and so is ``old_id``, so
        that it is never carried over twice. Last, the old version is marked superseded:
        its annotations stay as they are, but it refuses new work from then on with a
        one-line error. A tag saved to the old version by another window or process is
        therefore either carried over or refused, never left behind where every command
        hides it (:meth:`superseded`).

        Args:
            old_id: The older version.
            new_id: The version the annotations go to.
            match: ``(candidates, present) -> (moved, orphaned)``, with ``moved`` as
                ``(annotation, sentence index, start, end)`` in the new version and
                ``orphaned`` the annotations that match no sentence; or ``None``: this is
                not a version of the article, leave it alone.

        Returns:
            How many annotations were added (0 if ``old_id`` was carried over already),
            or ``None`` if ``match`` said to leave it alone.

        Raises:
            StoreError: A bad annotation, or a save failed (the new version is then
                unchanged; if only the old version's mark failed, its later tags are
                still found, see :meth:`superseded`).
        """
        self._path(old_id)
        # The old version first, then the new: every carry-over takes the locks in that
        # order, and a save takes one lock only.
        with self._edit(old_id, work=False) as old_db:
            added = self._carry(old_db, old_id, new_id, match)
            if added is None:
                return None
            marks = old_db.table("superseded")
            if not marks.search(where("by") == new_id):
                marks.insert({"by": new_id, "at": utc_now()})
        return added

    def _carry(self, old_db: Tables, old_id: str, new_id: str, match: Match) -> int | None:
        old_record = old_db.table("article").all()
        seen = old_record[0]["updated"] if old_record else None
        # What the old version had absorbed, and the state each was absorbed in.
        sources = {doc["from"]: doc.get("seen") for doc in old_db.table("reanchored").all()}
        with self._edit(new_id, work=False) as db:
            table = db.table("reanchored")
            done = {doc["from"] for doc in table.all()}
            if old_id in done:
                return 0
            annotations = db.table("annotations")
            present = {(d["start"], d["end"], d["annotator"]): d["label"] for d in annotations}
            plan = match(changes.candidates(old_db, old_id), present)
            if plan is None:
                return None
            moves, orphans = list(plan[0]), list(plan[1])
            for annotation, sentence, start, end in moves:
                check_span(sentence, start, end)
                check_annotator(annotation.annotator)
            added = 0
            for annotation, sentence, start, end in moves:
                current = annotations.get(changes.key(start, end, annotation.annotator))
                if current is not None:
                    if current["label"] != annotation.label:
                        orphans.append(annotation)
                    continue
                doc = annotation_to_doc(annotation)
                annotations.insert({**doc, "sentence": sentence, "start": start, "end": end})
                added += 1
            now = utc_now()
            table.insert(
                {
                    "from": old_id,
                    "at": now,
                    "moved": added,
                    "orphans": [
                        {**annotation_to_doc(orphan), "article_id": orphan.article_id}
                        for orphan in orphans
                    ],
                    # The old version's last change when it was carried over: if it
                    # changes later, it is no longer hidden as superseded.
                    "seen": seen,
                }
            )
            # What the old version had absorbed is absorbed now too, through it.
            for source in sorted(set(sources) - done - {old_id, new_id}):
                absorbed = {"from": source, "at": now, "moved": 0, "orphans": []}
                table.insert({**absorbed, "seen": sources[source]})
            changes.touch(db, new_id, now)
        return added

    # -- annotations -----------------------------------------------------------------

    def annotations(self, article_id: str, annotator: str | None = None) -> list[Annotation]:
        """Return an article's annotations (one annotator's, or everyone's) sorted by start."""
        db = self._peek(article_id)
        if db is None:
            return []
        table = db.table("annotations")
        docs = table.all() if annotator is None else table.search(where("annotator") == annotator)
        found = [annotation_from_doc(article_id, doc) for doc in docs]
        return sorted(found, key=lambda a: (a.start, a.end, a.annotator))

    def all_annotations(
        self,
        article_ids: Iterable[str] | None = None,
        annotator: str | None = None,
        label: str | None = None,
    ) -> Iterator[Annotation]:
        """Yield annotations article by article (in the given order, else by id), by start.

        Args:
            article_ids: Only these articles, in this order (default: all, sorted by id).
            annotator: Only this annotator's.
            label: Only this label's.
        """
        for article_id in self._article_ids() if article_ids is None else article_ids:
            for annotation in self.annotations(article_id, annotator):
                if label is None or annotation.label == label:
                    yield annotation

    def tag(
        self,
        article_id: str,
        *,
        sentence: int,
        start: int,
        end: int,
        text: str,
        label: str | None,
        annotator: str,
        origin: str = "analyst",
        attribution: str | None = None,
    ) -> Annotation | None:
        """Give a sentence a label, or clear it (``label=None``); saved when it returns.

        Relabelling keeps the note, the attribution and the creation time. The change is
        recorded in the history, so that it can be undone, even after a restart.
        ``origin`` is ``suggestion`` for an accepted suggestion, whose speaker comes as
        ``attribution`` in the same change (one undo takes both back).

        Returns:
            The annotation as saved, or ``None`` if the label was cleared.

        Raises:
            StoreError: The label is unknown, or the change could not be saved (the store
                is then unchanged).
        """
        check_span(sentence, start, end)
        check_annotator(annotator)
        check_text("a sentence's text", text)
        check_text("the attribution", attribution, optional=True)
        if origin not in ORIGINS:
            raise StoreError(f"unknown origin {origin!r} (origins: {', '.join(ORIGINS)})")
        if label is not None and self.labels.by_name(label) is None:
            raise StoreError(f"unknown label {label!r} (labels: {', '.join(self.labels.names)})")
        with self._edit(article_id) as db:
            current = db.table("annotations").get(changes.key(start, end, annotator))
            if label is None:
                if current is None:
                    return None
                new = None
            elif (
                current is not None
                and (current["label"], current["sentence"])
                == (
                    label,
                    sentence,
                )
                and attribution in (None, current["attribution"])
            ):
                return annotation_from_doc(article_id, current)
            else:
                new = changes.tagged(
                    current,
                    sentence=sentence,
                    start=start,
                    end=end,
                    text=text,
                    label=label,
                    annotator=annotator,
                    origin=origin,
                    attribution=attribution,
                )
            changes.record(db, article_id, current, new)
        return changes.to_annotation(article_id, new)

    def set_note(
        self, article_id: str, *, start: int, end: int, annotator: str, note: str | None
    ) -> Annotation:
        """Set or clear (``None`` or blank) the note on a tagged sentence; undoable.

        Raises:
            StoreError: The sentence is not tagged by ``annotator``, or saving failed.
        """
        return self._set_field(article_id, start, end, annotator, "note", note)

    def set_attribution(
        self, article_id: str, *, start: int, end: int, annotator: str, attribution: str | None
    ) -> Annotation:
        """Set or clear who makes a tagged sentence's claim or quote; undoable.

        Raises:
            StoreError: The sentence is not tagged by ``annotator``, or saving failed.
        """
        return self._set_field(article_id, start, end, annotator, "attribution", attribution)

    def _set_field(
        self, article_id: str, start: int, end: int, annotator: str, field: str, value: str | None
    ) -> Annotation:
        check_text(f"the {field}", value, optional=True)
        if value is not None and not value.strip():
            value = None
        with self._edit(article_id) as db:
            current = db.table("annotations").get(changes.key(start, end, annotator))
            if current is None:
                raise StoreError(f"cannot set the {field}: that sentence is not tagged")
            if current[field] == value:
                return annotation_from_doc(article_id, current)
            new = {**current, field: value, "updated": utc_now()}
            changes.record(db, article_id, current, new)
        return annotation_from_doc(article_id, new)

    # -- undo and redo ---------------------------------------------------------------

    def undo(self, article_id: str, annotator: str) -> Change | None:
        """Undo ``annotator``'s last change to the article; ``None`` if there is none."""
        return self._step(article_id, annotator, undo=True)

    def redo(self, article_id: str, annotator: str) -> Change | None:
        """Redo ``annotator``'s last undone change; ``None`` if there is none."""
        return self._step(article_id, annotator, undo=False)

    def _step(self, article_id: str, annotator: str, *, undo: bool) -> Change | None:
        peeked = self._peek(article_id)
        if peeked is None or changes.next_step(peeked.table("history"), annotator, undo) is None:
            return None  # nothing to do: no need to lock or write
        with self._edit(article_id) as db:
            return changes.step(db, article_id, annotator, undo)

    # -- reading position ------------------------------------------------------------

    def position(self, article_id: str, annotator: str) -> int | None:
        """Return the sentence ``annotator`` was last at in the article, if recorded."""
        db = self._peek(article_id)
        doc = db.table("state").get(where("annotator") == annotator) if db is not None else None
        return None if doc is None else int(doc["sentence"])

    def set_position(self, article_id: str, annotator: str, sentence: int) -> None:
        """Remember the sentence ``annotator`` is at, so that reopening resumes there."""
        check_annotator(annotator)
        if type(sentence) is not int or sentence < 0:
            raise StoreError(f"invalid sentence index {sentence!r}")
        if self.position(article_id, annotator) == sentence:
            return
        with self._edit(article_id, work=False) as db:
            db.table("state").upsert(
                {"annotator": annotator, "sentence": sentence, "updated": utc_now()},
                where("annotator") == annotator,
            )

    # -- entity corrections ----------------------------------------------------------

    def entity_corrections(self, article_id: str) -> list[EntityCorrection]:
        """Return the article's entity corrections, oldest first (apply them in order)."""
        db = self._peek(article_id)
        if db is None:
            return []
        docs = sorted(db.table("entities").all(), key=lambda doc: doc.doc_id)
        return [correction_from_doc(doc) for doc in docs]

    def add_entity_correction(self, article_id: str, correction: EntityCorrection) -> None:
        """Append an entity correction (its ``created`` time is filled in if empty).

        Raises:
            StoreError: The correction is incomplete (``relabel`` and ``add`` need a
                ``label``, ``merge`` a ``target``), or saving failed.
        """
        check_correction(correction)
        doc = correction_to_doc(correction)
        now = utc_now()
        doc["created"] = doc["created"] or now
        with self._edit(article_id) as db:
            db.table("entities").insert(doc)
            changes.touch(db, article_id, now)

    def remove_entity_correction(self, article_id: str, index: int) -> None:
        """Remove the correction at ``index`` in :meth:`entity_corrections`' list.

        Raises:
            StoreError: There is no correction at ``index``, or saving failed.
        """
        with self._edit(article_id) as db:
            table = db.table("entities")
            doc_ids = sorted(doc.doc_id for doc in table.all())
            if not 0 <= index < len(doc_ids):
                raise StoreError(f"there is no entity correction number {index}")
            table.remove(doc_ids=[doc_ids[index]])
            changes.touch(db, article_id, utc_now())

    # -- rejected suggestions --------------------------------------------------------

    def rejected_suggestions(self, article_id: str, annotator: str) -> set[tuple[int, int]]:
        """The spans ``(start, end)`` of the sentences whose suggestion ``annotator``
        rejected in the article (they are not suggested to them again)."""
        db = self._peek(article_id)
        if db is None:
            return set()
        docs = db.table("rejected").search(where("annotator") == annotator)
        return {(doc["start"], doc["end"]) for doc in docs}

    def reject_suggestion(self, article_id: str, annotator: str, start: int, end: int) -> None:
        """Remember that ``annotator`` rejected the suggestion on the sentence ``start:end``.

        Raises:
            StoreError: The span or annotator is invalid, or saving failed.
        """
        check_annotator(annotator)
        check_span(0, start, end)
        if (start, end) in self.rejected_suggestions(article_id, annotator):
            return
        with self._edit(article_id) as db:
            db.table("rejected").insert(
                {"annotator": annotator, "start": start, "end": end, "at": utc_now()}
            )


def _docs(data: storage.RawDocument, table: str) -> list[dict[str, Any]]:
    """The documents of one of an article's parsed tables, in stored order."""
    return list(data.get(table, {}).values())
