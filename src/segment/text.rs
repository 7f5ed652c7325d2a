//! Clean text: the words of a block with markup removed and white space
//! collapsed, and a map from each byte back to the normalised source.

/// A stretch of clean text copied from (or standing for) the source.
#[derive(Debug, Clone, Copy)]
struct Run {
    clean: usize,
    len: usize,
    src: usize,
    src_len: usize,
}

/// Text with white space collapsed and a map back to source offsets.
#[derive(Debug, Clone, Default)]
pub(crate) struct Text {
    s: String,
    runs: Vec<Run>,
    /// Clean offsets at which a new source line starts.
    breaks: Vec<usize>,
    pending_space: Option<usize>,
}

impl Text {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.s
    }

    /// Whether nothing but white space was pushed.
    pub fn is_empty(&self) -> bool {
        self.s.is_empty()
    }

    /// Appends `t`, found verbatim at source offset `src`, collapsing white
    /// space. Returns whether `t` was copied as it is: not empty, and no
    /// white space in it collapsed or dropped.
    pub fn push_src(&mut self, t: &str, src: usize) -> bool {
        if is_collapsed(t.as_bytes()) {
            // One stretch: what the loop below would copy in one go.
            self.flush_space();
            self.push_str_run(t, src);
            return true;
        }
        // Stretch by stretch: words joined by single spaces are copied (and
        // mapped) at once, as collapsing leaves them as they are.
        self.s.reserve(t.len());
        let bytes = t.as_bytes();
        let mut as_is = !t.is_empty();
        let mut at = 0;
        while let Some(rest) = bytes.get(at..).filter(|r| !r.is_empty()) {
            let space = space_len(rest);
            if space > 0 {
                as_is = false;
                if self.pending_space.is_none() {
                    self.pending_space = Some(src + at);
                }
                at += space;
                continue;
            }
            let end = at + verbatim_len(rest);
            as_is &= at == 0 && end == t.len();
            self.flush_space();
            self.push_str_run(t.get(at..end).unwrap_or_default(), src + at);
            at = end;
        }
        as_is
    }

    /// Appends `t`, which stands for the source range `src..src_end` without
    /// being a copy of it (an entity, an escape, inline code).
    pub fn push_mapped(&mut self, t: &str, src: usize, src_end: usize) {
        for c in t.chars() {
            if c.is_whitespace() {
                if self.pending_space.is_none() {
                    self.pending_space = Some(src);
                }
                continue;
            }
            self.flush_space();
            let clean = self.s.len();
            self.s.push(c);
            self.runs.push(Run { clean, len: c.len_utf8(), src, src_len: src_end.saturating_sub(src) });
        }
    }

    /// Records white space (a soft break) at source offset `src`.
    pub fn push_space(&mut self, src: usize) {
        if self.pending_space.is_none() {
            self.pending_space = Some(src);
        }
    }

    /// Records that a new source line starts here.
    pub fn mark_line_break(&mut self, src: usize) {
        self.push_space(src);
        let at = self.s.len() + usize::from(!self.s.is_empty());
        if self.breaks.last() != Some(&at) {
            self.breaks.push(at);
        }
    }

    fn flush_space(&mut self) {
        if let Some(p) = self.pending_space.take()
            && !self.s.is_empty()
        {
            self.push_run(' ', p, 1);
        }
    }

    fn push_run(&mut self, c: char, src: usize, src_len: usize) {
        let mut buf = [0u8; 4];
        self.push_run_of(c.encode_utf8(&mut buf), src, src_len);
    }

    /// Appends a word copied verbatim from source offset `src`.
    fn push_str_run(&mut self, w: &str, src: usize) {
        self.push_run_of(w, src, w.len());
    }

    fn push_run_of(&mut self, t: &str, src: usize, src_len: usize) {
        let clean = self.s.len();
        self.s.push_str(t);
        let len = t.len();
        if let Some(last) = self.runs.last_mut()
            && last.len == last.src_len
            && len == src_len
            && last.clean + last.len == clean
            && last.src + last.src_len == src
        {
            last.len += len;
            last.src_len += len;
            return;
        }
        self.runs.push(Run { clean, len, src, src_len });
    }

    fn run_at(&self, p: usize) -> Option<&Run> {
        let i = self.runs.partition_point(|r| r.clean <= p);
        i.checked_sub(1).and_then(|i| self.runs.get(i))
    }

    /// The source offset where clean offset `p` starts.
    pub fn src_start(&self, p: usize) -> usize {
        match self.run_at(p) {
            Some(r) if p < r.clean + r.len => {
                if r.len == r.src_len {
                    r.src + (p - r.clean)
                } else {
                    r.src
                }
            }
            Some(r) => r.src + r.src_len,
            None => self.runs.first().map_or(0, |r| r.src),
        }
    }

    /// The source offset where a clean range ending at `p` ends.
    pub fn src_end(&self, p: usize) -> usize {
        if p == 0 {
            return self.src_start(0);
        }
        match self.run_at(p - 1) {
            Some(r) if p - 1 < r.clean + r.len => {
                if r.len == r.src_len {
                    r.src + (p - r.clean)
                } else {
                    r.src + r.src_len
                }
            }
            Some(r) => r.src + r.src_len,
            None => 0,
        }
    }

    /// The clean offsets at which source lines start (0 excluded).
    pub fn breaks(&self) -> &[usize] {
        &self.breaks
    }

    /// The part `a..b` as a text of its own (offsets outside or inside a
    /// character are clamped to the text), trimmed of white space.
    pub fn slice(&self, a: usize, b: usize) -> Text {
        let b = b.min(self.s.len());
        let a = a.min(b);
        let Some(part) = self.s.get(a..b) else {
            return Text::default();
        };
        let lead = part.len() - part.trim_start().len();
        let trail = part.len() - part.trim_end().len();
        let (a, b) = (a + lead, (b - trail).max(a + lead));
        let mut t = Text { s: self.s.get(a..b).unwrap_or_default().to_string(), ..Text::default() };
        for r in &self.runs {
            let (rs, re) = (r.clean, r.clean + r.len);
            if re <= a || rs >= b {
                continue;
            }
            let (cs, ce) = (rs.max(a), re.min(b));
            let (src, src_len) = if r.len == r.src_len { (r.src + (cs - rs), ce - cs) } else { (r.src, r.src_len) };
            t.runs.push(Run { clean: cs - a, len: ce - cs, src, src_len });
        }
        t.breaks = self.breaks.iter().filter(|&&x| x > a && x < b).map(|x| x - a).collect();
        t
    }

    /// Appends `other`, separated by one space.
    pub fn append(&mut self, other: &Text) {
        if other.s.is_empty() {
            return;
        }
        let base = if self.s.is_empty() {
            0
        } else {
            let at = other.src_start(0);
            self.pending_space = None;
            self.s.push(' ');
            self.runs.push(Run { clean: self.s.len() - 1, len: 1, src: at, src_len: 0 });
            self.breaks.push(self.s.len());
            self.s.len()
        };
        self.s.push_str(&other.s);
        self.runs.extend(other.runs.iter().map(|r| Run { clean: r.clean + base, ..*r }));
        self.breaks.extend(other.breaks.iter().map(|b| b + base));
    }

    /// Finishes pushing: drops trailing white space.
    pub fn finish(&mut self) {
        self.pending_space = None;
    }

    /// The lines of the text as ranges of clean offsets.
    pub fn line_ranges(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::with_capacity(self.breaks.len() + 1);
        let mut start = 0;
        for &b in &self.breaks {
            if b > start && b <= self.s.len() {
                out.push((start, b.saturating_sub(1).max(start)));
                start = b;
            }
        }
        out.push((start, self.s.len()));
        out.retain(|(a, b)| b > a);
        out
    }
}

