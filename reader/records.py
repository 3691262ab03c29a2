"""What the store returns: small frozen dataclasses, and their stored JSON form.

Callers of :class:`reader.store.Store` only ever see these classes, never TinyDB
documents. Times are UTC ISO 8601 strings with millisecond precision and a ``Z`` suffix
(``2025-11-28T04:51:07.123Z``), so that they sort as text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from typing import Any, Literal, cast, get_type_hints

EntityCorrectionKind = Literal["relabel", "merge", "add", "reject", "split"]
ENTITY_CORRECTION_KINDS: tuple[EntityCorrectionKind, ...] = (
    "relabel",
    "merge",
    "add",
    "reject",
    "split",
)
#: Where a tag came from: the analyst's own label key, or a suggestion the analyst accepted.
ORIGINS = ("analyst", "suggestion")


def utc_now() -> str:
    """Return the current time as UTC ISO 8601 with milliseconds and a ``Z``."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class Annotation:
    """One analyst's label on one sentence of one article.

    Attributes:
        article_id: The article's id (a hash of its normalised text).
        sentence: The sentence's index in the article.
        start: Offset of the sentence's first character in the article's text.
        end: Offset just past its last character.
        text: The sentence's text, kept so that the tag can be re-anchored if the article
            changes.
        label: The label's name (``claim``, ``context``, ``quote``, ...).
        annotator: Who tagged it.
        created: When it was first tagged (UTC ISO 8601).
        updated: When it last changed.
        note: The analyst's free-text note, if any.
        attribution: Who makes the claim or quote, if recorded.
        origin: ``analyst`` (tagged with a label key) or ``suggestion`` (a suggested label
            and speaker the analyst accepted). Optional in stored files: older ones read
            as ``analyst``.
    """

    article_id: str
    sentence: int
    # The key fields name the sentence a tag is on; a history entry keeps them once, and
    # the rest (the state) before and after each change.
    start: int = field(metadata={"key": True})
    end: int = field(metadata={"key": True})
    text: str = field(metadata={"key": True})
    label: str
    annotator: str = field(metadata={"key": True})
    created: str
    updated: str
    note: str | None = None
    attribution: str | None = None
    # Optional fields may be missing from a stored document (written before they
    # existed); their default fills in, so adding one needs no schema migration.
    origin: str = field(default="analyst", metadata={"optional": True})


#: The fields of an annotation, in order; the article id is the file's, not stored.
ANNOTATION_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Annotation))
#: The fields an annotation's stored document holds.
STORED_FIELDS: tuple[str, ...] = ANNOTATION_FIELDS[1:]
#: The fields that change over an annotation's life: a history entry stores them before
#: and after a change, next to the fields that identify the sentence.
STATE_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(Annotation)[1:] if not f.metadata.get("key")
)
#: The fields a stored document may lack, with the value they then have.
OPTIONAL_FIELDS: dict[str, Any] = {
    f.name: f.default for f in fields(Annotation) if f.metadata.get("optional")
}
#: The fields every stored document has.
REQUIRED_FIELDS: tuple[str, ...] = tuple(n for n in STORED_FIELDS if n not in OPTIONAL_FIELDS)


def annotation_types() -> dict[str, tuple[type, ...]]:
    """Each annotation field's JSON types, as the store checks its files."""
    hints = get_type_hints(Annotation)
    return {
        name: (str, type(None)) if hints[name] == (str | None) else (hints[name],)
        for name in ANNOTATION_FIELDS
    }


@dataclass(frozen=True)
class ArticleRecord:
    """What the store knows about an article (registered when the app opens it).

    Attributes:
        id: The article's id.
        path: Where it was loaded from (empty if it was never registered).
        title: Its headline, if any.
        date: Its publication date (``YYYY-MM-DD``), if known.
        byline: Its author or agency, if known.
        sentences: How many sentences it has, if known.
        updated: When its annotations, notes or entity corrections last changed.
    """

    id: str
    path: str
    title: str | None
    date: str | None
    byline: str | None
    sentences: int | None
    updated: str | None


@dataclass(frozen=True)
class EntityCorrection:
    """An analyst's correction to the entities the model found in an article.

    Attributes:
        kind: ``relabel`` (give ``name`` the entity label ``label``), ``merge`` (treat
            ``name`` as ``target``), ``add`` (``name`` is an entity of label ``label``),
            ``reject`` (``name`` is not an entity) or ``split`` (the mentions written
            ``target`` are not ``name`` but an entity of their own).
        name: The entity's name as it appears in the article.
        label: The entity label for ``relabel`` and ``add`` (``PERSON``, ``ORG``, ...).
        target: The entity ``name`` is merged into, for ``merge``; the form split out of
            ``name``, for ``split``.
        annotator: Who made the correction.
        created: When (UTC ISO 8601); filled in by the store if empty.
    """

    kind: EntityCorrectionKind
    name: str
    label: str | None = None
    target: str | None = None
    annotator: str = ""
    created: str = ""


