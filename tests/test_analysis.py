"""Analysis: sentences before the model, entities through the model, and the cache (keyed
by article id and model, readable without spaCy, rebuilt when damaged)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.analysis import MAX_PIECE, Analyser, split_article
from reader.article import Article
from reader.cache import CACHE_VERSION, AnalysisCache
from reader.entities import RawSpan
from reader.errors import ModelError
from reader.loaders import load_article
from reader.nlp import resolve_model
from reader.records import EntityCorrection

ARTICLES = Path(__file__).parent / "data" / "articles"


@pytest.fixture
def user_analyser(analyser: Analyser) -> Analyser:
    """The session's pipeline behind the user's default cache ($XDG_CACHE_HOME/reader)."""
    return Analyser(pipeline=analyser.pipeline)


def test_analysis_has_sentences_entities_and_model(
    fresh_analyser: Analyser, sample_path: Path
) -> None:
    article = load_article(sample_path)
    analysis = fresh_analyser.analyse(article)
    assert analysis.article is article
    assert analysis.sentences == split_article(article)
    assert analysis.model == fresh_analyser.choice.label
    assert analysis.model.startswith("en_core_web_sm")
    assert any(e.name == "Irfan Al Hayali" for e in analysis.entities)
    counts = [e.count for e in analysis.entities]
    assert counts == sorted(counts, reverse=True)


def test_cache_lives_under_xdg_cache_home_keyed_by_id_and_model(
    user_analyser: Analyser, sample_path: Path, isolated_home: Path
) -> None:
    article = load_article(sample_path)
    user_analyser.analyse(article)
    choice = user_analyser.choice
    expected = (
        isolated_home
        / "cache"
        / "reader"
        / "analysis"
        / f"{article.id}.{choice.key}.v{CACHE_VERSION}.json"
    )
    assert expected.is_file()
    data = json.loads(expected.read_text())
    assert data["article_id"] == article.id and data["model"] == choice.key
    assert choice.key == f"{choice.name}-{choice.version}"


def test_renamed_article_is_found_in_the_cache(
    user_analyser: Analyser, sample_path: Path, tmp_path: Path
) -> None:
    user_analyser.analyse(load_article(sample_path))
    renamed = tmp_path / "renamed.txt"
    renamed.write_bytes(sample_path.read_bytes().replace(b"\n", b"\r\n"))
    cached = Analyser(pipeline=user_analyser.pipeline).cached(load_article(renamed))
    assert cached is not None
    assert cached.article.path == str(renamed)


def test_cached_analysis_equals_the_fresh_one(user_analyser: Analyser, sample_path: Path) -> None:
    article = load_article(sample_path)
    fresh = user_analyser.analyse(article)
    cached = user_analyser.cached(article)
    assert cached is not None
    assert cached.entities == fresh.entities and cached.sentences == fresh.sentences


def test_another_model_version_has_its_own_entry(sample_path: Path, tmp_path: Path) -> None:
    cache = AnalysisCache(tmp_path)
    article = load_article(sample_path)
    cache.put(article.id, "en_core_web_sm-3.8.0", [RawSpan(0, 4, "GPE")])
    assert cache.get(article.id, "en_core_web_sm-3.9.0") is None
    assert cache.get(article.id, "en_core_web_sm-3.8.0") == [RawSpan(0, 4, "GPE")]


def test_reopening_an_analysed_article_does_not_import_spacy(
    user_analyser: Analyser, sample_path: Path
) -> None:
    article = load_article(sample_path)
    analysed = user_analyser.analyse(article)
    script = textwrap.dedent(
        f"""
        import sys
        from reader.analysis import Analyser
        from reader.loaders import load_article

        analyser = Analyser()
        cached = analyser.cached(load_article({str(sample_path)!r}))
        assert cached is not None, "not in the cache"
        assert not analyser.loaded
        assert "spacy" not in sys.modules, "spaCy was imported"
        assert "thinc" not in sys.modules, "thinc was imported"
        assert "reader.attribution.rules" not in sys.modules, "the speaker rules were imported"
        print(len(cached.entities), len(cached.sentences))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=os.environ.copy()
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(len(analysed.entities)), str(len(analysed.sentences))]


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b'{"article_id": "', id="truncated"),
        pytest.param(b"\x00\xff\xfe garbage", id="binary"),
        pytest.param(b"[]", id="wrong-shape"),
        pytest.param(b'{"article_id": "ID", "model": "KEY", "entities": null}', id="null"),
        pytest.param(b'{"article_id": "ID", "model": "KEY", "entities": [[1, 2]]}', id="short"),
        pytest.param(
            b'{"article_id": "ID", "model": "KEY", "entities": [["a", 2, "ORG"]]}', id="types"
        ),
        pytest.param(
            b'{"article_id": "ID", "model": "KEY", "entities": [[5, 999999, "ORG"]]}',
            id="out-of-range",
        ),
        pytest.param(
            b'{"article_id": "ID", "model": "KEY", "entities": [[-3, 2, "ORG"]]}', id="negative"
        ),
        pytest.param(
            b'{"article_id": "other", "model": "KEY", "entities": []}', id="other-article"
        ),
    ],
)
def test_damaged_cache_entry_is_ignored_and_rebuilt(
    damage: bytes, fresh_analyser: Analyser, sample_path: Path
) -> None:
    article = load_article(sample_path)
    good = fresh_analyser.analyse(article)
    entry = fresh_analyser.cache.path(article.id, fresh_analyser.choice.key)
    entry.write_bytes(
        damage.replace(b"ID", article.id.encode()).replace(
            b"KEY", fresh_analyser.choice.key.encode()
        )
    )
    finished_entry(fresh_analyser, article).unlink()  # else the finished entry answers
    assert fresh_analyser.cached(article) is None
    rebuilt = fresh_analyser.analyse(article)
    assert rebuilt.entities == good.entities
    assert json.loads(entry.read_text())["article_id"] == article.id  # written again


