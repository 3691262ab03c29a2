"""Every export format, on the sample article and an emoji-laden one, annotated through the
store: each against its documented shape, with offsets that index the article exactly.

``build_store`` and ``export_items`` are shared with the import and stats tests.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from reader.analysis import Analyser, split_article
from reader.annotated import AnnotatedArticle, gather, sentences_of_text
from reader.article import Article
from reader.formats import (
    EXPORT_FIELDS,
    OFFSETS_NOTE,
    ExportOptions,
    Only,
    brat,
    doccano,
    export_rows,
    jsonl,
    md,
    prodigy,
)
from reader.formats import csv as csv_format
from reader.formats import spacy as spacy_format
from reader.formats.base import SENTENCE_NOTE, Format
from reader.loaders import load_article
from reader.records import Annotation
from reader.store import Store

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "articles" / "iran-iraq-military-ties.txt"
EMOJI = Path(__file__).resolve().parent / "data" / "io" / "launch.txt"

# (sentence, label, annotator, note, attribution)
SAMPLE_TAGS = [
    (3, "context", "ana", None, None),
    (4, "claim", "ana", "Check the memorandum's *wording* [1]", None),
    (5, "claim", "ana", None, None),
    (8, "quote", "ana", "Quoted by state TV\nsecond line", "Ali Larijani"),
    (12, "quote", "bob", None, "Shamkhani"),
    (4, "context", "bob", "bob disagrees", None),
]
EMOJI_TAGS = [
    (0, "context", "ana", "🚀 in the title", None),
    (2, "claim", "ana", None, "NASA"),
    (3, "claim", "ana", "𝔭𝔢𝔯𝔣𝔢𝔠𝔱?", None),
    (4, "quote", "ana", None, "Ana García"),
    (5, "context", "bob", None, None),
]


@dataclass
class Annotated:
    """A store with real annotations on two real articles."""

    store: Store
    articles: dict[str, Article]
    analyser: Analyser

    @property
    def sample(self) -> Article:
        return self.articles["sample"]

    @property
    def emoji(self) -> Article:
        return self.articles["emoji"]


def build_store(root: Path, analyser: Analyser) -> Annotated:
    """Register and tag the two articles through the store, as the app does."""
    store = Store(root)
    articles = {}
    for key, path, tags in (("sample", SAMPLE, SAMPLE_TAGS), ("emoji", EMOJI, EMOJI_TAGS)):
        article = load_article(path)
        sentences = split_article(article)
        store.register_article(
            article.id,
            path=str(path),
            title=article.title,
            date=article.date,
            byline=article.byline,
            sentences=len(sentences),
        )
        for index, label, annotator, note, attribution in tags:
            s = sentences[index]
            common = {"start": s.start, "end": s.end, "annotator": annotator}
            store.tag(article.id, sentence=index, text=s.text, label=label, **common)
            if note:
                store.set_note(article.id, note=note, **common)
            if attribution:
                store.set_attribution(article.id, attribution=attribution, **common)
        articles[key] = article
    return Annotated(store, articles, analyser)


@pytest.fixture
def annotated(tmp_path: Path, analyser: Analyser) -> Annotated:
    """The annotated store, with the session's spaCy pipeline for entities."""
    return build_store(tmp_path / "store", analyser)


def export_items(
    annotated: Annotated, fmt: Format, only: Only | None = None, **kwargs: Any
) -> tuple[list[AnnotatedArticle], ExportOptions, list[str]]:
    warnings: list[str] = []
    options = ExportOptions(annotated.store.labels, only, warnings.append)
    items = gather(
        annotated.store,
        need=fmt.needs(options),
        analyser=annotated.analyser,
        warn=warnings.append,
        **kwargs,
    )
    return items, options, warnings


def write_text(annotated: Annotated, fmt: Format, only: Only | None = None, **kwargs: Any) -> str:
    items, options, _ = export_items(annotated, fmt, only, **kwargs)
    stream = io.StringIO()
    fmt.write(items, stream, options)
    return stream.getvalue()


def json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def all_annotations(store: Store) -> list[Annotation]:
    return list(store.all_annotations())


# -- shared ------------------------------------------------------------------------------


def test_sentences_of_text_match_the_loaded_articles(annotated: Annotated) -> None:
    for article in annotated.articles.values():
        expected = [(s.index, s.start, s.end, s.text) for s in split_article(article)]
        found = [(s.index, s.start, s.end, s.text) for s in sentences_of_text(article.text)]
        assert found == expected


def test_emoji_article_has_characters_outside_the_bmp(annotated: Annotated) -> None:
    text = annotated.emoji.text
    assert any(ord(char) > 0xFFFF for char in text)
    assert len(text.encode("utf-16-le")) // 2 > len(text)  # offsets would drift in UTF-16


