"""The article journal: saves in a long article append a line instead of rewriting it.

Here every article uses the journal as soon as it has a snapshot (``COMPACT_BELOW = 0``),
so the guarantees are checked on small files: what one Store saves, another reads; a torn
last line is ignored and never corrupts older lines; a damaged line refuses the article
and nothing is written over it; a journal left by a crash mid-compaction is ignored; undo
survives a restart; a version-1 file is read and migrated. The two-process and SIGKILL
tests of tests/test_store_processes.py run on the journal too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.errors import CorruptStoreError
from reader.store import Store
from reader.store import _files as storage
from reader.store import _journal as journal

ARTICLE = "0123456789abcdef"
ME = "ana"
LABELS = ("claim", "context", "quote")


@pytest.fixture(autouse=True)
def always_journal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(journal, "COMPACT_BELOW", 0)


def tag(store: Store, sentence: int, label: str | None = "claim", who: str = ME) -> None:
    store.tag(
        ARTICLE,
        sentence=sentence,
        start=sentence * 100,
        end=sentence * 100 + 90,
        text=f"Sentence {sentence}.",
        label=label,
        annotator=who,
    )


def labels(store: Store) -> dict[int, str]:
    return {a.sentence: a.label for a in store.annotations(ARTICLE)}


def files(root: Path) -> tuple[Path, Path]:
    snapshot = root / "articles" / f"{ARTICLE}.json"
    return snapshot, journal.journal_path(snapshot)


def test_saves_go_to_the_journal_and_every_store_reads_them(tmp_path: Path) -> None:
    root = tmp_path / "store"
    first, second = Store(root), Store(root)
    for sentence in range(6):
        tag(first, sentence, LABELS[sentence % 3])
    snapshot, lines = files(root)
    assert lines.exists()
    header, *changes = lines.read_bytes().splitlines()
    assert json.loads(header) == {
        "journal": json.loads(snapshot.read_bytes())["meta"]["1"]["journal"]
    }
    assert changes and all("ops" in json.loads(line) for line in changes)
    expected = {s: LABELS[s % 3] for s in range(6)}
    assert labels(second) == expected
    tag(second, 2, None)  # the other store's change reaches the first one's cached copy
    del expected[2]
    assert labels(first) == expected == labels(Store(root))
    assert [r.updated for r in first.articles()] == [r.updated for r in Store(root).articles()]


def test_the_journal_is_compacted_when_it_outgrows_the_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(journal, "JOURNAL_AT_LEAST", 0)
    root = tmp_path / "store"
    store = Store(root)
    snapshot, lines = files(root)
    sizes = []
    for sentence in range(60):
        tag(store, sentence)
        sizes.append(lines.stat().st_size if lines.exists() else 0)
        assert sizes[-1] <= snapshot.stat().st_size + 2048
    assert 0 in sizes[1:]  # compacted at least once after the first save
    assert labels(Store(root)) == dict.fromkeys(range(60), "claim")


def test_a_torn_last_line_is_ignored_then_cut_by_the_next_save(tmp_path: Path) -> None:
    root = tmp_path / "store"
    store = Store(root)
    for sentence in range(4):
        tag(store, sentence)
    snapshot, lines = files(root)
    whole = lines.read_bytes()
    # A save killed in the middle of its write: part of a line, no newline.
    torn = json.dumps({"ops": [["s", "annotations", "99", {"label": "quote"}]]})
    lines.write_bytes(whole + torn[: len(torn) // 2].encode())
    assert labels(Store(root)) == dict.fromkeys(range(4), "claim")
    tag(Store(root), 7, "quote")
    assert lines.read_bytes().startswith(whole)  # older lines untouched
    assert all(json.loads(line) for line in lines.read_bytes().splitlines())
    assert labels(Store(root)) == {**dict.fromkeys(range(4), "claim"), 7: "quote"}


@pytest.mark.parametrize(
    "bad",
    [
        b"not json\n",
        b'{"ops": "nope"}\n',
        b'{"ops": [["s", "annotations", "5", {"label": 3}]]}\n',
        b'{"ops": [["s", "meta", "1", {"schema": 1}]]}\n',
        b'{"ops": [["q", "annotations"]]}\n',
    ],
    ids=["json", "ops", "document", "meta", "op"],
)
def test_a_damaged_line_refuses_the_article_and_is_never_written_over(
    tmp_path: Path, bad: bytes
) -> None:
    root = tmp_path / "store"
    store = Store(root)
    for sentence in range(3):
        tag(store, sentence)
    snapshot, lines = files(root)
    lines.write_bytes(lines.read_bytes() + bad + lines.read_bytes().splitlines()[-1] + b"\n")
    before = (snapshot.read_bytes(), lines.read_bytes())
    for attempt in (lambda s: s.annotations(ARTICLE), lambda s: tag(s, 9)):
        with pytest.raises(CorruptStoreError) as caught:
            attempt(Store(root))
        assert "damaged" in caught.value.message and "\n" not in caught.value.message
    assert (snapshot.read_bytes(), lines.read_bytes()) == before


def test_a_journal_left_by_a_crash_mid_compaction_is_ignored(tmp_path: Path) -> None:
    root = tmp_path / "store"
    store = Store(root)
    for sentence in range(3):
        tag(store, sentence)
    snapshot, lines = files(root)
    old_lines = lines.read_bytes()
    with journal.edit(snapshot, None) as article:
        journal.compact(article)  # what a compaction does before it removes the journal
    lines.write_bytes(old_lines)  # ... killed before the journal was removed
    assert labels(Store(root)) == dict.fromkeys(range(3), "claim")
    tag(Store(root), 1, "quote")  # replaces the stale journal instead of appending to it
    assert labels(Store(root)) == {0: "claim", 1: "quote", 2: "claim"}


def test_undo_and_redo_survive_a_restart_in_the_journal(tmp_path: Path) -> None:
    root = tmp_path / "store"
    store = Store(root)
    tag(store, 1, "claim")
    tag(store, 1, "quote")
    assert Store(root).undo(ARTICLE, ME) is not None
    assert labels(Store(root)) == {1: "claim"}
    assert Store(root).redo(ARTICLE, ME) is not None
    assert labels(Store(root)) == {1: "quote"}


def test_a_version_1_file_is_read_and_saved_in_the_new_layout(tmp_path: Path) -> None:
    root = tmp_path / "store"
    Store(root)
    snapshot, lines = files(root)
    state = {"sentence": 1, "label": "claim", "created": "2025-01-01T00:00:00.000Z"}
    state |= {"updated": "2025-01-01T00:00:00.000Z", "note": None, "attribution": None}
    key = {"start": 100, "end": 190, "text": "Sentence 1.", "annotator": ME}
    history = {"at": state["created"], "annotator": ME, **{k: key[k] for k in key}}
    history |= {"before": None, "after": state, "undone": False}
    old = {
        "meta": {"1": {"schema": 1}},
        "annotations": {"1": {**state, **key}},
        "history": {"1": history},
    }
    snapshot.write_text(json.dumps(old))
    (root / "store.json").write_text(
        json.dumps({"meta": {"1": {"schema": 1, "created": state["created"]}}})
    )
    assert labels(Store(root, create=False)) == {1: "claim"}  # read as it is
    store = Store(root)  # the app raises the store's version
    schema = json.loads((root / "store.json").read_text())["meta"]["1"]["schema"]
    assert schema == storage.SCHEMA_VERSION
    tag(store, 2, "quote")
    saved = json.loads(snapshot.read_text())
    assert saved["meta"]["1"]["schema"] == storage.SCHEMA_VERSION
    assert labels(Store(root)) == {1: "claim", 2: "quote"}
    assert Store(root).undo(ARTICLE, ME) is not None
    assert labels(Store(root)) == {1: "claim"}
