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
//! first, Unicode, UTF-8 safe empty matches. The search caches differ too:
//! the threads share them (one per two cores) instead of one per thread;
//! see [`Caches`].
//!
//! A pattern that is only asked whether it matches is a [`Matcher`]: the
//! forward half of the same engine.

use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::captures::Captures as Slots;
use regex_automata::util::iter::Searcher;
use regex_automata::{Anchored, Input, MatchKind, hybrid, meta};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError, TryLockError};

/// The search caches of one pattern, shared by the threads in turn.
///
/// A search holds a cache while it runs (microseconds; no search calls
/// back into code that could search again). The regex crate keeps a cache
/// per thread instead, and a program parsing on two threads so held two
/// sets of lazy-DFA states for every pattern: 2 MiB more than one thread
/// on the bench corpus, for searches that seldom meet. Here there is one
/// cache for every two cores: a search takes the first that is free, and
/// when none is, waits for one (on two threads over the bench inputs, a
/// few hundred waits in a second of work). The first cache is made with
/// the pattern ([`Caches::with_first`]), beside what compiling it left in
/// memory: made at the first search instead, the caches of one thread took
/// about 100 KiB more of its peak memory.
struct Caches<T> {
    slots: Box<[Mutex<Option<Box<T>>>]>,
}

impl<T> Default for Caches<T> {
    fn default() -> Caches<T> {
        static SLOTS: OnceLock<usize> = OnceLock::new();
        let n = *SLOTS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get().div_ceil(2)));
        Caches { slots: (0..n).map(|_| Mutex::new(None)).collect() }
    }
}

impl<T> Caches<T> {
    /// Caches whose first slot holds `first` already.
    fn with_first(first: T) -> Caches<T> {
        let caches = Caches::default();
        if let Some(slot) = caches.slots.first() {
            *slot.lock().unwrap_or_else(PoisonError::into_inner) = Some(Box::new(first));
        }
        caches
    }

    /// Runs `search` with a cache, made by `create` if the slot it takes
    /// has none yet.
    fn with<R>(&self, create: impl FnOnce() -> T, search: impl FnOnce(&mut T) -> R) -> R {
        let mut held = self.slots.iter().find_map(|slot| match slot.try_lock() {
            Ok(held) => Some(held),
            // A search that panicked left its cache as valid as any other.
            Err(TryLockError::Poisoned(p)) => Some(p.into_inner()),
            Err(TryLockError::WouldBlock) => None,
        });
        if held.is_none() {
            held = self
                .slots
                .get(waiting_slot(self.slots.len()))
                .map(|s| s.lock().unwrap_or_else(PoisonError::into_inner));
        }
        match held {
            Some(mut held) => search(held.get_or_insert_with(|| Box::new(create()))),
            None => search(&mut create()),
        }
    }
}

/// The slot that this thread waits for when every slot of a pattern is
/// taken: threads spread over the slots.
fn waiting_slot(slots: usize) -> usize {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    thread_local! {
        static OWN: usize = NEXT.fetch_add(1, Ordering::Relaxed);
    }
    OWN.with(|own| own % slots.max(1))
}

/// A compiled pattern.
///
/// It starts without a lazy DFA: the one-pass DFA, the bounded
/// backtracker or the PikeVM answer, with no reverse automaton to compile
/// and no DFA states to build. Once the pattern has searched
/// [`FAST_AFTER`] bytes, an engine with a lazy DFA (forward and reverse) is
/// compiled, answers from then on, and the first engine is dropped: one
/// notice builds it only for the patterns it searches most. Once the
/// process has parsed [`BATCH_AFTER`] bytes of text (a directory of
/// notices, or one long notice), every pattern answers with it, and a
/// pattern compiled after that is compiled with it only. Both engines give
/// the same matches (the leftmost-first semantics of the regex crate).
pub(crate) struct Regex {
    /// Without a lazy DFA; `None` once `fast` answers (a search that took
    /// it before keeps its own handle).
    first: Mutex<Option<Arc<Engine>>>,
    /// With one, once built.
    fast: OnceLock<Arc<Engine>>,
    /// The bytes searched by `first` so far.
    searched: AtomicUsize,
    /// The bytes to search before the lazy DFA ([`FAST_AFTER`]), and the
    /// text for the process to parse before it ([`BATCH_AFTER`]); the tests
    /// set others.
    fast_after: usize,
    batch_after: usize,
    /// The pattern as written, for messages.
    pattern: Box<str>,
}

