//! Regular expressions shared by several stages, compiled once from the
//! vocabulary in [`crate::vocab`].

use crate::lexicon::{After, Lexicon};
use crate::vocab::{self, alternation};
use std::sync::LazyLock;

pub(crate) mod engine;
pub(crate) mod gates;
pub(crate) mod labels;
pub(crate) mod syntax;

#[cfg(test)]
pub(crate) use engine::tests::fixture_lines;
pub(crate) use engine::{Captures, Match, Matcher, Regex};

/// The shared patterns.
pub(crate) struct Patterns {
    /// A bullet at the start of a line.
    bullet_start: LazyLock<Matcher>,
    /// An item label at the start of a line: `I.`, `1.`, `1.1.`, `a)`, `(1)`.
    /// The "Nơi nhận:" head.
    recipients_head: LazyLock<Matcher>,
    /// Page furniture: page numbers, page markers, signing stamps, footers.
    furniture: LazyLock<Matcher>,
    /// A rule line (`-----`, `____`).
    rule: LazyLock<Matcher>,
    /// An inline item marker after ":", ";" or "." ("; (2) ").
    pub inline_item: LazyLock<Regex>,
    /// A place-and-date line after its place: from the comma on.
    date_line_tail: LazyLock<Matcher>,
    /// A number-and-symbol line ("Số: 45/TB-UBND").
    number_line: LazyLock<Matcher>,
    /// The document types ("THÔNG BÁO", "QUYẾT ĐỊNH"), as a word table.
    doc_types: LazyLock<Lexicon>,
    /// The word that opens the meeting sentence ("Ngày", "Sáng", …) and the
    /// white space after it.
    meeting_opener_word: LazyLock<Matcher>,
    /// The date that follows it within the clause ("7/3/2021", "7 tháng 3").
    meeting_opener_date: LazyLock<Matcher>,
    /// A line that opens the lead-in sentence ("Sau khi nghe …").
    lead_in_opener: LazyLock<Matcher>,
}

impl Patterns {
    /// Whether the line is only a rule (`-----`, `____`).
    pub fn is_rule_line(&self, s: &str) -> bool {
        gates::may_be_rule_line(s) && self.rule.is_match(s.trim())
    }

    /// Whether the line starts with a bullet and text.
    pub fn is_bullet_start(&self, s: &str) -> bool {
        gates::may_be_bullet(s) && self.bullet_start.is_match(s)
    }

    /// Whether the line opens with an item label (`I.`, `1.`, `a)`, `(1)`, "Thứ nhất,").
    pub fn is_item_label(&self, s: &str) -> bool {
        gates::may_be_item_label(s) && labels::starts_with_item_label(s)
    }

    /// Whether the line is the "Nơi nhận:" head.
    pub fn is_recipients_head(&self, s: &str) -> bool {
        gates::may_be_recipients_head(s) && self.recipients_head.is_match(s)
    }

    /// Whether the line starts with a signature authority mark ("TL. CHỦ TỊCH").
    pub fn is_signature_mark(&self, s: &str) -> bool {
        gates::may_be_signature_mark(s) && starts_with_signature_mark(s)
    }

    /// Whether the line is page furniture: a page number or marker, a
    /// signing stamp, a file name, an e-mail footer.
    pub fn is_furniture(&self, s: &str) -> bool {
        gates::may_be_furniture(s) && self.furniture.is_match(s)
    }

    /// Whether the line is a place-and-date line: a place of 1 to
    /// [`DATE_LINE_PLACE_CHARS`] characters without a digit, up to the first
    /// comma, then ", ngày … tháng … năm".
    pub fn is_date_line(&self, s: &str) -> bool {
        gates::may_be_date_line(s)
            && s.find(',').is_some_and(|comma| {
                let place = s.get(..comma).unwrap_or_default();
                !place.is_empty()
                    && !place.bytes().any(|b| b.is_ascii_digit())
                    && place.chars().count() <= DATE_LINE_PLACE_CHARS
                    && self.date_line_tail.is_match(s.get(comma..).unwrap_or_default())
            })
    }

    /// Whether the line is a number-and-symbol line ("Số: 45/TB-UBND").
    pub fn is_number_line(&self, s: &str) -> bool {
        gates::may_be_number_line(s) && self.number_line.is_match(s)
    }

    /// Whether the line is a document type line ("THÔNG BÁO",
    /// "**QUYẾT ĐỊNH**"): a type, with white space, stars and a colon
    /// around it as [`doc_type_line_as_one_pattern`] allows.
    pub fn is_doc_type_line(&self, s: &str) -> bool {
        if !gates::may_be_doc_type_line(s) {
            return false;
        }
        let spaces_stars_spaces = |t: &str| -> usize {
            let a = space_run(t.as_bytes(), 0);
            let b = a + t.get(a..).map_or(0, |r| r.len() - r.trim_start_matches('*').len());
            b + space_run(t.as_bytes(), b)
        };
        let head = s.get(spaces_stars_spaces(s)..).unwrap_or_default();
        // Every type at the start, as the alternation tries them: what
        // follows the type must close the line.
        self.doc_types.find_all_at(head, After::Any).into_iter().any(|(end, _)| {
            let rest = head.get(end..).unwrap_or_default();
            let rest = rest.get(spaces_stars_spaces(rest)..).unwrap_or_default();
            let rest = rest.strip_prefix(':').unwrap_or(rest);
            space_run(rest.as_bytes(), 0) == rest.len()
        })
    }

    /// Whether the line opens the meeting sentence with a date: an opener
    /// word, then a date within [`MEETING_OPENER_GAP_CHARS`] characters of
    /// it in the same clause.
    pub fn is_meeting_opener(&self, s: &str) -> bool {
        gates::may_be_meeting_opener(s)
            && self.meeting_opener_word.find_end(s).is_some_and(|word| {
                gap_ends(s, word, MEETING_OPENER_GAP_CHARS, &['.', ';', ':']).any(|at| {
                    let rest = s.get(at..).unwrap_or_default();
                    rest.starts_with(|c: char| c.is_ascii_digit()) && self.meeting_opener_date.is_match(rest)
                })
            })
    }

