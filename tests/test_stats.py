"""``reader stats``: tags by label and annotator, progress, and who claims and quotes are
about, per article and in total."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from test_export_formats import Annotated, build_store

from reader.analysis import Analyser
from reader.cache import AnalysisCache
from reader.cli import main
from reader.stats import compute_stats


@pytest.fixture
def annotated(tmp_path: Path, analyser: Analyser) -> Annotated:
    return build_store(tmp_path / "store", analyser)


def test_counts_per_article_and_in_total(annotated: Annotated) -> None:
    stats = compute_stats(annotated.store, analyser=annotated.analyser)

    assert stats.labels == ("claim", "context", "quote")
    assert stats.focus == ("claim", "quote")
    sample, emoji = stats.articles
    assert sample.id == annotated.sample.id
    assert sample.tally.sentences == 15
    assert sample.tally.tagged == 5  # sentence 4 is tagged by two annotators
    assert sample.tally.labels == {"claim": 2, "context": 2, "quote": 2}
    assert sample.tally.annotators == {
        "ana": {"claim": 2, "context": 1, "quote": 1},
        "bob": {"context": 1, "quote": 1},
    }
    assert sample.tally.progress == pytest.approx(5 / 15)
    assert emoji.tally.sentences == 6 and emoji.tally.tagged == 5

    total = stats.total
    assert total.sentences == 21
    assert total.tagged == 10
    assert total.labels == {"claim": 4, "context": 4, "quote": 3}
    assert total.annotators["bob"] == {"context": 2, "quote": 1}


def test_people_and_organisations_of_claims_and_quotes(annotated: Annotated) -> None:
    stats = compute_stats(annotated.store, analyser=annotated.analyser)
    sample = {(e.name, e.kind): e.sentences for e in stats.articles[0].tally.entities}
    # Claims: sentences 4 and 5; quotes: 8 and 12 (context sentences do not count).
    assert sample[("Irfan Al Hayali", "person")] == 3
    assert sample[("Ali Larijani", "person")] == 2
    assert sample[("IRNA", "organisation")] == 1
    assert all(kind in ("person", "organisation") for _, kind in sample)
    emoji = {e.name for e in stats.articles[1].tally.entities}
    assert {"NASA", "Ana García"} <= emoji
    total = {e.name: (e.sentences, e.articles) for e in stats.total.entities}
    assert total["NASA"] == (2, 1)


def test_entities_from_the_cache_without_the_articles_count_the_same(
    annotated: Annotated, monkeypatch: pytest.MonkeyPatch
) -> None:
    warm = compute_stats(annotated.store, analyser=annotated.analyser)  # cached by id
    monkeypatch.setattr(Analyser, "finished_for", lambda self, article_id: None)
    loaded = compute_stats(annotated.store, analyser=annotated.analyser)  # articles loaded
    assert warm == loaded and warm.total.entities


@pytest.mark.parametrize("what", ["stats", "stats-no-entities", "export-md", "export-jsonl"])
def test_each_store_file_is_read_once(
    annotated: Annotated, what: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from reader.formats import export
    from reader.store import Store, _files

    compute_stats(annotated.store, analyser=annotated.analyser)  # the analysis cached
    reads: list[str] = []
    real = _files.read_with_stat

    def counted(path: Path) -> tuple[bytes, os.stat_result]:
        reads.append(path.name)
        return real(path)

    monkeypatch.setattr(_files, "read_with_stat", counted)
    store = Store(annotated.store.root)  # a new command: nothing of the store in memory
    if what.startswith("stats"):
        compute_stats(store, analyser=annotated.analyser, entities=what == "stats")
    else:
        export(
            store,
            what.removeprefix("export-"),
            tmp_path / "out",
            analyser=annotated.analyser,
        )
    files = [name for name in reads if name != "store.json"]
    assert sorted(files) == sorted(set(files)) and len(files) == 2


def test_top_limits_people_and_organisations_separately(annotated: Annotated) -> None:
    stats = compute_stats(annotated.store, analyser=annotated.analyser, top=1)
    kinds = [e.kind for e in stats.total.entities]
    assert sorted(kinds) == ["organisation", "person"]


def test_without_entities_no_analysis_is_needed(annotated: Annotated) -> None:
    stats = compute_stats(annotated.store, entities=False)
    assert stats.total.entities == ()
    assert stats.total.tagged == 10


def test_only_one_annotator(annotated: Annotated) -> None:
    stats = compute_stats(annotated.store, annotator="bob", entities=False)
    assert set(stats.total.annotators) == {"bob"}
    assert stats.total.tagged == 3


def _warm_cache(annotated: Annotated) -> None:
    """Analyse into the test's own cache, so the command finds it and loads no spaCy."""
    analyser = Analyser(cache=AnalysisCache(), pipeline=annotated.analyser.pipeline)
    for article in annotated.articles.values():
        analyser.analyse(article)