/// The length in bytes of the white space character (`char::is_whitespace`)
/// that `b` starts with, 0 when it starts with none. Decided on the bytes:
/// U+0009–U+000D, U+0020, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028,
/// U+2029, U+202F, U+205F and U+3000 are all the white space of Unicode.
#[inline]
pub(crate) fn space_len(b: &[u8]) -> usize {
    match b {
        [b' ' | b'\t'..=b'\r', ..] => 1,
        [0xC2, 0x85 | 0xA0, ..] => 2,
        [0xE1, 0x9A, 0x80, ..]
        | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
        | [0xE2, 0x81, 0x9F, ..]
        | [0xE3, 0x80, 0x80, ..] => 3,
        _ => 0,
    }
}

/// Whether byte `x` can start a white space character (see [`space_len`]):
/// U+0009–U+000D, the space, and the lead bytes 0xC2, 0xE1, 0xE2, 0xE3.
fn may_start_space(x: u8) -> bool {
    matches!(x, 0x09..=0x0D | 0x20 | 0xC2 | 0xE1..=0xE3)
}

/// [`may_start_space`] of every byte: one load in the hot loop of
/// [`verbatim_len`], fewer instructions than the comparisons.
static MAY_START_SPACE: std::sync::LazyLock<[bool; 256]> = std::sync::LazyLock::new(|| {
    let mut t = [false; 256];
    for (x, slot) in (0u8..=255).zip(t.iter_mut()) {
        *slot = may_start_space(x);
    }
    t
});

