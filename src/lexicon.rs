//! Vocabulary matchers: a phrase list of [`crate::vocab`] made into a tree
//! of its bytes and matched character by character.
//!
//! A [`Lexicon`] answers what the anchored alternation `^(?:w1|w2|…)` of a
//! regex answered (each phrase under both tone placements, its words
//! separated by any run of white space), at a small fraction of the cost:
//! building one takes microseconds where compiling the regex took up to a
//! few milliseconds, and a test walks the text once, only as far as some
//! phrase still agrees with it. The regex forms are kept in this module's
//! tests, which check that both answer alike.

use crate::vocab;
use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};

/// A phrase: its words.
type Phrase = Box<[Box<str>]>;

/// A list of phrases, matched at the start of a text.
#[derive(Debug)]
pub(crate) struct Lexicon {
    /// Compare letters without case (`(?i)` of a regex).
    caseless: bool,
    /// The phrases (lower case when caseless), their words one space
    /// apart, as a tree of their bytes; `None` when a word holds white
    /// space or (caseless) a letter that lower case changes, which the
    /// tree cannot answer for as the word-by-word comparison does.
    tree: Option<Tree>,
    /// Only without a tree: the phrases by their first character (lower
    /// case when caseless), sorted by that character; each phrase is its
    /// words.
    buckets: Vec<(char, Vec<Phrase>)>,
    /// The length in bytes of the longest phrase, its words one space
    /// apart.
    longest: usize,
    /// The first bytes (in UTF-8) that a phrase can start with, in either
    /// case when caseless: most places of a text fail here at once.
    first_bytes: [bool; 256],
}

/// The node among `kids` after byte `b`.
#[inline]
fn kid(kids: &[(u8, u32)], b: u8) -> Option<u32> {
    kids.iter().find(|(x, _)| *x == b).map(|(_, n)| *n)
}

/// The length of the UTF-8 character whose first byte is `b` (not ASCII).
#[inline]
pub(crate) fn utf8_len(b: u8) -> usize {
    match b {
        0xF0.. => 4,
        0xE0.. => 3,
        _ => 2,
    }
}

/// One node of a [`Tree`]: its children, and whether a phrase ends
/// there. Most nodes have one child, kept in the node itself; the
/// children of the others are side by side in [`Tree::edges`].
#[derive(Debug, Clone, Copy, Default)]
struct Node {
    /// The only child, when `len` is 1.
    only: u32,
    /// Where the children are in [`Tree::edges`], when `len` is not 1.
    first: u32,
    /// The number of children (at most 256: one per byte).
    len: u16,
    /// The byte of the only child, when `len` is 1.
    only_byte: u8,
    /// Whether a phrase ends here.
    end: bool,
}

// Twelve bytes a node: the word tables hold about 11,000 of them.
const _: () = assert!(std::mem::size_of::<Node>() == 12);

/// The phrases as a tree of bytes: node 0 is the root; a space stands
/// for the white space between two words.
#[derive(Debug)]
struct Tree {
    /// The children of the root by byte (0: none).
    root: [u32; 256],
    /// The nodes, each with its children's place in `edges`.
    nodes: Vec<Node>,
    /// The children of every node, each node's side by side: (byte, node).
    edges: Vec<(u8, u32)>,
}

impl Tree {
    /// The tree of `phrases` (each its words one space apart), built from
    /// the sorted phrases: each phrase shares the nodes of the prefix it
    /// has in common with the one before it and adds a node for each byte
    /// after that prefix; the children of every node are then gathered side
    /// by side (a counting sort by parent), in the order of their bytes.
    fn new(phrases: &[String]) -> Self {
        let mut sorted: Vec<&[u8]> = phrases.iter().map(|p| p.as_bytes()).collect();
        sorted.sort_unstable();
        sorted.dedup();
        let to_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        // Each node after the root: (its parent, its byte), and whether a
        // phrase ends at it.
        let mut made: Vec<(u32, u8)> = Vec::new();
        let mut end: Vec<bool> = vec![false];
        // The nodes along the phrase before: `path[d]` after its first `d` bytes.
        let mut path: Vec<u32> = vec![0];
        let mut before: &[u8] = &[];
        for &phrase in &sorted {
            let shared = phrase.iter().zip(before).take_while(|(a, b)| a == b).count();
            path.truncate(shared + 1);
            for &b in phrase.get(shared..).unwrap_or_default() {
                let parent = path.last().copied().unwrap_or(0);
                made.push((parent, b));
                end.push(false);
                path.push(to_u32(made.len()));
            }
            if let Some(last) = path.last().and_then(|&n| end.get_mut(n as usize))
                && !phrase.is_empty()
            {
                *last = true;
            }
            before = phrase;
        }
        // How many children each node has, then where they go.
        let mut nodes: Vec<Node> = end.iter().map(|&end| Node { end, ..Node::default() }).collect();
        for &(parent, _) in &made {
            if let Some(n) = nodes.get_mut(parent as usize) {
                n.len += 1;
            }
        }
        let mut edges_len = 0;
        for n in &mut nodes {
            if n.len != 1 {
                n.first = to_u32(edges_len);
                edges_len += n.len as usize;
            }
        }
        let mut edges: Vec<(u8, u32)> = vec![(0, 0); edges_len];
        // The children placed so far, by node.
        let mut placed: Vec<u32> = vec![0; nodes.len()];
        let mut root = [0u32; 256];
        for (child, &(parent, b)) in (1u32..).zip(&made) {
            if parent == 0
                && let Some(slot) = root.get_mut(usize::from(b))
            {
                *slot = child;
            }
            let (Some(n), Some(k)) = (nodes.get_mut(parent as usize), placed.get_mut(parent as usize)) else {
                continue;
            };
            if n.len == 1 {
                (n.only_byte, n.only) = (b, child);
            } else if let Some(slot) = edges.get_mut((n.first + *k) as usize) {
                *slot = (b, child);
                *k += 1;
            }
        }
        Self { root, nodes, edges }
    }

