//! The free-text scanner: finds directly identifying data and special-category hints in a
//! coordinator's notes, so that they can be blocked or redacted before anything is shared.
//!
//! It finds the resident's own names (from `Known`), other people's names where the context
//! shows them (a title or a relation word before a capitalised name), BSNs that pass the
//! 11-test, Dutch phone numbers, e-mail addresses, postcodes, street and house number, IBANs,
//! full dates, the dossier's contact persons, and the special categories of art. 9 and 10 AVG
//! (health, belief, sexual orientation, ethnic origin, politics, union membership, genetic and
//! biometric data, criminal law) from the lexicon in `data/lexicon.txt`. It reads every text
//! through `text::normalise` first, so invisible characters, look-alike letters and other digit
//! scripts hide nothing. It deliberately leaves alone gemeenten and places, amounts, counts, hours, years, scores,
//! times and percentages: a placement profile needs those. See docs/SCANNER.md.
//!
//! Hand-written tokenizer and matchers, no regular expressions: linear in the text, and every
//! reported range lies on char boundaries. It never panics, whatever the input.

mod address;
mod lexicon;
mod names;
mod numeric;
mod token;
mod words;

use crate::known::Known;
use crate::vocab::Dutch;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum FindingKind {
    /// The resident's own name.
    Name,
    /// Someone else's name, recognised from the context.
    OtherPersonName,
    Bsn,
    Phone,
    Email,
    Postcode,
    StreetAddress,
    Iban,
    Date,
    /// Health, addiction, medication, pregnancy, hospital and care institutions (art. 9 AVG).
    Health,
    /// Criminal-law data, forensic measures and institutions (art. 10 AVG).
    Justice,
    /// Religious or philosophical beliefs (art. 9 AVG).
    Belief,
    /// Sexual orientation or sex life (art. 9 AVG).
    SexualOrientation,
    /// Racial or ethnic origin (art. 9 AVG); nationality alone is not flagged.
    Ethnicity,
    /// Political opinions (art. 9 AVG).
    Politics,
    /// Trade-union membership (art. 9 AVG).
    UnionMembership,
    /// Genetic data (art. 9 AVG).
    Genetic,
    /// Biometric data for identification (art. 9 AVG).
    Biometric,
}

impl FindingKind {
    pub const ALL: [FindingKind; 18] = [
        FindingKind::Name,
        FindingKind::OtherPersonName,
        FindingKind::Bsn,
        FindingKind::Phone,
        FindingKind::Email,
        FindingKind::Postcode,
        FindingKind::StreetAddress,
        FindingKind::Iban,
        FindingKind::Date,
        FindingKind::Health,
        FindingKind::Justice,
        FindingKind::Belief,
        FindingKind::SexualOrientation,
        FindingKind::Ethnicity,
        FindingKind::Politics,
        FindingKind::UnionMembership,
        FindingKind::Genetic,
        FindingKind::Biometric,
    ];

    /// The text that replaces a finding in redacted output.
    pub fn placeholder(&self) -> &'static str {
        match self {
            FindingKind::Name => "[NAAM]",
            FindingKind::OtherPersonName => "[PERSOON]",
            FindingKind::Bsn => "[BSN]",
            FindingKind::Phone => "[TELEFOON]",
            FindingKind::Email => "[E-MAIL]",
            FindingKind::Postcode => "[POSTCODE]",
            FindingKind::StreetAddress => "[ADRES]",
            FindingKind::Iban => "[IBAN]",
            FindingKind::Date => "[DATUM]",
            FindingKind::Health => "[GEZONDHEID]",
            FindingKind::Justice => "[JUSTITIE]",
            FindingKind::Belief => "[GELOOF]",
            FindingKind::SexualOrientation => "[GEAARDHEID]",
            FindingKind::Ethnicity => "[AFKOMST]",
            FindingKind::Politics => "[POLITIEK]",
            FindingKind::UnionMembership => "[VAKBOND]",
            FindingKind::Genetic => "[GENETISCH]",
            FindingKind::Biometric => "[BIOMETRISCH]",
        }
    }

    /// Which kind wins when two candidates of the same length overlap: the more specific.
    /// The lexicon kinds rank below every identifier; among themselves the narrower categories
    /// rank above health, which is the broadest.
    fn rank(self) -> u8 {
        match self {
            FindingKind::Email => 17,
            FindingKind::Iban => 16,
            FindingKind::Bsn => 15,
            FindingKind::Phone => 14,
            FindingKind::Date => 13,
            FindingKind::Postcode => 12,
            FindingKind::StreetAddress => 11,
            FindingKind::Name => 10,
            FindingKind::OtherPersonName => 9,
            FindingKind::Biometric => 8,
            FindingKind::Genetic => 7,
            FindingKind::UnionMembership => 6,
            FindingKind::Politics => 5,
            FindingKind::SexualOrientation => 4,
            FindingKind::Ethnicity => 3,
            FindingKind::Belief => 2,
            FindingKind::Justice => 1,
            FindingKind::Health => 0,
        }
    }
}