    /// Whether the line opens the lead-in sentence ("Sau khi nghe …").
    pub fn is_lead_in_opener(&self, s: &str) -> bool {
        gates::may_be_lead_in_opener(s) && self.lead_in_opener.is_match(s)
    }
}

/// The longest place of a place-and-date line, in characters.
const DATE_LINE_PLACE_CHARS: usize = 60;

/// At most this many characters stand between the opener word of the
/// meeting sentence and its date ("Sáng ngày 7/3/2021").
const MEETING_OPENER_GAP_CHARS: usize = 40;

/// Whether `c` is white space as `\s` in the crate's patterns means it
/// (they are narrowed to ASCII white space: tab to carriage return, space).
pub(crate) fn is_pattern_space(c: char) -> bool {
    matches!(c, '\t'..='\r' | ' ')
}

/// [`is_pattern_space`] for a byte of UTF-8: ASCII white space.
pub(crate) fn is_space_byte(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// The length of the run of white space (see [`is_space_byte`]) that
/// starts at byte `at` of `bytes` (0 past the end).
pub(crate) fn space_run(bytes: &[u8], at: usize) -> usize {
    bytes.get(at..).map_or(0, |r| r.iter().take_while(|&&b| is_space_byte(b)).count())
}

/// The byte after the character that starts at `at` in `s` (`at + 1` past
/// its end).
pub(crate) fn next_char(s: &str, at: usize) -> usize {
    at + s.get(at..).and_then(|r| r.chars().next()).map_or(1, char::len_utf8)
}

/// Where a gap of at most `max` characters from byte `start` of `s` can
/// end, none of its characters one of `stops`: `start`, then the end of
/// each character in turn (what `[^stops]{0,max}` can match from `start`).
///
/// A bounded gap written into a pattern makes its lazy DFA count
/// characters in its states: its cache grows to hundreds of kilobytes and
/// its compilation takes a third of the pattern's. So the crate walks such
/// gaps here and asks a pattern at each end where it may match.
pub(crate) fn gap_ends<'a>(
    s: &'a str,
    start: usize,
    max: usize,
    stops: &'a [char],
) -> impl Iterator<Item = usize> + 'a {
    let rest = s.get(start..).unwrap_or_default();
    std::iter::once(start).chain(
        rest.char_indices()
            .take(max)
            .take_while(move |(_, c)| !stops.contains(c))
            .map(move |(i, c)| start + i + c.len_utf8()),
    )
}

/// The letters that notices are written in, as the body of a regex class:
/// ASCII, Latin-1, Latin Extended-A and -B, and Latin Extended Additional
/// (which holds the precomposed Vietnamese letters). `\p{L}` would also take
/// every other script, at twenty to forty times the cost to compile.
const LETTERS: &str = "A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ";

/// The Vietnamese alphabet with Latin-1 (for foreign names), in one case,
/// as the body of a regex class.
fn letters_of_case(upper: bool) -> String {
    let vietnamese = ['Ă', 'ă', 'Đ', 'đ', 'Ĩ', 'ĩ', 'Ũ', 'ũ', 'Ơ', 'ơ', 'Ư', 'ư'];
    let all = ('A'..='Z').chain('a'..='z').chain('À'..='ÿ').chain(vietnamese).chain('\u{1EA0}'..='\u{1EF9}');
    let mut chars: Vec<char> = all.filter(|c| if upper { c.is_uppercase() } else { c.is_lowercase() }).collect();
    chars.sort_unstable();
    let mut out = String::new();
    let mut i = 0;
    while let Some(&first) = chars.get(i) {
        let mut last = first;
        while chars.get(i + 1).is_some_and(|&n| n as u32 == last as u32 + 1) {
            i += 1;
            last = chars.get(i).copied().unwrap_or(last);
        }
        out.push(first);
        if last != first {
            out.push('-');
            out.push(last);
        }
        i += 1;
    }
    out
}

static UPPER: LazyLock<String> = LazyLock::new(|| letters_of_case(true));

