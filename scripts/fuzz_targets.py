"""Fuzz targets: what must hold for *any* input to the loaders, the store's reader, the
importer, a store's label file and the text typed into the note and speaker dialogs.

Shared by ``scripts/fuzz.py`` (coverage-guided, with atheris, run by hand) and by
``tests/security/test_fuzz_corpus.py`` (replays the saved corpus and every crash found, in
CI). A target returns normally when the input was handled correctly: loaded with exact
offsets, or refused with the project's own one-line error. Anything else raises.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from reader.analysis import split_article
from reader.errors import ArticleError, StoreError
from reader.loaders import LOADERS
from reader.loaders.notices import collect_warnings

# Controls act on a terminal; tag characters hide text from the screen but not from an
# export (issue 10). Neither may survive loading.
_FORBIDDEN = (
    {chr(c) for c in range(32) if c != 10}
    | {chr(127)}
    | {chr(c) for c in range(0x80, 0xA0)}
    | {chr(c) for c in range(0xE0000, 0xE0080)}
)


def _suffix_name(loader_suffixes: tuple[str, ...]) -> str:
    return "fuzz" + (loader_suffixes[0] if loader_suffixes else ".txt")


def check_loaders(data: bytes) -> None:
    """Every loader either loads ``data`` with exact offsets or raises ArticleError."""
    for loader in LOADERS:
        name = _suffix_name(loader.suffixes)
        try:
            with collect_warnings() as warnings:
                articles = loader.load(data, name, Path(name))
            assert all("\n" not in str(warning) for warning in warnings)
        except ArticleError as error:
            message = str(error)
            assert "\n" not in message and message, "errors are one non-empty line"
            continue
        for article in articles:
            text = article.text
            assert not (_FORBIDDEN & set(text)), "control or tag characters survived loading"
            previous_end = 0
            for block in article.blocks:
                assert previous_end <= block.start < block.end <= len(text)
                assert text[block.start : block.end].strip(), "blocks hold text"
                previous_end = block.end
            for sentence in split_article(article):
                assert text[sentence.start : sentence.end] == sentence.text
                assert sentence.text == sentence.text.strip() and sentence.text


def check_store_file(data: bytes) -> None:
    """A store article file with any content is read correctly or refused with
    StoreError, and a refused file is never modified."""
    from reader.store import Store

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "store"
        store = Store(root)
        article_id = "0123456789abcdef"
        path = root / "articles" / f"{article_id}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        try:
            store.annotations(article_id)
            store.position(article_id, "fuzz")
            store.entity_corrections(article_id)
        except StoreError as error:
            assert "\n" not in str(error)
            assert path.read_bytes() == data, "a refused file must be left untouched"
            try:
                store.tag(
                    article_id,
                    sentence=0,
                    start=0,
                    end=1,
                    text="x",
                    label="claim",
                    annotator="fuzz",
                )
            except StoreError:
                assert path.read_bytes() == data, "never written over after a failed read"
                return
            raise AssertionError("a write succeeded on a file that could not be read") from None
        # Readable: a write must keep it readable, with the new tag in it.
        store.tag(article_id, sentence=0, start=0, end=1, text="x", label="claim", annotator="fuzz")
        assert any(a.annotator == "fuzz" for a in store.annotations(article_id))
        json.loads(path.read_text(encoding="utf-8"))


_SAMPLE = Path(__file__).resolve().parent.parent / "articles" / "iran-iraq-military-ties.txt"


def check_importer(data: bytes) -> None:
    """An import file with any content into a store that knows the sample article: refused
    in one line, or imported with every skipped record reported on one line; whatever
    gets in is exactly one of the article's sentences, and nothing the store held is lost
    (issue 10: impossible records, blank notes)."""
    from reader.errors import ReaderError
    from reader.formats.importing import import_annotations
    from reader.loaders import load_article
    from reader.store import Store

    article = load_article(_SAMPLE)
    sentences = {(s.index, s.start, s.end): s.text for s in split_article(article)}
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "store"
        store = Store(root)
        store.register_article(
            article.id, path=str(_SAMPLE), title=None, date=None, byline=None, sentences=15
        )
        (index, start, end), text = next(iter(sentences.items()))
        held = {"start": start, "end": end, "annotator": "fuzz"}
        store.tag(article.id, sentence=index, text=text, label="claim", **held)
        store.set_note(article.id, note="kept", **held)
        store.set_attribution(article.id, attribution="kept too", **held)
        path = Path(folder) / "import.jsonl"
        path.write_bytes(data)
        warnings: list[str] = []
        try:
            report = import_annotations(store, path, annotator="fuzz", warn=warnings.append)
        except ReaderError as error:
            assert "\n" not in str(error) and str(error), "errors are one non-empty line"
        else:
            assert report.skipped <= len(warnings), "every skipped record is reported"
        assert all("\n" not in warning for warning in warnings)
        for annotation in Store(root).all_annotations():
            assert annotation.article_id == article.id, "only a checkable article gets in"
            key = (annotation.sentence, annotation.start, annotation.end)
            assert sentences.get(key) == annotation.text, "an annotation is a sentence"
        (kept,) = [
            a
            for a in Store(root).annotations(article.id, "fuzz")
            if (a.start, a.end) == (start, end)
        ]
        assert (kept.note, kept.attribution) == ("kept", "kept too"), "an import never removes"


def check_labels(data: bytes) -> None:
    """A store's ``labels.toml`` with any content: a label set, or one line of refusal
    (issue 10: nested TOML, huge files, bad shapes); never another exception."""
    from reader.errors import ReaderError
    from reader.labels import load_labels

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "labels.toml").write_bytes(data)
        try:
            found = load_labels(root)
        except ReaderError as error:
            assert str(error) and "\n" not in str(error), "errors are one non-empty line"
            return
        assert found.labels, "a label set has labels"
        keys = [label.key for label in found.labels]
        assert len(keys) == len(set(keys)), "no two labels share a key"


def check_dialog_text(data: bytes) -> None:
    """What an analyst types in the note and speaker dialogs, any text: stored and read
    back exactly (display is not storage), and drawn one character for one with nothing
    that acts on a terminal (issue 10: stand-ins written back, bidi, tag characters)."""
    from reader.errors import ReaderError
    from reader.safe_text import visible
    from reader.store import Store

    text = data.decode("utf-8", "replace")
    drawn = visible(text)
    assert len(drawn) == len(text), "one character for one: offsets hold on screen"
    assert not (set(drawn) & _FORBIDDEN), "nothing drawn acts on a terminal"
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "store")
        held = {"start": 0, "end": 4, "annotator": "fuzz"}
        store.tag("0123456789abcdef", sentence=0, text="Iran", label="claim", **held)
        try:
            store.set_note("0123456789abcdef", note=text, **held)
            store.set_attribution("0123456789abcdef", attribution=text, **held)
        except ReaderError as error:
            assert str(error) and "\n" not in str(error), "errors are one non-empty line"
            return
        (kept,) = Store(Path(folder) / "store").annotations("0123456789abcdef", "fuzz")
        expected = text if text.strip() else None  # a blank answer clears (documented)
        assert kept.note == expected and kept.attribution == expected, (
            "stored and read back exactly"
        )


TARGETS = {
    "loaders": check_loaders,
    "store": check_store_file,
    "importer": check_importer,
    "labels": check_labels,
    "dialog_text": check_dialog_text,
}


def corpus_dir(target: str) -> Path:
    """Where a target's corpus lives in the repository."""
    return Path(__file__).resolve().parent.parent / "tests" / "fuzz_corpus" / target


__all__ = [
    "TARGETS",
    "check_dialog_text",
    "check_importer",
    "check_labels",
    "check_loaders",
    "check_store_file",
    "corpus_dir",
]
