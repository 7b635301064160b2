//! Special-category hints (art. 9 and 10 AVG: health, criminal-law data, belief, sexual
//! orientation, ethnic origin, political opinion, trade-union membership, genetic and biometric
//! data) from the lexicon in `data/lexicon.txt`, one section per kind. The list is data so that
//! it can be reviewed and extended without touching the matcher.

use super::token::{Kind, Tokens, fold_word};
use super::{Cand, FindingKind};
use std::collections::HashMap;
use std::sync::OnceLock;

const LEXICON: &str = include_str!("../../data/lexicon.txt");

/// The section headers of the lexicon and the kind their entries report.
const SECTIONS: [(&str, FindingKind); 9] = [
    ("[health]", FindingKind::Health),
    ("[justice]", FindingKind::Justice),
    ("[belief]", FindingKind::Belief),
    ("[sexualOrientation]", FindingKind::SexualOrientation),
    ("[ethnicity]", FindingKind::Ethnicity),
    ("[politics]", FindingKind::Politics),
    ("[unionMembership]", FindingKind::UnionMembership),
    ("[genetic]", FindingKind::Genetic),
    ("[biometric]", FindingKind::Biometric),
];

#[derive(Debug, PartialEq, Eq)]
enum Pat {
    Exact(String),
    Prefix(String),
    Suffix(String),
    /// Matched against the raw text, case included. Letters and digits may mix ("D66",
    /// "50PLUS"): the tokenizer splits those into letter and digit runs, and the word matches
    /// when consecutive runs spell it exactly.
    Cased(String),
}

impl Pat {
    fn parse(s: &str) -> Option<Pat> {
        if let Some(rest) = s.strip_prefix('=') {
            let ok = !rest.is_empty()
                && rest
                    .chars()
                    .all(|c| c.is_alphabetic() || c.is_ascii_digit())
                && rest.chars().any(char::is_alphabetic);
            return ok.then(|| Pat::Cased(rest.to_string()));
        }
        let folded = fold_word(s.trim_matches('*'));
        if folded.chars().count() < 2 || !folded.chars().all(char::is_alphabetic) {
            return None;
        }
        Some(match (s.starts_with('*'), s.ends_with('*')) {
            (false, false) => Pat::Exact(folded),
            (false, true) => Pat::Prefix(folded),
            (true, false) => Pat::Suffix(folded),
            (true, true) => return None,
        })
    }

    /// Whether the pattern matches at token `i`; the index of the last token it covers.
    fn matches(&self, t: &Tokens, i: usize) -> Option<usize> {
        if let Pat::Cased(x) = self {
            return cased_match(x, t, i);
        }
        let w = t.word(i)?;
        let hit = match self {
            Pat::Exact(x) => w == x,
            Pat::Prefix(x) => w.starts_with(x.as_str()),
            Pat::Suffix(x) => w.ends_with(x.as_str()),
            Pat::Cased(_) => false,
        };
        hit.then_some(i)
    }
}

fn is_alnum_run(t: &Tokens, i: usize) -> bool {
    matches!(t.kind(i), Some(Kind::Word | Kind::Num))
}

/// `x` spelled exactly by the letter and digit runs from token `i` on, and not part of a
/// longer run of letters and digits ("D66" in "D66", not in "D660" or "XD66").
fn cased_match(x: &str, t: &Tokens, i: usize) -> Option<usize> {
    if i > 0 && is_alnum_run(t, i - 1) {
        return None;
    }
    let mut rest = x;
    let mut j = i;
    loop {
        if !is_alnum_run(t, j) {
            return None;
        }
        rest = rest.strip_prefix(t.raw(j))?;
        if rest.is_empty() {
            break;
        }
        j += 1;
    }
    (!is_alnum_run(t, j + 1)).then_some(j)
}

/// The key under which a cased entry is indexed: its first letter or digit run, as the
/// tokenizer will see it in a text.
fn cased_key(x: &str) -> String {
    let digit = x.starts_with(|c: char| c.is_ascii_digit());
    x.chars()
        .take_while(|c| c.is_ascii_digit() == digit)
        .collect()
}

struct Entry {
    kind: FindingKind,
    pats: Vec<Pat>,
}