    /// The node after byte `b` from `node`.
    #[inline]
    fn child(&self, node: u32, b: u8) -> Option<u32> {
        if node == 0 {
            return self.root.get(usize::from(b)).copied().filter(|&n| n > 0);
        }
        let n = self.nodes.get(node as usize)?;
        if n.len == 1 {
            return (n.only_byte == b).then_some(n.only);
        }
        let start = n.first as usize;
        kid(self.edges.get(start..start + n.len as usize)?, b)
    }

    /// The node after the bytes `bs` from `node`.
    #[inline]
    fn bytes(&self, node: u32, bs: &[u8]) -> Option<u32> {
        bs.iter().try_fold(node, |n, &b| self.child(n, b))
    }

    /// Whether a phrase ends at `node`.
    #[inline]
    fn ends(&self, node: u32) -> bool {
        self.nodes.get(node as usize).is_some_and(|n| n.end)
    }
}

/// What must follow a phrase for it to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum After {
    /// The end, white space or one of `, . : ; ( )`: a whole word.
    Word,
    /// One or more white space characters.
    Space,
    /// The end of the text.
    End,
    /// The end or white space (a word that no punctuation closes).
    Gap,
    /// White space, then a capital letter (a surname before a given name).
    SpaceUpper,
    /// The end or anything but a letter.
    NotLetter,
    /// Anything: a phrase at the start of a longer word counts too.
    Any,
}

/// What must come before a phrase that is searched for inside a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Before {
    /// The start, white space or one of `, ; : (`, not taken by the phrase
    /// found before.
    Open,
    /// The start or any character but a letter, a digit or `_` (a regex's
    /// `\b` before a word).
    NonWord,
}

/// The characters after which a word ends, besides white space.
const WORD_END: [char; 6] = [',', '.', ':', ';', '(', ')'];

/// Whether `c` is a letter or a digit, as [`char::is_alphanumeric`]
/// answers, without its Unicode tables for the Latin letters that
/// Vietnamese is written in (all of them letters).
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    matches!(c, 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ɏ' | '\u{1E00}'..='\u{1EFF}') || c.is_alphanumeric()
}

/// Whether `c` is a letter, as [`char::is_alphabetic`] answers, without
/// its Unicode tables for the Latin letters that Vietnamese is written in.
pub(crate) fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    matches!(c, 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ɏ' | '\u{1E00}'..='\u{1EFF}') || c.is_alphabetic()
}

/// Whether `b`, a byte after the first of a character, can be the last
/// byte of a white space character (U+0085, U+00A0, U+1680, U+2000 to
/// U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
fn ends_white_space(b: u8) -> bool {
    matches!(b, 0x80..=0x8A | 0x9F | 0xA0 | 0xA8 | 0xA9 | 0xAF)
}

/// Whether a character whose UTF-8 starts with the bytes `b`, `next` can
/// be white space (U+0085 and U+00A0: C2 85, C2 A0; U+1680: E1 9A; U+2000
/// to U+205F: E2 80, E2 81; U+3000: E3 80), or, for an ASCII `b`, whether
/// it is not a printable character. A necessary condition: a letter of
/// Vietnamese (C3 to C6, E1 BA, E1 BB …) fails it without being decoded.
#[inline]
fn may_start_white_space(b: u8, next: Option<u8>) -> bool {
    match b {
        0..=b' ' => true,
        0x21..=0x7F => false,
        0xC2 => matches!(next, Some(0x85 | 0xA0)),
        0xE1 => next == Some(0x9A),
        0xE2 => matches!(next, Some(0x80 | 0x81)),
        0xE3 => next == Some(0x80),
        _ => false,
    }
}

/// The length of the white space that starts `s`.
fn gap(s: &str) -> usize {
    match s.as_bytes() {
        [] => 0,
        // Not white space: the usual case, answered without decoding.
        [b, rest @ ..] if !may_start_white_space(*b, rest.first().copied()) => 0,
        _ => s.len() - s.trim_start().len(),
    }
}

/// Whether `c` is its own lower case (`c.to_lowercase()` gives `c` alone),
/// answered without the Unicode tables for the lower-case Latin letters of
/// Vietnamese. True only when it is (a test checks it against the
/// tables); false for the rest, which the tables then answer.
fn own_lower_case(c: char) -> bool {
    let u = u32::from(c);
    match u {
        0xDF..=0xFF | 0x1A1 | 0x1B0 => true,
        _ => paired_small(u) == Some(u),
    }
}

