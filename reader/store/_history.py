"""The edits one save makes inside an article's tables: tags, notes, and their history.

Private to :mod:`reader.store`. Each function here works on the tables that
:class:`reader.store.Store` opened inside a
locked transaction, so it sees the file as it is now and its changes are saved together,
atomically, when the transaction ends.

History: every change to an annotation (label set or cleared, note, attribution) adds an
entry to the ``history`` table with the annotation's changing fields before and after.
Undo applies the last live entry's ``before`` and marks it undone; redo applies the first
undone entry's ``after``. A new change drops the annotator's undone entries, so undone
entries are always the tail of an annotator's history.
"""

from __future__ import annotations

import re
from typing import Any

from tinydb import where
from tinydb.table import Document

from reader.errors import StoreError
from reader.records import (
    ENTITY_CORRECTION_KINDS,
    OPTIONAL_FIELDS,
    STATE_FIELDS,
    Annotation,
    Change,
    EntityCorrection,
    annotation_from_doc,
    annotation_to_doc,
    state_of,
    utc_now,
)
from reader.store._journal import Key, Table, Tables

# Article ids become file names: no separators, no dots (so "<id>.json" and "<id>.lock"
# can never collide with another id's files), nothing that starts with "-" or ".".
_ARTICLE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,127}")

#: Changes kept per article file for undo and redo (all annotators together). Older ones
#: are dropped so that a save stays small however long an article is worked on.
HISTORY_LIMIT = 200


def key(start: int, end: int, annotator: str) -> Key:
    """Return the query for an annotation's record key (the article is the file).

    The annotations table finds it through an index, not a scan: a save must not cost
    more in an article with 50,000 tags than in one with 50.
    """
    return Key(start, end, annotator)


def to_annotation(article_id: str, doc: dict[str, Any] | None) -> Annotation | None:
    """Return the annotation a stored document describes, or ``None`` for no document."""
    return None if doc is None else annotation_from_doc(article_id, doc)


def touch(db: Tables, article_id: str, now: str) -> None:
    """Record that the article's work changed, creating its record if it has none."""
    table = db.table("article")
    docs = table.all()
    if docs:
        table.update({"updated": now}, doc_ids=[docs[0].doc_id])
        return
    empty = {"path": "", "title": None, "date": None, "byline": None, "sentences": None}
    table.insert({"id": article_id, **empty, "updated": now})


def put(annotations: Table, current: Document | None, new: dict[str, Any] | None) -> None:
    """Replace the annotation ``current`` (``None``: none yet) by ``new`` (``None``: remove)."""
    # By document id: a second scan of the table with the key query would cost as much as
    # the rest of a save in a long article.
    if current is not None and new is None:
        annotations.remove(doc_ids=[current.doc_id])
    elif current is not None and new is not None:
        annotations.update(new, doc_ids=[current.doc_id])
    elif new is not None:
        annotations.insert(new)


def tagged(
    current: dict[str, Any] | None,
    *,
    sentence: int,
    start: int,
    end: int,
    text: str,
    label: str,
    annotator: str,
    origin: str = "analyst",
    attribution: str | None = None,
) -> dict[str, Any]:
    """Return the document of a sentence tagged ``label``, keeping what a relabel keeps.

    ``origin`` says who chose the label now; ``attribution``, if given, replaces the kept
    one (an accepted suggestion brings its speaker).
    """
    now = utc_now()
    fresh = annotation_to_doc(
        Annotation(
            "",
            sentence=sentence,
            start=start,
            end=end,
            text=text,
            label=label,
            annotator=annotator,
            created=now,
            updated=now,
            attribution=attribution,
            origin=origin,
        )
    )
    if current is None:
        return fresh
    # Relabelling is a correction, not a new annotation: keep its age and its notes. The
    # origin is the new label's.
    kept = set(STATE_FIELDS) - {"sentence", "label", "updated", "origin"}
    if attribution is not None:
        kept.discard("attribution")
    return {**fresh, **{name: current.get(name, OPTIONAL_FIELDS.get(name)) for name in kept}}


def record(
    db: Tables,
    article_id: str,
    before: Document | None,
    after: dict[str, Any] | None,
) -> None:
    """Apply a change to one annotation and add it to the history.

    ``before`` and ``after`` are the annotation's stored documents (``None``: absent);
    at least one of them is given, and they share the key and the text.
    """
    doc = after if after is not None else before
    assert doc is not None
    start, end, annotator, text = doc["start"], doc["end"], doc["annotator"], doc["text"]
    now = after["updated"] if after is not None else utc_now()
    put(db.table("annotations"), before, after)
    history = db.table("history")
    # "undone" first: it is false for nearly every entry, which ends the test early.
    redo_tail = history.search((where("undone") == True) & (where("annotator") == annotator))  # noqa: E712
    if redo_tail:
        history.remove(doc_ids=[entry.doc_id for entry in redo_tail])
    history.insert(
        {
            "at": now,
            "annotator": annotator,
            "start": start,
            "end": end,
            "text": text,
            "before": state_of(before),
            "after": state_of(after),
            "undone": False,
        }
    )
    excess = len(history) - HISTORY_LIMIT
    if excess > 0:
        # Document ids grow with time, so the smallest are the oldest changes.
        history.remove(doc_ids=sorted(entry.doc_id for entry in history)[:excess])
    touch(db, article_id, now)


