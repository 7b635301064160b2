//! The one text normalisation of the core. The scanner, the leak guard, name matching and the
//! outgoing-text whitelist all see text through this module, so a note that one of them reads
//! as "Janssen" the others read as "Janssen" too.
//!
//! `normalise` makes the *scan form* of a text, keeping case (the scanner needs capitals to
//! recognise a name after a title) and remembering where each piece came from:
//! - compatibility decomposition (NFKD, Unicode Annex #15): full-width letters and digits,
//!   mathematical and circled letters, ligatures and super/subscripts become their plain forms;
//! - combining marks removed, so "é" and "e + ◌́" both become "e";
//! - every default-ignorable and format character removed (soft hyphen, zero-width space and
//!   joiners, word joiner, BOM, bidirectional controls, variation selectors, tags), and every
//!   control character except line breaks and tab; tab, no-break and other spaces become a space;
//! - every Unicode decimal digit becomes its ASCII digit (Arabic-Indic ٣, Devanagari ३ …);
//! - Latin letters that do not decompose map to their base (ø→o, ł→l, đ→d, ı→i, ß→ss, æ→ae …);
//! - any other character that the Unicode confusables table (UTS #39) draws like ASCII letters,
//!   digits or punctuation becomes that ASCII: Cyrillic "а" and Greek "ο" become "a" and "o".
//!   Only characters outside ASCII are mapped: the table also maps "m" to "rn" and "0" to "O",
//!   which would ruin matching of ordinary text.
//!
//! The per-character mapping is a generated table (`text_table.rs`): compatibility
//! decomposition from `unicode-normalization`, confusables from `unicode-security`, applied to
//! every character once by `tests/unicode_table.rs`, which also checks that the shipped table
//! still equals what the two crates give. The crates are dev-dependencies only: their full tables
//! would add 231 KB to the app's wasm, the table 30-40 KB.
//!
//! `fold` is the scan form in lowercase (the comparison form); `squash` keeps only its letters
//! and digits, so "06-12 34 56.78" and "0612345678" meet.

use std::borrow::Cow;

/// A normalised text and, for each of its bytes, the byte range in the original text of the
/// character it came from, so a finding in the scan form can be shown in what was typed.
pub struct Normalised<'a> {
    text: Cow<'a, str>,
    /// `None` when the text is unchanged (plain ASCII, the common case): offsets are identical.
    origin: Option<Vec<(u32, u32)>>,
}

impl Normalised<'_> {
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The byte range in the original text that produced `start..end` of the normalised text.
    /// Characters removed inside the range (a soft hyphen in a name) are inside the result.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        match &self.origin {
            None => (start, end),
            Some(o) if start < end && end <= o.len() => {
                (o[start].0 as usize, o[end - 1].1 as usize)
            }
            Some(o) => {
                let at = o
                    .get(start)
                    .map_or_else(|| o.last().map_or(0, |l| l.1 as usize), |x| x.0 as usize);
                (at, at)
            }
        }
    }
}

/// Unicode's decimal-digit zeros (general category Nd, value 0; Unicode 14). Each is followed by
/// its nine digits in order, so a digit's value is its distance from the zero before it.
const DIGIT_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
    0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// Default_Ignorable_Code_Point (DerivedCoreProperties.txt) together with general category Cf
/// (format), as inclusive ranges: characters that draw nothing, or nothing by themselves.
const INVISIBLE: [(u32, u32); 25] = [
    (0x00ad, 0x00ad),
    (0x034f, 0x034f),
    (0x0600, 0x0605),
    (0x061c, 0x061c),
    (0x06dd, 0x06dd),
    (0x070f, 0x070f),
    (0x0890, 0x0891),
    (0x08e2, 0x08e2),
    (0x115f, 0x1160),
    (0x17b4, 0x17b5),
    (0x180b, 0x180f),
    (0x200b, 0x200f),
    (0x202a, 0x202e),
    (0x2060, 0x206f),
    (0x3164, 0x3164),
    (0xfe00, 0xfe0f),
    (0xfeff, 0xfeff),
    (0xffa0, 0xffa0),
    (0xfff0, 0xfffb),
    (0x110bd, 0x110bd),
    (0x110cd, 0x110cd),
    (0x13430, 0x1343f),
    (0x1bca0, 0x1bca3),
    (0x1d173, 0x1d17a),
    (0xe0000, 0xe0fff),
];

