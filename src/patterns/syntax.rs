//! The crate's patterns read straight into the regex engine's syntax tree
//! ([`Hir`]), without `regex-syntax`'s parser.
//!
//! `regex-syntax` reads a pattern in two passes: into an abstract syntax
//! tree that keeps every character's place (a heap node each), then into
//! [`Hir`]. For the crate's patterns, long alternations of phrases, the two
//! passes and the freeing of the first tree cost a one-notice run of
//! `notice2json` about a quarter of its instructions. [`parse`] reads the
//! part of the syntax the crate writes (literals, escaped punctuation,
//! classes of characters and ranges, groups, named groups, repetitions,
//! `^`, `$`, `.`, `\b`, `(?i)` at the start, `(?i:…)` and `(?-u:\b)`) in
//! one pass, building the [`Hir`] with the same
//! constructors and in the same order as `regex-syntax`'s translator, so
//! that both give the same tree (the tests compare them on every pattern
//! of the crate and on generated ones). Anything else, an error included,
//! is left to `regex-syntax`.

use regex_syntax::hir::{Capture, Class, ClassUnicode, ClassUnicodeRange, Dot, Hir, Look, Repetition};

/// How deep groups may nest before [`quick`] leaves a pattern to
/// `regex-syntax` (whose own limit is 250).
const MAX_DEPTH: usize = 64;

/// `pattern` as `regex-syntax`'s parser with its default settings reads it
/// (Unicode, UTF-8): read here when it keeps to the crate's syntax, by
/// `regex-syntax` otherwise.
pub(crate) fn parse(pattern: &str) -> Result<Hir, super::engine::Error> {
    match quick(pattern) {
        Some(hir) => Ok(hir),
        None => Ok(regex_syntax::ParserBuilder::new().build().parse(pattern)?),
    }
}

/// `pattern` read in one pass, or `None` when it leaves the crate's syntax
/// or holds an error.
pub(crate) fn quick(pattern: &str) -> Option<Hir> {
    // `(?i)` at the start: the whole pattern without case.
    let (caseless, rest) = match pattern.strip_prefix("(?i)") {
        Some(rest) => (true, rest),
        None => (false, pattern),
    };
    let mut reader = Reader { rest, caseless, captures: 0, names: Vec::new(), depth: 0 };
    let hir = reader.alternation()?;
    // A `)` without its `(` stops the top alternation early.
    reader.rest.is_empty().then_some(hir)
}

/// The reader's place in the pattern.
struct Reader<'p> {
    /// What is left to read.
    rest: &'p str,
    /// Whether letters match in either case (`(?i)`).
    caseless: bool,
    /// The capturing groups opened so far (a group's index is its count).
    captures: u32,
    /// The names of the named groups so far (a name may not repeat).
    names: Vec<&'p str>,
    /// How many groups are open.
    depth: usize,
}

/// The items of one branch, read so far.
#[derive(Default)]
struct Branch {
    /// The items before `literal`.
    items: Vec<Hir>,
    /// The characters read since the last item, not yet an item: a run of
    /// characters is one literal, as `regex-syntax` makes it.
    literal: String,
}

impl Branch {
    /// Adds the character `c`: to the pending characters, or, when
    /// `caseless` and `c` has other cases, as the class of its cases (what
    /// `regex-syntax` makes of a letter under `(?i)`).
    fn char(&mut self, c: char, caseless: bool) {
        if caseless {
            let mut class = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
            class.case_fold_simple();
            if class.ranges() != [ClassUnicodeRange::new(c, c)] {
                self.push(Hir::class(Class::Unicode(class)));
                return;
            }
        }
        self.literal.push(c);
    }

    /// Makes the pending characters an item.
    fn flush(&mut self) {
        if !self.literal.is_empty() {
            let lit = std::mem::take(&mut self.literal);
            self.items.push(Hir::literal(lit.into_bytes()));
        }
    }

    /// Adds an item.
    fn push(&mut self, hir: Hir) {
        self.flush();
        self.items.push(hir);
    }

