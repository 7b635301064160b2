//! Word lists the scanner decides with. All entries are folded (lowercase, no diacritics), so
//! they compare against `Tokens::folded`. The lists consulted for every word of a text are
//! also indexed (hash sets, suffix tables) once per process.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The Dutch tussenvoegsel words. A name part that is only one of these is never searched on
/// its own; foreign particles ("Ben", "Al") are not here, because they are also first names.
pub(super) const DUTCH_TUSSENVOEGSELS: &[&str] = &[
    "van", "de", "der", "den", "het", "t", "ter", "ten", "te", "op", "in", "aan", "s",
];

/// Tussenvoegsels that may stand between a title or relation word and someone else's surname
/// ("mevrouw van Dam", "Mohammed el Idrissi"). Place-like prepositions (in, op, aan, te) are left
/// out on purpose: "broer in Venlo" must not turn into a name.
pub(super) const OTHER_TUSSENVOEGSELS: &[&str] = &[
    "van", "de", "der", "den", "het", "t", "ter", "ten", "von", "da", "di", "dos", "du", "des",
    "la", "le", "el", "al", "ben", "bin", "ibn", "abu", "vd",
];

/// Abbreviated or full titles directly before a surname.
pub(super) const TITLES: &[&str] = &[
    "dhr",
    "heer",
    "mevr",
    "mevrouw",
    "mw",
    "mr",
    "dr",
    "drs",
    "meneer",
    "mej",
    "mejuffrouw",
    "juffrouw",
    "juf",
    "fam",
    "familie",
    "prof",
    "mijnheer",
    "dokter",
    "dominee",
];

/// Titles written out in full: a full stop after one ends a sentence ("naar de dokter. Daarna"),
/// it does not abbreviate the title.
pub(super) const FULL_WORD_TITLES: &[&str] = &[
    "heer",
    "mevrouw",
    "meneer",
    "mejuffrouw",
    "juffrouw",
    "juf",
    "familie",
    "mijnheer",
    "dokter",
    "dominee",
];

/// Titles that count only when abbreviated with a full stop ("ir. Bongers", "Dr. Ing. Coenders",
/// "ds. Wolters"): written bare they are also other words ("ING").
pub(super) const DOTTED_TITLES: &[&str] = &["ir", "ing", "ds"];

/// Relation and role words that are followed by a first name or surname in notes
/// ("zijn zus Fatima", "begeleider Jeroen van Dam").
pub(super) const RELATIONS: &[&str] = &[
    "zus",
    "zusje",
    "zuster",
    "broer",
    "broertje",
    "moeder",
    "vader",
    "mama",
    "papa",
    "oom",
    "tante",
    "neef",
    "nicht",
    "opa",
    "oma",
    "vriend",
    "vriendin",
    "vriendje",
    "partner",
    "ex",
    "echtgenoot",
    "echtgenote",
    "begeleider",
    "begeleidster",
    "buurman",
    "buurvrouw",
    "buurjongen",
    "buurmeisje",
    "zoon",
    "zoontje",
    "dochter",
    "dochtertje",
    "mentor",
    "bewindvoerder",
    "casemanager",
    "contactpersoon",
    "huisarts",
    "behandelaar",
    "consulent",
    "hulpverlener",
    "jongerenwerker",
    "woonbegeleider",
    "collega",
    "werkgever",
    "huisbaas",
    "kleinzoon",
    "kleindochter",
    "mantelzorger",
    "voogd",
    "curator",
    "zwager",
    "schoonzus",
    "schoonbroer",
    "kleinkind",
    "stiefkind",
    "pleegkind",
    "klasgenoot",
    "huisgenoot",
    "kamergenoot",
];

/// Endings of role nouns: whoever is a "trajectbegeleider", "reclasseringswerker",
/// "schuldhulpconsulent" or "verslavingsarts" in a note is a person, usually named next.
pub(super) const ROLE_SUFFIXES: &[&str] = &[
    "begeleider",
    "begeleidster",
    "werker",
    "consulent",
    "coach",
    "regisseur",
    "manager",
    "verpleegkundige",
    "therapeut",
    "behandelaar",
    "hulpverlener",
    "arts",
];

/// Prefixes that form a relation word with one of `RELATIONS` ("schoonmoeder", "stiefvader").
/// Matching compounds only through these keeps "diploma Havo" from looking like "oma Havo".
pub(super) const RELATION_PREFIXES: &[&str] = &[
    "schoon", "stief", "half", "pleeg", "groot", "over", "ex", "oud", "peet", "bonus",
];

