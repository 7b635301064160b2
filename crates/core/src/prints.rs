//! Identifier prints (PARTIES.md, "Identifier fingerprints"): keyed hashes of one resident's
//! identifying values, so a party that never holds the values can still refuse them in text.
//!
//! The Wmo consultant makes the prints from the dossier and puts them in the overdracht; the
//! coordinator keeps them with the case and its leak guard hashes every word, run of words and
//! squashed stretch of outgoing text the same way. A hit refuses the text although the
//! coordinator never saw the value.
//!
//! Each value is first brought into every form the plain guard searches for
//! (`leakguard::forms`: folded name words, squashed numbers, addresses, e-mail, IBAN and each
//! written form of the birth date), then hashed with HMAC-SHA-256 under a random salt of this
//! case, cut to 128 bits. Prints are pseudonymised personal data, not anonymous: whoever holds a
//! case's salt can test a guess, and a BSN or a birth date has few enough possible values to be
//! guessed by trying them all. They are kept, logged and erased as the case's personal data.

use crate::base64;
use crate::error::{Error, Result};
use crate::known::Known;
use crate::leakguard::{Form, Kind};
use crate::text::fold_char;
use hmac::{Hmac, KeyInit, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

type HmacSha256 = Hmac<Sha256>;

/// Domain tags keep a name word from ever meeting a squashed number or a date of the same text.
const WORD: &[u8] = b"w\0";
const SQUASHED: &[u8] = b"s\0";
const DATE: &[u8] = b"d\0";
/// Adjacent words are joined up to this many letters to meet a name split into pieces
/// ("Jan sen", "J A N S E N"). Fixed, so the prints do not tell how long the names are.
const JOINED_NAME_CHARS: usize = 24;
/// A squashed value is at most this long (an IBAN is 18 here; e-mail addresses can be longer and
/// are then caught word by word only).
const MAX_SQUASHED_CHARS: usize = 64;
/// A case has a few dozen forms; a file with many more is not a print list.
const MAX_PRINTS: usize = 2048;

/// What kind of value a print stands for: shown in a refusal, never the value itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum PrintKind {
    Name,
    Bsn,
    BirthDate,
    Address,
    Postcode,
    Phone,
    Email,
    Iban,
}

impl PrintKind {
    fn of(kind: Kind) -> Option<PrintKind> {
        Some(match kind {
            Kind::Name => PrintKind::Name,
            Kind::Bsn => PrintKind::Bsn,
            Kind::BirthDate => PrintKind::BirthDate,
            Kind::Address => PrintKind::Address,
            Kind::Postcode => PrintKind::Postcode,
            Kind::Phone => PrintKind::Phone,
            Kind::Email => PrintKind::Email,
            Kind::Iban => PrintKind::Iban,
            // Professionals' names travel in the clear with the case; characters are no value.
            Kind::ContactName | Kind::Character => return None,
        })
    }

    pub(crate) fn kind(self) -> Kind {
        match self {
            PrintKind::Name => Kind::Name,
            PrintKind::Bsn => Kind::Bsn,
            PrintKind::BirthDate => Kind::BirthDate,
            PrintKind::Address => Kind::Address,
            PrintKind::Postcode => Kind::Postcode,
            PrintKind::Phone => Kind::Phone,
            PrintKind::Email => Kind::Email,
            PrintKind::Iban => Kind::Iban,
        }
    }

    /// The scanner's kind, for a refusal shown on a note.
    pub fn finding_kind(self) -> crate::scan::FindingKind {
        use crate::scan::FindingKind as F;
        match self {
            PrintKind::Name => F::Name,
            PrintKind::Bsn => F::Bsn,
            PrintKind::BirthDate => F::Date,
            PrintKind::Address => F::StreetAddress,
            PrintKind::Postcode => F::Postcode,
            PrintKind::Phone => F::Phone,
            PrintKind::Email => F::Email,
            PrintKind::Iban => F::Iban,
        }
    }
}

