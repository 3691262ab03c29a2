"""``reader import-annotations`` attacked (issue 10): impossible records, blank notes, files
that never end, malformed doccano spans.

The promise: every record that gets into the store is exactly one sentence of its article,
checked against the article's text (from its file, or from a text the import file carries
whose hash is the article's id); a record that cannot be checked is refused, never trusted;
each refusal is one line with its line number and the import exits 1; an import never
removes a note or a speaker; a FIFO, a device or a huge file is one line, never a hang.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from reader.analysis import Sentence, split_article
from reader.article import Article
from reader.cli import main
from reader.formats import importing
from reader.loaders import load_article
from reader.store import Store

from .terminal import app_env, reader_command

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "articles" / "iran-iraq-military-ties.txt"


class Seeded:
    """A store where the sample article is registered and its sentence 3 tagged with a
    note and a speaker."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.store = Store(root)
        self.article: Article = load_article(SAMPLE)
        self.sentences: tuple[Sentence, ...] = split_article(self.article)
        self.store.register_article(
            self.article.id,
            path=str(SAMPLE),
            title=self.article.title,
            date=None,
            byline=None,
            sentences=len(self.sentences),
        )
        s = self.sentences[3]
        where = {"start": s.start, "end": s.end, "annotator": "ana"}
        self.store.tag(self.article.id, sentence=3, text=s.text, label="claim", **where)
        self.store.set_note(self.article.id, note="keep me", **where)
        self.store.set_attribution(self.article.id, attribution="Hayali", **where)

    def record(self, index: int, **changes: Any) -> dict[str, Any]:
        """A ``jsonl`` record of sentence ``index``, as ``reader export`` writes it."""
        s = self.sentences[index]
        return {
            "article_id": self.article.id,
            "path": str(SAMPLE),
            "title": self.article.title,
            "sentence": index,
            "start": s.start,
            "end": s.end,
            "text": s.text,
            "label": "claim",
            "annotator": "ana",
            "note": None,
            "attribution": None,
        } | changes


@pytest.fixture
def seeded(tmp_path: Path) -> Seeded:
    return Seeded(tmp_path / "store")