# -- csv ---------------------------------------------------------------------------------


def test_csv_has_the_jsonl_columns_and_rows(annotated: Annotated) -> None:
    stream = io.StringIO(newline="")
    count = csv_format.write(export_rows(annotated.store), stream)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue(), newline="")))

    assert count == len(SAMPLE_TAGS) + len(EMOJI_TAGS) == len(rows)
    assert tuple(rows[0]) == EXPORT_FIELDS
    expected = [row.as_dict() for row in export_rows(annotated.store)]
    for row, want in zip(rows, expected, strict=True):
        assert row == {k: "" if v is None else str(v) for k, v in want.items()}
    for row in rows:
        article = next(a for a in annotated.articles.values() if a.id == row["article_id"])
        assert article.text[int(row["start"]) : int(row["end"])] == row["text"]
    assert stream.getvalue().endswith("\r\n")


def test_csv_defuses_formulas_but_not_numbers() -> None:
    assert csv_format.cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert csv_format.cell("@SUM(A1)") == "'@SUM(A1)"
    assert csv_format.cell("-2 dead") == "'-2 dead"
    assert csv_format.cell(-2) == -2
    assert csv_format.cell(None) == ""
    assert csv_format.cell("plain \x1b[2J \u202eevil") == "plain \u241b[2J \ufffdevil"


# -- prodigy -----------------------------------------------------------------------------


def test_prodigy_sentence_tasks_have_prodigys_choice_shape(annotated: Annotated) -> None:
    tasks = json_lines(write_text(annotated, prodigy.FORMAT))
    choice = [t for t in tasks if t["_view_id"] == "choice"]
    assert len(choice) == len(SAMPLE_TAGS) + len(EMOJI_TAGS)
    by_id = {a.id: a for a in annotated.articles.values()}
    for task in choice:
        assert {"text", "meta", "options", "accept", "answer", "_annotator_id", "_timestamp"} <= (
            task.keys()
        )
        assert task["answer"] == "accept"
        assert len(task["accept"]) == 1
        assert task["accept"][0] in [option["id"] for option in task["options"]]
        assert [o["id"] for o in task["options"]] == ["claim", "context", "quote"]
        assert isinstance(task["_timestamp"], int) and task["_timestamp"] > 1_600_000_000
        meta = task["meta"]
        assert meta["offsets"] == OFFSETS_NOTE
        text = by_id[meta["article_id"]].text
        assert text[meta["start"] : meta["end"]] == task["text"]
    quote = next(t for t in choice if t["meta"].get("attribution") == "Ali Larijani")
    assert quote["meta"]["note"] == "Quoted by state TV\nsecond line"
    assert quote["_annotator_id"] == "ana"


def test_prodigy_article_tasks_have_token_aligned_spans(annotated: Annotated) -> None:
    tasks = json_lines(write_text(annotated, prodigy.FORMAT))
    ner = [t for t in tasks if t["_view_id"] == "ner_manual"]
    # In the store's order: by path.
    assert [t["meta"]["article_id"] for t in ner] == [annotated.sample.id, annotated.emoji.id]
    for task in ner:
        text = task["text"]
        tokens = task["tokens"]
        rebuilt = "".join(t["text"] + (" " if t["ws"] else "") for t in tokens)
        assert rebuilt == text
        assert [t["id"] for t in tokens] == list(range(len(tokens)))
        assert all(text[t["start"] : t["end"]] == t["text"] for t in tokens)
        assert task["spans"]
        previous_end = 0
        for span in task["spans"]:
            assert span["start"] >= previous_end  # ner_manual allows no overlaps
            previous_end = span["end"]
            assert tokens[span["token_start"]]["start"] == span["start"]
            assert tokens[span["token_end"]]["end"] == span["end"]  # inclusive token end
            assert text[span["start"] : span["end"]] == span["text"]
    emoji = next(t for t in ner if t["meta"]["article_id"] == annotated.emoji.id)
    garcia = next(s for s in emoji["spans"] if s["text"] == "Ana García")
    assert (garcia["start"], garcia["end"], garcia["label"]) == (240, 250, "PERSON")


def test_prodigy_sentences_only_needs_no_analysis(annotated: Annotated) -> None:
    assert prodigy.FORMAT.needs(ExportOptions(only="sentences")) == "annotations"
    tasks = json_lines(write_text(annotated, prodigy.FORMAT, only="sentences"))
    assert {t["_view_id"] for t in tasks} == {"choice"}


# -- doccano -----------------------------------------------------------------------------


