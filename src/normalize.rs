//! Stage 1: normalisation, with a map back to the original bytes.
//!
//! The normalised text is NFC; no-break and other Unicode spaces become a
//! plain space; zero-width characters, soft hyphens and byte order marks are
//! removed; `Ð`/`ð` (Latin eth, a common confusable) become `Đ`/`đ`;
//! full-width colon, comma, semicolon and parentheses become ASCII; CR LF
//! becomes LF and other control characters a space. Nothing else is
//! rewritten: tone placement, dashes and quotes stay as written.
//!
//! Most inputs need none of this. A byte-level pre-filter proves it (text
//! made only of ASCII, Latin-1 letters, Latin Extended and the precomposed
//! Vietnamese block is already NFC) and then the text is borrowed as is.

use crate::model::Span;
use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Normalised text plus the map from its offsets to original offsets.
pub(crate) struct Normalized<'a> {
    /// The normalised text.
    pub text: Cow<'a, str>,
    /// Offsets back into the original.
    pub map: SourceMap,
}

/// A replaced stretch: `norm` bytes of normalised text came from `orig`
/// bytes of the original.
#[derive(Debug, Clone, Copy)]
struct Chunk {
    norm_start: usize,
    norm_len: usize,
    orig_start: usize,
    orig_len: usize,
}

/// Maps byte offsets of the normalised text to the original input, and
/// original offsets to lines.
pub(crate) struct SourceMap {
    chunks: Vec<Chunk>,
    base: usize,
    line_starts: Vec<usize>,
}

impl SourceMap {
    /// The original offset of normalised offset `p`, seen as a start.
    pub fn start(&self, p: usize) -> usize {
        self.base + self.map(p, false)
    }

    /// The original offset of normalised offset `p`, seen as an end.
    pub fn end(&self, p: usize) -> usize {
        self.base + self.map(p, true)
    }

    fn map(&self, p: usize, as_end: bool) -> usize {
        let idx = self.chunks.partition_point(|c| c.norm_start <= p);
        let Some(c) = idx.checked_sub(1).and_then(|i| self.chunks.get(i)) else {
            return p;
        };
        let norm_end = c.norm_start + c.norm_len;
        if p == c.norm_start {
            // A range that starts here includes the stretch; one that ends
            // here does not.
            c.orig_start
        } else if p < norm_end || (p == norm_end && as_end) {
            if as_end { c.orig_start + c.orig_len } else { c.orig_start }
        } else {
            c.orig_start + c.orig_len + (p - norm_end)
        }
    }

    /// Bytes skipped before the text (a byte order mark).
    pub fn base(&self) -> usize {
        self.base
    }

    /// The span of normalised range `start..end`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let s = self.start(start);
        let e = self.end(end).max(s);
        Span { start: s, end: e, line: self.line_of(s) }
    }

    /// The 1-based line of original offset `pos`.
    pub fn line_of(&self, pos: usize) -> usize {
        self.line_starts.partition_point(|&l| l <= pos.saturating_sub(self.base)).max(1)
    }
}

/// Whether `c` is left unchanged by normalisation, without any check (the
/// rule that [`plain_len`] decides on the bytes).
#[cfg(test)]
fn is_plain(c: char) -> bool {
    match c as u32 {
        0x20..=0x7E | 0x0A | 0x09 => true,
        0xA0 | 0xAD | 0xD0 | 0xF0 => false,
        0xC0..=0x24F => true,
        0x1EA0..=0x1EF9 => true,
        0x2010..=0x2027 => !matches!(c as u32, 0x2028 | 0x2029),
        0x2030..=0x205E => true,
        _ => false,
    }
}

/// The replacement of a single character, when it has one.
fn replace_char(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{A0}' | '\u{202F}' | '\u{2007}' | '\u{2000}'..='\u{200A}' | '\u{3000}' | '\u{205F}' | '\u{1680}' => " ",
        '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => "",
        'Ð' => "Đ",
        'ð' => "đ",
        '\u{FF1A}' => ":",
        '\u{FF0C}' => ",",
        '\u{FF1B}' => ";",
        '\u{FF08}' => "(",
        '\u{FF09}' => ")",
        '\u{2028}' | '\u{2029}' | '\u{85}' => "\n",
        _ => return None,
    })
}

