"""Durable file writes and inter-process locks, shared by the store and the settings.

A write is durable when :func:`atomic_write` returns: the bytes went to a temporary file in
the same folder, which was flushed, fsynced and renamed over the target with
:func:`os.replace`, and then the folder itself was fsynced so that the rename survives a
power cut. A ``kill -9`` at any instant therefore leaves either the old file or the new
one, never a truncated or empty one.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import io
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

#: How long :func:`file_lock` waits for another process before giving up.
LOCK_TIMEOUT = 10.0

_REASONS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EFBIG: "the file is too large for this file system",
    errno.ENOTDIR: "a path component is not a folder",
    errno.EISDIR: "a folder is in the way",
    # open(O_NOFOLLOW) on a symbolic link: the store refuses links in place of its files.
    errno.ELOOP: "it is a symbolic link, which reader does not follow inside a store",
}


def describe_os_error(error: OSError) -> str:
    """Return a short, lower-case reason for an :class:`OSError` (no path, no errno)."""
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    if error.strerror:
        return error.strerror[0].lower() + error.strerror[1:]
    return str(error) or type(error).__name__


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (a rename into it) to disk."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _create_temp(path: Path) -> tuple[int, Path]:
    """Create a new, uniquely named temporary file next to ``path``."""
    # O_EXCL with mode 0o666 gives the umask's permissions (mkstemp would make it private,
    # and changing the umask to find out its value is not thread-safe).
    for _ in range(100):
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(path))


@contextlib.contextmanager
def _replacing(path: Path, *, locked: bool = False, keep_mode: bool = True) -> Iterator[BinaryIO]:
    """Yield a temporary file that replaces ``path``, flushed and fsynced, if the block succeeds.

    The one implementation of the sequence behind :func:`atomic_write` and
    :func:`atomic_text_file`: a temporary file in the same folder, flushed and fsynced,
    renamed over ``path`` and the folder fsynced; removed again if anything fails.

    Args:
        path: The file to replace (its folder must exist).
        locked: As for :func:`atomic_write`.
        keep_mode: Give the new file the permissions of the one it replaces.
    """
    folder = path.parent
    mode: int | None = None
    if keep_mode:
        try:
            mode = os.stat(path).st_mode & 0o7777
        except FileNotFoundError:
            mode = None
    if locked:
        tmp = path.with_name(path.name + ".tmp")
        # One left by a killed save may belong to another user of a shared store and not
        # be writable by this one: remove it (that needs only the folder's permission).
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        # Created with the umask's permissions, like any other file the user makes.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    else:
        fd, tmp = _create_temp(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode is not None:
                # Keep the permissions someone gave the file (a group-shared store).
                os.fchmod(handle.fileno(), mode)
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(folder)


def atomic_write(path: Path, data: bytes, *, locked: bool = False) -> None:
    """Replace ``path`` with ``data`` durably and atomically.

    Args:
        path: The file to replace (its folder must exist).
        data: Its new content.
        locked: The caller holds an exclusive lock that every writer of ``path`` takes.
            The temporary file then has a fixed name, ``<name>.tmp``, so that one left
            behind by a killed process is simply reused by the next save instead of
            piling up.

    Raises:
        OSError: The file could not be written; ``path`` is unchanged.
    """
    with _replacing(path, locked=locked) as handle:
        handle.write(data)


@contextlib.contextmanager
def atomic_text_file(path: Path, encoding: str = "utf-8") -> Iterator[TextIO]:
    """Write a text file that appears, complete and synced, only if the block succeeds.

    Used for exports: an interrupted export never leaves half a file behind.
    """
    with _replacing(path, keep_mode=False) as binary:
        text = io.TextIOWrapper(binary, encoding=encoding, newline="\n")
        yield text
        text.flush()
        # Leave the binary file open: closing it is the replacement's job.
        text.detach()


@contextlib.contextmanager
def file_lock(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``path`` (created if missing) for the block.

    The kernel drops the lock when the process dies, even by ``kill -9``, so a crash never
    leaves a store locked.

    Raises:
        TimeoutError: Another process held the lock for longer than ``timeout`` seconds
            (default: :data:`LOCK_TIMEOUT`).
        OSError: The lock file could not be opened or created.
    """
    # Read-only is enough for flock, and lets another user of a shared store lock a
    # lock file that the first user created.
    # Not through a symbolic link: O_CREAT would create the link's target, wherever it
    # points (a planted link in a shared store could make files outside it).
    fd = os.open(path, os.O_RDONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o666)
    try:
        deadline = time.monotonic() + (LOCK_TIMEOUT if timeout is None else timeout)
        delay = 0.0005
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                # Poll rather than block so that a stuck holder becomes an error the
                # analyst sees, not a frozen app.
                if time.monotonic() >= deadline:
                    raise TimeoutError(f"{path} is locked by another process") from None
                time.sleep(delay)
                delay = min(delay * 2, 0.01)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
