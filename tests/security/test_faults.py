"""Faults while working, with the real app in a real terminal: ``kill -9`` in the middle of
tagging, a lost SSH connection (SIGHUP, and the terminal itself going away), a terminal
resized to 20x10 and back, and two copies of the app tagging the same article at once.

The promise under test: no tag that was shown as saved is lost, and the app recovers.
The status line says "N/12 ... saved" only after the store returned from a durable save
(see reader/reading/session.py), so a screen captured just before a crash is a lower bound on
what the store must hold. tests/test_store_processes.py proves the same of the store
alone, with SIGKILL at random instants of a save.
"""

from __future__ import annotations

import json
import os
import re
import signal
import time
from pathlib import Path

import pytest

from reader.loaders import load_article
from reader.store import Store

from .terminal import app_env, pty_app, reader_command
from .tmux import Tmux, tmux_server

pytestmark = pytest.mark.slow

SAMPLE = Path(__file__).resolve().parents[2] / "articles" / "iran-iraq-military-ties.txt"
ARTICLE = load_article(SAMPLE)
# The first body sentence: an article opens on it, and the current sentence is always on
# screen (the title may scroll away on a small terminal once the entity panel appears).
OPENED = "TEHRAN \u2014 Iran and Iraq"
_PROGRESS = re.compile(r"(\d+)/12\b")


def app_argv(db: Path, annotator: str = "ana") -> list[str]:
    return reader_command(str(SAMPLE), "--db", str(db), "--annotator", annotator)


def stored(db: Path, annotator: str | None = None) -> dict[int, str]:
    return {a.sentence: a.label for a in Store(db).annotations(ARTICLE.id, annotator)}


def shown_saved(screen: str) -> int:
    """How many tags the status line shows, if it also says they are all saved."""
    status = [line for line in screen.splitlines() if _PROGRESS.search(line)]
    assert status, screen
    line = status[-1]
    if "UNSAVED" in line:
        return 0
    return int(_PROGRESS.search(line).group(1))  # type: ignore[union-attr]


def assert_store_intact(db: Path) -> None:
    """Every store file parses, and no temporary file is mistaken for one."""
    json.loads((db / "store.json").read_bytes())
    for path in (db / "articles").glob("*.json"):
        json.loads(path.read_bytes())


def wait_progress(tmux: Tmux, target: str, count: int) -> str:
    return tmux.wait_for(target, f"{count}/12")


def test_kill_9_while_tagging_loses_no_saved_tag(tmp_path: Path) -> None:
    db = tmp_path / "db"
    with tmux_server(app_env()) as tmux:
        target = tmux.start("app", app_argv(db))
        tmux.wait_for(target, OPENED)
        for count, key in enumerate(["1", "2", "3"], start=1):
            tmux.send(target, key)
            wait_progress(tmux, target, count)
        tmux.send(target, "1", "2", "3", "1")  # faster than the screen redraws
        screen = tmux.wait_for(target, "7/12")
        tmux.wait_for(target, "saved")
        os.kill(tmux.pid(target), signal.SIGKILL)
        tmux.wait_dead(target)
        assert len(stored(db)) >= shown_saved(screen) == 7
        assert_store_intact(db)

        # Restart on the same store: every tag is back on screen.
        tmux.respawn(target, app_argv(db))
        tmux.wait_for(target, "7/12")
        # Again, killed at some instant of a burst of keys: whatever the last screen before
        # the kill showed as saved is in the store. Label keys only: each tags the next
        # untagged sentence, so the count only grows (a label key on a tagged sentence
        # would clear it, after the capture, and the count could drop for a good reason).
        for delay in (0.05, 0.15, 0.3):
            tmux.send(target, "2", "3")
            time.sleep(delay)
            screen = tmux.capture(target)
            os.kill(tmux.pid(target), signal.SIGKILL)
            tmux.wait_dead(target)
            assert len(stored(db)) >= shown_saved(screen)
            assert_store_intact(db)
            tmux.respawn(target, app_argv(db))
            tmux.wait_for(target, f"{len(stored(db))}/12")