/// One case's prints and the salt to make more. Private fields: a list is only ever made from
/// a dossier (`new`) or read back whole and checked (`Deserialize`).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PrintsFile", into = "PrintsFile")]
pub struct IdentifierPrints {
    salt: [u8; 32],
    prints: BTreeMap<[u8; 16], PrintKind>,
    /// The lengths of the squashed forms, so a text is hashed only at lengths that can hit.
    lengths: BTreeSet<usize>,
}

/// One match in a text: its kind and byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PrintHit {
    pub kind: PrintKind,
    pub start: usize,
    pub end: usize,
}

impl IdentifierPrints {
    /// The prints of one resident's values (`Dossier::known`) under a fresh random `salt`.
    pub fn new(known: &Known, salt: [u8; 32]) -> IdentifierPrints {
        let mut p = IdentifierPrints {
            salt,
            prints: BTreeMap::new(),
            lengths: BTreeSet::new(),
        };
        let known = known.normalised();
        for form in crate::leakguard::forms(&known) {
            match form {
                Form::Word(w, kind) => {
                    if let Some(k) = PrintKind::of(kind) {
                        p.add(WORD, &w, k);
                    }
                }
                Form::Squashed(s, kind) => {
                    let Some(k) = PrintKind::of(kind) else {
                        continue;
                    };
                    let n = s.chars().count();
                    if n <= MAX_SQUASHED_CHARS {
                        p.lengths.insert(n);
                        p.add(SQUASHED, &s, k);
                    }
                }
                Form::Date(d) => p.add(DATE, &d.iso(), PrintKind::BirthDate),
            }
        }
        p
    }

    pub fn is_empty(&self) -> bool {
        self.prints.is_empty()
    }

    pub fn len(&self) -> usize {
        self.prints.len()
    }

    fn mac(&self) -> HmacSha256 {
        <HmacSha256 as KeyInit>::new_from_slice(&self.salt).expect("HMAC takes any key length")
    }

    fn hash(keyed: &HmacSha256, tag: &[u8], text: &str) -> [u8; 16] {
        let mut m = keyed.clone();
        m.update(tag);
        m.update(text.as_bytes());
        let full = m.finalize().into_bytes();
        let mut out = [0u8; 16];
        out.copy_from_slice(&full[..16]);
        out
    }

    fn add(&mut self, tag: &[u8], text: &str, kind: PrintKind) {
        let h = Self::hash(&self.mac(), tag, text);
        self.prints.entry(h).or_insert(kind);
    }

    /// Every identifying value of this resident in `text`, in any form the guard normalises.
    /// Whole words inside the name of a participating gemeente ("Peel en Maas") are places.
    pub fn find(&self, text: &str) -> Vec<PrintHit> {
        let mut hits: Vec<PrintHit> = Vec::new();
        if self.prints.is_empty() {
            return hits;
        }
        let keyed = self.mac();
        let mut hit = |kind: PrintKind, start: usize, end: usize| {
            if !hits
                .iter()
                .any(|h| h.kind == kind && h.start == start && h.end == end)
            {
                hits.push(PrintHit { kind, start, end });
            }
        };
        let chars = squashed_chars(text);
        // Squashed stretches at each length a value of this case has.
        let mut buf = String::new();
        for start in 0..chars.len() {
            for &len in &self.lengths {
                let Some(window) = chars.get(start..start + len) else {
                    break;
                };
                buf.clear();
                buf.extend(window.iter().map(|c| c.c));
                if let Some(&k) = self.prints.get(&Self::hash(&keyed, SQUASHED, &buf)) {
                    hit(k, window[0].start, window[len - 1].end);
                }
            }
        }
        // Words, possessives and names split into pieces, outside place names.
        let words = words_of(&chars);
        let masked = mask_places(&words);
        for (i, w) in words.iter().enumerate() {
            if masked[i] {
                continue;
            }
            let stem = w.text.strip_suffix('s');
            let mut whole = false;
            for t in std::iter::once(w.text.as_str()).chain(stem) {
                if let Some(&k) = self.prints.get(&Self::hash(&keyed, WORD, t)) {
                    hit(k, w.start, w.end);
                    whole = true;
                }
            }
            // Two names glued into one word ("fatimabakker", an e-mail handle), each of three
            // letters or more: the second part is hashed only when the first is a name.
            if !whole && w.text.len() >= 6 {
                for (at, _) in w.text.char_indices().skip(3) {
                    let (first, second) = w.text.split_at(at);
                    if second.chars().count() < 3
                        || !self.prints.contains_key(&Self::hash(&keyed, WORD, first))
                    {
                        continue;
                    }
                    let stem = second.strip_suffix('s');
                    for t in std::iter::once(second).chain(stem) {
                        if let Some(&k) = self.prints.get(&Self::hash(&keyed, WORD, t)) {
                            hit(k, w.start, w.end);
                        }
                    }
                }
            }
            let mut joined = w.text.clone();
            for next in words.iter().zip(&masked).skip(i + 1) {
                let (n, m) = next;
                if *m || joined.chars().count() + n.text.chars().count() > JOINED_NAME_CHARS {
                    break;
                }
                joined.push_str(&n.text);
                if let Some(&k) = self.prints.get(&Self::hash(&keyed, WORD, &joined)) {
                    hit(k, w.start, n.end);
                }
            }
        }
        // Dates written as three words: 12 maart 1998, 12-3-98, 1998 03 12.
        for w in words.windows(3) {
            for date in dates_of(&w[0].text, &w[1].text, &w[2].text) {
                if let Some(&k) = self.prints.get(&Self::hash(&keyed, DATE, &date.iso())) {
                    hit(k, w[0].start, w[2].end);
                }
            }
        }
        hits.sort_by_key(|h| (h.start, h.end, h.kind));
        hits
    }
}

