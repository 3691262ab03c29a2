"""The store on a hostile disk, for real: a full file system (a tiny tmpfs), a read-only
one (a read-only bind mount: it stops root too), and the app on them, where a tag that
could not be saved stays on screen as unsaved and is saved by the retry once there is
room again.

Already proven in tests/test_store_failures.py, and not repeated here: truncated files, a
file of zeros, valid JSON of the wrong shape, a newer schema (refused, left untouched);
a read-only folder (as a non-root user), a folder in the way of the temporary file,
RLIMIT_FSIZE, and ENOSPC/EROFS/EDQUOT simulated at the rename; and in
tests/tui/test_reading.py a failed save shown as unsaved (with a stubbed store).
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.analysis import Sentence, split_article
from reader.errors import StoreError
from reader.loaders import load_article
from reader.store import Store

from .apphelpers import ANNOTATOR, app_test, make_app, reading_screen, status, wait_for

SAMPLE = Path(__file__).resolve().parents[2] / "articles" / "iran-iraq-military-ties.txt"
ARTICLE = load_article(SAMPLE)
SENTENCES = split_article(ARTICLE)


def _mount(*args: str) -> bool:
    if os.geteuid() != 0:
        return False
    try:
        result = subprocess.run(["mount", *args], capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0


def _unmount(folder: Path) -> None:
    for args in (["umount", str(folder)], ["umount", "-l", str(folder)]):
        with contextlib.suppress(OSError, subprocess.TimeoutExpired):
            if subprocess.run(args, capture_output=True, timeout=30).returncode == 0:
                return


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 256 KiB tmpfs: a file system that really fills up."""
    folder = tmp_path / "disk"
    folder.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=256k,mode=0755", "tmpfs", str(folder)):
        pytest.skip(
            "cannot mount a tmpfs here (needs root and mount rights); a full disk is "
            "simulated in tests/test_store_failures.py"
        )
    try:
        yield folder
    finally:
        _unmount(folder)


def fill(folder: Path) -> Path:
    """Fill the file system under ``folder`` to the last byte; returns the filler file."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as handle:
        chunk = b"\0" * 4096
        try:
            while True:
                handle.write(chunk)
        except OSError as error:
            assert error.errno == errno.ENOSPC
        # The last partial block.
        with contextlib.suppress(OSError):
            while True:
                handle.write(b"\0")
    return filler


def tag(store: Store, sentence: Sentence, label: str = "claim") -> None:
    store.tag(
        ARTICLE.id,
        sentence=sentence.index,
        start=sentence.start,
        end=sentence.end,
        text=sentence.text,
        label=label,
        annotator=ANNOTATOR,
    )


def labels(root: Path) -> dict[int, str]:
    return {a.sentence: a.label for a in Store(root).annotations(ARTICLE.id)}


def test_full_disk_refuses_the_save_keeps_the_file_and_recovers(tiny_disk: Path) -> None:
    root = tiny_disk / "store"
    store = Store(root)
    for sentence in SENTENCES[:3]:
        tag(store, sentence)
    article_file = root / "articles" / f"{ARTICLE.id}.json"
    before = article_file.read_bytes()
    filler = fill(tiny_disk)

    with pytest.raises(StoreError) as caught:
        tag(store, SENTENCES[5], "quote")
    message = caught.value.message
    assert "the disk is full" in message and "not saved" in message and "\n" not in message
    # The file is byte for byte what it was, no temporary file is left to eat the space,
    # and everything saved before can still be read.
    assert article_file.read_bytes() == before
    assert sorted(p.name for p in article_file.parent.iterdir()) == sorted(
        [article_file.name, f"{ARTICLE.id}.lock"]
    )
    assert labels(root) == {0: "claim", 1: "claim", 2: "claim"}
    # A note, an undo, a new article: refused the same way, nothing half-written.
    with pytest.raises(StoreError, match="disk is full"):
        store.set_note(
            ARTICLE.id,
            start=SENTENCES[0].start,
            end=SENTENCES[0].end,
            annotator=ANNOTATOR,
            note="x" * 10_000,
        )
    with pytest.raises(StoreError, match="disk is full"):
        store.undo(ARTICLE.id, ANNOTATOR)
    with pytest.raises(StoreError, match="disk is full"):
        store.tag(
            "feedfacefeedface",
            sentence=0,
            start=0,
            end=4,
            text="Some",
            label="claim",
            annotator=ANNOTATOR,
        )
    assert article_file.read_bytes() == before
    assert not (root / "articles" / "feedfacefeedface.json").exists()

    filler.unlink()
    tag(store, SENTENCES[5], "quote")
    assert labels(root) == {0: "claim", 1: "claim", 2: "claim", 5: "quote"}


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A store folder, and a switch: a read-only bind mount over it (stops root too)."""
    root = tmp_path / "store"
    store = Store(root)
    for sentence in SENTENCES[:2]:
        tag(store, sentence)
    if not _mount("--bind", str(root), str(root)):
        pytest.skip("cannot bind-mount here (needs root and mount rights)")
    try:
        if not _mount("-o", "remount,ro,bind", str(root)):
            pytest.skip("cannot remount read-only here")
        yield root, root / "articles" / f"{ARTICLE.id}.json"
    finally:
        _unmount(root)