/// Relation words that are ordinary nouns unless a possessive comes first: "haar man Kees",
/// "zijn vrouw Fatima".
pub(super) const POSSESSIVE_RELATIONS: &[&str] = &["man", "vrouw", "kind", "vriendinnetje"];

pub(super) const POSSESSIVES: &[&str] = &["zijn", "haar", "mijn", "hun", "diens", "wiens", "jouw"];

/// Capitalised words that are not personal names: the participating gemeenten and their kernen,
/// other places and countries people move between, months and days, the organisations and
/// acronyms of the field, and function words that start a sentence.
pub(super) const NOT_NAMES: &[&str] = &[
    // gemeenten (each word of the multi-word ones) and kernen of Noord- and Midden-Limburg
    "beesel",
    "bergen",
    "gennep",
    "horst",
    "maas",
    "mook",
    "middelaar",
    "peel",
    "venlo",
    "venray",
    "echt",
    "susteren",
    "leudal",
    "maasgouw",
    "nederweert",
    "roerdalen",
    "roermond",
    "weert",
    "tegelen",
    "blerick",
    "belfeld",
    "steyl",
    "arcen",
    "velden",
    "lomm",
    "boekend",
    "reuver",
    "offenbeek",
    "swalmen",
    "panningen",
    "helden",
    "baarlo",
    "kessel",
    "maasbree",
    "meijel",
    "beringe",
    "grashoek",
    "koningslust",
    "egchel",
    "america",
    "sevenum",
    "grubbenvorst",
    "hegelsom",
    "meterik",
    "tienray",
    "broekhuizen",
    "melderslo",
    "lottum",
    "kronenberg",
    "evertsoord",
    "oostrum",
    "ysselsteyn",
    "wanssum",
    "merselo",
    "castenray",
    "oirlo",
    "leunen",
    "heide",
    "smakt",
    "vredepeel",
    "well",
    "wellerlooi",
    "siebengewald",
    "afferden",
    "nieuw",
    "bergen",
    "heijen",
    "ottersum",
    "ven",
    "zelderheide",
    "milsbeek",
    "plasmolen",
    "malden",
    "molenhoek",
    "heythuysen",
    "haelen",
    "roggel",
    "neer",
    "baexem",
    "grathem",
    "hunsel",
    "ittervoort",
    "horn",
    "buggenum",
    "nunhem",
    "heibloem",
    "thorn",
    "maasbracht",
    "linne",
    "stevensweert",
    "ohe",
    "laak",
    "wessem",
    "beegden",
    "heel",
    "panheel",
    "ospel",
    "leveroy",
    "budschop",
    "herten",
    "maasniel",
    "asenray",
    "leeuwen",
    "merum",
    "ool",
    "swalmen",
    "herkenbosch",
    "melick",
    "vlodrop",
    "posterholt",
    "montfort",
    "odilienberg",
    "stramproy",
    "altweerterheide",
    "swartbroek",
    "tungelroy",
    "laar",
    "pey",
    "slek",
    "koningsbosch",
    "nieuwstadt",
    "roosteren",
    "dieteren",
    "limbricht",
    // places further away and regions
    "limburg",
    "brabant",
    "gelderland",
    "nederland",
    "holland",
    "maastricht",
    "heerlen",
    "sittard",
    "geleen",
    "kerkrade",
    "eindhoven",
    "helmond",
    "nijmegen",
    "tilburg",
    "breda",
    "arnhem",
    "utrecht",
    "amsterdam",
    "rotterdam",
    "haag",
    "groningen",
    "zwolle",
    "boxmeer",
    "cuijk",
    "deurne",
    "someren",
    "weert",
    "valkenburg",
    "duitsland",
    "belgie",
    "marokko",
    "turkije",
    "syrie",
    "polen",
    "suriname",
    "curacao",
    "eritrea",
    "somalie",
    "afghanistan",
    "irak",
    "iran",
    "roemenie",
    "bulgarije",
    "spanje",
    "europa",
    "noord",
    "midden",
    "zuid",
    "oost",
    "west",
    "centrum",
    // months and days
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
    "kerst",
    "pasen",
    "pinksteren",
    // organisations and acronyms of the domain
    "wmo",
    "ggz",
    "uwv",
    "cjg",
    "mee",
    "ribw",
    "svb",
    "bw",
    "mo",
    "zrm",
    "brp",
    "gba",
    "ind",
    "coa",
    "woonkans",
    "wijkteam",
    "gemeente",
    "corporatie",
    "woningcorporatie",
    "zorgaanbieder",
    "reclassering",
    "politie",
    "veiligheidshuis",
    "leger",
    "heils",
    "mondriaan",
    "synthese",
    "moveoos",
    "novadic",
    "kentron",
    "levanto",
    "daelzicht",
    "koraal",
    "woonwenz",
    "woonpunt",
    "antares",
    "wonen",
    "woongoed",
    "destion",
    "zaam",
    "pi",
    "dji",
    "om",
    "lvb",
    "fact",
    "ivh",
    "whatsapp",
    "teams",
    "facebook",
    "instagram",
    "google",
    "gmail",
    "outlook",
    "digid",
    // nationalities and languages ("moeder Marokkaans"); "Frans" and "Engels" are also names
    "marokkaans",
    "marokkaanse",
    "marokkaan",
    "nederlands",
    "nederlandse",
    "nederlander",
    "turks",
    "turkse",
    "pools",
    "poolse",
    "duits",
    "duitse",
    "belgisch",
    "belgische",
    "syrisch",
    "syrische",
    "surinaams",
    "surinaamse",
    "antilliaans",
    "antilliaanse",
    "somalisch",
    "somalische",
    "eritrees",
    "eritrese",
    "afghaans",
    "afghaanse",
    "iraaks",
    "iraakse",
    "koerdisch",
    "koerdische",
    "roemeens",
    "roemeense",
    "bulgaars",
    "bulgaarse",
    "spaans",
    "spaanse",
    "italiaans",
    "italiaanse",
    "arabisch",
    "arabische",
    "limburgs",
    "limburgse",
    // function words and sentence openers
    "de",
    "het",
    "een",
    "hij",
    "zij",
    "ze",
    "wij",
    "we",
    "ik",
    "jij",
    "je",
    "u",
    "die",
    "dat",
    "deze",
    "dit",
    "er",
    "hier",
    "daar",
    "niet",
    "geen",
    "wel",
    "ook",
    "en",
    "of",
    "maar",
    "want",
    "dus",
    "toen",
    "nu",
    "nog",
    "al",
    "als",
    "is",
    "was",
    "zijn",
    "heeft",
    "had",
    "wordt",
    "werd",
    "zal",
    "kan",
    "wil",
    "moet",
    "mag",
    "gaat",
    "komt",
    "op",
    "in",
    "aan",
    "bij",
    "met",
    "naar",
    "voor",
    "na",
    "om",
    "uit",
    "tot",
    "over",
    "onder",
    "door",
    "tegen",
    "zonder",
    "sinds",
    "tijdens",
    "volgens",
    "via",
    "per",
    "graag",
    "vandaag",
    "gisteren",
    "morgen",
    "volgende",
    "vorige",
    "afgelopen",
    "week",
    "maand",
    "jaar",
    "zie",
    "tel",
    "telefoon",
    "mobiel",
    "email",
    "mail",
    "adres",
    "bsn",
    "iban",
    "datum",
    "ok",
    "nee",
    "ja",
    "haar",
    "hem",
    "hen",
    "hun",
    "ons",
    "onze",
    "mijn",
    "jouw",
    "uw",
    "wie",
    "wat",
    "waar",
    "wanneer",
    "hoe",
    "waarom",
    "welke",
    "samen",
    "alleen",
    "beide",
    "allebei",
];

