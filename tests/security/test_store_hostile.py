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
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from app_support import app_test, wait_for

from reader.analysis import Sentence, split_article
from reader.errors import StoreError
from reader.loaders import load_article
from reader.store import Store

from .apphelpers import ANNOTATOR, make_app, reading_screen, status

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
        await wait_for(pilot, lambda: view.cursor == 4)  # it opened on the body's first
        filler = fill(tiny_disk)
        await pilot.press("3")  # the disk is full now
        await pilot.pause()
        # On screen, marked unsaved, and the session still has it: nothing was dropped.
        assert view.tags == {3: "claim", 4: "quote"}
        assert view.unsaved == {4}
        assert screen.session is not None and screen.session.unsaved == {4: "quote"}
        assert "UNSAVED" in status(screen)
        assert any("the disk is full" in n.message for n in app._notifications)
        assert labels(root) == {3: "claim"}

        filler.unlink()
        await pilot.press("ctrl+s")  # retry
        await wait_for(pilot, lambda: not view.unsaved)
        assert "UNSAVED" not in status(screen) and "saved" in status(screen)
        assert labels(root) == {3: "claim", 4: "quote"}


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


# -- symbolic links ----------------------------------------------------------------------
#
# Decision: a store's *folders* may be links (a store kept on another disk is a normal
# set-up), its *files* may not. A link planted in place of a store file in a shared folder
# would make everyone's reader read a file elsewhere, and a save replace the link; a link
# in place of a lock file would make reader create the link's target, wherever it points.
# reader refuses them with a one-line error and changes nothing.


@pytest.fixture
def shared(tmp_path: Path) -> tuple[Path, Path]:
    """A store with two tags, and a folder outside it."""
    root = tmp_path / "store"
    store = Store(root)
    for sentence in SENTENCES[:2]:
        tag(store, sentence)
    outside = tmp_path / "outside"
    outside.mkdir()
    return root, outside


def _snapshot(*folders: Path) -> dict[str, bytes | str]:
    found: dict[str, bytes | str] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_symlink():
                found[str(path)] = "-> " + os.readlink(path)
            elif path.is_file():
                found[str(path)] = path.read_bytes()
    return found


def test_a_link_in_place_of_an_article_file_is_refused(shared: tuple[Path, Path]) -> None:
    root, outside = shared
    article_file = root / "articles" / f"{ARTICLE.id}.json"
    # Someone moves the real file away and links to a copy they control.
    target = outside / "theirs.json"
    target.write_bytes(article_file.read_bytes())
    article_file.unlink()
    article_file.symlink_to(target)
    before = _snapshot(root, outside)
    operations = {
        "read": lambda s: s.annotations(ARTICLE.id),
        "tag": lambda s: tag(s, SENTENCES[4]),
        "list": lambda s: s.articles(),
        "undo": lambda s: s.undo(ARTICLE.id, ANNOTATOR),
        "position": lambda s: s.set_position(ARTICLE.id, ANNOTATOR, 3),
    }
    for name, operation in operations.items():
        with pytest.raises(StoreError) as caught:
            operation(Store(root))
        message = caught.value.message
        assert "symbolic link" in message and str(article_file) in message, name
        assert "\n" not in message
    assert _snapshot(root, outside) == before  # the link, its target, the rest: untouched


def test_a_link_in_place_of_store_json_is_refused(shared: tuple[Path, Path]) -> None:
    root, outside = shared
    (outside / "store.json").write_bytes((root / "store.json").read_bytes())
    (root / "store.json").unlink()
    (root / "store.json").symlink_to(outside / "store.json")
    before = _snapshot(root, outside)
    for create in (True, False):
        with pytest.raises(StoreError, match="store.json: it is a symbolic link"):
            Store(root, create=create)
    assert _snapshot(root, outside) == before


