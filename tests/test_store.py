"""The annotation store's behaviour, on real TinyDB files in a temporary folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.errors import StoreError
from reader.store import Annotation, ArticleRecord, EntityCorrection, Store
from reader.store import _files as storage
from reader.store import _history as changes

ARTICLE = "0123456789abcdef"
ME = "ana"


def tag(store: Store, sentence: int, label: str | None, annotator: str = ME) -> Annotation | None:
    """Tag sentence ``sentence`` of ARTICLE, with offsets derived from its index."""
    return store.tag(
        ARTICLE,
        sentence=sentence,
        start=sentence * 10,
        end=sentence * 10 + 9,
        text=f"sentence {sentence}",
        label=label,
        annotator=annotator,
    )


def labels_of(store: Store, annotator: str | None = ME) -> dict[int, str]:
    return {a.sentence: a.label for a in store.annotations(ARTICLE, annotator)}


def article_file(root: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((root / "articles" / f"{ARTICLE}.json").read_text())
    return data


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def store(root: Path) -> Store:
    return Store(root)


# -- creating and opening ----------------------------------------------------------------


def test_new_store_layout(root: Path, store: Store) -> None:
    meta = json.loads((root / "store.json").read_text())["meta"]["1"]
    assert meta["schema"] == storage.SCHEMA_VERSION
    assert meta["created"].endswith("Z")
    assert (root / "articles").is_dir()
    assert store.annotations(ARTICLE) == []
    assert store.articles() == []


def test_open_without_create_needs_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no annotation store"):
        Store(tmp_path / "missing", create=False)
    assert not (tmp_path / "missing").exists()


def test_store_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="is a file, not a folder"):
        Store(tmp_path / "file")


def test_reopening_writes_nothing(root: Path, store: Store) -> None:
    before = (root / "store.json").stat().st_mtime_ns
    Store(root)
    Store(root, create=False)
    assert (root / "store.json").stat().st_mtime_ns == before


# -- tagging -----------------------------------------------------------------------------


def test_tag_returns_and_persists(root: Path, store: Store) -> None:
    saved = tag(store, 2, "claim")
    assert saved is not None
    assert (saved.article_id, saved.sentence, saved.start, saved.end) == (ARTICLE, 2, 20, 29)
    assert (saved.text, saved.label, saved.annotator) == ("sentence 2", "claim", ME)
    assert saved.created == saved.updated and saved.created.endswith("Z")
    assert Store(root).annotations(ARTICLE) == [saved]


def test_relabel_keeps_note_attribution_and_created(store: Store) -> None:
    first = tag(store, 1, "quote")
    assert first is not None
    store.set_note(ARTICLE, start=10, end=19, annotator=ME, note="check the source")
    store.set_attribution(ARTICLE, start=10, end=19, annotator=ME, attribution="The minister")
    relabelled = tag(store, 1, "claim")
    assert relabelled is not None
    assert relabelled.label == "claim"
    assert relabelled.note == "check the source"
    assert relabelled.attribution == "The minister"
    assert relabelled.created == first.created
    assert relabelled.updated >= first.updated


def test_same_label_again_is_not_a_change(root: Path, store: Store) -> None:
    first = tag(store, 1, "claim")
    mtime = (root / "articles" / f"{ARTICLE}.json").stat().st_mtime_ns
    assert tag(store, 1, "claim") == first
    assert (root / "articles" / f"{ARTICLE}.json").stat().st_mtime_ns == mtime
    assert len(article_file(root)["history"]) == 1


def test_clear_removes_the_record(store: Store) -> None:
    tag(store, 1, "claim")
    tag(store, 2, "context")
    assert tag(store, 1, None) is None
    assert labels_of(store) == {2: "context"}
    assert tag(store, 7, None) is None  # clearing an untagged sentence is a no-op


def test_annotators_have_separate_records(store: Store) -> None:
    tag(store, 1, "claim", annotator="ana")
    tag(store, 1, "quote", annotator="bob")
    assert labels_of(store, "ana") == {1: "claim"}
    assert labels_of(store, "bob") == {1: "quote"}
    assert [a.annotator for a in store.annotations(ARTICLE)] == ["ana", "bob"]


def test_annotations_sorted_by_start(store: Store) -> None:
    for sentence in (5, 1, 3):
        tag(store, sentence, "claim")
    assert [a.start for a in store.annotations(ARTICLE)] == [10, 30, 50]


def test_unknown_label_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="unknown label 'opinion'"):
        tag(store, 1, "opinion")


def test_store_label_file_is_used(root: Path, store: Store) -> None:
    (root / "labels.toml").write_text("[[label]]\nname='opinion'\nkey='o'\ncolour='red'\n")
    assert store.labels.names == ("opinion",)
    assert tag(store, 1, "opinion") is not None
    with pytest.raises(StoreError, match="unknown label"):
        tag(store, 2, "claim")


@pytest.mark.parametrize("bad", ["", "../x", "a/b", "a.b", ".hidden", "-x", "x" * 129, "é"])
def test_bad_article_ids_refused(store: Store, bad: str) -> None:
    with pytest.raises(StoreError, match="invalid article id"):
        store.tag(bad, sentence=0, start=0, end=1, text="x", label="claim", annotator=ME)


def test_bad_spans_refused(store: Store) -> None:
    with pytest.raises(StoreError):
        store.tag(ARTICLE, sentence=0, start=5, end=4, text="x", label="claim", annotator=ME)
    with pytest.raises(StoreError):
        store.tag(ARTICLE, sentence=-1, start=0, end=4, text="x", label="claim", annotator=ME)
    with pytest.raises(StoreError, match="annotator"):
        store.tag(ARTICLE, sentence=0, start=0, end=4, text="x", label="claim", annotator=" ")


def test_odd_text_round_trips(root: Path, store: Store) -> None:
    text = 'Quote "ü" \\ \u202e \ud800 \x1b[31m end'
    store.tag(ARTICLE, sentence=0, start=0, end=len(text), text=text, label="quote", annotator=ME)
    assert Store(root).annotations(ARTICLE)[0].text == text
    raw = (root / "articles" / f"{ARTICLE}.json").read_bytes()
    assert raw.isascii()  # ensure_ascii: readable by any tool, lone surrogates survive


# -- notes and attribution ---------------------------------------------------------------


def test_note_and_attribution(store: Store) -> None:
    tag(store, 1, "quote")
    noted = store.set_note(ARTICLE, start=10, end=19, annotator=ME, note="a note")
    assert noted.note == "a note"
    attributed = store.set_attribution(ARTICLE, start=10, end=19, annotator=ME, attribution="X")
    assert (attributed.note, attributed.attribution) == ("a note", "X")
    cleared = store.set_note(ARTICLE, start=10, end=19, annotator=ME, note="   ")
    assert cleared.note is None
    assert store.annotations(ARTICLE)[0].attribution == "X"


def test_note_needs_a_tag(store: Store) -> None:
    with pytest.raises(StoreError, match="not tagged"):
        store.set_note(ARTICLE, start=10, end=19, annotator=ME, note="x")
    tag(store, 1, "claim", annotator="bob")
    with pytest.raises(StoreError, match="not tagged"):
        store.set_note(ARTICLE, start=10, end=19, annotator=ME, note="x")


# -- undo and redo -----------------------------------------------------------------------


def test_undo_redo_across_restarts(root: Path) -> None:
    store = Store(root)
    tag(store, 1, "claim")
    tag(store, 1, "quote")
    tag(store, 2, "context")
    store.set_note(ARTICLE, start=20, end=29, annotator=ME, note="n")

    store = Store(root)  # a restart
    change = store.undo(ARTICLE, ME)
    assert change is not None and change.before is not None and change.after is not None
    assert (change.before.note, change.after.note) == ("n", None)
    store = Store(root)
    change = store.undo(ARTICLE, ME)  # tagging sentence 2
    assert change is not None and change.before is not None and change.after is None
    assert labels_of(store) == {1: "quote"}
    store.undo(ARTICLE, ME)
    assert labels_of(store) == {1: "claim"}
    store.undo(ARTICLE, ME)
    assert labels_of(store) == {}
    assert store.undo(ARTICLE, ME) is None

    store = Store(root)
    change = store.redo(ARTICLE, ME)
    assert change is not None and change.before is None and change.after is not None
    assert change.after.label == "claim"
    store.redo(ARTICLE, ME)
    store.redo(ARTICLE, ME)
    store.redo(ARTICLE, ME)
    assert store.redo(ARTICLE, ME) is None
    assert labels_of(store) == {1: "quote", 2: "context"}
    assert store.annotations(ARTICLE)[1].note == "n"


def test_undo_restores_the_exact_record(store: Store) -> None:
    first = tag(store, 1, "claim")
    tag(store, 1, "quote")
    store.undo(ARTICLE, ME)
    assert store.annotations(ARTICLE) == [first]


def test_new_change_drops_redo_tail(store: Store) -> None:
    tag(store, 1, "claim")
    tag(store, 2, "claim")
    store.undo(ARTICLE, ME)
    tag(store, 3, "quote")
    assert store.redo(ARTICLE, ME) is None
    assert labels_of(store) == {1: "claim", 3: "quote"}
    store.undo(ARTICLE, ME)
    store.undo(ARTICLE, ME)
    assert labels_of(store) == {}


def test_undo_is_per_annotator(store: Store) -> None:
    tag(store, 1, "claim", annotator="ana")
    tag(store, 2, "quote", annotator="bob")
    change = store.undo(ARTICLE, "ana")
    assert change is not None and change.annotator == "ana"
    assert labels_of(store, None) == {2: "quote"}
    assert store.undo(ARTICLE, "ana") is None
    store.undo(ARTICLE, "bob")
    assert labels_of(store, None) == {}


def test_nothing_to_undo_writes_nothing(root: Path, store: Store) -> None:
    assert store.undo(ARTICLE, ME) is None
    assert store.redo(ARTICLE, ME) is None
    assert not (root / "articles" / f"{ARTICLE}.json").exists()
    assert not (root / "articles" / f"{ARTICLE}.lock").exists()


def test_history_is_bounded(root: Path, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(changes, "HISTORY_LIMIT", 5)
    for sentence in range(8):
        tag(store, sentence, "claim")
    assert len(article_file(root)["history"]) == 5
    for _ in range(5):
        assert store.undo(ARTICLE, ME) is not None
    assert store.undo(ARTICLE, ME) is None
    assert sorted(labels_of(store)) == [0, 1, 2]


# -- reading position, entity corrections, articles --------------------------------------


def test_position(root: Path, store: Store) -> None:
    assert store.position(ARTICLE, ME) is None
    store.set_position(ARTICLE, ME, 12)
    store.set_position(ARTICLE, "bob", 3)
    assert Store(root).position(ARTICLE, ME) == 12
    assert Store(root).position(ARTICLE, "bob") == 3
    with pytest.raises(StoreError):
        store.set_position(ARTICLE, ME, -1)


def test_entity_corrections(root: Path, store: Store) -> None:
    corrections = [
        EntityCorrection("relabel", "Tehran", label="GPE", annotator=ME),
        EntityCorrection("merge", "Mr Pezeshkian", target="Masoud Pezeshkian", annotator=ME),
        EntityCorrection("add", "IRGC", label="ORG", annotator=ME),
        EntityCorrection("reject", "Monday", annotator=ME, created="2025-01-01T00:00:00.000Z"),
    ]
    for correction in corrections:
        store.add_entity_correction(ARTICLE, correction)
    stored = Store(root).entity_corrections(ARTICLE)
    assert [(c.kind, c.name, c.label, c.target) for c in stored] == [
        (c.kind, c.name, c.label, c.target) for c in corrections
    ]
    assert all(c.created for c in stored)
    assert stored[3].created == "2025-01-01T00:00:00.000Z"
    store.remove_entity_correction(ARTICLE, 1)
    assert [c.name for c in store.entity_corrections(ARTICLE)] == ["Tehran", "IRGC", "Monday"]
    with pytest.raises(StoreError, match="no entity correction"):
        store.remove_entity_correction(ARTICLE, 3)


@pytest.mark.parametrize(
    "bad",
    [
        EntityCorrection("relabel", "X"),
        EntityCorrection("add", "X"),
        EntityCorrection("merge", "X"),
        EntityCorrection("reject", " "),
    ],
)
def test_incomplete_entity_corrections_refused(store: Store, bad: EntityCorrection) -> None:
    with pytest.raises(StoreError):
        store.add_entity_correction(ARTICLE, bad)


def test_register_and_list_articles(root: Path, store: Store) -> None:
    store.register_article(
        ARTICLE, path="b.txt", title="T", date="2025-01-02", byline="AFP", sentences=9
    )
    store.register_article(
        "fedcba9876543210", path="a.txt", title=None, date=None, byline=None, sentences=3
    )
    records = store.articles()
    assert [r.path for r in records] == ["a.txt", "b.txt"]
    assert records[1] == ArticleRecord(ARTICLE, "b.txt", "T", "2025-01-02", "AFP", 9, None)
    tag(store, 1, "claim")
    updated = Store(root).articles()[1]
    assert updated.updated is not None and updated.title == "T"


def test_register_writes_only_on_change(root: Path, store: Store) -> None:
    kwargs: dict[str, Any] = dict(path="a.txt", title="T", date=None, byline=None, sentences=3)
    store.register_article(ARTICLE, **kwargs)
    path = root / "articles" / f"{ARTICLE}.json"
    inode = path.stat().st_ino
    store.register_article(ARTICLE, **kwargs)
    assert path.stat().st_ino == inode
    store.register_article(ARTICLE, **{**kwargs, "path": "moved/a.txt"})
    assert path.stat().st_ino != inode
    assert store.articles()[0].path == "moved/a.txt"


def test_tag_before_register_still_lists_the_article(store: Store) -> None:
    tag(store, 1, "claim")
    (record,) = store.articles()
    assert (record.id, record.path, record.title) == (ARTICLE, "", None)


def test_all_annotations_filters(store: Store) -> None:
    tag(store, 1, "claim")
    tag(store, 2, "quote", annotator="bob")
    other = "fedcba9876543210"
    store.tag(other, sentence=0, start=0, end=3, text="x", label="claim", annotator=ME)
    everything = list(store.all_annotations())
    assert [(a.article_id, a.sentence) for a in everything] == [
        (ARTICLE, 1),
        (ARTICLE, 2),
        (other, 0),
    ]
    assert [a.sentence for a in store.all_annotations(label="claim")] == [1, 0]
    assert [a.annotator for a in store.all_annotations(annotator="bob")] == ["bob"]
    assert [a.article_id for a in store.all_annotations([other, ARTICLE])] == [
        other,
        ARTICLE,
        ARTICLE,
    ]


# -- several writers, one file -----------------------------------------------------------


def test_two_store_objects_do_not_lose_each_other(root: Path) -> None:
    # Two long-lived Store objects (two app windows) interleaving saves: each must see the
    # other's writes, because nothing is cached between operations.
    first, second = Store(root), Store(root)
    for sentence in range(20):
        tag(first if sentence % 2 else second, sentence, "claim")
    assert sorted(labels_of(first)) == list(range(20))
    assert len(article_file(root)["history"]) == 20


# -- schema and migrations ---------------------------------------------------------------


def test_migration_mechanism(root: Path, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    tag(store, 1, "claim")

    def rename_claims(data: storage.RawDocument) -> storage.RawDocument:
        for doc in data.get("annotations", {}).values():
            if doc["label"] == "claim":
                doc["label"] = "assertion"
        return data

    now = storage.SCHEMA_VERSION
    monkeypatch.setattr(storage, "SCHEMA_VERSION", now + 1)
    monkeypatch.setattr(storage, "MIGRATIONS", {**storage.MIGRATIONS, now: rename_claims})
    reopened = Store(root)  # raises store.json's version
    assert json.loads((root / "store.json").read_text())["meta"]["1"]["schema"] == now + 1
    assert article_file(root)["meta"]["1"]["schema"] == now  # migrated lazily
    assert labels_of(reopened) == {1: "assertion"}  # migrated in memory when read
    reopened.set_position(ARTICLE, ME, 4)  # any save writes the new layout
    saved = article_file(root)
    assert saved["meta"]["1"]["schema"] == now + 1
    assert [doc["label"] for doc in saved["annotations"].values()] == ["assertion"]


def test_missing_migration_is_an_error(
    root: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    tag(store, 1, "claim")
    now = storage.SCHEMA_VERSION
    monkeypatch.setattr(storage, "SCHEMA_VERSION", now + 1)
    monkeypatch.setattr(storage, "MIGRATIONS", {v: lambda data: data for v in range(1, now)})
    with pytest.raises(StoreError, match="no migration from it"):
        Store(root).annotations(ARTICLE)


# -- a model-based property test ---------------------------------------------------------

_OPS = st.lists(
    st.one_of(
        st.tuples(
            st.just("tag"), st.integers(0, 3), st.sampled_from(["claim", "context", "quote", None])
        ),
        st.tuples(st.just("note"), st.integers(0, 3), st.sampled_from(["n1", "n2", None])),
        st.tuples(st.just("undo"), st.just(0), st.none()),
        st.tuples(st.just("redo"), st.just(0), st.none()),
    ),
    max_size=25,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=_OPS)
def test_store_matches_a_simple_model(
    tmp_path: Path, ops: list[tuple[str, int, str | None]]
) -> None:
    """Random tags, notes, undos and redos leave the store where a list-of-states model is."""
    root = tmp_path / f"model-{len(list(tmp_path.iterdir()))}"
    store = Store(root)
    state: dict[int, tuple[str, str | None]] = {}
    past: list[dict[int, tuple[str, str | None]]] = []
    future: list[dict[int, tuple[str, str | None]]] = []
    for op, sentence, value in ops:
        if op == "tag":
            before = dict(state)
            tag(store, sentence, value)
            if value is None:
                state.pop(sentence, None)
            else:
                state[sentence] = (value, state[sentence][1] if sentence in state else None)
        elif op == "note":
            before = dict(state)
            if sentence not in state:
                with pytest.raises(StoreError):
                    store.set_note(
                        ARTICLE,
                        start=sentence * 10,
                        end=sentence * 10 + 9,
                        annotator=ME,
                        note=value,
                    )
                continue
            store.set_note(
                ARTICLE, start=sentence * 10, end=sentence * 10 + 9, annotator=ME, note=value
            )
            state[sentence] = (state[sentence][0], value)
        elif op == "undo":
            change = store.undo(ARTICLE, ME)
            assert (change is None) == (not past)
            if past:
                future.append(state)
                state = past.pop()
            continue
        else:
            change = store.redo(ARTICLE, ME)
            assert (change is None) == (not future)
            if future:
                past.append(state)
                state = future.pop()
            continue
        if before != state:
            past.append(before)
            future.clear()
        stored = {a.sentence: (a.label, a.note) for a in Store(root).annotations(ARTICLE)}
        assert stored == state
    stored = {a.sentence: (a.label, a.note) for a in Store(root).annotations(ARTICLE)}
    assert stored == state


# -- suggestions: where a tag came from, and rejected suggestions --------------------------


def test_an_accepted_suggestion_is_one_change_with_its_origin_and_speaker(store: Store) -> None:
    made = store.tag(
        ARTICLE,
        sentence=1,
        start=10,
        end=19,
        text="sentence 1",
        label="quote",
        annotator=ME,
        origin="suggestion",
        attribution="Ali Larijani",
    )
    assert made is not None and made.origin == "suggestion"
    assert made.attribution == "Ali Larijani"
    # The analyst's own label key makes the tag theirs again; the speaker stays.
    relabelled = tag(store, 1, "claim")
    assert relabelled is not None
    assert (relabelled.origin, relabelled.attribution) == ("analyst", "Ali Larijani")
    store.undo(ARTICLE, ME)
    change = store.undo(ARTICLE, ME)  # one undo takes the label and the speaker back
    assert change is not None and change.after is None
    assert store.annotations(ARTICLE, ME) == []
    with pytest.raises(StoreError, match="origin"):
        store.tag(ARTICLE, sentence=1, start=10, end=19, text="x", label="quote",
                  annotator=ME, origin="model")  # fmt: skip


def test_annotations_stored_before_origin_existed_read_as_the_analysts(
    root: Path, store: Store
) -> None:
    tag(store, 0, "claim")
    tag(store, 0, "quote")
    path = root / "articles" / f"{ARTICLE}.json"
    data = article_file(root)
    for doc in data["annotations"].values():
        del doc["origin"]
    for entry in data["history"].values():
        for side in ("before", "after"):
            if entry[side] is not None:
                del entry[side]["origin"]
    path.write_text(json.dumps(data))
    again = Store(root)
    (only,) = again.annotations(ARTICLE, ME)
    assert only.origin == "analyst"
    change = again.undo(ARTICLE, ME)
    assert change is not None and change.after is not None
    assert change.after.origin == "analyst" and change.after.label == "claim"
    tag(again, 0, "context")  # and a relabel of an old record works
    assert labels_of(again) == {0: "context"}


def test_a_bad_origin_in_a_file_is_damage(root: Path, store: Store) -> None:
    tag(store, 0, "claim")
    data = article_file(root)
    next(iter(data["annotations"].values()))["origin"] = 3
    (root / "articles" / f"{ARTICLE}.json").write_text(json.dumps(data))
    with pytest.raises(StoreError, match="origin"):
        Store(root).annotations(ARTICLE)


def test_rejected_suggestions_are_kept_per_annotator(root: Path, store: Store) -> None:
    assert store.rejected_suggestions(ARTICLE, ME) == set()
    store.reject_suggestion(ARTICLE, ME, 10, 19)
    store.reject_suggestion(ARTICLE, ME, 10, 19)  # once is enough
    store.reject_suggestion(ARTICLE, "bo", 30, 39)
    again = Store(root)
    assert again.rejected_suggestions(ARTICLE, ME) == {(10, 19)}
    assert again.rejected_suggestions(ARTICLE, "bo") == {(30, 39)}
    assert len(article_file(root)["rejected"]) == 2
    with pytest.raises(StoreError):
        store.reject_suggestion(ARTICLE, ME, 5, 2)


def test_split_correction_needs_the_form(store: Store) -> None:
    store.add_entity_correction(
        ARTICLE, EntityCorrection("split", "Irfan Al Hayali", target="Hayali", annotator=ME)
    )
    (saved,) = store.entity_corrections(ARTICLE)
    assert (saved.kind, saved.target) == ("split", "Hayali")
    with pytest.raises(StoreError, match="target"):
        store.add_entity_correction(ARTICLE, EntityCorrection("split", "X", annotator=ME))