def finished_entry(analyser: Analyser, article: Article) -> Path:
    """The file of the article's finished analysis in ``analyser``'s cache."""
    return analyser.cache.finished_path(article.id, analyser.choice.key, analyser.rules_key)


def test_a_warm_opening_reads_the_finished_analysis(
    fresh_analyser: Analyser, sample_path: Path
) -> None:
    article = load_article(sample_path)
    good = fresh_analyser.analyse(article)
    assert finished_entry(fresh_analyser, article).is_file()
    fresh_analyser.cache.path(article.id, fresh_analyser.choice.key).unlink()  # no raw entry
    warm = fresh_analyser.cached(article)
    assert warm is not None
    assert (warm.sentences, warm.entities, warm.suggestions) == (
        good.sentences,
        good.entities,
        good.suggestions,
    )
    assert warm.given_parse.tokens == () and not warm._loaded  # the parse is not read
    assert warm.with_corrections([]) is warm
    done = fresh_analyser.finished(article)
    assert done is not None and done.sentences == len(good.sentences)
    assert fresh_analyser.finished_for(article.id) == done  # without the article


def test_corrections_on_a_finished_analysis_read_the_parse(
    fresh_analyser: Analyser, sample_path: Path
) -> None:
    article = load_article(sample_path)
    good = fresh_analyser.analyse(article)
    person = next(e for e in good.entities if e.label == "PERSON")
    relabel = EntityCorrection("relabel", person.name, label="ORG")
    warm = fresh_analyser.cached(article)
    assert warm is not None and not warm.given_parse.tokens
    fixed = warm.with_corrections([relabel])
    assert fixed.parse == good.parse
    expected = good.with_corrections([relabel])
    assert (fixed.entities, fixed.suggestions) == (expected.entities, expected.suggestions)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b'{"article_id": "', id="truncated"),
        pytest.param(b"[]", id="wrong-shape"),
        pytest.param(b'MENTION[5, 999999, "model", "Iran"]', id="out-of-range"),
        pytest.param(b'MENTION[3, 2, "model", ""]', id="backwards"),
        pytest.param(b'MENTION[0, 4, "someone", "Iran"]', id="unknown-source"),
        pytest.param(b'MENTION[0, 4, "model", "Iraq"]', id="other-text"),
        pytest.param(b'MENTION[0, 4, "model"]', id="no-text"),
        pytest.param(b"SENTENCES-1", id="negative-count"),
        pytest.param(b"SENTENCES0", id="suggestion-past-the-end"),
        pytest.param(b"SHAPEother", id="other-blocks"),
    ],
)
def test_a_damaged_finished_entry_is_rebuilt_from_the_raw_one(
    damage: bytes, fresh_analyser: Analyser, sample_path: Path
) -> None:
    article = load_article(sample_path)
    good = fresh_analyser.analyse(article)
    entry = finished_entry(fresh_analyser, article)
    data = json.loads(entry.read_text())
    if damage.startswith(b"MENTION"):
        data["entities"][0][2][0] = json.loads(damage.removeprefix(b"MENTION"))
    elif damage.startswith(b"SENTENCES"):
        data["sentences"] = int(damage.removeprefix(b"SENTENCES"))
    elif damage.startswith(b"SHAPE"):
        data["shape"] = "other"
    else:
        data = None
    entry.write_bytes(damage if data is None else json.dumps(data).encode())
    assert fresh_analyser.finished(article) is None
    warm = fresh_analyser.cached(article)  # from the raw entry, no spaCy needed
    assert warm is not None
    assert (warm.entities, warm.suggestions) == (good.entities, good.suggestions)
    assert fresh_analyser.finished(article) is not None  # written again