/// Whether `c` is one of the letters of notices (see [`LETTERS`]): what
/// the narrowed `\p{L}` matches.
pub(crate) fn is_notice_letter(c: char) -> bool {
    matches!(c, 'A'..='Z' | 'a'..='z' | 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ɏ' | 'Ḁ'..='ỿ')
}

/// Whether `c` is a capital of the Vietnamese alphabet or of Latin-1 (see
/// [`letters_of_case`]): what the narrowed `\p{Lu}` matches.
pub(crate) fn is_notice_capital(c: char) -> bool {
    match c {
        'A'..='Z' | 'Ă' | 'Đ' | 'Ĩ' | 'Ũ' | 'Ơ' | 'Ư' => true,
        'À'..='Þ' => c != '×',
        '\u{1EA0}'..='\u{1EF9}' => u32::from(c) % 2 == 0,
        _ => false,
    }
}
static LOWER: LazyLock<String> = LazyLock::new(|| letters_of_case(false));

/// The white space of normalised text, as the body of a regex class.
/// [`crate::normalize`] turns every other Unicode space into a plain space
/// or a line feed, so on the text that the patterns read, `\s` matches
/// exactly these.
const SPACES: &str = r"\t-\r ";

/// `pattern` with `\p{L}`, `\p{Lu}` and `\p{Ll}` narrowed to the letters
/// of notices (see [`LETTERS`]) and `\s` to the white space of normalised
/// text (see [`SPACES`]), inside a class or standing alone, and `\S`
/// standing alone to its complement. The patterns keep the Unicode names
/// for readability; the narrowing cuts their compile time, which a
/// one-notice run of the CLI mostly spends (Unicode `\s` alone costs five
/// times the instructions of its narrowed class).
fn narrow(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 64);
    let mut depth = 0usize;
    let mut rest = pattern;
    // Only a backslash or a bracket changes anything: the text between
    // them is copied as it is.
    while let Some(at) = memchr::memchr3(b'\\', b'[', b']', rest.as_bytes()) {
        out.push_str(rest.get(..at).unwrap_or_default());
        rest = rest.get(at..).unwrap_or_default();
        if let Some(len) = narrow_at(rest, depth, &mut out) {
            rest = rest.get(len..).unwrap_or_default();
            continue;
        }
        let step = match rest.as_bytes().first() {
            // An escape: the backslash and the character it escapes.
            Some(b'\\') => rest.chars().nth(1).map_or(1, |n| 1 + n.len_utf8()),
            Some(b'[') => {
                depth += 1;
                1
            }
            _ => {
                depth = depth.saturating_sub(1);
                1
            }
        };
        out.push_str(rest.get(..step).unwrap_or(rest));
        rest = rest.get(step..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// Writes to `out` the narrowed form of the class name at the start of
/// `rest` (`\p{L}`, `\p{Lu}`, `\p{Ll}`, `\s`, or `\S` outside a class),
/// inside a class when `depth` is above 0; the length of the name, or
/// `None` when `rest` starts with none.
fn narrow_at(rest: &str, depth: usize, out: &mut String) -> Option<usize> {
    let class = [(r"\p{Lu}", UPPER.as_str()), (r"\p{Ll}", LOWER.as_str()), (r"\p{L}", LETTERS), (r"\s", SPACES)]
        .into_iter()
        .find(|(name, _)| rest.starts_with(name));
    if let Some((name, body)) = class {
        if depth > 0 {
            out.push_str(body);
        } else {
            out.push('[');
            out.push_str(body);
            out.push(']');
        }
        return Some(name.len());
    }
    // A complement cannot be written inside a class: `\S` is narrowed
    // only where it stands alone.
    if depth == 0 && rest.starts_with(r"\S") {
        out.push_str("[^");
        out.push_str(SPACES);
        out.push(']');
        return Some(2);
    }
    None
}

/// Builds the pattern `s` of the crate, narrowed, with `new`.
fn build<T>(s: &str, new: fn(&str) -> Result<T, engine::Error>) -> T {
    #[cfg(test)]
    if let Ok(mut written) = syntax::tests::WRITTEN.lock() {
        written.push(s.to_string());
    }
    let s = narrow(s);
    #[cfg(test)]
    if let Ok(mut seen) = syntax::tests::SEEN.lock() {
        seen.push(s.clone());
    }
    match new(&s) {
        Ok(r) => r,
        Err(e) => {
            // Every pattern is a fixed string of this crate and the tests
            // compile them all; in release, a broken one matches nothing.
            debug_assert!(false, "bad pattern {s}: {e}");
            never(new)
        }
    }
}

#[cold]
fn never<T>(new: fn(&str) -> Result<T, engine::Error>) -> T {
    // `[^\s\S]` matches nothing and always compiles.
    new(r"[^\s\S]").or_else(|_| new("")).unwrap_or_else(|_| never(new))
}

fn re(s: &str) -> Regex {
    build(s, Regex::new)
}

/// Compiles a pattern of the crate.
pub(crate) fn compile(s: &str) -> Regex {
    re(s)
}

/// Compiles a case-insensitive pattern of the crate (it starts with
/// `(?i)`) for text in lower case: [`lowered_pattern`] of it, to search
/// [`lower_case`] of a text instead of the text.
pub(crate) fn compile_lowered(s: &str) -> Regex {
    re(&lowered(s))
}

/// [`compile_lowered`] for a pattern that is only asked whether it
/// matches.
pub(crate) fn compile_matcher_lowered(s: &str) -> Matcher {
    build(&lowered(s), Matcher::new)
}

/// [`lowered_pattern`] of `s`; the tests record `s` as written, to check
/// each lowered pattern against it.
fn lowered(s: &str) -> String {
    #[cfg(test)]
    if let Ok(mut seen) = tests::LOWERED.lock() {
        seen.push(s.to_string());
    }
    lowered_pattern(s)
}

/// The lower case of `c` when it is one character of the same length in
/// UTF-8 (every Vietnamese and Latin-1 letter), else `c`. The letters of
/// notices are looked up here; any other character asks the standard
/// library.
fn lower_char(c: char) -> char {
    let u = u32::from(c);
    let lower = match u {
        0x41..=0x5A => u + 0x20,
        0..=0x7F | 0xDF..=0xFF | 0x1A1 | 0x1B0 => return c,
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        0x1A0 | 0x1AF => u + 1,
        _ if let Some(small) = crate::lexicon::paired_small(u) => small,
        _ => {
            let mut lower = c.to_lowercase();
            return match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            };
        }
    };
    char::from_u32(lower).unwrap_or(c)
}

/// `s` in lower case, character by character, each character kept at its
/// length in bytes (see [`lower_char`]): every byte offset into `s` is the
/// same offset into the result, so a match found in it is a match of `s`.
/// Borrowed when `s` has no capital. Otherwise a copy, its ASCII lowered
/// in place (`str::make_ascii_lowercase`) and then each other capital.
pub(crate) fn lower_case(s: &str) -> std::borrow::Cow<'_, str> {
    // Past ASCII and continuation bytes: where a character that may have
    // another lower case starts.
    let next_lead = |from: usize, ascii: bool| {
        s.as_bytes()
            .get(from..)
            .and_then(|r| r.iter().position(|&b| b >= 0xC0 || (ascii && b.is_ascii_uppercase())))
            .map(|n| from + n)
    };
    let mut first = None;
    let mut i = 0;
    while let Some(at) = next_lead(i, true) {
        let Some((len, lower)) = lower_at(s, at) else { break };
        if lower.is_some() {
            first = Some(at);
            break;
        }
        i = at + len;
    }
    let Some(first) = first else { return std::borrow::Cow::Borrowed(s) };
    let mut out = s.to_owned();
    if let Some(tail) = out.get_mut(first..) {
        tail.make_ascii_lowercase();
    }
    let mut i = first;
    while let Some(at) = next_lead(i, false) {
        let Some((len, lower)) = lower_at(s, at) else { break };
        if let Some(l) = lower
            && out.is_char_boundary(at)
            && out.is_char_boundary(at + len)
        {
            // The same length: the bytes after it stay where they are.
            out.replace_range(at..at + len, l.encode_utf8(&mut [0u8; 4]));
        }
        i = at + len;
    }
    std::borrow::Cow::Owned(out)
}

/// The length in bytes of the character at byte `i` of `s` (a character
/// boundary), and its lower case if that differs (see [`lower_char`]);
/// `None` at the end. ASCII and the Vietnamese letters (Latin-1, Latin
/// Extended-A, Ơ, Ư, U+1EA0 to U+1EFF) are decided on their bytes, and
/// decoded only when they are capitals: the cost of [`lower_case`] is this,
/// once a character.
#[inline]
fn lower_at(s: &str, i: usize) -> Option<(usize, Option<char>)> {
    let bytes = s.as_bytes();
    let b = *bytes.get(i)?;
    // The payload of the continuation byte `k` places after `b`.
    let tail = |k: usize| bytes.get(i + k).map_or(0, |&x| u32::from(x & 0x3F));
    // A letter of a capital and small pair, or `None`.
    let pair = |len: usize, code: u32| {
        crate::lexicon::paired_small(code).map(|small| (len, (small != code).then(|| char::from_u32(small)).flatten()))
    };
    match b {
        0..=0x7F => return Some((1, b.is_ascii_uppercase().then(|| char::from(b.to_ascii_lowercase())))),
        0xC3 => {
            // U+00C0–U+00FF: the capitals U+00C0–U+00DE but ×, 0x20 below.
            let code = 0xC0 | tail(1);
            return Some((2, (code <= 0xDE && code != 0xD7).then(|| char::from_u32(code + 0x20)).flatten()));
        }
        0xC4 | 0xC5 => {
            if let Some(found) = pair(2, (u32::from(b & 0x1F) << 6) | tail(1)) {
                return Some(found);
            }
        }
        0xC6 => match 0x180 | tail(1) {
            code @ (0x1A0 | 0x1AF) => return Some((2, char::from_u32(code + 1))),
            0x1A1 | 0x1B0 => return Some((2, None)),
            _ => {}
        },
        0xE1 if matches!(bytes.get(i + 1), Some(0xBA | 0xBB)) => {
            if let Some(found) = pair(3, 0x1000 | (tail(1) << 6) | tail(2)) {
                return Some(found);
            }
        }
        _ => {}
    }
    let c = s.get(i..)?.chars().next()?;
    let l = lower_char(c);
    Some((c.len_utf8(), (l != c).then_some(l)))
}

/// A case-insensitive pattern (it starts with `(?i)`) made case-sensitive
/// for text in [`lower_case`]: its letters in lower case, and its classes
/// and Unicode classes that hold a letter kept case-insensitive in a
/// `(?i:…)` group, since a class such as `[A-Z]` under `(?i)` also
/// matches lower case. On text in lower case it finds what the pattern
/// finds on the text, at a third less compile time: a literal letter under
/// `(?i)` compiles as a class of its cases.
fn lowered_pattern(pattern: &str) -> String {
    let body = pattern.strip_prefix("(?i)").unwrap_or(pattern);
    let mut out = String::with_capacity(body.len() + 32);
    let mut rest = body;
    while let Some(c) = rest.chars().next() {
        let len = match c {
            // An escape; a Unicode class `\p{…}` with its name.
            '\\' => {
                let n = rest.chars().nth(1).map_or(0, char::len_utf8);
                match rest
                    .get(1 + n..)
                    .filter(|r| matches!(rest.as_bytes().get(1), Some(b'p' | b'P')) && r.starts_with('{'))
                {
                    Some(r) => 1 + n + r.find('}').map_or(r.len(), |e| e + 1),
                    None => 1 + n,
                }
            }
            '[' => class_len(rest),
            // A group's name is kept as written.
            '(' if rest.starts_with("(?P<") => rest.find('>').map_or(rest.len(), |e| e + 1),
            _ => {
                out.push(lower_char(c));
                rest = rest.get(c.len_utf8()..).unwrap_or_default();
                continue;
            }
        };
        let item = rest.get(..len).unwrap_or(rest);
        let cased = if item.starts_with('[') {
            class_has_letter(item)
        } else {
            (item.starts_with(r"\p") || item.starts_with(r"\P"))
                && !CASE_CLOSED.contains(&item.get(1..).unwrap_or(item))
        };
        if cased {
            out.push_str("(?i:");
            out.push_str(item);
            out.push(')');
        } else {
            out.push_str(item);
        }
        rest = rest.get(item.len()..).unwrap_or_default();
    }
    out
}

/// The Unicode classes that need no `(?i:…)` in a lowered pattern: all
/// letters (narrowed to those of notices, see [`LETTERS`]) hold both cases
/// of each. Case folding would add only the Kelvin and Angstrom signs,
/// which NFC turns into letters of the class, and the swash-tailed Ȿ and
/// Ɀ, which no notice holds; folding a class this large costs more to
/// compile than the `(?i)` it replaces.
const CASE_CLOSED: [&str; 2] = [r"p{L}", r"P{L}"];

/// Whether the bracketed class `class` names a letter of one case only:
/// one written as itself, or a Unicode class other than the
/// [`CASE_CLOSED`] ones; an escape such as `\t` or `\s` names none.
fn class_has_letter(class: &str) -> bool {
    let mut rest = class;
    while let Some(c) = rest.chars().next() {
        if c == '\\' {
            let name = rest.get(1..).unwrap_or_default();
            if name.starts_with(['p', 'P']) && !CASE_CLOSED.iter().any(|n| name.starts_with(n)) {
                return true;
            }
            // Past the backslash and what it escapes (a class's name too).
            let step = match name.strip_prefix(['p', 'P']).filter(|n| n.starts_with('{')) {
                Some(n) => 2 + n.find('}').map_or(n.len(), |e| e + 1),
                None => 1 + name.chars().next().map_or(0, char::len_utf8),
            };
            rest = rest.get(step..).unwrap_or_default();
            continue;
        }
        if c.is_alphabetic() {
            return true;
        }
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
    }
    false
}

/// The length in bytes of the bracketed class that `s` starts with
/// (nested classes and escapes included; all of `s` if it does not close).
fn class_len(s: &str) -> usize {
    let mut depth = 0usize;
    let mut chars = s.char_indices().peekable();
    let mut first = true;
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '[' => depth += 1,
            // A `]` first in a class (or after `^`) is a member.
            ']' if !first => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        first = c == '[' || (c == '^' && first);
    }
    s.len()
}