    /// The last item, taken out to be repeated: the last character of a
    /// run, or the last item (a repetition too: `a**` repeats `a*`).
    /// `None` when there is nothing to repeat.
    fn take_last(&mut self) -> Option<Hir> {
        if let Some(c) = self.literal.pop() {
            let mut buf = [0; 4];
            let hir = Hir::literal(c.encode_utf8(&mut buf).as_bytes());
            self.flush();
            return Some(hir);
        }
        self.items.pop()
    }

    /// The branch as one expression ([`Hir::concat`] drops the empty
    /// items, as `regex-syntax`'s translator does).
    fn finish(mut self) -> Hir {
        self.flush();
        Hir::concat(self.items)
    }
}

impl<'p> Reader<'p> {
    /// The next character, consumed.
    fn next(&mut self) -> Option<char> {
        let mut chars = self.rest.chars();
        let c = chars.next()?;
        self.rest = chars.as_str();
        Some(c)
    }

    /// The next character, not consumed.
    fn peek(&self) -> Option<char> {
        self.rest.chars().next()
    }

    /// Consumes `prefix` if the rest starts with it.
    fn eat(&mut self, prefix: &str) -> bool {
        match self.rest.strip_prefix(prefix) {
            Some(rest) => {
                self.rest = rest;
                true
            }
            None => false,
        }
    }

    /// Branches up to the end or a `)` (not consumed).
    fn alternation(&mut self) -> Option<Hir> {
        let mut branches: Vec<Hir> = Vec::new();
        let mut branch = Branch::default();
        while let Some(c) = self.peek() {
            match c {
                ')' => break,
                '|' => {
                    self.next();
                    branches.push(std::mem::take(&mut branch).finish());
                }
                '(' => {
                    self.next();
                    // The crate's one flag group: an ASCII word boundary.
                    if self.eat(r"?-u:\b)") {
                        branch.push(Hir::look(Look::WordAscii));
                        continue;
                    }
                    let group = self.group()?;
                    branch.push(group);
                }
                '[' => {
                    self.next();
                    let class = self.class()?;
                    branch.push(class);
                }
                '*' | '+' | '?' | '{' => {
                    self.next();
                    let (min, max) = match c {
                        '*' => (0, None),
                        '+' => (1, None),
                        '?' => (0, Some(1)),
                        _ => self.counted()?,
                    };
                    let greedy = !self.eat("?");
                    let sub = Box::new(branch.take_last()?);
                    branch.push(Hir::repetition(Repetition { min, max, greedy, sub }));
                }
                '\\' => {
                    self.next();
                    match self.next()? {
                        'b' => branch.push(Hir::look(Look::WordUnicode)),
                        'B' => branch.push(Hir::look(Look::WordUnicodeNegate)),
                        't' => branch.char('\t', self.caseless),
                        'n' => branch.char('\n', self.caseless),
                        'r' => branch.char('\r', self.caseless),
                        e if regex_syntax::is_escapeable_character(e) && !e.is_ascii_alphanumeric() => {
                            branch.char(e, self.caseless);
                        }
                        _ => return None,
                    }
                }
                '^' | '$' | '.' => {
                    self.next();
                    branch.push(match c {
                        '^' => Hir::look(Look::Start),
                        '$' => Hir::look(Look::End),
                        _ => Hir::dot(Dot::AnyCharExceptLF),
                    });
                }
                // Closing brackets alone are literals in `regex-syntax`
                // too; anything else that is special there is left to it.
                _ if c.is_whitespace() && c != ' ' => return None,
                _ => {
                    self.next();
                    branch.char(c, self.caseless);
                }
            }
        }
        let last = branch.finish();
        if branches.is_empty() {
            return Some(last);
        }
        branches.push(last);
        Some(Hir::alternation(branches))
    }