/// The small letter of `u` when `u` is a letter of Latin Extended-A or of
/// the Vietnamese block U+1EA0–U+1EFF, where each capital (even) stands
/// just before its small letter (odd): `u` itself when it is the small one.
/// `None` elsewhere (and for İ and ı, which are no such pair).
pub(crate) fn paired_small(u: u32) -> Option<u32> {
    matches!(u, 0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 | 0x1EA0..=0x1EFF).then_some(u | 1)
}

/// Where what `after` asks for ends, for a phrase that ends at `end` of
/// `s`, if it follows.
fn consumed(s: &str, end: usize, after: After) -> Option<usize> {
    let rest = s.get(end..).unwrap_or_default();
    let next = rest.chars().next();
    match after {
        After::End => rest.is_empty().then_some(end),
        After::Space => {
            let gap = gap(rest);
            (gap > 0).then_some(end + gap)
        }
        After::Any => Some(end),
        After::NotLetter => match next {
            None => Some(end),
            Some(c) if !c.is_alphabetic() => Some(end + c.len_utf8()),
            Some(_) => None,
        },
        After::Gap => (rest.is_empty() || next.is_some_and(char::is_whitespace)).then_some(end),
        After::SpaceUpper => {
            let gap = gap(rest);
            let upper = rest.get(gap..).and_then(|r| r.chars().next()).is_some_and(char::is_uppercase);
            (gap > 0 && upper).then_some(end + gap)
        }
        After::Word => match next {
            None => Some(end),
            Some(c) if c.is_whitespace() || WORD_END.contains(&c) => Some(end + c.len_utf8()),
            Some(_) => None,
        },
    }
}

impl Lexicon {
    /// The phrases `words`, compared letter for letter.
    pub fn new(words: &[&str]) -> Self {
        Self::build(words, false)
    }

    /// The phrases `words`, compared without case.
    pub fn caseless(words: &[&str]) -> Self {
        Self::build(words, true)
    }

    fn build(words: &[&str], caseless: bool) -> Self {
        Self::build_with(words, caseless, false)
    }

    /// The phrases `words`: as a tree when it can answer, and as the
    /// phrase table when it cannot or `table` asks for it.
    fn build_with(words: &[&str], caseless: bool, table: bool) -> Self {
        // Each form's words one space apart (lower case when caseless).
        let mut forms: Vec<String> = Vec::with_capacity(words.len() + words.len() / 4);
        let mut longest = 0;
        // The tree answers as the words do when no word holds white space
        // and, caseless, every letter is its own lower case.
        let mut treeable = true;
        let mut first_bytes = [false; 256];
        // Whether lower case changes `c`.
        let changes = |c: char| {
            if c.is_ascii() {
                c.is_ascii_uppercase()
            } else {
                !own_lower_case(c) && c.to_lowercase().ne(std::iter::once(c))
            }
        };
        for form in words.iter().flat_map(|w| vocab::tone_variants(w)) {
            let form = if caseless && form.chars().any(changes) { form.to_lowercase() } else { form };
            longest = longest.max(form.len());
            let bytes = form.as_bytes();
            let spaced = if bytes.first() == Some(&b' ')
                || bytes.last() == Some(&b' ')
                || bytes.windows(2).any(|w| w == b"  ")
            {
                let mut spaced = String::with_capacity(form.len());
                for w in form.split(' ').filter(|w| !w.is_empty()) {
                    if !spaced.is_empty() {
                        spaced.push(' ');
                    }
                    spaced.push_str(w);
                }
                spaced
            } else {
                // Already one space between words (most forms).
                form
            };
            let Some(first) = spaced.chars().next() else { continue };
            // Every character of the words (the spaces between them aside).
            treeable &= spaced.chars().all(|c| c == ' ' || !(c.is_whitespace() || caseless && changes(c)));
            let upper = caseless.then(|| first.to_uppercase()).into_iter().flatten();
            for k in std::iter::once(first).chain(upper) {
                let mut buf = [0u8; 4];
                if let Some(b) = k.encode_utf8(&mut buf).bytes().next()
                    && let Some(slot) = first_bytes.get_mut(usize::from(b))
                {
                    *slot = true;
                }
            }
            forms.push(spaced);
        }
        let tree = treeable.then(|| Tree::new(&forms));
        let mut buckets: Vec<(char, Vec<Phrase>)> = Vec::new();
        if tree.is_none() || table {
            for form in forms {
                let Some(first) = form.chars().next() else { continue };
                let phrase: Phrase = form.split(' ').map(Box::from).collect();
                match buckets.binary_search_by_key(&first, |(c, _)| *c) {
                    Ok(i) => {
                        if let Some((_, list)) = buckets.get_mut(i) {
                            list.push(phrase);
                        }
                    }
                    Err(i) => buckets.insert(i, (first, vec![phrase])),
                }
            }
            // Phrases that share their first word side by side: a first
            // word that fails is tried once. Each phrase once.
            for (_, list) in &mut buckets {
                list.sort_unstable();
                list.dedup();
            }
        }
        Self { caseless, tree, buckets, longest, first_bytes }
    }

    /// Whether the first byte of `s` can start a phrase.
    fn may_start(&self, s: &str) -> bool {
        s.as_bytes().first().is_some_and(|&b| self.starts_byte(b))
    }

    /// Whether a phrase can start with the byte `b` (the first byte of a
    /// phrase's first character, in either case for a caseless lexicon).
    pub fn starts_byte(&self, b: u8) -> bool {
        self.first_bytes.get(usize::from(b)).copied().unwrap_or(false)
    }