/// Whether `c` draws nothing: a default-ignorable or format character, or a control character
/// other than line break and tab.
pub fn is_invisible(c: char) -> bool {
    if c.is_control() {
        return !matches!(c, '\n' | '\r' | '\t');
    }
    let v = c as u32;
    let i = INVISIBLE.partition_point(|&(lo, _)| lo <= v);
    i > 0 && v <= INVISIBLE[i - 1].1
}

/// The ASCII digit of any Unicode decimal digit.
pub fn ascii_digit(c: char) -> Option<char> {
    let v = c as u32;
    let i = DIGIT_ZEROS.partition_point(|&z| z <= v);
    let zero = *DIGIT_ZEROS.get(i.checked_sub(1)?)?;
    let d = v - zero;
    // Only inside a run of ten: the gap after a run holds other characters.
    (d < 10 && c.is_numeric()).then(|| char::from(b'0' + d as u8))
}

/// Latin letters that carry their mark inside the letter, so decomposition leaves them alone.
pub fn latin_base(c: char) -> Option<&'static str> {
    Some(match c {
        'ø' => "o",
        'Ø' => "O",
        'ł' => "l",
        'Ł' => "L",
        'đ' | 'ɖ' => "d",
        'Đ' | 'Ɖ' => "D",
        'ı' => "i",
        'ħ' => "h",
        'Ħ' => "H",
        'ŧ' => "t",
        'Ŧ' => "T",
        'ß' => "ss",
        'ẞ' => "SS",
        'æ' => "ae",
        'Æ' => "AE",
        'œ' => "oe",
        'Œ' => "OE",
        'þ' => "th",
        'Þ' => "TH",
        'ð' => "d",
        'Ð' => "D",
        'ŋ' => "n",
        'Ŋ' => "N",
        'ƒ' => "f",
        'ĸ' => "k",
        'ɨ' => "i",
        'ʉ' => "u",
        _ => return None,
    })
}

/// Spaces other than the plain one (no-break, narrow, em, ideographic …) and line separators.
pub fn space_of(c: char) -> Option<char> {
    match c {
        '\t' => Some(' '),
        '\u{2028}' | '\u{2029}' | '\u{85}' => Some('\n'),
        _ if c.is_whitespace() && !matches!(c, ' ' | '\n' | '\r') => Some(' '),
        _ => None,
    }
}

/// Pushes the scan form of one character of the original text.
fn push_char(c: char, out: &mut String) {
    if c.is_ascii() && !c.is_ascii_control() {
        out.push(c);
    } else if let Some(s) = space_of(c) {
        out.push(s);
    } else if is_invisible(c) {
    } else if c.is_ascii() {
        out.push(c);
    } else if let Some(mapped) = crate::text_table::mapped(c) {
        out.push_str(mapped);
    } else if !crate::text_table::removed(c) {
        out.push(c);
    }
}

/// Whether `s` is already in scan form: printable ASCII and line breaks only.
pub fn is_plain(s: &str) -> bool {
    s.bytes()
        .all(|b| (b' '..=b'~').contains(&b) || b == b'\n' || b == b'\r')
}

/// The scan form of `s` (see the module's description), with its way back to `s`.
pub fn normalise(s: &str) -> Normalised<'_> {
    if is_plain(s) {
        return Normalised {
            text: Cow::Borrowed(s),
            origin: None,
        };
    }
    let mut text = String::with_capacity(s.len());
    let mut origin = Vec::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        let before = text.len();
        push_char(c, &mut text);
        let span = (i as u32, (i + c.len_utf8()) as u32);
        origin.resize(origin.len() + (text.len() - before), span);
    }
    Normalised {
        text: Cow::Owned(text),
        origin: Some(origin),
    }
}

/// The scan form of `s` without the way back.
pub fn plain(s: &str) -> Cow<'_, str> {
    if is_plain(s) {
        return Cow::Borrowed(s);
    }
    let mut text = String::with_capacity(s.len());
    for c in s.chars() {
        push_char(c, &mut text);
    }
    Cow::Owned(text)
}

