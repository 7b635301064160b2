//! The leak guard: the last check on the exact bytes of an outgoing bundle.
//!
//! Two independent nets, because each misses what the other catches:
//! - (a) every identifying value of every dossier in the bundle, in every notation we know of,
//!   searched in every string (values and keys) of the decoded JSON. Names are matched as whole
//!   words on case- and diacritic-folded text, so "Jan" does not hit "januari"; numbers, codes
//!   and addresses are matched on the *squashed* text (letters and digits only), so spacing,
//!   hyphens, dots and case cannot hide a BSN, phone number, postcode or IBAN.
//!   A word that mixes letters and digits ("B4kk3r", "l23456782", "Bakker2024"), words glued in
//!   camel case ("mevrouwBakker") and a text with character escapes ("Bakk&#101;r") are
//!   searched again as they read (`text::readings`).
//! - (b) the free-text scanner over every string, which also finds things that look like a BSN,
//!   phone number or e-mail of *anyone*, and special-category hints.
//!
//! One hit refuses the whole bundle. A finding names the profile code and the field, never the
//! value, so the report itself can be shown and logged.

use crate::code::{self, Code};
use crate::date::DUTCH_MONTHS;
use crate::error::Error;
use crate::known::Known;
use crate::prints::IdentifierPrints;
use crate::scan::{self, FindingKind};
use crate::text::{fold, squash};
use crate::vocab::Dutch;
use serde::Serialize;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct LeakFinding {
    /// The code of the profile the field belongs to; empty for a field outside the profiles.
    pub code: String,
    /// JSON path of the field, e.g. `profiles[2].profile.notes.socialNetwork`.
    pub field: String,
    /// Stable kind: `NAME`, `BSN`, `BIRTH_DATE`, `ADDRESS`, `POSTCODE`, `PHONE`, `EMAIL`, `IBAN`,
    /// `SCAN_<scanner kind>` or `UNREADABLE`.
    pub kind: String,
    /// Dutch, names the code and the field, never the value found.
    pub message: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LeakReport {
    pub findings: Vec<LeakFinding>,
}

impl LeakReport {
    /// One core error for callers that show a single message; the findings carry the detail.
    pub fn to_error(&self) -> Error {
        self.to_error_for("De bundel")
    }

    /// `to_error` for another file than a bundle: `what` is "De overdracht", "De aanmelding".
    pub fn to_error_for(&self, what: &str) -> Error {
        let n = self.findings.len();
        let message = if n == 1 {
            format!(
                "{what} is niet gemaakt: één veld bevat gegevens die naar een inwoner herleidbaar zijn. Pas het aan en probeer het opnieuw."
            )
        } else {
            format!(
                "{what} is niet gemaakt: {n} velden bevatten gegevens die naar een inwoner herleidbaar zijn. Pas ze aan en probeer het opnieuw."
            )
        };
        let err = Error::new("LEAK_GUARD", message);
        match self.findings.first() {
            Some(f) => err.at(f.field.clone()),
            None => err,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Kind {
    Name,
    Bsn,
    BirthDate,
    Address,
    Postcode,
    Phone,
    Email,
    Iban,
    /// A contact person the dossier holds (care provider, Wmo consultant).
    ContactName,
    /// A character outside the outgoing whitelist (`text::outgoing_text`).
    Character,
}

impl Kind {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Kind::Name => "NAME",
            Kind::Bsn => "BSN",
            Kind::BirthDate => "BIRTH_DATE",
            Kind::Address => "ADDRESS",
            Kind::Postcode => "POSTCODE",
            Kind::Phone => "PHONE",
            Kind::Email => "EMAIL",
            Kind::Iban => "IBAN",
            Kind::ContactName => "CONTACT_NAME",
            Kind::Character => "CHARACTER",
        }
    }

    pub(crate) fn dutch(self) -> &'static str {
        match self {
            Kind::Name => "een naam van een inwoner",
            Kind::Bsn => "een BSN",
            Kind::BirthDate => "een geboortedatum",
            Kind::Address => "een straat met huisnummer",
            Kind::Postcode => "een postcode",
            Kind::Phone => "een telefoonnummer",
            Kind::Email => "een e-mailadres",
            Kind::Iban => "een rekeningnummer (IBAN)",
            Kind::ContactName => "een naam van een contactpersoon uit het dossier",
            Kind::Character => "een teken dat niet in een bundel mag",
        }
    }
}

fn scan_kind(k: FindingKind) -> (&'static str, Option<Kind>) {
    match k {
        FindingKind::Name => ("SCAN_NAME", Some(Kind::Name)),
        FindingKind::OtherPersonName => ("SCAN_OTHER_PERSON_NAME", None),
        FindingKind::Bsn => ("SCAN_BSN", Some(Kind::Bsn)),
        FindingKind::Phone => ("SCAN_PHONE", Some(Kind::Phone)),
        FindingKind::Email => ("SCAN_EMAIL", Some(Kind::Email)),
        FindingKind::Postcode => ("SCAN_POSTCODE", Some(Kind::Postcode)),
        FindingKind::StreetAddress => ("SCAN_STREET_ADDRESS", Some(Kind::Address)),
        FindingKind::Iban => ("SCAN_IBAN", Some(Kind::Iban)),
        FindingKind::Date => ("SCAN_DATE", None),
        FindingKind::Health => ("SCAN_HEALTH", None),
        FindingKind::Justice => ("SCAN_JUSTICE", None),
        FindingKind::Belief => ("SCAN_BELIEF", None),
        FindingKind::SexualOrientation => ("SCAN_SEXUAL_ORIENTATION", None),
        FindingKind::Ethnicity => ("SCAN_ETHNICITY", None),
        FindingKind::Politics => ("SCAN_POLITICS", None),
        FindingKind::UnionMembership => ("SCAN_UNION_MEMBERSHIP", None),
        FindingKind::Genetic => ("SCAN_GENETIC", None),
        FindingKind::Biometric => ("SCAN_BIOMETRIC", None),
    }
}

/// Tussenvoegsel words: inside a multi-word surname ("van der Berg") they are not searched on
/// their own, or every "van" in a note would refuse the bundle.
const TUSSENVOEGSEL_WORDS: &[&str] = &[
    "van", "der", "den", "het", "ten", "ter", "aan", "bij", "uit", "voor", "over", "von", "vom",
    "del", "della", "dos", "das", "des", "les", "los", "las", "mac",
];

/// Multi-word place names that contain surnames ("Peel en Maas"). Inside exactly this phrase the
/// word is a place, not a person; the single word elsewhere is still caught.
pub(crate) fn place_phrases() -> Vec<Vec<String>> {
    crate::region::all_gemeenten()
        .chain(crate::region::Region::ALL.iter().map(|r| r.name()))
        .map(tokens)
        .filter(|t| t.len() > 1)
        .collect()
}

/// Paths of a transfer that name professionals (care provider, Wmo consultant, who recorded a
/// gate): their names belong there, so the scanner's "someone else's name" does not apply. The
/// residents' own values are still searched for in them.
const PROFESSIONAL_PATHS: &[&str] = &[
    "careProvider.organisation",
    "careProvider.person",
    "wmoConsultant.organisation",
    "wmoConsultant.person",
    "gates[].actor",
    "mandate.actor",
    "associationName",
];

/// Paths whose value is an enum of the profile vocabulary. A value there that is in the
/// vocabulary ("other" for gender) is not a name even if a resident is called Other.
const ENUM_PATHS: &[&str] = &[
    "format",
    "integrity.algorithm",
    "sender.region",
    "sender.regionName",
    "sender.role",
    "profiles[].profile.gender",
    "profiles[].profile.livingSituation",
    "profiles[].profile.mobility",
    "profiles[].profile.housingForm",
    "profiles[].profile.rentArrears",
    "profiles[].profile.nuisance",
    "profiles[].profile.contractForm",
    "profiles[].profile.safetyPlan",
    "profiles[].profile.ageBand",
    "profiles[].profile.incomeBand",
    "profiles[].profile.relapsePlan.agreements[].party",
];

fn vocabulary() -> HashSet<String> {
    use crate::profile::*;
    let mut words: Vec<String> = Vec::new();
    let mut add = |v: serde_json::Result<Value>| {
        if let Ok(Value::String(s)) = v {
            words.push(s);
        }
    };
    for g in [
        Gender::Male,
        Gender::Female,
        Gender::Other,
        Gender::NotStated,
    ] {
        add(serde_json::to_value(g));
    }
    for l in [
        LivingSituation::ShelteredHousing,
        LivingSituation::SocialShelter,
        LivingSituation::Other,
    ] {
        add(serde_json::to_value(l));
    }
    for m in [Mobility::None, Mobility::StepFree, Mobility::Wheelchair] {
        add(serde_json::to_value(m));
    }
    for h in [
        HousingForm::Independent,
        HousingForm::InComplex,
        HousingForm::Cluster,
        HousingForm::NoPreference,
    ] {
        add(serde_json::to_value(h));
    }
    for h in [History::None, History::Resolved, History::Current] {
        add(serde_json::to_value(h));
    }
    for c in [
        ContractForm::RegularLease,
        ContractForm::LeaseWithCareAgreement,
        ContractForm::LeaseInCareProviderName,
    ] {
        add(serde_json::to_value(c));
    }
    for s in [
        SafetyPlan::NotNeeded,
        SafetyPlan::Needed,
        SafetyPlan::Present,
    ] {
        add(serde_json::to_value(s));
    }
    for a in AgeBand::ALL {
        add(serde_json::to_value(a));
    }
    for i in [IncomeBand::AtOrBelowLimit, IncomeBand::AboveLimit] {
        add(serde_json::to_value(i));
    }
    for p in [
        Party::Resident,
        Party::CareProvider,
        Party::WmoConsultant,
        Party::Coordinator,
        Party::HousingAssociation,
        Party::Network,
    ] {
        add(serde_json::to_value(p));
    }
    for r in crate::region::Region::ALL {
        add(serde_json::to_value(r));
        add(Ok(Value::String(r.name().to_string())));
        add(Ok(Value::String(r.role().name().to_string())));
    }
    add(Ok(Value::String(crate::bundle::FORMAT.to_string())));
    add(Ok(Value::String("SHA-256".to_string())));
    words.into_iter().collect()
}

/// Folded alphanumeric runs: the words of a text.
pub(crate) fn tokens(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Month words as written in dates: full name, first three letters and the usual abbreviations.
pub(crate) fn month_of_word(word: &str) -> Option<u8> {
    let extra: &[(&str, u8)] = &[("mrt", 3), ("sept", 9), ("okt", 10)];
    if let Some(&(_, m)) = extra.iter().find(|(w, _)| *w == word) {
        return Some(m);
    }
    DUTCH_MONTHS.iter().zip(1u8..).find_map(|(name, m)| {
        (*name == word || (word.len() >= 3 && name.starts_with(word))).then_some(m)
    })
}

/// A fast non-cryptographic hasher for the needle tables: the keys are our own needles, not
/// attacker-chosen, and SipHash dominated the guard's time in the browser.
#[derive(Default)]
struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type Fx = std::hash::BuildHasherDefault<FxHasher>;

/// Every needle of every dossier, indexed for a single pass over each string.
struct Needles {
    /// Folded name words of three letters or more, with whose name they are.
    names: HashMap<String, Kind, Fx>,
    /// The byte lengths of the name words, by their first three bytes: where a word could end
    /// a first name glued to a second one.
    name_starts: HashMap<[u8; 3], Vec<usize>, Fx>,
    /// Squashed values (letters and digits only), indexed by their first three bytes.
    squashed: Vec<(Vec<u8>, Kind)>,
    by_prefix: HashMap<[u8; 3], Vec<usize>, Fx>,
    /// (day, month, year) of each birth date, for dates written with short years or month words.
    dates: Vec<(u8, u8, i32)>,
    longest_name: usize,
    /// The length of the longest squashed needle, in characters.
    longest_squashed: usize,
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// The national significant number: what stays the same between 06-12345678, +31 6 12345678,
/// 0031 (0)6 1234 5678 and 31612345678.
fn phone_core(raw: &str) -> String {
    let d = digits(raw);
    let international = raw.trim_start().starts_with('+') || d.starts_with("00");
    let rest = d.strip_prefix("00").unwrap_or(&d);
    if international {
        for cc in ["31", "32", "49"] {
            if let Some(n) = rest.strip_prefix(cc) {
                return n.strip_prefix('0').unwrap_or(n).to_string();
            }
        }
        return rest.to_string();
    }
    if let Some(n) = d.strip_prefix('0') {
        return n.to_string();
    }
    // Digits without + or 0: maybe a country code typed without +.
    if d.len() == 11
        && let Some(n) = d.strip_prefix("31")
    {
        return n.to_string();
    }
    d
}

/// One searchable form of an identifying value, as the guard normalises it: a folded name word,
/// a squashed run (letters and digits only) or a birth date. The plain needles below and the
/// hashed identifier prints (`prints`) are both made from these, so both normalise alike.
pub(crate) enum Form {
    Word(String, Kind),
    Squashed(String, Kind),
    Date(crate::date::Date),
}

/// Every form of one resident's values.
pub(crate) fn forms(k: &Known) -> Vec<Form> {
    let mut out = Vec::new();
    let push = |out: &mut Vec<Form>, s: String, kind: Kind, min: usize| {
        if s.len() >= min {
            out.push(Form::Squashed(s, kind));
        }
    };
    let mut tv: HashSet<String> = TUSSENVOEGSEL_WORDS.iter().map(|s| s.to_string()).collect();
    for t in &k.tussenvoegsels {
        tv.extend(tokens(t));
    }
    for part in &k.name_parts {
        let words = tokens(part);
        let multi = words.len() > 1;
        for w in &words {
            if w.chars().count() >= 3
                && w.chars().all(char::is_alphabetic)
                && !(multi && tv.contains(w))
            {
                out.push(Form::Word(w.clone(), Kind::Name));
            }
        }
        if multi {
            // "VanDerBerg" or "van-der-berg" written as one word.
            push(&mut out, squash(part), Kind::Name, 6);
        }
    }
    for contact in &k.contact_names {
        for w in tokens(contact) {
            if w.chars().count() >= 3 && w.chars().all(char::is_alphabetic) && !tv.contains(&w) {
                out.push(Form::Word(w, Kind::ContactName));
            }
        }
    }
    if let Some(bsn) = &k.bsn {
        let d = digits(bsn);
        if let Some(short) = d.strip_prefix('0') {
            push(&mut out, short.to_string(), Kind::Bsn, 8);
        }
        push(&mut out, d, Kind::Bsn, 6);
    }
    if let Some(date) = k.birth_date {
        for form in date.written_forms() {
            push(&mut out, squash(&form), Kind::BirthDate, 6);
        }
        out.push(Form::Date(date));
    }
    for addr in &k.street_addresses {
        let t = tokens(addr);
        let Some(i) = t
            .iter()
            .rposition(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        else {
            continue;
        };
        if i == 0 {
            continue;
        }
        let street: String = t[..i].concat();
        let num_token = &t[i];
        let number: String = num_token.chars().take_while(char::is_ascii_digit).collect();
        let addition: String = num_token[number.len()..].to_string() + &t[i + 1..].concat();
        let mut streets = vec![street.clone()];
        if let Some(stem) = street.strip_suffix("straat") {
            streets.push(format!("{stem}str"));
        }
        for s in streets {
            if s.chars().count() < 3 {
                continue;
            }
            push(&mut out, format!("{s}{number}"), Kind::Address, 4);
            if !addition.is_empty() {
                push(&mut out, format!("{s}{number}{addition}"), Kind::Address, 4);
            }
        }
    }
    for pc in &k.postcodes {
        push(&mut out, squash(pc), Kind::Postcode, 4);
    }
    for ph in &k.phones {
        let core = phone_core(ph);
        if core.len() >= 7 {
            push(&mut out, core, Kind::Phone, 7);
        } else {
            push(&mut out, digits(ph), Kind::Phone, 6);
        }
    }
    for e in &k.emails {
        push(&mut out, squash(e), Kind::Email, 5);
    }
    for iban in &k.ibans {
        let sq = squash(iban);
        if sq.len() > 8 && sq.is_char_boundary(4) {
            let bban = sq[4..].to_string();
            let account = digits(&bban);
            let account = account.trim_start_matches('0');
            if account.len() >= 7 {
                push(&mut out, account.to_string(), Kind::Iban, 7);
            }
            push(&mut out, bban, Kind::Iban, 8);
        }
        push(&mut out, sq, Kind::Iban, 8);
    }
    out
}

impl Needles {
    fn new(known: &[&Known]) -> Needles {
        let mut n = Needles {
            names: HashMap::default(),
            name_starts: Default::default(),
            squashed: Vec::new(),
            by_prefix: HashMap::default(),
            dates: Vec::new(),
            longest_name: 0,
            longest_squashed: 0,
        };
        for k in known {
            for form in forms(k) {
                match form {
                    Form::Word(w, kind) => {
                        n.longest_name = n.longest_name.max(w.chars().count());
                        // The resident's own name wins where a contact shares it.
                        match kind {
                            Kind::ContactName => {
                                n.names.entry(w).or_insert(kind);
                            }
                            _ => {
                                n.names.insert(w, kind);
                            }
                        }
                    }
                    Form::Squashed(s, kind) => n.squashed.push((s.into_bytes(), kind)),
                    Form::Date(d) => n.dates.push((d.day(), d.month(), d.year())),
                }
            }
        }
        n.index_name_starts();
        n.longest_squashed = n.squashed.iter().map(|(b, _)| b.len()).max().unwrap_or(0);
        for (i, (bytes, _)) in n.squashed.iter().enumerate() {
            if let [a, b, c, ..] = bytes[..] {
                n.by_prefix.entry([a, b, c]).or_default().push(i);
            }
        }
        n
    }

    fn index_name_starts(&mut self) {
        self.name_starts.clear();
        for w in self.names.keys() {
            if let [a, b, c, ..] = w.as_bytes() {
                let lens = self.name_starts.entry([*a, *b, *c]).or_default();
                if !lens.contains(&w.len()) {
                    lens.push(w.len());
                }
            }
        }
    }

    /// Drops every needle `own` also has: values two residents share are not the other's.
    fn remove(&mut self, own: &Needles) {
        self.names.retain(|w, _| !own.names.contains_key(w));
        self.index_name_starts();
        self.squashed
            .retain(|(b, _)| !own.squashed.iter().any(|(o, _)| o == b));
        self.dates.retain(|d| !own.dates.contains(d));
        self.by_prefix.clear();
        for (i, (bytes, _)) in self.squashed.iter().enumerate() {
            if let [a, b, c, ..] = bytes[..] {
                self.by_prefix.entry([a, b, c]).or_default().push(i);
            }
        }
        self.longest_squashed = self
            .squashed
            .iter()
            .map(|(b, _)| b.len())
            .max()
            .unwrap_or(0);
    }

    /// The kinds of squashed needles found in `squashed`. `digits_only` limits the search to
    /// long numbers, for JSON numbers where short ones (a score, a rent) are not identifying.
    fn find_squashed(&self, squashed: &[u8], digits_only: bool, out: &mut Vec<Kind>) {
        for start in 0..squashed.len().saturating_sub(2) {
            let key = [squashed[start], squashed[start + 1], squashed[start + 2]];
            let Some(candidates) = self.by_prefix.get(&key) else {
                continue;
            };
            for &i in candidates {
                let (needle, kind) = &self.squashed[i];
                if digits_only && (needle.len() < 8 || !needle.iter().all(u8::is_ascii_digit)) {
                    continue;
                }
                if squashed[start..].starts_with(needle) && !out.contains(kind) {
                    out.push(*kind);
                }
            }
        }
    }

    fn find_words(&self, words: &[String], phrases: &[Vec<String>], out: &mut Vec<Kind>) {
        let mut masked = vec![false; words.len()];
        for p in phrases {
            for start in 0..words.len().saturating_sub(p.len() - 1) {
                if words[start..start + p.len()] == p[..] {
                    masked[start..start + p.len()]
                        .iter_mut()
                        .for_each(|m| *m = true);
                }
            }
        }
        let name_of = |w: &str| {
            self.names.get(w).copied().or_else(|| {
                w.strip_suffix('s')
                    .and_then(|stem| self.names.get(stem).copied())
            })
        };
        let mut found = |k: Kind| {
            if !out.contains(&k) {
                out.push(k);
            }
        };
        for (w, m) in words.iter().zip(&masked) {
            if *m {
                continue;
            }
            if let Some(k) = name_of(w) {
                found(k);
            } else if w.len() >= 6
                && let [a, b, c, ..] = w.as_bytes()
                && let Some(lens) = self.name_starts.get(&[*a, *b, *c])
            {
                // Two names glued into one word ("fatimabakker"), each of three letters or more.
                for &at in lens {
                    if w.len() >= at + 3
                        && w.is_char_boundary(at)
                        && self.names.contains_key(&w[..at])
                        && let Some(k) = name_of(&w[at..])
                    {
                        found(k);
                    }
                }
            }
        }
        // A name split into pieces: "Jan sen", "J. A. N. S. E. N", "j a n s e n", or a name
        // split over two texts of one profile. Windows of adjacent unmasked words are joined
        // up to the longest name's length.
        let lens: Vec<usize> = words.iter().map(|w| w.chars().count()).collect();
        let mut joined = String::new();
        for a in 0..words.len() {
            if masked[a] || lens[a] >= self.longest_name {
                continue;
            }
            joined.clear();
            let mut len = 0;
            for b in a..words.len() {
                if masked[b] || len + lens[b] > self.longest_name {
                    break;
                }
                joined.push_str(&words[b]);
                len += lens[b];
                if b > a
                    && len >= 3
                    && let Some(&k) = self.names.get(&joined)
                {
                    found(k);
                }
            }
        }
        if self.finds_date(words) && !out.contains(&Kind::BirthDate) {
            out.push(Kind::BirthDate);
        }
    }

    /// Dates as three consecutive words: 12-3-98, 12 maart '98, 12 mrt 1998, 1998 03 12.
    fn finds_date(&self, words: &[String]) -> bool {
        if self.dates.is_empty() {
            return false;
        }
        let num = |w: &str| -> Option<i32> {
            (w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.parse().ok())?
        };
        let year_ok = |w: &str, year: i32| match (w.len(), num(w)) {
            (4, Some(y)) => y == year,
            (2, Some(y)) => y == year % 100,
            _ => false,
        };
        let month_ok = |w: &str, month: u8| match num(w) {
            Some(m) => w.len() <= 2 && m == i32::from(month),
            None => month_of_word(w) == Some(month),
        };
        let day_ok = |w: &str, day: u8| w.len() <= 2 && num(w) == Some(i32::from(day));
        let numeric =
            |w: &str| !w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit());
        words.windows(3).any(|w| {
            // Both ends of a written date are numbers; most windows are plain words.
            if !(numeric(&w[0]) && numeric(&w[2])) {
                return false;
            }
            self.dates.iter().any(|&(d, m, y)| {
                (day_ok(&w[0], d) && month_ok(&w[1], m) && year_ok(&w[2], y))
                    || (w[0].len() == 4
                        && year_ok(&w[0], y)
                        && month_ok(&w[1], m)
                        && day_ok(&w[2], d))
            })
        })
    }
}

/// A string of one exact machine-made shape: it comes from the writer, not from the user, and a
/// chance resemblance to a postcode or a name could never be fixed by the coordinator.
fn machine_made(path: &str, s: &str) -> bool {
    let hex_of =
        |len: usize| s.len() == len && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    let base64_of = |len: usize| {
        s.len() == len
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
    };
    let general = general_path(path);
    match path {
        "bundleId" => hex_of(32),
        "integrity.digest" => hex_of(64),
        // An overdracht's identifier prints: HMAC output and its salt, never typed.
        "prints.salt" => base64_of(44),
        _ if general == "prints.prints[].hash" => base64_of(24),
        _ => {
            general_path(path) == "profiles[].code"
                && code::parse(s).is_ok_and(|c| c.to_string() == s)
        }
    }
}

/// `profiles[3].profile.notes` → `profiles[].profile.notes`, for matching ENUM_PATHS.
fn general_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

fn profile_index(path: &str) -> Option<usize> {
    let rest = path.strip_prefix("profiles[")?;
    rest[..rest.find(']')?].parse().ok()
}

/// The end of one profile's free texts so far, in the file's order: the last squashed
/// characters and the last words, as long as the longest needle. Each new text is searched
/// only where it meets this end, so a value split over two or more fields ("1234" | "56782",
/// "Jan" | "sen") is found without searching every text twice.
#[derive(Default)]
struct Seam {
    squashed_tail: String,
    words_tail: Vec<String>,
    kinds: Vec<Kind>,
}

impl Seam {
    fn add(
        &mut self,
        needles: &Needles,
        phrases: &[Vec<String>],
        squashed: &str,
        words: &[String],
    ) {
        let keep = needles.longest_squashed.max(1);
        if !self.squashed_tail.is_empty() {
            let head: String = squashed.chars().take(keep).collect();
            let seam = format!("{}{head}", self.squashed_tail);
            needles.find_squashed(seam.as_bytes(), false, &mut self.kinds);
        }
        self.squashed_tail.push_str(squashed);
        let drop = self.squashed_tail.chars().count().saturating_sub(keep);
        if let Some((at, _)) = self.squashed_tail.char_indices().nth(drop) {
            self.squashed_tail.drain(..at);
        }
        let keep_words = needles.longest_name.max(3);
        if !self.words_tail.is_empty() {
            let mut seam = self.words_tail.clone();
            seam.extend(words.iter().take(keep_words).cloned());
            needles.find_words(&seam, phrases, &mut self.kinds);
        }
        self.words_tail.extend(words.iter().cloned());
        let drop = self.words_tail.len().saturating_sub(keep_words);
        self.words_tail.drain(..drop);
    }
}

struct Walk<'a> {
    needles: &'a Needles,
    /// The dossier of each profile, by index in the file, for the scanner's own-name search.
    profile_known: Vec<Option<&'a scan::Prepared>>,
    /// For strings outside any profile, or of a profile without its dossier.
    no_dossier: scan::Prepared,
    phrases: Vec<Vec<String>>,
    vocabulary: HashSet<String>,
    profile_codes: Vec<String>,
    /// Per profile, the seam between its free texts, so a value split over fields is caught.
    seams: Vec<Seam>,
    /// Whether the text being checked is an object key (not part of the joined free text).
    in_key: bool,
    /// Identifier prints of residents whose values the sender does not hold (`prints`).
    prints: &'a [&'a IdentifierPrints],
    /// Per profile, its free texts joined, for the prints (which have no seams of their own).
    joined: Vec<String>,
    /// Whether the free-text scanner runs (net b). Off for a file that names its resident on
    /// purpose, where only the other residents' values and the characters are checked.
    scanner: bool,
    findings: Vec<LeakFinding>,
}

impl Walk<'_> {
    fn report(&mut self, path: &str, kind_code: String, what: &str) {
        if self
            .findings
            .iter()
            .any(|f| f.field == path && f.kind == kind_code)
        {
            return;
        }
        let code = profile_index(path)
            .and_then(|i| self.profile_codes.get(i).cloned())
            .unwrap_or_default();
        let field = field_label(path);
        let message = if code.is_empty() {
            format!("Het veld {field} bevat {what}. Pas dit veld aan; de bundel is niet gemaakt.")
        } else {
            format!(
                "Profiel {code}: het veld {field} bevat {what}. Pas dit veld aan; de bundel is niet gemaakt."
            )
        };
        self.findings.push(LeakFinding {
            code,
            field: path.to_string(),
            kind: kind_code,
            message,
        });
    }

    fn check_text(&mut self, path: &str, s: &str) {
        if machine_made(path, s) {
            return;
        }
        if let Err(bad) = crate::text::outgoing_text(s) {
            // Refused outright: what cannot be typed on a Dutch keyboard has no place in a
            // bundle, and could hide a value from every search below.
            self.report(
                path,
                Kind::Character.code().to_string(),
                &format!("een teken dat niet in een bundel mag ({})", bad.dutch()),
            );
        }
        let mut kinds = Vec::new();
        let squashed = squash(s);
        self.needles
            .find_squashed(squashed.as_bytes(), false, &mut kinds);
        let general = general_path(path);
        let vocab = ENUM_PATHS.contains(&general.as_str()) && self.vocabulary.contains(s);
        let structured_place = matches!(
            general.as_str(),
            "profiles[].profile.searchArea[]" | "facts.gemeente"
        ) && crate::region::canonical_gemeente(s) == Some(s);
        if !vocab && !structured_place {
            for p in self.prints {
                for h in p.find(s) {
                    let k = h.kind.kind();
                    if !kinds.contains(&k) {
                        kinds.push(k);
                    }
                }
            }
            if !self.in_key
                && !self.prints.is_empty()
                && let Some(i) = profile_index(path)
                && let Some(j) = self.joined.get_mut(i)
            {
                j.push_str(s);
                j.push('\n');
            }
            let words = tokens(s);
            self.needles.find_words(&words, &self.phrases, &mut kinds);
            // A value written with character escapes ("Bakk&#101;r"), glued in camel case
            // ("mevrouwBakker") or to a number ("Bakker2024"), with digits for letters
            // ("B4kk3r") or letters for digits ("l23456782") is searched again as it reads.
            for reading in crate::text::readings(s) {
                self.needles
                    .find_squashed(squash(&reading).as_bytes(), false, &mut kinds);
                self.needles
                    .find_words(&tokens(&reading), &self.phrases, &mut kinds);
                for p in self.prints {
                    for h in p.find(&reading) {
                        if !kinds.contains(&h.kind.kind()) {
                            kinds.push(h.kind.kind());
                        }
                    }
                }
            }
            if !self.in_key
                && let Some(i) = profile_index(path)
                && let Some(seam) = self.seams.get_mut(i)
            {
                seam.add(self.needles, &self.phrases, &squashed, &words);
            }
        }
        for k in &kinds {
            self.report(path, k.code().to_string(), k.dutch());
        }
        if !self.scanner
            || vocab
            || structured_place
            || PROFESSIONAL_PATHS.contains(&general.as_str())
            || ((path == "date"
                || path == "accepted"
                || general.ends_with(".date")
                || general == "facts.inCareSince")
                && crate::date::Date::parse(s).is_ok_and(|d| d.iso() == s))
        {
            return;
        }
        let scanner = profile_index(path)
            .and_then(|i| self.profile_known.get(i).copied().flatten())
            .unwrap_or(&self.no_dossier);
        let mut seen = Vec::new();
        for f in scanner.scan(s) {
            let (code, same) = scan_kind(f.kind);
            if same.is_some_and(|k| kinds.contains(&k)) || seen.contains(&code) {
                continue;
            }
            seen.push(code);
            let what = format!(
                "mogelijk een {} (gevonden door de tekstscanner)",
                f.kind.dutch()
            );
            self.report(path, code.to_string(), &what);
        }
    }

    /// What the seams between each profile's free texts showed, reported only where no single
    /// field of that profile already showed the same kind.
    fn check_joined(&mut self) {
        for i in 0..self.seams.len() {
            let mut kinds = std::mem::take(&mut self.seams[i].kinds);
            let joined = std::mem::take(&mut self.joined[i]);
            for p in self.prints {
                for h in p.find(&joined) {
                    if !kinds.contains(&h.kind.kind()) {
                        kinds.push(h.kind.kind());
                    }
                }
            }
            let prefix = format!("profiles[{i}].");
            let path = format!("profiles[{i}].profile");
            for k in kinds {
                let code = k.code();
                if !self
                    .findings
                    .iter()
                    .any(|f| f.field.starts_with(&prefix) && f.kind == code)
                {
                    self.report(
                        &path,
                        code.to_string(),
                        &format!("{}, verdeeld over meer dan één tekstveld", k.dutch()),
                    );
                }
            }
        }
    }

    fn walk(&mut self, path: &str, v: &Value) {
        match v {
            Value::String(s) => self.check_text(path, s),
            Value::Number(n) => {
                let mut kinds = Vec::new();
                let text = n.to_string();
                self.needles
                    .find_squashed(text.as_bytes(), true, &mut kinds);
                for p in self.prints {
                    for h in p.find(&text) {
                        // Like the plain needles: short numbers (a score, a rent) identify no one.
                        if text.len() >= 8 && !kinds.contains(&h.kind.kind()) {
                            kinds.push(h.kind.kind());
                        }
                    }
                }
                for k in kinds {
                    self.report(path, k.code().to_string(), k.dutch());
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.walk(&format!("{path}[{i}]"), item);
                }
            }
            Value::Object(map) => {
                let join = |segment: &str| {
                    if path.is_empty() {
                        segment.to_string()
                    } else {
                        format!("{path}.{segment}")
                    }
                };
                for (i, (k, item)) in map.iter().enumerate() {
                    let mut child = join(k);
                    // A key is text too: check it under its own path.
                    let before = self.findings.len();
                    self.in_key = true;
                    self.check_text(&child, k);
                    self.in_key = false;
                    if self.findings.len() > before {
                        // The key itself identifies someone, and a path quoting it would repeat
                        // that in every message: name it by position instead, here and below.
                        self.findings.truncate(before);
                        child = join(&format!("<veldnaam {}>", i + 1));
                        self.in_key = true;
                        self.check_text(&child, k);
                        self.in_key = false;
                    }
                    self.walk(&child, item);
                }
            }
            Value::Null | Value::Bool(_) => {}
        }
    }
}