    /// The node of `tree` after the character of `s` at `i` (not a space
    /// between words), and where the next character starts.
    #[inline]
    fn step(&self, tree: &Tree, node: u32, s: &str, i: usize) -> Option<(u32, usize)> {
        let b = *s.as_bytes().get(i)?;
        if b < 0x80 {
            if b == b' ' {
                return None;
            }
            let b = if self.caseless { b.to_ascii_lowercase() } else { b };
            return tree.child(node, b).map(|n| (n, i + 1));
        }
        self.step_wide(tree, node, s, i, b)
    }

    /// [`Lexicon::step`] at a character other than ASCII, whose first byte
    /// is `b`.
    #[inline]
    fn step_wide(&self, tree: &Tree, node: u32, s: &str, i: usize, b: u8) -> Option<(u32, usize)> {
        // The character as written (its length from its first byte): a
        // letter in the tree is its own lower case.
        let len = utf8_len(b);
        if let Some(n) = s.as_bytes().get(i..i + len).and_then(|raw| tree.bytes(node, raw)) {
            return Some((n, i + len));
        }
        if !self.caseless {
            return None;
        }
        let c = s.get(i..)?.chars().next()?;
        if own_lower_case(c) {
            // Its lower case is what was tried as written.
            return None;
        }
        Self::step_lower(tree, node, c).map(|n| (n, i + c.len_utf8()))
    }

    /// The node of `tree` after the lower case of `c`, a character that is
    /// not its own lower case.
    #[cold]
    #[inline(never)]
    fn step_lower(tree: &Tree, node: u32, c: char) -> Option<u32> {
        let mut buf = [0u8; 4];
        c.to_lowercase().try_fold(node, |n, l| tree.bytes(n, l.encode_utf8(&mut buf).as_bytes()))
    }

    /// The node of `tree` after all of `s`, read as one word.
    fn through(&self, tree: &Tree, node: u32, s: &str) -> Option<u32> {
        let mut node = node;
        let mut i = 0;
        while i < s.len() {
            (node, i) = self.step(tree, node, s, i)?;
        }
        Some(node)
    }

    /// The phrases that can start `s`.
    fn candidates(&self, s: &str) -> &[Phrase] {
        if !self.may_start(s) {
            return &[];
        }
        let Some(c) = s.chars().next() else { return &[] };
        let c = if self.caseless { c.to_lowercase().next().unwrap_or(c) } else { c };
        self.buckets
            .binary_search_by_key(&c, |(k, _)| *k)
            .ok()
            .and_then(|i| self.buckets.get(i))
            .map_or(&[], |(_, l)| l)
    }

    /// How many bytes of `s` the word `w` matches at its start.
    fn word(&self, s: &str, w: &str) -> Option<usize> {
        if s.starts_with(w) {
            // The phrase's own case (lower case when caseless): the usual one.
            return Some(w.len());
        }
        if !self.caseless {
            return None;
        }
        let mut want = w.chars();
        let mut used = 0;
        let mut chars = s.chars();
        loop {
            if want.as_str().is_empty() {
                return Some(used);
            }
            let c = chars.next()?;
            for l in c.to_lowercase() {
                if want.next() != Some(l) {
                    return None;
                }
            }
            used += c.len_utf8();
        }
    }

    /// The end of `phrase` matched at the start of `s`.
    fn phrase(&self, s: &str, phrase: &[Box<str>]) -> Option<usize> {
        let mut at = 0;
        for (k, w) in phrase.iter().enumerate() {
            let rest = s.get(at..)?;
            if k > 0 {
                let gap = rest.len() - rest.trim_start().len();
                if gap == 0 {
                    return None;
                }
                at += gap;
            }
            at += self.word(s.get(at..)?, w)?;
        }
        Some(at)
    }

    /// The end of the longest phrase at the start of `s` that `after`
    /// allows, and the end of what follows it as the regex would have
    /// consumed it (the white space for [`After::Space`], the one
    /// character that closes the word for [`After::Word`]).
    pub fn find(&self, s: &str, after: After) -> Option<(usize, usize)> {
        if !self.may_start(s) {
            return None;
        }
        let Some(tree) = &self.tree else {
            let mut best: Option<(usize, usize)> = None;
            self.each_end_by_words(s, after, |end, c| {
                if best.is_none_or(|(b, _)| end > b) {
                    best = Some((end, c));
                }
            });
            return best;
        };
        // Walk the tree along `s`: each phrase end passed is longer than
        // the one before.
        let mut best = None;
        let (mut node, mut i) = self.step(tree, 0, s, 0)?;
        loop {
            if tree.ends(node)
                && let Some(c) = consumed(s, i, after)
            {
                best = Some((i, c));
            }
            let Some((n, next)) = self.advance(tree, node, s, i) else { break };
            (node, i) = (n, next);
        }
        best
    }

