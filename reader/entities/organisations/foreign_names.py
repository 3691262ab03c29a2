"""Bodies' names in other languages, whose words after the head are joined by particles
("Conselho de Disciplina", "Corriere dello Sport") or in lower case ("Tribunal
administratif du travail"): where they start and end."""

from __future__ import annotations

import re

from reader.entities.organisations.shared import CAP

# First words of bodies' names in Portuguese, Spanish, French and Italian, with the
# particle that joins them to the rest ("Conselho de Disciplina", "Comisión Nacional del
# Mercado", "Conseil d'État").
FOREIGN_BODY_HEADS = frozenset(
    """conselho comissão comissao comisión comision comité comite conseil consejo
    consiglio commissione junta sindicato procuradoria fiscalía fiscalia
    superintendência superintendencia secretaría secretaria direção direccion dirección
    autoridade autoridad agência agencia federação federacion federación fédération
    confederação confederación confédération assembleia asamblea assemblée assemblea
    tribunal tribunale supremo asociación asociacion associação associacao""".split()
)
# Particles that join the words of a body's name in those languages, "and" among them
# ("Asociación de Hoteles y Turismo de la República", "Comité Permanente por la Defensa
# de los Derechos Humanos"); the longer first, so that "de la" is tried before "de".
_FOREIGN_JOIN = (
    r"(?:de los|de las|de la|del|de|do|da|dos|das|des|du|di|della|dello|delle|degli"
    r"|alla|allo|al|per|pour|por la|por el|por los|por las|para la|para el|para los|y|e|et"
    # What a body is against or about: "Fiscalía Especial contra la Impunidad".
    r"|contra la|contra el|contra los|contra las|contra|contre la|contre le|contre les"
    r"|contre|sobre la|sobre el|sobre los|sobre las|sobre)"
)
# The particles of those names one word at a time, as a name's words hold them.
JOIN_WORDS = frozenset(re.findall(r"[a-z]+", _FOREIGN_JOIN))
FOREIGN_BODY = re.compile(
    rf"(?<![\w-])([A-Z\u00c0-\u00de][\w\u00e0-\u00ff]+(?: {CAP})*"
    rf"(?: {_FOREIGN_JOIN}"
    rf"(?: l['\u2019])?"
    rf" {CAP}(?: {CAP})*)+)"
)


# First words of outlets' and institutions' names in other languages that an "of" phrase
# in their language completes ("Corriere dello Sport", "Banco do Brasil").
_FOREIGN_NAMED = FOREIGN_BODY_HEADS | frozenset(
    """corriere gazzetta diario diário jornal folha correio banco museu museo musée
    instituto institut universidade universidad université centro fundação fundación
    partido parti partito teatro théâtre impresa empresa compania comune""".split()
)
# Capitalised, as names begin: "Corriere della Sera", "Teatro alla Scala".
FOREIGN_NAMED_WORDS = tuple(sorted(w.capitalize() for w in _FOREIGN_NAMED))
_FOREIGN_TAIL = re.compile(rf"(?: {_FOREIGN_JOIN}(?: l['\u2019])? {CAP}(?: {CAP})*)+")
# A foreign body's head and the words up to a span that the model began after it:
# "Consejo" before "Dominicano de Unidad Evangélica", "Comité Permanente por la" before
# "Defensa de los Derechos Humanos".
_FOREIGN_HEAD_BEFORE = re.compile(
    rf"(?<![\w-])({'|'.join(FOREIGN_NAMED_WORDS)})(?: {CAP})*(?: {_FOREIGN_JOIN})? $"
)


def foreign_head_before(text: str, start: int, end: int) -> int:
    """The start of a body's name in another language whose head word the model left
    before its span, when the head's name runs through the whole span."""
    head = _FOREIGN_HEAD_BEFORE.search(text, max(0, start - 60), start)
    if head is None:
        return start
    match = FOREIGN_BODY.match(text, head.start())
    if match and match.end(1) >= end:
        return head.start()
    return start


