"""Files reader cannot or must not read: every one is one line, never a traceback or a hang.

Permissions are tested for real. As root, permission bits stop nobody, so the checks run in
a child process without the capabilities that bypass them (``capsh --drop=...``); where
that is not possible they are skipped with the reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.errors import ArticleError, ConfigError
from reader.labels import load_labels
from reader.loaders import find_article_files, load_articles

REPO = Path(__file__).resolve().parents[2]
_DROP = "cap_dac_override,cap_dac_read_search"


def _run_unprivileged(code: str) -> subprocess.CompletedProcess[str]:
    """Run Python ``code`` in a child that permission bits apply to."""
    command = [sys.executable, "-c", textwrap.dedent(code)]
    if os.geteuid() == 0:
        capsh = shutil.which("capsh")
        if capsh is None:
            pytest.skip("running as root without capsh: permission bits cannot be tested")
        command = [capsh, f"--drop={_DROP}", "--", "-c", " ".join(map(_quote, command))]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)


def _quote(word: str) -> str:
    return "'" + word.replace("'", "'\\''") + "'"


@pytest.fixture
def unreadable(tmp_path: Path) -> Path:
    """A folder holding a folder that lists but cannot be entered, and an unreadable file."""
    closed = tmp_path / "closed"
    closed.mkdir()
    (closed / "a.txt").write_text("Title\n\nA sentence of the body.\n")
    closed.chmod(0o444)  # read (list) but no search (enter) permission
    secret = tmp_path / "secret.txt"
    secret.write_text("Title\n\nA sentence of the body.\n")
    secret.chmod(0)
    store = tmp_path / "store"
    store.mkdir()
    (store / "labels.toml").write_text("[[label]]\nname='a'\nkey='a'\ncolour='red'\n")
    (store / "labels.toml").chmod(0)
    probe = _run_unprivileged(f"open({str(secret)!r}).read()")
    if probe.returncode == 0:
        pytest.skip("permission bits are not enforced here (no way to drop the override)")
    yield tmp_path
    closed.chmod(0o755)


def test_unreadable_files_and_folders_are_one_line(unreadable: Path) -> None:
    result = _run_unprivileged(
        f"""
        from pathlib import Path
        from reader.errors import ReaderError
        from reader.labels import load_labels
        from reader.loaders import expand_paths, find_article_files, load_articles
        root = Path({str(unreadable)!r})
        calls = [
            lambda: find_article_files(root / "closed"),
            lambda: load_articles(root / "closed" / "a.txt"),
            lambda: load_articles(root / "secret.txt"),
            lambda: load_labels(root / "store"),
            lambda: [load_articles(p) for p in expand_paths([str(root / "closed" / "a.txt")])],
        ]
        for call in calls:
            try:
                call()
                print("LOADED")
            except ReaderError as error:
                print(error.message)
        """
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    closed, root = unreadable / "closed", unreadable
    assert result.stdout.splitlines() == [
        f"cannot read folder {closed}: permission denied",
        f"cannot read {closed / 'a.txt'}: permission denied",
        f"cannot read {root / 'secret.txt'}: permission denied",
        f"cannot read {root / 'store' / 'labels.toml'}: permission denied",
        f"cannot read {closed / 'a.txt'}: permission denied",
    ]


def test_the_cli_says_it_in_one_line(unreadable: Path) -> None:
    result = _run_unprivileged(
        f"import sys; from reader.cli import main; "
        f"sys.argv = ['reader', 'analyse', {str(unreadable / 'closed')!r}]; sys.exit(main())"
    )
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == f"reader: cannot read folder {unreadable / 'closed'}: " + (
        "permission denied"
    )
    assert result.returncode == 2


def test_hostile_file_kinds_in_place_of_the_label_file(tmp_path: Path) -> None:
    labels = tmp_path / "labels.toml"
    os.mkfifo(labels)  # used to hang the app before it started
    with pytest.raises(ConfigError, match="is not a regular file"):
        load_labels(tmp_path)
    labels.unlink()
    labels.symlink_to("/dev/zero")  # used to end in MemoryError
    with pytest.raises(ConfigError, match="is a symbolic link"):
        load_labels(tmp_path)
    labels.unlink()
    labels.write_text("a = " + "[" * 100_000)  # used to end in RecursionError
    with pytest.raises(ConfigError, match="not valid TOML \\(nested too deeply\\)"):
        load_labels(tmp_path)
    labels.unlink()
    with labels.open("wb") as handle:
        handle.truncate(5 * 1024 * 1024)
    with pytest.raises(ConfigError, match="reader opens label files of up to 1 MB"):
        load_labels(tmp_path)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_and_links_to_them_are_not_articles(tmp_path: Path, device: str) -> None:
    with pytest.raises(ArticleError, match="is not a regular file"):
        load_articles(device)
    link = tmp_path / "article.txt"
    link.symlink_to(device)
    with pytest.raises(ArticleError, match="is not a regular file"):
        load_articles(link)
    assert find_article_files(tmp_path) == []  # a link to a device is not listed


def test_a_proc_file_is_read_only_to_the_limit() -> None:
    if not Path("/proc/self/status").exists():
        pytest.skip("no /proc on this system")
    # /proc files report a size of 0; the limit still holds while reading.
    assert load_articles("/proc/self/status")[0].format in ("plain", "wire")
