//! Text folding shared by the scanner, the leak guard and name matching.

/// Maps a lowercase Latin letter with a diacritic to its base letter; other characters unchanged.
pub fn fold_diacritic(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ñ' | 'ń' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ł' => 'l',
        'ß' => 's',
        _ => c,
    }
}

/// Lowercases and removes diacritics, keeping every other character (and so the char count
/// of letters; `ß` becomes one `s`).
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(fold_diacritic)
        .collect()
}

/// Lowercase alphanumerics only, diacritics removed: "06-12 34 56.78" → "0612345678".
pub fn squash(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(fold_diacritic)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds() {
        assert_eq!(fold("Ëlise Çelik"), "elise celik");
        assert_eq!(squash("De Vries-Öztürk"), "devriesozturk");
    }
}
