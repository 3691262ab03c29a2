"""Text that an output cannot encode never ends a command (issue 10), as real processes.

Two ways in: a file name that is not UTF-8 (Python holds its bad bytes as lone
surrogates), and a standard output whose encoding is not UTF-8 (``PYTHONIOENCODING``, an
ASCII terminal, ``LC_ALL=C``) with a title that it cannot hold. The CLI sets its streams
up once to escape what they cannot encode, and outputs that must be UTF-8 (a spaCy
``DocBin``, brat's files) show a bad byte as ``\\xNN``.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from reader.analysis import split_article
from reader.formats.tokens import blank_english
from reader.loaders import load_article
from reader.store import Store

from .terminal import app_env, reader_command

pytestmark = pytest.mark.skipif(
    os.name != "posix", reason="file names are bytes only on POSIX systems"
)

RAW_NAME = b"caf\xe9 \xe2\x80\x94 report.txt"  # Latin-1 é: not UTF-8
TITLE = "Caf\u00e9 \u2014 the minister\u2019s \u201cplan\u201d"


@pytest.fixture
def store_with_bad_name(tmp_path: Path) -> tuple[Path, Path]:
    """A store whose one article lives in a file whose name is not UTF-8."""
    path = tmp_path / os.fsdecode(RAW_NAME)
    path.write_text(
        f"{TITLE}\n\nThe minister said the talks would go on. Others disagreed.\n",
        encoding="utf-8",
    )
    article = load_article(path)
    root = tmp_path / "store"
    store = Store(root)
    sentences = split_article(article)
    store.register_article(
        article.id,
        path=str(path),
        title=article.title,
        date=None,
        byline=None,
        sentences=len(sentences),
    )
    s = sentences[1]
    where = {"start": s.start, "end": s.end, "annotator": "ana"}
    store.tag(article.id, sentence=1, text=s.text, label="claim", **where)
    store.set_note(article.id, note="a lone \ud800 surrogate", **where)
    return path, root


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(reader_command(*args), capture_output=True, env=app_env(env), timeout=120)


def no_traceback(done: subprocess.CompletedProcess[bytes]) -> None:
    assert b"Traceback" not in done.stderr, done.stderr.decode("utf-8", "replace")
    assert b"Error" not in done.stderr.replace(b"reader:", b""), done.stderr


def test_spacy_and_brat_exports_of_a_file_name_that_is_not_utf8(
    store_with_bad_name: tuple[Path, Path], tmp_path: Path
) -> None:
    from spacy.tokens import DocBin

    _, root = store_with_bad_name
    out = tmp_path / "out.spacy"
    done = run("export", "--db", str(root), "--format", "spacy", "-o", str(out))
    no_traceback(done)
    assert done.returncode == 0
    (doc,) = DocBin().from_disk(out).get_docs(blank_english().vocab)
    meta = doc.user_data["reader"]
    assert meta["path"].endswith("caf\\xe9 \u2014 report.txt")  # the bad byte, shown
    assert meta["annotations"][0]["note"] == "a lone \ufffd surrogate"

    done = run("export", "--db", str(root), "--format", "brat", "-o", str(tmp_path / "brat"))
    no_traceback(done)
    assert done.returncode == 0
    (ann,) = (tmp_path / "brat").glob("*.ann")
    assert "a lone \ufffd surrogate" in ann.read_text(encoding="utf-8")


def test_json_exports_keep_the_exact_name(store_with_bad_name: tuple[Path, Path]) -> None:
    path, root = store_with_bad_name
    done = run("export", "--db", str(root))
    no_traceback(done)
    (row,) = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert row["path"] == str(path)  # decodes to the surrogate-escaped name itself
    assert os.fsencode(row["path"]).endswith(RAW_NAME)


@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONIOENCODING": "latin-1"},
        {"PYTHONIOENCODING": "ascii"},
        {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"},
    ],
    ids=["latin-1", "ascii", "C-locale"],
)
@pytest.mark.parametrize(
    "command",
    [
        ("stats", "--no-entities"),
        ("stats", "--no-entities", "--json"),
        ("analyse", "--processes", "1"),
        ("analyse", "--processes", "1", "--json"),
        ("orphans",),
        ("export", "--format", "md"),
    ],
    ids=lambda c: "-".join(c),
)
def test_an_output_that_is_not_utf8_never_ends_a_command(
    store_with_bad_name: tuple[Path, Path], env: dict[str, str], command: tuple[str, ...]
) -> None:
    path, root = store_with_bad_name
    name, *rest = command
    args = [name, str(path), *rest] if name == "analyse" else [name, "--db", str(root), *rest]
    done = run(*args, env=env)
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    if "--json" in rest:
        data = json.loads(out.decode("ascii"))  # escaped: valid JSON in any encoding
        assert TITLE in json.dumps(data, ensure_ascii=False)
    elif name in ("stats", "analyse"):
        assert b"Caf" in out
