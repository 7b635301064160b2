//! Names: the resident's own (from `Known`) and other people's (from the context: a title or a
//! relation word before a capitalised name).

use super::token::{Kind, Tokens};
use super::words::{
    self, DUTCH_TUSSENVOEGSELS, ORGANISATION_ENDINGS, OTHER_TUSSENVOEGSELS, POSSESSIVE_RELATIONS,
    POSSESSIVES, RELATION_PREFIXES, contains,
};
use super::{Cand, FindingKind};
use crate::known::Known;
use std::collections::{HashMap, HashSet};

struct Pattern {
    words: Vec<String>,
    /// A surname (or part of one): may be preceded by the resident's tussenvoegsel in any case.
    surname: bool,
}

/// The resident's name parts, prepared for matching word by word.
pub(super) struct NameIndex {
    patterns: Vec<Pattern>,
    by_first: HashMap<String, Vec<usize>>,
    tussenvoegsels: HashSet<String>,
}

/// Splits a name as typed into folded words: spaces, hyphens and apostrophes separate
/// ("Berg-Öztürk" → berg, ozturk; "O'Neill" → o, neill).
fn name_words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || matches!(c, '-' | '\'' | '’' | '.'))
        .filter(|w| !w.is_empty())
        .map(super::token::fold_word)
        .collect()
}

impl NameIndex {
    pub fn new(known: &Known) -> NameIndex {
        let mut tussenvoegsels: HashSet<String> = known
            .tussenvoegsels
            .iter()
            .flat_map(|t| name_words(t))
            .collect();
        if tussenvoegsels.contains("van")
            && ["de", "der", "den"]
                .iter()
                .any(|w| tussenvoegsels.contains(*w))
        {
            // "vd Berg", "v.d. Berg" and "v/d Berg" are how notes shorten "van der Berg".
            tussenvoegsels.insert("vd".to_string());
        }
        let is_tv = |w: &str| tussenvoegsels.contains(w) || contains(DUTCH_TUSSENVOEGSELS, w);
        let strip = |words: &[String]| -> usize {
            let n = words.iter().take_while(|w| is_tv(w)).count();
            if n == words.len() { 0 } else { n }
        };
        let parts: Vec<Vec<String>> = known.name_parts.iter().map(|p| name_words(p)).collect();
        let mut surname_words: HashSet<&str> = HashSet::new();
        for words in &parts {
            let k = strip(words);
            if k > 0 {
                surname_words.extend(words[k..].iter().map(String::as_str));
            }
        }
        let mut seen: HashSet<Vec<String>> = HashSet::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut add = |words: Vec<String>, surname: bool| {
            let usable = match words.as_slice() {
                [] => false,
                [one] => one.chars().count() >= 2 && !is_tv(one),
                _ => true,
            };
            if usable && seen.insert(words.clone()) {
                patterns.push(Pattern { words, surname });
            }
        };
        for words in &parts {
            if words.is_empty() {
                continue;
            }
            let k = strip(words);
            let core = &words[k..];
            let surname = k > 0 || core.iter().all(|w| surname_words.contains(w.as_str()));
            add(words.clone(), surname);
            add(core.to_vec(), surname);
            if core.len() > 1 {
                for w in core {
                    add(vec![w.clone()], surname_words.contains(w.as_str()));
                }
            }
        }
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in patterns.iter().enumerate() {
            if let Some(first) = p.words.first() {
                by_first.entry(first.clone()).or_default().push(i);
            }
        }
        NameIndex {
            patterns,
            by_first,
            tussenvoegsels,
        }
    }
}

/// Separators allowed between the words of one name: white space, a hyphen, an apostrophe.
fn skip_name_separators(t: &Tokens, mut j: usize) -> Option<usize> {
    let from = j;
    while j < t.len() && j - from < 3 {
        match t.kind(j) {
            Some(Kind::Space) => j += 1,
            Some(Kind::Punct) if matches!(t.raw(j), "-" | "'" | "’") => j += 1,
            _ => break,
        }
    }
    (j > from).then_some(j)
}

/// The last word of a name may carry a possessive s ("Noëls moeder").
fn word_matches(t: &Tokens, i: usize, want: &str, last: bool) -> bool {
    match t.word(i) {
        Some(w) if w == want => true,
        Some(w) => {
            last && want.chars().count() >= 3
                && t.is_capitalised(i)
                && w.strip_suffix('s') == Some(want)
        }
        None => false,
    }
}

