"""The terminal is left as it was found: a dumb terminal is refused before anything is sent
to it, and SIGTERM (``kill``, a service manager, a closing tmux session) ends the app with
the terminal's modes switched back, as quitting does."""

from __future__ import annotations

import os
import re
import signal
from pathlib import Path

import pytest

from .terminal import app_env, pty_app, reader_command

pytestmark = pytest.mark.slow

SAMPLE = Path(__file__).resolve().parents[2] / "articles" / "iran-iraq-military-ties.txt"
# The first body sentence: an article opens on it, and the current sentence is always on
# screen (the title may scroll away on a small terminal once the entity panel appears).
OPENED = "TEHRAN \u2014 Iran and Iraq"
# DEC private modes that the app switches on and must switch off again: the alternate
# screen, mouse reporting (four kinds) and bracketed paste.
MODES = ("1049", "1000", "1003", "1015", "1006", "2004")
_MODE = re.compile(rb"\x1b\[\?(\d+)([hl])")


def modes_left_on(raw: bytes) -> set[str]:
    """The private modes whose last setting in ``raw`` is "on"."""
    state: dict[str, bytes] = {}
    for match in _MODE.finditer(raw):
        for mode in match[1].decode().split(";"):
            state[mode] = match[2]
    return {mode for mode, setting in state.items() if setting == b"h"}


def test_a_dumb_terminal_is_refused_with_one_line_and_nothing_sent(tmp_path: Path) -> None:
    argv = reader_command(str(SAMPLE), "--db", str(tmp_path / "db"))
    with pty_app(argv, app_env({"TERM": "dumb"}), size=(80, 24)) as app:
        status = app.wait_exit(timeout=60)
        app.pump(0.2)
    output = bytes(app.raw)
    assert status == 2, output
    assert b"\x1b" not in output
    lines = output.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader: ") and "TERM=dumb" in lines[0]


def test_sigterm_ends_the_app_and_gives_the_terminal_back(tmp_path: Path) -> None:
    argv = reader_command(str(SAMPLE), "--db", str(tmp_path / "db"))
    with pty_app(argv, app_env(), size=(80, 24)) as app:
        app.wait_for_text(OPENED, timeout=60)
        on = modes_left_on(bytes(app.raw))
        assert {"1049", "1000", "1006"} <= on  # the app really took the terminal
        os.kill(app.pid, signal.SIGTERM)
        status = app.wait_exit(timeout=60)
        while app.pump(0.1):  # whatever is still in the terminal's buffer
            pass
    assert status == 128 + signal.SIGTERM
    assert not modes_left_on(bytes(app.raw)) & set(MODES)