/// The text parsed by this process so far (see [`expect_text`]).
static PARSED: AtomicUsize = AtomicUsize::new(0);

/// The text a process parses before every pattern searches with its lazy
/// DFA at once, and a pattern compiled after that is compiled with it
/// only: a directory of notices or one long notice, where the lazy DFA
/// pays for itself and compiling a pattern twice would not.
const BATCH_AFTER: usize = 16 << 10;

/// Counts `len` bytes of text about to be parsed (see [`BATCH_AFTER`]).
pub(crate) fn expect_text(len: usize) {
    PARSED.fetch_add(len, Ordering::Relaxed);
}

/// Whether this process has parsed `after` bytes of text.
fn parsed(after: usize) -> bool {
    PARSED.load(Ordering::Relaxed) >= after
}

/// The bytes a [`Regex`] searches before it builds its lazy DFA. Without
/// it, a search costs about the size of the pattern's automaton per byte;
/// with it, the reverse automaton and the DFA states cost more than most
/// patterns' searches in one notice. At 2 KiB, the seed notice takes 6 %
/// fewer instructions than with the lazy DFA from the start, and the bench
/// corpus 1 % more (`docs/bench.md`).
const FAST_AFTER: usize = 2 << 10;

/// A compiled pattern and its search caches.
struct Engine {
    meta: meta::Regex,
    caches: Caches<meta::Cache>,
}

impl Engine {
    /// Compiles `pattern`, with a lazy DFA if `lazy_dfa`.
    fn new(pattern: &str, lazy_dfa: bool) -> Result<Engine, Error> {
        let config = meta::Config::new()
            .match_kind(MatchKind::LeftmostFirst)
            .utf8_empty(true)
            .nfa_size_limit(Some(10 << 20))
            .hybrid(lazy_dfa)
            .hybrid_cache_capacity(2 << 20)
            .auto_prefilter(false)
            .dfa(false);
        let meta = meta::Builder::new().configure(config).build_from_hir(&super::syntax::parse(pattern)?)?;
        let caches = Caches::with_first(meta.create_cache());
        Ok(Engine { meta, caches })
    }

    /// Runs `search` with this engine's cache.
    fn with_cache<R>(&self, search: impl FnOnce(&mut meta::Cache) -> R) -> R {
        self.caches.with(|| self.meta.create_cache(), search)
    }
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
pub(crate) type Error = Box<dyn std::error::Error + Send + Sync>;

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
    /// Compiles `pattern` with the crate's configuration: without the
    /// lazy DFA, or with it alone once the process has parsed
    /// [`BATCH_AFTER`] bytes.
    pub fn new(pattern: &str) -> Result<Regex, Error> {
        let (first, fast) = if parsed(BATCH_AFTER) {
            (None, OnceLock::from(Arc::new(Engine::new(pattern, true)?)))
        } else {
            (Some(Arc::new(Engine::new(pattern, false)?)), OnceLock::new())
        };
        Ok(Regex {
            first: Mutex::new(first),
            fast,
            searched: AtomicUsize::new(0),
            fast_after: FAST_AFTER,
            batch_after: BATCH_AFTER,
            pattern: pattern.into(),
        })
    }

    /// [`Regex::new`], with the lazy DFA after `fast_after` bytes (0:
    /// from the first search on; `usize::MAX`: never).
    #[cfg(test)]
    pub fn with_lazy_dfa_after(pattern: &str, fast_after: usize) -> Result<Regex, Error> {
        Ok(Regex {
            first: Mutex::new(Some(Arc::new(Engine::new(pattern, false)?))),
            fast: OnceLock::new(),
            searched: AtomicUsize::new(0),
            fast_after,
            batch_after: usize::MAX,
            pattern: pattern.into(),
        })
    }

    /// Whether the lazy DFA answers now.
    #[cfg(test)]
    pub fn is_fast(&self) -> bool {
        self.fast.get().is_some()
    }

