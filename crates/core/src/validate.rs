//! Validators for the identifying fields of a dossier.
//!
//! Each returns the value in one canonical form, so that the same BSN, postcode or phone number
//! typed in different ways compares equal afterwards (the leak guard and the scanner rely on
//! that). Messages are Dutch and never repeat what was typed: the caller knows the field.
//!
//! The checks that the free-text scanner needs as well (11-test, Dutch phone number shape,
//! e-mail shape, IBAN mod-97) are exposed as plain predicates on already-extracted characters.

use crate::date::Date;
use crate::error::{Error, Result};

/// The 11-test (elfproef) of a BSN, on digit values 0..=9: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 must be
/// divisible by 11. All zeros passes the arithmetic but is not a number anyone has, so it fails.
pub fn bsn_passes_11_test(digits: &[u8; 9]) -> bool {
    if digits.iter().any(|&d| d > 9) || digits.iter().all(|&d| d == 0) {
        return false;
    }
    let mut sum: i32 = 0;
    for (i, &d) in digits.iter().enumerate().take(8) {
        sum += (9 - i as i32) * i32::from(d);
    }
    sum -= i32::from(digits[8]);
    sum.rem_euclid(11) == 0
}

/// A BSN: 9 digits (or 8, with the leading zero left off), grouped with spaces or dots if you
/// like, passing the 11-test. Normalised to 9 digits.
pub fn bsn(s: &str) -> Result<String> {
    let invalid_shape = || {
        Error::new(
            "BSN_INVALID",
            "Een BSN bestaat uit 9 cijfers (eventueel met spaties of punten ertussen).",
        )
    };
    let mut digits: Vec<u8> = Vec::with_capacity(9);
    for c in s.trim().chars() {
        match c {
            '0'..='9' => digits.push(c as u8 - b'0'),
            ' ' | '.' => {}
            _ => return Err(invalid_shape()),
        }
        if digits.len() > 9 {
            return Err(invalid_shape());
        }
    }
    if digits.len() == 8 {
        digits.insert(0, 0);
    }
    let arr: [u8; 9] = digits.try_into().map_err(|_| invalid_shape())?;
    if !bsn_passes_11_test(&arr) {
        return Err(Error::new(
            "BSN_INVALID",
            "Dit BSN klopt niet: de elfproef faalt. Controleer of er geen cijfer verkeerd is getypt.",
        ));
    }
    Ok(arr.iter().map(|d| char::from(b'0' + d)).collect())
}

/// Letter pairs that PostNL never issues (they recall the SA, SD and SS of the war years).
pub(crate) fn postcode_letters_allowed(a: u8, b: u8) -> bool {
    let pair = [a.to_ascii_uppercase(), b.to_ascii_uppercase()];
    !matches!(&pair, b"SA" | b"SD" | b"SS")
}

/// A Dutch postcode: 4 digits not starting with 0, then 2 letters, optionally one space between.
/// Normalised to "1234 AB".
pub fn postcode(s: &str) -> Result<String> {
    let t = s.trim().as_bytes();
    let bad = || {
        Error::new(
            "POSTCODE_INVALID",
            "Een postcode bestaat uit 4 cijfers (niet beginnend met 0) en 2 letters, zoals 1234 AB.",
        )
    };
    let (num, letters) = match t.len() {
        6 => (&t[..4], &t[4..]),
        7 if t[4] == b' ' => (&t[..4], &t[5..]),
        _ => return Err(bad()),
    };
    if !num.iter().all(u8::is_ascii_digit)
        || num[0] == b'0'
        || !letters.iter().all(u8::is_ascii_alphabetic)
    {
        return Err(bad());
    }
    if !postcode_letters_allowed(letters[0], letters[1]) {
        return Err(Error::new(
            "POSTCODE_INVALID",
            "Deze lettercombinatie komt in Nederlandse postcodes niet voor.",
        ));
    }
    let mut out = String::with_capacity(7);
    out.extend(num.iter().map(|&b| char::from(b)));
    out.push(' ');
    out.extend(letters.iter().map(|b| char::from(b.to_ascii_uppercase())));
    Ok(out)
}

