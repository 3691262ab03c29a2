"""A page's picture captions and credit lines are text of the article: the HTML loader keeps
each as a caption block where its picture was, and never drops them, nor body text."""

from __future__ import annotations

from pathlib import Path

from reader.article import Article
from reader.loaders import load_article

_BODY = [
    "NAIROBI - Parliament voted on Tuesday to scrap the levy on mobile money transfers, "
    "after weeks of protests by traders across the country.",
    "The finance committee said the tax had raised less than a third of what the treasury "
    "had forecast when it was introduced last year.",
    "Traders in Mombasa and Kisumu said they would watch how banks priced transfers before "
    "celebrating the decision of the house.",
]


def _page(tmp_path: Path, figure: str, *, figure_first: bool = False) -> Article:
    """A page of the three paragraphs with ``figure`` first or after the first one."""
    paragraphs = [f"<p>{text}</p>" for text in _BODY]
    paragraphs.insert(0 if figure_first else 1, figure)
    page = (
        "<!doctype html><html><head><title>Kenya scraps mobile money levy</title></head>"
        "<body><article><h1>Kenya scraps mobile money levy</h1>"
        f"{''.join(paragraphs)}</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    return load_article(path)


def _blocks(article: Article) -> list[tuple[str, str]]:
    return [(block.kind, article.block_text(block)) for block in article.blocks]


def test_a_figcaption_is_a_caption_block_where_its_picture_was(tmp_path: Path) -> None:
    caption = "Traders queue at a bank in Nairobi on Monday. Photo: Achieng Otieno/Nation"
    article = _page(
        tmp_path, f'<figure><img src="a.jpg" alt=""><figcaption>{caption}</figcaption></figure>'
    )
    blocks = _blocks(article)
    assert ("caption", caption) in blocks
    assert blocks.index(("caption", caption)) == blocks.index(("paragraph", _BODY[0])) + 1
    assert all(("paragraph", text) in blocks for text in _BODY)
    assert article.caption == caption
    assert "Readercaptionmark" not in article.text


def test_a_credit_line_beside_the_caption_is_kept_after_it(tmp_path: Path) -> None:
    article = _page(
        tmp_path,
        '<figure><img src="a.jpg"><figcaption>Traders queue in Nairobi.</figcaption>'
        '<span class="image-credit">Achieng Otieno/Nation</span></figure>',
    )
    blocks = _blocks(article)
    first = blocks.index(("caption", "Traders queue in Nairobi."))
    assert blocks[first + 1] == ("caption", "Achieng Otieno/Nation")
    assert all(("paragraph", text) in blocks for text in _BODY)


def test_a_caption_above_the_article_text_is_never_dropped(tmp_path: Path) -> None:
    caption = "A trader counts notes in Mombasa. (Reuters/Baz Ratner)"
    article = _page(
        tmp_path,
        f"<figure><figcaption>{caption}</figcaption></figure>",
        figure_first=True,
    )
    blocks = _blocks(article)
    assert ("caption", caption) in blocks
    assert all(("paragraph", text) in blocks for text in _BODY)
    assert article.text.count(caption) == 1


def test_a_page_without_pictures_is_read_as_before(tmp_path: Path) -> None:
    article = _page(tmp_path, "")
    assert [kind for kind, _ in _blocks(article)].count("caption") == 0
    assert [text for kind, text in _blocks(article) if kind == "paragraph"] == _BODY


def test_text_that_extraction_joins_before_a_caption_stays_body_text() -> None:
    from reader.loaders.html import _CAPTION_MARK, _with_captions

    joined = [("paragraph", f"The levy goes. {_CAPTION_MARK}Traders queue.")]
    assert _with_captions(joined, ["Traders queue."]) == [
        ("paragraph", "The levy goes."),
        ("caption", "Traders queue."),
    ]
