"""Words that tell what a name names: titles and roles before a person's name, head words of
organisations and of places, and the speech verbs whose subject is a person or an
organisation.

Titles come from ``nameparser`` (about 800 honorifics, ranks and occupations, in many
languages), with the roles that news copy puts before a name added. Everything here is a
word list of English usage, never a list of particular names.
"""

from __future__ import annotations

from functools import lru_cache

# Roles that news copy writes before a name, beyond nameparser's titles ("striker Rafael
# Duarte", "Kisumu MP Peter Oloo", "MPs Jane Mwangi").
_ROLES = frozenset(
    """mp mps mep meps mla mlas mna mnas mpa mpas msp msps td tds mk mks ombudsman ombudswoman
    senator senators lawmaker lawmakers legislator legislators
    councillor councilor congressman congresswoman assemblyman assemblywoman rep rep. sen.
    gov. lt. gen. col. maj. capt. sgt. supt. insp. det. cpl. pte. adm. cmdr. brig.
    striker midfielder defender goalkeeper winger forward keeper coach manager skipper
    captain boss chairman chairwoman chairperson chair spokesman spokeswoman spokesperson
    minister ministers secretary secretaries economist analyst analysts strategist
    lawyer lawyers attorney prosecutor judge justice magistrate professor researcher
    scientist activist activists campaigner founder cofounder co-founder owner investor
    editor reporter correspondent photographer columnist presenter host star singer
    rapper actor actress director producer author novelist poet artist designer architect
    chef president premier governor mayor ambassador envoy commissioner inspector
    superintendent officer sergeant constable detective ceo cfo coo cto chief executive
    head leader leaders boss deputy vice acting interim former late then outgoing incoming
    veteran rookie teammate opponent rival challenger incumbent candidate nominee
    presidential opposition ruling party regional state federal national local provincial
    county municipal senior junior top counsellor counselor datuk dato datin seri
    tun puan encik haji hajjah cs cas""".split()
)

# Honorifics and titles of other languages that news copy in English keeps before a name
# ("Ing. Carlos Ruiz", "Kgosi Mothibi Seepapitso", "Yr Athro Gwenllian ap Siôn", "Shri
# Anil Kumar", "Alhaji Musa Bello"): Spanish, Italian and Portuguese degrees, Welsh,
# Setswana, Zulu, Swahili, Hindi, Tamil, Hausa and Malay forms of address, none in
# nameparser.
FOREIGN_TITLES = frozenset(
    """ing lic licdo licda arq abog avv dott dra engr kgosi kgosikgolo inkosi nkosi mzee
    shri shrimati smt thiru thirumathi tmt selvi athro parchedig alhaji alhaja hajia
    mallam malam ustaz ustazah khun""".split()
)

# Roles written as acronyms, which name no one alone and no body either ("Galway TD",
# "the CS", "an MCA"); an acronym is otherwise kept as a name.
ROLE_ACRONYMS = frozenset(
    """mp mps mep meps mla mlas mca mcas mna mnas mpa mpas msp msps td tds mk mks cs cas ceo cfo
    coo cto""".split()
)

# Roles that only a person holds, written before the name ("Chief Executive Jane Doe",
# "striker Rafael Duarte"): stricter than the titles, which include ranks and modifiers.
ROLE_NOUNS = frozenset(
    """executive ceo cfo coo cto chairman chairwoman chairperson president minister
    secretary director spokesman spokeswoman spokesperson governor mayor senator
    ambassador envoy commissioner coach manager striker midfielder defender goalkeeper
    winger captain economist analyst lawyer attorney prosecutor judge justice professor
    editor editors reporter reporters correspondent correspondents writer writers
    photographer founder mp mep lawmaker premier chancellor
    general colonel commander inspector superintendent officer""".split()
)

# Honorifics that are part of the name when only one name follows: "Sheikh Hamid" is not
# "Hamid", "King Charles" is not "Charles".
HONORIFICS = frozenset(
    """sheikh sheik shaikh cheikh emir amir sultan king queen prince princess pope ayatollah imam
    mullah rabbi lord lady dame sir cardinal patriarch maharaja rajah raja tsar""".split()
)

# Titles of honour that go before a full name but are not part of it: "Sir Edmund
# Halloway" is Edmund Halloway, and "Sir Edmund" his short form (a knight keeps the title
# with the first name alone, where "Sheikh Faisal bin Jassim" keeps it whole).
HONOUR_TITLES = frozenset("sir dame lord lady".split())