/// Whether ASCII digits form a Dutch number as dialled nationally (with the leading 0): ten
/// digits for mobile, geographic and 08x numbers; 8 to 11 for the 0800/090x service numbers,
/// whose length varies.
pub(crate) fn dutch_national_number_valid(d: &[u8]) -> bool {
    if d.len() < 8 || d.len() > 11 || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    if d[0] != b'0' || d[1] == b'0' {
        return false;
    }
    match &d[1..4] {
        b"800" | b"900" | b"906" | b"909" => true,
        _ if d[1] == b'6' => d.len() == 10 && d[2] != b'0',
        // 09 is only used for the service numbers above (097 machine numbers are not phones).
        _ if d[1] == b'9' => false,
        _ => d.len() == 10,
    }
}

/// A Dutch phone number in any usual notation: 06-12345678, 077 123 45 67, (0475) 123456,
/// +31 (0)6 1234 5678, 0031 77 1234567. Normalised to E.164: "+31612345678".
pub fn phone(s: &str) -> Result<String> {
    let bad = || {
        Error::new(
            "PHONE_INVALID",
            "Vul een Nederlands telefoonnummer in, zoals 06-12345678 of 077-1234567.",
        )
    };
    let mut rest = s.trim();
    let mut international = false;
    if let Some(r) = rest.strip_prefix('+') {
        let r = r.trim_start();
        match r.strip_prefix("31") {
            Some(r) => rest = r,
            None => {
                return Err(Error::new(
                    "PHONE_INVALID",
                    "Alleen Nederlandse telefoonnummers (+31) worden geaccepteerd.",
                ));
            }
        }
        international = true;
    } else if let Some(r) = rest.strip_prefix("0031") {
        rest = r;
        international = true;
    } else if rest.starts_with("00") {
        return Err(Error::new(
            "PHONE_INVALID",
            "Alleen Nederlandse telefoonnummers (+31) worden geaccepteerd.",
        ));
    }
    let mut digits: Vec<u8> = Vec::with_capacity(12);
    if international {
        rest = rest.trim_start_matches([' ', '-', '.']);
        if let Some(r) = rest.strip_prefix("(0)") {
            rest = r;
        }
        digits.push(b'0');
    }
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c as u8),
            ' ' | '-' | '.' | '/' | '(' | ')' => {}
            _ => return Err(bad()),
        }
        if digits.len() > 13 {
            return Err(bad());
        }
    }
    // "+31 06…" is a common slip: the trunk 0 written after the country code.
    if international && digits.len() > 2 && digits[1] == b'0' {
        digits.remove(0);
    }
    if !dutch_national_number_valid(&digits) {
        return Err(bad());
    }
    let mut out = String::from("+31");
    out.extend(digits[1..].iter().map(|&b| char::from(b)));
    Ok(out)
}

fn is_local_char(c: char) -> bool {
    c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c)
}

/// The pragmatic shape of an address: something@label.label…tld, where the local part has no
/// leading, trailing or double dot, each label is alphanumeric with inner hyphens and the last
/// label is at least two letters.
pub(crate) fn email_shape_ok(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    if local.is_empty()
        || local.len() > 64
        || domain.len() > 253
        || !local.chars().all(is_local_char)
        || local.starts_with('.')
        || local.ends_with('.')
        || local.contains("..")
    {
        return false;
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 {
        return false;
    }
    for label in &labels {
        if label.is_empty()
            || label.starts_with('-')
            || label.ends_with('-')
            || !label.chars().all(|c| c.is_alphanumeric() || c == '-')
        {
            return false;
        }
    }
    let tld = labels[labels.len() - 1];
    tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic)
}

/// An e-mail address, pragmatically: one @, no spaces, a dot in the domain, a top-level domain
/// of at least two letters. Normalised to lowercase.
pub fn email(s: &str) -> Result<String> {
    let t = s.trim().to_lowercase();
    if email_shape_ok(&t) {
        Ok(t)
    } else {
        Err(Error::new(
            "EMAIL_INVALID",
            "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.",
        ))
    }
}