    /// The node of `tree` after the character or the white space of `s` at
    /// `i` (white space between words is one space in the tree), and where
    /// what follows it starts.
    #[inline(always)]
    fn advance(&self, tree: &Tree, node: u32, s: &str, i: usize) -> Option<(u32, usize)> {
        let bytes = s.as_bytes();
        let b = *bytes.get(i)?;
        if b > b' ' && b < 0x80 {
            // A printable ASCII character, the usual one.
            let b = if self.caseless { b.to_ascii_lowercase() } else { b };
            tree.child(node, b).map(|n| (n, i + 1))
        } else if b >= 0x80 && !may_start_white_space(b, bytes.get(i + 1).copied()) {
            // A letter of Vietnamese, the other usual one.
            self.step_wide(tree, node, s, i, b)
        } else {
            let g = gap(s.get(i..).unwrap_or_default());
            if g > 0 { tree.child(node, b' ').map(|n| (n, i + g)) } else { self.step(tree, node, s, i) }
        }
    }

    /// Every phrase at the start of `s` that `after` allows, longest first,
    /// as [`Lexicon::find`] gives the longest: what an alternation of the
    /// phrases tries in turn when what follows must match too.
    pub fn find_all_at(&self, s: &str, after: After) -> Vec<(usize, usize)> {
        let mut all = Vec::new();
        self.each_end(s, after, |end, c| all.push((end, c)));
        all.sort_unstable_by(|a, b| b.cmp(a));
        all.dedup_by_key(|e| e.0);
        all
    }

    /// Calls `found` with the end of each phrase at the start of `s` that
    /// `after` allows and the end of what follows it (see
    /// [`Lexicon::find`]); with the tree, shortest first.
    fn each_end(&self, s: &str, after: After, mut found: impl FnMut(usize, usize)) {
        if !self.may_start(s) {
            return;
        }
        let Some(tree) = &self.tree else { return self.each_end_by_words(s, after, found) };
        let Some((mut node, mut i)) = self.step(tree, 0, s, 0) else { return };
        loop {
            if tree.ends(node)
                && let Some(c) = consumed(s, i, after)
            {
                found(i, c);
            }
            let Some((n, next)) = self.advance(tree, node, s, i) else { break };
            (node, i) = (n, next);
        }
    }

    /// [`Lexicon::each_end`] phrase by phrase, without a tree.
    fn each_end_by_words(&self, s: &str, after: After, mut found: impl FnMut(usize, usize)) {
        let mut failed: Option<&str> = None;
        for p in self.candidates(s) {
            let first = p.first().map_or("", |w| &**w);
            if failed == Some(first) {
                continue;
            }
            let Some(end) = self.phrase(s, p) else {
                if self.word(s, first).is_none() {
                    failed = Some(first);
                }
                continue;
            };
            if let Some(c) = consumed(s, end, after) {
                found(end, c);
            }
        }
    }

    /// The end of the longest phrase at the start of `s` that is a whole
    /// word (followed by the end, white space or `, . : ; ( )`).
    pub fn word_at(&self, s: &str) -> Option<usize> {
        self.find(s, After::Word).map(|(e, _)| e)
    }

    /// Whether a phrase that is a whole word starts `s`.
    pub fn starts(&self, s: &str) -> bool {
        self.word_at(s).is_some()
    }

    /// The end of the white space after the longest phrase at the start of
    /// `s` that white space follows.
    pub fn lead(&self, s: &str) -> Option<usize> {
        self.find(s, After::Space).map(|(_, c)| c)
    }

    /// Whether `s` is one of the phrases.
    pub fn is(&self, s: &str) -> bool {
        self.find(s, After::End).is_some()
    }

    /// Whether the two words `a b` make one of the phrases.
    pub fn is_pair(&self, a: &str, b: &str) -> bool {
        if let Some(tree) = &self.tree {
            return self.may_start(a)
                && self
                    .through(tree, 0, a)
                    .and_then(|n| tree.child(n, b' '))
                    .and_then(|n| self.through(tree, n, b))
                    .is_some_and(|n| tree.ends(n));
        }
        self.candidates(a)
            .iter()
            .any(|p| matches!(&**p, [x, y] if self.word(a, x) == Some(a.len()) && self.word(b, y) == Some(b.len())))
    }

