//! The identifiers made of digits and ASCII letters: e-mail, IBAN, BSN, phone, dates and
//! postcodes. These work on bytes: every position they report is at an ASCII byte, which is
//! always a char boundary.

use super::token::{Kind, Tokens};
use super::words::{MONTHS, POSTCODE_STOP_PAIRS, QUANTITY_WORDS, YEAR_ABBREVIATIONS, contains};
use super::{Cand, FindingKind};
use crate::date::Date;
use crate::validate::{
    bsn_passes_11_test, dutch_national_number_valid, email_shape_ok, iban_compact_valid,
    postcode_letters_allowed,
};

fn prev_char(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

fn next_char(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// Not inside a word or a number: the character before `i` is no letter or digit, and not a
/// separator that continues a number ("1.234", "12-3").
fn starts_clean(text: &str, i: usize) -> bool {
    match prev_char(text, i) {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '+' || c == '@' => false,
        Some(c @ ('.' | ',' | '-' | '/' | ':')) => {
            let before = i - c.len_utf8();
            !prev_char(text, before).is_some_and(|p| p.is_ascii_digit())
        }
        Some(_) => true,
    }
}

/// The next character is no letter or digit, and the number does not go on as a decimal,
/// a time or a range ("999994669,00", "14:30").
fn ends_clean(text: &str, i: usize) -> bool {
    match next_char(text, i) {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '@' => false,
        Some(c @ (',' | ':' | '.' | '-' | '/')) => {
            !next_char(text, i + c.len_utf8()).is_some_and(|n| n.is_ascii_digit())
        }
        Some(_) => true,
    }
}

/// A number that is money, a duration, a distance or a percentage by what surrounds it.
fn is_quantity(text: &str, start: usize, end: usize) -> bool {
    let before = text
        .get(..start)
        .unwrap_or("")
        .trim_end_matches([' ', '\u{a0}']);
    if before.ends_with('€') || before.ends_with("EUR") || before.ends_with("eur") {
        return true;
    }
    let after = text.get(end..).unwrap_or("");
    if after.starts_with(",-") || after.starts_with(",=") || after.starts_with('%') {
        return true;
    }
    let after = after.trim_start_matches([' ', '\u{a0}']);
    if after.starts_with('%') || after.starts_with('€') {
        return true;
    }
    let word: String = after
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    contains(QUANTITY_WORDS, &word)
}

fn is_local_char(c: char) -> bool {
    c.is_alphanumeric() || "._%+-'!#$&*=?^`{|}~".contains(c)
}

fn is_domain_char(c: char) -> bool {
    c.is_alphanumeric() || c == '.' || c == '-'
}

pub(super) fn emails(text: &str, out: &mut Vec<Cand>) {
    for (at, _) in text.match_indices('@') {
        let mut start = at;
        for (i, c) in text[..at].char_indices().rev() {
            if !is_local_char(c) {
                break;
            }
            start = i;
        }
        // These may stand inside a local part, but at its start they are the note's quotes or
        // brackets ('j.jansen@example.nl'), not the address.
        while text[start..at].starts_with(['.', '\'', '`', '{', '|', '}']) {
            start += 1;
        }
        let mut end = at + 1;
        for (i, c) in text[at + 1..].char_indices() {
            if !is_domain_char(c) {
                break;
            }
            end = at + 1 + i + c.len_utf8();
        }
        while end > at + 1 && text[..end].ends_with(['.', '-']) {
            end -= 1;
        }
        if start < at && email_shape_ok(&text[start..end].to_lowercase()) {
            out.push(Cand::new(FindingKind::Email, start, end));
        }
    }
}

pub(super) fn ibans(text: &str, out: &mut Vec<Cand>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        // Country code and check digits, written together or, on some old forms, apart.
        let digits_at = if b[i + 2] == b' ' { i + 3 } else { i + 2 };
        let head_ok = b[i].is_ascii_alphabetic()
            && b[i + 1].is_ascii_alphabetic()
            && b.get(digits_at).is_some_and(u8::is_ascii_digit)
            && b.get(digits_at + 1).is_some_and(u8::is_ascii_digit);
        if !head_ok || prev_char(text, i).is_some_and(char::is_alphanumeric) {
            i += 1;
            continue;
        }
        let mut compact: Vec<u8> = Vec::with_capacity(34);
        let mut ends: Vec<usize> = Vec::with_capacity(34);
        let mut pos = i;
        while pos < b.len() && compact.len() < 34 {
            if b[pos].is_ascii_alphanumeric() {
                compact.push(b[pos].to_ascii_uppercase());
                pos += 1;
                ends.push(pos);
            } else if b[pos] == b' ' && b.get(pos + 1).is_some_and(u8::is_ascii_alphanumeric) {
                pos += 1;
            } else {
                break;
            }
        }
        let mut found = None;
        for len in (15..=compact.len()).rev() {
            let end = ends[len - 1];
            if next_char(text, end).is_some_and(char::is_alphanumeric) {
                continue;
            }
            if iban_compact_valid(&compact[..len]) {
                found = Some(end);
                break;
            }
        }
        match found {
            Some(end) => {
                out.push(Cand::new(FindingKind::Iban, i, end));
                i = end;
            }
            None => i += 1,
        }
    }
}

/// Reads up to `max` digits from `pos`; returns the new position.
fn read_digits(b: &[u8], mut pos: usize, digits: &mut Vec<u8>, max: usize) -> usize {
    while pos < b.len() && b[pos].is_ascii_digit() && digits.len() < max {
        digits.push(b[pos] - b'0');
        pos += 1;
    }
    pos
}

/// A BSN in one piece or grouped with one kind of separator throughout ("1234.56.782",
/// "123 456 782"), passing the 11-test or equal to the dossier's own BSN.
pub(super) fn bsns(text: &str, own: Option<[u8; 9]>, out: &mut Vec<Cand>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || !starts_clean(text, i) {
            i += 1;
            continue;
        }
        let mut digits: Vec<u8> = Vec::with_capacity(10);
        let mut pos = i;
        let mut sep: Option<u8> = None;
        let mut found = None;
        loop {
            let group_start = pos;
            pos = read_digits(b, pos, &mut digits, 10);
            let group = pos - group_start;
            if group < 2 || pos < b.len() && b[pos].is_ascii_digit() {
                break;
            }
            if digits.len() == 9 {
                found = Some(pos);
                break;
            }
            if digits.len() > 9 {
                break;
            }
            let Some(&s) = b.get(pos) else { break };
            if !matches!(s, b' ' | b'.' | b'-') || sep.is_some_and(|x| x != s) {
                break;
            }
            if !b.get(pos + 1).is_some_and(u8::is_ascii_digit) {
                break;
            }
            sep = Some(s);
            pos += 1;
        }
        if let Some(end) = found
            && ends_clean(text, end)
            && !is_quantity(text, i, end)
        {
            let arr: [u8; 9] = digits.as_slice().try_into().unwrap_or_default();
            if bsn_passes_11_test(&arr) || own == Some(arr) {
                out.push(Cand::new(FindingKind::Bsn, i, end));
                i = end;
                continue;
            }
        }
        // Skip the rest of this digit run: no BSN starts inside a number.
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
}

/// The separator between two digit groups of a phone number, as its length in bytes.
fn phone_separator(b: &[u8], pos: usize, paren_open: &mut bool) -> Option<usize> {
    let at = |k: usize| b.get(pos + k).copied();
    if *paren_open && at(0) == Some(b')') {
        *paren_open = false;
        return Some(if matches!(at(1), Some(b' ' | b'-')) {
            2
        } else {
            1
        });
    }
    match (at(0), at(1), at(2)) {
        (Some(b' '), Some(b'-' | b'/'), Some(b' ')) => Some(3),
        (Some(b' ' | b'-' | b'.' | b'/'), _, _) => Some(1),
        _ => None,
    }
}

/// The longest Dutch phone number starting at `start`, as its end.
fn parse_phone(b: &[u8], start: usize) -> Option<usize> {
    let mut pos = start;
    let mut digits: Vec<u8> = Vec::with_capacity(16);
    let mut international = false;
    if b[pos] == b'+' {
        if !b[pos + 1..].starts_with(b"31") {
            return None;
        }
        pos += 3;
        international = true;
    } else if b[pos..].starts_with(b"0031") {
        pos += 4;
        international = true;
    }
    let mut paren_open = false;
    if international {
        for _ in 0..2 {
            if matches!(b.get(pos), Some(b' ' | b'-' | b'.')) {
                pos += 1;
            }
        }
        if b[pos..].starts_with(b"(0)") {
            pos += 3;
            if matches!(b.get(pos), Some(b' ' | b'-' | b'.')) {
                pos += 1;
            }
        }
        digits.push(b'0');
    } else if b[pos] == b'(' {
        paren_open = true;
        pos += 1;
    }
    let mut best = None;
    loop {
        let group_start = pos;
        while pos < b.len() && b[pos].is_ascii_digit() {
            if digits.len() >= 14 {
                return best;
            }
            digits.push(b[pos]);
            pos += 1;
        }
        if pos == group_start {
            break;
        }
        let national = if international && digits.len() > 2 && digits[1] == b'0' {
            &digits[1..]
        } else {
            &digits[..]
        };
        if dutch_national_number_valid(national) {
            best = Some(pos);
        }
        let Some(sep) = phone_separator(b, pos, &mut paren_open) else {
            break;
        };
        if !b.get(pos + sep).is_some_and(u8::is_ascii_digit) {
            break;
        }
        pos += sep;
    }
    best
}

pub(super) fn phones(text: &str, out: &mut Vec<Cand>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let may_start = match c {
            b'+' => b.get(i + 1) == Some(&b'3'),
            b'0' => true,
            b'(' => b.get(i + 1) == Some(&b'0'),
            _ => false,
        };
        if may_start
            && starts_clean(text, i)
            && let Some(end) = parse_phone(b, i)
            && !next_char(text, end).is_some_and(char::is_alphanumeric)
            && !is_quantity(text, i, end)
        {
            // "(06-12345678)": the bracket is the sentence's, not the number's; marking it would
            // leave "[TELEFOON])". An area code in brackets, "(077) 320 1234", keeps both.
            let start = if c == b'(' && !b[i..end].contains(&b')') {
                i + 1
            } else {
                i
            };
            out.push(Cand::new(FindingKind::Phone, start, end));
            i = end;
            continue;
        }
        i += 1;
    }
}

