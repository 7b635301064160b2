//! A simple passphrase strength meter: length first, then variety, then known weak patterns.
//!
//! Deliberately simple and predictable, so the Dutch hint can say exactly what to improve. The
//! real protection is the slow key derivation; this only steers people away from the guesses an
//! attacker with a copied `localStorage` would try first.

/// Shortest passphrase [`super::create`] accepts, counted in characters (not bytes).
pub const MIN_PASSPHRASE_CHARS: usize = 12;

/// Score 0 (very weak) to 4 (strong) with a Dutch hint. The hint never repeats the passphrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Strength {
    pub score: u8,
    pub hint: &'static str,
    /// Whether [`super::create`] accepts it: at least [`MIN_PASSPHRASE_CHARS`] characters and
    /// not score 0 (a twelve-character "aaaaaaaaaaaa" or "wachtwoord12" is refused too).
    pub acceptable: bool,
}

/// Words that guessing lists try first; matched inside the lower-cased passphrase.
const COMMON: &[&str] = &[
    "wachtwoord",
    "password",
    "passwort",
    "paswoord",
    "welkom",
    "welcome",
    "geheim",
    "secret",
    "woonkans",
    "qwerty",
    "azerty",
    "asdf",
    "zxcv",
    "letmein",
    "iloveyou",
    "ikhouvanjou",
    "admin",
    "gemeente",
    "limburg",
    "venlo",
    "roermond",
    "weert",
    "venray",
    "voorjaar",
    "zomer",
    "winter",
    "herfst",
    "lente",
    "januari",
    "december",
    "maandag",
    "vrijdag",
    "ajax",
    "feyenoord",
    "monkey",
    "dragon",
    "abc123",
];

/// Characters that add guessing work: the passphrase without known words, and without the
/// fourth and later characters of a run in constant steps ("aaaa", "1234", "dcba").
fn effective_chars(folded: &str) -> Vec<char> {
    let mut rest = folded.to_owned();
    for word in COMMON {
        rest = rest.replace(word, "");
    }
    let chars: Vec<char> = rest.chars().collect();
    let step = |i: usize| i64::from(u32::from(chars[i])) - i64::from(u32::from(chars[i - 1]));
    chars
        .iter()
        .enumerate()
        .filter(|&(i, _)| {
            i < 3 || !(step(i).abs() <= 1 && step(i) == step(i - 1) && step(i) == step(i - 2))
        })
        .map(|(_, &c)| c)
        .collect()
}

fn length_score(n: usize) -> i32 {
    match n {
        0..=7 => 0,
        8..=11 => 1,
        12..=15 => 2,
        16..=19 => 3,
        _ => 4,
    }
}

/// Rates a passphrase. Pure: no storage, no logging.
pub fn passphrase_strength(p: &str) -> Strength {
    let n = p.chars().count();
    let folded: String = p.chars().flat_map(char::to_lowercase).collect();
    let effective = effective_chars(&folded);

    let classes = [
        p.chars().any(char::is_lowercase),
        p.chars().any(char::is_uppercase),
        p.chars().any(char::is_numeric),
        p.chars().any(|c| !c.is_alphanumeric()),
    ]
    .iter()
    .filter(|&&b| b)
    .count();
    let mut distinct: Vec<char> = folded.chars().collect();
    distinct.sort_unstable();
    distinct.dedup();

    let common = effective.len() < folded.chars().count();
    let few_distinct = distinct.len() < 6;
    let repetitive = distinct.len() * 3 < n;

    let mut score = length_score(effective.len());
    if classes >= 3 && effective.len() >= MIN_PASSPHRASE_CHARS {
        score += 1;
    }
    if repetitive {
        score -= 2;
    }
    if few_distinct {
        score = 0;
    }
    if n < MIN_PASSPHRASE_CHARS {
        score = score.min(1);
    }
    let score = score.clamp(0, 4) as u8;

    let hint = if n < MIN_PASSPHRASE_CHARS {
        "Te kort: gebruik minstens 12 tekens. Een zin van vier of vijf woorden is sterk en goed te onthouden."
    } else if score <= 2 && common {
        "Vermijd bekende woorden en reeksen, zoals 'wachtwoord', 'welkom' of '1234'."
    } else if score <= 2 && (few_distinct || repetitive) {
        "Gebruik meer verschillende tekens; vermijd herhalingen."
    } else {
        match score {
            0..=2 => "Redelijk. Langer is sterker: voeg nog een woord toe.",
            3 => "Goed.",
            _ => "Sterk.",
        }
    };
    Strength {
        score,
        hint,
        acceptable: n >= MIN_PASSPHRASE_CHARS && score > 0,
    }
}