    /// Every phrase followed by white space that starts at the start of
    /// `s` or after white space or one of `, ; : (`, left to right and not
    /// overlapping: (start of the cue, end of the cue, end of the white
    /// space after it).
    pub fn leads_in(&self, s: &str, before: Before) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let bytes = s.as_bytes();
        let mut floor = 0;
        // Where the next place is looked for (never before `floor`).
        let mut from = 0;
        // Most places cannot start a phrase: the first byte tells, and it
        // is never a byte inside a character.
        while let Some(i) = bytes.get(from..).and_then(|r| r.iter().position(|&b| self.starts_byte(b))) {
            let i = from + i;
            from = i + 1;
            let last = match i.checked_sub(1).and_then(|j| bytes.get(j)) {
                None => None,
                Some(&p) if p < 0x80 => Some(char::from(p)),
                // No white space other than ASCII ends in such a byte.
                Some(&p) if before == Before::Open && !ends_white_space(p) => continue,
                Some(_) => s.get(..i).and_then(|h| h.chars().next_back()),
            };
            let open = match (last, before) {
                (None, _) => true,
                (Some(p), Before::Open) => {
                    i - p.len_utf8() >= floor && (p.is_whitespace() || matches!(p, ',' | ';' | ':' | '('))
                }
                (Some(p), Before::NonWord) => !(is_alphanumeric(p) || p == '_'),
            };
            if !open {
                continue;
            }
            if let Some((end, next)) = s.get(i..).and_then(|r| self.find(r, After::Space)) {
                out.push((i, i + end, i + next));
                floor = i + next;
                from = from.max(floor);
            }
        }
        out
    }

    /// The first phrase in `s` at or after `at` that `after` allows:
    /// (start, end of what follows it as [`Lexicon::find`] gives it).
    pub fn search(&self, s: &str, at: usize, after: After) -> Option<(usize, usize)> {
        let r = s.get(at..)?;
        // Only where the first byte can start a phrase (never inside a
        // character).
        r.as_bytes().iter().enumerate().filter(|&(_, &b)| self.starts_byte(b)).find_map(|(i, _)| {
            let (_, c) = self.find(r.get(i..)?, after)?;
            Some((at + i, at + i + c))
        })
    }

    /// Whether a phrase ends `s`, starting anywhere in it.
    pub fn ends(&self, s: &str) -> bool {
        // White space inside a phrase may be wider than one space.
        let from = s.floor_char_boundary(s.len().saturating_sub(self.longest * 3 + 8));
        s.get(from..).is_some_and(|t| {
            t.as_bytes().iter().enumerate().any(|(i, &b)| self.starts_byte(b) && t.get(i..).is_some_and(|r| self.is(r)))
        })
    }

    /// The first white space character at or after `from` that a phrase
    /// follows, itself followed by white space (a regex's `\s(?:…)\s`): its
    /// offset.
    pub fn spaced(&self, s: &str, from: usize) -> Option<usize> {
        let r = s.get(from..)?;
        r.char_indices().filter(|(_, c)| c.is_whitespace()).find_map(|(i, c)| {
            let at = i + c.len_utf8();
            self.find(r.get(at..)?, After::Space).map(|_| from + i)
        })
    }

    /// The first white space character of `s` that a phrase follows at
    /// once (a regex's `\s(?:…)`): its offset.
    pub fn after_white_space(&self, s: &str) -> Option<usize> {
        let bytes = s.as_bytes();
        s.char_indices().filter(|(_, c)| c.is_whitespace()).find_map(|(i, c)| {
            let at = i + c.len_utf8();
            (bytes.get(at).is_some_and(|&b| self.starts_byte(b)) && self.find(s.get(at..)?, After::Any).is_some())
                .then_some(i)
        })
    }

    /// Every phrase in `s` that `after` allows, left to right and not
    /// overlapping, as [`Lexicon::search`] finds them.
    pub fn search_all(&self, s: &str, after: After) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut at = 0;
        while let Some((a, b)) = self.search(s, at, after) {
            out.push((a, b));
            at = if b > a { b } else { a + s.get(a..).and_then(|r| r.chars().next()).map_or(1, char::len_utf8) };
        }
        out
    }
}

/// Phrases sought anywhere in a text, for a gate: an Aho-Corasick
/// automaton of their first words finds the places to try, and a
/// [`Lexicon`] of the phrases tries each (one pass over the text, and a
/// walk only where a first word is).
#[derive(Debug)]
pub(crate) struct Marks {
    /// The first words, each as written; `None` if the automaton could not
    /// be built (then every text holds a mark).
    firsts: Option<AhoCorasick>,
    phrases: Lexicon,
}

