"""The command line on hostile content, as real processes: in a terminal (a pseudo-terminal,
so Rich draws for a terminal) nothing active gets out, and through a pipe JSON output is
inert yet decodes to exactly the original strings.

The hostile content sits everywhere a command prints from: the article file's name and
text, the title, the annotator's name (a shared store may hold any), notes and
attributions. tests/test_cli_analyse.py and tests/test_export_jsonl.py check the same
commands in-process; these check the bytes a terminal would receive.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from reader.analysis import split_article
from reader.article import Article
from reader.formats import formats
from reader.loaders import load_article
from reader.store import Store

from .hostile import BIDI, MARKUP, contains_forbidden, hostile_article
from .terminal import app_env, pty_app, reader_command

pytestmark = pytest.mark.slow

NAME = "report\x1b]0;PWNED-NAME\x07\u202e.txt"
WHO = "ana\x1b]0;PWNED-WHO\x07"
NOTE = "note \x1b]52;c;cm0gLXJmIH4=\x07 \x9d0;PWNED\x9c " + BIDI + " " + MARKUP + " \u2028 end"
ATTRIBUTION = "[link=file:///etc/passwd]Mr X[/] \x1bP+q544e\x1b\\ \u200b"


def _only_sgr_and_text(raw: bytes) -> list[str]:
    """Every escape sequence in ``raw`` that is not a colour (SGR) or a cursor show/hide."""
    import re

    sequences = re.findall(rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|.)", raw)
    allowed = re.compile(rb"\x1b\[[0-9;]*m|\x1b\[\?25[hl]")
    return [repr(s) for s in sequences if not allowed.fullmatch(s)]


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, Path, Article]:
    """A hostile article file and a store where it is tagged with hostile notes."""
    path = tmp_path / NAME
    path.write_text(hostile_article(long_line=400), encoding="utf-8")
    article = load_article(path)
    root = tmp_path / "store"
    store = Store(root)
    sentences = split_article(article)
    store.register_article(
        article.id,
        path=str(path),
        title=article.title,
        date=None,
        byline=article.byline,
        sentences=len(sentences),
    )
    for sentence, label in zip(sentences[:3], ("claim", "quote", "context"), strict=True):
        store.tag(
            article.id,
            sentence=sentence.index,
            start=sentence.start,
            end=sentence.end,
            text=sentence.text,
            label=label,
            annotator=WHO,
        )
        store.set_note(article.id, start=sentence.start, end=sentence.end, annotator=WHO, note=NOTE)
        store.set_attribution(
            article.id,
            start=sentence.start,
            end=sentence.end,
            annotator=WHO,
            attribution=ATTRIBUTION,
        )
    return path, root, article


def _strings(value: object) -> set[str]:
    """Every string in a decoded JSON value, keys included."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set(value) | {s for v in value.values() for s in _strings(v)}
    if isinstance(value, list):
        return {s for v in value for s in _strings(v)}
    return set()


def _in_terminal(args: list[str], cwd: Path) -> bytes:
    with pty_app(reader_command(*args), app_env(), size=(120, 40), cwd=cwd) as app:
        status = app.wait_exit(timeout=90)
        raw = bytes(app.raw)
        assert status == 0, raw.decode("utf-8", "replace")
        assert "PWNED" not in app.screen.title
    return raw


def _piped(args: list[str], cwd: Path) -> bytes:
    result = subprocess.run(
        reader_command(*args), capture_output=True, env=app_env(), cwd=cwd, timeout=120
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    return result.stdout


def test_analyse_table_in_a_terminal(hostile: tuple[Path, Path, Article], tmp_path: Path) -> None:
    path, _, _ = hostile
    raw = _in_terminal(["analyse", path.name], tmp_path)
    assert contains_forbidden(raw) == []
    assert _only_sgr_and_text(raw) == []
    text = raw.decode("utf-8")
    assert "report\u241b]0;PWNED-NAME\u2407\ufffd.txt" in text
    assert "[bold]Markup[/bold]" in text  # literal


def test_analyse_json_round_trips_exactly(
    hostile: tuple[Path, Path, Article], tmp_path: Path
) -> None:
    path, _, article = hostile
    out = _piped(["analyse", "--json", path.name], tmp_path)
    assert b"\x1b" not in out and contains_forbidden(out) == []
    record = json.loads(out)
    assert record["path"] == NAME and record["text"] == article.text
    for sentence in record["sentences"]:
        assert article.text[sentence["start"] : sentence["end"]] == sentence["text"]


def test_stats_in_a_terminal_and_as_json(
    hostile: tuple[Path, Path, Article], tmp_path: Path
) -> None:
    _, root, article = hostile
    raw = _in_terminal(["stats", "--db", str(root)], tmp_path)
    assert contains_forbidden(raw) == []
    assert _only_sgr_and_text(raw) == []
    assert "ana\u241b]0;PWNED-WHO\u2407" in raw.decode("utf-8")
    out = _piped(["stats", "--db", str(root), "--json", "--no-entities"], tmp_path)
    assert b"\x1b" not in out and contains_forbidden(out) == []
    assert WHO in _strings(json.loads(out))  # the exact name, controls and all


@pytest.mark.parametrize("fmt", formats())
def test_every_export_format_is_inert_on_a_terminal(
    hostile: tuple[Path, Path, Article], tmp_path: Path, fmt: str
) -> None:
    _, root, article = hostile
    result = subprocess.run(
        reader_command("export", "--db", str(root), "--format", fmt),
        capture_output=True,
        env=app_env(),
        cwd=tmp_path,
        timeout=120,
    )
    if result.returncode != 0 and b"-o" in result.stderr:
        pytest.skip(f"{fmt} is written to a file, never to a terminal")
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    out = result.stdout
    assert out
    assert b"\x1b" not in out and contains_forbidden(out) == []
    assert b"\x07" not in out
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.splitlines()]
        assert {(r["annotator"], r["note"], r["attribution"], r["path"]) for r in rows} == {
            (WHO, NOTE, ATTRIBUTION, str(tmp_path / NAME))
        }
        for row in rows:
            assert article.text[row["start"] : row["end"]] == row["text"]


def test_errors_about_hostile_names_are_one_inert_line(tmp_path: Path) -> None:
    missing = "gone\x1b]0;PWNED\x07\x9b2J.txt"
    with pty_app(reader_command("analyse", missing), app_env(), cwd=tmp_path) as app:
        assert app.wait_exit() == 2
        raw = bytes(app.raw)
    assert contains_forbidden(raw) == [] and b"\x1b" not in raw
    line = raw.decode("utf-8").strip()
    assert line == "reader: no such file: gone\u241b]0;PWNED\u2407\ufffd2J.txt"