/// The comparison form: the scan form in lowercase. "Ｊａｎ", "J\u{ad}an", "Јan" (Cyrillic J)
/// and "JAN" all fold to "jan"; "Öztürk" and "OZTURK" to "ozturk".
pub fn fold(s: &str) -> String {
    let p = plain(s);
    if p.is_ascii() {
        return p.to_ascii_lowercase();
    }
    p.chars().flat_map(char::to_lowercase).collect()
}

/// The folded letters and digits only: "06-12 34 56.78" → "0612345678", "De Vries-Öztürk" →
/// "devriesozturk".
pub fn squash(s: &str) -> String {
    fold(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

// ---------------------------------------------------------------- letters and digits mixed

/// How a word that mixes letters and digits reads when its digits are letters ("B4kk3r",
/// "J4ns3n"): 0 o, 3 e, 4 a, 5 s, 7 t, 8 b, and 1 as `one` (i or l; both are tried).
fn digit_as_letter(c: char, one: char) -> char {
    match c {
        '0' => 'o',
        '1' => one,
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '8' => 'b',
        other => other,
    }
}

/// How a number that has letters for some digits reads ("l23456782", "1234S6782", "O6-1234…"):
/// o 0, i and l 1, z 2, s 5, b 8.
fn letter_as_digit(c: char) -> char {
    match c {
        'o' => '0',
        'i' | 'l' => '1',
        'z' => '2',
        's' => '5',
        'b' => '8',
        other => other,
    }
}

/// The folded text read three ways wherever one of its words mixes letters and digits: with
/// the digits as letters (a name typed "B4kk3r"; once per way of writing 1, i and l), with the
/// look-alike letters as digits (a BSN typed "l23456782"), and with the letters and digits
/// apart (a name glued to a number, "Bakker2024"). Empty when no word mixes them, which is
/// nearly every text. Each reading changes only the mixed words, so a word of only letters or
/// only digits is never read otherwise.
pub fn mixed_readings(s: &str) -> Vec<String> {
    let mixed =
        |w: &str| w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(|c| c.is_alphabetic());
    // The common cases cost one pass and no copy: no digit of any script, or plain ASCII
    // (which folds to itself in lowercase) without a mixed word.
    if !s.chars().any(char::is_numeric)
        || (is_plain(s) && !s.split(|c: char| !c.is_alphanumeric()).any(mixed))
    {
        return Vec::new();
    }
    let folded = fold(s);
    if !folded.split(|c: char| !c.is_alphanumeric()).any(mixed) {
        return Vec::new();
    }
    let read = |change: &dyn Fn(&str, &mut String)| -> String {
        let mut out = String::with_capacity(folded.len() + 8);
        let mut word = String::new();
        let flush = |word: &mut String, out: &mut String| {
            if mixed(word) {
                change(word, out);
            } else {
                out.push_str(word);
            }
            word.clear();
        };
        for c in folded.chars() {
            if c.is_alphanumeric() {
                word.push(c);
            } else {
                flush(&mut word, &mut out);
                out.push(c);
            }
        }
        flush(&mut word, &mut out);
        out
    };
    let map = |f: fn(char) -> char| move |w: &str, out: &mut String| out.extend(w.chars().map(f));
    vec![
        read(&map(|c| digit_as_letter(c, 'i'))),
        read(&map(|c| digit_as_letter(c, 'l'))),
        read(&map(letter_as_digit)),
        read(&|w, out| {
            let mut last_digit = None;
            for c in w.chars() {
                let digit = c.is_ascii_digit();
                if last_digit.is_some_and(|d| d != digit) {
                    out.push(' ');
                }
                out.push(c);
                last_digit = Some(digit);
            }
        }),
    ]
}

/// Words glued in camel case ("mevrouwBakker", "BakkerFatima") written apart, when the text
/// has any: a lowercase letter followed by a capital. `None` otherwise.
pub fn camel_split(s: &str) -> Option<String> {
    let mut chars = s.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        if c.is_lowercase() && chars.peek().is_some_and(|n| n.is_uppercase()) {
            any = true;
            break;
        }
    }
    if !any {
        return None;
    }
    let mut out = String::with_capacity(s.len() + 4);
    let mut changed = false;
    let mut last_lower = false;
    for c in s.chars() {
        if last_lower && c.is_uppercase() {
            out.push(' ');
            changed = true;
        }
        out.push(c);
        last_lower = c.is_lowercase();
    }
    changed.then_some(out)
}

/// Every other way the guard reads a text besides as typed: with its escapes written out
/// ([`escapes_decoded`]), its camel-case words apart ([`camel_split`]), its words of letters
/// and digits read ([`mixed_readings`]) and its spelled-out numbers as digits
/// ([`digit_words`]). Empty for nearly every text.
pub fn readings(s: &str) -> Vec<String> {
    let decoded = escapes_decoded(s);
    let base = decoded.as_deref().unwrap_or(s);
    let split = camel_split(base);
    // Mixed words read both as typed ("lOS4BO74S", a number) and apart ("mevrouwB4kk3r").
    let mut mixed = mixed_readings(base);
    mixed.extend(split.as_deref().map(mixed_readings).unwrap_or_default());
    let spelled = digit_words(base);
    decoded
        .into_iter()
        .chain(split)
        .chain(mixed)
        .chain(spelled)
        .collect()
}

/// The fewest digit words in a row that are read as a number: a BSN (9), a phone number (10)
/// or a date (8) spelled out has more, while "een twee drie" in a sentence stays words.
const SPELLED_RUN: usize = 6;

/// The digit a Dutch or English digit word stands for ("negen", "één" folded to "een", "nine").
fn digit_word(w: &str) -> Option<char> {
    Some(match w {
        "nul" | "zero" => '0',
        "een" | "one" => '1',
        "twee" | "two" => '2',
        "drie" | "three" => '3',
        "vier" | "four" => '4',
        "vijf" | "five" => '5',
        "zes" | "six" => '6',
        "zeven" | "seven" => '7',
        "acht" | "eight" => '8',
        "negen" | "nine" => '9',
        _ => return None,
    })
}

/// [`digit_word`] of a word as typed, in any case or with accents ("Één", "NEGEN").
fn typed_digit_word(w: &str) -> Option<char> {
    // No digit word is longer than five bytes, "één" included.
    if w.len() > 5 {
        return None;
    }
    let mut buf = [0u8; 5];
    if w.is_ascii() {
        for (b, c) in buf.iter_mut().zip(w.bytes()) {
            *b = c.to_ascii_lowercase();
        }
        return digit_word(std::str::from_utf8(&buf[..w.len()]).ok()?);
    }
    digit_word(&fold(w))
}

/// The folded text with every run of at least six digit words written as digits, when it has
/// one: "BSN negen negen negen negen negen vier zes zes negen" reads "bsn 999994669", a phone
/// number spelled "nul zes - een twee ..." reads "0612...". `None` for a text without such a
/// run, which is nearly every text.
pub fn digit_words(s: &str) -> Option<String> {
    // The common case costs one pass and no copy: no run of digit words as typed.
    let mut run = 0;
    let spelled = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| {
            run = if typed_digit_word(w).is_some() {
                run + 1
            } else {
                0
            };
            run >= SPELLED_RUN
        });
    if !spelled {
        return None;
    }
    let folded = fold(s);
    // The words with their byte spans in `folded`.
    let mut words: Vec<(usize, usize, Option<char>)> = Vec::new();
    let mut start = None;
    for (i, c) in folded.char_indices().chain([(folded.len(), ' ')]) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                words.push((b, i, digit_word(&folded[b..i])));
                start = None;
            }
            _ => {}
        }
    }
    let mut out = String::with_capacity(folded.len());
    let mut copied = 0;
    let mut i = 0;
    while i < words.len() {
        let run = words[i..].iter().take_while(|w| w.2.is_some()).count();
        if run >= SPELLED_RUN {
            let (from, to) = (words[i].0, words[i + run - 1].1);
            out.push_str(&folded[copied..from]);
            out.extend(words[i..i + run].iter().filter_map(|w| w.2));
            copied = to;
        }
        i += run.max(1);
    }
    (copied > 0).then(|| {
        out.push_str(&folded[copied..]);
        out
    })
}

