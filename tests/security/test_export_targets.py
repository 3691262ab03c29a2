"""``reader export -o OUT`` on every kind of target (issue 10).

``-o`` used to replace whatever it named: a symbolic link (not written through), the
terminal's ``/dev/stdout`` (made a regular file when run as root), a file inside the store
(after which every command found the store damaged). Now: never into the store (both paths
resolved), links written through, FIFOs and character devices written as streams (never
replaced), ``-`` and ``/dev/stdout`` are standard output, a regular file is replaced
atomically, anything else is one line.
"""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
from pathlib import Path

import pytest

from reader.analysis import split_article
from reader.cli import main
from reader.loaders import load_article
from reader.store import Store

from .terminal import app_env, reader_command

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "articles" / "iran-iraq-military-ties.txt"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A store with two tags on the sample article."""
    root = tmp_path / "store"
    store = Store(root)
    article = load_article(SAMPLE)
    sentences = split_article(article)
    store.register_article(
        article.id, path=str(SAMPLE), title=article.title, date=None, byline=None, sentences=15
    )
    for s in sentences[3:5]:
        store.tag(
            article.id,
            sentence=s.index,
            start=s.start,
            end=s.end,
            text=s.text,
            label="claim",
            annotator="ana",
        )
    return root


def export(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["export", "--db", str(root), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_never_into_the_store(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(root)
    (store_file,) = (root / "articles").glob("*.json")
    link = tmp_path / "innocent.jsonl"
    link.symlink_to(store_file)
    folder_link = tmp_path / "exports"
    folder_link.symlink_to(root / "articles")
    for args in (
        ["-o", str(store_file)],
        ["-o", str(root / "new.jsonl")],
        ["-o", str(link)],
        ["-o", str(folder_link / "x.jsonl")],
        ["--format", "brat", "-o", str(root)],
        ["--format", "brat", "-o", str(root / "brat")],
        ["--format", "spacy", "-o", str(link)],
    ):
        code, out, err = export(root, capsys, *args)
        assert code == 2, (args, err)
        assert err.count("\n") == 1 and "is inside the annotation store" in err, err
        assert out == ""
    assert snapshot(root) == before
    assert main(["stats", "--db", str(root), "--no-entities", "--json"]) == 0


def test_a_symbolic_link_is_written_through(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "monday.jsonl"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "latest.jsonl"
    link.symlink_to(real)
    dangling = tmp_path / "next.jsonl"
    dangling.symlink_to(tmp_path / "tuesday.jsonl")

    assert export(root, capsys, "-o", str(link))[0] == 0
    assert export(root, capsys, "-o", str(dangling))[0] == 0

    assert link.is_symlink() and dangling.is_symlink()
    assert len(real.read_text(encoding="utf-8").splitlines()) == 2
    assert (tmp_path / "tuesday.jsonl").read_text(encoding="utf-8") == real.read_text(
        encoding="utf-8"
    )


def test_a_regular_file_is_replaced_atomically(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    inode = out.stat().st_ino
    assert export(root, capsys, "-o", str(out))[0] == 0
    assert out.stat().st_ino != inode  # a new file renamed over the old one
    assert [json.loads(line)["sentence"] for line in out.read_text().splitlines()] == [3, 4]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_written_as_a_stream(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    # A reader in place first (opening the read end without a writer does not block); two
    # lines fit in the pipe's buffer, so the export never waits for it.
    read_end = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        code, _, err = export(root, capsys, "-o", str(fifo))
        received = os.read(read_end, 1 << 16)
    finally:
        os.close(read_end)
    assert code == 0, err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # still a FIFO, never replaced
    assert len(received.decode("utf-8").splitlines()) == 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_that_nobody_reads_is_one_line_not_a_hang(root: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    done = subprocess.run(
        reader_command("export", "--db", str(root), "-o", str(fifo)),
        capture_output=True,
        text=True,
        env=app_env(),
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr == f"reader: {fifo} is a FIFO that no process is reading\n"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_character_device_is_written_as_a_stream(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = os.stat("/dev/null")
    code, _, err = export(root, capsys, "-o", "/dev/null")
    assert code == 0, err
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


@pytest.mark.parametrize("name", ["-", "/dev/stdout"])
def test_dash_and_dev_stdout_are_standard_output(root: Path, name: str) -> None:
    for fmt in ("jsonl", "csv"):
        done = subprocess.run(
            reader_command("export", "--db", str(root), "--format", fmt, "-o", name),
            capture_output=True,
            text=True,
            env=app_env(),
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
        assert "Iraq" in done.stdout
    done = subprocess.run(
        reader_command("export", "--db", str(root), "--format", "spacy", "-o", name),
        capture_output=True,
        text=True,
        env=app_env(),
        timeout=120,
    )
    assert done.returncode == 2 and "give its path with -o OUT" in done.stderr


def test_other_targets_are_one_line(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sock_path = tmp_path / "sock"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
        code, _, err = export(root, capsys, "-o", str(sock_path))
    assert code == 2 and "is not a regular file, a FIFO or a terminal" in err
    code, _, err = export(root, capsys, "-o", str(tmp_path))
    assert code == 2 and "is a folder: give the name of a file" in err
    (tmp_path / "file").write_text("x", encoding="utf-8")
    code, _, err = export(root, capsys, "--format", "brat", "-o", str(tmp_path / "file"))
    assert code == 2 and "is not a folder" in err
    assert (tmp_path / "file").read_text(encoding="utf-8") == "x"