fn number(b: &[u8]) -> u32 {
    b.iter().fold(0u32, |n, d| {
        n.saturating_mul(10).saturating_add(u32::from(d - b'0'))
    })
}

fn day_month_year_valid(day: u32, month: u32, year: u32) -> bool {
    let (Ok(y), Ok(m), Ok(d)) = (i32::try_from(year), u8::try_from(month), u8::try_from(day))
    else {
        return false;
    };
    Date::new(y, m, d).is_ok()
}

/// The length of an apostrophe that marks a two-digit year ("'87", "’87", "`87") at `i`.
fn year_apostrophe(text: &str, i: usize) -> usize {
    let rest = text.get(i..).unwrap_or("");
    ['\'', '’', '`']
        .into_iter()
        .find(|&c| rest.starts_with(c))
        .map_or(0, char::len_utf8)
}

/// After a year-first date, a time in ISO 8601 form ("2024-07-01T10:00") ends it as well.
fn iso_time_follows(text: &str, end: usize) -> bool {
    let b = text.as_bytes();
    b.get(end) == Some(&b'T') && b.get(end + 1).is_some_and(u8::is_ascii_digit)
}

/// Numeric dates: 12-03-1998, 12/3/1998, 12.03.1998, 1998-03-12, 2023/5/1, and with a two-digit
/// year 12-03-98 or 12/3/98 (not with dots, which also write versions and amounts) or with an
/// apostrophe in any notation (05-11-'87). A year-first date may run into an ISO time.
pub(super) fn numeric_dates(text: &str, out: &mut Vec<Cand>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || !starts_clean(text, i) {
            i += 1;
            continue;
        }
        let run = |from: usize| {
            let mut p = from;
            while p < b.len() && b[p].is_ascii_digit() && p - from < 5 {
                p += 1;
            }
            p
        };
        let e1 = run(i);
        let found = (|| {
            let sep = *b.get(e1)?;
            if !matches!(sep, b'-' | b'/' | b'.') {
                return None;
            }
            let s2 = e1 + 1;
            let e2 = run(s2);
            if b.get(e2) != Some(&sep) {
                return None;
            }
            let apostrophe = year_apostrophe(text, e2 + 1);
            let s3 = e2 + 1 + apostrophe;
            let e3 = run(s3);
            let (l1, l2, l3) = (e1 - i, e2 - s2, e3 - s3);
            if l2 == 0 || l2 > 2 || l3 == 0 {
                return None;
            }
            let (n1, n2, n3) = (number(&b[i..e1]), number(&b[s2..e2]), number(&b[s3..e3]));
            let ok = match (l1, l3) {
                _ if apostrophe > 0 => {
                    let year = if n3 <= 30 { 2000 + n3 } else { 1900 + n3 };
                    matches!(l1, 1 | 2) && l3 == 2 && day_month_year_valid(n1, n2, year)
                }
                (4, 1 | 2) => day_month_year_valid(n3, n2, n1),
                (1 | 2, 4) => day_month_year_valid(n1, n2, n3),
                (1 | 2, 2) if sep != b'.' => {
                    let year = if n3 <= 30 { 2000 + n3 } else { 1900 + n3 };
                    day_month_year_valid(n1, n2, year)
                }
                _ => false,
            };
            let clean_end = ends_clean(text, e3) || (l1 == 4 && iso_time_follows(text, e3));
            (ok && clean_end).then_some(e3)
        })();
        match found {
            Some(end) => {
                out.push(Cand::new(FindingKind::Date, i, end));
                i = end;
            }
            None => {
                i = e1.max(i + 1);
            }
        }
    }
}