def test_sighup_from_a_lost_connection_keeps_the_saved_tags(tmp_path: Path) -> None:
    db = tmp_path / "db"
    with tmux_server(app_env()) as tmux:
        target = tmux.start("app", app_argv(db))
        tmux.wait_for(target, OPENED)
        tmux.send(target, "1", "3")
        tmux.wait_for(target, "2/12")
        tmux.wait_for(target, "saved")
        os.kill(tmux.pid(target), signal.SIGHUP)
        tmux.wait_dead(target)
        assert stored(db) == {3: "claim", 4: "quote"}  # it opened on the body
        assert_store_intact(db)
        tmux.respawn(target, app_argv(db))
        tmux.wait_for(target, "2/12")


def test_the_terminal_going_away_ends_the_app_and_keeps_the_tags(tmp_path: Path) -> None:
    # What an SSH drop really does: the pseudo-terminal's other end closes, the kernel
    # sends SIGHUP, and any later read or write fails. The app must end (not spin), with
    # its saved tags in the store.
    # Deadlines are generous (a loaded 2-core machine starts the app and spaCy's process
    # slowly) and only bound a failure: each wait ends as soon as its condition holds.
    db = tmp_path / "db"
    with pty_app(app_argv(db), app_env(), size=(80, 24)) as app:
        app.wait_for_text(OPENED, timeout=90)
        app.send(b"2")
        app.send(b"2")
        app.wait_for_text("2/12", timeout=60)  # shown only once both saves returned
        app.hang_up()
        try:
            app.wait_exit(timeout=60)
        except AssertionError:
            raise AssertionError("the app kept running without its terminal") from None
    assert stored(db) == {3: "context", 4: "context"}
    assert_store_intact(db)


def test_resized_to_20x10_and_back_the_app_still_works(tmp_path: Path) -> None:
    db = tmp_path / "db"
    with tmux_server(app_env()) as tmux:
        target = tmux.start("app", app_argv(db), size=(80, 24))
        tmux.wait_for(target, OPENED)
        tmux.resize(target, 20, 10)
        time.sleep(0.5)
        small = tmux.capture(target)
        assert len(small.splitlines()) <= 10
        assert all(len(line) <= 20 for line in small.splitlines())
        assert small.strip(), "nothing drawn at 20x10"
        tmux.send(target, "j", "1")  # still answers keys: tags the body's second sentence
        deadline = time.monotonic() + 15
        while stored(db) != {4: "claim"} and time.monotonic() < deadline:
            time.sleep(0.1)
        assert stored(db) == {4: "claim"}
        tmux.resize(target, 80, 24)
        # The status line can be redrawn a frame before the article under it: wait for both.
        deadline = time.monotonic() + 30
        screen = tmux.wait_for(target, "1/12")
        while "Hayali" not in screen and time.monotonic() < deadline:
            time.sleep(0.1)
            screen = tmux.capture(target)
        assert "1/12" in screen and "Hayali" in screen
        assert max(len(line) for line in screen.splitlines()) > 60
        assert not tmux.dead(target)
        tmux.send(target, "C-q")
        tmux.wait_dead(target)


def test_two_copies_tagging_the_same_article_at_once_keep_both_sets(tmp_path: Path) -> None:
    db = tmp_path / "db"
    with tmux_server(app_env()) as tmux:
        first = tmux.start("first", app_argv(db))
        second = tmux.start("second", app_argv(db))
        tmux.wait_for(first, OPENED)
        tmux.wait_for(second, OPENED)
        # The first tags sentences 3-7 from the top of the body; the second 14-10 from the bottom
        # (a tag moves its cursor on, so it goes back to the end each time). Keys go to
        # both without waiting, so the saves interleave.
        for step in range(5):
            tmux.send(first, "1")
            tmux.send(second, "G", *(["k"] * step), "2")
        wait_progress(tmux, first, 5)
        wait_progress(tmux, second, 5)
        tmux.wait_for(first, "saved")
        tmux.wait_for(second, "saved")
        expected = {i: "claim" for i in range(3, 8)} | {i: "context" for i in range(10, 15)}
        assert stored(db, "ana") == expected
        # Undo goes through the store's history, which both copies share: it undoes the
        # annotator's last change, whichever copy made it (here the last of the two).
        tmux.send(first, "u")
        deadline = time.monotonic() + 15
        while len(stored(db)) == 10 and time.monotonic() < deadline:
            time.sleep(0.1)
        undone = set(expected) - set(stored(db))
        assert len(undone) == 1 and undone <= {7, 10}
        # A restarted copy shows everything both saved.
        tmux.send(first, "C-q")
        tmux.wait_dead(first)
        tmux.respawn(first, app_argv(db))
        tmux.wait_for(first, "9/12")
        assert_store_intact(db)
