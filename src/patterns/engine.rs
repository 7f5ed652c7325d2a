//! The regex engine of the crate: `regex-automata`'s meta regex, built with
//! one configuration for every pattern, behind the small part of the
//! `regex` crate's string API that the extractors use.
//!
//! The `regex` crate is the same engine with a fixed configuration. Ours
//! differs in two settings: no literal prefilter and no full DFA. A
//! prefilter finds the literals a match must start with (SIMD substring
//! search, Teddy, Aho-Corasick) before running the automaton, and a small
//! pattern also gets a fully built DFA; building either costs more than it
//! saves here. The patterns are compiled once per process, most of them run
//! on one line or one sentence at a time, and a case-insensitive Vietnamese
//! word expands to dozens of literals. With neither, a one-notice run of
//! `notice2json` spends 12 % fewer instructions (most of its time is
//! compiling patterns), and a 10 MB corpus takes as many as before (0.2 %
//! fewer). Matching is otherwise the same as `regex::Regex`: leftmost
//! first, Unicode, UTF-8 safe empty matches.

use regex_automata::meta;
use regex_automata::util::captures::Captures as Slots;
use regex_automata::{Input, MatchKind};

/// A compiled pattern.
#[derive(Clone)]
pub(crate) struct Regex {
    meta: meta::Regex,
    /// The pattern as written, for messages.
    pattern: Box<str>,
}

impl std::fmt::Display for Regex {
    /// The pattern as written.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.pattern)
    }
}

impl std::fmt::Debug for Regex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Regex").field(&self.pattern).finish()
    }
}

/// An error from compiling a pattern (a bug in a pattern of the crate).
pub(crate) type Error = Box<meta::BuildError>;

/// One match: where it is in the text searched, and its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Match<'h> {
    haystack: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    fn new(haystack: &'h str, start: usize, end: usize) -> Match<'h> {
        Match { haystack, start, end }
    }

    /// The byte offset where the match starts.
    pub fn start(&self) -> usize {
        self.start
    }

    /// The byte offset where the match ends.
    pub fn end(&self) -> usize {
        self.end
    }

    /// The byte range of the match.
    #[cfg(test)]
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// The matched text.
    pub fn as_str(&self) -> &'h str {
        self.haystack.get(self.start..self.end).unwrap_or_default()
    }
}

/// The groups of one match.
#[derive(Clone, Debug)]
pub(crate) struct Captures<'h> {
    haystack: &'h str,
    slots: Slots,
}

impl<'h> Captures<'h> {
    /// Group `i` (0 is the whole match), if it took part in the match.
    pub fn get(&self, i: usize) -> Option<Match<'h>> {
        self.slots.get_group(i).map(|s| Match::new(self.haystack, s.start, s.end))
    }

    /// The group named `name`, if it took part in the match.
    pub fn name(&self, name: &str) -> Option<Match<'h>> {
        self.slots.get_group_by_name(name).map(|s| Match::new(self.haystack, s.start, s.end))
    }
}

impl Regex {
    /// Compiles `pattern` with the crate's configuration.
    pub fn new(pattern: &str) -> Result<Regex, Error> {
        let config = meta::Config::new()
            .match_kind(MatchKind::LeftmostFirst)
            .utf8_empty(true)
            .nfa_size_limit(Some(10 << 20))
            .hybrid_cache_capacity(2 << 20)
            .auto_prefilter(false)
            .dfa(false);
        let meta = meta::Builder::new().configure(config).build(pattern).map_err(Box::new)?;
        Ok(Regex { meta, pattern: pattern.into() })
    }

    /// Whether the pattern matches anywhere in `haystack`.
    pub fn is_match(&self, haystack: &str) -> bool {
        self.meta.is_match(haystack)
    }