# The last word of an organisation's name ("Safaricom Group", "Supreme Court", "Labour
# Party"). Words that also end the names of buildings or places are not here.
ORG_HEADS = frozenset(
    """ltd ltd. limited inc inc. corp corp. corporation co co. company companies plc llc
    administration group holdings holding bank banks party parties court tribunal ministry
    ministries
    agency agencies tv television radio fc afc cf sc united city university universities
    college academy institute institution hospital clinic school schools foundation fund
    trust commission council councils committee board authority authorities bureau
    office department service services force forces army navy police guard guards front
    movement alliance coalition congress assembly parliament senate cabinet government
    society association federation union unions league club clubs network media news
    times post herald journal gazette tribune telegraph chronicle press wire broadcasting
    studios pictures images photos records airlines airways motors motor electronics industries
    technologies technology systems labs laboratories pharmaceuticals pharma energy oil
    petroleum gas mining telecom telecoms communications capital securities partners
    insurance solutions brands foods beverages breweries brewery bancorp financial
    exchange reserve secretariat brigade brigades ultras collective organisation
    organization organisations organizations consortium cooperative co-operative church
    diocese directorate inspectorate command squad team properties estates developers
    realty construction logistics shipping resources minerals chemicals steel cement
    textiles retail stores supermarkets hotels resorts entertainment software networks
    ventures investments equity asset assets management advisers advisors consulting
    associates conservancy forum council institution observatory biopharma biotech
    hydrocarbons sport sports seafood fisheries aquaculture""".split()
)

# First words of places' names: "Lake Powell", "Mount Kenya", "Cape Town", "Port Moresby",
# and in Spanish, Portuguese, French and Italian: "Puerto Ayora", "Ciudad Obregón", "Ilha
# Grande", "Lago Agrio", "Cerro Largo"; in Arabic a cape, a valley, a mountain, an
# anchorage, a monastery, a house, a village or a palace ("Ras Tanura", "Wadi Halfa",
# "Jebel Ali", "Marsa Matruh", "Deir el-Balah", "Beit Hanoun", "Kafr Qasim"); an inn or a
# palace ("Auberge de Provence", "Palazzo Chigi").
PLACE_FIRST_WORDS = frozenset(
    """lake mount mt cape port fort gulf sierra lac monte puerto ciudad bahía bahia isla
    ilha île isola lago laguna cerro playa praia ras wadi jebel jabal marsa deir beit
    kafr qasr auberge palazzo château castello""".split()
)

# Words that end the name of a building, a site or an area: not organisations.
PLACE_HEADS = frozenset(
    """stadium arena airport station street road avenue boulevard square bridge tower
    towers building buildings palace castle park gardens port harbour harbor beach island
    islands mountain mountains river lake valley bay coast province county district
    region state municipality constituency ward village town city north south east west
    central northern southern eastern western highlands cove creek reef atoll lagoon
    crater volcano peninsula strait straits canal plateau heights springs falls glacier
    desert terminal oilfield""".split()
)

# Compass and area words that follow a place to name a constituency or district:
# "Gatundu North", "Kisumu Central", "Nyeri Town".
AREA_SUFFIXES = frozenset(
    "north south east west central town city rural urban county district".split()
)

# Words before a name that place it as a location, not an agent.
LOCATIVES = frozenset("in at near from to across outside inside around throughout".split())

# Verbs whose subject speaks: a person or an organisation, never a place.
SPEECH_LEMMAS = frozenset(
    """say tell add warn claim deny accuse state insist argue announce explain note write
    ask reply urge describe confirm acknowledge stress emphasise emphasize underline
    predict estimate allege admit vow pledge promise suggest believe quote report
    comment declare assert maintain contend caution concede complain criticise criticize
    praise welcome reject dismiss threaten demand tweet post""".split()
)


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """Lower-case titles and roles that can stand before a person's name."""
    try:
        from nameparser.config import CONSTANTS
    except ImportError:  # the package is a dependency; without it, only our own roles
        return frozenset(word.rstrip(".") for word in _ROLES | HONORIFICS | FOREIGN_TITLES)
    found = {str(title).lower() for title in CONSTANTS.titles}
    # Compared without a final period: "Sen." and "sen" are one title.
    return frozenset(word.rstrip(".") for word in found | _ROLES | HONORIFICS | FOREIGN_TITLES)


# The last words of laws and treaties ("Finance Bill", "Paris Agreement").
LAW_HEADS = frozenset(
    """bill act law treaty accord accords agreement convention directive regulation code
    amendment charter constitution protocol""".split()
)


def is_title(word: str) -> bool:
    """Whether a word as the text writes it is a title before a name: only with a
    capital ("Dr.", "Top Channel", "Acting President"). The titles hold modifiers and
    common words that are no title in lower case ("the ruling.", "a party.", "the top
    seed"); a role in lower case ("spokesman Per Olav") is a role noun, asked apart."""
    return word[:1].isupper() and word.lower().rstrip(".") in titles()
