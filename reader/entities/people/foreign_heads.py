"""The first words of bodies' and places' names in other languages.

News in English keeps many bodies' names in their own language ("Conferencia del
Episcopado", "Llywodraeth Cymru", "Hay'at al-Aflam", "Stichting Natuur") and places'
names whose first word is a common noun or an adjective there ("Khirbet al-Naqa", "Deir
al-Balah", "Nowy Targ", "Gornji Grad"). A small model often calls them people, when the
word after the first is a given name's shape. Such a first word is a body's or a place's
noun in its language (council, government, union, society, hospital, ruin, new, upper),
never a given name: the name is no person's.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.entities.people.clue import NEVER, Clue

# Head words that open bodies' names: Spanish, Portuguese, French and Italian; Welsh;
# Irish; Arabic in Latin letters; Albanian; Dutch; German; Scandinavian; Croatian,
# Serbian and Bosnian; Polish; Indonesian and Malay. None is a known given name.
BODY_FIRST_WORDS = frozenset(
    """
    conselho comissão comissao comisión comision comité comite conseil consejo consiglio
    commissione junta sindicato syndicat sindacato procuradoria fiscalía fiscalia
    procura superintendencia superintendência secretaría dirección direccion direção
    direction autoridad autoridade agencia agência agence agenzia federación federacion
    federação fédération federazione confederación confederação confédération
    confederazione asamblea assembleia assemblée assemblea tribunal tribunale cour corte
    supremo asociación asociacion associação associazione conferencia conferência
    conférence conferenza cámara câmara chambre camera colegio colégio collège collegio
    escuela escola école scuola liceo lycée hospital hôpital ospedale clínica clinique
    universidad universidade université università instituto institut istituto fundación
    fundação fondation fondazione partido parti partito movimiento movimento mouvement
    frente fronte unión união unione liga ligue lega clube deportivo desportivo
    esportivo sportivo sportif atlético atletico banco banque banca compañía companhia
    compagnie compagnia empresa entreprise impresa sociedad sociedade société società
    grupo groupe gruppo corporación corporação centro museo museu musée teatro théâtre
    editorial editora éditions edizioni diario diário jornal gazzetta corriere folha
    rádio televisión televisão télévision ministerio ministério ministère ministero
    gobierno governo gouvernement municipalidad municipalité ayuntamiento prefeitura
    préfecture alcaldía comune mairie policía polícia polizia guardia gendarmerie
    ejército exército armée esercito real
    canolfan llywodraeth cyngor prifysgol coleg ysgol undeb cymdeithas plaid senedd
    comisiwn amgueddfa llyfrgell theatr urdd heddlu bwrdd
    comhairle údarás udaras coláiste scoil cumann conradh foras oifig roinn
    hay'at hay’at haiat majlis wizarat wizara jamiat jamia jamiyat sharikat sharika hizb
    harakat jabhat markaz maktab mahkamat mahkama
    shoqëria partia kuvendi gjykata ministria bashkia spitali universiteti agjencia
    vëllezërit
    vlaams vlaamse stichting vereniging partij ziekenhuis universiteit gemeente
    ministerie
    verband stiftung verein ministerium bundesamt landesamt
    stiftelsen foreningen forbundet partiet
    savez udruga udruženje zavod ministarstvo vlada sabor skupština opština općina
    stranka pokret sindikat fakultet bolnica
    związek fundacja stowarzyszenie urząd ministerstwo szpital uniwersytet
    persatuan yayasan badan kementerian lembaga partai komisi universitas pengadilan
    majelis
    """.split()
)
# Words that open places' names: Arabic in Latin letters (a ruin, a village, a monastery,
# a house, a cape: "Ras Lanuf", though "Ras" is a given name too) and the Slavic
# adjectives "new", "old", "great", "upper" and "lower".
PLACE_FIRST_WORDS = frozenset(
    """
    khirbet khirbat jebel kafr deir beit ras novo nowy nowa nowe stari staro stary stara
    velika veliki veliko gornji donji gornja donja
    """.split()
)


# Words that end places' names in English, none a known given name or surname ("Craig
# Cove", "Tumbler Creek", "Kaieteur Falls"), beside the gazetteer's heads.
PLACE_LAST_WORDS = frozenset(
    """cove creek falls heights point lagoon reef atoll peninsula plateau crater volcano
    springs glacier fjord swamp oasis desert""".split()
)


def foreign_head_clues(words: Sequence[str]) -> list[Clue]:
    """Evidence against a person when a name of two or more words opens with a body's or
    a place's first word in another language (see the module's docstring)."""
    # A capital after the first word: "del Episcopado", "al-Aflam", not a phrase.
    if len(words) < 2 or not any(char.isupper() for word in words[1:] for char in word):
        return []
    first = words[0].lower()
    if first in BODY_FIRST_WORDS:
        reason = f"a body's first word in its language: {words[0]}"
        return [("PERSON", NEVER, reason), ("ORG", 2, reason)]
    last = words[-1].lower().strip(".,")
    if first in PLACE_FIRST_WORDS or (last in PLACE_LAST_WORDS and words[-1][:1].isupper()):
        word = words[0] if first in PLACE_FIRST_WORDS else words[-1]
        reason = f"a place's word: {word}"
        return [("PERSON", NEVER, reason), ("GPE", 2, reason)]
    return []