impl std::fmt::Debug for IdentifierPrints {
    /// The count only: the salt and the hashes together let anyone test a guess.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IdentifierPrints")
            .field("prints", &self.prints.len())
            .finish_non_exhaustive()
    }
}

#[derive(Clone, Copy)]
struct SquashedChar {
    c: char,
    start: usize,
    end: usize,
    /// Whether a character that is no letter or digit came before it: a word starts here.
    word_start: bool,
}

/// The text folded and squashed (`text::squash`), each character with the byte range of the
/// typed character it came from.
fn squashed_chars(text: &str) -> Vec<SquashedChar> {
    let mut out = Vec::with_capacity(text.len());
    let mut gap = true;
    for (i, c) in text.char_indices() {
        let folded = fold_char(c);
        if folded.is_empty() {
            // Invisible: it neither splits a word nor counts.
            continue;
        }
        let mut any = false;
        for f in folded.chars() {
            if f.is_alphanumeric() {
                out.push(SquashedChar {
                    c: f,
                    start: i,
                    end: i + c.len_utf8(),
                    word_start: gap,
                });
                gap = false;
                any = true;
            }
        }
        if !any {
            gap = true;
        }
    }
    out
}

struct Word {
    text: String,
    start: usize,
    end: usize,
}

fn words_of(chars: &[SquashedChar]) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    for c in chars {
        match words.last_mut() {
            Some(w) if !c.word_start => {
                w.text.push(c.c);
                w.end = c.end;
            }
            _ => words.push(Word {
                text: c.c.to_string(),
                start: c.start,
                end: c.end,
            }),
        }
    }
    words
}

fn mask_places(words: &[Word]) -> Vec<bool> {
    static PHRASES: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    let phrases = PHRASES.get_or_init(crate::leakguard::place_phrases);
    let mut masked = vec![false; words.len()];
    for p in phrases {
        for start in 0..words.len().saturating_sub(p.len() - 1) {
            if words[start..start + p.len()]
                .iter()
                .zip(p)
                .all(|(w, q)| w.text == *q)
            {
                masked[start..start + p.len()]
                    .iter_mut()
                    .for_each(|m| *m = true);
            }
        }
    }
    masked
}