/// One finding: its kind and its byte range in the scanned text (on char boundaries). The
/// range, not the text, is kept, so a finding can be logged without repeating the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct Finding {
    pub kind: FindingKind,
    pub start: usize,
    pub end: usize,
}

/// A candidate from one matcher, before overlaps are resolved.
#[derive(Clone, Copy, Debug)]
struct Cand {
    kind: FindingKind,
    start: usize,
    end: usize,
}

impl Cand {
    fn new(kind: FindingKind, start: usize, end: usize) -> Cand {
        Cand { kind, start, end }
    }
}

/// One resident's known values made ready for scanning: in scan form, with the name indexes,
/// streets and postcodes built once. The leak guard scans thousands of strings per bundle with a
/// few hundred residents; building these per string was a fifth of its time.
pub struct Prepared {
    known: Known,
    own_bsn: Option<[u8; 9]>,
    own_postcodes: Vec<[u8; 6]>,
    streets: Vec<Vec<String>>,
    names: names::NameIndex,
    contacts: Option<names::NameIndex>,
}

impl Prepared {
    pub fn new(known: &Known) -> Prepared {
        let known = if known.is_plain() {
            known.clone()
        } else {
            known.normalised()
        };
        let own_bsn = known.bsn.as_deref().and_then(|b| {
            let digits: Vec<u8> = b
                .bytes()
                .filter(u8::is_ascii_digit)
                .map(|d| d - b'0')
                .collect();
            <[u8; 9]>::try_from(digits.as_slice()).ok()
        });
        let own_postcodes = known
            .postcodes
            .iter()
            .filter_map(|p| numeric::compact_postcode(p))
            .collect();
        let streets = address::known_streets(&known.street_addresses);
        let names = names::NameIndex::new(&known);
        // The dossier's contact persons, found as the resident's names are found, but reported
        // as someone else's name.
        let contacts = (!known.contact_names.is_empty()).then(|| {
            names::NameIndex::new(&Known {
                name_parts: known.contact_names.clone(),
                ..Known::default()
            })
        });
        Prepared {
            known,
            own_bsn,
            own_postcodes,
            streets,
            names,
            contacts,
        }
    }

    /// `scan` with these values.
    pub fn scan(&self, text: &str) -> Vec<Finding> {
        let n = crate::text::normalise(text);
        let mut out: Vec<Finding> = Vec::new();
        for f in self.scan_plain(n.text()) {
            let (mut start, end) = n.original_range(f.start, f.end);
            // Two findings that met inside one typed character ("ß" → "ss") must not overlap.
            if let Some(last) = out.last() {
                start = start.max(last.end);
            }
            if start < end {
                out.push(Finding {
                    kind: f.kind,
                    start,
                    end,
                });
            }
        }
        out
    }

    /// The scanner proper, on text already in scan form, repeated on its own redaction until
    /// that finds nothing new. A finding changes how its neighbours read: in
    /// "077-3201234/06-12345678" the second number looks like the tail of the first until the
    /// first is "[TELEFOON]". Without the repeat, "Alles vervangen" could leave data a second
    /// scan then showed. Text without findings is scanned once.
    fn scan_plain(&self, text: &str) -> Vec<Finding> {
        const ROUNDS: usize = 4;
        let mut found = self.scan_round(text);
        for _ in 1..ROUNDS {
            if found.is_empty() {
                break;
            }
            let redacted = redact(text, &found);
            let more = self.scan_round(&redacted);
            if more.is_empty() {
                break;
            }
            found = merge_redacted(&found, &more);
        }
        found
    }