/// The IBAN check on uppercase ASCII letters and digits without spaces: country letters, two
/// check digits, 11 to 30 more alphanumerics, mod 97 == 1, and the fixed Dutch layout for NL.
pub(crate) fn iban_compact_valid(s: &[u8]) -> bool {
    if s.len() < 15 || s.len() > 34 {
        return false;
    }
    if !s[..2].iter().all(u8::is_ascii_uppercase)
        || !s[2..4].iter().all(u8::is_ascii_digit)
        || !s[4..]
            .iter()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
    {
        return false;
    }
    if &s[..2] == b"NL"
        && (s.len() != 18
            || !s[4..8].iter().all(u8::is_ascii_uppercase)
            || !s[8..].iter().all(u8::is_ascii_digit))
    {
        return false;
    }
    // Rearranged (BBAN first, then country and check digits), letters as 10..35, read as one big
    // number mod 97, digit by digit so nothing overflows.
    let mut rem: u32 = 0;
    for &b in s[4..].iter().chain(&s[..4]) {
        let v = if b.is_ascii_digit() {
            u32::from(b - b'0')
        } else {
            u32::from(b - b'A') + 10
        };
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    rem == 1
}

/// An IBAN of any country: two letters, two check digits, up to 30 letters and digits; spaces
/// allowed, any case; the mod-97 check must hold, and a Dutch IBAN has exactly 18 characters.
/// Normalised to uppercase without spaces.
pub fn iban(s: &str) -> Result<String> {
    let mut compact: Vec<u8> = Vec::with_capacity(34);
    for c in s.trim().chars() {
        if c == ' ' {
            continue;
        }
        if !c.is_ascii_alphanumeric() || compact.len() >= 34 {
            return Err(Error::new(
                "IBAN_INVALID",
                "Een IBAN bestaat uit een landcode, 2 controlecijfers en maximaal 30 letters en cijfers.",
            ));
        }
        compact.push(c.to_ascii_uppercase() as u8);
    }
    if iban_compact_valid(&compact) {
        Ok(compact.iter().map(|&b| char::from(b)).collect())
    } else {
        Err(Error::new(
            "IBAN_INVALID",
            "Dit IBAN klopt niet. Controleer of alle tekens goed zijn overgenomen.",
        ))
    }
}

/// A date in ISO or Dutch numeric form; normalised to ISO (jjjj-mm-dd).
pub fn date(s: &str) -> Result<String> {
    Date::parse(s).map(Date::iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bsn_good() {
        for s in [
            "999994669",
            "999992740",
            "999990019",
            " 9999.94.669 ",
            "999 994 669",
        ] {
            assert!(bsn(s).is_ok(), "{s}");
        }
        assert_eq!(bsn("9999 94 669").unwrap(), "999994669");
        // 8 digits: the leading zero was left off. 012345672 passes the 11-test.
        assert_eq!(bsn("12345672").unwrap(), "012345672");
    }

    #[test]
    fn bsn_bad() {
        for s in [
            "",
            "999994668",
            "000000000",
            "99999466",
            "9999946690",
            "99999466a",
            "999-994-669",
            "1234567",
        ] {
            let e = bsn(s).unwrap_err();
            assert_eq!(e.code, "BSN_INVALID", "{s}");
        }
    }

    #[test]
    fn eleven_test_on_digit_values() {
        assert!(bsn_passes_11_test(&[9, 9, 9, 9, 9, 4, 6, 6, 9]));
        assert!(!bsn_passes_11_test(&[9, 9, 9, 9, 9, 4, 6, 6, 8]));
        assert!(!bsn_passes_11_test(&[0; 9]));
        assert!(!bsn_passes_11_test(&[b'9'; 9]));
    }

    #[test]
    fn postcode_good_and_bad() {
        assert_eq!(postcode("5911 AB").unwrap(), "5911 AB");
        assert_eq!(postcode("5911ab").unwrap(), "5911 AB");
        assert_eq!(postcode(" 6041 cd ").unwrap(), "6041 CD");
        for s in [
            "0123 AB", "1234 SA", "1234 sd", "1234SS", "123 AB", "12345 AB", "1234 A", "1234  AB",
            "1234-AB", "ABCD 12", "", "1234 ÄB",
        ] {
            assert_eq!(postcode(s).unwrap_err().code, "POSTCODE_INVALID", "{s}");
        }
    }

    #[test]
    fn phone_good() {
        for (s, want) in [
            ("06 12345678", "+31612345678"),
            ("06-12345678", "+31612345678"),
            ("+31 (0)6-1234 5678", "+31612345678"),
            ("+31612345678", "+31612345678"),
            ("+31 06 12345678", "+31612345678"),
            ("0031 77 123 4567", "+31771234567"),
            ("077-1234567", "+31771234567"),
            ("(077) 320 12 34", "+31773201234"),
            ("0475-123456", "+31475123456"),
            ("020/1234567", "+31201234567"),
            ("088 123 4567", "+31881234567"),
            ("0800-1234", "+318001234"),
            ("0900 1234567", "+319001234567"),
        ] {
            assert_eq!(phone(s).unwrap(), want, "{s}");
        }
    }

    #[test]
    fn phone_bad() {
        for s in [
            "",
            "0612345",
            "061234567890",
            "6 12345678",
            "+32 470 12 34 56",
            "0049 30 1234567",
            "06-1234567x",
            "0012345678",
            "0912345678",
            "06 0123 4567",
            "tel 0612345678",
        ] {
            assert_eq!(phone(s).unwrap_err().code, "PHONE_INVALID", "{s}");
        }
    }

    #[test]
    fn email_good_and_bad() {
        assert_eq!(
            email(" Noel.Berg@Example.NL ").unwrap(),
            "noel.berg@example.nl"
        );
        assert!(email("a+b@sub.domein.org").is_ok());
        assert!(email("x@y.museum").is_ok());
        for s in [
            "",
            "noel",
            "noel@",
            "@example.nl",
            "noel@example",
            "noel@@example.nl",
            "no el@example.nl",
            "noel@example.n",
            "noel@example.12",
            ".noel@example.nl",
            "no..el@example.nl",
            "noel@-example.nl",
            "noel@example..nl",
        ] {
            assert_eq!(email(s).unwrap_err().code, "EMAIL_INVALID", "{s}");
        }
    }

    #[test]
    fn iban_good_and_bad() {
        assert_eq!(
            iban("NL91 ABNA 0417 1643 00").unwrap(),
            "NL91ABNA0417164300"
        );
        assert_eq!(iban("nl91abna0417164300").unwrap(), "NL91ABNA0417164300");
        assert_eq!(iban("BE68 5390 0754 7034").unwrap(), "BE68539007547034");
        assert_eq!(
            iban("DE89 3704 0044 0532 0130 00").unwrap(),
            "DE89370400440532013000"
        );
        for s in [
            "",
            "NL91ABNA0417164301",
            "NL91ABNA041716430",
            "NL91ABNA04171643000",
            "NL91-ABNA-0417-1643-00",
            "9191ABNA0417164300",
            "NL9XABNA0417164300",
            "BE68539007547035",
        ] {
            assert_eq!(iban(s).unwrap_err().code, "IBAN_INVALID", "{s}");
        }
    }

    #[test]
    fn date_normalises_to_iso() {
        assert_eq!(date("12-03-1998").unwrap(), "1998-03-12");
        assert_eq!(date("1998-03-12").unwrap(), "1998-03-12");
        assert_eq!(date("31-02-1998").unwrap_err().code, "DATE_INVALID");
        assert_eq!(date("maart").unwrap_err().code, "DATE_INVALID");
    }

    #[test]
    fn messages_never_echo_the_input() {
        let inputs = [
            "999994668",
            "0123 QQ",
            "06-9999999x",
            "zz@qq",
            "NL00QQQQ0000000000",
        ];
        let errors = [
            bsn(inputs[0]).unwrap_err(),
            postcode(inputs[1]).unwrap_err(),
            phone(inputs[2]).unwrap_err(),
            email(inputs[3]).unwrap_err(),
            iban(inputs[4]).unwrap_err(),
        ];
        for (e, input) in errors.iter().zip(inputs) {
            assert!(!e.message.contains(input), "{}", e.code);
            assert!(!e.message.contains("QQ") && !e.message.contains("9999"));
        }
    }
}
