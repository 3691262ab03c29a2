"""Damaged files, newer schemas and failed writes: refused clearly, and nothing is lost."""

from __future__ import annotations

import errno
import json
import os
import resource
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.errors import CorruptStoreError, NewerSchemaError, StoreError
from reader.store import Store
from reader.store._files import SCHEMA_VERSION

ARTICLE = "0123456789abcdef"
ME = "ana"


def tag(store: Store, sentence: int, label: str | None = "claim") -> None:
    store.tag(
        ARTICLE,
        sentence=sentence,
        start=sentence * 10,
        end=sentence * 10 + 9,
        text=f"sentence {sentence} " + "padding " * 20,
        label=label,
        annotator=ME,
    )


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def store(root: Path) -> Store:
    store = Store(root)
    for sentence in range(3):
        tag(store, sentence)
    return store


@pytest.fixture
def article_path(root: Path, store: Store) -> Path:
    return root / "articles" / f"{ARTICLE}.json"


# Every way an article file can be opened, read or written.
OPERATIONS: dict[str, Callable[[Store], object]] = {
    "annotations": lambda s: s.annotations(ARTICLE),
    "tag": lambda s: tag(s, 7),
    "clear": lambda s: tag(s, 1, None),
    "note": lambda s: s.set_note(ARTICLE, start=10, end=19, annotator=ME, note="x"),
    "undo": lambda s: s.undo(ARTICLE, ME),
    "redo": lambda s: s.redo(ARTICLE, ME),
    "position": lambda s: s.position(ARTICLE, ME),
    "set_position": lambda s: s.set_position(ARTICLE, ME, 4),
    "register": lambda s: s.register_article(
        ARTICLE, path="p", title=None, date=None, byline=None, sentences=3
    ),
    "entities": lambda s: s.entity_corrections(ARTICLE),
    "articles": lambda s: s.articles(),
    "export": lambda s: list(s.all_annotations()),
}


