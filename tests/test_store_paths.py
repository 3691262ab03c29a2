"""The store's path index: finding a file's other versions without reading the store."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.errors import StoreError
from reader.store import Store, _files
from reader.store import _paths as paths
from reader.store._paths import shard_of

REPO = Path(__file__).resolve().parent.parent
WORKER = Path(__file__).resolve().parent / "helpers" / "register_worker.py"
PATH = "news/pact.txt"


def aid(number: int) -> str:
    return f"{number:016x}"


def register(store: Store, number: int, path: str) -> None:
    store.register_article(aid(number), path=path, title=None, date=None, byline=None, sentences=3)


def found(store: Store, path: str = PATH) -> list[str]:
    return [record.id for record in store.find_by_path(path)]


def shard_file(root: Path, path: str = PATH) -> Path:
    return root / "paths" / f"{shard_of(path)}.json"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A store of 40 articles, each from its own path, and two versions of PATH."""
    root = tmp_path / "store"
    store = Store(root)
    for number in range(40):
        register(store, number, f"other/{number}.txt")
    register(store, 100, PATH)
    register(store, 101, PATH)
    return root


def make_old(root: Path) -> None:
    """Turn a store into one written by a reader without the index (schema 2)."""
    for path in (root / "paths").iterdir():
        path.unlink()
    (root / "paths").rmdir()
    store_json = root / "store.json"
    data = json.loads(store_json.read_text())
    data["meta"]["1"]["schema"] = 2
    store_json.write_text(json.dumps(data))


def test_finding_the_versions_reads_the_index_and_the_versions_only(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert found(Store(root)) == [aid(100), aid(101)]  # built once
    reads: list[str] = []
    real = _files.read_with_stat

    def counted(path: Path) -> tuple[bytes, os.stat_result]:
        reads.append(str(path.relative_to(root)))
        return real(path)

    def no_listing(self: Store) -> list[str]:
        raise AssertionError("the articles folder was listed")

    monkeypatch.setattr(_files, "read_with_stat", counted)
    monkeypatch.setattr(Store, "_article_ids", no_listing)
    store = Store(root)  # a new process: nothing of the store in memory
    reads.clear()
    assert found(store) == [aid(100), aid(101)]
    expected = [f"paths/{shard_of(PATH)}.json", *(f"articles/{aid(n)}.json" for n in (100, 101))]
    assert sorted(reads) == sorted(expected)


def test_registration_writes_the_index_not_a_tag(root: Path) -> None:
    store = Store(root)
    found(store)
    shard = shard_file(root, "a.txt")
    register(store, 200, "a.txt")
    assert json.loads(shard.read_text())["paths"]["a.txt"] == [aid(200)]
    before = shard.stat().st_ino
    register(store, 200, "a.txt")  # reopened: nothing written
    store.tag(aid(200), sentence=0, start=0, end=5, text="Hello", label="claim", annotator="ana")
    assert shard.stat().st_ino == before
    assert found(store, "a.txt") == [aid(200)]


def test_an_article_opened_from_another_path_is_found_there_only(root: Path) -> None:
    store = Store(root)
    register(store, 101, "moved/pact.txt")
    assert found(store) == [aid(100)]
    assert found(Store(root), "moved/pact.txt") == [aid(101)]
    register(store, 101, PATH)  # and back
    assert found(Store(root)) == [aid(100), aid(101)]
    assert found(store, "never/opened.txt") == [] and found(store, "") == []


def test_an_article_save_that_fails_after_the_index_leaves_nothing_found(root: Path) -> None:
    store = Store(root)
    blocker = root / "articles" / f"{aid(300)}.json.tmp"
    blocker.mkdir()
    with pytest.raises(StoreError, match="a folder is in the way"):
        register(store, 300, PATH)
    assert aid(300) in json.loads(shard_file(root).read_text())["paths"][PATH]
    assert found(Store(root)) == [aid(100), aid(101)]  # the record says otherwise
    blocker.rmdir()
    register(store, 300, PATH)
    assert found(Store(root)) == [aid(100), aid(101), aid(300)]


def test_an_index_save_that_fails_registers_nothing(root: Path) -> None:
    store = Store(root)
    found(store)
    blocker = shard_file(root, "b.txt").with_suffix(".json.tmp")
    blocker.mkdir()
    with pytest.raises(StoreError, match="cannot save to .*paths.*the article's path was not"):
        register(store, 300, "b.txt")
    assert not (root / "articles" / f"{aid(300)}.json").exists()
    blocker.rmdir()
    register(store, 300, "b.txt")
    assert found(Store(root), "b.txt") == [aid(300)]


def test_an_old_store_read_only_is_answered_by_a_scan_and_not_written(root: Path) -> None:
    make_old(root)
    before = (root / "store.json").read_bytes()
    assert found(Store(root, create=False)) == [aid(100), aid(101)]
    assert not (root / "paths").exists()
    assert (root / "store.json").read_bytes() == before


def test_an_old_store_is_migrated_and_its_index_built_on_first_use(root: Path) -> None:
    make_old(root)
    store = Store(root)  # the app: raises the schema, so older readers refuse the store
    assert json.loads((root / "store.json").read_text())["meta"]["1"]["schema"] == 3
    assert not (root / "paths").exists()  # opening stays cheap: built on first use
    assert found(store) == [aid(100), aid(101)]
    assert (root / "paths" / paths.BUILT).is_file()
    shards = {shard_of(f"other/{n}.txt") for n in range(40)} | {shard_of(PATH)}
    assert {p.stem for p in (root / "paths").glob("*.json")} == shards | {"built"}
    for number in range(40):
        assert found(Store(root), f"other/{number}.txt") == [aid(number)]


def test_a_removed_index_is_rebuilt_and_keeps_what_was_added_meanwhile(root: Path) -> None:
    store = Store(root)
    found(store)
    for path in (root / "paths").iterdir():
        path.unlink()
    register(store, 102, PATH)  # added before the rebuild: kept by it
    assert not (root / "paths" / paths.BUILT).exists()
    assert found(Store(root)) == [aid(100), aid(101), aid(102)]
    assert (root / "paths" / paths.BUILT).is_file()


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"paths": {"x": [1]}}', b"[]"])
def test_a_damaged_shard_is_rebuilt_and_kept_aside(
    root: Path, content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    found(Store(root))
    shard = shard_file(root)
    shard.write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="reader.store"):
        assert found(Store(root)) == [aid(100), aid(101)]
    (record,) = caplog.records
    assert "\n" not in record.getMessage() and "damaged" in record.getMessage()
    assert shard.with_name(shard.name + ".damaged").read_bytes() == content
    assert json.loads(shard.read_text())["paths"][PATH] == [aid(100), aid(101)]