/// The dates three words can stand for: day month year or year month day, the month as a number
/// or a word, a two-digit year in either century.
fn dates_of(a: &str, b: &str, c: &str) -> Vec<crate::date::Date> {
    let num = |w: &str| -> Option<i32> {
        (!w.is_empty() && w.len() <= 4 && w.bytes().all(|x| x.is_ascii_digit()))
            .then(|| w.parse().ok())
            .flatten()
    };
    let month = |w: &str| -> Option<u8> {
        match num(w) {
            Some(m) if w.len() <= 2 => u8::try_from(m).ok(),
            Some(_) => None,
            None => crate::leakguard::month_of_word(w),
        }
    };
    let years = |w: &str| -> Vec<i32> {
        match (w.len(), num(w)) {
            (4, Some(y)) => vec![y],
            (2, Some(y)) => vec![1900 + y, 2000 + y],
            _ => Vec::new(),
        }
    };
    let day = |w: &str| -> Option<u8> {
        (w.len() <= 2)
            .then(|| num(w).and_then(|d| u8::try_from(d).ok()))
            .flatten()
    };
    let mut out = Vec::new();
    if let (Some(d), Some(m)) = (day(a), month(b)) {
        for y in years(c) {
            out.extend(crate::date::Date::new(y, m, d).ok());
        }
    }
    if a.len() == 4
        && let (Some(m), Some(d)) = (month(b), day(c))
    {
        for y in years(a) {
            out.extend(crate::date::Date::new(y, m, d).ok());
        }
    }
    out
}

/// The stored and transferred shape: salt, lengths and prints in base64, sorted by hash so their
/// order says nothing about the values.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PrintsFile {
    salt: String,
    lengths: Vec<usize>,
    prints: Vec<PrintEntry>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PrintEntry {
    kind: PrintKind,
    hash: String,
}

impl From<IdentifierPrints> for PrintsFile {
    fn from(p: IdentifierPrints) -> PrintsFile {
        PrintsFile {
            salt: base64::encode(&p.salt),
            lengths: p.lengths.into_iter().collect(),
            prints: p
                .prints
                .into_iter()
                .map(|(h, kind)| PrintEntry {
                    kind,
                    hash: base64::encode(&h),
                })
                .collect(),
        }
    }
}

fn invalid() -> Error {
    Error::new(
        "PRINTS_INVALID",
        "De vingerafdrukken van de identificerende gegevens zijn beschadigd.",
    )
    .at("vingerafdrukken")
}

impl TryFrom<PrintsFile> for IdentifierPrints {
    type Error = Error;

