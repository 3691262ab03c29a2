"""Run the real ``reader`` in a pseudo-terminal and watch it through a terminal emulator.

:class:`PtyApp` starts a command in a new pseudo-terminal of a fixed size (the child gets it
as its controlling terminal, as in a real session), keeps every byte the program writes,
and feeds them to a `pyte <https://pyte.readthedocs.io>`_ screen that records any attempt
to set the window title or icon name. Everything is bounded in time, and the child is
always killed at the end.
"""

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
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

import pyte

REPO = Path(__file__).resolve().parents[2]

#: Keys as a terminal sends them.
CTRL_Q = b"\x11"
ENTER = b"\r"
ESCAPE = b"\x1b"


class RecordingScreen(pyte.Screen):  # type: ignore[misc]
    """A pyte screen that remembers every title and icon name a program tried to set."""

    def __init__(self, columns: int, lines: int) -> None:
        super().__init__(columns, lines)
        self.titles: list[str] = []
        self.icon_names: list[str] = []

    def set_title(self, param: str) -> None:
        """OSC 0 or 2: remember it, then do what a terminal does."""
        self.titles.append(param)
        super().set_title(param)

    def set_icon_name(self, param: str) -> None:
        """OSC 0 or 1: remember it, then do what a terminal does."""
        self.icon_names.append(param)
        super().set_icon_name(param)


def app_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for a child ``reader``: the test's (isolated XDG folders), a colour
    xterm, no animations, and this checkout on the path."""
    env = dict(os.environ)
    env.update(
        {
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
            "TEXTUAL_ANIMATIONS": "none",
            "PYTHONPATH": str(REPO),
            "PYTHONDONTWRITEBYTECODE": "1",
        }
    )
    for variable in ("TEXTUAL", "TEXTUAL_DEBUG", "TEXTUAL_DRIVER", "NO_COLOR", "TMUX"):
        env.pop(variable, None)
    env.update(extra or {})
    return env


def reader_command(*args: str) -> list[str]:
    """``python -m reader ARGS`` with this interpreter."""
    return [sys.executable, "-m", "reader", *args]


class PtyApp:
    """A program running in a pseudo-terminal, watched through a pyte screen.

    Args:
        argv: The command.
        env: Its environment.
        size: ``(columns, lines)``.
        cwd: Its working folder (default: this one).
    """

    def __init__(
        self,
        argv: Sequence[str],
        env: Mapping[str, str],
        size: tuple[int, int] = (100, 30),
        cwd: Path | None = None,
    ) -> None:
        self.columns, self.lines = size
        self.screen = RecordingScreen(self.columns, self.lines)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()
        self.exit_status: int | None = None
        pid, fd = pty.fork()
        if pid == 0:  # the child: the pty is its controlling terminal and its stdio
            try:
                # As in a login session, whatever the test runner ignores (nohup, a CI
                # service): the kernel's SIGHUP when the terminal goes away must reach it.
                signal.signal(signal.SIGHUP, signal.SIG_DFL)
                _set_size(0, self.columns, self.lines)
                if cwd is not None:
                    os.chdir(cwd)
                os.execvpe(argv[0], list(argv), dict(env))
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        _set_size(fd, self.columns, self.lines)

    def pump(self, seconds: float = 0.05) -> bool:
        """Read what the program wrote for up to ``seconds``; ``False`` once it is gone."""
        if self.fd < 0:  # hung up: nothing more to read, only the program to watch
            time.sleep(seconds)
            return self._alive()
        deadline = time.monotonic() + seconds
        while True:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.fd], [], [], max(left, 0))
            if not ready:
                return self._alive()
            try:
                data = os.read(self.fd, 65536)
            except OSError:  # EIO: the program closed the terminal (it exited)
                self._reap(block=True)
                return False
            if not data:
                self._reap(block=True)
                return False
            self.raw += data
            self.stream.feed(data)
            if left <= 0:
                return True

    def wait_for(
        self, condition: Callable[[], bool], timeout: float = 30, what: str = "the app"
    ) -> None:
        """Pump until ``condition()`` is true; fail with the screen if it never is."""
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; screen:\n{self.text()}")
            if not self.pump(0.1) and not condition():
                raise AssertionError(
                    f"the program exited ({self.exit_status}) while waiting for {what}; "
                    f"screen:\n{self.text()}"
                )

    def wait_for_text(self, text: str, timeout: float = 30) -> None:
        """Pump until ``text`` shows on the screen."""
        self.wait_for(lambda: text in self.text(), timeout, repr(text))

    def send(self, data: bytes, settle: float = 0.3) -> None:
        """Type ``data`` into the terminal, then let the program redraw."""
        os.write(self.fd, data)
        self.pump(settle)

    def text(self) -> str:
        """The screen, one line per row."""
        return "\n".join(line.rstrip() for line in self.screen.display)

    def wait_exit(self, timeout: float = 15) -> int:
        """Pump until the program exits; return its exit status (negative: a signal)."""
        deadline = time.monotonic() + timeout
        while self.exit_status is None:
            if time.monotonic() > deadline:
                raise AssertionError(f"the program did not exit; screen:\n{self.text()}")
            self.pump(0.1)
            self._reap(block=False)
        return self.exit_status

    def hang_up(self) -> None:
        """Close the terminal's other end, as a dropped SSH connection does: the kernel
        sends the program SIGHUP, and its reads and writes fail from now on."""
        fd, self.fd = self.fd, -1  # never closed twice: the number may be reused by then
        os.close(fd)

    def close(self) -> None:
        """Kill the program if it still runs, and close the terminal."""
        if self.exit_status is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            self._reap(block=True)
        if self.fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = -1

    def _alive(self) -> bool:
        self._reap(block=False)
        return self.exit_status is None

    def _reap(self, *, block: bool) -> None:
        if self.exit_status is not None:
            return
        try:
            pid, status = os.waitpid(self.pid, 0 if block else os.WNOHANG)
        except ChildProcessError:
            self.exit_status = -1
            return
        if pid:
            self.exit_status = os.waitstatus_to_exitcode(status)


def _set_size(fd: int, columns: int, lines: int) -> None:
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))


@contextlib.contextmanager
def pty_app(
    argv: Sequence[str],
    env: Mapping[str, str],
    size: tuple[int, int] = (100, 30),
    cwd: Path | None = None,
) -> Iterator[PtyApp]:
    """Run ``argv`` in a pseudo-terminal for the block; it is killed at the end whatever
    happens."""
    app = PtyApp(argv, env, size, cwd)
    try:
        yield app
    finally:
        app.close()