/// The length of the longest prefix of `b` (valid UTF-8 from a character
/// boundary) made of characters for which [`is_plain`] holds, decided on the
/// bytes.
fn plain_len(b: &[u8]) -> usize {
    plain_len_with(b, |_| {})
}

/// [`plain_len`], calling `newline` with the offset of each line feed of
/// the prefix (so that one pass over plain text also finds its lines).
fn plain_len_with(b: &[u8], mut newline: impl FnMut(usize)) -> usize {
    let mut rest = b;
    loop {
        // Printable ASCII first, in a tight loop.
        let ascii = rest.iter().take_while(|&&x| x.wrapping_sub(0x20) < 0x5F).count();
        rest = rest.get(ascii..).unwrap_or_default();
        rest = match rest {
            [b'\n', tail @ ..] => {
                newline(b.len() - rest.len());
                tail
            }
            [0x20..=0x7E | b'\t', tail @ ..] => tail,
            // U+00C0–U+00FF but Ð and ð.
            [0xC3, c, tail @ ..] if *c != 0x90 && *c != 0xB0 => tail,
            // U+0100–U+024F.
            [0xC4..=0xC8, _, tail @ ..] | [0xC9, 0x80..=0x8F, tail @ ..] => tail,
            // U+1EA0–U+1EF9.
            [0xE1, 0xBA, 0xA0..=0xBF, tail @ ..] | [0xE1, 0xBB, 0x80..=0xB9, tail @ ..] => tail,
            // U+2010–U+2027, U+2030–U+205E.
            [0xE2, 0x80, 0x90..=0xA7 | 0xB0..=0xBF, tail @ ..] | [0xE2, 0x81, 0x80..=0x9E, tail @ ..] => tail,
            _ => return b.len() - rest.len(),
        };
    }
}