/// Compiles a pattern of the crate that is only asked whether it matches.
pub(crate) fn compile_matcher(s: &str) -> Matcher {
    build(s, Matcher::new)
}

/// A place-and-date line from the comma after the place.
const DATE_LINE_TAIL: &str =
    r"^,\s*ngày\s+(?:(?:[0-9]{1,2}|[.…_]+)\s+)?tháng\s+(?:(?:[0-9]{1,2}|[.…_]+)\s+)?năm(?:[^\p{L}]|$)";

/// The date of the meeting sentence's opener.
const MEETING_OPENER_DATE: &str = r"^[0-9]{1,2}\s*(?:[/.\-]\s*[0-9]{1,2}|\s+tháng\s+[0-9])";

/// Whether `s` starts with an authority mark of [`vocab::AUTHORITY_MARKS`],
/// then white space or a "." or ":" (white space around it allowed), then
/// two capitals: "TL. CHỦ TỊCH", "T/M BAN THƯỜNG VỤ". A loop rather than a
/// pattern: the two narrowed capitals made it one of the costlier patterns
/// to compile, for a question asked of a few lines.
fn starts_with_signature_mark(s: &str) -> bool {
    let two_capitals = |r: &str| {
        let mut c = r.chars();
        c.next().is_some_and(is_notice_capital) && c.next().is_some_and(is_notice_capital)
    };
    vocab::AUTHORITY_MARKS.iter().filter_map(|(m, _)| s.strip_prefix(m)).any(|rest| {
        let blank = rest.trim_start_matches([' ', '\t']);
        let spaced = rest.trim_start_matches(is_pattern_space);
        (blank.len() < rest.len() && two_capitals(blank))
            || spaced.strip_prefix(['.', ':']).is_some_and(|r| two_capitals(r.trim_start_matches(is_pattern_space)))
    })
}

