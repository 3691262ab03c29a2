"""The guarded opener: a regular file of sane size is read; anything else is one line."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.errors import ConfigError, ReaderError
from reader.files import open_guarded, read_bytes_guarded, read_text_guarded


def _error(call: Callable[[], object]) -> str:
    """Run ``call`` in a thread so that a blocking open fails the test instead of hanging."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(call())
        except ReaderError as error:
            outcome.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(10)
    assert not thread.is_alive(), "the read blocked"
    assert outcome and isinstance(outcome[0], ReaderError), outcome
    message = outcome[0].message
    assert "\n" not in message
    return message


def test_a_regular_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfhello")
    assert read_bytes_guarded(path, limit=100) == b"\xef\xbb\xbfhello"
    assert read_text_guarded(path, limit=100) == "hello"


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert _error(lambda: read_bytes_guarded(tmp_path / "x", limit=9)).startswith("no such file")
    message = _error(lambda: read_bytes_guarded(tmp_path, limit=9, what="a label file"))
    assert message.endswith("is a folder, not a label file")


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # nobody writes to it: opening it for reading would block for ever
    assert _error(lambda: read_bytes_guarded(fifo, limit=9)).endswith("is not a regular file")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_devices_and_links_to_them_are_refused(tmp_path: Path, device: str) -> None:
    assert _error(lambda: read_bytes_guarded(device, limit=9)).endswith("not a regular file")
    link = tmp_path / "labels.toml"
    link.symlink_to(device)
    assert _error(lambda: read_bytes_guarded(link, limit=9)).endswith("not a regular file")


def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        assert _error(lambda: read_bytes_guarded(path, limit=9)).endswith("not a regular file")


def test_links_are_refused_where_asked_and_loops_are_one_line(tmp_path: Path) -> None:
    target = tmp_path / "target"
    target.write_text("x")
    link = tmp_path / "link"
    link.symlink_to(target)
    assert read_bytes_guarded(link, limit=9) == b"x"
    message = _error(lambda: read_bytes_guarded(link, limit=9, follow_symlinks=False))
    assert message.endswith("is a symbolic link, which reader does not follow here")
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    message = _error(lambda: read_bytes_guarded(loop, limit=9))
    assert message.endswith("too many levels of symbolic links")


def test_size_is_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big"
    with path.open("wb") as handle:
        handle.truncate(3_000_000)
    message = _error(lambda: read_bytes_guarded(path, limit=1_000_000, noun="label files"))
    assert message.endswith("is 3.0 MB; reader opens label files of up to 1 MB")


def test_a_file_that_grows_while_read_is_stopped_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "growing"
    path.write_bytes(b"x" * 10)
    with open_guarded(path) as handle:
        handle.check_size(1000)  # small when opened...
        path.write_bytes(b"x" * 5000)  # ...then it grows
        with pytest.raises(ReaderError, match="is more than 0.0 MB; reader opens"):
            handle.read_rest(1000)


def test_proc_files_that_report_no_size_are_read_to_the_limit() -> None:
    status = Path("/proc/self/status")
    if not status.exists():
        pytest.skip("no /proc on this system")
    assert os.stat(status).st_size == 0
    assert b"Name:" in read_bytes_guarded(status, limit=1_000_000)
    assert "more than" in _error(lambda: read_bytes_guarded(status, limit=10))


def test_not_utf8_and_error_class(tmp_path: Path) -> None:
    path = tmp_path / "labels.toml"
    path.write_bytes(b"\xff\xfe[")
    with pytest.raises(ConfigError, match="labels.toml: not UTF-8 text"):
        read_text_guarded(path, limit=100, error=ConfigError)


def test_a_hostile_name_is_shown_inert(tmp_path: Path) -> None:
    message = _error(lambda: read_bytes_guarded(tmp_path / "a\x1b]0;x\x07\nb", limit=9))
    assert "\x1b" not in message and "\x07" not in message