    /// A group, after its `(`, through its `)`.
    fn group(&mut self) -> Option<Hir> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        // `(?i:…)`: the group without case.
        let caseless = self.caseless;
        let name = if self.eat("?:") {
            None
        } else if self.eat("?i:") {
            self.caseless = true;
            None
        } else if self.eat("?P<") || self.eat("?<") {
            let end = self.rest.find('>')?;
            let name = self.rest.get(..end)?;
            let mut chars = name.chars();
            let first_ok = chars.next().is_some_and(|c| c == '_' || c.is_ascii_alphabetic());
            if !first_ok || !chars.all(|c| c == '_' || c.is_ascii_alphanumeric()) || self.names.contains(&name) {
                return None;
            }
            self.names.push(name);
            self.rest = self.rest.get(end + 1..)?;
            Some(name)
        } else if self.peek() == Some('?') {
            // Flags and other group syntax.
            return None;
        } else {
            Some("")
        };
        let index = if name.is_some() {
            self.captures += 1;
            Some(self.captures)
        } else {
            None
        };
        let sub = self.alternation()?;
        if !self.eat(")") {
            return None;
        }
        self.depth -= 1;
        self.caseless = caseless;
        Some(match (index, name) {
            (Some(index), Some(name)) => {
                let name = (!name.is_empty()).then(|| Box::from(name));
                Hir::capture(Capture { index, name, sub: Box::new(sub) })
            }
            _ => sub,
        })
    }

    /// The bounds of a counted repetition, after its `{`, through its `}`.
    fn counted(&mut self) -> Option<(u32, Option<u32>)> {
        let end = self.rest.find('}')?;
        let body = self.rest.get(..end)?;
        self.rest = self.rest.get(end + 1..)?;
        let number = |s: &str| -> Option<u32> {
            if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            s.parse().ok().filter(|&n| n <= 1000)
        };
        let (min, max) = match body.split_once(',') {
            None => {
                let n = number(body)?;
                (n, Some(n))
            }
            Some((min, "")) => (number(min)?, None),
            Some((min, max)) => (number(min)?, Some(number(max)?)),
        };
        if max.is_some_and(|m| m < min) {
            return None;
        }
        Some((min, max))
    }

    /// A bracketed class, after its `[`, through its `]`.
    fn class(&mut self) -> Option<Hir> {
        let negated = self.eat("^");
        let mut class = ClassUnicode::empty();
        let mut first = true;
        loop {
            let c = self.next()?;
            let start = match c {
                ']' if !first => break,
                // A `]` first is a character, and starts no range.
                ']' => {
                    first = false;
                    class.push(ClassUnicodeRange::new(c, c));
                    continue;
                }
                '[' => return None,
                '\\' => self.class_escape()?,
                // Set operations (`&&`, `--`, `~~`) are left to regex-syntax.
                '&' | '-' | '~' if self.peek() == Some(c) => return None,
                _ => c,
            };
            first = false;
            // A range, unless the `-` ends the class; `--` after a
            // character is a set difference, left to regex-syntax.
            if self.rest.starts_with("--") {
                return None;
            }
            let end = if self.peek() == Some('-') && !self.rest.starts_with("-]") {
                self.next();
                match self.next()? {
                    '\\' => self.class_escape()?,
                    '[' => return None,
                    e => e,
                }
            } else {
                start
            };
            if end < start {
                return None;
            }
            class.push(ClassUnicodeRange::new(start, end));
        }
        if self.caseless {
            class.case_fold_simple();
        }
        if negated {
            class.negate();
        }
        Some(Hir::class(Class::Unicode(class)))
    }

    /// The character of an escape inside a class, after its `\`.
    fn class_escape(&mut self) -> Option<char> {
        match self.next()? {
            't' => Some('\t'),
            'n' => Some('\n'),
            'r' => Some('\r'),
            e if regex_syntax::is_escapeable_character(e) && !e.is_ascii_alphanumeric() => Some(e),
            _ => None,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Every pattern of the crate compiled in this test process, as the
    /// engine was given it (narrowed, lowered).
    pub(crate) static SEEN: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

    /// The same patterns as written, before `patterns::narrow`.
    pub(crate) static WRITTEN: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

    #[test]
    fn reads_every_pattern_of_the_crate_as_regex_syntax_does() {
        crate::warm_up();
        let seen = SEEN.lock().map(|p| p.clone()).unwrap_or_default();
        assert!(seen.len() >= 40, "only {} patterns", seen.len());
        let left: Vec<&String> = seen.iter().filter(|p| !agrees(p)).collect();
        assert!(left.is_empty(), "left to regex-syntax: {left:#?}");
    }

    /// What `regex-syntax` reads `pattern` as.
    fn reference(pattern: &str) -> Option<Hir> {
        regex_syntax::ParserBuilder::new().build().parse(pattern).ok()
    }

    /// Checks that [`quick`] reads `pattern` as `regex-syntax` does, or
    /// leaves it to it; `true` when it read it.
    pub(crate) fn agrees(pattern: &str) -> bool {
        let ours = quick(pattern);
        if let Some(ours) = &ours {
            assert_eq!(Some(ours), reference(pattern).as_ref(), "{pattern}");
        }
        ours.is_some()
    }

    #[test]
    fn reads_the_crate_syntax_as_regex_syntax_does() {
        let read = [
            "abc",
            "a+b*c?",
            "ab+",
            "a+?b{2}c{1,3}d{2,}?",
            "(?:ab|cd)+x",
            "(?:)a",
            "a(?:)b",
            "(?:a|)",
            "(?:|a)",
            "|",
            "",
            "(?P<n>a)(b)(?<m>c|d)",
            r"^[\t-\r ]*[^\t-\r ]$",
            r"[a-z0-9.&/\-]+",
            "[^a-c,.;:()]",
            "[]a]",
            "[-a]",
            "[a-]",
            "[^-]",
            r"\(?\.\*\/\,",
            r"\bvà\b",
            ".+",
            "giờ|h",
            "[à-ỹ]x",
            "a{0}",
            "(?:a{2}){3}",
            "a**",
            "a+?+",
            "a{2}{3}",
            "(?:)*",
            "^*",
            "x]}",
            "[ \t-\r]",
            "(?i)kết luận",
            "x(?i:các|Đ[a-c])y",
            "(?i)^[^a-cđ]+x|Ư[ĐƠ]",
            r"(?-u:\b)(?:gửi|nộp)(?-u:\b)",
        ];
        for p in read {
            assert!(agrees(p), "left to regex-syntax: {p}");
        }
        let left = [
            "a(?i)b", "(?u:\\b)", "(?-u:a)", r"\d", r"\s", r"\p{L}", "*a", "(a", "a)", "[a", "[a[b]]", "[a&&b]",
            "[a--b]", "a{", "a{2,1}", r"\x41", r"\u{41}", "[z-a]", "(?P<1>a)", "a{,2}", r"\<", "(?P<a",
        ];
        for p in left {
            assert!(!agrees(p), "read here: {p}");
        }
    }

    proptest::proptest! {
        // Two differences (a leading `]` followed by `-`, and `--` after a
        // character) took tens of thousands of cases to turn up.
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]

        /// Patterns made of the syntax's pieces (and of pieces outside it):
        /// every one that [`quick`] reads, it reads as `regex-syntax` does.
        #[test]
        fn made_patterns_read_alike(pieces in proptest::collection::vec(proptest::sample::select(vec![
            "a", "b", "ư", "ờ", "Đ", "K", " ", r"(?-u:\b)", "(?i:", "|", "(", ")", "(?:", "(?P<g>", "[", "]", "^", "-", "[^", "*", "+", "?",
            "{2}", "{1,3}", "{0,}", r"\s", r"\.", r"\-", "$", ".", r"\b", "a-z", "0-9", ",", ")+", ")?",
            "&", "~", "&&", "~~", "{", "}", "{,2}", "{0}", "#", r"\", r"\t", r"\(", r"\&", "(?<h>", "[]", "[^]",
            r"\B", "ẞ", "ß", "İ",
        ]), 0..14), caseless in proptest::bool::ANY) {
            let pattern = format!("{}{}", if caseless { "(?i)" } else { "" }, pieces.concat());
            agrees(&pattern);
        }
    }
}
