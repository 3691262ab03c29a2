"""Page chrome: the menus, share buttons, sign-in prompts and related headlines around an
article, told apart from its text by shape.

A scraper or a saved page brings the page's furniture along. It is recognised in three
ways, and a line that reads like a sentence of the body (it ends like a sentence, or is
long, or opens with a dateline) is never chrome:

* **interface words**: a short, capitalised line that is only a control's label ("Share on
  Facebook", "Sign in", "Subscribe", "Skip to Content", "Advertisement", "Most read",
  "Markets Briefing for Subscribers"). These are dropped wherever they are.
* **at the edges**, above the article and below its last paragraph: navigation bars
  ("Home | World | Business"), cookie notices and copyright lines.
* **related headlines**: a run of two or more short, title-like lines after the last
  paragraph, or any title-like lines after a list heading ("Related stories", "Read more").
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence

from reader.loaders.layout import MONTH_RE, ends_sentence, parse_byline

# Labels of a page's controls, matched against a whole short line (lower case, without
# the bullets, arrows and colons around it). Phrases, not single words: "Share prices
# slump" is a heading, "Share on Facebook" a button.
_SITES = (
    r"facebook|twitter|x|linkedin|whatsapp|reddit|e-?mail|telegram|bluesky|threads|pinterest"
    r"|flipboard|messenger|instagram|youtube|tiktok|mastodon|google\ news"
)
_UI = re.compile(
    r"""^(?:
      advertisement|advert|ads?|sponsored(?:\ content)?|promoted(?:\ content)?|paid\ content
    | you\ are\ here|home(?:page)?|menu|main\ menu|search|close|back\ to\ top|toggle\ navigation
    | skip\ (?:to|navigation)(?:\ (?:the\ )?(?:main\ )?(?:content|navigation|search|article))?
    | (?:share|tweet|pin|e-?mail|print|save|post|send)(?:\ (?:this|the))?
      (?:\ (?:article|story|page|link|post))?(?:\ (?:on|via|to|by)\ (?:{_SITES}))?
    | (?:follow|like|find)\ us(?:\ on\ (?:{_SITES}))?
    | (?:sign|log)\ ?(?:in|up|out|on)
      (?:\ (?:now|here|for\ free|with\ \w+|to\ (?:comment|continue|read(?:\ more)?)))?
    | register(?:\ now|\ for\ free)?
    | create\ (?:an\ )?account|my\ account
    | subscribe(?:\ (?:now|today|here|for\ free|to\ (?:read|continue\ reading)))?
    | subscribers?\ only|[\w' ]{1,40}\ for\ subscribers
    | already\ a\ subscriber\??|unlock\ (?:this\ )?(?:article|story)
    | (?:get|sign\ up\ for|subscribe\ to|join)\ (?:our|the)\ [\w ]{0,20}newsletters?|newsletters?
    | (?:most|more)\ (?:read|popular|viewed|shared|commented|emailed)
      (?:\ (?:today|this\ week|stories|articles))?
    | trending(?:\ now|\ stories)?|top\ stories|latest\ (?:news|stories)|editor'?s\ picks?
    | related(?:\ (?:articles?|stories|story|news|content|coverage|topics|links|posts|videos?))?
    | read\ (?:more|next|also)|see\ also|also\ read|recommended(?:\ for\ you|\ stories)?
    | you\ (?:may|might)\ also\ like|more\ (?:on\ this\ story|stories|news)
    | more\ (?:from|in)\ \w+(?:\ \w+)?
    | comments?(?:\ \(\d+\))?|\d+\ comments?|(?:show|view|leave\ a|add\ a|post\ a)\ comments?
    | photo\ id|(?:photo|image)\ credit|enlarge\ (?:this\ )?(?:image|photo)
    | view\ (?:gallery|slideshow)|(?:watch|play)(?:\ the)?\ video|video
    | accept(?:\ all)?\ cookies|(?:manage\ )?cookies?(?:\ (?:settings|policy|preferences))?
    | privacy\ policy|terms\ (?:of\ (?:use|service)|and\ conditions)|contact\ us|about\ us
    | \d+\ min(?:ute)?s?\ read
    | subscribe(?:\ (?:from|for))?\ (?:[a-z]{3}\ )?\S*\d[\d.,]*\S*
      (?:\ (?:a|per)\ (?:week|month|year))?
    | copy\ link|e-?paper|print\ edition|donate(?:\ now)?|support\ us
    | enditem  # a wire's end mark (Xinhua)
    # The same controls on pages in French, Spanish, Portuguese, Italian and German.
    | aller\ au\ contenu|passer\ au\ contenu|ir\ al\ contenido|saltar\ al\ contenido
    | ir\ para\ o\ conte[u\u00fa]do|vai\ al\ contenuto|zum\ inhalt(?:\ springen)?
    | se\ connecter|connexion|s'abonner|abonnez-vous|s'inscrire|inscription
    | iniciar\ sesi[o\u00f3]n|suscr[i\u00ed]bete|suscribirse|reg[i\u00ed]strate|entrar|assinar
    | accedi|abbonati|anmelden|abonnieren|registrieren
    | partager|compartir|partilhar|condividi|teilen
    | copier\ le\ lien|copiar\ (?:el\ )?(?:enlace|link)|copia\ link|link\ kopieren
    )$""".replace("{_SITES}", _SITES),
    re.X,
)
# Headings that open a list of other stories: what follows them to the end is not the article.
_LIST_HEADING = re.compile(
    r"^(?:related|read|see\ also|also\ read|recommended|you\ (?:may|might)|more\ |most\ "
    r"|trending|top\ stories|latest|editor)",
    re.X,
)
# "Related: Other headline", "Read more: ...": a link to another story, wherever it is.
_PREFIXED_LINK = re.compile(
    r"^(?:related|read\ more|read\ also|also\ read|see\ also|recommended|watch|listen)"
    r"\s*[:›»>|]\s*\S",
    re.I | re.X,
)
_EDGE_CHARS = " \t:|>-\u2022\u00b7\u203a\u00bb*_#"
_NAV_SEPARATOR = re.compile(r"\s+[|\u2022\u00b7\u203a\u00bb>/]\s+")
_COPYRIGHT = re.compile(r"^(?:\u00a9|\(c\)\s*\d{4}|copyright\b)|\ball rights reserved\b", re.I)
_COOKIES = re.compile(r"\bcookies?\b", re.I)
_CONSENT = re.compile(r"\b(?:accept|consent|agree|privacy|continu|experience|settings)", re.I)

# A news dateline opens the body: "LONDON, June 27 ...", "TEHRAN — ...",
# "BRUSSELS (Reuters) - ...", "CHICAGO (AP) -- ...".
_DATELINE = re.compile(
    r"^[A-Z][A-Z'.\-]+(?:\s[A-Z][A-Z'.\-]+){0,3}"
    r"(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?"
    r"(?:\s*\([A-Za-z][\w.&' -]{0,30}\)\s*(?:\u2014|\u2013|--|-)"
    r"|\s*(?:\u2014|\u2013|--)|\s+-\s"
    rf"|,\s+{MONTH_RE}\s+\d{{1,2}}\b|,\s+\d{{1,2}}\s+{MONTH_RE}(?:\s|$))"
)
# Credits end many stories and are text, whatever their shape.
_CREDIT = re.compile(r"\b(?:reporting|editing|writing|compiled|contributed|additional)\b", re.I)

#: Interface labels are short; a longer line is someone's sentence.
_MAX_UI_WORDS = 8
#: A related headline is at most this long; a longer line is a paragraph.
_MAX_HEADLINE_WORDS = 16


def _words(line: str) -> int:
    return len(line.split())


def is_dateline(line: str) -> bool:
    """Does ``line`` open with a news dateline ("LONDON, June 27", "TEHRAN —")?"""
    return bool(_DATELINE.match(line.strip()))


def reads_like_body(line: str) -> bool:
    """A line that reads like a sentence of the article is never chrome."""
    line = line.strip()
    return (
        ends_sentence(line)
        or _words(line) > _MAX_HEADLINE_WORDS
        or len(line) > 140
        or is_dateline(line)
        or bool(_CREDIT.search(line))
    )


def is_interface(line: str) -> bool:
    """Is ``line`` only the label of a page control ("Share on Facebook", "Sign in")?"""
    text = line.strip()
    text = re.sub(r"(?:\.\.\.|\u2026)$", "", text).strip(_EDGE_CHARS)
    if not text or _words(text) > _MAX_UI_WORDS or ends_sentence(text):
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False  # a wrapped line's last word ("home.") is not a button
    if _PREFIXED_LINK.match(text) and not reads_like_body(text.split(":", 1)[-1]):
        return True
    return bool(_UI.match(" ".join(text.lower().split())))


# What a bar names beside its controls: the sites of a share bar ("Share | Facebook | X |
# Copy link") and the languages of an edition switch ("Log in | Subscribe | English").
_SITE = re.compile(
    rf"""^(?:{_SITES}|viber|vk|weibo|wechat|line|kakaotalk|print
    | english|fran[c\u00e7]ais|espa[n\u00f1]ol|portugu[e\u00ea]s|deutsch|italiano
    )(?:\ edition)?$""",
    re.X,
)
_BAR_SEPARATOR = re.compile(r"\s+[|\u2022\u00b7]\s+|\s*:\s+")


def is_control_bar(line: str) -> bool:
    """Is ``line`` a bar of two or more controls ("Log in | Register", "Share this
    article: Facebook | X | Telegram")? Every item must be a control's label or a site."""
    items = [item.strip(_EDGE_CHARS) for item in _BAR_SEPARATOR.split(line.strip())]
    items = [item for item in items if item]
    return len(items) >= 2 and all(
        _SITE.match(item.lower()) or _UI.match(item.lower()) or is_interface(item) for item in items
    )


def is_edge_chrome(line: str) -> bool:
    """Chrome that only the top or the bottom of a page carries: a control's label,
    a navigation bar, a cookie notice or a copyright line."""
    text = line.strip()
    if is_interface(text):
        return True
    if _words(text) <= 25 and _COPYRIGHT.search(text):
        return True
    if _words(text) <= 60 and _COOKIES.search(text) and _CONSENT.search(text):
        return True
    items = [item for item in _NAV_SEPARATOR.split(text) if item.strip(_EDGE_CHARS)]
    return (
        len(items) >= 3
        and all(_words(item) <= 4 for item in items)
        and not any(ends_sentence(item) for item in items)
    )


_COPYRIGHT_WORDS = re.compile(r"\u00a9|\(c\)|\bcopyright\b|\b\d{4}\b", re.I)
_COPYRIGHT_SIGN = re.compile(r"\u00a9|\(c\)\s*\d{4}|\bcopyright\b", re.I)
# The publisher a copyright line names: "© 2026 Acme Herald. All rights reserved. | Privacy".
_RIGHTS = re.compile(
    r"\s*\b(?:all rights reserved|todos los derechos reservados|tous droits "
    r"r\u00e9serv\u00e9s|alle rechte vorbehalten)\b.*$",
    re.I,
)


def copyright_credit(line: str) -> str | None:
    """The part of a copyright line that credits its publisher ("© 2026 Acme Herald."),
    without the rights notice and the links after it; ``None`` when it names nobody.

    The outlet is the article's publisher, a name the reader keeps; the line's links
    ("Privacy | Contact") are chrome."""
    text = line.strip()
    if not (_words(text) <= 25 and _COPYRIGHT_SIGN.search(text)):
        return None
    items = [item.strip(_EDGE_CHARS) for item in _NAV_SEPARATOR.split(text)]
    item = next((item for item in items if _COPYRIGHT_SIGN.search(item)), "")
    # Up to the notice of rights or the first full stop: "... Observer. About us".
    credit = re.split(r"\.\s", _RIGHTS.sub("", item), maxsplit=1)[0].strip(_EDGE_CHARS + ".,")
    return credit if publisher(credit) else None


def publisher(credit: str) -> str:
    """The name in a copyright credit ("© 2026 Acme Herald" -> "Acme Herald"), or ``""``."""
    name = " ".join(_COPYRIGHT_WORDS.sub(" ", credit).split()).strip(_EDGE_CHARS + ".,")
    return name if any(word[0].isupper() for word in name.split()) else ""


def is_headline(line: str) -> bool:
    """A short, capitalised line that does not end like a sentence: another story's title."""
    text = line.strip()
    return (
        bool(text)
        and (text[0].isupper() or text[0].isdigit() or text[0] in "\"'\u201c\u2018")
        and 2 <= _words(text) <= _MAX_HEADLINE_WORDS
        and not reads_like_body(text)
        and not text.endswith((",", ";", "-", "\u2013", "\u2014"))
        and parse_byline(text) is None
    )


def _continues(lines: Sequence[str], index: int) -> bool:
    """Does the line after ``lines[index]`` carry on its sentence (wrapped text)?"""
    following = lines[index + 1].strip() if index + 1 < len(lines) else ""
    return bool(following) and following[0].islower()


def chrome_lines(lines: Sequence[str], *, headings: Container[int] = ()) -> set[int]:
    """The indexes of the chrome lines among ``lines`` (blank lines are never listed).

    Interface labels go wherever they are; navigation, cookie notices and copyright lines
    at the top (before the first other line, passing over the ``headings``, whose place a
    page's markup already told) and at the bottom (after the last); title-like lines after
    a closing list heading ("Related stories") to the end.
    """
    found = {
        index
        for index, line in enumerate(lines)
        if line.strip()
        and (is_interface(line) or is_control_bar(line))
        and not _continues(lines, index)
    }
    # The top: everything chrome-shaped before the first line that is not.
    for index, line in enumerate(lines):
        if not line.strip() or index in found or index in headings:
            continue
        if not is_edge_chrome(line):
            break
        found.add(index)
    # The bottom, working upwards: chrome, and lines of other stories under a list heading.
    index = len(lines) - 1
    pending: list[int] = []  # headline-shaped lines not yet known to be under a heading
    while index >= 0:
        line = lines[index]
        if not line.strip():
            pass
        elif is_edge_chrome(line):
            found.add(index)
            if is_interface(line) and _LIST_HEADING.match(line.strip(_EDGE_CHARS).lower()):
                found.update(pending)
                pending.clear()
        elif is_headline(line):
            pending.append(index)
        else:
            break
        index -= 1
    return found


def trailing_headlines(paragraphs: Sequence[str]) -> int:
    """How many paragraphs at the end are a run of other stories' headlines.

    Two or more title-like paragraphs after the last paragraph that ends like a sentence
    are a list of related stories; one alone may be the article's own last line, and is
    kept.
    """
    count = 0
    for paragraph in reversed(paragraphs):
        if not is_headline(paragraph):
            break
        count += 1
    if count < 2 or count == len(paragraphs):
        return 0
    before = paragraphs[-count - 1]
    return count if ends_sentence(before) else 0