fn month_number(word: &str) -> Option<u8> {
    MONTHS.iter().find(|(m, _)| *m == word).map(|&(_, n)| n)
}

/// "2021-mei-17", "2020/aug/21", "2019.jan.5": a year first, the month in letters, the day,
/// with one separator throughout, as some registration systems export them.
fn year_first_month_date(t: &Tokens, i: usize, out: &mut Vec<Cand>) {
    let Some(sep) = ['-', '/', '.']
        .into_iter()
        .find(|&c| t.is_punct(i + 1, c) && t.is_punct(i + 3, c))
    else {
        return;
    };
    let Some(month) = t.word(i + 2).and_then(month_number) else {
        return;
    };
    let k = i + 4;
    if t.kind(k) != Some(Kind::Num) || t.raw(k).len() > 2 {
        return;
    }
    let end = t.toks[k].end;
    // "2021-mei-17-3" or "2021.mei.17.5" goes on as something else.
    let goes_on = t.is_punct(k + 1, sep) && t.kind(k + 2) == Some(Kind::Num);
    let year = number(t.raw(i).as_bytes());
    let day = number(t.raw(k).as_bytes());
    if !goes_on && day_month_year_valid(day, u32::from(month), year) && ends_clean(t.text, end) {
        out.push(Cand::new(FindingKind::Date, t.toks[i].start, end));
    }
}