def test_a_link_in_place_of_a_lock_creates_nothing_outside(shared: tuple[Path, Path]) -> None:
    root, outside = shared
    lock = root / "articles" / f"{ARTICLE.id}.lock"
    lock.unlink()
    lock.symlink_to(outside / "created-by-reader")
    before = _snapshot(root, outside)
    with pytest.raises(StoreError, match="symbolic link") as caught:
        tag(Store(root), SENTENCES[4])
    assert "\n" not in caught.value.message
    assert not (outside / "created-by-reader").exists()
    assert _snapshot(root, outside) == before
    assert labels(root) == {0: "claim", 1: "claim"}  # reading needs no lock


def test_a_link_in_place_of_the_temporary_file_is_never_written_through(
    shared: tuple[Path, Path],
) -> None:
    root, outside = shared
    victim = outside / "victim.txt"
    victim.write_text("precious")
    temporary = root / "articles" / f"{ARTICLE.id}.json.tmp"
    temporary.symlink_to(victim)
    tag(Store(root), SENTENCES[4])  # the save removes the link and writes its own file
    assert victim.read_text() == "precious"
    assert not temporary.exists()
    assert labels(root) == {0: "claim", 1: "claim", 4: "claim"}


def test_linked_store_folders_are_followed(tmp_path: Path) -> None:
    # A store on another disk, reached through a link, and an articles folder moved away.
    real = tmp_path / "disk" / "store"
    Store(real)
    (tmp_path / "store").symlink_to(real)
    tag(Store(tmp_path / "store"), SENTENCES[0])
    moved = tmp_path / "disk" / "articles"
    (real / "articles").rename(moved)
    (real / "articles").symlink_to(moved)
    tag(Store(tmp_path / "store"), SENTENCES[1])
    assert labels(tmp_path / "store") == {0: "claim", 1: "claim"}
    assert (moved / f"{ARTICLE.id}.json").is_file()


# -- store paths that cannot be followed: one line each, never a traceback ---------------

COMMANDS = (["export"], ["stats"], ["orphans"], [str(SAMPLE)])