def test_registering_from_a_damaged_shard_repairs_it(root: Path) -> None:
    store = Store(root)
    found(store)
    shard_file(root).write_bytes(b"\0\0\0")
    register(store, 102, PATH)
    assert json.loads(shard_file(root).read_text())["paths"][PATH] == [
        aid(n) for n in (100, 101, 102)
    ]


def test_a_damaged_shard_in_a_read_only_store_is_left_alone(root: Path) -> None:
    found(Store(root))
    shard_file(root).write_bytes(b"{")
    assert found(Store(root, create=False)) == [aid(100), aid(101)]
    assert shard_file(root).read_bytes() == b"{"


def test_a_link_in_place_of_a_shard_is_refused_and_left(root: Path, tmp_path: Path) -> None:
    found(Store(root))
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text('{"paths": {}}')
    shard = shard_file(root)
    shard.unlink()
    shard.symlink_to(elsewhere)
    with pytest.raises(StoreError, match="symbolic link") as caught:
        found(Store(root))
    assert "\n" not in caught.value.message
    with pytest.raises(StoreError, match="symbolic link"):
        register(Store(root), 102, PATH)
    assert shard.is_symlink() and elsewhere.read_text() == '{"paths": {}}'


def test_an_unreadable_article_keeps_the_index_incomplete_until_repaired(root: Path) -> None:
    make_old(root)
    article = root / "articles" / f"{aid(101)}.json"
    good = article.read_bytes()
    article.write_bytes(b"damaged")
    store = Store(root)
    assert found(store) == [aid(100)]
    assert not (root / "paths" / paths.BUILT).exists()  # built again next time
    article.write_bytes(good)
    assert found(Store(root)) == [aid(100), aid(101)]
    assert (root / "paths" / paths.BUILT).is_file()


def _worker(root: Path, prefix: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WORKER), str(root), prefix, str(count), "3"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


@pytest.mark.slow
def test_two_processes_registering_and_building_at_once_lose_nothing(tmp_path: Path) -> None:
    root = tmp_path / "store"
    store = Store(root)
    for number in range(30):
        register(store, number, f"doc{number % 3}.txt")
    make_old(root)  # both workers race to build the index while they register
    count = 40
    workers = [_worker(root, prefix, count) for prefix in "ab"]
    for worker in workers:
        assert worker.stdout is not None and worker.stdout.readline() == "ready\n"
    for worker in workers:
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    outputs = [worker.communicate(timeout=120) for worker in workers]
    for worker, (_, errors) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, errors
    reopened = Store(root)
    for doc in range(3):
        expected = {aid(n) for n in range(30) if n % 3 == doc}
        expected |= {f"{p}{n:015x}" for p in "ab" for n in range(count) if n % 3 == doc}
        assert set(found(reopened, f"doc{doc}.txt")) == expected
    assert (root / "paths" / paths.BUILT).is_file()
    for shard in (root / "paths").glob("*.json"):
        json.loads(shard.read_bytes())


def test_an_index_that_cannot_be_saved_still_finds_the_versions(root: Path) -> None:
    make_old(root)
    (root / "paths").mkdir()
    blocker = root / "paths" / f"{paths.BUILT}.tmp"
    blocker.mkdir()  # the mark cannot be written, as on a full or read-only disk
    assert found(Store(root)) == [aid(100), aid(101)]
    assert not (root / "paths" / paths.BUILT).exists()
    blocker.rmdir()
    assert found(Store(root)) == [aid(100), aid(101)]
    assert (root / "paths" / paths.BUILT).is_file()


_PATHS = ("a.txt", "b.txt", "corpus.jsonl#3")
_OPS = st.lists(
    st.one_of(
        st.tuples(st.just("register"), st.integers(0, 3), st.sampled_from(_PATHS)),
        st.tuples(st.sampled_from(["remove index", "damage", "reopen"]), st.just(0), st.just("")),
    ),
    max_size=15,
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=_OPS)
def test_the_index_agrees_with_the_records_whatever_happens(
    tmp_path_factory: pytest.TempPathFactory, ops: list[tuple[str, int, str]]
) -> None:
    root = tmp_path_factory.mktemp("model") / "store"
    store = Store(root)
    model: dict[str, str] = {}  # article id -> the path it was last opened from
    for op, number, path in ops:
        if op == "register":
            register(store, number, path)
            model[aid(number)] = path
        elif op == "remove index" and (root / "paths").exists():
            for file in (root / "paths").iterdir():
                file.unlink()
            (root / "paths").rmdir()
        elif op == "damage":
            for file in (root / "paths").glob("??.json"):
                file.write_bytes(b"{")
        elif op == "reopen":
            store = Store(root)
        for wanted in _PATHS:
            expected = sorted(article_id for article_id, p in model.items() if p == wanted)
            assert found(store, wanted) == expected
