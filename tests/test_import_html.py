"""HTML pages: the article's title, date, byline and body, nothing of the page around it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.article import Article
from reader.errors import ArticleError
from reader.loaders import LOADERS, find_article_files, load_article, load_articles

DATA = Path(__file__).parent / "data" / "io"


def assert_exact_offsets(article: Article) -> None:
    """Every block's text is exactly the article text at its offsets, in order."""
    previous_end = 0
    for block in article.blocks:
        assert previous_end <= block.start < block.end <= len(article.text)
        assert article.text[block.start : block.end] == article.block_text(block)
        assert article.block_text(block) == article.block_text(block).strip()
        previous_end = block.end


def test_html_page_gives_title_date_byline_and_body() -> None:
    article = load_article(DATA / "article.html")

    assert article.format == "html"
    assert article.title == "Iran, Iraq vow to boost military ties"
    assert article.date == "2017-07-24"
    assert article.byline == "AFP"
    assert article.metadata["source"] == "Jordan Times"
    assert article.metadata["url"] == "https://example.org/news/iran-iraq-military-ties"
    kinds = [block.kind for block in article.blocks]
    assert kinds[:2] == ["title", "byline"]
    assert "heading" in kinds
    assert article.text.count("Iran, Iraq vow to boost military ties") == 1  # said once
    assert "Hayali said." in article.text
    assert_exact_offsets(article)


@pytest.mark.parametrize(
    "furniture",
    ["Home", "Region", "font-family", "Tracking text", "late script", "All rights reserved"],
)
def test_navigation_scripts_styles_and_footer_are_dropped(furniture: str) -> None:
    assert furniture not in load_article(DATA / "article.html").text


def test_page_without_article_text_says_so(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no article text found in this HTML page"):
        load_articles(DATA / "no-article.html")


def test_html_is_recognised_by_content_whatever_its_name(tmp_path: Path) -> None:
    page = tmp_path / "saved-page.txt"
    page.write_bytes((DATA / "article.html").read_bytes())
    assert load_article(page).format == "html"


def test_html_files_are_listed_in_a_folder(tmp_path: Path) -> None:
    for name in ("a.html", "b.htm", "c.txt", "d.css"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in find_article_files(tmp_path)] == ["a.html", "b.htm", "c.txt"]


def test_escape_sequences_never_reach_the_text(tmp_path: Path) -> None:
    page = tmp_path / "hostile.html"
    page.write_text(
        "<html><head><title>T\x1b]0;owned\x07itle</title></head><body>"
        "<p>First \x1b[31mred\x1b[0m paragraph of the story.</p>"
        "<p>Second\x9b2J paragraph, with a bell\x07 in it.</p></body></html>",
        encoding="utf-8",
    )
    article = load_article(page)
    assert "red paragraph" in article.text
    for debris in ("\x1b", "\x07", "\x9b", "[31m", "]0;", "owned"):
        assert debris not in article.text
    assert_exact_offsets(article)


def test_declared_charset_is_honoured(tmp_path: Path) -> None:
    page = tmp_path / "cyrillic.htm"
    page.write_bytes(
        '<html><head><meta charset="windows-1251"><title>Новости</title></head>'
        "<body><p>Министр сказал, что переговоры прошли успешно.</p></body></html>".encode("cp1251")
    )
    article = load_article(page)
    assert article.title == "Новости"
    assert "Министр сказал" in article.text


def test_fragment_without_html_tag_still_loads(tmp_path: Path) -> None:
    page = tmp_path / "fragment.html"
    page.write_text("<p>One paragraph saved on its own.</p>", encoding="utf-8")
    assert load_article(page).text == "One paragraph saved on its own."


def test_emoji_and_astral_characters_keep_exact_offsets(tmp_path: Path) -> None:
    page = tmp_path / "emoji.html"
    paragraphs = [
        "The crew 🚀 cheered for 𝔭𝔢𝔯𝔣𝔢𝔠𝔱 minutes, said NASA, as the capsule rose.",
        "Flags 🇺🇸 and 🇯🇵 flew over the launch site near the coast on Tuesday.",
    ]
    page.write_text(
        "<html><head><title>Launch 😀 day</title></head><body><article><h1>Launch 😀 day</h1>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article></body></html>",
        encoding="utf-8",
    )
    article = load_article(page)
    assert article.title == "Launch 😀 day"
    assert [article.block_text(b) for b in article.blocks[1:]] == paragraphs
    assert_exact_offsets(article)


def test_short_page_keeps_its_paragraphs_apart(tmp_path: Path) -> None:
    page = tmp_path / "short.html"
    page.write_text(
        "<html><body><h2>Brief</h2><p>One.</p><ul><li>Two.</li><li>Three.</li></ul></body></html>",
        encoding="utf-8",
    )
    article = load_article(page)
    assert [article.block_text(b) for b in article.blocks][-3:] == ["One.", "Two.", "Three."]


def test_html_loader_is_registered_before_the_text_fallback() -> None:
    names = [loader.name for loader in LOADERS]
    assert names.index("html") < names.index("text") == len(names) - 1


_tags = st.sampled_from(
    ["<p>", "</p>", "<h1>", "</h1>", "<li>", "<ul>", "<br>", "<script>", "</script>",
     "<style>", "<nav>", "</nav>", "<table><tr><td>", "<pre>", "</pre>", "<!--", "-->",
     "<body>", "<html>", "&amp;", "&#0;", "\x1b[2J", "\n", "\r\n", "<div>", "</div>"]
)  # fmt: skip
_words = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=30)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_tags, _words), max_size=30), st.integers(0, 400))
def test_any_page_loads_with_exact_offsets_or_fails_cleanly(
    tmp_path_factory: pytest.TempPathFactory, pieces: list[str], cut: int
) -> None:
    page = "<!DOCTYPE html><html><body>" + "".join(pieces)
    page = page[: len(page) - cut] if cut < len(page) else page  # truncated downloads too
    path = tmp_path_factory.mktemp("html") / "page.html"
    path.write_text(page, encoding="utf-8", errors="surrogatepass")
    try:
        articles = load_articles(path)
    except ArticleError as error:
        assert "\n" not in str(error)
        return
    assert len(articles) == 1
    assert_exact_offsets(articles[0])
    assert articles[0].blocks