/// Normalises `text`; `base` is added to every original offset (bytes
/// skipped before `text`, such as a byte order mark).
pub(crate) fn normalize(text: &str, base: usize) -> Normalized<'_> {
    // The lines of the plain prefix are found by the same pass, those of
    // the rest after it.
    let mut line_starts = Vec::with_capacity(text.len() / 40 + 1);
    line_starts.push(0);
    let plain = plain_len_with(text.as_bytes(), |i| line_starts.push(i + 1));
    line_starts.extend(text.get(plain..).unwrap_or_default().match_indices('\n').map(|(i, _)| plain + i + 1));
    // Plain characters include no CR.
    if plain == text.len() {
        return Normalized { text: Cow::Borrowed(text), map: SourceMap { chunks: Vec::new(), base, line_starts } };
    }
    let mut out = String::with_capacity(text.len());
    let mut chunks = Vec::new();
    let mut composed = Composed::default();
    let mut at = 0;
    while let Some(rest) = text.get(at..).filter(|r| !r.is_empty()) {
        // Plain characters are copied as they are, but for the last one
        // when a combining mark follows it (it starts the cluster).
        let mut keep = plain_len(rest.as_bytes());
        if rest.get(keep..).and_then(|r| r.chars().next()).is_some_and(is_combining_mark) {
            keep = rest.get(..keep).and_then(|r| r.char_indices().next_back()).map_or(0, |(k, _)| k);
        }
        out.push_str(rest.get(..keep).unwrap_or_default());
        at += keep;
        let from = at;
        let mut iter = text.get(at..).unwrap_or_default().char_indices().map(move |(k, c)| (from + k, c)).peekable();
        let Some((i, c)) = iter.next() else { break };
        at = i + c.len_utf8();
        if c == '\r' {
            let norm_start = out.len();
            if iter.peek().is_some_and(|(_, n)| *n == '\n') {
                chunks.push(Chunk { norm_start, norm_len: 0, orig_start: i, orig_len: 1 });
            } else {
                out.push('\n');
                chunks.push(Chunk { norm_start, norm_len: 1, orig_start: i, orig_len: 1 });
            }
            continue;
        }
        if let Some(rep) = replace_char(c) {
            let norm_start = out.len();
            out.push_str(rep);
            chunks.push(Chunk { norm_start, norm_len: rep.len(), orig_start: i, orig_len: c.len_utf8() });
            continue;
        }
        // A cluster: this character and the combining marks after it.
        let mut end = i + c.len_utf8();
        while let Some(&(j, m)) = iter.peek() {
            if is_combining_mark(m) {
                end = j + m.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        at = end;
        let cluster = text.get(i..end).unwrap_or_default();
        let norm_start = out.len();
        composed.push_nfc(cluster, &mut out);
        let norm_len = out.len() - norm_start;
        if out.get(norm_start..) != Some(cluster) {
            chunks.push(Chunk { norm_start, norm_len, orig_start: i, orig_len: end - i });
        }
    }
    Normalized { text: Cow::Owned(out), map: SourceMap { chunks, base, line_starts } }
}

/// The NFC of the clusters met so far in one text (a letter and the
/// combining marks after it), so that each distinct cluster is composed
/// once: text in NFD spells every Vietnamese syllable with one, from a few
/// hundred distinct ones. A cluster of up to three characters below
/// U+10000 that composes to one character is kept, in a table of
/// [`Composed::SLOTS`] places indexed by a hash of the cluster.
#[derive(Default)]
struct Composed {
    /// (the cluster's key, its NFC); made on the first cluster.
    slots: Vec<(u64, char)>,
}

impl Composed {
    const SLOTS: usize = 512;

    /// The characters of `cluster` packed in 16 bits each, and their count
    /// above them (so never 0, the key of an empty place).
    fn key(cluster: &str) -> Option<u64> {
        let mut key = 0u64;
        let mut n = 0u64;
        for c in cluster.chars() {
            let u = u64::from(u32::from(c));
            if u > 0xFFFF || n == 3 {
                return None;
            }
            key |= u << (16 * n);
            n += 1;
        }
        Some(key | n << 48)
    }

    /// The place of `key` in the table.
    fn slot(key: u64) -> usize {
        // Fibonacci hashing: the top 9 bits of the product.
        usize::try_from(key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 55).unwrap_or(0)
    }

    /// Appends the NFC of `cluster` to `out`.
    fn push_nfc(&mut self, cluster: &str, out: &mut String) {
        let key = Composed::key(cluster);
        let slot = key.map_or(0, Composed::slot);
        if let Some(key) = key
            && let Some(&(seen, c)) = self.slots.get(slot)
            && seen == key
        {
            out.push(c);
            return;
        }
        let start = out.len();
        out.extend(cluster.nfc());
        let Some(key) = key else { return };
        let mut chars = out.get(start..).unwrap_or_default().chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if self.slots.is_empty() {
                self.slots = vec![(0, '\0'); Composed::SLOTS];
            }
            if let Some(place) = self.slots.get_mut(slot) {
                *place = (key, c);
            }
        }
    }
}