    /// The engine for a search of `len` bytes: the one with the lazy DFA
    /// once this pattern has searched [`FAST_AFTER`] bytes or the process
    /// has parsed [`BATCH_AFTER`] (built then).
    /// `None` only if the lazy DFA could not be built after the first
    /// engine was dropped, which cannot happen (the first is dropped only
    /// once the other answers); a search then finds nothing.
    fn engine(&self, len: usize) -> Option<Arc<Engine>> {
        if let Some(fast) = self.fast.get() {
            return Some(Arc::clone(fast));
        }
        let first = self.first.lock().unwrap_or_else(PoisonError::into_inner).clone();
        if first.is_some()
            && self.searched.fetch_add(len, Ordering::Relaxed).saturating_add(len) < self.fast_after
            && !parsed(self.batch_after)
        {
            return first;
        }
        let built = self.fast.get().cloned().or_else(|| {
            // It compiled without the lazy DFA: it compiles with it.
            let fast = Arc::new(Engine::new(&self.pattern, true).ok()?);
            Some(Arc::clone(self.fast.get_or_init(|| fast)))
        });
        if built.is_some() {
            *self.first.lock().unwrap_or_else(PoisonError::into_inner) = None;
        }
        built.or(first)
    }

    /// Whether the pattern matches anywhere in `haystack`.
    pub fn is_match(&self, haystack: &str) -> bool {
        let Some(e) = self.engine(haystack.len()) else { return false };
        e.with_cache(|c| e.meta.is_match_with(c, &Input::new(haystack).earliest(true)))
    }

    /// The leftmost-first match in `haystack`.
    pub fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        self.find_at(haystack, 0)
    }

    /// The leftmost-first match in `haystack` at or after `start` (the
    /// text before `start` still counts for look-around such as `^`).
    pub fn find_at<'h>(&self, haystack: &'h str, start: usize) -> Option<Match<'h>> {
        let input = Input::new(haystack).span(start.min(haystack.len())..haystack.len());
        let e = self.engine(input.get_span().len())?;
        e.with_cache(|c| e.meta.search_with(c, &input)).map(|m| Match::new(haystack, m.start(), m.end()))
    }

    /// Every successive non-overlapping match in `haystack`.
    pub fn find_iter<'r, 'h>(&'r self, haystack: &'h str) -> impl Iterator<Item = Match<'h>> + use<'r, 'h> {
        let mut it = Searcher::new(Input::new(haystack));
        let e = self.engine(haystack.len());
        std::iter::from_fn(move || {
            let e = e.as_ref()?;
            it.advance(|input| Ok(e.with_cache(|c| e.meta.search_with(c, input))))
        })
        .map(move |m| Match::new(haystack, m.start(), m.end()))
    }

    /// The groups of the leftmost-first match in `haystack`.
    pub fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        self.captures_at(haystack, 0)
    }

    /// The groups of the leftmost-first match in `haystack` at or after
    /// `start`.
    pub fn captures_at<'h>(&self, haystack: &'h str, start: usize) -> Option<Captures<'h>> {
        let input = Input::new(haystack).span(start.min(haystack.len())..haystack.len());
        let e = self.engine(input.get_span().len())?;
        let mut slots = e.meta.create_captures();
        e.with_cache(|c| e.meta.search_captures_with(c, &input, &mut slots));
        slots.is_match().then_some(Captures { haystack, slots })
    }

    /// The groups of the match that starts at `start` exactly, if there is
    /// one (the text before `start` still counts for look-around).
    pub fn captures_anchored_at<'h>(&self, haystack: &'h str, start: usize) -> Option<Captures<'h>> {
        let input = Input::new(haystack).span(start.min(haystack.len())..haystack.len()).anchored(Anchored::Yes);
        let e = self.engine(input.get_span().len())?;
        let mut slots = e.meta.create_captures();
        e.with_cache(|c| e.meta.search_captures_with(c, &input, &mut slots));
        slots.is_match().then_some(Captures { haystack, slots })
    }

    /// The groups of every successive non-overlapping match in `haystack`.
    pub fn captures_iter<'r, 'h>(&'r self, haystack: &'h str) -> impl Iterator<Item = Captures<'h>> + use<'r, 'h> {
        let mut it = Searcher::new(Input::new(haystack));
        let e = self.engine(haystack.len());
        let mut slots = e.as_ref().map(|e| e.meta.create_captures());
        std::iter::from_fn(move || {
            let (e, slots) = (e.as_ref()?, slots.as_mut()?);
            it.advance(|input| {
                e.with_cache(|c| e.meta.search_captures_with(c, input, slots));
                Ok(slots.get_match())
            })?;
            Some(Captures { haystack, slots: slots.clone() })
        })
    }

    /// The number of groups, the whole match included.
    #[cfg(test)]
    pub fn captures_len(&self) -> usize {
        self.engine(0).map_or(0, |e| e.meta.group_info().group_len(regex_automata::PatternID::ZERO))
    }

    /// The names of the groups in order (`None` for an unnamed group).
    #[cfg(test)]
    pub fn capture_names(&self) -> Vec<Option<String>> {
        self.engine(0).map_or_else(Vec::new, |e| {
            e.meta.group_info().pattern_names(regex_automata::PatternID::ZERO).map(|n| n.map(str::to_string)).collect()
        })
    }

    /// `haystack` with every match replaced by `with`, taken literally (the
    /// tests compare hand-written replacements with it).
    #[cfg(test)]
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

