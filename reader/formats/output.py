"""Where an export goes: what ``-o OUT`` names, decided once, before anything is written.

* A path inside the annotation store is refused (both paths resolved first): an export
  must never replace a store file, after which every command would find the store damaged.
* A symbolic link is written through: what is written is the file it points to, by the
  rules below, and the link stays (``latest.jsonl -> exports/monday.jsonl`` is updated).
* A regular file (or a new one) is replaced atomically: complete or not at all.
* A FIFO or a character device (``/dev/null``, a terminal, ``/dev/stdout``) is written to
  as a stream, never replaced. A FIFO that no process reads is one line, not a hang.
* Anything else (a socket, a block device, a folder for a file format, a file for a
  folder format) is one line.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from reader.atomic import atomic_text_file, atomic_write, describe_os_error
from reader.errors import ReaderError
from reader.safe_text import visible


@dataclass(frozen=True)
class Target:
    """An export's checked destination.

    Attributes:
        path: Where to write: the file or folder itself, symbolic links resolved (for a
            stream, the path as given, which the kernel resolves when it is opened).
        stream: A FIFO or character device, written to in place.
    """

    path: Path
    stream: bool = False


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_target(path: Path, store_root: Path, output: str) -> Target:
    """Decide how to write an export of kind ``output`` (``text``, ``file``, ``folder``)
    to ``path`` for the store at ``store_root``.

    Raises:
        ReaderError: the path is inside the store, or is something an export cannot be
            written to.
    """
    shown = visible(str(path))
    try:
        resolved = Path(os.path.realpath(path))
        store = Path(os.path.realpath(store_root))
    except (OSError, ValueError) as error:
        raise ReaderError(f"cannot write {shown}: {error}") from None
    if _inside(resolved, store):
        raise ReaderError(
            f"{shown} is inside the annotation store ({visible(str(store))}); "
            "write the export somewhere else"
        )
    try:
        info = os.stat(path)  # follows links, /dev/stdout's included
    except FileNotFoundError:
        return Target(resolved)  # a new file (or a link to one): created
    except (OSError, ValueError) as error:
        reason = describe_os_error(error) if isinstance(error, OSError) else str(error)
        raise ReaderError(f"cannot write {shown}: {reason}") from None
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        if output == "folder":
            return Target(resolved)
        raise ReaderError(f"{shown} is a folder: give the name of a file to write")
    if output == "folder":
        raise ReaderError(f"{shown} is not a folder (this format writes a folder of files)")
    if stat.S_ISREG(mode):
        return Target(resolved)
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        return Target(path, stream=True)
    raise ReaderError(f"{shown} is not a regular file, a FIFO or a terminal; not written")


def _open_stream(path: Path) -> int:
    """Open a FIFO or character device for writing, without blocking on a FIFO that no
    process reads, and check that it still is one."""
    shown = visible(str(path))
    flags = os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
    try:
        fd = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise ReaderError(f"{shown} is a FIFO that no process is reading") from None
        raise ReaderError(f"cannot write {shown}: {describe_os_error(error)}") from None
    mode = os.fstat(fd).st_mode
    if not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):  # swapped since it was checked
        os.close(fd)
        raise ReaderError(f"{shown} changed while it was opened; not written")
    # Blocking writes from here on: a slow reader slows the export, as with any pipe.
    fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
    return fd


@contextlib.contextmanager
def text_output(target: Target) -> Iterator[TextIO]:
    """A UTF-8 text stream to ``target``: a stream in place, or a file replaced atomically."""
    if not target.stream:
        with atomic_text_file(target.path) as handle:
            yield handle
        return
    with os.fdopen(_open_stream(target.path), "w", encoding="utf-8", newline="\n") as handle:
        yield handle


def write_file(path: Path, data: bytes) -> None:
    """Write a binary export to ``path``: in place to a FIFO or character device, else
    replacing the file atomically."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = 0
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        with os.fdopen(_open_stream(path), "wb") as handle:
            handle.write(data)
        return
    atomic_write(path, data)