impl Marks {
    /// The phrases `words`, compared letter for letter.
    pub fn new(words: &[&str]) -> Marks {
        let mut firsts: Vec<&str> = words.iter().filter_map(|w| w.split_whitespace().next()).collect();
        firsts.sort_unstable();
        firsts.dedup();
        let firsts = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&firsts)
            .ok();
        Marks { firsts, phrases: Lexicon::new(words) }
    }

    /// Whether one of the phrases starts anywhere in `s`, whatever
    /// follows it (what [`Lexicon::search`] with [`After::Any`] finds,
    /// for phrases whose first words are as written).
    pub fn in_text(&self, s: &str) -> bool {
        let Some(firsts) = &self.firsts else { return true };
        // Every place where a first word starts, left to right: the
        // leftmost match from one byte after the last.
        let mut from = 0;
        while let Some(m) = firsts.find(Input::new(s).span(from..s.len())) {
            if s.get(m.start()..).is_some_and(|r| self.phrases.find(r, After::Any).is_some()) {
                return true;
            }
            from = m.start() + 1;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::patterns::Regex;
    use crate::vocab::alternation;

    /// Texts to try: every phrase as written, in other case, followed by
    /// each kind of end, and cut short.
    fn texts(words: &[&str]) -> Vec<String> {
        let mut out = vec![String::new(), " x".into(), "x".into()];
        for w in words {
            for form in vocab::tone_variants(w) {
                for tail in ["", " ", ", và", ".", "x", "  tiếp", ":", "(a)", "-b", "\nsau", " Văn", " Đức"] {
                    out.push(format!("{form}{tail}"));
                    out.push(format!("{}{tail}", form.to_uppercase()));
                    out.push(format!("{}{tail}", form.replace(' ', "  ")));
                }
                if let Some((cut, _)) = form.char_indices().last() {
                    out.push(form.get(..cut).unwrap_or_default().to_string());
                }
            }
        }
        out
    }

    /// A [`Marks`] finds a phrase in a text where the [`Lexicon`] of its
    /// phrases searched from the start does, for the forms of the phrases
    /// as written (with other white space between their words), inside
    /// other text and cut short.
    #[test]
    fn marks_find_what_the_lexicon_search_finds() {
        let words =
            ["chậm nhất", "đến hết", "đến 1", "hạn là", "trong dịp", "trước kỳ họp", "thời gian thực hiện", "xong"];
        let marks = Marks::new(&words);
        let lexicon = Lexicon::new(&words);
        let mut found = 0;
        for t in texts(&words) {
            for s in [t.clone(), format!("việc {t}"), format!("x{t} và đến hết"), format!("{t}; hạn\tlà")] {
                let m = marks.in_text(&s);
                assert_eq!(m, lexicon.search(&s, 0, After::Any).is_some(), "{s:?}");
                found += usize::from(m);
            }
        }
        assert!(found > 100, "{found}");
        for s in ["", "đến", "hạn chế", "chậm trễ", "trong", "xon"] {
            assert!(!marks.in_text(s), "{s:?}");
        }
        // A first word that starts inside another's.
        let overlapping = Marks::new(&["ab cd", "bx y"]);
        assert!(overlapping.in_text("abx y") && overlapping.in_text("ab  cd") && !overlapping.in_text("abx cd"));
    }

    fn agree(words: &[&str], caseless: bool) {
        let lex = if caseless { Lexicon::caseless(words) } else { Lexicon::new(words) };
        let i = if caseless { "(?i)" } else { "" };
        let alt = alternation(words);
        let word = Regex::new(&format!(r"{i}^{alt}(?:$|[\s,.:;()])")).unwrap_or_else(|e| panic!("{e}"));
        let space = Regex::new(&format!(r"{i}^{alt}\s+")).unwrap_or_else(|e| panic!("{e}"));
        let end = Regex::new(&format!(r"{i}^(?:{alt})$")).unwrap_or_else(|e| panic!("{e}"));
        let gap = Regex::new(&format!(r"{i}^{alt}(?:$|\s)")).unwrap_or_else(|e| panic!("{e}"));
        let any = Regex::new(&format!(r"{i}{alt}(?:[^\p{{L}}]|$)")).unwrap_or_else(|e| panic!("{e}"));
        let upper = Regex::new(&format!(r"^(?:{i}{alt})\s+\p{{Lu}}")).unwrap_or_else(|e| panic!("{e}"));
        for t in texts(words) {
            assert_eq!(lex.find(&t, After::Gap).is_some(), gap.is_match(&t), "gap: {t:?}");
            let t2 = format!("xx {t} và {t}");
            let found: Vec<(usize, usize)> = any.find_iter(&t2).map(|m| (m.start(), m.end())).collect();
            assert_eq!(lex.search_all(&t2, After::NotLetter), found, "not letter: {t2:?}");
            assert_eq!(lex.find(&t, After::SpaceUpper).is_some(), upper.is_match(&t), "upper: {t:?}");
            assert_eq!(lex.starts(&t), word.is_match(&t), "word: {t:?}");
            assert_eq!(lex.lead(&t), space.find(&t).map(|m| m.end()), "space: {t:?}");
            assert_eq!(lex.is(&t), end.is_match(&t), "end: {t:?}");
        }
    }

    #[test]
    fn agrees_with_the_alternations_it_replaces() {
        let lists = [
            vocab::BODY_HEADS,
            vocab::TITLE_HEADS,
            vocab::LOCALITY_WORDS,
            vocab::HONORIFICS,
            vocab::SURNAMES,
            vocab::PREDICATE_WORDS,
            vocab::NAME_VERBS,
            vocab::ADVISE_PREDICATES,
            vocab::COORDINATE_PREDICATES,
            vocab::HEAD_OPENERS,
            vocab::CLAUSE_PREFIXES,
            vocab::NOT_BODIES,
            vocab::ROLE_CUES_AFTER,
            vocab::NAME_COMPOUNDS,
            vocab::COMPOUND_NOUNS,
        ];
        for list in lists {
            agree(list, false);
            agree(list, true);
        }
    }

    /// The tree answers as the phrase table does.
    #[test]
    fn tree_agrees_with_the_phrase_table() {
        let lists = [
            vocab::BODY_HEADS,
            vocab::TITLE_HEADS,
            vocab::LOCALITY_WORDS,
            vocab::ROLE_CUES_AFTER,
            vocab::NAME_COMPOUNDS,
            vocab::COMPOUND_NOUNS,
            vocab::GROUP_NOUNS,
            &["İstanbul", "ǅ", "Kelvin", "a  b", "Đ", "ĐẢNG Ủy", "x", "x y", "x yz"],
        ];
        let afters =
            [After::Word, After::Space, After::End, After::Gap, After::SpaceUpper, After::NotLetter, After::Any];
        for list in lists {
            for caseless in [false, true] {
                let mut table = Lexicon::build_with(list, caseless, true);
                let Some(tree) = table.tree.take() else { continue };
                let lex = Lexicon { tree: Some(tree), ..Lexicon::build(list, caseless) };
                let mut all = texts(list);
                all.extend(
                    ["İSTANBUL x", "i\u{307}stanbul", "\u{212a}elvin", "ǆ", "X\u{a0}Y", "x\u{2003}yz", "đảng  ủy"]
                        .map(String::from),
                );
                for t in &all {
                    for (i, _) in t.char_indices() {
                        let r = t.get(i..).unwrap_or_default();
                        for a in afters {
                            assert_eq!(lex.find(r, a), table.find(r, a), "{r:?} {a:?} {caseless}");
                        }
                        let (x, y) = r.split_once(' ').unwrap_or((r, ""));
                        assert_eq!(lex.is_pair(x, y), table.is_pair(x, y), "{r:?} pair {caseless}");
                    }
                }
            }
        }
    }

    #[test]
    fn white_space_ends_in_the_bytes_said() {
        for c in ('\u{80}'..=char::MAX).filter(|c| c.is_whitespace()) {
            let mut buf = [0u8; 4];
            let last = c.encode_utf8(&mut buf).bytes().last().unwrap_or(0);
            assert!(ends_white_space(last), "{c:?}");
        }
    }

    #[test]
    fn white_space_starts_with_the_bytes_said() {
        for c in ('\0'..=char::MAX).filter(|c| c.is_whitespace()) {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let (first, next) = (bytes.first().copied().unwrap_or(0), bytes.get(1).copied());
            assert!(may_start_white_space(first, next), "{c:?}");
        }
        for t in ["", " a", "\u{a0}x", "\u{3000}y", "\u{2003}\u{202f} z", "ạ b", "Đ", "\u{1680}q", "x ", "\t\nk", "ẞ "]
        {
            assert_eq!(gap(t), t.len() - t.trim_start().len(), "{t:?}");
        }
    }

    #[test]
    fn own_lower_case_agrees_with_std() {
        for c in ('\0'..='\u{3000}').chain('\u{1D00}'..='\u{1F00}') {
            if own_lower_case(c) {
                assert!(c.to_lowercase().eq(std::iter::once(c)), "{c:?}");
            }
        }
        for c in "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ".chars()
        {
            assert!(own_lower_case(c), "{c:?}");
        }
    }

    #[test]
    fn alphanumeric_agrees_with_std() {
        for c in ('\0'..='\u{3000}').chain('\u{1D00}'..='\u{1F00}') {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn takes_the_longest_phrase_that_ends_a_word() {
        let lex = Lexicon::new(&["Phó Chủ tịch", "Phó Chủ tịch UBND", "Phó"]);
        assert_eq!(lex.word_at("Phó Chủ tịch UBND huyện"), Some("Phó Chủ tịch UBND".len()));
        assert_eq!(lex.word_at("Phó Chủ tịchx"), Some("Phó".len()));
        assert_eq!(lex.word_at("Phó  Chủ\ttịch, ông"), Some("Phó  Chủ\ttịch".len()));
        assert_eq!(lex.word_at("phó"), None);
        assert_eq!(Lexicon::caseless(&["Phó"]).word_at("PHÓ"), Some("PHÓ".len()));
    }

    #[test]
    fn matches_either_tone_placement() {
        let lex = Lexicon::new(&["Văn hóa"]);
        assert!(lex.starts("Văn hoá xã hội"));
        assert!(lex.starts("Văn hóa"));
    }

    #[test]
    fn finds_cues_after_a_boundary_without_overlap() {
        let lex = Lexicon::caseless(&["giao", "phối hợp với"]);
        let s = "Giao Phòng A, phối hợp với Phòng B; giaoX";
        let found: Vec<&str> =
            lex.leads_in(s, Before::Open).iter().map(|&(a, b, _)| s.get(a..b).unwrap_or_default()).collect();
        assert_eq!(found, ["Giao", "phối hợp với"]);
        assert!(lex.leads_in("bàn giao Phòng", Before::Open).len() == 1);
        assert!(lex.leads_in("bàngiao Phòng", Before::Open).is_empty());
        assert!(lex.leads_in("\"giao Phòng", Before::Open).is_empty());
        assert!(lex.leads_in("\"giao Phòng", Before::NonWord).len() == 1);
    }

    #[test]
    fn finds_a_phrase_at_the_end() {
        let lex = Lexicon::caseless(&["kết luận như sau", "như sau"]);
        assert!(lex.ends("Chủ tịch đã KẾT LUẬN   như sau"));
        assert!(lex.ends("xnhư sau"));
        assert!(!lex.ends("như sau đây"));
        assert!(!lex.ends(""));
    }

    #[test]
    fn finds_a_phrase_between_spaces() {
        let lex = Lexicon::caseless(&["tại", "và đồng chí"]);
        let s = "đồng chí A, Chủ tịch UBND Tại  cuộc họp";
        assert_eq!(lex.spaced(s, 0), s.find(" Tại"));
        assert_eq!(lex.spaced("A và đồng chí B", 0), Some(1));
        assert_eq!(lex.spaced("A tại", 0), None);
        assert_eq!(lex.spaced("tại A", 0), None);
    }

    #[test]
    fn pairs_and_unanchored_finds() {
        let lex = Lexicon::caseless(&["xây dựng", "kế hoạch và đầu tư"]);
        assert!(lex.is_pair("Xây", "dựng"));
        assert!(!lex.is_pair("xây", "nhà"));
        let s = "Sở Kế hoạch và Đầu tư, Xây dựng";
        let at = "Sở ".len();
        assert_eq!(
            lex.search_all(s, After::Any),
            vec![(at, at + "Kế hoạch và Đầu tư".len()), (s.len() - "Xây dựng".len(), s.len())]
        );
    }
}