/// The offsets at which the lines of `text` start.
#[cfg(test)]
fn line_starts(text: &str) -> Vec<usize> {
    let mut v = vec![0];
    v.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cluster composed from the table is what composing it again
    /// gives: every letter of notices with up to two marks of Vietnamese
    /// and a few others, in every order, twice each.
    #[test]
    fn composed_clusters_are_their_nfc() {
        let marks = [
            '\u{300}', '\u{301}', '\u{302}', '\u{303}', '\u{306}', '\u{309}', '\u{31B}', '\u{323}', '\u{308}',
            '\u{327}',
        ];
        let bases: Vec<char> = ('A'..='Z')
            .chain('a'..='z')
            .chain("ĐđĂăÂâÊêÔôƠơƯưàÀếỆ0 ".chars())
            .chain(['\u{10400}', '\u{3042}'])
            .collect();
        let mut clusters = Vec::new();
        for &b in &bases {
            clusters.push(b.to_string());
            for &m in &marks {
                clusters.push(format!("{b}{m}"));
                for &n in &marks {
                    clusters.push(format!("{b}{m}{n}"));
                    clusters.push(format!("{b}{m}{n}\u{301}"));
                }
            }
        }
        let mut composed = Composed::default();
        let mut kept = 0;
        for round in 0..2 {
            for c in &clusters {
                let mut out = String::from("x");
                composed.push_nfc(c, &mut out);
                assert_eq!(out, format!("x{}", c.nfc()), "{c:?} in round {round}");
            }
            kept = composed.slots.iter().filter(|s| s.0 != 0).count();
        }
        assert!(kept > Composed::SLOTS / 2, "{kept}");
        assert_eq!(Composed::key("\u{10400}a"), None);
        assert_eq!(Composed::key("abcd"), None);
        assert_ne!(Composed::key("a"), Composed::key("a\u{0}"));
    }

    #[test]
    fn one_pass_finds_the_lines() {
        for text in ["", "a", "\n", "a\nb\n", "x\r\ny\nz", "ab\nc\u{A0}d\ne\n\nf", "\u{300}\n\n", "Đ\nÐ\n"] {
            assert_eq!(normalize(text, 0).map.line_starts, line_starts(text), "{text:?}");
        }
    }

    #[test]
    fn plain_text_is_borrowed() {
        let n = normalize("THÔNG BÁO\nPhòng Văn hoá – Thông tin “x”", 0);
        assert!(matches!(n.text, Cow::Borrowed(_)));
    }

    #[test]
    fn replacements_map_back() {
        let cases: &[(&str, &str)] = &[
            ("a\u{A0}b", "a b"),
            ("Ðảng", "Đảng"),
            ("x\u{200B}y", "xy"),
            ("a\r\nb", "a\nb"),
            ("Ho\u{300}a", "Hòa"),
            ("e\u{323}\u{302}", "ệ"),
            ("a\u{FF1A} b", "a: b"),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize(input, 0).text, *expected, "for {input:?}");
        }
    }

    #[test]
    fn spans_point_into_the_original() {
        let input = "Nguye\u{302}\u{303}n\u{A0}Va\u{306}n A";
        let n = normalize(input, 0);
        assert_eq!(n.text, "Nguyễn Văn A");
        let at = n.text.find("Văn").unwrap();
        let sp = n.map.span(at, at + "Văn".len());
        assert_eq!(&input[sp.start..sp.end], "Va\u{306}n");
        let whole = n.map.span(0, n.text.len());
        assert_eq!((whole.start, whole.end), (0, input.len()));
    }

    #[test]
    fn lines_are_counted_in_the_original() {
        let n = normalize("a\r\nb\nc", 3);
        assert_eq!(n.map.line_of(3), 1);
        assert_eq!(n.map.line_of(3 + 3), 2);
        assert_eq!(n.map.line_of(3 + 5), 3);
    }

    #[test]
    fn only_ascii_white_space_is_left() {
        // The patterns read `\s` as these six characters (see
        // `patterns::narrow`): every other Unicode space must be replaced.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|c| c.is_whitespace()) {
            let text = format!("a{c}b");
            let out = normalize(&text, 0).text;
            assert!(out.chars().all(|k| !k.is_whitespace() || matches!(k, '\t'..='\r' | ' ')), "{c:?} gives {out:?}");
        }
    }

    #[test]
    fn byte_test_agrees_with_is_plain() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let e = c.encode_utf8(&mut buf);
            assert_eq!(plain_len(e.as_bytes()) == e.len(), is_plain(c), "{c:?}");
        }
        for (input, expected) in [("ab\rcd\u{A0}e\u{301}f", "ab\ncd éf"), ("\u{301}x", "\u{301}x"), ("a\r", "a\n")] {
            assert_eq!(normalize(input, 0).text, expected, "for {input:?}");
        }
    }
}