pub(super) struct Lexicon {
    entries: Vec<Entry>,
    /// Entries whose first word is exact, by that folded word.
    by_word: HashMap<String, Vec<usize>>,
    /// Entries whose first word is cased, by that raw word.
    by_cased: HashMap<String, Vec<usize>>,
    /// Entries whose first word is a prefix, by its first three bytes.
    by_head: HashMap<[u8; 3], Vec<usize>>,
    /// Entries whose first word is a suffix, by its last three bytes.
    by_tail: HashMap<[u8; 3], Vec<usize>>,
    /// Prefix or suffix entries shorter than three bytes: tried on every word.
    short_affix: Vec<usize>,
}

fn head3(s: &str) -> Option<[u8; 3]> {
    let b = s.as_bytes();
    (b.len() >= 3).then(|| [b[0], b[1], b[2]])
}

fn tail3(s: &str) -> Option<[u8; 3]> {
    let b = s.as_bytes();
    let n = b.len();
    (n >= 3).then(|| [b[n - 3], b[n - 2], b[n - 1]])
}

/// Parses the lexicon text. Returns the entries and the line numbers of lines it could not use,
/// so a test can insist that every line of the shipped file is understood.
fn parse(data: &str) -> (Lexicon, Vec<usize>) {
    let mut entries = Vec::new();
    let mut bad = Vec::new();
    let mut section: Option<FindingKind> = None;
    for (n, line) in data.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with('[') {
            section = SECTIONS
                .iter()
                .find(|(header, _)| *header == line)
                .map(|(_, kind)| *kind);
            if section.is_none() {
                // An unknown section: it and every entry under it are refused.
                bad.push(n + 1);
            }
            continue;
        }
        let pats: Option<Vec<Pat>> = line
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| !w.is_empty())
            .map(Pat::parse)
            .collect();
        match (section, pats) {
            (Some(kind), Some(pats)) if !pats.is_empty() => {
                entries.push(Entry { kind, pats });
            }
            _ => bad.push(n + 1),
        }
    }
    let mut lex = Lexicon {
        entries,
        by_word: HashMap::new(),
        by_cased: HashMap::new(),
        by_head: HashMap::new(),
        by_tail: HashMap::new(),
        short_affix: Vec::new(),
    };
    for (i, e) in lex.entries.iter().enumerate() {
        match &e.pats[0] {
            Pat::Exact(w) => lex.by_word.entry(w.clone()).or_default().push(i),
            Pat::Cased(w) => lex.by_cased.entry(cased_key(w)).or_default().push(i),
            Pat::Prefix(w) => match head3(w) {
                Some(k) => lex.by_head.entry(k).or_default().push(i),
                None => lex.short_affix.push(i),
            },
            Pat::Suffix(w) => match tail3(w) {
                Some(k) => lex.by_tail.entry(k).or_default().push(i),
                None => lex.short_affix.push(i),
            },
        }
    }
    (lex, bad)
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| parse(LEXICON).0)
}

/// The next word of a phrase: after white space within the line, or a hyphen.
fn next_phrase_word(t: &Tokens, j: usize) -> Option<usize> {
    let mut k = j + 1;
    let mut seps = 0;
    while seps < 2 && (t.is_inline_space(k) || t.is_punct(k, '-')) {
        k += 1;
        seps += 1;
    }
    (seps > 0 && is_alnum_run(t, k)).then_some(k)
}

pub(super) fn hints(t: &Tokens, out: &mut Vec<Cand>) {
    hints_with(lexicon(), t, out);
}