# English words that a French name never holds in lower case: where a sentence goes on.
_ENGLISH = frozenset(
    """the a an of for and or in on at to with by from said says is was are were has have
    had will would which who that this its their his her""".split()
)
# Nouns of bodies in Central and Eastern European, Baltic and Nordic languages, which
# write them in lower case after the name's first word ("Komerční banka", "Sportske
# novosti", a "klinični center"): a bank, a broadcaster, a newspaper, a party or a
# movement, a union, a hospital or a clinic, a university, an institute, an office or an
# agency, a ministry, a court, a company or a group, a fund or a foundation, an academy,
# an association, a chamber or a council. Words that English writes alike ("bank",
# "radio", "center") are left out: "Czech bank" is no name.
LOWER_CASE_HEADS = frozenset(
    """banka bankas banken sparebank televize televízia televizija telewizja televízió
    radiotelevizija rozhlas noviny novine novosti gazeta strana stranka partija partia
    párt partiet hnutí hnutie pokret gibanje ruch sojuz savez zveza svaz zväz związek
    sąjunga savienība szövetség förbundet forbundet unija unie únia sindikat
    nemocnice nemocnica bolnica bolnišnica szpital kórház ligoninė slimnīca sykehus
    sjukhus klinika univerzita univerza univerzitet sveučilište uniwersytet egyetem
    universitetas universitāte ústav zavod inštitut instytut intézet institutas
    institūts institutet úřad úrad urząd hivatal agentura agentúra agencija agencja
    ügynökség agentūra ministerstvo ministarstvo ministrstvo ministerija minisztérium
    soud súd sud sodišče sąd bíróság teismas tiesa tingrett společnost spoločnosť
    spółka társaság bendrovė selskap pojišťovna poisťovňa spořitelna sporiteľňa skupina
    grupa csoport grupė fundusz fondas nadace nadácia zaklada fundacija fundacja
    alapítvány stiftelsen akademie akadémia akademija akademia sdružení združenie
    udruga udruženje društvo stowarzyszenie egyesület asociacija komora zbornica izba
    kamara rūmai taryba padome""".split()
)
# Lower-case adjectives of those languages that may stand between the first word and the
# head ("Univerzitetni klinični center"): a letter English does not write, or an
# adjective's ending of theirs.
_FOREIGN_ADJECTIVE = (
    r"[a-z\u00e0-\u017f]*"
    r"(?:[\u00e0-\u017f][a-z\u00e0-\u017f]*|(?:ni|ski|ska|sko|ske|cki|owy|owa|owe))"
)
# A lower-case word of their languages: not one of the English words a sentence goes on
# with.
_FOREIGN_LOWER = rf"(?!(?:{'|'.join(sorted(_ENGLISH))})\b)[a-z\u00e0-\u017f]+"
_HEAD_WORD = "|".join(sorted(LOWER_CASE_HEADS, key=len, reverse=True))
# The head (after up to two such adjectives), then the name's capitalised words after it
# ("Ljubljana", "Slovenije"), or the head alone when the name's words go before it.
_PURPOSE = rf" (?:za|na|pri|dla|pro|pre) {_FOREIGN_LOWER}(?: {_FOREIGN_LOWER}){{0,2}}"
_LOWER_CASE_TAIL = re.compile(
    rf" (?:{_FOREIGN_ADJECTIVE} ){{0,2}}(?:{_HEAD_WORD}|cent(?:er|re|ar|rum))(?![\w-])"
    # What the body is for, in lower case: "inštitut" + " za javno zdravje".
    rf"(?:{_PURPOSE})?"
    rf"(?: {CAP}){{0,2}}"
)
# A head written first, capitalised, and what the body is for: "Zavod" + " za zdravstveno
# zavarovanje Slovenije".
_PURPOSE_TAIL = re.compile(rf"{_PURPOSE}(?: {CAP}){{0,2}}")
# Its English cousins, which count only after a foreign adjective ("klinični center").
_ENGLISH_HEADS = frozenset("center centre centar centrum".split())


# The capitalised words of such a name before its adjectives and head: "Česká" before
# " televize".
_CAPS_BEFORE_HEAD = re.compile(
    rf"(?<![\w'\u2019-])({CAP}(?: {CAP}){{0,2}})(?: {_FOREIGN_ADJECTIVE}){{0,2}} $"
)
LOWER_CASE_HEAD_WORDS = tuple(sorted(LOWER_CASE_HEADS))
CAPITALISED_HEAD_WORDS = tuple(sorted(word.capitalize() for word in LOWER_CASE_HEADS))


