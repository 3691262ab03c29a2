"""Open the files reader reads, refusing anything that is not a plain file of sane size.

Every file `reader` reads (articles, corpora, ``labels.toml``, import files) is named by a
user or sits in a shared folder, so it may be a FIFO that blocks forever, a link to
``/dev/zero`` that never ends, a ``/proc`` file that reports a size of 0, a file that grows
while it is read, or one that cannot be read at all. This module is the one place that
deals with all of them:

* the path is checked with ``stat`` (``lstat`` when links are refused) **before** it is
  opened, so a FIFO, a device or a socket is refused without being opened;
* it is then opened with ``O_NONBLOCK`` (a FIFO swapped in after the check cannot block)
  and checked again on the open descriptor, which is what is read;
* reading stops one byte past the limit, whatever the size ``stat`` reported;
* every failure is one :class:`~reader.errors.ReaderError` line (of the class the caller
  asks for): ``no such file: PATH``, ``PATH is a folder, not an article file``, ``PATH is
  not a regular file``, ``PATH is a symbolic link, ...``, ``cannot read PATH: permission
  denied``, ``PATH is 52.4 MB; reader opens text files of up to 10 MB``.

Example::

    data = read_bytes_guarded(path, limit=1_000_000, what="a label file", error=ConfigError)
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager

from reader.errors import ReaderError
from reader.safe_text import visible

_CHUNK = 1 << 16

_REASONS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ELOOP: "too many levels of symbolic links",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.ENAMETOOLONG: "the name is too long",
    errno.EIO: "input/output error",
}


def describe(error: OSError) -> str:
    """A short, lower-case reason for an :class:`OSError`, without the path."""
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    if error.strerror:
        return error.strerror[0].lower() + error.strerror[1:]
    return str(error) or type(error).__name__


class GuardedFile:
    """An open regular file, checked; read it only through these methods.

    Attributes:
        name: The path as shown in messages (made visible).
        size: The size ``fstat`` reported when the file was opened (0 for ``/proc`` files).
    """

    def __init__(self, name: str, size: int, fd: int, error: type[ReaderError]) -> None:
        self.name = name
        self.size = size
        self._fd = fd
        self._error = error
        self._read = 0

    def read(self, count: int) -> bytes:
        """Read up to ``count`` bytes (fewer only at the end of the file)."""
        pieces: list[bytes] = []
        wanted = count
        while wanted > 0:
            try:
                piece = os.read(self._fd, min(wanted, _CHUNK))
            except OSError as error:
                raise self._error(f"cannot read {self.name}: {describe(error)}") from None
            if not piece:
                break
            pieces.append(piece)
            wanted -= len(piece)
        data = b"".join(pieces)
        self._read += len(data)
        return data

    def read_line_at(self, offset: int, limit: int) -> bytes:
        """The bytes from ``offset`` to the end of their line (its ``\\n`` not included),
        at most ``limit`` of them: one line of a corpus without reading the rest."""
        try:
            os.lseek(self._fd, offset, os.SEEK_SET)
        except OSError as error:
            raise self._error(f"cannot read {self.name}: {describe(error)}") from None
        pieces: list[bytes] = []
        read = 0
        while read <= limit:
            piece = self.read(min(_CHUNK, limit + 1 - read))
            end = piece.find(b"\n")
            if end >= 0:
                pieces.append(piece[:end])
                break
            if not piece:
                break
            pieces.append(piece)
            read += len(piece)
        return b"".join(pieces)[:limit]

    def check_size(self, limit: int, noun: str = "files") -> None:
        """Refuse the file, before reading on, if its reported size is over ``limit``."""
        if self.size > limit:
            self._too_large(self.size, limit, noun)

    def read_rest(self, limit: int, noun: str = "files") -> bytes:
        """Read to the end of the file; refuse it if it holds more than ``limit`` bytes in all
        (counting what was read before), however big it said it was."""
        self.check_size(limit, noun)
        data = self.read(limit + 1 - self._read) if self._read <= limit else b""
        if self._read > limit:
            self._too_large(self._read, limit, noun, at_least=True)
        return data

    def _too_large(self, size: int, limit: int, noun: str, at_least: bool = False) -> None:
        # A file that grew while it was read, or a /proc file, has no true size to quote.
        shown = f"more than {limit / 1e6:.1f}" if at_least else f"{size / 1e6:.1f}"
        raise self._error(
            f"{self.name} is {shown} MB; reader opens {noun} of up to {limit / 1e6:.0f} MB"
        )


def _refuse_kind(info: os.stat_result, name: str, what: str, error: type[ReaderError]) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise error(f"{name} is a folder, not {what}")
    if stat.S_ISLNK(info.st_mode):
        raise error(f"{name} is a symbolic link, which reader does not follow here")
    if not stat.S_ISREG(info.st_mode):
        raise error(f"{name} is not a regular file")


@contextmanager
def open_guarded(
    path: str | os.PathLike[str],
    *,
    what: str = "a file",
    error: type[ReaderError] = ReaderError,
    follow_symlinks: bool = True,
    name: str | None = None,
) -> Iterator[GuardedFile]:
    """Open a regular file for reading, refusing everything else in one line.

    Args:
        path: The file.
        what: What the file should be, with its article, for ``PATH is a folder, not
            WHAT`` (``"an article file"``, ``"a label file"``).
        error: The :class:`ReaderError` subclass to raise (``ArticleError``, ...).
        follow_symlinks: ``False`` refuses a symbolic link in place of the file (the last
            component only; folders on the way may be links).
        name: How to show the path in messages; default ``visible(path)``.

    Raises:
        ReaderError: (of class ``error``) the file is missing, a folder, not a regular
            file (FIFO, device, socket), a refused link, or cannot be opened.
    """
    shown = name if name is not None else visible(os.fspath(path))
    try:
        info = os.stat(path, follow_symlinks=follow_symlinks)
    except FileNotFoundError:
        raise error(f"no such file: {shown}") from None
    except OSError as problem:
        raise error(f"cannot read {shown}: {describe(problem)}") from None
    except ValueError:  # a NUL in it, or (in an ASCII locale) a character it cannot encode
        raise error(f"cannot read {shown}: the file system cannot name it") from None
    _refuse_kind(info, shown, what, error)
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | (0 if follow_symlinks else os.O_NOFOLLOW)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise error(f"no such file: {shown}") from None
    except IsADirectoryError:
        raise error(f"{shown} is a folder, not {what}") from None
    except OSError as problem:
        if problem.errno == errno.ELOOP and not follow_symlinks:
            raise error(f"{shown} is a symbolic link, which reader does not follow here") from None
        raise error(f"cannot read {shown}: {describe(problem)}") from None
    try:
        # What is read is what was opened: the path may have been swapped since the check.
        opened = os.fstat(fd)
        _refuse_kind(opened, shown, what, error)
        yield GuardedFile(shown, opened.st_size, fd, error)
    finally:
        os.close(fd)


def read_bytes_guarded(
    path: str | os.PathLike[str],
    *,
    limit: int,
    what: str = "a file",
    error: type[ReaderError] = ReaderError,
    follow_symlinks: bool = True,
    name: str | None = None,
    noun: str = "files",
) -> bytes:
    """Read a whole regular file of at most ``limit`` bytes.

    The size is checked before reading and again while reading (a growing file, a
    ``/proc`` file that reports 0). ``noun`` names the files in the size message
    (``reader opens NOUN of up to 10 MB``); the other arguments are
    :func:`open_guarded`'s.

    Raises:
        ReaderError: (of class ``error``) as :func:`open_guarded`, or the file is larger
            than ``limit``.
    """
    with open_guarded(
        path, what=what, error=error, follow_symlinks=follow_symlinks, name=name
    ) as handle:
        return handle.read_rest(limit, noun)


def read_text_guarded(
    path: str | os.PathLike[str],
    *,
    limit: int,
    what: str = "a file",
    error: type[ReaderError] = ReaderError,
    follow_symlinks: bool = True,
    name: str | None = None,
    noun: str = "files",
) -> str:
    """Read a whole regular file as UTF-8 text (a BOM is dropped); see
    :func:`read_bytes_guarded`.

    Raises:
        ReaderError: (of class ``error``) as :func:`read_bytes_guarded`, or
            ``PATH: not UTF-8 text``.
    """
    shown = name if name is not None else visible(os.fspath(path))
    data = read_bytes_guarded(
        path,
        limit=limit,
        what=what,
        error=error,
        follow_symlinks=follow_symlinks,
        name=shown,
        noun=noun,
    )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise error(f"{shown}: not UTF-8 text") from None
