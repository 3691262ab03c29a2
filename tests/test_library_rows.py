"""The library's rows without the app: filtering and sorting over row numbers, and the
index that lets a warm reopen read one file instead of every article."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.loaders import load_articles
from reader.reading import corpus_process
from reader.reading.corpus_lines import streams
from reader.reading.library_index import LibraryIndex, index_path
from reader.reading.library_load import RowLoader, article_of
from reader.reading.library_rows import Entry, RowOrder


def entries(*titles: str) -> list[Entry]:
    return [
        Entry(f"/x/{n}.txt", title_text=t, number=n, sentences=n, body=frozenset({1}))
        for n, t in enumerate(titles)
    ]


def test_filtering_narrows_and_widens_in_the_sort_order() -> None:
    rows = entries("Pact signed", "Iran talks", "Iraq pact", "Weather")
    order = RowOrder(rows)
    order.resort()
    assert [rows[n].title for n in order.shown] == [
        "Iran talks",
        "Iraq pact",
        "Pact signed",
        "Weather",
    ]
    order.filter("pa")
    assert [rows[n].title for n in order.shown] == ["Iraq pact", "Pact signed"]
    order.filter("pac")  # narrower: only the rows shown are tested again
    assert [rows[n].title for n in order.shown] == ["Iraq pact", "Pact signed"]
    order.filter("pact ira")  # every word must match
    assert [rows[n].title for n in order.shown] == ["Iraq pact"]
    order.filter("")  # wider: from every row again
    assert len(order.shown) == 4
    order.sort_by("sentences", reverse=True)
    assert order.shown == [3, 2, 1, 0]
    order.filter("1.txt")  # the file name is searched too
    assert order.shown == [1]


def test_a_row_that_does_not_load_keeps_its_file_name() -> None:
    broken = Entry("/x/c-broken.txt#3", error="binary file", entities="")
    assert broken.title == "c-broken.txt" and not broken.loads
    assert broken.matches(["broken"])


def folder_of(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, title in (("a.txt", "Pact signed"), ("b.txt", "Talks end")):
        (folder / name).write_text(f"{title}\n\nMaria Lopez spoke. Tom agreed.\n", "utf-8")
    (folder / "c.txt").write_bytes(b"\x00\x01 binary \xff" * 20)
    return folder


def rows(folder: Path, index: LibraryIndex) -> tuple[RowLoader, list[Entry]]:
    loader = RowLoader(folder, index, lambda _: None)
    return loader, list(loader.entries())


def test_a_warm_reopen_reads_the_index_and_only_the_files_that_changed(tmp_path: Path) -> None:
    folder = folder_of(tmp_path)
    path = index_path(folder)
    index = LibraryIndex(path, "model.rules")
    index.load()
    loader, cold = rows(folder, index)
    assert loader.read == 3
    index.counted(cold[0].article_id, 2)
    index.save()
    again = LibraryIndex(path, "model.rules")
    again.load()
    loader, warm = rows(folder, again)
    assert loader.read == 0
    keep = ("title", "date", "source", "sentences", "body", "article_id", "error", "path")
    assert [[getattr(e, k) for k in keep] for e in warm] == [
        [getattr(e, k) for k in keep] for e in cold
    ]
    assert warm[0].entities == "2" and warm[1].entities == "…"
    assert warm[0].article is None and article_of(warm[0]) == load_articles(folder / "a.txt")[0]
    # A changed file is read again; a new analysis key drops the entity counts.
    (folder / "b.txt").write_text("Talks resume\n\nThey met again.\n", "utf-8")
    newer = LibraryIndex(path, "model.new-rules")
    newer.load()
    loader, changed = rows(folder, newer)
    assert loader.read == 1
    assert [e.title for e in changed] == ["Pact signed", "Talks resume", "c.txt"]
    assert changed[0].entities == "…"


def test_a_damaged_index_is_ignored(tmp_path: Path) -> None:
    folder = folder_of(tmp_path)
    path = index_path(folder)
    path.parent.mkdir(parents=True)
    header = {"version": 1, "reader": "0", "analysis": ""}
    for text in ("not json\n", json.dumps(header) + "\n{}\n", "\xff"):
        path.write_text(text, "utf-8")
        index = LibraryIndex(path, "")
        index.load()
        loader, found = rows(folder, index)
        assert loader.read == 3 and len(found) == 3


def test_a_corpus_file_given_loaded_takes_its_counts_from_the_index(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        '{"text": "Maria Lopez met Reuters. The deal was done.", "title": "One"}\n'
        '{"text": "Tom Becker spoke. Nothing changed.", "title": "Two"}\n',
        "utf-8",
    )
    articles = load_articles(corpus)
    index = LibraryIndex(index_path(corpus), "k")
    index.load()
    first = list(RowLoader(corpus, index, lambda _: None, articles).entries())
    index.save()
    again = LibraryIndex(index_path(corpus), "k")
    again.load()
    assert again.known(articles[1].id) is not None
    second = list(RowLoader(corpus, again, lambda _: None, articles).entries())
    assert [(e.title, e.sentences, e.body) for e in second] == [
        (e.title, e.sentences, e.body) for e in first
    ]
    assert all(e.article is not None for e in second)


def test_a_corpus_file_streams_its_rows_and_reports_bad_lines_by_number(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        '{"text": "Maria Lopez met Reuters. The deal was done.", "title": "One"}\n'
        "not json\n"
        '{"text": "Maria Lopez met Reuters. The deal was done.", "title": "One"}\n'
        '{"text": "Tom Becker spoke. Nothing changed.", "title": "Two"}\n',
        "utf-8",
    )
    index = LibraryIndex(index_path(corpus), "k")
    index.load()
    loader = RowLoader(corpus, index, lambda _: None)
    rows = loader.entries()
    first = next(rows)  # the first line's row, before the rest of the file is parsed
    assert first.title == "One" and first.path.endswith("corpus.jsonl#1")
    rest = list(rows)
    assert [e.title for e in rest] == ["Two"] and rest[0].number == 1
    assert [w.split(": ", 1)[1] for w in loader.warnings] == [
        "line 2: not valid JSON (at column 1: Expecting value); skipped",
        "line 3: same text as line 1; skipped",
    ]
    assert article_of(rest[0]).title == "Two"
    index.save()
    again = LibraryIndex(index_path(corpus), "k")
    again.load()
    warm = RowLoader(corpus, again, lambda _: None)
    entries = list(warm.entries())
    assert warm.read == 0 and [e.title for e in entries] == ["One", "Two"]
    assert len(warm.warnings) == 2  # the index keeps what was skipped
    # An entry from the index reads back its own line only.
    assert entries[1].article is None and article_of(entries[1]).id == rest[0].article_id


def test_a_corpus_without_an_article_is_one_row_that_says_why(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("not json\n[1]\n", "utf-8")
    index = LibraryIndex(index_path(corpus), "k")
    index.load()
    loader = RowLoader(corpus, index, lambda _: None)
    (entry,) = loader.entries()
    assert "none of its lines holds an article (2 bad lines)" in entry.error
    assert len(loader.warnings) == 2


def test_only_a_corpus_of_many_lines_is_left_to_the_library(tmp_path: Path) -> None:
    one, many, text = tmp_path / "one.jsonl", tmp_path / "many.jsonl", tmp_path / "a.txt"
    one.write_text('\n{"text": "Alone."}\n\n', "utf-8")
    many.write_text('{"text": "One."}\n{"text": "Two."}\n', "utf-8")
    text.write_text("One.\nTwo.\n", "utf-8")
    assert streams(many) and not streams(one) and not streams(text)


CORPUS_LINES = [
    '{"text": "Maria Lopez met Reuters in Zürich. The deal was done.", "title": "Café"}',
    "not json",
    '{"text": "Tom Becker spoke. Nothing changed.", "title": "Two", "source": "AFP"}',
    '{"text": "A third one – with a dash.", "date": "2024-03-07"}',
]


@pytest.mark.parametrize(
    ("encoding", "prefix", "newline"),
    [("utf-8", b"", "\n"), ("utf-8", b"\xef\xbb\xbf", "\r\n"), ("cp1252", b"", "\n")],
)
def test_a_corpus_row_keeps_no_article_and_opens_from_its_line(
    tmp_path: Path, encoding: str, prefix: bytes, newline: str
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    text = newline.join(CORPUS_LINES) + newline
    corpus.write_bytes(prefix + text.encode(encoding))
    index = LibraryIndex(index_path(corpus), "k")
    index.load()
    rows = list(RowLoader(corpus, index, lambda _: None).entries())
    # The rows keep what the list shows and where each line starts, not the article.
    assert all(e.article is None and e.offset is not None for e in rows)
    assert [article_of(e) for e in rows] == load_articles(corpus)


def test_a_utf16_corpus_opens_its_articles_from_the_whole_file(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes("\n".join(CORPUS_LINES).encode("utf-16"))
    index = LibraryIndex(index_path(corpus), "k")
    index.load()
    rows = list(RowLoader(corpus, index, lambda _: None).entries())
    assert all(e.offset is None for e in rows)  # a "\n" is two bytes: no offsets counted
    assert [article_of(e) for e in rows] == load_articles(corpus)


def test_a_line_read_alone_that_decodes_otherwise_is_found_in_the_whole_file(
    tmp_path: Path,
) -> None:
    # The file is not UTF-8 (its first line is Windows-1252), but its second line alone
    # is: read alone it would be "CafÃ©", another text; the article's id tells.
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(
        '{"text": "Un café noir. Deux."}\n'.encode("cp1252")
        + '{"text": "Un café crème. Trois."}\n'.encode()
    )
    index = LibraryIndex(index_path(corpus), "k")
    index.load()
    rows = list(RowLoader(corpus, index, lambda _: None).entries())
    assert [article_of(e) for e in rows] == load_articles(corpus)
    assert rows[1].article is not None and "Ã©" in rows[1].article.text


@pytest.mark.parametrize("cut", ["", '{"row": {"id": "x2", "pa'])
def test_a_corpus_reader_that_stops_early_says_so_after_its_rows(tmp_path: Path, cut: str) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(CORPUS_LINES) + "\n", "utf-8")
    known = {"id": "x1", "path": f"{corpus}#1", "title": "Café", "date": "", "source": ""}
    row = {"row": {**known, "sentences": 2, "body": [0, 1], "entities": None, "offset": 0}}
    # A reader process that sends one row and dies, as one killed by the system would,
    # between two lines or in the middle of one.
    script = f"print({json.dumps(json.dumps(row))}); print({cut!r}, end=''); raise SystemExit(9)"
    process = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        encoding="ascii",
    )
    rows = corpus_process._rows(process, str(corpus))
    assert next(rows).title == "Café"
    with pytest.raises(corpus_process.ReadStopped, match="reading stopped"):
        next(rows)


def test_a_large_corpus_is_kept_in_the_index_over_many_short_lines(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"text": f"Article {n} was read. It ends.", "title": f"T{n}"})
        for n in range(250)
    ]
    corpus.write_text("\n".join(lines) + "\n", "utf-8")
    index = LibraryIndex(index_path(corpus), "k")
    index.load()
    cold = list(RowLoader(corpus, index, lambda _: None).entries())
    index.save()
    # No line holds more than a hundred articles: each is one short step to write or read.
    stored = index.path.read_text("utf-8").splitlines()[1:]
    assert [len(json.loads(line)["articles"]) for line in stored] == [100, 100, 50]
    again = LibraryIndex(index_path(corpus), "k")
    again.load()
    warm = RowLoader(corpus, again, lambda _: None)
    rows = list(warm.entries())
    assert warm.read == 0
    assert [(e.path, e.article_id, e.offset, e.body) for e in rows] == [
        (e.path, e.article_id, e.offset, e.body) for e in cold
    ]


def _children() -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        found |= {int(pid) for pid in (task / "children").read_text().split()}
    return found


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="lists processes in /proc")
def test_a_library_closed_while_its_corpus_is_read_leaves_no_process(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"text": f"Article {n} was read. It ends."}) for n in range(3000)]
    corpus.write_text("\n".join(lines) + "\n", "utf-8")
    before = _children()
    index = LibraryIndex(index_path(corpus), "k")
    index.load()
    rows = RowLoader(corpus, index, lambda _: None).entries()
    assert next(rows).path.endswith("#1")
    assert _children() - before  # the child reading the corpus
    rows.close()
    assert _children() == before


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="Unix priorities")
def test_the_corpus_reader_runs_below_the_apps_priority(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"text": f"Article {n} was read in the child. It ends.", "title": f"T{n}"})
        for n in range(2000)
    ]
    corpus.write_text("\n".join(lines) + "\n", "utf-8")
    # Unread, its rows fill the pipe: the child waits, alive, to be asked its priority.
    process = subprocess.Popen(
        [sys.executable, "-m", "reader.reading.corpus_process", str(corpus)],
        stdout=subprocess.PIPE,
        encoding="ascii",
    )
    try:
        assert process.stdout is not None
        assert json.loads(process.stdout.readline())["row"]["title"] == "T0"
        ours = os.getpriority(os.PRIO_PROCESS, 0)
        assert os.getpriority(os.PRIO_PROCESS, process.pid) == min(ours + 10, 19)
        rows = 1 + sum(1 for line in process.stdout if "row" in json.loads(line))
        assert rows == 2000  # nothing lost for running slower
    finally:
        process.kill()
        process.wait()