/// A Dutch label for the fields a coordinator can edit; the JSON path for the rest.
fn field_label(path: &str) -> String {
    let g = general_path(path);
    let label = match g.as_str() {
        "profiles[].profile.notes.gender" => Some("notitie Geslacht"),
        "profiles[].profile.notes.livingSituation" => Some("notitie Woonsituatie"),
        "profiles[].profile.notes.householdCare" => {
            Some("notitie Huishouden / persoonlijke verzorging")
        }
        "profiles[].profile.notes.workDayActivities" => Some("notitie Werk / daginvulling"),
        "profiles[].profile.notes.mobility" => Some("notitie Mobiliteit"),
        "profiles[].profile.notes.socialNetwork" => Some("notitie Sociaal netwerk"),
        "profiles[].profile.notes.socialSelfReliance" => Some("notitie Sociale redzaamheid"),
        "profiles[].profile.notes.financesDebts" => Some("notitie Financiën / schulden"),
        "profiles[].profile.excludedNeighbourhoods[]" => Some("uitgesloten buurten"),
        "profiles[].profile.searchArea[]" => Some("zoekgebied"),
        "profiles[].profile.relapsePlan.signals" => Some("terugvalplan: signalen"),
        "profiles[].profile.relapsePlan.agreements[].action" => Some("terugvalplan: afspraken"),
        "recipient.name" => Some("naam ontvanger"),
        "recipient.id" => Some("id ontvanger"),
        "profiles[].profile" => Some("alle vrije tekst van het profiel samen"),
        _ => None,
    };
    match label {
        Some(l) => format!("‘{l}’ ({path})"),
        None => format!("‘{path}’"),
    }
}