/// Endings of organisation names ("Zorggroep", "Wijkteam", "Stichting"), which follow "mentor
/// van" or "begeleider bij" as often as a person's name does. Not "-huis": Nijhuis, Kamphuis.
pub(super) const ORGANISATION_ENDINGS: &[&str] = &[
    "groep",
    "zorg",
    "team",
    "centrum",
    "stichting",
    "instelling",
    "kliniek",
    "corporatie",
    "organisatie",
    "bureau",
    "gemeente",
    "school",
    "college",
    "vereniging",
    "wonen",
];

/// Capitalised words that are part of a street name before its last word ("Burgemeester van
/// Rijnsingel", "Prinses Irenelaan", "Nieuwe Markt"), even at the start of a sentence.
pub(super) const STREET_PREFIX_WORDS: &[&str] = &[
    "burgemeester",
    "burg",
    "dokter",
    "dr",
    "pastoor",
    "past",
    "kapelaan",
    "deken",
    "pater",
    "prins",
    "prinses",
    "koning",
    "koningin",
    "keizer",
    "keizerin",
    "graaf",
    "gravin",
    "hertog",
    "sint",
    "st",
    "generaal",
    "gen",
    "kolonel",
    "kapitein",
    "professor",
    "prof",
    "meester",
    "mr",
    "mgr",
    "monseigneur",
    "bisschop",
    "kardinaal",
    "paus",
    "wethouder",
    "notaris",
    "oude",
    "oud",
    "nieuwe",
    "grote",
    "groot",
    "kleine",
    "klein",
    "lange",
    "korte",
    "hoge",
    "lage",
    "noord",
    "zuid",
    "oost",
    "west",
    "noorder",
    "zuider",
    "ooster",
    "wester",
    "binnen",
    "buiten",
    "achter",
    "heilige",
    "onze",
    "lieve",
    "vrouwe",
    "jonkheer",
    "baron",
    "ridder",
];

