"""Run the real app in tmux, as an analyst on a remote server would, and look at its screen.

Each :class:`Tmux` is a private tmux server (its own socket), killed at the end with
everything in it. Panes stay open when their program dies (``remain-on-exit``), so a
test can see what a crash left on the screen.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence

import pytest

TMUX = shutil.which("tmux")


def require_tmux() -> str:
    """The tmux binary, or skip the test saying why."""
    if TMUX is None:
        pytest.skip("tmux is not installed (CI installs it: see .ci/run)")
    return TMUX


class Tmux:
    """A private tmux server.

    Args:
        env: The environment the server (and so every pane) starts with.
    """

    def __init__(self, env: Mapping[str, str]) -> None:
        self.binary = require_tmux()
        self.socket = f"reader-sec-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.env = dict(env)
        self.env.pop("TMUX", None)
        self._started = False
        self._socket_path: str | None = None

    def run(self, *args: str, check: bool = True) -> str:
        """Run a tmux command against this server; returns its output."""
        result = subprocess.run(
            [self.binary, "-L", self.socket, *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=30,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)} failed: {result.stderr.strip()}")
        return result.stdout

    def start(self, name: str, argv: Sequence[str], size: tuple[int, int] = (80, 24)) -> str:
        """Run ``argv`` in a new window called ``name`` (a new session for the first one);
        returns the target to address it by."""
        command = "exec " + shlex.join(argv)  # exec: the pane's pid is the app's
        columns, lines = size
        if not self._started:
            self.run(
                "new-session", "-d", "-s", "main", "-n", name,
                "-x", str(columns), "-y", str(lines), command,
            )  # fmt: skip
            self.run("set-option", "-g", "remain-on-exit", "on")
            self._socket_path = self.run("display-message", "-p", "#{socket_path}").strip()
            self._started = True
        else:
            self.run("new-window", "-d", "-t", "main", "-n", name, command)
        return f"main:{name}"

    def respawn(self, target: str, argv: Sequence[str]) -> None:
        """Start ``argv`` again in a pane whose program has exited."""
        self.run("respawn-pane", "-k", "-t", target, "exec " + shlex.join(argv))

    def pid(self, target: str) -> int:
        """The process id of the program in the pane."""
        return int(self.run("list-panes", "-t", target, "-F", "#{pane_pid}").split()[0])

    def dead(self, target: str) -> bool:
        """Whether the pane's program has exited."""
        return self.run("list-panes", "-t", target, "-F", "#{pane_dead}").split()[0] == "1"

    def capture(self, target: str) -> str:
        """The pane's screen, as text."""
        return self.run("capture-pane", "-p", "-t", target)

    def send(self, target: str, *keys: str) -> None:
        """Press keys in the pane (tmux key names: ``1``, ``j``, ``C-q``)."""
        self.run("send-keys", "-t", target, *keys)

    def resize(self, target: str, columns: int, lines: int) -> None:
        """Resize the window, as a terminal window being resized does."""
        self.run("resize-window", "-t", target, "-x", str(columns), "-y", str(lines))

    def wait_for(self, target: str, text: str, timeout: float = 30) -> str:
        """Wait until ``text`` is on the pane's screen; returns the screen."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.capture(target)
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {text!r} in {target}:\n{screen}")
            time.sleep(0.1)

    def wait_dead(self, target: str, timeout: float = 15) -> None:
        """Wait until the pane's program has exited."""
        deadline = time.monotonic() + timeout
        while not self.dead(target):
            if time.monotonic() > deadline:
                raise AssertionError(f"{target} did not exit:\n{self.capture(target)}")
            time.sleep(0.1)

    def kill(self) -> None:
        """Kill the server and every program in it, and remove its socket."""
        with contextlib.suppress(AssertionError, subprocess.TimeoutExpired, OSError):
            self.run("kill-server", check=False)
        if self._socket_path:
            with contextlib.suppress(OSError):
                os.unlink(self._socket_path)


@contextlib.contextmanager
def tmux_server(env: Mapping[str, str]) -> Iterator[Tmux]:
    """A private tmux server for the block, killed at the end whatever happens."""
    server = Tmux(env)
    try:
        yield server
    finally:
        server.kill()