/// "12 maart 1998", "1 jan. 1990", "3 okt 2001", "12 maart '98", "3 sept. '19", and with one
/// separator throughout "12-mrt-1998", "12.mrt.2021"; year first "2021-mei-17". A month with
/// only a year or only a day is not a full date and is left alone.
pub(super) fn month_dates(t: &Tokens, out: &mut Vec<Cand>) {
    for i in 0..t.len() {
        if t.kind(i) != Some(Kind::Num) {
            continue;
        }
        let day_raw = t.raw(i);
        if !starts_clean(t.text, t.toks[i].start) {
            continue;
        }
        if day_raw.len() == 4 {
            year_first_month_date(t, i, out);
            continue;
        }
        if day_raw.len() > 2 {
            continue;
        }
        let day = number(day_raw.as_bytes());
        // "12 maart 1998", or the forms of many registration systems: "12-mrt-1998",
        // "12.mrt.2021".
        let dash = ['-', '/', '.']
            .into_iter()
            .find(|&c| t.is_punct(i + 1, c) && t.is_punct(i + 3, c));
        if dash.is_none() && !t.is_inline_space(i + 1) {
            continue;
        }
        let Some(month) = t.word(i + 2).and_then(month_number) else {
            continue;
        };
        let mut k = i + 3;
        if dash.is_none() {
            if t.is_punct(k, '.') {
                k += 1;
            }
            if !t.is_inline_space(k) {
                continue;
            }
        }
        k += 1;
        let two_digit = t.is_punct(k, '\'') || t.is_punct(k, '’');
        if two_digit {
            k += 1;
        }
        if t.kind(k) != Some(Kind::Num) {
            continue;
        }
        let year_raw = t.raw(k);
        let year = match (two_digit, year_raw.len()) {
            (false, 4) => number(year_raw.as_bytes()),
            (true, 2) => {
                let y = number(year_raw.as_bytes());
                if y <= 30 { 2000 + y } else { 1900 + y }
            }
            _ => continue,
        };
        let end = t.toks[k].end;
        if day_month_year_valid(day, u32::from(month), year) && ends_clean(t.text, end) {
            out.push(Cand::new(FindingKind::Date, t.toks[i].start, end));
        }
    }
}