/// Checks the exact bytes of a bundle against the identifying values of the dossiers in it
/// (`dossiers`, by the code each profile carries) and of every other resident the sender holds
/// (`caseload`): a note about one resident must not name another.
pub fn guard(
    bytes: &[u8],
    dossiers: &[(Code, &Known)],
    caseload: &[&Known],
) -> Result<(), LeakReport> {
    guard_with_prints(bytes, dossiers, caseload, &[])
}

/// `guard`, and also every resident of whom the sender holds only identifier prints (the
/// coordinator, PARTIES.md): their values are refused in any form the guard normalises.
pub fn guard_with_prints(
    bytes: &[u8],
    dossiers: &[(Code, &Known)],
    caseload: &[&Known],
    prints: &[&IdentifierPrints],
) -> Result<(), LeakReport> {
    let known: Vec<&Known> = dossiers
        .iter()
        .map(|(_, k)| *k)
        .chain(caseload.iter().copied())
        .collect();
    run(bytes, Needles::new(&known), dossiers, prints, true)
}

/// A transfer without the resident's identity (the overdracht): none of `resident`'s values and
/// none of `others`' in any notation, and the scanner over every text that is not a
/// professional's name. Professionals' names are not searched for: they travel on purpose.
pub fn guard_anonymous(bytes: &[u8], resident: &Known, others: &[Known]) -> Result<(), LeakReport> {
    let without_contacts = |k: &Known| Known {
        contact_names: Vec::new(),
        ..k.clone()
    };
    let all: Vec<Known> = std::iter::once(resident)
        .chain(others)
        .map(without_contacts)
        .collect();
    let refs: Vec<&Known> = all.iter().collect();
    run(bytes, Needles::new(&refs), &[], &[], true)
}