/// The item label as one pattern (what [`labels::starts_with_item_label`] walks
/// instead), for the tests to compare.
#[cfg(test)]
pub(crate) fn item_label_as_one_pattern() -> Matcher {
    compile_matcher(&format!(
        r"^(?:[IVXLC]{{1,6}}\s*[.\-)]|[0-9]{{1,3}}(?:\.[0-9]{{1,3}})+\.?|[0-9]{{1,3}}[.)\-]|[a-zđ][.)\-]|\([0-9]{{1,3}}\)|\([a-zđ]\)|Thứ\s+{}\s*,)\s+\S",
        alternation(vocab::ORDINAL_WORDS)
    ))
}

/// The authority mark line as one pattern (what
/// [`starts_with_signature_mark`] walks instead), for the tests to compare.
#[cfg(test)]
pub(crate) fn signature_mark_as_one_pattern() -> Matcher {
    compile_matcher(&format!(
        r"^{}(?:\s*[.:]\s*|[ \t]+)\p{{Lu}}{{2}}",
        alternation(&vocab::AUTHORITY_MARKS.iter().map(|(m, _)| *m).collect::<Vec<_>>())
    ))
}

/// The place-and-date line as one pattern, its place a bounded gap (what
/// [`Patterns::is_date_line`] walks instead), for the tests to compare.
#[cfg(test)]
pub(crate) fn date_line_as_one_pattern() -> Matcher {
    compile_matcher(&format!(r"^[^0-9,]{{1,60}}{}", DATE_LINE_TAIL.trim_start_matches('^')))
}

/// The meeting sentence's opener as one pattern (see
/// [`date_line_as_one_pattern`]).
#[cfg(test)]
pub(crate) fn meeting_opener_as_one_pattern() -> Matcher {
    compile_matcher(&format!(
        r"^(?:{})\s[^.;:]{{0,40}}?{}",
        alternation(vocab::MEETING_OPENERS),
        MEETING_OPENER_DATE.trim_start_matches('^')
    ))
}

/// The document type line as one pattern, as it was before
/// [`Patterns::is_doc_type_line`] walked a word table: the tests compare
/// both.
#[cfg(test)]
pub(crate) fn doc_type_line_as_one_pattern() -> Matcher {
    compile_matcher(&format!(
        r"^\s*\**\s*{}\s*\**\s*:?\s*$",
        alternation(&vocab::DOC_TYPES.iter().map(|(t, _)| *t).collect::<Vec<_>>())
    ))
}

/// The shared patterns, each compiled the first time it is used.
pub(crate) static P: LazyLock<Patterns> = LazyLock::new(|| Patterns {
    bullet_start: LazyLock::new(|| compile_matcher(r"^[-+•*–—−]\s+\S")),
    recipients_head: LazyLock::new(|| {
        compile_matcher(&format!(r"^(?:\*\*)?\s*{}\s*:", alternation(vocab::RECIPIENTS_CUES)))
    }),
    furniture: LazyLock::new(|| {
        compile_matcher(concat!(
            r"(?i)^\s*(?:[-–]\s*[0-9]{1,4}\s*[-–]|[0-9]{1,4}\s*[-–]?|=+\s*trang\s+[0-9]+\s*=+|trang\s+[0-9]+(?:\s*/\s*[0-9]+)?",
            r"|[0-9]{2}[-/.][0-9]{2}[-/.][0-9]{4}\s+[0-9]{2}:[0-9]{2}(?::[0-9]{2})?(?:\s*[+-][0-9]{2}:?[0-9]{2})?",
            r"|[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2})?(?:[+-][0-9]{2}:?[0-9]{2}|Z)?",
            r"|\S+\.(?:docx?|pdf|odt|rtf)(?:\s+[0-9]{1,4})?|.*đã ký lên văn bản này.*|ký bởi:.*|\S+@\S+\.\S+)\s*$"
        ))
    }),
    rule: LazyLock::new(|| compile_matcher(r"^[-_=*–—.·]{3,}$")),
    inline_item: LazyLock::new(|| re(r"(?:^|[:;.]\s+)\(([0-9]{1,2}|[a-zđ])\)\s+\S")),
    date_line_tail: LazyLock::new(|| compile_matcher(DATE_LINE_TAIL)),
    number_line: LazyLock::new(|| compile_matcher(r"^Số\s*:?\s*[0-9]*\s*[a-zA-Z]?\s*[/-]\s*\S")),
    doc_types: LazyLock::new(|| Lexicon::new(&vocab::DOC_TYPES.iter().map(|(t, _)| *t).collect::<Vec<_>>())),
    meeting_opener_word: LazyLock::new(|| compile_matcher(&format!(r"^(?:{})\s", alternation(vocab::MEETING_OPENERS)))),
    meeting_opener_date: LazyLock::new(|| compile_matcher(MEETING_OPENER_DATE)),
    lead_in_opener: LazyLock::new(|| compile_matcher(&format!(r"^(?:{})\s", alternation(vocab::LEAD_IN_OPENERS)))),
});

