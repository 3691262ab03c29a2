"""A review file on disk: its checks, its documents, and one locked save.

Private to :mod:`reader.store`. The layout and the guarantees are in
:mod:`reader.store.review`'s docstring; this module is the only code that reads or writes
``<store>/review/<article-id>.json``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reader.atomic import atomic_write, describe_os_error
from reader.errors import CorruptStoreError, NewerSchemaError, StoreError
from reader.store._files import locked, read_regular_file
from reader.store.review_records import Decision, Version

#: The layout version of a review file.
REVIEW_SCHEMA = 1
#: Changes kept per review file for undo and redo (all reviewers together).
REVIEW_HISTORY_LIMIT = 200

_STR = (str,)
_OPT = (str, type(None))
_VERSION_FIELDS = {"label": _OPT, "attribution": _OPT, "note": _OPT}
_DECISION_FIELDS: dict[str, tuple[type, ...]] = {
    "sentence": (int,),
    "start": (int,),
    "end": (int,),
    "text": _STR,
    "label": _OPT,
    "attribution": _OPT,
    "note": _OPT,
    "reviewer": _STR,
    "decided": _STR,
    "chosen_from": (dict,),
}
_HISTORY_FIELDS = {"at": _STR, "reviewer": _STR, "changes": (list,), "undone": (bool,)}
_CHANGE_FIELDS = {
    "start": (int,),
    "end": (int,),
    "before": (dict, type(None)),
    "after": (dict, type(None)),
}


def _corrupt(path: Path, reason: str) -> CorruptStoreError:
    return CorruptStoreError(
        f"store file {path} is damaged ({reason}); it was left untouched: "
        "repair it or move it aside, then try again"
    )


def _check(path: Path, where: str, doc: Any, fields: Mapping[str, tuple[type, ...]]) -> None:
    if not isinstance(doc, dict):
        raise _corrupt(path, f"{where} is not an object")
    for name, types in fields.items():
        if name not in doc:
            raise _corrupt(path, f"{where} has no {name!r}")
        if type(doc[name]) not in types:
            raise _corrupt(path, f"{where} has a {type(doc[name]).__name__} {name!r}")


def _check_decision(path: Path, where: str, doc: Any) -> None:
    _check(path, where, doc, _DECISION_FIELDS)
    for name, version in doc["chosen_from"].items():
        _check(path, f"{where} version of {name!r}", version, _VERSION_FIELDS)


def _table(path: Path, data: dict[str, Any], name: str) -> dict[str, Any]:
    table = data.get(name, {})
    if not isinstance(table, dict) or not all(key.isdigit() for key in table):
        raise _corrupt(path, f"table {name!r} is not an object of documents")
    return table


def load(path: Path) -> dict[str, Any] | None:
    """Read and check a review file; ``None`` if there is none."""
    try:
        raw = read_regular_file(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StoreError(f"cannot read {path}: {describe_os_error(error)}") from None
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as error:
        reason = "empty file" if not raw.strip() else f"not valid JSON: {error}"
        raise _corrupt(path, reason) from None
    if not isinstance(data, dict):
        raise _corrupt(path, "not a JSON object of tables")
    meta = _table(path, data, "meta")
    first = meta[min(meta, key=int)] if meta else None
    schema = first.get("schema") if isinstance(first, dict) else None
    if type(schema) is not int or schema < 1:
        raise _corrupt(path, "no schema version")
    if schema > REVIEW_SCHEMA:
        raise NewerSchemaError(
            f"{path} was written by a newer reader (schema {schema}; this one reads "
            f"{REVIEW_SCHEMA}): upgrade reader to use this store"
        )
    for doc_id, doc in _table(path, data, "decisions").items():
        _check_decision(path, f"decisions document {doc_id}", doc)
    for doc_id, entry in _table(path, data, "history").items():
        where = f"history document {doc_id}"
        _check(path, where, entry, _HISTORY_FIELDS)
        for number, change in enumerate(entry["changes"]):
            _check(path, f"{where} change {number}", change, _CHANGE_FIELDS)
            for side in ("before", "after"):
                if change[side] is not None:
                    _check_decision(path, f"{where} change {number} {side}", change[side])
    return data


def next_id(table: dict[str, Any]) -> str:
    return str(max((int(key) for key in table), default=0) + 1)


def decision_from_doc(article_id: str, doc: Mapping[str, Any]) -> Decision:
    return Decision(
        article_id=article_id,
        sentence=doc["sentence"],
        start=doc["start"],
        end=doc["end"],
        text=doc["text"],
        label=doc["label"],
        reviewer=doc["reviewer"],
        decided=doc["decided"],
        chosen_from={name: Version(**version) for name, version in doc["chosen_from"].items()},
        attribution=doc["attribution"],
        note=doc["note"],
    )


def decision_to_doc(decision: Decision) -> dict[str, Any]:
    return {
        "sentence": decision.sentence,
        "start": decision.start,
        "end": decision.end,
        "text": decision.text,
        "label": decision.label,
        "attribution": decision.attribution,
        "note": decision.note,
        "reviewer": decision.reviewer,
        "decided": decision.decided,
        "chosen_from": {
            name: {"label": v.label, "attribution": v.attribution, "note": v.note}
            for name, v in sorted(decision.chosen_from.items())
        },
    }


class Decisions:
    """The decisions table of one review file, by sentence offsets, as plain documents."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.table: dict[str, Any] = data.setdefault("decisions", {})
        self.history: dict[str, Any] = data.setdefault("history", {})

    def find(self, start: int, end: int) -> tuple[str, dict[str, Any]] | None:
        for doc_id, doc in self.table.items():
            if (doc["start"], doc["end"]) == (start, end):
                return doc_id, doc
        return None

    def put(self, start: int, end: int, doc: dict[str, Any] | None) -> None:
        found = self.find(start, end)
        if found is not None:
            del self.table[found[0]]
        if doc is not None:
            self.table[next_id(self.table)] = doc

    def record(self, reviewer: str, changes: list[dict[str, Any]], now: str) -> None:
        """Add a change to the history, dropping the reviewer's redo entries."""
        for doc_id in [
            k for k, e in self.history.items() if e["undone"] and e["reviewer"] == reviewer
        ]:
            del self.history[doc_id]
        self.history[next_id(self.history)] = {
            "at": now,
            "reviewer": reviewer,
            "changes": changes,
            "undone": False,
        }
        for doc_id in sorted(self.history, key=int)[
            : max(0, len(self.history) - REVIEW_HISTORY_LIMIT)
        ]:
            del self.history[doc_id]

    def next_step(self, reviewer: str, undo: bool) -> tuple[str, dict[str, Any]] | None:
        mine = sorted(
            ((k, e) for k, e in self.history.items() if e["reviewer"] == reviewer),
            key=lambda item: int(item[0]),
        )
        if undo:
            live = [item for item in mine if not item[1]["undone"]]
            return live[-1] if live else None
        undone = [item for item in mine if item[1]["undone"]]
        return undone[0] if undone else None


@contextmanager
def edit(path: Path) -> Iterator[Decisions]:
    """One locked read-modify-write of the review file at ``path``, saved once at the end.

    Raises:
        StoreError: The file could not be locked, read or saved (the message says why);
            the review is as it was.
    """
    with locked(path, what="decision", make_folder=True):
        data = load(path) or {"meta": {"1": {"schema": REVIEW_SCHEMA}}}
        before = json.dumps(data, sort_keys=True)
        decisions = Decisions(data)
        yield decisions
        if json.dumps(data, sort_keys=True) != before:
            data["meta"] = {"1": {"schema": REVIEW_SCHEMA}}
            raw = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
            atomic_write(path, raw.encode("ascii") + b"\n", locked=True)