/// A compiled pattern that is only asked whether it matches: a forward
/// lazy DFA, without the reverse automaton (a [`Regex`] builds one to find
/// where a match starts) and without the engines for groups. The reverse
/// automaton alone is about a fifth of what compiling a [`Regex`] costs.
pub(crate) struct Matcher {
    /// The lazy DFA and its caches; `None` if the DFA could not be built
    /// (its cache could not hold the few states it needs at least).
    dfa: Option<(hybrid::dfa::DFA, Caches<hybrid::dfa::Cache>)>,
    /// The pattern as written: for messages, and for [`Matcher::fallback`].
    pattern: Box<str>,
    /// The full engine, built only if the lazy DFA cannot answer (it gives
    /// up when its cache fills too often, or meets a Unicode word boundary
    /// next to a letter other than ASCII).
    fallback: OnceLock<Regex>,
}

impl std::fmt::Display for Matcher {
    /// The pattern as written.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.pattern)
    }
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Matcher").field(&self.pattern).finish()
    }
}

impl Matcher {
    /// Compiles `pattern`: the syntax and the automaton settings of
    /// [`Regex::new`], forward only.
    pub fn new(pattern: &str) -> Result<Matcher, Error> {
        #[cfg(test)]
        if let Ok(mut seen) = tests::MATCHERS.lock() {
            seen.push(pattern.to_string());
        }
        let hir = super::syntax::parse(pattern)?;
        let nfa = thompson::Compiler::new()
            .configure(
                thompson::Config::new()
                    .utf8(true)
                    .nfa_size_limit(Some(10 << 20))
                    .shrink(false)
                    .which_captures(WhichCaptures::None),
            )
            .build_from_hir(&hir)?;
        let dfa = hybrid::dfa::Config::new()
            .match_kind(MatchKind::LeftmostFirst)
            .cache_capacity(2 << 20)
            .skip_cache_capacity_check(false)
            .minimum_cache_clear_count(Some(3))
            .minimum_bytes_per_state(Some(10))
            .unicode_word_boundary(true);
        let dfa = hybrid::dfa::Builder::new().configure(dfa).build_from_nfa(nfa).ok().map(|dfa| {
            let caches = Caches::with_first(dfa.create_cache());
            (dfa, caches)
        });
        Ok(Matcher { dfa, pattern: pattern.into(), fallback: OnceLock::new() })
    }

    /// Where the lazy DFA's search of `input` ends a match (`Some(None)`
    /// for no match), or `None` if the DFA cannot answer.
    fn forward(&self, input: &Input<'_>) -> Option<Option<usize>> {
        let (dfa, caches) = self.dfa.as_ref()?;
        let found = caches.with(|| dfa.create_cache(), |c| dfa.try_search_fwd(c, input)).ok()?;
        Some(found.map(|m| m.offset()))
    }

    /// Whether the pattern matches anywhere in `haystack`.
    pub fn is_match(&self, haystack: &str) -> bool {
        match self.forward(&Input::new(haystack).earliest(true)) {
            Some(found) => found.is_some(),
            None => self.fallback().is_some_and(|r| r.is_match(haystack)),
        }
    }

    /// Where the leftmost-first match in `haystack` ends, if there is one:
    /// the forward automaton finds that much (where the match starts would
    /// take the reverse one). For a pattern that does not match the empty
    /// string, this is `Regex::find`'s end.
    pub fn find_end(&self, haystack: &str) -> Option<usize> {
        match self.forward(&Input::new(haystack)) {
            Some(found) => found,
            None => self.fallback().and_then(|r| r.find(haystack)).map(|m| m.end()),
        }
    }