/// Compiles every pattern and builds every word table of this module now
/// (see [`crate::warm_up`]).
pub(crate) fn warm_up() {
    let rx = &*P;
    for re in [
        &rx.bullet_start,
        &rx.recipients_head,
        &rx.furniture,
        &rx.rule,
        &rx.date_line_tail,
        &rx.number_line,
        &rx.meeting_opener_word,
        &rx.meeting_opener_date,
        &rx.lead_in_opener,
    ] {
        LazyLock::force(re);
    }
    LazyLock::force(&rx.inline_item);
    LazyLock::force(&rx.doc_types);
    LazyLock::force(&UPPER);
    LazyLock::force(&LOWER);
    gates::warm_up();
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Every fixture line (see [`fixture_lines`]) and `extra`, normalised
    /// as the parser reads text (white space is ASCII there): what a test
    /// that compares a walk with the pattern it replaced reads.
    pub(crate) fn normalized_lines(extra: &[&str]) -> Vec<String> {
        let mut lines = fixture_lines();
        lines.extend(extra.iter().map(|l| l.to_string()));
        lines.iter().map(|l| crate::normalize::normalize(l, 0).text.into_owned()).collect()
    }

    /// Every fixture line, the gate samples and `extra`: what a test of a
    /// gate reads.
    pub(crate) fn gate_texts(extra: &[&str]) -> Vec<String> {
        let mut texts = fixture_lines();
        texts.extend(gates::tests::samples());
        texts.extend(extra.iter().map(|l| l.to_string()));
        texts
    }

    /// Checks that `gate` holds on each of `texts` where `matches` does
    /// (the gate hides no match); how many texts matched.
    pub(crate) fn gate_hides_none(
        texts: &[String],
        matches: impl Fn(&str) -> bool,
        gate: impl Fn(&str) -> bool,
    ) -> usize {
        let mut matched = 0;
        for t in texts {
            let m = matches(t);
            assert!(!m || gate(t), "{t:?}");
            matched += usize::from(m);
        }
        matched
    }

    /// Lines around the bounds of a walked gap: `n` characters of `fill`
    /// between `head` and `tail`, for `n` near `max`.
    pub(crate) fn gap_lines(heads: &[&str], fills: &[&str], tails: &[&str], max: usize) -> Vec<String> {
        let mut out = Vec::new();
        for head in heads {
            for fill in fills {
                for n in [0, 1, 2, max.saturating_sub(1), max, max + 1, max + 2] {
                    for tail in tails {
                        out.push(format!("{head}{}{tail}", fill.repeat(n)));
                    }
                }
            }
        }
        out
    }

    /// The pattern of every [`compile_lowered`] call so far, as written.
    pub(super) static LOWERED: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

    #[test]
    fn lower_case_keeps_every_offset() {
        for c in ('\0'..='\u{3000}').chain('\u{1D00}'..='\u{1F00}') {
            let mut std_lower = c.to_lowercase();
            let want = match (std_lower.next(), std_lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            };
            assert_eq!(lower_char(c), want, "{c:?}");
        }
        assert_eq!(lower_case("Hạn CHÓT Đến ĐÂY İ ẞ"), "hạn chót đến đây İ ẞ");
        let all: String = ('\0'..='\u{3000}').chain('\u{1D00}'..='\u{1F00}').collect();
        assert_eq!(lower_case(&all), all.chars().map(lower_char).collect::<String>());
        assert_eq!(lower_case("ab"), "ab");
        assert_eq!(lower_case("aB"), "ab");
        assert_eq!(lower_case(""), "");
        assert!(matches!(lower_case("hạn chót 1/2"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn lowered_patterns_lower_only_letters_outside_classes() {
        assert_eq!(
            lowered_pattern(r"(?i)Tết\s+[A-Z][^\s,.]\p{Lu}(?P<Q>IV)\S(?-u:\b)[]Đ]"),
            r"tết\s+(?i:[A-Z])[^\s,.](?i:\p{Lu})(?P<Q>iv)\S(?-u:\b)(?i:[]Đ])"
        );
        assert_eq!(lowered_pattern(r"[\t-\r ]+[^\[\]]"), r"[\t-\r ]+[^\[\]]");
        // All letters hold both cases: no group for them.
        assert_eq!(lowered_pattern(r"(?i)Số[\p{L}0-9][^\p{L}]\p{L}\P{L}"), r"số[\p{L}0-9][^\p{L}]\p{L}\P{L}");
        assert_eq!(lowered_pattern(r"[\p{L}\p{Lu}]\p{Ll}"), r"(?i:[\p{L}\p{Lu}])(?i:\p{Ll})");
    }

    /// The groups of every match of `re` in `text`: what a lowered pattern
    /// must find as its case-insensitive form does.
    fn all_groups(re: &Regex, text: &str) -> Vec<Vec<Option<(usize, usize)>>> {
        re.captures_iter(text)
            .map(|c| (0..re.captures_len()).map(|i| c.get(i).map(|m| (m.start(), m.end()))).collect())
            .collect()
    }

    #[test]
    fn lowered_patterns_find_what_case_insensitive_ones_find() {
        crate::warm_up();
        let mut sources = LOWERED.lock().map(|p| p.clone()).unwrap_or_default();
        sources.sort();
        sources.dedup();
        assert!(sources.len() >= 23, "{}: {sources:?}", sources.len());
        sources.extend([
            r"(?i)[A-ZĐ][a-zđ]+\s+\p{Lu}\S*".to_string(),
            r"(?i)[^\p{L}0-9]+[]a-cĐ]?".to_string(),
            format!("(?i){}", alternation(vocab::WEEKDAYS)),
        ]);
        let mut extra = Vec::new();
        for w in
            ["Trước ngày 15/3", "HOÀN THÀNH TRONG QUÝ IV/2025", "Đến Hết Tháng 6", "tRONG vÒNG 10 nGÀY kể từ ngày ký"]
        {
            extra.extend([w.to_string(), w.to_lowercase(), w.to_uppercase()]);
        }
        let extra: Vec<&str> = extra.iter().map(String::as_str).collect();
        let texts = normalized_lines(&extra);
        let mut found = 0;
        for source in &sources {
            let (cased, lowered) = (re(source), compile_lowered(source));
            for t in &texts {
                let want = all_groups(&cased, t);
                assert_eq!(all_groups(&lowered, &lower_case(t)), want, "{source} on {t:?}");
                found += want.len();
            }
            // A matcher of the lowered pattern answers as the pattern does.
            let matcher = compile_matcher_lowered(source);
            for t in texts.iter().take(2000) {
                assert_eq!(matcher.is_match(&lower_case(t)), cased.is_match(t), "{source} on {t:?}");
            }
        }
        assert!(found > 1000, "{found}");
    }

    #[test]
    fn doc_type_lines_answer_as_one_pattern() {
        let (p, one) = (&*P, doc_type_line_as_one_pattern());
        let mut extra = Vec::new();
        for (t, _) in vocab::DOC_TYPES {
            for v in vocab::tone_variants(t) {
                let wide = v.replace(' ', " \t ");
                for line in [
                    v.clone(),
                    format!("**{v}**"),
                    format!("  * {v} * : "),
                    format!("{v}:"),
                    format!("{v}::"),
                    format!("{v} x"),
                    format!("{v}x"),
                    format!("* * {v}"),
                    format!("{v} **:**"),
                    v.to_lowercase(),
                    wide,
                ] {
                    extra.push(line);
                }
            }
        }
        let extra: Vec<&str> = extra.iter().map(String::as_str).collect();
        let mut matched = 0;
        for t in tests::normalized_lines(&extra) {
            let want = one.is_match(&t);
            assert_eq!(p.is_doc_type_line(&t), want, "{t:?}");
            matched += usize::from(want);
        }
        assert!(matched > 100, "{matched}");
    }

    #[test]
    fn walked_gaps_answer_as_one_pattern() {
        // The opener's walk starts after the word the pattern prefers; one
        // pattern would also try a shorter opener that starts a longer one.
        for a in vocab::MEETING_OPENERS {
            for b in vocab::MEETING_OPENERS {
                assert!(a == b || !b.starts_with(&format!("{a} ")), "{a} starts {b}");
            }
        }
        let p = &*P;
        let (date, opener) = (date_line_as_one_pattern(), meeting_opener_as_one_pattern());
        let mut texts = fixture_lines();
        texts.extend(gap_lines(
            &["", " ", "Hà Nội", "TP. Hồ Chí Minh"],
            &["ư", "a", "1", ";"],
            &[", ngày 02 tháng 02 năm 2024", ",ngày 2 tháng 2 năm 2024x", ", ngày … tháng … năm", ", ngày 2"],
            DATE_LINE_PLACE_CHARS,
        ));
        texts.extend(gap_lines(
            &["Ngày ", "Sáng ", "Chiều\t", "NGÀY ", "Ngày"],
            &["ư", " ", ".", ":", "x"],
            &["7/3/2021, UBND", "15 tháng 3", "123/4", "7 - 3", "7.x"],
            MEETING_OPENER_GAP_CHARS,
        ));
        let (mut dates, mut openers) = (0, 0);
        for t in &texts {
            let want = date.is_match(t);
            assert_eq!(p.is_date_line(t), want, "date line {t:?}");
            dates += usize::from(want);
            let want = opener.is_match(t);
            assert_eq!(p.is_meeting_opener(t), want, "meeting opener {t:?}");
            openers += usize::from(want);
        }
        assert!(dates > 50 && openers > 50, "{dates} {openers}");
    }

    #[test]
    fn letter_tests_agree_with_the_narrowed_classes() {
        let upper = re(r"^\p{Lu}$");
        let letter = re(r"^\p{L}$");
        for c in ('\0'..='\u{3000}').chain('\u{1D00}'..='\u{1F00}') {
            let s = c.to_string();
            assert_eq!(is_notice_capital(c), upper.is_match(s.as_str()), "{c:?}");
            assert_eq!(is_notice_letter(c), letter.is_match(s.as_str()), "{c:?}");
        }
    }

    /// The character-by-character walk of the narrowing that [`narrow`]
    /// replaced (the class names are narrowed by the same [`narrow_at`]).
    fn narrow_by_chars(pattern: &str) -> String {
        let mut out = String::with_capacity(pattern.len() + 64);
        let mut depth = 0usize;
        let mut rest = pattern;
        while let Some(c) = rest.chars().next() {
            if let Some(len) = narrow_at(rest, depth, &mut out) {
                rest = rest.get(len..).unwrap_or_default();
                continue;
            }
            let step = match c {
                '\\' => rest.chars().nth(1).map_or(1, |n| 1 + n.len_utf8()),
                _ => c.len_utf8(),
            };
            match c {
                '[' => depth += 1,
                ']' => depth = depth.saturating_sub(1),
                _ => {}
            }
            out.push_str(rest.get(..step).unwrap_or(rest));
            rest = rest.get(step..).unwrap_or_default();
        }
        out
    }

    #[test]
    fn narrowing_by_spans_agrees_with_narrowing_by_characters() {
        crate::warm_up();
        let mut patterns: Vec<String> = syntax::tests::WRITTEN.lock().map(|p| p.clone()).unwrap_or_default();
        assert!(patterns.len() >= 40, "only {} patterns", patterns.len());
        patterns.extend(
            [r"\p{Lu}[\p{L}&]*\s+\S", r"[\[\]\s]\S", r"\\s\\S", r"a\", r"[[\s]]\S", r"x]\S", r"\é\s"].map(String::from),
        );
        for p in &patterns {
            assert_eq!(narrow(p), narrow_by_chars(p), "{p}");
        }
    }

    #[test]
    fn narrowing_keeps_the_letters_of_notices() {
        assert_eq!(narrow(r"[^\p{L}0-9]"), format!("[^{LETTERS}0-9]"));
        assert_eq!(narrow(r"\p{Lu}\\p{L}"), format!("[{}]\\\\p{{L}}", *UPPER));
        assert_eq!(narrow(r"a\s+[\s,]\S[^\S]"), r"a[\t-\r ]+[\t-\r ,][^\t-\r ][^\S]");
        assert_eq!(narrow(r"\\s\\S"), r"\\s\\S");
        let upper = re(r"^\p{Lu}+$");
        let lower = re(r"^\p{Ll}+$");
        let letter = re(r"^\p{L}+$");
        for w in ["ĐẶNG", "ỦY", "ƯỚC", "Ç", "ÝÊN"] {
            assert!(upper.is_match(w) && letter.is_match(w) && !lower.is_match(w), "{w}");
            let l = w.to_lowercase();
            assert!(lower.is_match(&l) && letter.is_match(&l) && !upper.is_match(&l), "{l}");
        }
        assert!(!letter.is_match("×") && !letter.is_match("1") && !upper.is_match("×"));
    }

    /// The item-label walk answers as the pattern it replaces on
    /// [`labels::tests::label_texts`].
    #[test]
    fn item_label_walk_agrees_with_the_pattern() {
        let pattern = item_label_as_one_pattern();
        let texts = labels::tests::label_texts();
        let mut matched = 0;
        for t in &texts {
            let m = pattern.is_match(t);
            assert_eq!(labels::starts_with_item_label(t), m, "{t:?}");
            assert_eq!(P.is_item_label(t), m, "{t:?}");
            matched += usize::from(m);
        }
        assert!(matched > 300, "{matched}");
    }

    #[test]
    fn shared_patterns() {
        let p = &*P;
        let signature_mark = signature_mark_as_one_pattern();
        let item_label = item_label_as_one_pattern();
        let yes: &[(&Matcher, &str)] = &[
            (&item_label, "1.1. Tiếp tục"),
            (&item_label, "II. Nhiệm vụ"),
            (&item_label, "đ) Giao"),
            (&item_label, "(3) Sở"),
            (&item_label, "b. Lập phương án"),
            (&item_label, "a- Công an xã:"),
            (&item_label, "2- Một số nhiệm vụ"),
            (&item_label, "1.2 Rà soát"),
            (&p.bullet_start, "- Giao"),
            (&p.bullet_start, "+ Sở"),
            (&p.recipients_head, "Nơi nhận:"),
            (&p.recipients_head, "**Nơi nhận:**"),
            (&signature_mark, "TL. CHỦ TỊCH"),
            (&signature_mark, "TL.CHỦ TỊCH"),
            (&signature_mark, "T/M BAN THƯỜNG VỤ"),
            (&p.furniture, "3"),
            (&p.furniture, "- 3 -"),
            (&p.furniture, "===== Trang 3 ====="),
            (&p.furniture, "14-03-2025 16:20:05 +07:00"),
            (&p.furniture, "05.TBKL12.DOC 3"),
            (&p.furniture, "05.TBGB04.PDF 1"),
            (&p.furniture, "tbkl-phien-hop-t5.docx"),
            (&p.number_line, "Số: 45/TB-UBND"),
            (&p.number_line, "Số 45-TB/HU"),
            (&p.number_line, "Số:     /TB-UBND"),
        ];
        for (r, s) in yes {
            assert!(r.is_match(s), "{s:?} should match {r}");
        }
        for s in ["THÔNG BÁO", "**QUYẾT ĐỊNH**", " * KẾT LUẬN KIỂM TRA :", "KẾ HOẠCH\t**"] {
            assert!(p.is_doc_type_line(s), "{s:?}");
        }
        for s in ["Thông báo", "THÔNG BÁO KẾT", "* * THÔNG BÁO", "THÔNG BÁO::", "THÔNG BÁOX", ": THÔNG BÁO"]
        {
            assert!(!p.is_doc_type_line(s), "{s:?}");
        }
        for s in ["Bình Sơn, ngày 02 tháng 02 năm 2024", "Hà Nội, ngày      tháng 9 năm 2025"] {
            assert!(p.is_date_line(s), "{s:?}");
        }
        for s in ["Ngày 7/3/2021, UBND huyện", "Sáng ngày 15 tháng 3, tại", "Chiều nay, lúc 14 giờ ngày 2-4"]
        {
            assert!(p.is_meeting_opener(s), "{s:?}");
        }
        for s in ["Ngày. 7/3/2021", "Hà Nội 2, ngày 02 tháng 02 năm 2024", ", ngày 02 tháng 02 năm 2024"] {
            assert!(!p.is_date_line(s) && !p.is_meeting_opener(s), "{s:?}");
        }
        let no: &[(&Matcher, &str)] = &[
            (&item_label, "2024 là năm"),
            (&item_label, "V/v triển khai"),
            (&signature_mark, "TT. Huyện ủy"),
            (&signature_mark, "Tham dự"),
            (&signature_mark, "QUẬN BÌNH AN"),
            (&signature_mark, "KTX SINH VIÊN"),
            (&p.furniture, "1. Nhiệm vụ"),
            (&p.number_line, "Số liệu thống kê"),
        ];
        for (r, s) in no {
            assert!(!r.is_match(s), "{s:?} should not match {r}");
        }
        for s in ["TL. CHỦ TỊCH", "TL.CHỦ TỊCH", "T/M BAN THƯỜNG VỤ", "KT :  PHÓ", "Q\tGIÁM ĐỐC"] {
            assert!(p.is_signature_mark(s), "{s:?}");
        }
        for s in [
            "TT. Huyện ủy",
            "Tham dự",
            "QUẬN BÌNH AN",
            "KTX SINH VIÊN",
            "TL.  C",
            "TL..CHỦ",
            "TLCHỦ",
            "TL Chủ",
            "KT, PHÓ",
        ] {
            assert!(!p.is_signature_mark(s), "{s:?}");
        }
    }
}