def lower_case_name_before(text: str, head: int) -> tuple[int, int] | None:
    """The capitalised words before a head noun in lower case at ``head`` ("Česká" before
    "televize"), as a span, or ``None``."""
    match = _CAPS_BEFORE_HEAD.search(text, max(0, head - 80), head)
    return match.span(1) if match else None


def lower_case_tail(text: str, start: int, end: int) -> int:
    """The end of a body's name in a language that writes its head noun in lower case,
    which the model cut before it: "Komerční" + " banka", "Univerzitetni" + " klinični
    center Ljubljana". The span's words must all be capitalised."""
    words = text[start:end].split()
    if not words or not all(word[:1].isupper() for word in words):
        return end
    if len(words) == 1 and words[0].lower() in LOWER_CASE_HEADS:
        purpose = _PURPOSE_TAIL.match(text, end)
        if purpose and not any(word in _ENGLISH for word in purpose.group().split()):
            return purpose.end()  # "Zavod" + " za zdravstveno zavarovanje Slovenije"
    match = _LOWER_CASE_TAIL.match(text, end)
    if match is None:
        return end
    tail = match.group().split()
    heads = [i for i, word in enumerate(tail) if word in LOWER_CASE_HEADS | _ENGLISH_HEADS]
    if not heads or (tail[heads[0]] in _ENGLISH_HEADS and heads[0] == 0):
        return end  # "Ljubljana center": an English noun after a name
    if any(word in _ENGLISH for word in tail):
        return end
    return match.end()


def foreign_tail(text: str, start: int, end: int) -> int:
    """The end of a name in another language that the model cut before its "of" phrase:
    "Corriere" + "dello Sport", "Conselho" + "de Disciplina", or before its head noun in
    lower case: "Komerční" + "banka"."""
    lower = lower_case_tail(text, start, end)
    if lower > end:
        return lower
    first = text[start:end].split(" ", 1)[0]
    if first.lower() in FRENCH_HEADS:
        french = french_body(text, start)
        if french > end:
            return french  # "Tribunal" + "administratif du travail"
    if first.lower() not in _FOREIGN_NAMED:
        return end
    tail = _FOREIGN_TAIL.match(text, end)
    return tail.end() if tail else end


# First words of French bodies' names, whose other words are in lower case but for names
# ("Tribunal administratif du travail", "Centre national du cinéma et de l'image animée").
FRENCH_HEADS = frozenset(
    """centre tribunal direction conseil commission comité institut agence caisse société
    régie ministère cour fédération confédération syndicat banque autorité hôpital école
    université musée théâtre compagnie groupe parti mouvement chambre assemblée
    observatoire office""".split()
)
FRENCH_HEAD_WORDS = tuple(sorted(w.capitalize() for w in FRENCH_HEADS))
_FR_WORD = r"[a-z\u00e0-\u00ff][a-z\u00e0-\u00ff-]*"
_FR_NAME_WORD = r"[A-Za-z\u00c0-\u00ff][\w\u00c0-\u00ff-]*"
_FR_ADJECTIVE = r"[a-z\u00e0-\u00ff]+(?:ée|é|ées|és|aire|ale|aux|ique|ive|if)"
_FR_PARTICLE = (
    r"(?:de la|de l['\u2019]|d['\u2019]|du|des|de|et de la|et de l['\u2019]|et du|et des|et de|et)"
)
# The head, up to two adjectives, then particles' phrases of one word each (and a last
# adjective of a French ending: "de l'image animée").
_FRENCH_BODY = re.compile(
    rf"[A-Z\u00c0-\u00de]\w+(?: {_FR_WORD}){{0,2}}"
    rf"(?: {_FR_PARTICLE} ?{_FR_NAME_WORD}(?: {_FR_ADJECTIVE})?)+"
)


def french_body(text: str, start: int) -> int:
    """The end of a French body's name that starts at ``start`` (``start`` if none)."""
    match = _FRENCH_BODY.match(text, start)
    if match is None:
        return start
    words = match.group().replace("\u2019", " ").replace("'", " ").split()
    if any(word in _ENGLISH for word in words):
        return start
    return match.end()