    /// One scan of `text` in scan form.
    fn scan_round(&self, text: &str) -> Vec<Finding> {
        let t = token::Tokens::new(text);
        let mut c: Vec<Cand> = Vec::new();
        numeric::emails(text, &mut c);
        numeric::ibans(text, &mut c);
        numeric::bsns(text, self.own_bsn, &mut c);
        numeric::phones(text, &mut c);
        numeric::numeric_dates(text, &mut c);
        numeric::month_dates(&t, &mut c);
        numeric::compact_birth_date(&t, self.known.birth_date, &mut c);
        numeric::postcodes(text, &self.own_postcodes, &mut c);
        address::addresses(&t, &self.streets, &mut c);
        names::own_names(&t, &self.names, &mut c);
        if let Some(contacts) = &self.contacts {
            let mut theirs = Vec::new();
            names::own_names(&t, contacts, &mut theirs);
            c.extend(
                theirs
                    .into_iter()
                    .map(|x| Cand::new(FindingKind::OtherPersonName, x.start, x.end)),
            );
        }
        names::other_names(&t, &mut c);
        lexicon::hints(&t, &mut c);
        resolve(text, c)
    }
}

/// Finds identifying data and special-category hints in `text`. `known` holds the resident's
/// own values (names, address, birth date…); pass `Known::default()` when there is no dossier.
/// The findings are sorted by start and do not overlap.
///
/// The text and the known values are first brought to their scan form (`text::normalise`), so
/// a soft hyphen, a Cyrillic look-alike or a full-width digit hides nothing; the ranges found
/// are mapped back onto `text` as typed. To scan many texts with one resident's values, make a
/// `Prepared` once.
pub fn scan(text: &str, known: &Known) -> Vec<Finding> {
    Prepared::new(known).scan(text)
}

/// Adds the findings of a scan of `redact(text, found)` to `found`, mapped back onto `text`.
/// `resolve` keeps every finding off the placeholders, so each lies in a stretch of text that
/// redaction only shifted.
fn merge_redacted(found: &[Finding], more: &[Finding]) -> Vec<Finding> {
    // Per placeholder: where it starts in the redacted text, and the shift after it.
    let mut marks: Vec<(usize, isize)> = Vec::with_capacity(found.len());
    let mut shift: isize = 0;
    for f in found {
        let at = f.start as isize - shift;
        let typed = (f.end - f.start) as isize;
        shift += typed - f.kind.placeholder().len() as isize;
        marks.push((at as usize, shift));
    }
    let mut out: Vec<Finding> = found.to_vec();
    for m in more {
        let before = marks.partition_point(|&(at, _)| at < m.start);
        let shift = before.checked_sub(1).map_or(0, |i| marks[i].1);
        let start = m.start as isize + shift;
        let end = m.end as isize + shift;
        if start < 0 || end <= start {
            continue;
        }
        let (start, end) = (start as usize, end as usize);
        let next = found.partition_point(|f| f.end <= start);
        let clash = found.get(next).is_some_and(|f| f.start < end);
        if !clash {
            out.push(Finding {
                kind: m.kind,
                start,
                end,
            });
        }
    }
    out.sort_by_key(|f| f.start);
    out
}