/// The dossier's birth date written without separators ("12031998", "19980312"), which would
/// otherwise pass for any eight-digit number.
pub(super) fn compact_birth_date(t: &Tokens, birth: Option<Date>, out: &mut Vec<Cand>) {
    let Some(d) = birth else { return };
    let forms = [
        format!("{:02}{:02}{:04}", d.day(), d.month(), d.year()),
        format!("{:04}{:02}{:02}", d.year(), d.month(), d.day()),
    ];
    for i in 0..t.len() {
        if t.kind(i) == Some(Kind::Num) && forms.iter().any(|f| f == t.raw(i)) {
            out.push(Cand::new(FindingKind::Date, t.toks[i].start, t.toks[i].end));
        }
    }
}

/// Postcodes as a whole token: "5911 AB", "5911AB", "5911 ab". Lowercase letters that form a
/// common word or unit ("2019 en", "1500 km") do not count, nor a year followed by a capitalised
/// abbreviation ("2019 PI"), unless it is the dossier's own postcode.
pub(super) fn postcodes(text: &str, own: &[[u8; 6]], out: &mut Vec<Cand>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i + 6 <= b.len() {
        let ok_start =
            (b'1'..=b'9').contains(&b[i]) && b[i + 1..i + 4].iter().all(u8::is_ascii_digit);
        if !ok_start || !starts_clean(text, i) {
            i += 1;
            continue;
        }
        let letters_at = if b[i + 4] == b' ' { i + 5 } else { i + 4 };
        let end = letters_at + 2;
        let letters = b.get(letters_at..end);
        let Some(&[l1, l2]) = letters else {
            i += 1;
            continue;
        };
        if !l1.is_ascii_alphabetic()
            || !l2.is_ascii_alphabetic()
            || next_char(text, end).is_some_and(char::is_alphanumeric)
            || !postcode_letters_allowed(l1, l2)
        {
            i += 1;
            continue;
        }
        let mut compact = [0u8; 6];
        compact[..4].copy_from_slice(&b[i..i + 4]);
        compact[4] = l1.to_ascii_uppercase();
        compact[5] = l2.to_ascii_uppercase();
        let pair = [l1.to_ascii_lowercase(), l2.to_ascii_lowercase()];
        let pair = std::str::from_utf8(&pair).unwrap_or("");
        let accept = if own.contains(&compact) {
            true
        } else if l1.is_ascii_uppercase() && l2.is_ascii_uppercase() {
            let n = number(&b[i..i + 4]);
            !((1900..=2099).contains(&n) && contains(YEAR_ABBREVIATIONS, pair))
        } else {
            !contains(POSTCODE_STOP_PAIRS, pair)
        };
        if accept && !is_quantity(text, i, i + 4) {
            out.push(Cand::new(FindingKind::Postcode, i, end));
            i = end;
        } else {
            i += 1;
        }
    }
}