def run_reader(*args: str, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    """Run ``reader ARGS`` in a fresh process (the app's checks fail before Textual starts)."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    command = [*prefix, sys.executable, "-m", "reader", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, env=env)


def assert_one_line(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1 and lines[0].startswith("reader: "), result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0].rsplit("/", 1)[-1])
def test_db_on_a_loop_of_links_says_so_in_one_line(tmp_path: Path, command: list[str]) -> None:
    # Before: "cannot read loop/store.json: it is a symbolic link, which reader does not
    # follow inside a store", although the store folder may be a link; the loop is the
    # problem.
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    for db in (loop, loop / "inner"):
        result = run_reader(*command, "--db", str(db))
        assert_one_line(result, str(db), "loop of symbolic links")
        assert "is a symbolic link" not in result.stderr
    assert not (tmp_path / "inner").exists()


def test_a_link_in_place_of_store_json_is_still_called_a_link(tmp_path: Path) -> None:
    Store(tmp_path / "store")
    (tmp_path / "store" / "store.json").rename(tmp_path / "elsewhere.json")
    (tmp_path / "store" / "store.json").symlink_to(tmp_path / "elsewhere.json")
    result = run_reader("export", "--db", str(tmp_path / "store"))
    assert_one_line(result, "store.json", "symbolic link")


def _without_root_powers() -> tuple[str, ...]:
    """A command prefix that runs a process as root without its power to ignore modes."""
    if os.geteuid() != 0 or shutil.which("capsh") is None:
        pytest.skip("needs root and capsh to drop CAP_DAC_OVERRIDE (as a user: chmod is enough)")
    prefix = ("capsh", "--drop=cap_dac_override,cap_dac_read_search", "--", "-c", 'exec "$@"', "-")
    probe = subprocess.run([*prefix, "true"], capture_output=True, timeout=30)
    if probe.returncode != 0:
        pytest.skip(f"capsh cannot drop capabilities here: {probe.stderr!r}")
    return prefix


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0].rsplit("/", 1)[-1])
def test_a_folder_that_can_be_listed_but_not_entered_is_one_line(
    tmp_path: Path, command: list[str]
) -> None:
    # Before: a PermissionError traceback from Path.exists() for a store inside it.
    prefix = _without_root_powers()
    root = tmp_path / "store"
    tag(Store(root), SENTENCES[0])
    os.chmod(tmp_path, 0o755)
    for folder in (root, root / "articles"):
        os.chmod(folder, 0o644)  # readable, not searchable: ls works, cd does not
    try:
        for db in (root, root / "inner"):
            result = run_reader(*command, "--db", str(db), prefix=prefix)
            assert "Traceback" not in result.stderr
            assert_one_line(result, "permission denied")
    finally:
        for folder in (root, root / "articles"):
            os.chmod(folder, 0o755)
    assert labels(root) == {0: "claim"}


# -- the store folder moved or deleted under a running session -----------------------------


def _everything_under(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def test_a_store_moved_away_is_never_re_created_by_a_save(tmp_path: Path) -> None:
    # Before: the next save made <old path>/articles/<id>.json again, a folder without a
    # store.json, where `reader export --db` said there was no store: tags shown as saved
    # and found by nothing.
    root = tmp_path / "store"
    store = Store(root)
    tag(store, SENTENCES[0])
    root.rename(tmp_path / "moved")
    first = SENTENCES[0]
    attempts = {
        "tag": lambda: tag(store, SENTENCES[1]),
        "note": lambda: store.set_note(
            ARTICLE.id, start=first.start, end=first.end, annotator=ANNOTATOR, note="n"
        ),
        "position": lambda: store.set_position(ARTICLE.id, ANNOTATOR, 3),
        "register": lambda: store.register_article(
            "feedfacefeedface", path="a.txt", title=None, date=None, byline=None, sentences=1
        ),
    }
    for what, attempt in attempts.items():
        with pytest.raises(StoreError) as caught:
            attempt()
        message = caught.value.message
        assert "has gone" in message and str(root) in message and "\n" not in message, what
        assert not root.exists(), what
    # Reading finds nothing there, so there is nothing to undo: nothing is written either.
    assert store.undo(ARTICLE.id, ANNOTATOR) is None and not root.exists()
    assert labels(tmp_path / "moved") == {0: "claim"}


def test_a_store_replaced_by_another_folder_is_not_written_to(tmp_path: Path) -> None:
    root = tmp_path / "store"
    store = Store(root)
    tag(store, SENTENCES[0])
    root.rename(tmp_path / "moved")
    Store(root)  # someone makes a new, empty store where the old one was
    before = _everything_under(root)
    with pytest.raises(StoreError, match="has gone"):
        tag(store, SENTENCES[1])
    assert _everything_under(root) == before
    # A store.json deleted from under the session: the folder is no longer a store.
    other = Store(tmp_path / "other")
    (tmp_path / "other" / "store.json").unlink()
    with pytest.raises(StoreError, match="has gone"):
        tag(other, SENTENCES[0])
    assert _everything_under(tmp_path / "other") == ["articles", "store.lock"]


def test_a_store_moved_away_still_reads_where_it_went(tmp_path: Path) -> None:
    root = tmp_path / "store"
    tag(Store(root), SENTENCES[0])
    root.rename(tmp_path / "moved")
    store = Store(tmp_path / "moved", create=False)
    tag(store, SENTENCES[1])
    assert labels(tmp_path / "moved") == {0: "claim", 1: "claim"}


@app_test
async def test_app_keeps_tags_unsaved_when_its_store_is_moved_away(tmp_path: Path) -> None:
    root = tmp_path / "store"
    app = make_app(SAMPLE, Store(root))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await reading_screen(pilot)
        view = screen.view
        first = view.cursor  # an article opens on its first body sentence
        await pilot.press("1")
        await wait_for(pilot, lambda: view.cursor == first + 1)
        root.rename(tmp_path / "moved")
        await pilot.press("3")
        await pilot.pause()
        assert view.tags == {first: "claim", first + 1: "quote"}
        assert view.unsaved == {first + 1}
        assert "UNSAVED" in status(screen)
        assert any("has gone" in n.message for n in app._notifications)
        assert not root.exists()
        (tmp_path / "moved").rename(root)  # put back: the retry saves it
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not view.unsaved)
    assert labels(root) == {first: "claim", first + 1: "quote"}
