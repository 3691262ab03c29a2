"""The real command in a real pseudo-terminal (80x24), read through a terminal emulator."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

import pyte
import pytest

from reader.loaders import load_article
from reader.store import Store

pytestmark = pytest.mark.slow


class Terminal:
    """``python -m reader ...`` on an 80x24 pseudo-terminal."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        pid, fd = pty.fork()
        if pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            os.execvpe(sys.executable, [sys.executable, "-m", "reader", *args], env)
        self.pid, self.fd = pid, fd
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, needle: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while needle not in self.text():
            assert time.monotonic() < deadline, f"{needle!r} not on screen:\n{self.text()}"
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready:
                try:
                    self.stream.feed(os.read(self.fd, 65536))
                except OSError:
                    break

    def press(self, data: bytes) -> None:
        os.write(self.fd, data)

    def quit(self) -> int:
        self.press(b"\x11")  # ctrl+q
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready:
                with contextlib.suppress(OSError):
                    os.read(self.fd, 65536)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        raise AssertionError("the app did not quit")


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env.update({"TERM": "xterm-256color", "READER_ANNOTATOR": "ana"})
    env.update(extra)
    return env


@pytest.mark.parametrize(
    "extra",
    [{}, {"NO_COLOR": "1"}, {"TERM": "screen", "TEXTUAL_COLOR_SYSTEM": "standard"}],
    ids=["xterm-256color", "no-color", "screen-16-colours"],
)
def test_tag_in_a_real_terminal_and_quit(
    sample_path: Path, tmp_path: Path, analyser_cache_dir: Path, extra: dict[str, str]
) -> None:
    env = environment(XDG_CACHE_HOME=str(analyser_cache_dir.parent), **extra)
    terminal = Terminal([str(sample_path), "--db", str(tmp_path / "db")], env)
    terminal.wait_for("Iran, Iraq vow to boost military ties")
    terminal.wait_for("1/c claim")  # the footer
    terminal.press(b"1")
    terminal.wait_for("1/12")  # progress over the body's 12 sentences
    assert terminal.quit() == 0
    article = load_article(sample_path)
    tags = Store(tmp_path / "db").annotations(article.id, "ana")
    assert [(a.sentence, a.label) for a in tags] == [(3, "claim")]  # the body's first


def test_hostile_text_stays_inert_in_a_real_terminal(tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(
        "[bold]Title[/bold] \x1b]0;owned\x07 here\n\n"
        "Body with [link=http://x]a link[/link] and \x1b[2J a clear-screen.\n",
        encoding="utf-8",
    )
    terminal = Terminal([str(path), "--db", str(tmp_path / "db")], environment())
    terminal.wait_for("[bold]Title[/bold]")
    terminal.wait_for("[link=http://x]a link[/link]")
    assert "owned" not in terminal.screen.title  # the OSC title sequence never ran
    assert terminal.quit() == 0


def test_a_bad_path_is_one_line_before_the_app(tmp_path: Path) -> None:
    import subprocess

    result = subprocess.run(
        [sys.executable, "-m", "reader", str(tmp_path / "missing.txt"), "--db", str(tmp_path)],
        capture_output=True,
        text=True,
        env=environment(),
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no such file or folder" in result.stderr
    assert result.stdout == ""


def test_quitting_during_a_cold_analysis_is_quick(sample_path: Path, tmp_path: Path) -> None:
    # An empty cache: the command line starts spaCy in a child process; quitting stops it
    # rather than waiting for it (or, worse, loading spaCy in the closing app).
    env = environment(XDG_CACHE_HOME=str(tmp_path / "empty-cache"))
    terminal = Terminal([str(sample_path), "--db", str(tmp_path / "db")], env)
    terminal.wait_for("Iran, Iraq vow to boost military ties")
    started = time.monotonic()
    assert terminal.quit() == 0
    assert time.monotonic() - started < 3
