"""Text articles kept as loaded (reader/loaders/article_cache.py): read back exactly as the
loader makes them, never for another file, and never in place of a loader's error."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.analysis import split_article
from reader.errors import ArticleError
from reader.loaders import load_articles
from reader.loaders.article_cache import kept_spans

REPO = Path(__file__).resolve().parent.parent
TEXT_ARTICLES = sorted(
    path
    for folder in (REPO / "articles", REPO / "tests" / "data")
    for path in folder.rglob("*")
    if path.suffix in (".txt", ".md")
)


def _kept_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


@pytest.mark.parametrize("path", TEXT_ARTICLES, ids=lambda p: str(p.relative_to(REPO)))
def test_a_kept_article_is_the_article_the_loader_makes(path: Path, tmp_path: Path) -> None:
    fresh = load_articles(path)
    first = load_articles(path, kept=tmp_path)
    assert _kept_files(tmp_path), "nothing was kept"
    again = load_articles(path, kept=tmp_path)
    assert first == fresh
    assert again == fresh


@pytest.mark.parametrize("path", TEXT_ARTICLES, ids=lambda p: str(p.relative_to(REPO)))
def test_a_kept_articles_sentences_are_the_splitters(path: Path, tmp_path: Path) -> None:
    load_articles(path, kept=tmp_path)
    [again] = load_articles(path, kept=tmp_path)
    assert kept_spans(again) is not None, "the sentences were not kept"
    assert split_article(again) == split_article(load_articles(path)[0])


def test_kept_sentences_are_only_the_article_read_backs(sample_path: Path, tmp_path: Path) -> None:
    load_articles(sample_path, kept=tmp_path)
    [again] = load_articles(sample_path, kept=tmp_path)
    [fresh] = load_articles(sample_path)
    assert fresh == again
    assert kept_spans(fresh) is None


@pytest.mark.parametrize(
    "spans",
    [None, [], "x", [["x"]], [[[5, 2]]], [[[0, 10**6]]], [[[0, 4], [2, 8]]], [[["0", 4]]]],
    ids=repr,
)
def test_an_entry_with_sentences_outside_their_blocks_is_not_used(
    sample_path: Path, tmp_path: Path, spans: object
) -> None:
    load_articles(sample_path, kept=tmp_path)
    [entry] = _kept_files(tmp_path)
    data = json.loads(entry.read_text(encoding="utf-8"))
    if isinstance(spans, list) and spans:
        spans = spans + [[] for _ in data["blocks"][1:]]  # the first block's are bad
    data["sentences"] = spans
    entry.write_text(json.dumps(data), encoding="utf-8")
    [again] = load_articles(sample_path, kept=tmp_path)
    assert kept_spans(again) is None, "read back with the bad sentences"
    assert split_article(again) == split_article(load_articles(sample_path)[0])
    [third] = load_articles(sample_path, kept=tmp_path)
    assert kept_spans(third) is not None, "the entry was not kept again"


def test_the_path_is_the_one_given_now(sample_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "elsewhere.txt"
    shutil.copyfile(sample_path, copy)
    load_articles(sample_path, kept=tmp_path / "kept")
    [moved] = load_articles(copy, kept=tmp_path / "kept")
    assert moved.path == str(copy)
    assert moved == load_articles(copy)[0]


def test_an_edited_file_is_loaded_again(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text("A title\n\nThe first paragraph says one thing.\n", encoding="utf-8")
    load_articles(article, kept=tmp_path / "kept")
    article.write_text("A title\n\nThe first paragraph says another.\n", encoding="utf-8")
    [edited] = load_articles(article, kept=tmp_path / "kept")
    assert "another" in edited.text
    assert edited == load_articles(article)[0]


def test_the_suffix_is_part_of_the_key(tmp_path: Path) -> None:
    text = "Heading line\n\n- one item of a list\n- another item\n"
    plain, markdown = tmp_path / "a.txt", tmp_path / "a.md"
    plain.write_text(text, encoding="utf-8")
    markdown.write_text(text, encoding="utf-8")
    kept = tmp_path / "kept"
    load_articles(plain, kept=kept)
    assert load_articles(markdown, kept=kept) == load_articles(markdown)
    assert len(_kept_files(kept)) == 2


@pytest.mark.parametrize(
    "damage",
    [b"", b"{", b"[]", b'{"id": "0", "text": "x"}', b"\x00\xff"],
    ids=["empty", "truncated", "list", "wrong-id", "binary"],
)
def test_a_damaged_entry_is_loaded_again(sample_path: Path, tmp_path: Path, damage: bytes) -> None:
    load_articles(sample_path, kept=tmp_path)
    [entry] = _kept_files(tmp_path)
    entry.write_bytes(damage)
    assert load_articles(sample_path, kept=tmp_path) == load_articles(sample_path)
    assert entry.read_bytes() != damage, "the entry was not kept again"


def test_an_entry_with_a_block_outside_its_text_is_not_used(
    sample_path: Path, tmp_path: Path
) -> None:
    load_articles(sample_path, kept=tmp_path)
    [entry] = _kept_files(tmp_path)
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["blocks"][-1][2] = len(data["text"]) + 1
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert load_articles(sample_path, kept=tmp_path) == load_articles(sample_path)
    assert json.loads(entry.read_text(encoding="utf-8"))["blocks"][-1][2] == len(data["text"])


def test_an_error_is_the_loaders_and_nothing_is_kept(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(ArticleError):
        load_articles(empty, kept=tmp_path / "kept")
    assert not (tmp_path / "kept").exists() or not _kept_files(tmp_path / "kept")


def test_an_unwritable_folder_still_loads(sample_path: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("", encoding="utf-8")
    assert load_articles(sample_path, kept=blocker) == load_articles(sample_path)