def test_doccano_lines_have_text_and_label_triples(annotated: Annotated) -> None:
    lines = json_lines(write_text(annotated, doccano.FORMAT))
    by_id = {a.id: a for a in annotated.articles.values()}
    assert sorted((line["article_id"], line["annotator"]) for line in lines) == sorted(
        {(a.article_id, a.annotator) for a in all_annotations(annotated.store)}
    )
    for line in lines:
        assert line["text"] == by_id[line["article_id"]].text
        assert line["offsets"] == OFFSETS_NOTE
        for start, end, label in line["label"]:
            assert 0 <= start < end <= len(line["text"])
            assert isinstance(label, str)
        mine = annotated.store.annotations(line["article_id"], line["annotator"])
        sentence_labels = [t for t in line["label"] if t[2] in ("claim", "context", "quote")]
        assert sentence_labels == [[a.start, a.end, a.label] for a in mine]
        assert {"PERSON", "ORG"} & {t[2] for t in line["label"]}
    ana = next(
        x for x in lines if x["article_id"] == annotated.emoji.id and x["annotator"] == "ana"
    )
    assert ana["notes"][0][2] == "🚀 in the title"
    start, end, _ = ana["notes"][1]
    assert ana["text"][start:end].startswith("It was a 𝔭𝔢𝔯𝔣𝔢𝔠𝔱")


@pytest.mark.parametrize("only", ["sentences", "entities"])
def test_doccano_can_carry_one_kind_of_span(annotated: Annotated, only: Only) -> None:
    lines = json_lines(write_text(annotated, doccano.FORMAT, only=only))
    labels = {t[2] for line in lines for t in line["label"]}
    if only == "sentences":
        assert labels == {"claim", "context", "quote"}
    else:
        assert labels.isdisjoint({"claim", "context", "quote"})
        assert len(lines) == 2  # one per article, no annotator
        assert all("annotator" not in line for line in lines)


# -- brat --------------------------------------------------------------------------------


def _ann(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]


def test_brat_folder_has_text_standoff_and_configuration(
    annotated: Annotated, tmp_path: Path
) -> None:
    items, options, _ = export_items(annotated, brat.FORMAT)
    out = tmp_path / "brat"
    summary = brat.FORMAT.write(items, out, options)
    assert summary.articles == 2

    conf = (out / "annotation.conf").read_text(encoding="utf-8")
    assert OFFSETS_NOTE in conf
    for kind in ("Person", "Organisation", "Place", "Other", "Claim", "Context", "Quote"):
        assert re.search(rf"^{kind}$", conf, re.M)
    assert "Value:ana|bob" in conf
    for article in annotated.articles.values():
        (txt,) = out.glob(f"*-{article.id}.txt")
        assert txt.read_bytes() == article.text.encode("utf-8")  # unchanged
        lines = _ann(txt.with_suffix(".ann"))
        ids = set()
        for fields in lines:
            ids.add(fields[0])
            if fields[0].startswith("T"):
                kind, start, end = fields[1].split(" ")
                assert article.text[int(start) : int(end)] == fields[2]
                assert kind in conf
        tagged = [f for f in lines if f[0].startswith("T") and f[1].split()[0] == "Claim"]
        assert tagged
        for fields in lines:
            if fields[0].startswith("A"):
                assert fields[1].split(" ")[1] in ids
            if fields[0].startswith("#"):
                assert fields[1].startswith("AnnotatorNotes T")
                assert "\n" not in fields[2]


def test_brat_attribution_is_a_relation_to_the_speaker(
    annotated: Annotated, tmp_path: Path
) -> None:
    items, options, _ = export_items(annotated, brat.FORMAT, article_ids=[annotated.sample.id])
    brat.FORMAT.write(items, tmp_path, options)
    lines = _ann(next(tmp_path.glob("*.ann")))
    by_id = {f[0]: f for f in lines}
    relations = [f for f in lines if f[0].startswith("R")]
    speakers = {by_id[f[1].split("Arg2:")[1]][2] for f in relations}
    assert speakers == {"Larijani", "Shamkhani"}  # the mentions inside the quotes
    notes = [f[2] for f in lines if f[0].startswith("#")]
    assert "Quoted by state TV second line" in notes


# -- spacy -------------------------------------------------------------------------------


def test_spacy_docbin_has_entities_sentence_spans_and_user_data(
    annotated: Annotated, tmp_path: Path
) -> None:
    from spacy.tokens import DocBin

    from reader.formats.tokens import blank_english

    items, options, _ = export_items(annotated, spacy_format.FORMAT)
    out = tmp_path / "out.spacy"
    spacy_format.FORMAT.write(items, out, options)
    docs = list(DocBin().from_disk(out).get_docs(blank_english().vocab))
    assert len(docs) == 2
    for doc in docs:
        data = doc.user_data["reader"]
        article = next(a for a in annotated.articles.values() if a.id == data["article_id"])
        assert doc.text == article.text
        assert data["offsets"] == OFFSETS_NOTE
        stored = annotated.store.annotations(article.id)
        spans = doc.spans["sentences"]
        assert [(s.start_char, s.end_char, s.label_) for s in spans] == [
            (a.start, a.end, a.label) for a in stored
        ]
        assert [(x["annotator"], x["note"]) for x in data["annotations"]] == [
            (a.annotator, a.note) for a in stored
        ]
        item = next(i for i in items if i.id == article.id)
        mentions = sorted((m.start, m.end, e.label) for e in item.entities for m in e.mentions)
        assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == mentions
        assert [(s.start_char, s.end_char) for s in doc.sents][0][0] == 0
        starts = {s.start for s in split_article(article)}
        assert {s.start_char for s in doc.sents} == starts