/// Builds the tables of this module now (see [`crate::warm_up`]).
pub(crate) fn warm_up() {
    std::sync::LazyLock::force(&MAY_START_SPACE);
}

/// The length of the stretch that `b` (valid UTF-8 from a character
/// boundary, not starting with white space) starts with and that collapsing
/// white space leaves as is: up to white space other than one `' '` between
/// two characters that are not white space. It ends on a character boundary.
fn verbatim_len(b: &[u8]) -> usize {
    let may_start_space = &*MAY_START_SPACE;
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        if !may_start_space.get(usize::from(x)).copied().unwrap_or(true) {
            i += 1;
            continue;
        }
        if x == b' ' {
            let next = b.get(i + 1..).unwrap_or_default();
            if !next.is_empty() && space_len(next) == 0 {
                i += 1;
                continue;
            }
            return i;
        }
        if space_len(b.get(i..).unwrap_or_default()) > 0 {
            return i;
        }
        i += 1;
    }
    b.len()
}

/// Whether the bytes `x`, `y` (`y` the one after `x`) may
/// start white space that is not a single `' '` between two other
/// characters: an ASCII space character other than `' '`, two `' '` in a
/// row, or the first two bytes of a wide space (see [`may_start_wide_space`]).
#[inline]
fn may_break_stretch(x: u8, y: u8) -> bool {
    let ascii_space = x.wrapping_sub(b'\t') <= b'\r' - b'\t';
    ascii_space | (x == b' ') & (y == b' ') | may_start_wide_space(x, y)
}

/// Whether the bytes `x`, `y` may start white space that is not ASCII:
/// every such character starts with 0xC2, 0xE1 0x9A, 0xE2 0x80, 0xE2 0x81
/// or 0xE3 0x80 (see [`space_len`]).
#[inline]
fn may_start_wide_space(x: u8, y: u8) -> bool {
    (x == 0xC2) | (x == 0xE1) & (y == 0x9A) | (x == 0xE2) & (y & 0xFE == 0x80) | (x == 0xE3) & (y == 0x80)
}