def write_lines(path: Path, records: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def import_cli(
    root: Path, path: Path, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, list[str]]:
    code = main(["import-annotations", str(path), "--db", str(root), *args])
    return code, capsys.readouterr().err.splitlines()


def stored(root: Path) -> list[tuple[int, int, int, str]]:
    return sorted((a.sentence, a.start, a.end, a.label) for a in Store(root).all_annotations())


# -- item 1: impossible records ----------------------------------------------------------


def test_records_that_are_not_a_sentence_of_the_article_are_refused_by_line(
    seeded: Seeded, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = seeded.article.text
    s5 = seeded.sentences[5]
    inner = (s5.start + 8, s5.start + 40)  # real text of the article, but half a sentence
    records = [
        seeded.record(4),  # good
        seeded.record(4, sentence=len(seeded.sentences) + 7),  # index past the end
        seeded.record(5, start=inner[0], end=inner[1], text=text[inner[0] : inner[1]]),
        seeded.record(6, end=10**15),  # offsets past the text
        seeded.record(6, sentence=7),  # another sentence's index
        seeded.record(7),  # good
    ]
    before = stored(seeded.root)

    code, err = import_cli(seeded.root, write_lines(tmp_path / "x.jsonl", records), capsys)

    assert code == 1
    problems = [line for line in err if line.endswith("; skipped")]
    assert [line.split(": ")[2] for line in problems] == ["line 2", "line 3", "line 4", "line 5"]
    assert "sentence 22 is past the end" in problems[0]
    assert "is not sentence 5" in problems[1]
    assert "is past the end of article" in problems[2]
    assert "is not sentence 7" in problems[3]
    assert err[-1].endswith("2 tagged, 0 already there, 0 notes and attributions set, 4 skipped")
    expected = [(i, seeded.sentences[i].start, seeded.sentences[i].end, "claim") for i in (4, 7)]
    assert stored(seeded.root) == sorted(before + expected)


def test_without_the_article_nothing_can_be_checked_so_nothing_is_trusted(
    seeded: Seeded, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The attack of issue 10: an article file that is missing, offsets up to 10**15; brat
    and doccano exports then held spans outside the text and spacy ended in a traceback."""
    fresh = tmp_path / "fresh"
    moved = seeded.record(6, path=str(tmp_path / "gone.txt"), end=10**15)
    code, err = import_cli(fresh, write_lines(tmp_path / "x.jsonl", [moved]), capsys)

    assert code == 1
    assert "line 1: article " in err[0] and "offsets cannot be checked; skipped" in err[0]
    assert stored(fresh) == []


def test_a_carried_text_must_be_the_articles_own(
    seeded: Seeded, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Prodigy article task whose text was made up to fit forged offsets vouches for
    nothing: only a text that hashes to the article's id is used to check them."""
    fresh = tmp_path / "fresh"
    fake = "x" * 100
    tasks = [
        {"text": fake, "meta": {"article_id": seeded.article.id}, "spans": [], "answer": "accept"},
        {
            "text": fake[10:90],
            "meta": {"article_id": seeded.article.id, "sentence": 0, "start": 10, "end": 90},
            "accept": ["claim"],
            "answer": "accept",
            "_annotator_id": "mallory",
        },
    ]
    code, err = import_cli(fresh, write_lines(tmp_path / "p.jsonl", tasks), capsys)
    assert code == 1
    assert "line 2" in err[0] and "offsets cannot be checked" in err[0]
    assert stored(fresh) == []


# -- item 2: a blank note or speaker is no note ------------------------------------------


@pytest.mark.parametrize("blank", ["", " ", "\n\t  ", "\u3000"])
@pytest.mark.parametrize("fmt", ["jsonl", "prodigy", "doccano"])
def test_a_blank_note_or_speaker_leaves_the_stored_one(
    seeded: Seeded, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, blank: str
) -> None:
    s = seeded.sentences[3]
    record = seeded.record(3, note=blank, attribution=blank)
    if fmt == "prodigy":
        meta = {k: record[k] for k in ("article_id", "sentence", "start", "end", "note")}
        record = {
            "text": s.text,
            "meta": meta | {"attribution": blank},
            "accept": ["claim"],
            "answer": "accept",
            "_annotator_id": "ana",
        }
    elif fmt == "doccano":
        record = {
            "text": seeded.article.text,
            "label": [[s.start, s.end, "claim"]],
            "article_id": seeded.article.id,
            "annotator": "ana",
            "notes": [[s.start, s.end, blank]],
            "attributions": [[s.start, s.end, blank]],
        }
    code, err = import_cli(seeded.root, write_lines(tmp_path / "x.jsonl", [record]), capsys)

    (kept,) = Store(seeded.root).annotations(seeded.article.id)
    assert (kept.note, kept.attribution) == ("keep me", "Hayali")
    assert err[-1].endswith("0 tagged, 1 already there, 0 notes and attributions set"), err
    assert code == 0


# -- item 5: files that never end --------------------------------------------------------


def _import_process(path: str, root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        reader_command("import-annotations", path, "--db", str(root)),
        capture_output=True,
        text=True,
        env=app_env(),
        timeout=60,  # a FIFO used to block forever, /dev/zero to read until MemoryError
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_without_being_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "export.jsonl"
    os.mkfifo(fifo)
    done = _import_process(str(fifo), tmp_path / "store")
    assert done.returncode == 2
    assert done.stderr == f"reader: {fifo} is not a regular file\n"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_without_being_read(tmp_path: Path, device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    link = tmp_path / "export.jsonl"
    link.symlink_to(device)
    for path in (device, str(link)):
        done = _import_process(path, tmp_path / "store")
        assert done.returncode == 2
        assert done.stderr == f"reader: {path} is not a regular file\n"


def test_a_file_over_the_limit_is_one_line(
    seeded: Seeded,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(importing, "MAX_IMPORT_BYTES", 1000)
    path = write_lines(tmp_path / "big.jsonl", [seeded.record(i) for i in range(10)])
    code, err = import_cli(seeded.root, path, capsys)
    assert code == 2
    assert len(err) == 1
    assert err[0].startswith(f"reader: {path} is 0.0 MB; reader opens export files of up to")


# -- item 6: malformed doccano spans are reported ----------------------------------------


def test_malformed_doccano_spans_are_each_reported_with_their_line(
    seeded: Seeded, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = seeded.article.text
    s = seeded.sentences[4]
    line = {
        "text": text,
        "label": [
            [s.start, s.end, "claim"],  # good
            [s.start, 10**15, "quote"],  # past the text
            ["0", "4", "claim"],  # not integers
            [5, 2, "claim"],  # backwards
            "claim",  # not a span
            {"start_offset": 0},  # no end, no label
        ],
        "notes": [[s.start, s.end, 7]],  # not a text
    }
    path = tmp_path / "d.jsonl"
    path.write_text("{oops\n" + json.dumps(line) + "\n", encoding="utf-8")
    code, err = import_cli(seeded.root, path, capsys)
    assert code == 1
    skipped = [e for e in err if e.endswith("; skipped")]
    assert len(skipped) == 1 + 6  # line 1 is not JSON; six problems on line 2
    assert all(": line 2: " in e for e in skipped[1:])
    assert "does not fit the text" in skipped[2]
    assert "needs two integer offsets and a label" in skipped[3]
    assert "notes entry [" in skipped[1]
    assert (4, s.start, s.end, "claim") in stored(seeded.root)