/// An initial: one capital ("J"), or a capital with one or two lowercase consonants ("Th",
/// "Ph", "Chr") that is not a title ("Dr", "Mr") or "St"/"Nr". The callers check the full stop.
fn is_initial(t: &Tokens, i: usize) -> bool {
    if t.kind(i) != Some(Kind::Word) || !t.is_capitalised(i) {
        return false;
    }
    let raw = t.raw(i);
    match raw.chars().count() {
        1 => true,
        2 | 3 => {
            raw.chars()
                .skip(1)
                .all(|c| c.is_lowercase() && !"aeiouyàáâäèéêëìíîïòóôöùúûü".contains(c))
                && t.word(i).is_some_and(|w| {
                    !words::is_title(w) && !words::is_dotted_title(w) && !matches!(w, "st" | "nr")
                })
        }
        _ => false,
    }
}

/// A title at `i`: one of `TITLES`, or one of `DOTTED_TITLES` followed by its full stop and not
/// in capitals ("ir.", "Ing.", not the bank "ING.").
fn is_title_at(t: &Tokens, i: usize, word: &str) -> bool {
    words::is_title(word)
        || (words::is_dotted_title(word) && t.is_punct(i + 1, '.') && !t.is_all_caps(i))
}

/// Extends a surname backwards over the resident's tussenvoegsel ("Van Der", "vd", "v.d.").
fn extend_tussenvoegsel(t: &Tokens, idx: &NameIndex, mut k: usize) -> usize {
    loop {
        if k < 2 || !t.is_inline_space(k - 1) {
            return k;
        }
        let w = k - 2;
        if t.word(w).is_some_and(|f| idx.tussenvoegsels.contains(f)) {
            k = w;
        } else if idx.tussenvoegsels.contains("vd")
            && w >= 1
            && t.is_punct(w, '.')
            && t.word(w - 1) == Some("vd")
        {
            // "vd. Bosch"
            k = w - 1;
        } else if idx.tussenvoegsels.contains("vd")
            && w >= 3
            && t.is_punct(w, '.')
            && t.word(w - 1) == Some("d")
            && t.is_punct(w - 2, '.')
            && t.word(w - 3) == Some("v")
        {
            k = w - 3;
        } else if idx.tussenvoegsels.contains("vd")
            && w >= 2
            && t.word(w) == Some("d")
            && t.is_punct(w - 1, '/')
            && t.word(w - 2) == Some("v")
        {
            k = w - 2;
        } else {
            return k;
        }
    }
}

/// Extends a name backwards over initials ("N. van der Berg", "N.M. Öztürk").
fn extend_initials(t: &Tokens, mut k: usize) -> usize {
    loop {
        let mut j = k;
        if j >= 1 && t.is_inline_space(j - 1) {
            j -= 1;
        }
        if j >= 2 && t.is_punct(j - 1, '.') && is_initial(t, j - 2) {
            k = j - 2;
        } else {
            return k;
        }
    }
}