def test_read_only_file_system_refuses_saves_but_still_reads(
    read_only: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root, article_file = read_only
    before = article_file.read_bytes()
    store = Store(root)  # opening an existing store writes nothing
    with pytest.raises(StoreError, match="read-only; the change was not saved"):
        tag(store, SENTENCES[4])
    assert article_file.read_bytes() == before
    assert labels(root) == {0: "claim", 1: "claim"}
    # Reading commands work on a read-only store.
    from reader.cli import main

    assert main(["export", "--db", str(root)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


@app_test
async def test_app_on_a_full_disk_keeps_the_tag_unsaved_then_saves_it(tiny_disk: Path) -> None:
    root = tiny_disk / "store"
    store = Store(root)
    app = make_app(SAMPLE, store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await reading_screen(pilot)
        view = screen.view
        await pilot.press("1")  # saved while there is room
        await wait_for(pilot, lambda: view.cursor == 1)
        filler = fill(tiny_disk)
        await pilot.press("3")  # the disk is full now
        await pilot.pause()
        # On screen, marked unsaved, and the session still has it: nothing was dropped.
        assert view.tags == {0: "claim", 1: "quote"}
        assert view.unsaved == {1}
        assert screen.session is not None and screen.session.unsaved == {1: "quote"}
        assert "UNSAVED" in status(screen)
        assert any("the disk is full" in n.message for n in app._notifications)
        assert labels(root) == {0: "claim"}

        filler.unlink()
        await pilot.press("ctrl+s")  # retry
        await wait_for(pilot, lambda: not view.unsaved)
        assert "UNSAVED" not in status(screen) and "saved" in status(screen)
        assert labels(root) == {0: "claim", 1: "quote"}


@app_test
async def test_app_on_a_read_only_store_keeps_every_tag_on_screen(
    read_only: tuple[Path, Path],
) -> None:
    root, article_file = read_only
    before = article_file.read_bytes()
    app = make_app(SAMPLE, Store(root))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await reading_screen(pilot)
        assert screen.view.tags == {0: "claim", 1: "claim"}  # what was saved shows
        await pilot.press("G", "2", "G", "k", "3")  # a tag moves on: back to the end
        await pilot.pause()
        last = len(SENTENCES) - 1
        assert screen.view.tags == {0: "claim", 1: "claim", last: "context", last - 1: "quote"}
        assert screen.view.unsaved == {last, last - 1}
        assert "2 UNSAVED" in status(screen)
    assert article_file.read_bytes() == before