/// A file that names its resident on purpose (the aanmelding, the hand-over): no value of any
/// other resident of the vault, unless the resident shares it (one street, one first name),
/// and no character outside the whitelist.
pub fn guard_others(bytes: &[u8], own: &Known, others: &[Known]) -> Result<(), LeakReport> {
    let refs: Vec<&Known> = others.iter().collect();
    let mut needles = Needles::new(&refs);
    needles.remove(&Needles::new(&[own]));
    run(bytes, needles, &[], &[], false)
}

/// A coordinator's caseload for another coordinator: the cases carry the coordinator's own
/// working texts (drafts not released to any association too), which the receiver may hold, so
/// the free-text scanner's guesses do not refuse it; every known value and identifier print of
/// the vault's residents, and the character whitelist, still do.
pub fn guard_caseload(
    bytes: &[u8],
    caseload: &[&Known],
    prints: &[&IdentifierPrints],
) -> Result<(), LeakReport> {
    run(bytes, Needles::new(caseload), &[], prints, false)
}

fn run(
    bytes: &[u8],
    needles: Needles,
    dossiers: &[(Code, &Known)],
    prints: &[&IdentifierPrints],
    scanner: bool,
) -> Result<(), LeakReport> {
    let value: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(_) => {
            return Err(LeakReport {
                findings: vec![LeakFinding {
                    code: String::new(),
                    field: String::new(),
                    kind: "UNREADABLE".into(),
                    message: "De bundel kon niet worden gecontroleerd: de inhoud is geen geldige JSON. De bundel is niet gemaakt.".into(),
                }],
            });
        }
    };
    let profile_codes: Vec<String> = value
        .get("profiles")
        .and_then(Value::as_array)
        .map(|ps| {
            ps.iter()
                .map(|p| {
                    p.get("code")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_string()
                })
                .collect()
        })
        .unwrap_or_default();
    let prepared: HashMap<String, scan::Prepared> = dossiers
        .iter()
        .map(|(code, k)| (code.to_string(), scan::Prepared::new(k)))
        .collect();
    let profile_known = profile_codes.iter().map(|c| prepared.get(c)).collect();
    let mut walk = Walk {
        needles: &needles,
        profile_known,
        no_dossier: scan::Prepared::new(&Known::default()),
        phrases: place_phrases(),
        vocabulary: vocabulary(),
        seams: (0..profile_codes.len()).map(|_| Seam::default()).collect(),
        in_key: false,
        prints,
        joined: vec![String::new(); profile_codes.len()],
        scanner,
        profile_codes,
        findings: Vec::new(),
    };
    walk.walk("", &value);
    walk.check_joined();
    if walk.findings.is_empty() {
        Ok(())
    } else {
        Err(LeakReport {
            findings: walk.findings,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    fn known() -> Known {
        Known {
            name_parts: vec!["Jan".into(), "Öztürk".into(), "van der Berg".into()],
            tussenvoegsels: vec!["van der".into()],
            bsn: Some("123456782".into()),
            birth_date: Some(Date::new(1998, 3, 12).unwrap()),
            street_addresses: vec!["Kerkstraat 12a".into()],
            postcodes: vec!["5911 AB".into()],
            phones: vec!["06-12345678".into()],
            emails: vec!["jan.ozturk@example.nl".into()],
            ibans: vec!["NL91 ABNA 0417 1643 00".into()],
            contact_names: vec!["Pietersen".into()],
        }
    }

    fn bundle_with_note(note: &str) -> Vec<u8> {
        serde_json::to_vec(&serde_json::json!({
            "format": "woonkans-bundel",
            "profiles": [{"code": "WK-W68Q9-NRZH0-6", "profile": {"gender": "other", "notes": {"socialNetwork": note}, "searchArea": ["Horst aan de Maas"]}}]
        }))
        .unwrap()
    }

    fn kinds(note: &str) -> Vec<String> {
        let k = known();
        let code = code::parse("WK-W68Q9-NRZH0-6").unwrap();
        match guard(&bundle_with_note(note), &[(code, &k)], &[]) {
            Ok(()) => vec![],
            Err(r) => r.findings.into_iter().map(|f| f.kind).collect(),
        }
    }

    #[test]
    fn clean_text_passes() {
        assert_eq!(
            kinds("Heeft een klein netwerk; ziet in januari een vriend."),
            Vec::<String>::new()
        );
        assert_eq!(
            kinds("Woont graag in Peel en Maas, van der Velde is een buurman."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn every_notation_is_caught() {
        let cases: &[(&str, &str)] = &[
            ("Jan belt wekelijks", "NAME"),
            ("mevrouw OZTURK", "NAME"),
            ("familie Van Der Berg", "NAME"),
            ("VanDerBerg", "NAME"),
            ("J.A.N. komt langs", "NAME"),
            ("Jans moeder", "NAME"),
            ("bsn 1234 56 782", "BSN"),
            ("nr 123.456.782", "BSN"),
            ("geboren 12 maart 1998", "BIRTH_DATE"),
            ("geboren 12-03-1998", "BIRTH_DATE"),
            ("geb. 1998-03-12", "BIRTH_DATE"),
            ("geb. 12/3/98", "BIRTH_DATE"),
            ("geb. 12 mrt '98", "BIRTH_DATE"),
            ("woont Kerkstraat 12 A", "ADDRESS"),
            ("woont kerkstr. 12", "ADDRESS"),
            ("postcode 5911ab", "POSTCODE"),
            ("bel +31 6 1234 5678", "PHONE"),
            ("bel 0031 (0)6-12345678", "PHONE"),
            ("bel 06 12 34 56 78", "PHONE"),
            ("mail JAN.OZTURK@EXAMPLE.NL", "EMAIL"),
            ("rek. nl91abna0417164300", "IBAN"),
            ("rekening 417164300", "IBAN"),
        ];
        for (note, kind) in cases {
            let got = kinds(note);
            assert!(got.iter().any(|k| k == kind), "{note}: {got:?}");
        }
    }

    #[test]
    fn findings_name_code_and_field_never_the_value() {
        let k = known();
        let code = code::parse("WK-W68Q9-NRZH0-6").unwrap();
        let report = guard(
            &bundle_with_note("bel Jan op 0612345678"),
            &[(code, &k)],
            &[],
        )
        .unwrap_err();
        assert!(report.findings.len() >= 2);
        for f in &report.findings {
            assert_eq!(f.code, "WK-W68Q9-NRZH0-6");
            assert_eq!(f.field, "profiles[0].profile.notes.socialNetwork");
            assert!(f.message.contains("WK-W68Q9-NRZH0-6"));
            assert!(f.message.contains("Sociaal netwerk"));
            assert!(!f.message.contains("Jan") && !f.message.contains("0612345678"));
        }
        assert_eq!(report.to_error().code, "LEAK_GUARD");
    }

    #[test]
    fn keys_and_numbers_are_checked() {
        let k = known();
        let code = code::parse("WK-W68Q9-NRZH0-6").unwrap();
        let by_key = serde_json::to_vec(&serde_json::json!({"profiles": [{"Öztürk": 1}]})).unwrap();
        assert!(guard(&by_key, &[(code, &k)], &[]).is_err());
        let by_number =
            serde_json::to_vec(&serde_json::json!({"profiles": [{"maxRentCents": 123456782}]}))
                .unwrap();
        assert!(guard(&by_number, &[(code, &k)], &[]).is_err());
        assert!(guard(b"{not json", &[(code, &k)], &[]).is_err());
    }

    #[test]
    fn the_scanner_catches_what_no_dossier_holds() {
        let strangers =
            kinds("Buurman belt soms op 06-98765432 of mailt naar buurman@voorbeeld.nl.");
        assert!(
            strangers.contains(&"SCAN_PHONE".to_string()),
            "{strangers:?}"
        );
        assert!(
            strangers.contains(&"SCAN_EMAIL".to_string()),
            "{strangers:?}"
        );
        let health = kinds("Heeft een psychose gehad.");
        assert_eq!(health, vec!["SCAN_HEALTH".to_string()]);
        // A value both nets find is reported once, by the value search.
        let both = kinds("bel 0612345678");
        assert_eq!(both, vec!["PHONE".to_string()]);
    }

    #[test]
    fn folding_meets_every_spelling() {
        assert_eq!(fold("YILMAZ"), fold("Yılmaz"));
        assert_eq!(fold("Ayse"), fold("Ayşe"));
        assert_eq!(fold("Esme\u{301}e"), "esmee");
        assert_eq!(fold("İlker"), "ilker");
        assert_eq!(squash("Łukasz-Œuvre"), "lukaszoeuvre");
    }

    #[test]
    fn phone_cores() {
        for p in [
            "0612345678",
            "+31612345678",
            "0031612345678",
            "+31 (0)6 12345678",
            "31612345678",
        ] {
            assert_eq!(phone_core(p), "612345678", "{p}");
        }
        assert_eq!(phone_core("+49 2831 12345"), "283112345");
    }
}