def test_a_folder_in_place_of_the_entry_is_not_fatal(
    fresh_analyser: Analyser, sample_path: Path
) -> None:
    article = load_article(sample_path)
    fresh_analyser.cache.path(article.id, fresh_analyser.choice.key).mkdir(parents=True)
    assert fresh_analyser.cached(article) is None
    assert fresh_analyser.analyse(article).entities


def test_an_unwritable_cache_only_costs_time(
    analyser: Analyser, sample_path: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    unwritable = Analyser(cache=AnalysisCache(blocker / "analysis"), pipeline=analyser.pipeline)
    article = load_article(sample_path)
    assert unwritable.analyse(article).entities
    assert unwritable.cached(article) is None


def test_no_cache_means_no_cache(analyser: Analyser, sample_path: Path, tmp_path: Path) -> None:
    uncached = Analyser(
        cache=AnalysisCache(tmp_path / "c"), use_cache=False, pipeline=analyser.pipeline
    )
    article = load_article(sample_path)
    uncached.analyse(article)
    assert not (tmp_path / "c").exists()
    assert uncached.cached(article) is None


def test_analyse_many_keeps_order_with_cached_and_fresh_articles(
    fresh_analyser: Analyser, sample_path: Path
) -> None:
    articles = [load_article(p) for p in sorted(ARTICLES.iterdir())] + [load_article(sample_path)]
    fresh_analyser.analyse(articles[1])  # one of them cached already
    seen: list[str] = []
    results = list(
        fresh_analyser.analyse_many(articles, progress=lambda a: seen.append(a.article.id))
    )
    assert [r.article.id for r in results] == [a.id for a in articles] == seen
    for result in results:
        alone = fresh_analyser.analyse(result.article)
        assert alone.entities == result.entities


def test_sentences_need_no_model(sample_path: Path) -> None:
    analyser = Analyser()
    sentences = split_article(load_article(sample_path))
    assert sentences and not analyser.loaded


def test_with_corrections(fresh_analyser: Analyser, sample_path: Path) -> None:
    @dataclass(frozen=True)
    class Fix:
        kind: str
        name: str
        label: str | None = None
        target: str | None = None

    analysis = fresh_analyser.analyse(load_article(sample_path))
    fixed = analysis.with_corrections(
        [Fix("relabel", "Daesh", label="NORP"), Fix("reject", "IRNA")]
    )
    labels = {e.name: e.label for e in fixed.entities}
    assert labels["Daesh"] == "NORP" and "IRNA" not in labels
    assert fixed.sentences == analysis.sentences
    assert {e.name: e.label for e in analysis.entities}["Daesh"] == "ORG"  # unchanged


# --- model resolution (no spaCy import) ---------------------------------------------------


def test_unknown_model_is_a_one_line_error() -> None:
    with pytest.raises(ModelError, match="not installed") as caught:
        Analyser("en_core_web_nonexistent")
    assert "\n" not in str(caught.value)


def test_model_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_MODEL", "en_core_web_nonexistent")
    with pytest.raises(ModelError):
        resolve_model()


@pytest.mark.parametrize("name", ["../../etc/passwd", "bad name", "x;rm -rf"])
def test_model_names_that_are_neither_package_nor_folder(name: str) -> None:
    with pytest.raises(ModelError):
        resolve_model(name)


def test_model_folder_without_meta_json(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="meta.json"):
        resolve_model(str(tmp_path))


def test_model_folder_with_meta_json_is_keyed_by_its_name_and_version(tmp_path: Path) -> None:
    (tmp_path / "meta.json").write_text('{"name": "core_news", "version": "1.2.3"}')
    choice = resolve_model(str(tmp_path))
    assert choice.version == "core_news-1.2.3"
    assert "/" not in choice.key


def _long_article(sample_path: Path, folder: Path) -> Article:
    """An article with one paragraph longer than a piece: the model reads it in several."""
    paragraphs = sample_path.read_text(encoding="utf-8").splitlines()[4:]
    body = " ".join(" ".join(paragraphs) for _ in range(14))
    assert len(body) > MAX_PIECE
    path = folder / "long.txt"
    path.write_text("A long article\n\n" + body + "\n", encoding="utf-8")
    return load_article(path)


def test_several_processes_give_the_same_analysis_as_one(
    analyser: Analyser, tmp_path: Path, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader import analysis
    from reader.commands.analyse import analysis_json

    monkeypatch.setattr(analysis, "_MIN_TEXTS_PER_PROCESS", 1)  # two workers for a few articles
    monkeypatch.setattr(analysis, "_CHUNK_TEXTS", 8)  # and several chunks each
    articles = [load_article(p) for p in sorted(ARTICLES.iterdir())]
    articles.insert(2, _long_article(sample_path, tmp_path))
    results = {}
    for processes in (1, 2):
        cache = AnalysisCache(tmp_path / f"p{processes}")
        # Two processes from a parent that has not loaded the model: the workers load it, so
        # the parent's analysis can only have come from them.
        pipeline = analyser.pipeline if processes == 1 else None
        several = Analyser(cache=cache, pipeline=pipeline, processes=processes)
        found = list(several.analyse_many(articles))
        assert several.loaded == (processes == 1)
        key, rules = several.choice.key, several.rules_key
        results[processes] = (
            [json.dumps(analysis_json(a)) for a in found],
            [a.parse.tokens for a in found],
            [cache.path(a.id, key).read_bytes() for a in articles],
            [cache.finished_path(a.id, key, rules).read_bytes() for a in articles],
        )
    assert results[1] == results[2]


def test_several_processes_without_a_cache_give_the_parse_too(
    analyser: Analyser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader import analysis

    monkeypatch.setattr(analysis, "_MIN_TEXTS_PER_PROCESS", 1)
    articles = [load_article(p) for p in sorted(ARTICLES.iterdir())[:4]]
    cache = AnalysisCache(tmp_path / "never")
    one, two = (
        list(
            Analyser(
                cache=cache, use_cache=False, pipeline=analyser.pipeline, processes=n
            ).analyse_many(articles)
        )
        for n in (1, 2)
    )
    assert [a.parse.tokens for a in two] == [a.parse.tokens for a in one]
    assert [(a.entities, a.suggestions, a.sentences) for a in two] == [
        (a.entities, a.suggestions, a.sentences) for a in one
    ]
    assert not cache.root.exists()


def test_the_app_s_analysis_process_caches_a_batch_in_several_processes(
    analyser: Analyser, tmp_path: Path, sample_path: Path
) -> None:
    from reader.reading import analysis_process

    articles = [load_article(p) for p in sorted(ARTICLES.iterdir())[:3]]
    child = Analyser(cache=AnalysisCache(tmp_path / "c"), processes=2)
    argv = analysis_process.command(child, articles)
    assert argv[5] == "2"
    argv += [str(sample_path), "0" * 16]  # an id the file does not hold
    result = subprocess.run(argv, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"! {'0' * 16} not found",
        *(a.id for a in articles),
    ]
    for article in articles:
        assert child.finished(article) is not None