/// Lowercase words that may sit inside a street name ("Burgemeester van Rijnsingel").
pub(super) const STREET_CONNECTORS: &[&str] = &[
    "van", "de", "der", "den", "het", "t", "ter", "ten", "op", "in", "la", "le", "du", "von",
];

/// Last-word endings that make a word a street name in any case: they almost never end an
/// ordinary word that is followed by a number.
pub(super) const STREET_SUFFIXES_ANY_CASE: &[&str] = &[
    "straat",
    "straatje",
    "laan",
    "laantje",
    "plein",
    "pleintje",
    "singel",
    "gracht",
    "steeg",
    "steegje",
    "kade",
    "dijk",
    "boulevard",
    "dreef",
    "allee",
    "plantsoen",
    "promenade",
    "passage",
];

/// Endings that also end ordinary words ("snelweg", "speelveld"), so they count only in a
/// capitalised word. "-ring" (uitkering, verzekering) and "-dam" (Rotterdam) are left out.
pub(super) const STREET_SUFFIXES_CAPITALISED: &[&str] = &[
    "weg", "pad", "hof", "markt", "park", "baan", "erf", "veld", "hoek", "wal", "dal", "berg",
    "donk", "akker", "weide", "gaard", "brink", "haven", "kamp", "heide", "heuvel", "beemd",
    "dries", "poort", "vest", "hoeve",
];

/// Abbreviated street endings as forms and short notes write them ("Kerkstr. 12", "Parkln 3",
/// "Hoofdwg 8", "Wilhelminasngl 22"): consonant clusters that end no ordinary Dutch word.
pub(super) const STREET_SUFFIX_ABBREVIATIONS: &[&str] = &[
    "str", "ln", "wg", "pln", "sngl", "drf", "pd", "hf", "prk", "stg", "mrkt", "plnts", "pltsn",
];

/// Whether the folded `word` is a street name with an abbreviated ending: the ending after a
/// stem of at least three letters with a vowel in it ("kerk|str", "park|ln", not "str" alone or
/// an acronym). The caller checks the case.
pub(super) fn is_abbreviated_street(word: &str) -> bool {
    STREET_SUFFIX_ABBREVIATIONS.iter().any(|a| {
        word.strip_suffix(a).is_some_and(|stem| {
            stem.chars().count() >= 3 && stem.chars().any(|c| "aeiouy".contains(c))
        })
    })
}

/// Additions after a house number: "12 hs", "12bis", "12-II".
pub(super) const HOUSE_NUMBER_ADDITIONS: &[&str] = &[
    "bis", "hs", "huis", "bg", "bov", "rd", "zw", "i", "ii", "iii", "iv",
];