@dataclass(frozen=True)
class Change:
    """What an undo or redo did to one annotation.

    Attributes:
        article_id: The article.
        annotator: Whose change it was.
        before: The annotation before the undo or redo (``None``: there was none).
        after: The annotation after it (``None``: it was removed).
    """

    article_id: str
    annotator: str
    before: Annotation | None
    after: Annotation | None


#: What a stored document lacking a field has in it, per stored field (``None`` for a
#: required one, which a checked document always has).
_STORED_DEFAULTS: tuple[Any, ...] = tuple(OPTIONAL_FIELDS.get(name) for name in STORED_FIELDS)


def annotation_from_doc(article_id: str, doc: dict[str, Any]) -> Annotation:
    """Build an :class:`Annotation` from a stored (already checked) document."""
    # By position, in the fields' order: reports build thousands (a third faster than
    # by keyword).
    values: Iterable[Any] = map(doc.get, STORED_FIELDS, _STORED_DEFAULTS)
    return Annotation(article_id, *values)


def annotation_to_doc(annotation: Annotation) -> dict[str, Any]:
    """Return the stored form of an annotation (the article id is the file's)."""
    return {name: getattr(annotation, name) for name in STORED_FIELDS}


def state_of(doc: dict[str, Any] | None) -> dict[str, Any] | None:
    """Return the changing part of a stored annotation, as kept in history entries."""
    if doc is None:
        return None
    return {name: doc.get(name, OPTIONAL_FIELDS.get(name)) for name in STATE_FIELDS}


def article_from_doc(doc: dict[str, Any]) -> ArticleRecord:
    """Build an :class:`ArticleRecord` from a stored (already checked) document."""
    return ArticleRecord(
        id=doc["id"],
        path=doc["path"],
        title=doc["title"],
        date=doc["date"],
        byline=doc["byline"],
        sentences=doc["sentences"],
        updated=doc["updated"],
    )


def correction_from_doc(doc: dict[str, Any]) -> EntityCorrection:
    """Build an :class:`EntityCorrection` from a stored (already checked) document."""
    return EntityCorrection(
        kind=cast(EntityCorrectionKind, doc["kind"]),
        name=doc["name"],
        label=doc["label"],
        target=doc["target"],
        annotator=doc["annotator"],
        created=doc["created"],
    )


def correction_to_doc(correction: EntityCorrection) -> dict[str, Any]:
    """Return the stored form of an entity correction."""
    return {
        "kind": correction.kind,
        "name": correction.name,
        "label": correction.label,
        "target": correction.target,
        "annotator": correction.annotator,
        "created": correction.created,
    }


@dataclass(frozen=True)
class ArticleFile:
    """Everything the store holds about one article that reports read, from one read of
    its file (:meth:`reader.store.Store.read_articles`).

    Attributes:
        record: What the store knows about the article.
        annotations: Every annotator's annotations, sorted by start, end and annotator.
        corrections: The entity corrections, oldest first.
        reanchored_from: The older versions whose annotations were carried over to it.
        carried: Each carry-over to it: the older version's id and that version's
            ``updated`` when it was carried over (``None`` in files from before that was
            recorded); see :func:`superseded_versions`.
    """

    record: ArticleRecord
    annotations: tuple[Annotation, ...]
    corrections: tuple[EntityCorrection, ...]
    reanchored_from: frozenset[str]
    carried: tuple[tuple[str, str | None], ...] = ()


def superseded_versions(
    records: Mapping[str, ArticleRecord], carried: Iterable[tuple[str, str | None]]
) -> set[str]:
    """The older versions to hide from "every article": those whose tags were carried over
    to a newer version and that did not change since (``carried``: each carry-over's older
    id and its ``updated`` then). A version changed after its carry-over (its file put back
    and tagged, or an old reader saved to it) is not hidden: its later tags are nowhere
    else. Carry-overs recorded before the time was kept hide their version, as they did."""
    found: set[str] = set()
    for old_id, seen in carried:
        old = records.get(old_id)
        if seen is None or old is None or old.updated == seen:
            found.add(old_id)
    return found