/// Whether `b` (valid UTF-8) is not empty and collapsing white space
/// leaves it as it is: its only white space is single `' '` between two
/// other characters. A sufficient condition read on pairs of bytes, in one
/// pass without branches: false on some texts that collapsing leaves as
/// they are ("a\u{2013}b"), never true on one it changes.
fn is_collapsed(b: &[u8]) -> bool {
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return false;
    };
    let next = b.get(1..).unwrap_or_default();
    let breaks = b.iter().zip(next).fold(false, |acc, (&x, &y)| acc | may_break_stretch(x, y));
    // The last byte starts no wide space (a lead byte cannot end UTF-8).
    !breaks && first != b' ' && !may_break_stretch(last, b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_and_maps() {
        let src = "ab  c\n  d";
        let mut t = Text::default();
        t.push_src(src, 10);
        t.finish();
        assert_eq!(t.as_str(), "ab c d");
        assert_eq!(t.src_start(3), 14);
        assert_eq!(t.src_end(6), 19);
        let s = t.slice(3, 6);
        assert_eq!(s.as_str(), "c d");
        assert_eq!(s.src_start(0), 14);
        assert_eq!(s.src_end(3), 19);
    }

    #[test]
    fn lines_and_append() {
        let mut t = Text::default();
        t.push_src("one", 0);
        t.mark_line_break(3);
        t.push_src("two", 4);
        t.finish();
        assert_eq!(t.as_str(), "one two");
        assert_eq!(t.line_ranges(), vec![(0, 3), (4, 7)]);
        let mut u = Text::default();
        u.push_src("three", 20);
        t.append(&u);
        assert_eq!(t.as_str(), "one two three");
        assert_eq!(t.src_start(8), 20);
    }

    #[test]
    fn byte_tests_agree_with_unicode() {
        let mut buf = [0u8; 8];
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let e = c.encode_utf8(&mut buf);
            let want = if c.is_whitespace() { c.len_utf8() } else { 0 };
            assert_eq!(space_len(e.as_bytes()), want, "{c:?}");
            assert!(want == 0 || may_start_space(e.as_bytes()[0]), "{c:?}");
            if let [x, y, ..] = *e.as_bytes() {
                assert!(want == 0 || may_start_wide_space(x, y), "{c:?}");
            }
        }
        for x in 0..=255u8 {
            assert_eq!(MAY_START_SPACE[usize::from(x)], may_start_space(x), "{x:#x}");
        }
    }

    /// Texts with every white space character at the start, in the middle
    /// and at the end, alone, doubled and next to a space, and with the
    /// characters that share their first bytes.
    fn space_samples() -> Vec<String> {
        let spaces: Vec<char> = (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|c| c.is_whitespace()).collect();
        let near = ['\u{1680}', '\u{1681}', '\u{2013}', '\u{201C}', '\u{2060}', '\u{3001}', '\u{A9}', 'ạ', 'Đ', 'x'];
        let mut out = vec![String::new(), "Ủy ban nhân dân tỉnh".to_string(), "Uy ban nha\u{302}n".to_string()];
        for c in spaces.iter().chain(&near) {
            for s in [
                format!("{c}"),
                format!("{c}a"),
                format!("a{c}"),
                format!("a{c}b"),
                format!("a {c}b"),
                format!("a{c} b"),
                format!("a{c}{c}b"),
                format!("Đồng{c}chí Nguyễn Văn A"),
            ] {
                out.push(s);
            }
        }
        out
    }

    #[test]
    fn collapsed_text_is_copied_as_the_loop_copies_it() {
        for s in space_samples() {
            let mut t = Text { s: "z".to_string(), pending_space: Some(0), ..Text::default() };
            let end = verbatim_len(s.as_bytes());
            let whole = !s.is_empty() && space_len(s.as_bytes()) == 0 && end == s.len();
            // Sufficient: never true where the loop would collapse.
            assert!(!is_collapsed(s.as_bytes()) || whole, "{s:?}");
            // And exact on the usual texts.
            if !s.as_bytes().windows(2).any(|w| may_start_wide_space(w[0], w[1]))
                && !s.contains(['\t', '\n', '\u{B}', '\u{C}', '\r'])
            {
                assert_eq!(is_collapsed(s.as_bytes()), whole, "{s:?}");
            }
            let mut old = t.clone();
            assert_eq!(t.push_src(&s, 7), whole, "{s:?}");
            push_words(&mut old, &s, 7);
            assert_eq!(t.as_str(), old.as_str(), "{s:?}");
            assert_eq!(format!("{:?}", t.runs), format!("{:?}", old.runs), "{s:?}");
            assert_eq!(t.pending_space, old.pending_space, "{s:?}");
        }
    }

    /// The word-by-word reading that `push_src` replaced.
    fn push_words(t: &mut Text, s: &str, src: usize) {
        let mut at = 0;
        while let Some(rest) = s.get(at..).filter(|r| !r.is_empty()) {
            let space = rest.len() - rest.trim_start().len();
            if space > 0 {
                if t.pending_space.is_none() {
                    t.pending_space = Some(src + at);
                }
                at += space;
                continue;
            }
            let word = rest.find(char::is_whitespace).unwrap_or(rest.len());
            t.flush_space();
            t.push_str_run(rest.get(..word).unwrap_or_default(), src + at);
            at += word;
        }
    }

    #[test]
    fn stretches_map_like_words() {
        let pieces = [
            "ab c  d\u{A0}e \u{2003}f g\nh ",
            " x",
            "y z",
            "\u{85}q\u{1680}r",
            "Đồng chí  Nguyễn\u{3000}Văn",
            "  ",
            "s ",
        ];
        let (mut new, mut old) = (Text::default(), Text::default());
        let mut src = 3;
        for p in pieces {
            new.push_src(p, src);
            push_words(&mut old, p, src);
            src += p.len() + 1;
        }
        assert_eq!(new.as_str(), old.as_str());
        assert_eq!(format!("{:?}", new.runs), format!("{:?}", old.runs));
        assert_eq!(new.pending_space, old.pending_space);
    }
}