/// Keeps, of overlapping candidates, the longest (then the most specific), and joins pieces of
/// one name or one phrase that only white space or a hyphen separates.
fn resolve(text: &str, mut c: Vec<Cand>) -> Vec<Finding> {
    c.retain(|x| {
        x.start < x.end
            && x.end <= text.len()
            && text.is_char_boundary(x.start)
            && text.is_char_boundary(x.end)
    });
    // Someone addressed by title could be the resident: then it is the resident's name.
    let mut own: Vec<(usize, usize)> = c
        .iter()
        .filter(|x| x.kind == FindingKind::Name)
        .map(|x| (x.start, x.end))
        .collect();
    own.sort_unstable();
    // The furthest end among the own-name ranges starting at or before each index.
    let reach: Vec<usize> = own
        .iter()
        .scan(0, |m, &(_, e)| {
            *m = (*m).max(e);
            Some(*m)
        })
        .collect();
    let overlaps_own = |x: &Cand| {
        let after = own.partition_point(|&(s, _)| s < x.end);
        after > 0 && reach[after - 1] > x.start
    };
    // Only the part the resident's name covers is the resident's: in "tante Ans van der Berg"
    // (relatives share a surname) "Ans" is still someone else. Dropping the whole candidate
    // left "Ans" to be found only once "van der Berg" had become "[NAAM]".
    let (shared, mut c): (Vec<Cand>, Vec<Cand>) = c
        .into_iter()
        .partition(|x| x.kind == FindingKind::OtherPersonName && overlaps_own(x));
    for x in shared {
        let mut pos = x.start;
        let from = reach.partition_point(|&r| r <= x.start);
        let to = own.partition_point(|&(s, _)| s < x.end);
        for &(s, e) in own.get(from..to).unwrap_or(&[]) {
            if e <= pos {
                continue;
            }
            c.extend(name_rest(text, pos, s));
            pos = pos.max(e);
        }
        c.extend(name_rest(text, pos, x.end));
    }
    drop_placeholders(text, &mut c);

    c.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(b.kind.rank().cmp(&a.kind.rank()))
            .then(a.start.cmp(&b.start))
    });
    let mut accepted: BTreeMap<usize, Cand> = BTreeMap::new();
    for x in c {
        let clash = accepted
            .range(..x.end)
            .next_back()
            .is_some_and(|(_, prev)| prev.end > x.start);
        if !clash {
            accepted.insert(x.start, x);
        }
    }

    let mut out: Vec<Finding> = Vec::with_capacity(accepted.len());
    for x in accepted.into_values() {
        if let Some(prev) = out.last_mut()
            && prev.kind == x.kind
            && matches!(
                x.kind,
                FindingKind::Name
                    | FindingKind::OtherPersonName
                    | FindingKind::Health
                    | FindingKind::Justice
            )
            && joinable_gap(text.get(prev.end..x.start).unwrap_or("x"))
        {
            prev.end = x.end;
            continue;
        }
        out.push(Finding {
            kind: x.kind,
            start: x.start,
            end: x.end,
        });
    }
    out
}

/// What is left of someone else's name beside the resident's, if it still holds a name word:
/// the range trimmed of the spaces, hyphens and full stops that joined it to the rest.
fn name_rest(text: &str, start: usize, end: usize) -> Option<Cand> {
    let piece = text.get(start..end.max(start))?;
    let trimmed = piece.trim_start_matches(|c: char| !c.is_alphabetic());
    let start = start + (piece.len() - trimmed.len());
    let trimmed = trimmed.trim_end_matches(|c: char| !c.is_alphabetic());
    let end = start + trimmed.len();
    let has_name_word = trimmed.split(|c: char| !c.is_alphabetic()).any(|w| {
        w.chars().count() >= 2
            && w.chars().next().is_some_and(char::is_uppercase)
            && !words::contains(words::OTHER_TUSSENVOEGSELS, &token::fold_word(w))
    });
    has_name_word.then(|| Cand::new(FindingKind::OtherPersonName, start, end))
}

/// The scanner's own placeholders ("[NAAM]", "[JUSTITIE]") are what "Alles vervangen" leaves
/// behind, not data: a candidate inside one is dropped, one that reaches into one keeps only
/// its larger part outside. Otherwise "[JUSTITIE]" would be a justice hint again on the next
/// scan, and replacing everything would never be done.
fn drop_placeholders(text: &str, c: &mut Vec<Cand>) {
    let held: Vec<(usize, usize)> = text
        .match_indices('[')
        .filter_map(|(i, _)| {
            FindingKind::ALL
                .iter()
                .map(|k| k.placeholder())
                .find(|p| text[i..].starts_with(p))
                .map(|p| (i, i + p.len()))
        })
        .collect();
    if held.is_empty() {
        return;
    }
    c.retain_mut(|x| {
        // Placeholders do not overlap, so their ends are sorted too: only those from the first
        // that ends after the candidate's start can reach it. A scan's later rounds meet as many
        // placeholders as findings; looking at each for every candidate would be quadratic.
        let from = held.partition_point(|&(_, e)| e <= x.start);
        for &(s, e) in &held[from..] {
            if s >= x.end {
                break;
            }
            if e <= x.start {
                continue;
            }
            let before = s.saturating_sub(x.start);
            let after = x.end.saturating_sub(e);
            if before == 0 && after == 0 {
                return false;
            }
            if before >= after {
                x.end = s;
            } else {
                x.start = e;
            }
        }
        let piece = text.get(x.start..x.end).unwrap_or("");
        let trimmed = piece.trim_matches(' ');
        x.start += piece.len() - piece.trim_start_matches(' ').len();
        x.end = x.start + trimmed.len();
        x.start < x.end
    });
}