fn hints_with(lex: &Lexicon, t: &Tokens, out: &mut Vec<Cand>) {
    let mut candidates: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !is_alnum_run(t, i) {
            i += 1;
            continue;
        }
        candidates.clear();
        // A digit run can only start a cased entry ("50PLUS").
        if let Some(v) = lex.by_cased.get(t.raw(i)) {
            candidates.extend_from_slice(v);
        }
        if let Some(w) = t.word(i) {
            if let Some(v) = lex.by_word.get(w) {
                candidates.extend_from_slice(v);
            }
            if let Some(v) = head3(w).and_then(|k| lex.by_head.get(&k)) {
                candidates.extend_from_slice(v);
            }
            if let Some(v) = tail3(w).and_then(|k| lex.by_tail.get(&k)) {
                candidates.extend_from_slice(v);
            }
            candidates.extend_from_slice(&lex.short_affix);
        }
        let mut best: Option<(usize, FindingKind)> = None;
        for &e in &candidates {
            let entry = &lex.entries[e];
            let Some(mut j) = entry.pats[0].matches(t, i) else {
                continue;
            };
            let mut ok = true;
            for p in &entry.pats[1..] {
                match next_phrase_word(t, j).and_then(|k| p.matches(t, k)) {
                    Some(last) => j = last,
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok && best.is_none_or(|(b, _)| j > b) {
                best = Some((j, entry.kind));
            }
        }
        match best {
            Some((last, kind)) => {
                out.push(Cand::new(kind, t.toks[i].start, t.toks[last].end));
                i = last + 1;
            }
            None => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(FindingKind, String)> {
        let t = Tokens::new(text);
        let mut out = Vec::new();
        hints(&t, &mut out);
        out.iter()
            .map(|c| (c.kind, text[c.start..c.end].to_string()))
            .collect()
    }

    #[test]
    fn every_line_of_the_shipped_lexicon_parses() {
        let (lex, bad) = parse(LEXICON);
        assert!(bad.is_empty(), "unusable lexicon lines: {bad:?}");
        assert!(lex.entries.len() > 100);
        for (header, kind) in SECTIONS {
            assert!(
                lex.entries.iter().any(|e| e.kind == kind),
                "section {header} has no entries"
            );
        }
    }

    #[test]
    fn sections_name_their_kind_and_unknown_sections_are_refused() {
        let (lex, bad) = parse("[belief]\nmoskee\n[politics]\n=D66\n[hobbies]\nvoetbal\n");
        assert_eq!(bad, [5, 6], "the unknown header and the entry under it");
        let kinds: Vec<FindingKind> = lex.entries.iter().map(|e| e.kind).collect();
        assert_eq!(kinds, [FindingKind::Belief, FindingKind::Politics]);
        assert_eq!(lex.entries[1].pats, [Pat::Cased("D66".into())]);
        assert_eq!(parse("[health]\n=D.66\n=66\n").1, [2, 3]);
    }

    #[test]
    fn cased_entries_may_mix_letters_and_digits() {
        let lex = parse("[politics]\n=D66\n=50PLUS\n=SP\n[health]\n=PI\n").0;
        let found = |text: &str| {
            let t = Tokens::new(text);
            let mut out = Vec::new();
            hints_with(&lex, &t, &mut out);
            out.iter()
                .map(|c| (c.kind, text[c.start..c.end].to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found("Stemt D66, daarvoor 50PLUS."),
            [
                (FindingKind::Politics, "D66".to_string()),
                (FindingKind::Politics, "50PLUS".to_string())
            ]
        );
        assert_eq!(found("lid van de SP-afdeling").len(), 1);
        for text in [
            "D6", "D666", "XD66", "1D66", "d66", "50PLUSJE", "150PLUS", "SPA", "PI2",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn entry_forms() {
        let (lex, bad) = parse("[health]\nabc*\n*xyz\n=PI\ntwee woorden\n[justice]\nx\nq*r\n");
        assert_eq!(bad, [7, 8]);
        assert_eq!(lex.entries.len(), 4);
        assert_eq!(lex.entries[0].pats, [Pat::Prefix("abc".into())]);
        assert_eq!(lex.entries[1].pats, [Pat::Suffix("xyz".into())]);
        assert_eq!(lex.entries[2].pats, [Pat::Cased("PI".into())]);
        assert_eq!(lex.entries[3].pats.len(), 2);
        assert!(
            parse("lost\n").1 == [1],
            "an entry outside a section is refused"
        );
    }

    #[test]
    fn whole_words_case_and_diacritics() {
        assert_eq!(
            found("Ze is SUÏCIDAAL geweest."),
            [(FindingKind::Health, "SUÏCIDAAL".to_string())]
        );
        assert_eq!(
            found("Hij is verslaafd."),
            [(FindingKind::Health, "verslaafd".into())]
        );
        assert_eq!(
            found("een licht-verstandelijke beperking"),
            [(FindingKind::Health, "licht-verstandelijke beperking".into())]
        );
        assert_eq!(
            found("uit de PI Venlo"),
            [(FindingKind::Justice, "PI".into())]
        );
        assert!(found("de pi van de cirkel, Pi").is_empty());
        assert!(
            found("de depottijd").is_empty(),
            "exact entries match whole words"
        );
        assert!(found("speedboot en hiva").is_empty());
    }
}
