//! Street and house number: a street word (by its ending, or a street of the dossier itself)
//! followed by a house number with an optional addition.

use super::token::{Kind, Tokens};
use super::words::{
    self, HOUSE_NUMBER_ADDITIONS, QUANTITY_WORDS, STREET_CONNECTORS, STREET_PREFIX_WORDS,
    STREET_SUFFIXES_ANY_CASE, STREET_SUFFIXES_CAPITALISED, contains,
};
use super::{Cand, FindingKind};

/// The streets of the dossier's own addresses, as folded words ("kerkstraat").
pub(super) fn known_streets(addresses: &[String]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    for a in addresses {
        let street = a.split(|c: char| c.is_ascii_digit()).next().unwrap_or("");
        let words: Vec<String> = street
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| !w.is_empty())
            .map(super::token::fold_word)
            .collect();
        if !words.is_empty() && !out.contains(&words) {
            out.push(words);
        }
    }
    out
}

/// Where the street name that ends in word `i` begins: back over capitalised words that belong
/// to it ("Burgemeester van Rijnsingel", "Prinses Irenelaan", "Van Heutszstraat"), but not over
/// a sentence opener, a place or a lowercase preposition.
fn street_start(t: &Tokens, i: usize) -> usize {
    let mut start = i;
    let mut k = i;
    for _ in 0..4 {
        if k < 2 || !t.is_inline_space(k - 1) {
            break;
        }
        let w = k - 2;
        if t.is_punct(w, '.') {
            // An abbreviated title: "St. Jozefplein", "Dr. Schaepmanstraat".
            match w.checked_sub(1).and_then(|a| t.word(a).map(|f| (a, f))) {
                Some((a, f)) if contains(STREET_PREFIX_WORDS, f) && t.is_capitalised(a) => {
                    start = a;
                    k = a;
                    continue;
                }
                _ => break,
            }
        }
        let Some(f) = t.word(w) else { break };
        if contains(STREET_CONNECTORS, f) {
            // "Van Heutszstraat" starts with its connector; "Op St. Jozefplein" starts a sentence.
            let preposition = matches!(f, "op" | "in") && t.is_sentence_initial(w);
            if t.is_capitalised(w) && !preposition {
                start = w;
            }
            k = w;
            continue;
        }
        let belongs = t.is_capitalised(w)
            && (contains(STREET_PREFIX_WORDS, f)
                || (!t.is_sentence_initial(w) && !words::is_not_name(f)));
        if !belongs {
            break;
        }
        start = w;
        k = w;
    }
    start
}

/// A house number after the street word at `i`, with its addition: "12", "12a", "12 A",
/// "12-3", "101-3", "12bis", "12 hs", "12-II". After an abbreviated street word its full stop
/// may come first ("Kerkstr. 12"). Returns the end of the address.
fn house_number(t: &Tokens, i: usize, abbreviated: bool) -> Option<usize> {
    let space = if abbreviated && t.is_punct(i + 1, '.') {
        i + 2
    } else {
        i + 1
    };
    if !t.is_inline_space(space) || t.raw(space).chars().count() > 2 {
        return None;
    }
    let n = space + 1;
    let num = t.raw(n);
    if t.kind(n) != Some(Kind::Num) || num.len() > 5 || num.starts_with('0') {
        return None;
    }
    let mut end = t.toks[n].end;
    let mut k = n + 1;
    let is_addition = |j: usize| {
        t.word(j)
            .is_some_and(|w| w.chars().count() == 1 || contains(HOUSE_NUMBER_ADDITIONS, w))
    };
    if t.kind(k) == Some(Kind::Word) {
        if !is_addition(k) {
            return None;
        }
        end = t.toks[k].end;
        k += 1;
    } else {
        let dashed = t.is_punct(k, '-')
            && ((t.kind(k + 1) == Some(Kind::Num) && t.raw(k + 1).len() <= 3)
                || is_addition(k + 1));
        // After a space only a capital letter or a known addition: "12 A", "12 hs", not "12 a".
        let spaced = t.is_inline_space(k)
            && t.kind(k + 1) == Some(Kind::Word)
            && ((t.raw(k + 1).chars().count() == 1 && t.is_capitalised(k + 1))
                || t.word(k + 1).is_some_and(|w| {
                    w.chars().count() >= 2 && contains(HOUSE_NUMBER_ADDITIONS, w)
                }));
        if dashed || spaced {
            end = t.toks[k + 1].end;
            k += 2;
        }
    }
    // A number that is a time, an amount, a decimal or a quantity is no house number.
    if (t.is_punct(k, ':') || t.is_punct(k, ',') || t.is_punct(k, '.'))
        && t.kind(k + 1) == Some(Kind::Num)
    {
        return None;
    }
    if t.is_punct(k, '%') {
        return None;
    }
    if t.is_inline_space(k) && t.word(k + 1).is_some_and(|w| contains(QUANTITY_WORDS, w)) {
        return None;
    }
    Some(end)
}