fn joinable_gap(gap: &str) -> bool {
    !gap.is_empty()
        && gap.len() <= 3
        && gap
            .chars()
            .all(|c| c == ' ' || c == '-' || c == '\u{a0}' || c == '\t')
}

/// Replaces each finding with its typed placeholder ("[NAAM]", "[BSN]" …). Findings that are out
/// of range, not on char boundaries, or overlap an earlier one are skipped, never a panic.
pub fn redact(text: &str, findings: &[Finding]) -> String {
    let mut fs: Vec<&Finding> = findings
        .iter()
        .filter(|f| {
            f.start < f.end
                && f.end <= text.len()
                && text.is_char_boundary(f.start)
                && text.is_char_boundary(f.end)
        })
        .collect();
    fs.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for f in fs {
        if f.start < pos {
            continue;
        }
        out.push_str(&text[pos..f.start]);
        out.push_str(f.kind.placeholder());
        pos = f.end;
    }
    out.push_str(&text[pos..]);
    out
}

/// A finding with its Dutch label, its placeholder, and its range also in UTF-16 code units,
/// for callers that index strings that way (JavaScript: `text.slice(startUtf16, endUtf16)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(rename = "ScanFinding", optional_fields = nullable)
)]
pub struct DescribedFinding {
    pub kind: FindingKind,
    /// Dutch description of the kind, for the coordinator.
    pub label: &'static str,
    /// What `redact` puts in its place, e.g. `[NAAM]`.
    pub placeholder: &'static str,
    /// UTF-8 byte offsets, as `redact` takes them back.
    pub start: usize,
    pub end: usize,
    /// UTF-16 offsets of the same range.
    pub start_utf16: usize,
    pub end_utf16: usize,
}

/// `scan`, each finding described and with its UTF-16 range too.
pub fn scan_described(text: &str, known: &Known) -> Vec<DescribedFinding> {
    describe(text, &scan(text, known))
}