/// The text with character escapes written out, when it has any: HTML's `&#101;` and
/// `&#x65;` and the web's `%65` or `%C3%B6` ("Bakk&#101;r", "Bakk%65r" read "Bakker" to anyone
/// who pastes them into a browser). `None` for a text without one.
pub fn escapes_decoded(s: &str) -> Option<String> {
    if !s.contains("&#") && !s.contains('%') {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    let mut changed = false;
    let mut i = 0;
    while let Some(rest) = s.get(i..).filter(|r| !r.is_empty()) {
        match entity_char(rest).or_else(|| percent_char(rest)) {
            Some((c, used)) => {
                out.push(c);
                i += used;
                changed = true;
            }
            None => {
                let c = rest.chars().next().expect("a non-empty rest");
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    changed.then_some(out)
}

/// `&#101;` or `&#x65;` (the semicolon is optional in practice) at the start of `rest`: the
/// character and the bytes it takes.
fn entity_char(rest: &str) -> Option<(char, usize)> {
    let body = rest.strip_prefix("&#")?;
    let (radix, digits) = match body.strip_prefix(['x', 'X']) {
        Some(h) => (16, h),
        None => (10, body),
    };
    let len = digits.bytes().take_while(|c| c.is_ascii_hexdigit()).count();
    let len = if radix == 10 {
        digits.bytes().take_while(u8::is_ascii_digit).count()
    } else {
        len
    };
    if !(1..=7).contains(&len) {
        return None;
    }
    let c = u32::from_str_radix(&digits[..len], radix)
        .ok()
        .and_then(char::from_u32)?;
    let used = 2 + usize::from(radix == 16) + len;
    Some((
        c,
        used + usize::from(rest.as_bytes().get(used) == Some(&b';')),
    ))
}

/// One character as one to four `%XX` (its UTF-8 bytes) at the start of `rest`.
fn percent_char(rest: &str) -> Option<(char, usize)> {
    let mut bytes = Vec::with_capacity(4);
    let mut at = 0;
    while bytes.len() < 4 {
        let hex = rest.get(at..at + 3).and_then(|h| h.strip_prefix('%'))?;
        bytes.push(u8::from_str_radix(hex, 16).ok()?);
        at += 3;
        if let Ok(t) = std::str::from_utf8(&bytes) {
            return t.chars().next().map(|c| (c, at));
        }
    }
    None
}

/// One character folded for comparison; for callers that work character by character. A
/// character that folds to nothing (an invisible one) gives an empty string.
pub fn fold_char(c: char) -> String {
    let mut buf = [0u8; 4];
    fold(c.encode_utf8(&mut buf))
}

// ---------------------------------------------------------------- the outgoing whitelist

/// Why a character may not go into a bundle. The message names the kind and the position, never
/// the character itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BadCharKind {
    /// Draws nothing: soft hyphen, zero-width characters, direction marks, variation selectors.
    Invisible,
    /// A control character or tab.
    Control,
    /// A digit other than 0-9 (full-width, Arabic-Indic, mathematical …).
    OtherDigit,
    /// A letter of another script than the Latin one, or a styled letter (full-width,
    /// mathematical, circled).
    OtherLetter,
    /// Any other symbol: emoji, arrows, box drawing, private use.
    Symbol,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadChar {
    /// 1-based position in characters, as a person counts them.
    pub position: usize,
    pub kind: BadCharKind,
}

impl BadChar {
    pub fn dutch(&self) -> String {
        let what = match self.kind {
            BadCharKind::Invisible => {
                "een onzichtbaar teken (bijvoorbeeld een zacht afbreekstreepje of een spatie zonder breedte, vaak meegekopieerd uit Word of pdf)"
            }
            BadCharKind::Control => "een tab of ander stuurteken",
            BadCharKind::OtherDigit => "een cijfer dat niet 0-9 is",
            BadCharKind::OtherLetter => "een letter uit een ander schrift of een opgemaakte letter",
            BadCharKind::Symbol => "een symbool dat niet in een bundel mag",
        };
        format!(
            "teken {} is {what}. In tekst die naar corporaties gaat passen alleen letters, cijfers 0-9, spaties en gewone leestekens; typ dit teken opnieuw of haal het weg.",
            self.position
        )
    }
}

/// Latin letters as residents' names use them: the Latin-1 letters, Latin Extended-A and -B
/// (Turkish, Polish, Czech, Romanian …), schwa (Azerbaijani) and Latin Extended Additional
/// (Vietnamese).
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{c0}'..='\u{24f}' | '\u{259}' | '\u{1e00}'..='\u{1eff}')
            && c != '×'
            && c != '÷'
}

/// Punctuation and symbols of ordinary Dutch writing beyond ASCII.
const PUNCTUATION: &str = "\u{a0}‘’‚“”„–—…•·€£°§½¼¾²³«»¿¡±×÷";

fn bad_kind(c: char) -> Option<BadCharKind> {
    if c.is_ascii() {
        return match c {
            '\n' | '\r' => None,
            _ if c.is_ascii_control() => Some(BadCharKind::Control),
            _ => None,
        };
    }
    if is_latin_letter(c) || PUNCTUATION.contains(c) {
        return None;
    }
    Some(if is_invisible(c) {
        BadCharKind::Invisible
    } else if c.is_control() {
        BadCharKind::Control
    } else if c.is_numeric() {
        BadCharKind::OtherDigit
    } else if c.is_alphabetic() || crate::text_table::removed(c) {
        BadCharKind::OtherLetter
    } else {
        BadCharKind::Symbol
    })
}

/// The whitelist for free text that leaves the vault: Latin letters (with the diacritics of
/// Dutch, Turkish, Moroccan-French, Polish and other residents' names), digits 0-9, spaces,
/// line breaks and ordinary punctuation. A combining accent is accepted right after a Latin
/// letter (up to two), as some keyboards type "é" as "e" + accent. The first character outside
/// it is returned with its position.
pub fn outgoing_text(s: &str) -> Result<(), BadChar> {
    let mut marks = 0;
    let mut after_letter = false;
    for (i, c) in s.chars().enumerate() {
        let position = i + 1;
        if ('\u{300}'..='\u{36f}').contains(&c) {
            marks += 1;
            if after_letter && marks <= 2 {
                continue;
            }
            return Err(BadChar {
                position,
                kind: BadCharKind::OtherLetter,
            });
        }
        marks = 0;
        if let Some(kind) = bad_kind(c) {
            return Err(BadChar { position, kind });
        }
        after_letter = is_latin_letter(c);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds() {
        assert_eq!(fold("Ëlise Çelik"), "elise celik");
        assert_eq!(squash("De Vries-Öztürk"), "devriesozturk");
        assert_eq!(
            fold("Yılmaz Ayşe Ştefan Dvořák Łukasz Øster"),
            "yilmaz ayse stefan dvorak lukasz oster"
        );
        assert_eq!(fold("Esme\u{301}e"), "esmee");
        assert_eq!(fold("İlker"), "ilker");
        assert_eq!(squash("Łukasz-Œuvre Straße"), "lukaszoeuvrestrasse");
    }

    #[test]
    fn every_trick_of_the_issue_folds_away() {
        let jansen = [
            "Jan\u{ad}sen",                                           // soft hyphen
            "Jan\u{200b}sen",                                         // zero-width space
            "Jan\u{200d}sen",                                         // zero-width joiner
            "Jan\u{2060}sen",                                         // word joiner
            "Jan\u{feff}sen",                                         // BOM
            "Jan\u{fe0f}sen",                                         // variation selector
            "Jan\u{e0100}sen", // variation selector supplement
            "Jan\u{7}sen",     // control character
            "J\u{430}nsen",    // Cyrillic a
            "Jan\u{455}en",    // Cyrillic s (dze)
            "\u{408}ansen",    // Cyrillic Je
            "Jans\u{435}n",    // Cyrillic ie
            "J\u{3b1}nsen",    // Greek alpha
            "Ｊａｎｓｅｎ",    // full-width
            "\u{1d409}\u{1d41a}\u{1d427}\u{1d42c}\u{1d41e}\u{1d427}", // mathematical bold
            "JANSEN",
            "Ja\u{301}nsen", // decomposed accent
        ];
        for v in jansen {
            assert_eq!(fold(v), "jansen", "{v:?}");
        }
        for bsn in [
            "１２３４５６７８２",
            "\u{661}\u{662}\u{663}\u{664}\u{665}\u{666}\u{667}\u{668}\u{662}",
            "\u{6f1}\u{6f2}\u{6f3}\u{6f4}\u{6f5}\u{6f6}\u{6f7}\u{6f8}\u{6f2}",
            "\u{967}\u{968}\u{969}\u{96a}\u{96b}\u{96c}\u{96d}\u{96e}\u{968}",
            "\u{1d7cf}\u{1d7d0}\u{1d7d1}\u{1d7d2}\u{1d7d3}\u{1d7d4}\u{1d7d5}\u{1d7d6}\u{1d7d0}",
            "1234\u{200b}56782",
        ] {
            assert_eq!(squash(bsn), "123456782", "{bsn:?}");
        }
        for (alike, plain) in [
            ("\u{406}ngrid", "ingrid"), // Cyrillic capital I
            ("\u{4cf}otte", "lotte"),   // Cyrillic palochka
            ("\u{41c}\u{43e}hammed", "mohammed"),
            ("\u{39d}\u{3bf}\u{3bd}ak", "novak"), // Greek
            ("\u{405}mit", "smit"),
        ] {
            assert_eq!(fold(alike), plain, "{alike}");
        }
        assert_eq!(fold("Jan\tsen"), "jan sen");
        assert_eq!(fold("a\u{a0}b\u{202f}c"), "a b c");
    }

    #[test]
    fn ascii_is_left_alone() {
        // The confusables table maps "m" to "rn" and "0" to "O": ASCII must not go through it.
        let s = "Mam 0l1 rn ~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./";
        assert_eq!(normalise(s).text(), s);
        assert_eq!(fold("Mam"), "mam");
    }

    #[test]
    fn ranges_map_back_to_what_was_typed() {
        let typed = "Bel Jan\u{ad}sen op １２";
        let n = normalise(typed);
        assert_eq!(n.text(), "Bel Jansen op 12");
        let at = n.text().find("Jansen").unwrap();
        let (s, e) = n.original_range(at, at + "Jansen".len());
        assert_eq!(&typed[s..e], "Jan\u{ad}sen");
        let at = n.text().find("12").unwrap();
        let (s, e) = n.original_range(at, at + 2);
        assert_eq!(&typed[s..e], "１２");
        let n = normalise("Straße");
        assert_eq!(n.text(), "Strasse");
        assert_eq!(n.original_range(4, 6), (4, 6));
        assert_eq!(n.original_range(6, 7), (6, 7));
    }

    #[test]
    fn digit_table_is_unicode_digits() {
        for z in DIGIT_ZEROS {
            for d in 0..10 {
                let c = char::from_u32(z + d).unwrap();
                assert!(c.is_numeric(), "{:x}", z + d);
                assert_eq!(ascii_digit(c), char::from_digit(d, 10));
            }
        }
        assert_eq!(ascii_digit('a'), None);
        assert_eq!(
            ascii_digit('\u{66a}'),
            None,
            "Arabic percent sign after the digits"
        );
    }

    #[test]
    fn invisible_table() {
        for c in [
            '\u{ad}',
            '\u{200b}',
            '\u{200c}',
            '\u{200d}',
            '\u{2060}',
            '\u{feff}',
            '\u{fe0f}',
            '\u{202e}',
            '\u{2066}',
            '\u{e0041}',
            '\u{180e}',
            '\u{1}',
            '\u{7f}',
            '\u{9f}',
        ] {
            assert!(is_invisible(c), "{:x}", c as u32);
        }
        for c in ['a', ' ', '\n', '\t', 'é', '\u{f0000}', '\u{100000}', '€'] {
            assert!(!is_invisible(c), "{:x}", c as u32);
        }
    }

    #[test]
    fn whitelist_accepts_residents_names_and_refuses_tricks() {
        for ok in [
            "Mevrouw Öztürk-Şahin woont graag in Venlo; € 650,– per maand (± 2 km).",
            "Nguyễn Thị Hương, Łukasz Wałęsa, Dvořák, Ağaoğlu, Ben Ḥaddou, Mammədov",
            "Esme\u{301}e belt om 10:30 — “prima”…\nNieuwe regel.\r\n",
        ] {
            assert_eq!(outgoing_text(ok), Ok(()), "{ok}");
        }
        let cases: &[(&str, usize, BadCharKind)] = &[
            ("Jan\u{ad}sen", 4, BadCharKind::Invisible),
            ("Jan\u{200b}sen", 4, BadCharKind::Invisible),
            ("Jan\tsen", 4, BadCharKind::Control),
            ("J\u{430}nsen", 2, BadCharKind::OtherLetter),
            ("Ｊansen", 1, BadCharKind::OtherLetter),
            ("\u{1d409}ansen", 1, BadCharKind::OtherLetter),
            ("bsn \u{661}23", 5, BadCharKind::OtherDigit),
            ("bsn １23", 5, BadCharKind::OtherDigit),
            ("ok 🙂", 4, BadCharKind::Symbol),
            ("a\u{301}\u{301}\u{301}", 4, BadCharKind::OtherLetter),
            (" \u{301}", 2, BadCharKind::OtherLetter),
        ];
        for (s, position, kind) in cases {
            assert_eq!(
                outgoing_text(s),
                Err(BadChar {
                    position: *position,
                    kind: *kind
                }),
                "{s:?}"
            );
        }
        let message = outgoing_text("Jan\u{ad}sen").unwrap_err().dutch();
        assert!(
            message.starts_with("teken 4 is een onzichtbaar teken"),
            "{message}"
        );
        assert!(!message.contains("Jan"));
    }
}

#[cfg(test)]
mod readings {
    use super::{escapes_decoded, mixed_readings};

    #[test]
    fn spelled_out_numbers_read_as_digits_and_short_counts_stay_words() {
        use super::digit_words;
        assert_eq!(
            digit_words("BSN: negen negen negen negen negen vier zes zes negen.").as_deref(),
            Some("bsn: 999994669.")
        );
        assert_eq!(
            digit_words("Bel Nul-Zes, één twee; drie vier vijf zes zeven acht!").as_deref(),
            Some("bel 0612345678!")
        );
        assert_eq!(
            digit_words("tel zero six one two three four five six").as_deref(),
            Some("tel 06123456")
        );
        // Two runs, each read; the words between stay.
        assert_eq!(
            digit_words("een twee drie vier vijf zes of zes vijf vier drie twee een").as_deref(),
            Some("123456 of 654321")
        );
        for plain in [
            "Een, twee, drie, vier: vier stappen en geen nummer.",
            "Zij woont met een of twee katten en zes planten.",
            "negenennegentig",
            "",
        ] {
            assert_eq!(digit_words(plain), None, "{plain}");
        }
    }

    #[test]
    fn mixed_words_read_both_ways_and_plain_words_not_at_all() {
        assert!(mixed_readings("Een gewone zin met 12 woningen.").is_empty());
        let r = mixed_readings("Mw. B4kk3r, BSN l23456782, 3e verdieping");
        // Every mixed word is read each way; the guard searches all of them.
        assert_eq!(r[0], "mw. bakker, bsn l2eas6tb2, ee verdieping");
        assert_eq!(r[1], "mw. bakker, bsn l2eas6tb2, ee verdieping");
        assert_eq!(mixed_readings("W1llem")[..2], ["willem", "wlllem"]);
        assert_eq!(r[2], "mw. 84kk3r, bsn 123456782, 3e verdieping");
        // Full-width and other digits fold first.
        assert_eq!(mixed_readings("Ｂ４ｋｋ３ｒ")[0], "bakker");
    }

    #[test]
    fn glued_words_are_read_apart() {
        use super::{camel_split, readings};
        assert_eq!(camel_split("Een gewone zin."), None);
        assert_eq!(
            camel_split("mevrouwBakker en BakkerFatima").as_deref(),
            Some("mevrouw Bakker en Bakker Fatima")
        );
        assert_eq!(mixed_readings("Bakker2024")[3], "bakker 2024");
        assert_eq!(mixed_readings("3e verdieping")[3], "3 e verdieping");
        // Every reading at once; none for a plain text.
        assert!(readings("Gesprek over de huur van 650 euro.").is_empty());
        assert!(
            readings("mevrouwB4kk3r")
                .iter()
                .any(|r| r == "mevrouw bakker")
        );
    }

    #[test]
    fn escapes_are_written_out_and_the_rest_is_kept() {
        assert_eq!(escapes_decoded("Geen escape, 50% korting"), None);
        assert_eq!(
            escapes_decoded("Bakk&#101;r, Bakk&#x65;r, Bakk%65r, Bakk&#101r").as_deref(),
            Some("Bakker, Bakker, Bakker, Bakker")
        );
        // Not an escape: a lone ampersand, a percent sign before text, a code point too large.
        assert_eq!(
            escapes_decoded("Zorg & welzijn, 100%zeker, &#99999999;, %G1").as_deref(),
            None
        );
        // A web escape of a letter outside ASCII is its UTF-8 bytes; half of one stays.
        assert_eq!(escapes_decoded("%C3%B6ztürk").as_deref(), Some("öztürk"));
        assert_eq!(escapes_decoded("%C3 en %F6"), None);
    }
}
