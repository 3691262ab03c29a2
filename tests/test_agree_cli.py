"""``reader agree``: the store read once, checked against an independent computation."""

from __future__ import annotations

import json
import random
from pathlib import Path

import krippendorff
import numpy as np
import pytest

from reader.analysis import split_article
from reader.cli import main
from reader.loaders import load_article
from reader.store import Store

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "articles" / "iran-iraq-military-ties.txt"
EMOJI = Path(__file__).resolve().parent / "data" / "io" / "launch.txt"
LABELS = ("claim", "context", "quote")


def _tag_at_random(store: Store, path: Path, annotators: list[str], rng: random.Random) -> int:
    article = load_article(path)
    sentences = split_article(article)
    store.register_article(
        article.id,
        path=str(path),
        title=article.title,
        date=None,
        byline=None,
        sentences=len(sentences),
    )
    shared = {i: rng.choice(LABELS) for i in range(len(sentences))}
    for annotator in annotators:
        for index, sentence in enumerate(sentences):
            roll = rng.random()
            if roll < 0.3:
                continue  # left untagged: "none"
            label = shared[index] if roll < 0.8 else rng.choice(LABELS)
            store.tag(
                article.id,
                sentence=index,
                start=sentence.start,
                end=sentence.end,
                text=sentence.text,
                label=label,
                annotator=annotator,
            )
    return len(sentences)


def _cohen(a: list[str], b: list[str]) -> float:
    """Cohen's kappa from its confusion matrix, as textbooks compute it."""
    categories = sorted(set(a) | set(b))
    index = {c: i for i, c in enumerate(categories)}
    matrix = np.zeros((len(categories), len(categories)))
    for x, y in zip(a, b, strict=True):
        matrix[index[x], index[y]] += 1
    n = matrix.sum()
    p_o = np.trace(matrix) / n
    p_e = float((matrix.sum(axis=1) * matrix.sum(axis=0)).sum()) / n**2
    return float((p_o - p_e) / (1 - p_e))


def agree(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict:  # type: ignore[type-arg]
    assert main(["agree", "--db", str(root), "--json", *args]) == 0
    result: dict = json.loads(capsys.readouterr().out)  # type: ignore[type-arg]
    return result


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_kappa_and_alpha_match_an_independent_computation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], seed: int
) -> None:
    rng = random.Random(seed)
    root = tmp_path / "store"
    store = Store(root)
    _tag_at_random(store, SAMPLE, ["ana", "bob"], rng)
    _tag_at_random(store, EMOJI, ["ana", "bob"], rng)

    # Independently: every sentence of both articles, untagged as "none".
    rows: dict[str, list[str]] = {"ana": [], "bob": []}
    for record in store.articles():
        assert record.sentences is not None
        for name in rows:
            mine = {a.sentence: a.label for a in store.annotations(record.id, name)}
            rows[name] += [mine.get(i, "none") for i in range(record.sentences)]
    codes = {c: i for i, c in enumerate(sorted(set(rows["ana"]) | set(rows["bob"])))}
    matrix = np.array([[codes[v] for v in rows[name]] for name in ("ana", "bob")], float)

    result = agree(root, capsys)
    assert result["annotators"] == ["ana", "bob"]
    assert result["units"] == len(rows["ana"])
    (pair,) = result["pairs"]
    assert pair["units"] == len(rows["ana"])
    assert pair["kappa"] == pytest.approx(_cohen(rows["ana"], rows["bob"]), abs=1e-9)
    expected_alpha = krippendorff.alpha(matrix, level_of_measurement="nominal")
    assert result["alpha"] == pytest.approx(expected_alpha, abs=1e-9)
    observed = sum(x == y for x, y in zip(rows["ana"], rows["bob"], strict=True))
    assert pair["observed"] == pytest.approx(observed / len(rows["ana"]))
    for label, figures in result["labels"].items():
        a = [str(v == label) for v in rows["ana"]]
        b = [str(v == label) for v in rows["bob"]]
        assert figures["kappa"] == pytest.approx(_cohen(a, b), abs=1e-9)
    assert sum(sum(row.values()) for row in result["confusion"].values()) == len(rows["ana"])