pub(super) fn addresses(t: &Tokens, known: &[Vec<String>], out: &mut Vec<Cand>) {
    for i in 0..t.len() {
        let Some(f) = t.word(i) else { continue };
        let mut start: Option<usize> = None;
        for street in known {
            let Some(last) = street.last() else { continue };
            if last != f {
                continue;
            }
            let mut k = i;
            let mut ok = true;
            for w in street.iter().rev().skip(1) {
                let sep_ok = k >= 2 && (t.is_inline_space(k - 1) || t.is_punct(k - 1, '-'));
                if sep_ok && t.word(k - 2) == Some(w.as_str()) {
                    k -= 2;
                } else {
                    ok = false;
                    break;
                }
            }
            if ok && start.is_none_or(|s| k < s) {
                start = Some(k);
            }
        }
        let capitalised = t.is_capitalised(i);
        // "Kerkstr.", "Parkln", "Hoofdwg": only capitalised, like a street name on a form.
        let abbreviated = capitalised && words::is_abbreviated_street(f);
        if start.is_none() {
            if abbreviated
                || words::street_suffixes_any_case().ends_properly(f)
                || (capitalised
                    && words::street_suffixes_capitalised().ends_properly(f)
                    && !words::is_not_name(f))
            {
                start = Some(street_start(t, i));
            } else if capitalised
                && (contains(STREET_SUFFIXES_ANY_CASE, f)
                    || contains(STREET_SUFFIXES_CAPITALISED, f))
            {
                // A bare "Markt" or "Plein" is a street only with a word of its name before it.
                let s = street_start(t, i);
                if s < i {
                    start = Some(s);
                }
            }
        }
        let Some(s) = start else { continue };
        if let Some(end) = house_number(t, i, abbreviated) {
            out.push(Cand::new(FindingKind::StreetAddress, t.toks[s].start, end));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let t = Tokens::new(text);
        let mut out = Vec::new();
        addresses(&t, &[], &mut out);
        out.iter().map(|c| &text[c.start..c.end]).collect()
    }

    #[test]
    fn abbreviated_street_suffixes() {
        for (text, want) in [
            ("Woont op Kerkstr. 12, Horst.", "Kerkstr. 12"),
            ("Nieuw adres: Parkln 3 in Venray.", "Parkln 3"),
            ("Bezichtiging Hoofdwg 8 om 10 uur.", "Hoofdwg 8"),
            ("Op de Stationsstr. 45a.", "Stationsstr. 45a"),
            ("Ingeschreven op Wilhelminasngl 22.", "Wilhelminasngl 22"),
            ("Tijdelijk op Burg. Gommansstr. 30.", "Burg. Gommansstr. 30"),
            ("Sleutels op Marktstr. 5 A in Gennep.", "Marktstr. 5 A"),
        ] {
            assert_eq!(found(text), [want], "{text}");
        }
    }

    #[test]
    fn abbreviations_that_are_no_address() {
        for text in [
            "De Kerkstr. is afgesloten.",
            "Hij woonde in de Kerkstr. 3 jaar lang.",
            "Het ging om 28 lln. in groep 8.",
            "Volgens de STR 12 regels.",
            "Bij de Str. 4 is niets.",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