def next_step(history: Table, annotator: str, undo: bool) -> Document | None:
    """Return the history entry an undo (or redo) would apply, or ``None``."""
    mine = sorted(history.search(where("annotator") == annotator), key=lambda d: d.doc_id)
    if undo:
        live = [entry for entry in mine if not entry["undone"]]
        return live[-1] if live else None
    undone = [entry for entry in mine if entry["undone"]]
    return undone[0] if undone else None


def step(db: Tables, article_id: str, annotator: str, undo: bool) -> Change | None:
    """Undo (or redo) ``annotator``'s last change; ``None`` if there is nothing to do."""
    history = db.table("history")
    entry = next_step(history, annotator, undo)
    if entry is None:
        return None
    start, end = entry["start"], entry["end"]
    state = entry["before"] if undo else entry["after"]
    annotations = db.table("annotations")
    current = annotations.get(key(start, end, annotator))
    new = None
    if state is not None:
        new = {**state, "start": start, "end": end, "text": entry["text"], "annotator": annotator}
    put(annotations, current, new)
    history.update({"undone": undo}, doc_ids=[entry.doc_id])
    touch(db, article_id, utc_now())
    return Change(
        article_id, annotator, to_annotation(article_id, current), to_annotation(article_id, new)
    )


def is_article_id(value: object) -> bool:
    """Whether ``value`` can be an article id: the store makes file names of them."""
    return isinstance(value, str) and _ARTICLE_ID.fullmatch(value) is not None


def check_span(sentence: int, start: int, end: int) -> None:
    """Raise :class:`StoreError` unless the sentence index and offsets make sense."""
    if any(type(value) is not int for value in (sentence, start, end)):
        raise StoreError("sentence, start and end must be integers")
    if sentence < 0 or not 0 <= start <= end:
        raise StoreError(f"invalid sentence span {start}-{end} (sentence {sentence})")


def check_text(what: str, value: object, *, optional: bool = False) -> None:
    """Raise :class:`StoreError` unless ``value`` is a string (or ``None`` if optional).

    Checked on the way in because a file this process saved is not checked again when it
    reads it back (see :mod:`reader.store._files`).
    """
    if not (isinstance(value, str) or (optional and value is None)):
        raise StoreError(f"{what} must be text, not {type(value).__name__}")


def check_annotator(annotator: str) -> None:
    """Raise :class:`StoreError` unless ``annotator`` is a non-blank name."""
    if not isinstance(annotator, str) or not annotator.strip():
        raise StoreError("an annotation needs an annotator name")


def check_correction(correction: EntityCorrection) -> None:
    """Raise :class:`StoreError` unless an entity correction is complete."""
    if correction.kind not in ENTITY_CORRECTION_KINDS:
        raise StoreError(f"unknown entity correction {correction.kind!r}")
    for what in ("name", "annotator", "created"):
        check_text(f"an entity correction's {what}", getattr(correction, what))
    for what in ("label", "target"):
        check_text(f"an entity correction's {what}", getattr(correction, what), optional=True)
    if not correction.name.strip():
        raise StoreError("an entity correction needs the entity's name")
    if correction.kind in ("relabel", "add") and not correction.label:
        raise StoreError(f"a {correction.kind!r} entity correction needs a label")
    if correction.kind in ("merge", "split") and not correction.target:
        raise StoreError(f"a {correction.kind!r} entity correction needs a target")


def refuse_if_superseded(db: Tables, article_id: str) -> None:
    """Raise :class:`StoreError` if the article's tags were carried to a newer version."""
    marks = db.table("superseded").all()
    if marks:
        raise StoreError(
            f"cannot save: article {article_id} was superseded: its file was edited and "
            f"opened again (perhaps in another window), and its tags were carried over to "
            f"the new version {marks[-1]['by']}; the change was not saved: open the file "
            "again to tag the new version"
        )


def candidates(db: Tables, article_id: str) -> list[Annotation]:
    """An article's annotations and inherited orphans, as a carry-over matches them."""
    found = [annotation_from_doc(article_id, doc) for doc in db.table("annotations").all()]
    docs = sorted(db.table("reanchored").all(), key=lambda doc: doc.doc_id)
    found += [annotation_from_doc(o["article_id"], o) for doc in docs for o in doc["orphans"]]
    return found