/// Dutch month names and their usual abbreviations, with the month number.
pub(super) const MONTHS: &[(&str, u8)] = &[
    ("januari", 1),
    ("jan", 1),
    ("februari", 2),
    ("feb", 2),
    ("febr", 2),
    ("maart", 3),
    ("mrt", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("mei", 5),
    ("juni", 6),
    ("jun", 6),
    ("juli", 7),
    ("jul", 7),
    ("augustus", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("oktober", 10),
    ("okt", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Two-letter words and units that follow a four-digit number in ordinary text ("2019 en",
/// "1500 km"); after such a number they are not postcode letters unless written in capitals.
pub(super) const POSTCODE_STOP_PAIRS: &[&str] = &[
    "en", "de", "of", "op", "in", "te", "al", "ik", "je", "we", "ze", "is", "na", "om", "er", "nu",
    "zo", "ja", "me", "an", "ca", "ex", "uw", "bv", "nl", "km", "kg", "cm", "mm", "mg", "ml", "gb",
    "mb", "kb", "pm", "am", "ct", "st", "pp", "pk", "tv", "id", "ok", "hr", "hh", "uu", "mw", "kw",
    "wh", "vs", "eo", "ad", "dd", "wk", "nr", "no", "eu",
];

/// Capitalised two-letter abbreviations that follow a year in notes ("sinds 2019 PI Venlo",
/// "in 2021 WW"); never read as postcode letters after a number that is a plausible year.
pub(super) const YEAR_ABBREVIATIONS: &[&str] = &[
    "pi", "tv", "ok", "id", "ww", "cv", "pc", "ns", "eu", "om", "bv", "nl", "be", "de", "uk", "us",
    "gp", "mo", "bw", "hr",
];

/// Words after a number that make it an amount, a duration or a count, not an identifier.
pub(super) const QUANTITY_WORDS: &[&str] = &[
    "euro", "eur", "uur", "uren", "minuten", "min", "km", "m2", "procent", "jaar", "maanden",
    "weken", "dagen", "keer",
];

pub(super) fn contains(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

macro_rules! word_set {
    ($name:ident, $list:expr) => {
        pub(super) fn $name(word: &str) -> bool {
            static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
            SET.get_or_init(|| $list.iter().copied().collect())
                .contains(word)
        }
    };
}

word_set!(is_title, TITLES);
word_set!(is_dotted_title, DOTTED_TITLES);
word_set!(is_full_word_title, FULL_WORD_TITLES);
word_set!(is_relation, RELATIONS);
word_set!(is_not_name, NOT_NAMES);

/// Word endings indexed by their last three bytes, so that testing a word costs one lookup
/// instead of a comparison with every ending.
pub(super) struct SuffixIndex {
    by_tail: HashMap<[u8; 3], Vec<&'static str>>,
    short: Vec<&'static str>,
}

impl SuffixIndex {
    pub fn new(lists: &[&[&'static str]]) -> SuffixIndex {
        let mut by_tail: HashMap<[u8; 3], Vec<&'static str>> = HashMap::new();
        let mut short = Vec::new();
        for s in lists.iter().flat_map(|l| l.iter()) {
            match tail(s) {
                Some(k) => by_tail.entry(k).or_default().push(s),
                None => short.push(*s),
            }
        }
        SuffixIndex { by_tail, short }
    }

    /// Whether `word` ends in one of the endings and has more before it.
    pub fn ends_properly(&self, word: &str) -> bool {
        let hit = |s: &&str| word.len() > s.len() && word.ends_with(*s);
        self.short.iter().any(hit)
            || tail(word)
                .and_then(|k| self.by_tail.get(&k))
                .is_some_and(|v| v.iter().any(hit))
    }

    /// Whether `word` ends in, or is, one of the endings.
    pub fn ends_or_is(&self, word: &str) -> bool {
        let hit = |s: &&str| word.ends_with(*s);
        self.short.iter().any(hit)
            || tail(word)
                .and_then(|k| self.by_tail.get(&k))
                .is_some_and(|v| v.iter().any(hit))
    }
}

fn tail(s: &str) -> Option<[u8; 3]> {
    let b = s.as_bytes();
    let n = b.len();
    (n >= 3).then(|| [b[n - 3], b[n - 2], b[n - 1]])
}

pub(super) fn street_suffixes_any_case() -> &'static SuffixIndex {
    static IDX: OnceLock<SuffixIndex> = OnceLock::new();
    IDX.get_or_init(|| SuffixIndex::new(&[STREET_SUFFIXES_ANY_CASE]))
}

pub(super) fn street_suffixes_capitalised() -> &'static SuffixIndex {
    static IDX: OnceLock<SuffixIndex> = OnceLock::new();
    IDX.get_or_init(|| SuffixIndex::new(&[STREET_SUFFIXES_CAPITALISED]))
}

pub(super) fn role_suffixes() -> &'static SuffixIndex {
    static IDX: OnceLock<SuffixIndex> = OnceLock::new();
    IDX.get_or_init(|| SuffixIndex::new(&[ROLE_SUFFIXES]))
}