def _valid(article_path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(article_path.read_text())
    return data


def _mutate(article_path: Path, change: Callable[[dict[str, Any]], None]) -> bytes:
    data = _valid(article_path)
    change(data)
    return json.dumps(data).encode()


def _first(data: dict[str, Any], table: str) -> dict[str, Any]:
    doc: dict[str, Any] = next(iter(data[table].values()))
    return doc


DAMAGE: dict[str, Callable[[Path], bytes]] = {
    "truncated": lambda p: p.read_bytes()[: len(p.read_bytes()) // 2],
    "zeros": lambda p: b"\x00" * 4096,
    "empty": lambda p: b"",
    "not utf-8": lambda p: b'{"meta": "\xff\xfe"}',
    "a list": lambda p: b"[]",
    "table not an object": lambda p: _mutate(p, lambda d: d.update(annotations=[])),
    "bad document id": lambda p: _mutate(p, lambda d: d["annotations"].update(x={})),
    "missing field": lambda p: _mutate(p, lambda d: _first(d, "annotations").pop("label")),
    "string offset": lambda p: _mutate(p, lambda d: _first(d, "annotations").update(start="0")),
    "bool offset": lambda p: _mutate(p, lambda d: _first(d, "annotations").update(end=True)),
    "bad history": lambda p: _mutate(p, lambda d: _first(d, "history").update(after={"x": 1})),
    "no schema": lambda p: _mutate(p, lambda d: d.pop("meta")),
    "string schema": lambda p: _mutate(p, lambda d: _first(d, "meta").update(schema="1")),
    "bad entity kind": lambda p: _mutate(
        p,
        lambda d: d.update(
            entities={
                "1": {
                    "kind": "explode",
                    "name": "x",
                    "label": None,
                    "target": None,
                    "annotator": "a",
                    "created": "t",
                }
            }
        ),
    ),
    "deep nesting": lambda p: b"[" * 100_000 + b"]" * 100_000,
}


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_article_file_is_refused_and_kept(
    root: Path, article_path: Path, damage: str
) -> None:
    article_path.write_bytes(DAMAGE[damage](article_path))
    before = _files(root / "articles")
    for name, operation in OPERATIONS.items():
        with pytest.raises(CorruptStoreError) as caught:
            operation(Store(root))
        message = caught.value.message
        assert str(article_path) in message, name
        assert "left untouched" in message and "\n" not in message
    # Byte for byte the same, and no copy or temporary file was added.
    assert _files(root / "articles") == before


@pytest.mark.parametrize("content", [b"", b"\x00" * 64, b"{", b"[]", b'{"meta": {}}', b"{}"])
def test_damaged_store_json_is_refused_and_kept(root: Path, store: Store, content: bytes) -> None:
    (root / "store.json").write_bytes(content)
    for create in (True, False):
        with pytest.raises(CorruptStoreError, match="store.json"):
            Store(root, create=create)
    assert (root / "store.json").read_bytes() == content


def test_newer_store_is_refused_not_downgraded(root: Path, store: Store) -> None:
    path = root / "store.json"
    data = json.loads(path.read_text())
    data["meta"]["1"]["schema"] = 99
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError, match="newer reader"):
        Store(root)
    assert path.read_bytes() == before


def test_newer_article_file_is_refused_not_downgraded(root: Path, article_path: Path) -> None:
    data = _valid(article_path)
    _first(data, "meta")["schema"] = SCHEMA_VERSION + 1
    data["annotations"]["1"]["new_field"] = "from the future"
    article_path.write_text(json.dumps(data))
    before = article_path.read_bytes()
    for operation in OPERATIONS.values():
        with pytest.raises(NewerSchemaError, match=str(article_path)):
            operation(Store(root))
    assert article_path.read_bytes() == before


# -- failed writes -----------------------------------------------------------------------


def _assert_unchanged_then_retry(root: Path, article_path: Path, before: bytes) -> None:
    """The failed save changed nothing; once the cause is gone, the same save works."""
    assert article_path.read_bytes() == before
    assert {a.sentence for a in Store(root).annotations(ARTICLE)} == {0, 1, 2}
    tag(Store(root), 7)
    assert {a.sentence for a in Store(root).annotations(ARTICLE)} == {0, 1, 2, 7}


def _can_write_anyway(folder: Path) -> bool:
    probe = folder / "probe"
    try:
        probe.write_text("")
    except OSError:
        return False
    probe.unlink()
    return True


@pytest.fixture
def read_only_articles(root: Path, store: Store) -> Iterator[Path]:
    folder = root / "articles"
    folder.chmod(0o555)
    try:
        yield folder
    finally:
        folder.chmod(0o755)


def test_read_only_folder(root: Path, article_path: Path, read_only_articles: Path) -> None:
    if _can_write_anyway(read_only_articles):
        pytest.skip(
            "permissions do not stop this user (root): see the blocked, full-disk and "
            "file-in-the-way tests for failures that are real as root"
        )
    before = article_path.read_bytes()
    with pytest.raises(StoreError, match="permission denied; the change was not saved"):
        tag(Store(root), 7)
    # Reading a read-only store still works, and opening an article writes nothing.
    assert len(Store(root).annotations(ARTICLE)) == 3
    Store(root).register_article(ARTICLE, path="", title=None, date=None, byline=None, sentences=0)
    read_only_articles.chmod(0o755)
    _assert_unchanged_then_retry(root, article_path, before)


def test_write_blocked_after_reading(root: Path, article_path: Path) -> None:
    # Real even as root: a folder where the temporary file must go fails the write after
    # the file was read and changed in memory.
    before = article_path.read_bytes()
    blocker = article_path.with_name(article_path.name + ".tmp")
    blocker.mkdir()
    with pytest.raises(StoreError, match="cannot save to .*a folder is in the way"):
        tag(Store(root), 7)
    blocker.rmdir()
    _assert_unchanged_then_retry(root, article_path, before)


def test_file_size_limit_like_a_full_disk(root: Path, article_path: Path) -> None:
    # Real even as root: RLIMIT_FSIZE makes the kernel refuse to grow the temporary file,
    # as a full disk would, after part of it was written.
    before = article_path.read_bytes()
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (len(before) // 2, hard))
    try:
        with pytest.raises(StoreError, match="too large"):
            tag(Store(root), 7)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old_handler)
    assert not article_path.with_name(article_path.name + ".tmp").exists()
    _assert_unchanged_then_retry(root, article_path, before)


def test_articles_folder_is_a_file(root: Path, store: Store) -> None:
    folder = root / "articles"
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    folder.write_text("not a folder")
    with pytest.raises(StoreError, match="not a folder"):
        tag(Store(root), 1)


def test_store_in_unwritable_place(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    with pytest.raises(StoreError, match="file/store.*not a folder"):
        Store(tmp_path / "file" / "store")
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "articles").write_text("")
    with pytest.raises(StoreError, match="cannot create the annotation store"):
        Store(tmp_path / "dir")


@pytest.mark.parametrize(
    ("code", "reason"),
    [(errno.EROFS, "read-only"), (errno.ENOSPC, "disk is full"), (errno.EDQUOT, "quota")],
)
def test_error_messages_for_rename_failures(
    root: Path, article_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, reason: str
) -> None:
    # Simulated: these conditions cannot be created for real in a test (no mount rights).
    before = article_path.read_bytes()

    def failing_replace(src: Any, dst: Any) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(StoreError, match=reason) as caught:
        tag(Store(root), 7)
    assert str(article_path) in caught.value.message
    monkeypatch.undo()
    assert not article_path.with_name(article_path.name + ".tmp").exists()
    _assert_unchanged_then_retry(root, article_path, before)


def test_lock_timeout_is_a_clear_error(
    root: Path, article_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fcntl

    from reader import atomic

    monkeypatch.setattr(atomic, "LOCK_TIMEOUT", 0.05)
    lock = os.open(article_path.with_suffix(".lock"), os.O_RDONLY)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with pytest.raises(StoreError, match="locked for too long"):
            tag(Store(root), 7)
    finally:
        os.close(lock)
    tag(Store(root), 7)


def test_leftover_temporary_file_does_not_block_saves(root: Path, article_path: Path) -> None:
    # A killed save leaves <id>.json.tmp behind, possibly another user's and read-only.
    leftover = article_path.with_name(article_path.name + ".tmp")
    leftover.write_bytes(b'{"half": ')
    leftover.chmod(0o444)
    tag(Store(root), 7)
    assert not leftover.exists()
    assert {a.sentence for a in Store(root).annotations(ARTICLE)} == {0, 1, 2, 7}