    fn try_from(f: PrintsFile) -> Result<IdentifierPrints> {
        let salt: [u8; 32] = base64::decode(&f.salt)
            .and_then(|b| b.try_into().ok())
            .ok_or_else(invalid)?;
        if f.prints.len() > MAX_PRINTS
            || f.lengths.len() > MAX_SQUASHED_CHARS
            || f.lengths.iter().any(|&l| l == 0 || l > MAX_SQUASHED_CHARS)
        {
            return Err(invalid());
        }
        let mut prints = BTreeMap::new();
        for e in f.prints {
            let h: [u8; 16] = base64::decode(&e.hash)
                .and_then(|b| b.try_into().ok())
                .ok_or_else(invalid)?;
            prints.insert(h, e.kind);
        }
        Ok(IdentifierPrints {
            salt,
            prints,
            lengths: f.lengths.into_iter().collect(),
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

    fn kinds(p: &IdentifierPrints, text: &str) -> Vec<PrintKind> {
        let mut k: Vec<PrintKind> = p.find(text).into_iter().map(|h| h.kind).collect();
        k.sort();
        k.dedup();
        k
    }

    #[test]
    fn every_notation_is_found_without_the_values() {
        let p = IdentifierPrints::new(&known(), [7; 32]);
        let cases: &[(&str, PrintKind)] = &[
            ("Gesprek met Jan gehad.", PrintKind::Name),
            ("OZTURK belde", PrintKind::Name),
            ("Ö z t ü r k", PrintKind::Name),
            ("mevrouw Van der Berg", PrintKind::Name),
            ("vanderberg", PrintKind::Name),
            ("Jans fiets", PrintKind::Name),
            ("J\u{200b}an komt", PrintKind::Name),
            ("Јan", PrintKind::Name),
            ("bsn 1234.56.782", PrintKind::Bsn),
            ("nr 123 456 782 bekend", PrintKind::Bsn),
            ("bel +31 6 1234 5678", PrintKind::Phone),
            ("0031 (0)6-12345678", PrintKind::Phone),
            ("06 12 34 56 78", PrintKind::Phone),
            ("postcode 5911ab", PrintKind::Postcode),
            ("5911-AB", PrintKind::Postcode),
            ("Kerkstr. 12 a", PrintKind::Address),
            ("mail jan.ozturk@example.nl", PrintKind::Email),
            ("NL91ABNA0417164300", PrintKind::Iban),
            ("geboren 12 maart 1998", PrintKind::BirthDate),
            ("geb. 12-3-98", PrintKind::BirthDate),
            ("1998-03-12", PrintKind::BirthDate),
            ("12 mrt '98", PrintKind::BirthDate),
        ];
        for (text, kind) in cases {
            assert!(
                kinds(&p, text).contains(kind),
                "{text:?}: {:?}",
                kinds(&p, text)
            );
        }
    }

    #[test]
    fn clean_text_and_places_and_contacts_pass() {
        let p = IdentifierPrints::new(&known(), [7; 32]);
        for text in [
            "Hij woont graag in Venlo en zoekt een rustige buurt.",
            "Afspraak in januari over de huur.",
            "De begeleider Pietersen komt wekelijks.",
            "Gesprek met Jansen van de corporatie.",
            "Twee kamers, huur tot 650 euro, 12 uur begeleiding.",
            "Peel en Maas of Horst aan de Maas",
        ] {
            assert_eq!(kinds(&p, text), [], "{text:?}");
        }
    }

    #[test]
    fn hits_point_at_the_typed_text() {
        let p = IdentifierPrints::new(&known(), [7; 32]);
        let text = "Bel ﻿0 6-1234 5678 of mail.";
        let hit = p
            .find(text)
            .into_iter()
            .find(|h| h.kind == PrintKind::Phone)
            .unwrap();
        // The national number without its 0, as the plain guard matches it.
        assert_eq!(&text[hit.start..hit.end], "6-1234 5678");
    }

    #[test]
    fn another_salt_gives_other_prints_and_no_hits() {
        let a = IdentifierPrints::new(&known(), [7; 32]);
        let b = IdentifierPrints::new(&known(), [8; 32]);
        assert!(a.prints.keys().all(|h| !b.prints.contains_key(h)));
        // The prints of another resident never hit this one's values.
        let other = IdentifierPrints::new(
            &Known {
                name_parts: vec!["Fatima".into(), "El Amrani".into()],
                bsn: Some("111222333".into()),
                ..Known::default()
            },
            [7; 32],
        );
        assert_eq!(kinds(&other, "Jan Öztürk, bsn 123456782"), []);
    }

    #[test]
    fn stored_form_round_trips_and_holds_no_value() {
        let p = IdentifierPrints::new(&known(), [7; 32]);
        let json = serde_json::to_string(&p).unwrap();
        for value in [
            "jan",
            "ozturk",
            "123456782",
            "5911",
            "0612345678",
            "example",
            "kerkstraat",
        ] {
            assert!(!json.to_lowercase().contains(value), "{value}");
        }
        let back: IdentifierPrints = serde_json::from_str(&json).unwrap();
        assert_eq!(back, p);
        assert!(!format!("{p:?}").contains(&json[..20]));
    }

    #[test]
    fn damaged_lists_are_refused() {
        let p = IdentifierPrints::new(&known(), [7; 32]);
        let mut v = serde_json::to_value(&p).unwrap();
        v["salt"] = "AAAA".into();
        assert!(serde_json::from_value::<IdentifierPrints>(v).is_err());
        let mut v = serde_json::to_value(&p).unwrap();
        v["lengths"] = serde_json::json!([0]);
        assert!(serde_json::from_value::<IdentifierPrints>(v).is_err());
        let mut v = serde_json::to_value(&p).unwrap();
        v["extra"] = 1.into();
        assert!(serde_json::from_value::<IdentifierPrints>(v).is_err());
    }
}