    /// The leftmost-first match in `haystack`.
    pub fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        self.find_at(haystack, 0)
    }

    /// The leftmost-first match in `haystack` at or after `start` (the
    /// text before `start` still counts for look-around such as `^`).
    pub fn find_at<'h>(&self, haystack: &'h str, start: usize) -> Option<Match<'h>> {
        let input = Input::new(haystack).span(start.min(haystack.len())..haystack.len());
        self.meta.search(&input).map(|m| Match::new(haystack, m.start(), m.end()))
    }

    /// Every successive non-overlapping match in `haystack`.
    pub fn find_iter<'r, 'h>(&'r self, haystack: &'h str) -> impl Iterator<Item = Match<'h>> + use<'r, 'h> {
        self.meta.find_iter(haystack).map(move |m| Match::new(haystack, m.start(), m.end()))
    }

    /// The groups of the leftmost-first match in `haystack`.
    pub fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        self.captures_at(haystack, 0)
    }

    /// The groups of the leftmost-first match in `haystack` at or after
    /// `start`.
    pub fn captures_at<'h>(&self, haystack: &'h str, start: usize) -> Option<Captures<'h>> {
        let input = Input::new(haystack).span(start.min(haystack.len())..haystack.len());
        let mut slots = self.meta.create_captures();
        self.meta.search_captures(&input, &mut slots);
        slots.is_match().then_some(Captures { haystack, slots })
    }

    /// The groups of every successive non-overlapping match in `haystack`.
    pub fn captures_iter<'r, 'h>(&'r self, haystack: &'h str) -> impl Iterator<Item = Captures<'h>> + use<'r, 'h> {
        self.meta.captures_iter(haystack).map(move |slots| Captures { haystack, slots })
    }

    /// The number of groups, the whole match included.
    #[cfg(test)]
    pub fn captures_len(&self) -> usize {
        self.meta.group_info().group_len(regex_automata::PatternID::ZERO)
    }

    /// The names of the groups in order (`None` for an unnamed group).
    #[cfg(test)]
    pub fn capture_names(&self) -> impl Iterator<Item = Option<&str>> {
        self.meta.group_info().pattern_names(regex_automata::PatternID::ZERO)
    }

    /// `haystack` with every match replaced by `with`, taken literally.
    pub fn replace_all<'h>(&self, haystack: &'h str, with: &str) -> std::borrow::Cow<'h, str> {
        let mut matches = self.find_iter(haystack).peekable();
        if matches.peek().is_none() {
            return std::borrow::Cow::Borrowed(haystack);
        }
        let mut out = String::with_capacity(haystack.len());
        let mut last = 0;
        for m in matches {
            out.push_str(haystack.get(last..m.start()).unwrap_or_default());
            out.push_str(with);
            last = m.end();
        }
        out.push_str(haystack.get(last..).unwrap_or_default());
        std::borrow::Cow::Owned(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same answers as the `regex` crate, on patterns and texts that
    /// use each part of the API.
    #[test]
    fn answers_as_the_regex_crate() {
        let patterns = [
            r"(?i)trước\s+ngày\s+(?P<d>[0-9]{1,2})/(?P<m>[0-9]{1,2})",
            r"^\s*(?:[IVX]+|[0-9]+)[.)]\s+",
            r"\b",
            r"",
            r"x*",
            r"(?P<a>a)|(?P<b>b)",
            r"[^\s,]+",
            r"ngày\s",
        ];
        let texts = [
            "",
            "Hoàn thành trước ngày 7/2/2024; TRƯỚC NGÀY 15/3",
            "  II. Nhiệm vụ",
            "aé b, c\u{A0}đ",
            "ngày ngày\tngày",
            "xxaxb",
        ];
        for p in patterns {
            let ours = Regex::new(p).expect("compiles");
            let theirs = regex::Regex::new(p).expect("compiles");
            for t in texts {
                assert_eq!(ours.is_match(t), theirs.is_match(t), "{p} on {t:?}");
                let o: Vec<_> = ours.find_iter(t).map(|m| (m.range(), m.as_str())).collect();
                let e: Vec<_> = theirs.find_iter(t).map(|m| (m.range(), m.as_str())).collect();
                assert_eq!(o, e, "{p} on {t:?}");
                for at in 0..=t.len() {
                    if t.is_char_boundary(at) {
                        let o = ours.find_at(t, at).map(|m| m.range());
                        assert_eq!(o, theirs.find_at(t, at).map(|m| m.range()), "{p} on {t:?} at {at}");
                        let o = ours.captures_at(t, at).and_then(|c| c.get(0)).map(|m| m.range());
                        let e = theirs.captures_at(t, at).and_then(|c| c.get(0)).map(|m| m.range());
                        assert_eq!(o, e, "{p} on {t:?} at {at}");
                    }
                }
                let names: Vec<_> = theirs.capture_names().collect();
                assert_eq!(ours.capture_names().collect::<Vec<_>>(), names, "{p}");
                assert_eq!(ours.captures_len(), theirs.captures_len(), "{p}");
                let o: Vec<Vec<_>> = ours
                    .captures_iter(t)
                    .map(|c| (0..names.len()).map(|i| c.get(i).map(|m| m.as_str())).collect())
                    .collect();
                let e: Vec<Vec<_>> = theirs
                    .captures_iter(t)
                    .map(|c| (0..names.len()).map(|i| c.get(i).map(|m| m.as_str())).collect())
                    .collect();
                assert_eq!(o, e, "{p} on {t:?}");
                for name in names.iter().flatten() {
                    let o = ours.captures(t).and_then(|c| c.name(name)).map(|m| m.range());
                    let e = theirs.captures(t).and_then(|c| c.name(name)).map(|m| m.range());
                    assert_eq!(o, e, "{p} on {t:?} group {name}");
                }
                assert_eq!(ours.replace_all(t, "·"), theirs.replace_all(t, "·"), "{p} on {t:?}");
            }
        }
    }

    #[test]
    fn a_broken_pattern_is_an_error() {
        assert!(Regex::new("(").is_err());
    }
}