def test_cli_json(annotated: Annotated, capsys: pytest.CaptureFixture[str]) -> None:
    _warm_cache(annotated)
    assert main(["stats", "--db", str(annotated.store.root), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"]["tagged"] == 10
    assert data["total"]["progress"] == round(10 / 21, 4)
    assert data["articles"][0]["annotators"]["bob"] == {"context": 1, "quote": 1}
    assert data["articles"][0]["people"][0] == {
        "name": "Irfan Al Hayali",
        "sentences": 3,
        "articles": 1,
    }


def test_cli_table_shows_untrusted_text_literally(
    annotated: Annotated, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    article = annotated.sample
    annotated.store.register_article(
        article.id,
        path=str(article.path),
        title="[bold red]Hostile[/] \x1b[2J title",
        date=None,
        byline=None,
        sentences=15,
    )
    assert main(["stats", "--db", str(annotated.store.root), "--no-entities"]) == 0
    out = capsys.readouterr().out
    assert "[bold red]Hostile[/] ␛[2J title" in out
    assert "\x1b[2J" not in out
    assert "5/15" in out and "33%" in out
    assert "total (2 articles)" in out


def test_cli_on_an_empty_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reader.store import Store

    Store(tmp_path / "empty")
    assert main(["stats", "--db", str(tmp_path / "empty"), "--no-entities"]) == 0
    assert "No annotations yet." in capsys.readouterr().out


def test_agreement_where_two_annotators_tagged(
    annotated: Annotated, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.agreement import compute_agreement

    stats = compute_stats(annotated.store, entities=False)
    sample, emoji = stats.articles
    # build_store: ana and bob tagged both articles, so both are compared in each.
    for item, tally in ((annotated.sample, sample.tally), (annotated.emoji, emoji.tally)):
        assert tally.agreement is not None and tally.sentences is not None
        tags: dict[str, dict[int, str]] = {}
        for a in annotated.store.annotations(item.id):
            tags.setdefault(a.annotator, {})[a.sentence] = a.label
        expected = compute_agreement({item.id: tags}, {item.id: tally.sentences})
        assert tally.agreement.annotators == ("ana", "bob")
        assert tally.agreement.units == tally.sentences
        assert tally.agreement.kappa == expected.pairs[0].kappa
        assert tally.agreement.alpha == expected.alpha
    assert stats.total.agreement is not None and stats.total.agreement.units == 21
    only_ana = compute_stats(annotated.store, annotator="ana", entities=False)
    assert only_ana.total.agreement is None
    assert all(a.tally.agreement is None for a in only_ana.articles)

    assert main(["stats", "--db", str(annotated.store.root), "--json", "--no-entities"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["total"]["agreement"]) == {"annotators", "units", "kappa", "alpha"}
    assert {"sentences", "tagged", "labels", "annotators"} <= set(data["articles"][0])
    assert main(["stats", "--db", str(annotated.store.root), "--no-entities"]) == 0
    out = capsys.readouterr().out
    assert "α" in out and "Krippendorff's alpha" in out


def test_a_damaged_annotation_ends_stats_in_one_line(
    annotated: Annotated, capsys: pytest.CaptureFixture[str]
) -> None:
    path = annotated.store.root / "articles" / f"{annotated.sample.id}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    first = next(iter(data["annotations"]))
    data["annotations"][first]["label"] = 7
    path.write_text(json.dumps(data), encoding="utf-8")
    for extra in ([], ["--json"]):
        assert main(["stats", "--db", str(annotated.store.root), "--no-entities", *extra]) != 0
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "damaged" in err and "label" in err
        assert "Traceback" not in err


def test_the_report_read_sees_what_is_only_in_the_journal(
    annotated: Annotated, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.store import Store, _journal

    monkeypatch.setattr(_journal, "COMPACT_BELOW", 0)  # every save appends to the journal
    store = Store(annotated.store.root)
    article = annotated.sample
    before = compute_stats(store, entities=False)
    s = next(a for a in store.annotations(article.id) if a.annotator == "ana")
    store.tag(
        article.id,
        sentence=s.sentence,
        start=s.start,
        end=s.end,
        text=s.text,
        label="context" if s.label != "context" else "claim",
        annotator="ana",
    )
    assert (annotated.store.root / "articles" / f"{article.id}.journal").exists()
    after = compute_stats(Store(annotated.store.root), entities=False)
    assert after.articles[0].tally.labels != before.articles[0].tally.labels
    assert after.total.tagged == before.total.tagged
