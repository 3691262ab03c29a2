"""``jsonl``, ``prodigy`` and ``doccano`` exports read back into a new store, nothing lost."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from test_export_formats import Annotated, build_store, write_text

from reader.analysis import Analyser, split_article
from reader.article import article_id
from reader.errors import ReaderError
from reader.formats import doccano, export_rows, prodigy
from reader.formats import jsonl as jsonl_format
from reader.formats.importing import ImportReport, detect_format, import_annotations
from reader.records import Annotation
from reader.store import Store

KEPT = ("article_id", "sentence", "start", "end", "text", "label", "annotator", "note")


def essence(annotations: list[Annotation], *fields: str) -> list[tuple[Any, ...]]:
    """What an import must keep (not the times: the store stamps its own)."""
    return sorted(tuple(getattr(a, f) for f in fields) for a in annotations)


@pytest.fixture
def annotated(tmp_path: Path, analyser: Analyser) -> Annotated:
    return build_store(tmp_path / "store", analyser)


def export_file(annotated: Annotated, fmt: str, path: Path) -> Path:
    if fmt == "jsonl":
        stream = io.StringIO()
        jsonl_format.write(export_rows(annotated.store), stream)
        text = stream.getvalue()
    else:
        text = write_text(annotated, {"prodigy": prodigy, "doccano": doccano}[fmt].FORMAT)
    path.write_text(text, encoding="utf-8")
    return path


def run_import(store: Store, path: Path, **kwargs: Any) -> tuple[ImportReport, list[str]]:
    warnings: list[str] = []
    report = import_annotations(
        store, path, annotator=kwargs.pop("annotator", "importer"), warn=warnings.append, **kwargs
    )
    return report, warnings


@pytest.mark.parametrize("fmt", ["jsonl", "prodigy", "doccano"])
def test_round_trip_into_a_new_store_loses_nothing(
    annotated: Annotated, tmp_path: Path, fmt: str
) -> None:
    exported = export_file(annotated, fmt, tmp_path / f"export.{fmt}.jsonl")
    fresh = Store(tmp_path / "fresh")

    report, warnings = run_import(fresh, exported)

    assert warnings == []
    assert report.format == fmt
    original = list(annotated.store.all_annotations())
    assert report.tagged == len(original)
    assert report.skipped == 0
    fields = (*KEPT, "attribution")
    assert essence(list(fresh.all_annotations()), *fields) == essence(original, *fields)
    # The articles are registered, so the new store can export their text again.
    records = {r.id: r for r in fresh.articles()}
    for article in annotated.articles.values():
        assert records[article.id].path
        assert records[article.id].sentences == len(split_article(article))


@pytest.mark.parametrize("fmt", ["jsonl", "prodigy", "doccano"])
def test_importing_twice_changes_nothing(annotated: Annotated, tmp_path: Path, fmt: str) -> None:
    exported = export_file(annotated, fmt, tmp_path / "export.jsonl")
    report, _ = run_import(annotated.store, exported)
    assert report.tagged == 0
    assert report.notes == 0
    assert report.unchanged == len(list(annotated.store.all_annotations()))


def test_format_is_recognised_from_the_first_record() -> None:
    assert detect_format({"article_id": "a", "sentence": 0, "label": "claim"}) == "jsonl"
    assert detect_format({"text": "x", "answer": "accept", "accept": ["claim"]}) == "prodigy"
    assert detect_format({"text": "x", "label": [[0, 1, "claim"]]}) == "doccano"
    assert detect_format({"text": "x", "entities": []}) == "doccano"
    assert detect_format({"something": "else"}) is None
    assert detect_format([1]) is None


def test_unrecognised_file_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"hello": 1}\n', encoding="utf-8")
    with pytest.raises(ReaderError, match="line 1 is not a jsonl, prodigy or doccano record"):
        run_import(Store(tmp_path / "s"), path)


def test_bad_lines_are_reported_with_their_number_and_the_rest_imports(
    annotated: Annotated, tmp_path: Path
) -> None:
    exported = export_file(annotated, "jsonl", tmp_path / "export.jsonl")
    lines = exported.read_text(encoding="utf-8").splitlines()
    bad_label = json.loads(lines[1]) | {"label": "rumour"}
    wrong_text = json.loads(lines[2]) | {"text": "Not what the article says."}
    lines[1] = json.dumps(bad_label)
    lines[2] = json.dumps(wrong_text)
    lines.insert(3, '{"article_id": "broken"')
    exported.write_text("\n".join(lines) + "\n", encoding="utf-8")

    report, warnings = run_import(Store(tmp_path / "fresh"), exported)

    assert report.skipped == 3
    assert report.tagged == len(lines) - 3
    assert [w.split(": ")[1] for w in warnings] == ["line 2", "line 3", "line 4"]
    assert "unknown label 'rumour'" in warnings[0]
    assert "is not the sentence given" in warnings[1]
    assert "not valid JSON" in warnings[2]


def test_prodigy_rejected_and_multi_choice_tasks(annotated: Annotated, tmp_path: Path) -> None:
    exported = export_file(annotated, "prodigy", tmp_path / "p.jsonl")
    tasks = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    choice = [t for t in tasks if t["_view_id"] == "choice"]
    choice[0]["answer"] = "reject"
    choice[1]["accept"] = ["claim", "quote"]
    exported.write_text("\n".join(json.dumps(t) for t in tasks) + "\n", encoding="utf-8")

    report, warnings = run_import(Store(tmp_path / "fresh"), exported)

    assert report.tagged == len(choice) - 2
    assert report.ignored == 1 + 2  # the rejected task and the two article tasks
    assert report.skipped == 1
    assert "2 options accepted" in warnings[0]


def test_doccano_from_elsewhere_snaps_spans_to_sentences(
    annotated: Annotated, tmp_path: Path
) -> None:
    text = annotated.sample.text
    start = text.index("Hayali, who was leading")
    line = {
        "id": 7,
        "text": text,
        "label": [[start + 8, start + 40, "claim"], [0, 4, "GPE"]],
        "Comments": [],
    }
    path = tmp_path / "doccano.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    fresh = Store(tmp_path / "fresh")

    report, warnings = run_import(fresh, path, annotator="reviewer")

    (annotation,) = fresh.annotations(article_id(text))
    assert (annotation.sentence, annotation.label, annotation.annotator) == (5, "claim", "reviewer")
    assert annotation.text == text[annotation.start : annotation.end]
    assert annotation.text.startswith("Hayali, who was leading")
    assert report.ignored == 1
    assert "is not a whole sentence; tagged sentence 5" in warnings[0]
    # With the text in the file, the store learns the article even without its file.
    (record,) = fresh.articles()
    assert record.sentences == 15


def test_emoji_offsets_survive_every_round_trip(annotated: Annotated, tmp_path: Path) -> None:
    emoji = annotated.emoji
    for fmt in ("jsonl", "prodigy", "doccano"):
        fresh = Store(tmp_path / f"fresh-{fmt}")
        run_import(fresh, export_file(annotated, fmt, tmp_path / f"{fmt}.jsonl"))
        for annotation in fresh.annotations(emoji.id):
            assert emoji.text[annotation.start : annotation.end] == annotation.text
        assert essence(fresh.annotations(emoji.id), *KEPT) == essence(
            annotated.store.annotations(emoji.id), *KEPT
        )


def test_import_is_undoable_like_any_edit(annotated: Annotated, tmp_path: Path) -> None:
    fresh = Store(tmp_path / "fresh")
    run_import(fresh, export_file(annotated, "jsonl", tmp_path / "e.jsonl"))
    before = essence(list(fresh.all_annotations()), *KEPT, "attribution")
    change = fresh.undo(annotated.sample.id, "bob")
    assert change is not None and change.before != change.after
    assert essence(list(fresh.all_annotations()), *KEPT, "attribution") != before


def test_an_accepted_suggestion_stays_one_through_jsonl(
    annotated: Annotated, tmp_path: Path
) -> None:
    store = annotated.store
    first = next(iter(store.all_annotations()))
    store.tag(
        first.article_id,
        sentence=first.sentence,
        start=first.start,
        end=first.end,
        text=first.text,
        label="quote" if first.label != "quote" else "claim",
        annotator=first.annotator,
        origin="suggestion",
        attribution="Ali Larijani",
    )
    exported = export_file(annotated, "jsonl", tmp_path / "export.jsonl")
    rows = [json.loads(line) for line in exported.read_text().splitlines()]
    assert sorted(row["origin"] for row in rows).count("suggestion") == 1
    fresh = Store(tmp_path / "fresh")
    run_import(fresh, exported)
    fields = (*KEPT, "attribution", "origin")
    assert essence(list(fresh.all_annotations()), *fields) == essence(
        list(store.all_annotations()), *fields
    )
