//! A small tokenizer: runs of letters, runs of ASCII digits, runs of white space, and single
//! other characters, each with its byte range. Letters include combining marks, so a name typed
//! with a decomposed "e + ¨" stays one word.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    Num,
    Space,
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// For `Space`: whether it holds a line break (a note's line is a unit of meaning).
    pub newline: bool,
}

pub(super) struct Tokens<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    /// The folded form of each `Word` token (empty for the others).
    pub folded: Vec<String>,
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || is_combining(c)
}

/// The comparison form of a word (`text::fold`: case, diacritics, look-alikes and invisible
/// characters folded), with the typographic apostrophe as a plain one ("’s" = "'s").
pub(super) fn fold_word(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    crate::text::fold(s).replace('’', "'")
}

impl<'a> Tokens<'a> {
    pub fn new(text: &'a str) -> Tokens<'a> {
        let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 3 + 1);
        let mut folded: Vec<String> = Vec::with_capacity(text.len() / 3 + 1);
        let mut iter = text.char_indices().peekable();
        while let Some((start, c)) = iter.next() {
            let mut end = start + c.len_utf8();
            let mut newline = false;
            let kind = if is_word_char(c) {
                while let Some(&(i, n)) = iter.peek() {
                    if !is_word_char(n) {
                        break;
                    }
                    end = i + n.len_utf8();
                    iter.next();
                }
                Kind::Word
            } else if c.is_ascii_digit() {
                while let Some(&(i, n)) = iter.peek() {
                    if !n.is_ascii_digit() {
                        break;
                    }
                    end = i + n.len_utf8();
                    iter.next();
                }
                Kind::Num
            } else if c.is_whitespace() {
                newline = c == '\n' || c == '\r';
                while let Some(&(i, n)) = iter.peek() {
                    if !n.is_whitespace() {
                        break;
                    }
                    newline |= n == '\n' || n == '\r';
                    end = i + n.len_utf8();
                    iter.next();
                }
                Kind::Space
            } else {
                Kind::Punct
            };
            folded.push(if kind == Kind::Word {
                fold_word(&text[start..end])
            } else {
                String::new()
            });
            toks.push(Tok {
                kind,
                start,
                end,
                newline,
            });
        }
        Tokens { text, toks, folded }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub fn raw(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => self.text.get(t.start..t.end).unwrap_or(""),
            None => "",
        }
    }

    /// The folded word at `i`, or None when `i` is not a word.
    pub fn word(&self, i: usize) -> Option<&str> {
        match self.kind(i) {
            Some(Kind::Word) => self.folded.get(i).map(String::as_str),
            _ => None,
        }
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(Kind::Punct) && self.raw(i).starts_with(c)
    }

    /// White space within one line.
    pub fn is_inline_space(&self, i: usize) -> bool {
        matches!(self.toks.get(i), Some(t) if t.kind == Kind::Space && !t.newline)
    }

    /// First letter uppercase.
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
            && self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is_all_caps(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word) && self.raw(i).chars().all(|c| !c.is_lowercase())
    }

    /// Whether the word at `i` opens a sentence or a line: nothing before it but white space
    /// after a full stop, question or exclamation mark, colon, bullet or line break.
    pub fn is_sentence_initial(&self, i: usize) -> bool {
        let mut j = i;
        while j > 0 {
            j -= 1;
            let t = self.toks[j];
            match t.kind {
                Kind::Space if t.newline => return true,
                Kind::Space => {}
                Kind::Punct => {
                    return matches!(
                        self.raw(j),
                        "." | "!" | "?" | ":" | ";" | "•" | "*" | "(" | "\"" | "“" | "'" | "‘"
                    ) || (self.raw(j) == "-" && j > 0 && self.toks[j - 1].newline);
                }
                _ => return false,
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_and_marks() {
        let t = Tokens::new("Noe\u{308}l, 06-12 ÖZTÜRK\n");
        let kinds: Vec<Kind> = t.toks.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Word,
                Kind::Punct,
                Kind::Space,
                Kind::Num,
                Kind::Punct,
                Kind::Num,
                Kind::Space,
                Kind::Word,
                Kind::Space
            ]
        );
        assert_eq!(t.word(0), Some("noel"));
        assert_eq!(t.word(7), Some("ozturk"));
        assert!(t.toks[8].newline);
        assert!(t.is_sentence_initial(0));
        assert!(!t.is_sentence_initial(7));
    }

    #[test]
    fn folds_turkish_letters() {
        assert_eq!(fold_word("Şahin Yıldız"), "sahin yildiz");
    }
}