def test_a_missing_annotator_is_missing_not_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(7)
    root = tmp_path / "store"
    store = Store(root)
    sample = _tag_at_random(store, SAMPLE, ["ana", "bob", "cy"], rng)
    emoji = _tag_at_random(store, EMOJI, ["ana", "bob"], rng)
    result = agree(root, capsys)
    units = {(p["a"], p["b"]): p["units"] for p in result["pairs"]}
    assert units == {("ana", "bob"): sample + emoji, ("ana", "cy"): sample, ("bob", "cy"): sample}
    assert result["units"] == sample + emoji
    only = agree(root, capsys, "--annotator", "ana", "--annotator", "cy")
    assert only["annotators"] == ["ana", "cy"] and only["units"] == sample
    assert agree(root, capsys, "--annotator", "bob", "cy")["units"] == sample


def test_label_paths_and_disagreements(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "store"
    store = Store(root)
    _tag_at_random(store, SAMPLE, ["ana", "bob"], random.Random(4))
    emoji = _tag_at_random(store, EMOJI, ["ana", "bob"], random.Random(5))
    quotes = agree(root, capsys, "--label", "quote")
    assert list(quotes["labels"]) == ["quote"]
    assert all(("quote" in d["tags"].values()) for d in quotes["disagreements"])
    one = agree(root, capsys, str(EMOJI))
    assert one["units"] == emoji
    assert {d["article_id"] for d in one["disagreements"]} == {load_article(EMOJI).id}
    assert main(["agree", "--db", str(root), "--label", "rumour"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown label 'rumour'" in err


def test_orphans_are_left_out_and_said_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "store"
    store = Store(root)
    count = _tag_at_random(store, SAMPLE, ["ana", "bob"], random.Random(6))
    article = load_article(SAMPLE)
    store.tag(
        article.id,
        sentence=count + 3,
        start=99_000,
        end=99_010,
        text="gone",
        label="claim",
        annotator="ana",
    )
    assert main(["agree", "--db", str(root), "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["units"] == count
    assert "1 tag is on sentences past the end of their article" in captured.err


def test_unrecorded_sentence_counts_come_from_the_rule_based_splitter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "store"
    store = Store(root)
    count = _tag_at_random(store, SAMPLE, ["ana", "bob"], random.Random(8))
    # An article tagged through an import has a path but no recorded count.
    path = next((root / "articles").glob("*.json"))
    data = json.loads(path.read_text())
    data["article"]["1"]["sentences"] = None
    path.write_text(json.dumps(data))
    assert agree(root, capsys)["units"] == count


def test_table_output_shows_names_literally(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "store"
    store = Store(root)
    _tag_at_random(store, SAMPLE, ["ana", "[bold]bob\x1b[31m"], random.Random(9))
    assert main(["agree", "--db", str(root)]) == 0
    out = capsys.readouterr().out
    assert "[bold]bob␛[31m" in out and "\x1b" not in out
    for heading in ("Pairs", "kappa", "Krippendorff's alpha", "Confusion", "Disagreements"):
        assert heading in out


def test_nothing_to_compare_and_help(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "store"
    store = Store(root)
    _tag_at_random(store, SAMPLE, ["ana"], random.Random(10))
    assert main(["agree", "--db", str(root)]) == 0
    assert "nothing to compare" in capsys.readouterr().out
    result = agree(root, capsys)
    assert (result["units"], result["alpha"], result["pairs"]) == (0, None, [])
    with pytest.raises(SystemExit):
        main(["agree", "--help"])
    out = capsys.readouterr().out
    assert "Cohen's kappa" in out and 'counts as the category\n"none"' in out