# -- md ----------------------------------------------------------------------------------


def test_md_report_lists_people_and_the_tagged_sentences(annotated: Annotated) -> None:
    report = write_text(annotated, md.FORMAT, article_ids=[annotated.sample.id])
    assert report.startswith(f"<!-- reader report: {OFFSETS_NOTE}; {SENTENCE_NOTE}. -->")
    assert "# Iran, Iraq vow to boost military ties" in report
    assert "- **Source:** AFP" in report
    assert "- **Date:** 2017-07-24" in report
    people = next(line for line in report.splitlines() if line.startswith("**People:**"))
    assert "Irfan Al Hayali" in people and "Ali Larijani" in people
    assert "**Organisations:**" in report
    headings = re.findall(r"^## (\w+) \((\d+)\)$", report, re.M)
    assert headings == [("Claims", "2"), ("Quotes", "2"), ("Context", "2")]
    assert "   - Speaker: Ali Larijani" in report
    assert "   - Note: Check the memorandum's \\*wording\\* \\[1\\]" in report
    assert "   - Note: Quoted by state TV second line" in report
    # One convention for sentence numbers: the index from 0, as in the JSON Lines export.
    rows = [json.loads(line) for line in write_text(annotated, jsonl.FORMAT).splitlines()]
    numbers = {row["sentence"] for row in rows if row["article_id"] == annotated.sample.id}
    assert set(map(int, re.findall(r"^   - Sentence (\d+) \(", report, re.M))) == numbers
    assert "count from 0" in report


def test_md_escapes_every_untrusted_string() -> None:
    assert md.plain("# not a heading") == "\\# not a heading"
    assert md.plain("1. not a list") == "1\\. not a list"
    assert md.plain("<script>x</script> *a* _b_ [c](d) `e` |f| ~g~ &amp;") == (
        "\\<script\\>x\\</script\\> \\*a\\* \\_b\\_ \\[c\\](d) \\`e\\` \\|f\\| \\~g\\~ \\&amp;"
    )
    assert md.plain("line\nbreak\x1b[31m") == "line break\u241b\\[31m"


# -- articles that cannot be loaded --------------------------------------------------------


def test_a_moved_article_is_reported_and_left_out_or_exported_without_entities(
    annotated: Annotated, tmp_path: Path
) -> None:
    moved = tmp_path / "gone.txt"
    moved.write_text(EMOJI.read_text(encoding="utf-8"), encoding="utf-8")
    article = annotated.emoji
    annotated.store.register_article(
        article.id, path=str(moved), title=article.title, date=None, byline=None, sentences=6
    )
    moved.write_text("An edited text.", encoding="utf-8")

    items, options, warnings = export_items(annotated, brat.FORMAT)
    assert [w.split(" has changed")[0] for w in warnings] == [str(moved)]
    summary = brat.FORMAT.write(items, tmp_path / "brat", options)
    assert summary.articles == 1

    report = write_text(annotated, md.FORMAT, article_ids=[article.id])
    assert "unknown (the article could not be loaded)" in report
    assert "## Claims (2)" in report

    tasks = json_lines(write_text(annotated, prodigy.FORMAT, article_ids=[article.id]))
    assert {t["_view_id"] for t in tasks} == {"choice"}


def test_given_articles_without_annotations_are_reported(annotated: Annotated) -> None:
    warnings: list[str] = []
    items = gather(annotated.store, [annotated.sample.id, "0" * 16], warn=warnings.append)
    assert [i.id for i in items] == [annotated.sample.id]
    assert warnings == [f"article {'0' * 16}: no annotations"]


def _labels(items: Sequence[AnnotatedArticle]) -> list[str]:
    return [a.label for item in items for a in item.annotations]


def test_filters_by_annotator_and_label(annotated: Annotated) -> None:
    items, _, _ = export_items(annotated, md.FORMAT, annotator="bob")
    assert {a.annotator for item in items for a in item.annotations} == {"bob"}
    items, _, _ = export_items(annotated, md.FORMAT, label="quote")
    assert set(_labels(items)) == {"quote"}