    /// The full engine for this pattern (see [`Matcher::fallback`]).
    #[cold]
    fn fallback(&self) -> Option<&Regex> {
        if let Some(r) = self.fallback.get() {
            return Some(r);
        }
        let r = Regex::new(&self.pattern).ok()?;
        Some(self.fallback.get_or_init(|| r))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The pattern of every [`Matcher`] built so far.
    pub(super) static MATCHERS: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

    /// The lines of every text fixture, each as written and in capitals,
    /// and cut at every seventh byte of their first 80 (so that a pattern
    /// anchored at the end meets many places to end).
    pub(crate) fn fixture_lines() -> Vec<String> {
        let mut dirs = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures"))];
        let mut lines = std::collections::BTreeSet::new();
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("fixtures").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if let Ok(text) = std::fs::read_to_string(&path) {
                    for line in text.lines() {
                        for l in [line.to_string(), line.to_uppercase()] {
                            for end in (0..=l.len().min(80)).filter(|&e| l.is_char_boundary(e)).step_by(7) {
                                lines.insert(l[..end].to_string());
                            }
                            lines.insert(l);
                        }
                    }
                }
            }
        }
        lines.into_iter().collect()
    }

    /// Every pattern of the crate built as a forward-only [`Matcher`]
    /// answers as the full engine on every line of the fixtures.
    #[test]
    fn matchers_answer_as_the_full_engine() {
        crate::warm_up();
        let patterns = MATCHERS.lock().map(|p| p.clone()).unwrap_or_default();
        assert!(patterns.len() >= 20, "only {} matchers", patterns.len());
        let texts = fixture_lines();
        let mut matched = 0;
        for p in &patterns {
            let ours = Matcher::new(p).expect("compiles");
            let full = Regex::new(p).expect("compiles");
            let empty = full.is_match("");
            for t in &texts {
                let m = ours.is_match(t);
                assert_eq!(m, full.is_match(t.as_str()), "{p} on {t:?}");
                if !empty {
                    assert_eq!(ours.find_end(t), full.find(t).map(|m| m.end()), "{p} on {t:?}");
                }
                matched += usize::from(m);
            }
        }
        assert!(matched > 100, "{matched}");
    }

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
        for (p, fast) in patterns.iter().flat_map(|p| [(*p, false), (*p, true)]) {
            let ours = Regex::with_lazy_dfa_after(p, if fast { 0 } else { usize::MAX }).expect("compiles");
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
                        // Anchored: only a match that starts at `at`, and
                        // the leftmost one when that starts there.
                        let a = ours.captures_anchored_at(t, at).and_then(|c| c.get(0)).map(|m| m.range());
                        assert!(a.as_ref().is_none_or(|r| r.start == at), "{p} on {t:?} at {at}: {a:?}");
                        if e.as_ref().is_some_and(|r| r.start == at) {
                            assert_eq!(a, e, "{p} on {t:?} anchored at {at}");
                        }
                    }
                }
                let names: Vec<_> = theirs.capture_names().collect();
                let owned: Vec<_> = names.iter().map(|n| n.map(str::to_string)).collect();
                assert_eq!(ours.capture_names(), owned, "{p}");
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
            assert_eq!(ours.is_fast(), fast, "{p}");
        }
    }

    /// A pattern builds its lazy DFA once it has searched [`FAST_AFTER`]
    /// bytes, and answers as before.
    #[test]
    fn the_lazy_dfa_comes_after_enough_text() {
        let re = Regex::with_lazy_dfa_after(r"(?i)trước\s+ngày\s+(?P<d>[0-9]{1,2})", FAST_AFTER).expect("compiles");
        let t = format!("{} trước ngày 7 và TRƯỚC NGÀY 15", "x ".repeat(100));
        let answer = |re: &Regex| {
            let days: Vec<_> = re.captures_iter(&t).filter_map(|c| c.name("d")).map(|d| d.range()).collect();
            (days, re.find(&t).map(|m| m.range()), re.is_match(&t))
        };
        let first = answer(&re);
        let mut searched = 0;
        while !re.is_fast() {
            assert_eq!(answer(&re), first);
            searched += 3 * t.len();
            assert!(searched <= FAST_AFTER + 3 * t.len(), "{searched}");
        }
        assert!(searched >= FAST_AFTER - 3 * t.len(), "{searched}");
        assert_eq!(answer(&re), first);
    }

    /// Once the process has parsed [`BATCH_AFTER`] bytes, a pattern is
    /// compiled with its lazy DFA only.
    #[test]
    fn a_batch_compiles_the_lazy_dfa_at_once() {
        expect_text(BATCH_AFTER);
        let re = Regex::new(r"(?i)hoàn\s+thành").expect("compiles");
        assert!(re.is_fast() && re.first.lock().is_ok_and(|f| f.is_none()));
        assert_eq!(re.find("x HOÀN THÀNH").map(|m| m.range()), Some(2..14));
    }

    #[test]
    fn a_broken_pattern_is_an_error() {
        assert!(Regex::new("(").is_err());
    }

    impl<T> Caches<T> {
        /// The memory of each cache made so far.
        fn sizes(&self, size: impl Fn(&T) -> usize) -> Vec<usize> {
            self.slots.iter().filter_map(|s| s.lock().ok().and_then(|c| c.as_deref().map(&size))).collect()
        }
    }

    /// Threads share a pattern's caches: four threads searching with one
    /// pattern at once get the answers of one thread, make no more caches
    /// than there are slots, and fill the cache the pattern was made with.
    #[test]
    fn threads_share_the_caches() {
        let pattern = r"(?i)trước\s+ngày\s+(?P<d>[0-9]{1,2})/(?P<m>[0-9]{1,2})";
        let re = Regex::with_lazy_dfa_after(pattern, 0).expect("compiles");
        let m = Matcher::new(r"(?i)hoàn\s+thành").expect("compiles");
        let fresh = (
            Engine::new(pattern, true).expect("compiles").meta.create_cache().memory_usage(),
            m.dfa.as_ref().map(|(d, _)| d.create_cache().memory_usage()),
        );
        let texts: Vec<String> = (1..=28)
            .map(|d| {
                format!(
                    "Hoàn thành trước ngày {d}/{}/2024; TRƯỚC NGÀY {}/3. {}",
                    d % 12 + 1,
                    29 - d,
                    "x ".repeat(d * 7)
                )
            })
            .collect();
        let answer = |t: &str| {
            let days: Vec<_> =
                re.captures_iter(t).filter_map(|c| c.name("d")).map(|d| d.as_str().to_string()).collect();
            (days, re.find(t).map(|f| f.range()), m.is_match(t), m.find_end(t))
        };
        let alone: Vec<_> = texts.iter().map(|t| answer(t)).collect();
        std::thread::scope(|scope| {
            let runs: Vec<_> = (0..4)
                .map(|_| scope.spawn(|| (0..50).flat_map(|_| texts.iter().map(|t| answer(t))).collect::<Vec<_>>()))
                .collect();
            for run in runs {
                let got = run.join().expect("no panic");
                assert_eq!(got.len(), 50 * alone.len());
                assert!(got.chunks(alone.len()).all(|c| c == alone.as_slice()));
            }
        });
        let fast = re.fast.get().expect("built at the first search");
        let slots = fast.caches.slots.len();
        let sizes = fast.caches.sizes(meta::Cache::memory_usage);
        assert!((1..=slots).contains(&sizes.len()), "{} caches for {slots} slots", sizes.len());
        assert!(sizes.first().is_some_and(|&s| s > fresh.0), "{sizes:?} against {}", fresh.0);
        let sizes = m.dfa.as_ref().map(|(_, c)| c.sizes(hybrid::dfa::Cache::memory_usage)).unwrap_or_default();
        assert!((1..=slots).contains(&sizes.len()), "{} caches for {slots} slots", sizes.len());
        assert!(sizes.first().zip(fresh.1).is_some_and(|(&s, f)| s > f), "{sizes:?} against {:?}", fresh.1);
    }

    /// A search does not hold the cache between the matches of an
    /// iteration, so the same pattern can be used inside the loop (it would
    /// wait for itself otherwise).
    #[test]
    fn a_pattern_searches_again_inside_its_own_iteration() {
        let re = Regex::new(r"[0-9]+").expect("compiles");
        let t = "1 22 333 4444";
        let mut inner = Vec::new();
        for c in re.captures_iter(t) {
            for m in re.find_iter(t) {
                inner.push(re.captures_at(t, m.start()).and_then(|c| c.get(0)).map(|x| x.as_str()));
            }
            inner.push(c.get(0).map(|x| x.as_str()));
        }
        assert_eq!(inner.len(), 20);
        assert_eq!(inner.last(), Some(&Some("4444")));
        assert_eq!(re.replace_all(t, "#"), "# # # #");
    }
}