pub(super) fn own_names(t: &Tokens, idx: &NameIndex, out: &mut Vec<Cand>) {
    if idx.patterns.is_empty() {
        return;
    }
    let mut i = 0;
    while i < t.len() {
        let Some(first) = t.word(i) else {
            i += 1;
            continue;
        };
        let mut candidates: Vec<usize> = idx.by_first.get(first).cloned().unwrap_or_default();
        if t.is_capitalised(i)
            && let Some(stem) = first.strip_suffix('s')
            && let Some(more) = idx.by_first.get(stem)
        {
            candidates.extend(more.iter().filter(|&&p| idx.patterns[p].words.len() == 1));
        }
        let mut best: Option<(usize, bool)> = None;
        for p in candidates {
            let pat = &idx.patterns[p];
            let n = pat.words.len();
            if !word_matches(t, i, &pat.words[0], n == 1) {
                continue;
            }
            let mut j = i;
            let mut ok = true;
            for (w_i, w) in pat.words.iter().enumerate().skip(1) {
                match skip_name_separators(t, j + 1) {
                    Some(next) if word_matches(t, next, w, w_i == n - 1) => j = next,
                    _ => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok && best.is_none_or(|(e, _)| j > e) {
                best = Some((j, pat.surname));
            }
        }
        let Some((last, surname)) = best else {
            i += 1;
            continue;
        };
        let mut first_tok = i;
        if surname {
            first_tok = extend_tussenvoegsel(t, idx, first_tok);
        }
        first_tok = extend_initials(t, first_tok);
        out.push(Cand::new(
            FindingKind::Name,
            t.toks[first_tok].start,
            t.toks[last].end,
        ));
        i = last + 1;
    }
}

fn is_relation(t: &Tokens, i: usize, word: &str) -> bool {
    if words::is_relation(word) || words::role_suffixes().ends_or_is(word) {
        return true;
    }
    if RELATION_PREFIXES.iter().any(|p| {
        word.strip_prefix(p)
            .is_some_and(|rest| rest.len() >= 3 && words::is_relation(rest))
    }) {
        return true;
    }
    contains(POSSESSIVE_RELATIONS, word)
        && i >= 2
        && t.is_inline_space(i - 1)
        && t.word(i - 2).is_some_and(|p| contains(POSSESSIVES, p))
}

fn looks_like_street(word: &str) -> bool {
    words::street_suffixes_any_case().ends_properly(word) || words::is_abbreviated_street(word)
}

/// A capitalised word that can be a first name or surname: not a title, so that in a chain
/// ("Prof. Dr. Visser", "dhr. Ir. Bongers") only the name after the last title is taken.
fn is_name_word(t: &Tokens, i: usize, allow_caps: bool) -> bool {
    let Some(f) = t.word(i) else { return false };
    t.raw(i).chars().count() >= 2
        && t.is_capitalised(i)
        && (allow_caps || !t.is_all_caps(i))
        && !is_title_at(t, i, f)
        && !words::is_not_name(f)
        && !looks_like_street(f)
        && !ORGANISATION_ENDINGS.iter().any(|e| f.ends_with(e))
}

/// A tussenvoegsel of someone else's name at `m`, as the index of its last token: a word
/// ("van", "de", "vd"), an abbreviation ("v.d.", "v/d", "vd."), or "'t" ("van 't Hof").
fn other_tussenvoegsel(t: &Tokens, m: usize) -> Option<usize> {
    match t.word(m) {
        Some("v")
            if t.is_punct(m + 1, '.') && t.word(m + 2) == Some("d") && t.is_punct(m + 3, '.') =>
        {
            Some(m + 3)
        }
        Some("v") if t.is_punct(m + 1, '/') && t.word(m + 2) == Some("d") => Some(m + 2),
        Some("vd") if t.is_punct(m + 1, '.') => Some(m + 1),
        Some(w) if contains(OTHER_TUSSENVOEGSELS, w) => Some(m),
        None if (t.is_punct(m, '\'') || t.is_punct(m, '’')) && t.word(m + 1) == Some("t") => {
            Some(m + 1)
        }
        _ => None,
    }
}

/// A person's name starting at token `j`: optional initials, then up to three capitalised
/// words, each optionally preceded by tussenvoegsels, joined by spaces or hyphens.
fn person_name(t: &Tokens, j: usize, allow_caps: bool) -> Option<(usize, usize)> {
    let mut k = j;
    let mut first: Option<usize> = None;
    while is_initial(t, k) && t.is_punct(k + 1, '.') {
        first.get_or_insert(k);
        k += 2;
        if t.is_inline_space(k) {
            k += 1;
        }
    }
    let mut last: Option<usize> = None;
    let mut count = 0;
    loop {
        let mut m = k;
        let mut tvs = 0;
        while tvs < 3
            && let Some(e) = other_tussenvoegsel(t, m)
            && t.is_inline_space(e + 1)
        {
            m = e + 2;
            tvs += 1;
        }
        if !is_name_word(t, m, allow_caps) {
            break;
        }
        first.get_or_insert(k);
        last = Some(m);
        count += 1;
        k = m + 1;
        if count >= 3 {
            break;
        }
        if t.is_punct(k, '-') || t.is_inline_space(k) {
            k += 1;
        } else {
            break;
        }
    }
    let last = last?;
    let first = first?;
    Some((t.toks[first].start, t.toks[last].end))
}

/// What closes a name that `open` opens: "tante (Mieke)", "tante „Mieke”", "oom /Sjaak/".
/// Quotes are typed in many pairs („…”, „…“, "…", '…'), so any closing quote closes them.
fn closers(open: &str) -> Option<&'static [&'static str]> {
    const QUOTES: &[&str] = &["”", "“", "\"", "’", "'", "»"];
    match open {
        "(" => Some(&[")"]),
        "[" => Some(&["]"]),
        "/" => Some(&["/"]),
        "„" | "“" | "\"" | "‘" | "'" | "«" => Some(QUOTES),
        _ => None,
    }
}

pub(super) fn other_names(t: &Tokens, out: &mut Vec<Cand>) {
    for i in 0..t.len() {
        let Some(word) = t.word(i) else { continue };
        let title = is_title_at(t, i, word);
        if !title && !is_relation(t, i, word) {
            continue;
        }
        let mut j = i + 1;
        // "dhr. Jansen", "zijn moeder, Anja,", "Moeder: Ingrid", "Vader(Hans)".
        let mut close: Option<&[&str]> = None;
        if !title && t.is_punct(j, '(') {
            close = closers("(");
            j += 1;
        } else if (title && t.is_punct(j, '.') && !words::is_full_word_title(word))
            || (!title && (t.is_punct(j, ',') || t.is_punct(j, ':')))
        {
            j += 1;
        }
        if t.is_inline_space(j) {
            j += 1;
        } else if close.is_none() {
            continue;
        }
        // The name as such ("van 't Hof" starts with a quote too), else a name between
        // brackets or quotes: "Vader (Hans)", "tante „Mieke”".
        let mut name = person_name(t, j, title);
        if name.is_none() && close.is_none() && t.kind(j) == Some(Kind::Punct) {
            close = closers(t.raw(j));
            if close.is_some() {
                name = person_name(t, j + 1, title);
            }
        }
        // Within brackets or quotes the name must close them: "(Hans)", not "(Hans is ...".
        let closes = |end: usize| {
            close.is_none_or(|cs| {
                t.text
                    .get(end..)
                    .is_some_and(|r| cs.iter().any(|c| r.starts_with(c)))
            })
        };
        if let Some((start, end)) = name
            && closes(end)
        {
            out.push(Cand::new(FindingKind::OtherPersonName, start, end));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn others(text: &str) -> Vec<&str> {
        let t = Tokens::new(text);
        let mut out = Vec::new();
        other_names(&t, &mut out);
        out.iter().map(|c| &text[c.start..c.end]).collect()
    }

    fn own(text: &str) -> Vec<&str> {
        let known = Known {
            name_parts: vec!["Ilse".into(), "Bosch".into(), "van den Bosch".into()],
            tussenvoegsels: vec!["van den".into()],
            ..Known::default()
        };
        let t = Tokens::new(text);
        let mut out = Vec::new();
        own_names(&t, &NameIndex::new(&known), &mut out);
        out.iter().map(|c| &text[c.start..c.end]).collect()
    }

    #[test]
    fn title_chains_give_the_name_after_the_last_title() {
        for (text, want) in [
            ("Gesprek met Prof. Dr. Visser.", "Visser"),
            ("Mw. Prof. Dr. A.B. de Vries tekent.", "A.B. de Vries"),
            ("Dr. Ing. Coenders schreef het.", "Coenders"),
            ("Dhr. Ir. J. v.d. Berg keurt.", "J. v.d. Berg"),
            ("Mevr. dr. ir. Lambermont zit erbij.", "Lambermont"),
            ("Volgens mijnheer Gielen niet.", "Gielen"),
            ("Dokter Willemsen tekende.", "Willemsen"),
            ("Ds. Wolters bemiddelde.", "Wolters"),
        ] {
            assert_eq!(others(text), [want], "{text}");
        }
    }

    #[test]
    fn initials_and_abbreviated_tussenvoegsels() {
        for (text, want) in [
            ("Dr. A.B. v.d. Sluis schreef.", "A.B. v.d. Sluis"),
            ("Mevr. v/d Linden belt.", "v/d Linden"),
            ("Mevr. vd. Linden belt.", "vd. Linden"),
            ("Dhr. J. Th. Bakker beheert.", "J. Th. Bakker"),
            ("Haar broer Th. Hermans helpt.", "Th. Hermans"),
            ("Mevr. dr. Chr. Poels behandelt.", "Chr. Poels"),
            ("De heer A.J. van 't Hof was er.", "A.J. van 't Hof"),
        ] {
            assert_eq!(others(text), [want], "{text}");
        }
    }

    #[test]
    fn titles_without_a_name_stay_alone() {
        for text in [
            "De Prof. Dr. Poelsstraat ligt in Venlo.",
            "Op de Dr. Poelsstr. 14 was een lekkage.",
            "Ze ging naar de dokter. Daarna belde ze.",
            "Een rekening bij de ING. Daarna belde ze.",
            "Dhr. en mevr. komen samen.",
            "Mijnheer heeft de sleutels.",
            "Prof. Dr. en Mr. zijn titels.",
        ] {
            assert!(others(text).is_empty(), "{text}: {:?}", others(text));
        }
    }

    #[test]
    fn own_surname_with_dotted_vd_and_initials() {
        assert_eq!(own("Dossier vd. Bosch is compleet."), ["vd. Bosch"]);
        assert_eq!(
            own("Ondertekend door I.J. v.d. Bosch."),
            ["I.J. v.d. Bosch"]
        );
        assert_eq!(own("Getekend: Th. v/d Bosch."), ["Th. v/d Bosch"]);
    }
}
