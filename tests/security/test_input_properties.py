"""Every loader and every importer, fed junk by hypothesis: random bytes, random Unicode
with lone surrogates, NUL bytes, huge single lines, deeply nested and truncated
JSON/JSONL/HTML. Each input either loads, with exact offsets and nothing terminal-active
in the text, or fails with the project's own error type and a one-line message. Nothing
else: no other exception, no traceback, no loss of what the store already held.

The loaders are taken from the registry (:data:`reader.loaders.LOADERS`) and the import
formats from :data:`reader.formats.importing.IMPORT_FORMATS`, so a format added later
is attacked too. tests/test_loaders.py, test_import_html.py and test_import_jsonl.py
hold each format's own, gentler property tests.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reader.analysis import split_article
from reader.article import BLOCK_SEPARATOR, Article, article_id
from reader.cli import main
from reader.errors import ReaderError
from reader.loaders import LOADERS, Loader, load_articles
from reader.loaders.notices import collect_warnings
from reader.store import Store

from .hostile import ESCAPES, FORBIDDEN_CHARACTERS, MARKUP, contains_forbidden

SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
_ACTIVE = frozenset(chr(c) for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)]) - {"\n"}
NEEDLE = "The minister said the deal was signed on Sunday."


# -- what every loaded article must be -------------------------------------------------


def check_article(article: Article) -> None:
    """Exact offsets, a stable id, and nothing that could act on a terminal."""
    assert article.id == article_id(article.text)
    pieces = [article.block_text(block) for block in article.blocks]
    assert BLOCK_SEPARATOR.join(pieces) == article.text
    previous = -len(BLOCK_SEPARATOR)
    for block, body in zip(article.blocks, pieces, strict=True):
        assert block.start == previous + len(BLOCK_SEPARATOR)
        assert body and body == body.strip() and "\n" not in body
        previous = block.end
    assert not set(article.text) & _ACTIVE
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in article.text)  # storable as UTF-8
    for field in (article.title, article.byline, article.date, article.caption):
        assert field is None or not set(field) & _ACTIVE
    for sentence in split_article(article):
        assert article.text[sentence.start : sentence.end] == sentence.text
        block = article.blocks[sentence.block_index]
        assert block.start <= sentence.start < sentence.end <= block.end


def load_or_refuse(path: Path) -> list[Article]:
    """Load ``path``; a refusal must be an ArticleError of one line. Returns the articles."""
    with collect_warnings() as warnings:
        try:
            articles = load_articles(path)
        except ReaderError as error:
            message = str(error)
            assert message and "\n" not in message and message == message.strip()
            assert not set(message) & (_ACTIVE | FORBIDDEN_CHARACTERS)
            return []
    for warning in warnings:
        shown = str(warning)
        assert "\n" not in shown and not set(shown) & (_ACTIVE | FORBIDDEN_CHARACTERS)
    assert articles
    for article in articles:
        check_article(article)
    return articles


@contextlib.contextmanager
def scratch() -> Iterator[Path]:
    """A fresh folder per example (hypothesis runs many examples in one test)."""
    with tempfile.TemporaryDirectory(prefix="reader-sec-") as folder:
        yield Path(folder)


def _suffix(loader: Loader) -> str:
    return loader.suffixes[0] if loader.suffixes else ".txt"


LOADER_IDS = [loader.name for loader in LOADERS]


# -- strategies ------------------------------------------------------------------------

_any_unicode = st.text(
    alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF), max_size=400
)
_hostile_piece = st.sampled_from(
    [
        *ESCAPES.values(),
        MARKUP,
        "\u202e",
        "\u200b",
        "\ufeff",
        "\x00",
        "\ud800",
        "\udfff",
        "\r",
        "\n",
        "\n\n",
        "\u2028",
        "\x85",
        "\t",
        "<p>",
        "</p>",
        "<script>",
        "<h1>",
        "<!--",
        "]]>",
        '{"text": "',
        '"}',
        "\\",
        '"',
        "[",
        "{",
        "\\ud800",
        "\\u0000",
        "\\u001b]0;x\\u0007",
    ]
)
_words = st.text(alphabet="abc XYZ.,é東", max_size=20)
_hostile_text = st.lists(st.one_of(_hostile_piece, _words), max_size=40).map("".join)


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _wrap(loader: str, body: str) -> str:
    """Put ``body`` where each format keeps its article text."""
    if loader == "jsonl":
        return json.dumps({"title": body[:40], "text": body}, ensure_ascii=False)
    if loader == "html":
        head = f"<head><title>{body[:40]}</title></head>"
        return f"<!DOCTYPE html><html>{head}<body><p>{body}</p></body></html>"
    return body


@st.composite
def huge_line(draw: st.DrawFn, loader: str) -> bytes:
    """One line of up to 200,000 characters (30,000 for HTML, which trafilatura parses)."""
    unit = draw(st.sampled_from(["a", "é", "東", "😀", "word ", "\x1b[0m", "[b]", "\u202e", ". "]))
    limit = 30_000 if loader == "html" else 200_000
    count = draw(st.integers(1_000, limit)) // len(unit)
    return _encode(_wrap(loader, unit * count))


@st.composite
def deep_nesting(draw: st.DrawFn, loader: str) -> bytes:
    """JSON or HTML nested tens of thousands deep, closed or not."""
    depth = draw(st.integers(100, 50_000 if loader != "html" else 5_000))
    closed = draw(st.booleans())
    if loader == "html":
        body = "<div>" * depth + NEEDLE + ("</div>" * depth if closed else "")
        return _encode(f"<!DOCTYPE html><html><body>{body}</body></html>")
    opener, closer = draw(st.sampled_from([("[", "]"), ('{"a":', "}")]))
    nested = opener * depth + ("1" + closer * depth if closed else "")
    line = '{"text": "x", "extra": ' + nested + "}" if closed else nested
    return _encode(line + "\n" + json.dumps({"text": NEEDLE}))


@st.composite
def truncated(draw: st.DrawFn, loader: str) -> bytes:
    """A well-formed file of the format, cut anywhere."""
    body = draw(_hostile_text) + " " + NEEDLE
    data = _encode(_wrap(loader, body) + "\n" + _wrap(loader, NEEDLE + " Second."))
    cut = draw(st.integers(0, len(data)))
    return data[:cut]


def _junk(loader: str) -> st.SearchStrategy[bytes]:
    return st.one_of(
        st.binary(max_size=2000),
        _any_unicode.map(_encode),
        _hostile_text.map(lambda text: _encode(_wrap(loader, text))),
        st.lists(
            st.sampled_from([b"\x00", b"a", b"\n", b"\xff", b"\xfe", b"<p>"]), max_size=300
        ).map(b"".join),
        huge_line(loader),
        deep_nesting(loader),
        truncated(loader),
    )


# -- the loaders -----------------------------------------------------------------------


@pytest.mark.parametrize("loader", LOADERS, ids=LOADER_IDS)
def test_any_input_loads_exactly_or_fails_with_one_line(loader: Loader) -> None:
    @SETTINGS
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        content = data.draw(_junk(loader.name))
        with scratch() as folder:
            path = folder / f"input{_suffix(loader)}"
            path.write_bytes(content)
            load_or_refuse(path)

    run()


@pytest.mark.parametrize("loader", LOADERS, ids=LOADER_IDS)
def test_a_sentence_among_junk_keeps_its_exact_offsets(loader: Loader) -> None:
    # Junk around it may be dropped or shown, but the analyst's sentence is found, whole,
    # at offsets that point at it.
    @SETTINGS
    @given(before=_hostile_text, after=_hostile_text)
    def run(before: str, after: str) -> None:
        assume("\x00" not in before + after)  # a NUL makes a file binary: refused
        if loader.name == "jsonl":
            content = "\n".join(
                [before, json.dumps({"text": f"{before}\n\n{NEEDLE}\n\n{after}"}), after]
            )
        elif loader.name == "html":
            body = f"<p>{before}</p><p>{NEEDLE}</p><p>{after}</p>"
            content = f"<!DOCTYPE html><html><body><article>{body}</article></body></html>"
        else:
            content = f"Title\n\n{before}\n\n{NEEDLE}\n\n{after}\n"
        with scratch() as folder:
            path = folder / f"input{_suffix(loader)}"
            path.write_bytes(_encode(content))
            articles = load_or_refuse(path)
        if not articles:
            return  # refused with one line (many controls look like a binary file)
        found = [
            (article, sentence)
            for article in articles
            for sentence in split_article(article)
            if sentence.text == NEEDLE
        ]
        if loader.name == "html" and not found:
            return  # trafilatura may judge a page of junk not to be an article
        assert found, [a.text for a in articles]
        for article, sentence in found:
            assert article.text[sentence.start : sentence.end] == NEEDLE

    run()


# -- the importers ---------------------------------------------------------------------


def _importer_formats() -> list[str]:
    try:
        from reader.formats.importing import IMPORT_FORMATS
    except ImportError:  # pragma: no cover - before the importer exists
        return []
    return list(IMPORT_FORMATS)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory, sample_article: Path) -> dict[str, object]:
    """A store where the sample article has three tags, and export records of it."""
    from reader.loaders import load_article

    root = tmp_path_factory.mktemp("seeded") / "store"
    store = Store(root)
    article = load_article(sample_article)
    sentences = split_article(article)
    store.register_article(
        article.id,
        path=str(sample_article),
        title=article.title,
        date=article.date,
        byline=article.byline,
        sentences=len(sentences),
    )
    for sentence, label in zip(sentences[2:5], ("claim", "quote", "context"), strict=True):
        store.tag(
            article.id,
            sentence=sentence.index,
            start=sentence.start,
            end=sentence.end,
            text=sentence.text,
            label=label,
            annotator="seed",
        )
    # The JSON Lines export's rows (README: reader export), built here so that this test
    # does not depend on the exporter it is not about.
    rows = [
        {
            "article_id": a.article_id,
            "path": str(sample_article),
            "title": article.title,
            "sentence": a.sentence,
            "start": a.start,
            "end": a.end,
            "text": a.text,
            "label": a.label,
            "annotator": a.annotator,
            "note": a.note,
            "attribution": a.attribution,
            "created": a.created,
            "updated": a.updated,
        }
        for a in store.annotations(article.id)
    ]
    return {"root": root, "rows": rows, "article": article, "sentences": sentences}


@pytest.fixture(scope="module")
def sample_article() -> Path:
    return Path(__file__).resolve().parents[2] / "articles" / "iran-iraq-military-ties.txt"


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 10**6) | st.floats() | _hostile_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_hostile_text, inner, max_size=3),
    max_leaves=8,
)


@st.composite
def import_file(draw: st.DrawFn, rows: list[dict[str, object]], article_text: str) -> bytes:
    """An export file gone wrong: good records mutated, junk lines, truncation, nesting."""
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["row", "mutated", "prodigy", "doccano", "junk", "deep"]))
        row = dict(draw(st.sampled_from(rows)))
        if kind == "row":
            lines.append(json.dumps(row))
        elif kind == "mutated":
            field = draw(st.sampled_from(sorted(row) + ["extra"]))
            if draw(st.booleans()):
                row.pop(field, None)
            else:
                row[field] = draw(_json_values)
            lines.append(json.dumps(row, ensure_ascii=draw(st.booleans())))
        elif kind == "prodigy":
            task = {
                "text": row["text"],
                "answer": draw(st.sampled_from(["accept", "reject", "ignore", 3])),
                "accept": draw(st.one_of(st.just([row["label"]]), _json_values)),
                "options": [{"id": "claim", "text": "claim"}],
                "meta": draw(st.one_of(st.just(row), _json_values)),
                "_annotator_id": draw(st.one_of(st.just("ana"), _json_values)),
            }
            lines.append(json.dumps(task))
        elif kind == "doccano":
            start, end = (
                draw(st.integers(-3, len(article_text) + 3)),
                draw(st.integers(-3, len(article_text) + 3)),
            )
            record = {
                "text": draw(st.sampled_from([article_text, article_text[:50], ""])),
                "label": draw(st.one_of(st.just([[start, end, "claim"]]), _json_values)),
            }
            lines.append(json.dumps(record))
        elif kind == "junk":
            lines.append(draw(_hostile_text))
        else:
            depth = draw(st.integers(100, 30_000))
            lines.append("[" * depth + "]" * depth)
    data = _encode("\n".join(lines))
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return data


def _stored(root: Path, article_id: str) -> dict[tuple[int, int, str], str]:
    return {(a.start, a.end, a.annotator): a.label for a in Store(root).annotations(article_id)}


@pytest.mark.parametrize("fmt", [None, *_importer_formats()], ids=lambda f: f or "detect")
def test_any_import_file_imports_or_is_reported_line_by_line(
    seeded: dict[str, object], fmt: str | None
) -> None:
    if not _importer_formats():
        pytest.skip("reader import-annotations does not exist yet")
    import shutil

    rows = seeded["rows"]
    article = seeded["article"]
    assert isinstance(rows, list) and isinstance(article, Article)
    seed_root = seeded["root"]
    assert isinstance(seed_root, Path)
    before = _stored(seed_root, article.id)

    @SETTINGS
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        content = data.draw(import_file(rows, article.text))
        with scratch() as folder:
            root = folder / "store"
            shutil.copytree(seed_root, root)
            path = folder / "export.jsonl"
            path.write_bytes(content)
            args = ["import-annotations", str(path), "--db", str(root), "--annotator", "imp"]
            if fmt is not None:
                args += ["--format", fmt]
            err = io.StringIO()
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                code = main(args)
            assert code in (0, 1, 2)
            lines = err.getvalue().splitlines()
            assert lines, "an import always says what it did"
            for line in lines:
                assert line.startswith("reader: "), line
                assert "Traceback" not in line
            assert contains_forbidden(err.getvalue().encode("utf-8", "surrogatepass")) == []
            # Nothing the store held is gone (an import adds and relabels, never removes),
            # and every file still opens.
            after = _stored(root, article.id)
            assert set(before) <= set(after)
            for record in Store(root).articles():
                Store(root).annotations(record.id)

    run()


def test_an_unreadable_import_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not _importer_formats():
        pytest.skip("reader import-annotations does not exist yet")
    root = tmp_path / "store"
    Store(root)
    for name, make in {
        "missing\x1b]0;x\x07.jsonl": lambda p: None,
        "folder.jsonl": lambda p: p.mkdir(),
        "latin1.jsonl": lambda p: p.write_bytes(b'{"text": "caf\xe9"}'),
        "fifo.jsonl": lambda p: os.mkfifo(p) if hasattr(os, "mkfifo") else None,
    }.items():
        path = tmp_path / name
        make(path)
        if name.startswith("fifo"):
            continue  # reading a FIFO would block: not a case a user would hit by mistake
        code = main(["import-annotations", str(path), "--db", str(root)])
        err = capsys.readouterr().err
        assert code == 2, (name, err)
        assert err.count("\n") == 1 and err.startswith("reader: ") and "\x1b" not in err