/// Adds labels and UTF-16 offsets in one pass over the text: the findings are sorted and do not
/// overlap, so their starts and ends only grow.
fn describe(text: &str, findings: &[Finding]) -> Vec<DescribedFinding> {
    let mut marks: Vec<usize> = Vec::with_capacity(findings.len() * 2);
    for f in findings {
        marks.push(f.start);
        marks.push(f.end);
    }
    let mut order: Vec<usize> = (0..marks.len()).collect();
    order.sort_by_key(|&i| marks[i]);
    let mut utf16 = vec![0usize; marks.len()];
    let mut chars = text.char_indices().peekable();
    let mut units = 0usize;
    for i in order {
        while let Some(&(byte, c)) = chars.peek() {
            if byte >= marks[i] {
                break;
            }
            units += c.len_utf16();
            chars.next();
        }
        utf16[i] = units;
    }
    findings
        .iter()
        .enumerate()
        .map(|(n, f)| DescribedFinding {
            kind: f.kind,
            label: f.kind.dutch(),
            placeholder: f.kind.placeholder(),
            start: f.start,
            end: f.end,
            start_utf16: utf16[2 * n],
            end_utf16: utf16[2 * n + 1],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Dutch;

    fn known_jan() -> Known {
        Known {
            name_parts: vec!["Jan".into(), "Berg".into(), "van der Berg".into()],
            tussenvoegsels: vec!["van der".into()],
            ..Known::default()
        }
    }

    fn spans<'a>(text: &'a str, known: &Known) -> Vec<(FindingKind, &'a str)> {
        scan(text, known)
            .into_iter()
            .map(|f| (f.kind, &text[f.start..f.end]))
            .collect()
    }

    #[test]
    fn disguised_values_are_found_and_marked_as_typed() {
        let k = Known {
            name_parts: vec!["Jansen".into()],
            contact_names: vec!["Pietersma".into()],
            ..Known::default()
        };
        assert_eq!(
            spans("Gesprek met Jan\u{ad}sen gehad.", &k),
            [(FindingKind::Name, "Jan\u{ad}sen")]
        );
        assert_eq!(
            spans("Gesprek met J\u{430}nsen gehad.", &k),
            [(FindingKind::Name, "J\u{430}nsen")]
        );
        assert_eq!(
            spans("Gesprek met Ｊａｎｓｅｎ gehad.", &k),
            [(FindingKind::Name, "Ｊａｎｓｅｎ")]
        );
        assert_eq!(
            spans(
                "Bel \u{660}\u{666}-\u{661}\u{662}\u{663}\u{664}\u{665}\u{666}\u{667}\u{668} morgen",
                &k
            ),
            [(
                FindingKind::Phone,
                "\u{660}\u{666}-\u{661}\u{662}\u{663}\u{664}\u{665}\u{666}\u{667}\u{668}"
            )]
        );
        assert_eq!(
            spans("Overleg met Pietersma van het wijkteam.", &k),
            [(FindingKind::OtherPersonName, "Pietersma")]
        );
    }

    #[test]
    fn own_name_whole_words_only() {
        let k = known_jan();
        assert_eq!(
            spans("Jan belt in januari met Janssen.", &k),
            [(FindingKind::Name, "Jan")]
        );
        assert_eq!(spans("JAN en jan", &k).len(), 2);
    }

    #[test]
    fn own_name_ignores_case_and_diacritics() {
        let k = Known {
            name_parts: vec!["Noël".into()],
            ..Known::default()
        };
        assert_eq!(spans("noel en NOËL", &k).len(), 2);
        let k = Known {
            name_parts: vec!["Noel".into()],
            ..Known::default()
        };
        assert_eq!(
            spans("Noe\u{308}l kwam", &k),
            [(FindingKind::Name, "Noe\u{308}l")]
        );
    }

    #[test]
    fn own_surname_takes_its_tussenvoegsel() {
        let k = known_jan();
        for (text, want) in [
            ("Gesprek met Van Der Berg.", "Van Der Berg"),
            ("Gesprek met van der Berg.", "van der Berg"),
            ("Gesprek met vd Berg.", "vd Berg"),
            ("Gesprek met v.d. Berg.", "v.d. Berg"),
            ("Gesprek met Jan van der Berg.", "Jan van der Berg"),
            ("Gesprek met J. van der Berg.", "J. van der Berg"),
        ] {
            assert_eq!(spans(text, &k), [(FindingKind::Name, want)], "{text}");
        }
    }

    #[test]
    fn tussenvoegsel_alone_is_not_a_name() {
        assert!(spans("Het huis van de buren.", &known_jan()).is_empty());
    }

    #[test]
    fn other_people_by_context() {
        let k = Known::default();
        assert_eq!(
            spans("Zijn zus Fatima woont in Venlo.", &k),
            [(FindingKind::OtherPersonName, "Fatima")]
        );
        assert_eq!(
            spans("Haar schoonmoeder Marian past op.", &k),
            [(FindingKind::OtherPersonName, "Marian")]
        );
        assert_eq!(
            spans("Dhr. J. de Vries-Peters belde.", &k),
            [(FindingKind::OtherPersonName, "J. de Vries-Peters")]
        );
        for text in [
            "Haar broer woont in Venlo.",
            "Zijn broer, Venlo is te ver.",
            "Zijn moeder.\nVolgende stap is een gesprek.",
            "De begeleider van de Wmo sluit aan.",
            "Het diploma Havo is behaald.",
            "Moeder Marokkaans, vader Nederlands.",
            "De mentor van Zorggroep Noord.",
            "Vader (Hans is ziek) belde.",
        ] {
            assert!(spans(text, &k).is_empty(), "{text}");
        }
    }

    #[test]
    fn other_people_after_punctuation_and_role_nouns() {
        let k = Known::default();
        for (text, want) in [
            ("Vader (Hans) wil niet.", "Hans"),
            ("Moeder: Ingrid, woont in Beesel.", "Ingrid"),
            ("Zijn trajectbegeleider Tom Geurts belt.", "Tom Geurts"),
            ("Zwager Karim helpt.", "Karim"),
        ] {
            assert_eq!(
                spans(text, &k),
                [(FindingKind::OtherPersonName, want)],
                "{text}"
            );
        }
    }

    #[test]
    fn resident_addressed_by_title_is_the_resident() {
        assert_eq!(
            spans("Dhr. van der Berg belde.", &known_jan()),
            [(FindingKind::Name, "van der Berg")]
        );
    }

    #[test]
    fn numbers_that_are_not_identifiers() {
        let k = Known::default();
        for text in [
            "De huur is € 713,00 per maand.",
            "Dat is 713 euro.",
            "Begeleiding 12 uur per week.",
            "Sinds 2019 in Venlo.",
            "Score 3, niveau 4/5.",
            "Om 14:30 uur.",
            "Ongeveer 30% van het inkomen.",
            "In maart 1998 verhuisd.",
            "Op 12 maart is het gesprek.",
            "Horst aan de Maas en Roermond.",
            "De uitkering 1150 per maand.",
            "Zaaknummer 123456789.",
        ] {
            assert!(spans(text, &k).is_empty(), "{text}: {:?}", spans(text, &k));
        }
    }

    #[test]
    fn street_addresses() {
        let k = Known::default();
        for (text, want) in [
            ("Woont op de Kerkstraat 12a.", "Kerkstraat 12a"),
            (
                "Naar Burgemeester van Rijnsingel 5.",
                "Burgemeester van Rijnsingel 5",
            ),
            (
                "Naar de Van Heutszstraat 3 in Venray.",
                "Van Heutszstraat 3",
            ),
            ("Adres: Hoogstraat 101-3, Venray", "Hoogstraat 101-3"),
            ("Op St. Jozefplein 2 hs", "St. Jozefplein 2 hs"),
            ("Op Molenweg 12 A", "Molenweg 12 A"),
        ] {
            assert_eq!(
                spans(text, &k),
                [(FindingKind::StreetAddress, want)],
                "{text}"
            );
        }
        assert!(spans("Hij fietst 10 km over de snelweg 2 keer per week.", &k).is_empty());
    }

    #[test]
    fn overlaps_keep_the_longer_finding() {
        let k = Known {
            name_parts: vec!["Noel".into()],
            ..Known::default()
        };
        assert_eq!(
            spans("mail noel@example.nl", &k),
            [(FindingKind::Email, "noel@example.nl")]
        );
        assert_eq!(
            spans("NL91 ABNA 0417 1643 00", &k),
            [(FindingKind::Iban, "NL91 ABNA 0417 1643 00")]
        );
    }

    #[test]
    fn less_common_notations() {
        let k = Known::default();
        assert_eq!(
            spans("Geboren 12-mrt-1998 te Venlo.", &k),
            [(FindingKind::Date, "12-mrt-1998")]
        );
        assert_eq!(
            spans("IBAN NL 91 ABNA 0417 1643 00.", &k),
            [(FindingKind::Iban, "NL 91 ABNA 0417 1643 00")]
        );
        assert!(spans("Op 12-mrt is het gesprek.", &k).is_empty());
    }

    #[test]
    fn adjacent_words_of_one_hint_join() {
        assert_eq!(
            spans("Een bipolaire stoornis.", &Known::default()),
            [(FindingKind::Health, "bipolaire stoornis")]
        );
    }

    #[test]
    fn redaction_uses_typed_placeholders_and_survives_bad_ranges() {
        let text = "Jan belde 06-12345678 op 12-03-1998.";
        let found = scan(text, &known_jan());
        assert_eq!(redact(text, &found), "[NAAM] belde [TELEFOON] op [DATUM].");
        let text = "Bereikbaar via haar zus (06-12345678) of (077) 320 1234.";
        let found = scan(text, &known_jan());
        assert_eq!(
            redact(text, &found),
            "Bereikbaar via haar zus ([TELEFOON]) of [TELEFOON]."
        );
        let bad = [
            Finding {
                kind: FindingKind::Bsn,
                start: 30,
                end: 300,
            },
            Finding {
                kind: FindingKind::Bsn,
                start: 5,
                end: 2,
            },
        ];
        assert_eq!(redact(text, &bad), text);
        let multibyte = "Noël";
        let split = [Finding {
            kind: FindingKind::Name,
            start: 1,
            end: 3,
        }];
        assert_eq!(redact(multibyte, &split), multibyte);
    }

    #[test]
    fn kinds_serialise_in_camel_case() {
        let f = Finding {
            kind: FindingKind::OtherPersonName,
            start: 1,
            end: 2,
        };
        assert_eq!(
            serde_json::to_string(&f).unwrap(),
            r#"{"kind":"otherPersonName","start":1,"end":2}"#
        );
        for k in FindingKind::ALL {
            assert!(k.placeholder().starts_with('[') && !k.dutch().is_empty());
        }
    }
}