/// The compact form ("5911AB") of a postcode as typed, when it has the postcode shape.
pub(super) fn compact_postcode(s: &str) -> Option<[u8; 6]> {
    let canonical = crate::validate::postcode(s).ok()?;
    let b = canonical.as_bytes();
    let mut out = [0u8; 6];
    out[..4].copy_from_slice(b.get(..4)?);
    out[4..].copy_from_slice(b.get(5..7)?);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(f: fn(&str, &mut Vec<Cand>), text: &str) -> Vec<String> {
        let mut out = Vec::new();
        f(text, &mut out);
        out.iter()
            .map(|c| text[c.start..c.end].to_string())
            .collect()
    }

    #[test]
    fn phones_in_many_notations() {
        for (text, want) in [
            ("bel 06-12345678.", "06-12345678"),
            ("bel 06 1234 5678 op", "06 1234 5678"),
            ("(077) 320 1234", "(077) 320 1234"),
            ("+31(0)612345678", "+31(0)612345678"),
            ("0031 6 12345678", "0031 6 12345678"),
            ("077 320 12 34", "077 320 12 34"),
            ("tel: 0475-123456, ", "0475-123456"),
            ("06 - 12345678", "06 - 12345678"),
            ("bel haar (06-12345678) of", "06-12345678"),
            ("(0612345678)", "0612345678"),
            ("((077) 320 1234)", "(077) 320 1234"),
        ] {
            assert_eq!(kinds(phones, text), [want], "{text}");
        }
        for text in [
            "€ 0612345678",
            "score 06",
            "12-03-1998",
            "0612345678901",
            "x0612345678",
            "14:30",
            "10612345678",
        ] {
            assert!(kinds(phones, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn ibans_grouped_or_not() {
        assert_eq!(
            kinds(ibans, "IBAN: NL91 ABNA 0417 1643 00 op naam"),
            ["NL91 ABNA 0417 1643 00"]
        );
        assert_eq!(kinds(ibans, "nl91abna0417164300."), ["nl91abna0417164300"]);
        assert!(kinds(ibans, "NL91ABNA0417164301").is_empty());
        assert!(kinds(ibans, "XNL91ABNA0417164300").is_empty());
    }

    #[test]
    fn emails_trimmed() {
        assert_eq!(kinds(emails, "mail: a.b@c-d.nl."), ["a.b@c-d.nl"]);
        assert!(kinds(emails, "om 12 @ 13").is_empty());
        assert!(kinds(emails, "@venlo").is_empty());
    }

    #[test]
    fn numeric_dates_and_not() {
        let f = numeric_dates as fn(&str, &mut Vec<Cand>);
        assert_eq!(kinds(f, "op 12-03-1998."), ["12-03-1998"]);
        assert_eq!(kinds(f, "1998-03-12"), ["1998-03-12"]);
        assert_eq!(kinds(f, "12/3/98"), ["12/3/98"]);
        for text in [
            "2.3.1",
            "31-02-1998",
            "12.03.98",
            "12-03-19981",
            "1-2025",
            "4/5",
        ] {
            assert!(kinds(f, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn year_first_apostrophe_and_iso_dates() {
        let f = numeric_dates as fn(&str, &mut Vec<Cand>);
        assert_eq!(kinds(f, "Geboren 05-11-'87."), ["05-11-'87"]);
        assert_eq!(kinds(f, "Geboren 05-11-’87."), ["05-11-’87"]);
        assert_eq!(kinds(f, "per 2023/5/1"), ["2023/5/1"]);
        assert_eq!(kinds(f, "export 2024-07-01T10:00"), ["2024-07-01"]);
        for text in ["05-11-'1987", "2024-07-01Tx", "12-03-98T10", "31-02-'99"] {
            assert!(kinds(f, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn dotted_and_year_first_month_dates() {
        let run = |text: &str| {
            let t = Tokens::new(text);
            let mut out = Vec::new();
            month_dates(&t, &mut out);
            out.iter()
                .map(|c| text[c.start..c.end].to_string())
                .collect::<Vec<_>>()
        };
        for (text, want) in [
            ("getekend 12.mrt.2021.", "12.mrt.2021"),
            ("op 2.aug.2023 om 9 uur", "2.aug.2023"),
            ("verhuisd op 3 sept. '19 naar", "3 sept. '19"),
            ("ingeschreven 2021-mei-17", "2021-mei-17"),
            ("export 2020/aug/21.", "2020/aug/21"),
            ("datum 2019.jan.5", "2019.jan.5"),
        ] {
            assert_eq!(run(text), [want], "{text}");
        }
        for text in [
            "op 12.mrt. om 10 uur",
            "12.mrt-2021",
            "2021-mei-17-3",
            "2021-feb-30",
            "in 2021 mei 17 keer",
            "sinds 2021-mei",
        ] {
            assert!(run(text).is_empty(), "{text}: {:?}", run(text));
        }
    }

    #[test]
    fn bsn_groupings() {
        let run = |text: &str| {
            let mut out = Vec::new();
            bsns(text, None, &mut out);
            out.iter()
                .map(|c| text[c.start..c.end].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(run("bsn 1234.56.782."), ["1234.56.782"]);
        assert_eq!(run("12 34 56 782"), ["12 34 56 782"]);
        assert!(run("123456789").is_empty());
        assert!(run("1234567820").is_empty());
        assert!(run("1234.56 782").is_empty());
        assert!(run("€ 123456782").is_empty());
        assert!(run("123456782,00").is_empty());
    }

    #[test]
    fn postcode_rules() {
        let run = |text: &str| {
            let mut out = Vec::new();
            postcodes(text, &[], &mut out);
            out.iter()
                .map(|c| text[c.start..c.end].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(run("5911 AB Venlo"), ["5911 AB"]);
        assert_eq!(run("5911ab"), ["5911ab"]);
        assert_eq!(run("(5911 xz)"), ["5911 xz"]);
        for text in [
            "1234 en",
            "0123 AB",
            "1234 SA",
            "1500 km",
            "Plein 1944 nr 2",
            "12345 AB",
            "1234 ABC",
            "sinds 2019 PI",
        ] {
            assert!(run(text).is_empty(), "{text}");
        }
    }
}
