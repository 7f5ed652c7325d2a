//! Stage 2: segmentation of the normalised text into blocks.
//!
//! A block is a paragraph, heading, list item, table cell, code or HTML
//! block, or rule, with its clean text (markup removed, white space
//! collapsed) and the source pieces it was read from. Markdown is read with
//! pulldown-cmark ([`markdown`]); plain text by a line reader that rejoins
//! hard-wrapped lines ([`plain`]). Both give the same kind of blocks, and
//! the same pass then splits a block where one of its lines opens a new item
//! and rejoins paragraphs broken by a page break.

pub(crate) mod markdown;
pub(crate) mod plain;
mod text;

pub(crate) use text::Text;

use crate::patterns::P;
use crate::vocab;
use std::sync::LazyLock;

/// What kind of source construct a block came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockKind {
    Paragraph,
    Heading,
    Item,
    Cell,
    Code,
    Html,
    Rule,
}

/// A list marker written by the source ("- ", "1.").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Marker {
    Bullet(char),
    Ordered(String),
}

/// One block of the document.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub kind: BlockKind,
    pub text: Text,
    /// Source ranges (normalised offsets) the block covers, markup included.
    pub pieces: Vec<(usize, usize)>,
    /// The whole text is bold.
    pub strong: bool,
    /// List nesting depth (Markdown) or indentation level (plain text).
    pub depth: usize,
    pub marker: Option<Marker>,
    /// (row, column) of a table cell.
    pub cell: Option<(usize, usize)>,
}

impl Block {
    pub fn new(kind: BlockKind, start: usize) -> Block {
        Block {
            kind,
            text: Text::default(),
            pieces: vec![(start, start)],
            strong: false,
            depth: 0,
            marker: None,
            cell: None,
        }
    }

    /// Whether the block is a bulleted item: a bullet marker, or a line that
    /// starts with one ("- …" in plain text).
    pub fn is_bullet(&self) -> bool {
        matches!(self.marker, Some(Marker::Bullet(_)))
            || may_be_bullet(self.str()) && P.bullet_start.is_match(self.str())
    }

    pub fn str(&self) -> &str {
        self.text.as_str()
    }

    /// First source offset.
    pub fn start(&self) -> usize {
        self.pieces.first().map_or(0, |p| p.0)
    }

    /// Last source offset.
    pub fn end(&self) -> usize {
        self.pieces.last().map_or(0, |p| p.1)
    }

    /// Extends the last piece to `end`.
    pub fn extend_to(&mut self, end: usize) {
        if let Some(p) = self.pieces.last_mut()
            && end > p.1
        {
            p.1 = end;
        }
    }

    /// Splits the block before each line for which `split(prev, line)` holds.
    pub fn split_lines(self, src: &str, split: impl Fn(&str, &str) -> bool) -> Vec<Block> {
        let lines = self.text.line_ranges();
        if lines.len() < 2 || self.pieces.len() != 1 {
            return vec![self];
        }
        let mut cuts = Vec::new();
        for w in lines.windows(2) {
            if let [(pa, pb), (la, lb)] = w {
                let prev = self.str().get(*pa..*pb).unwrap_or_default();
                let line = self.str().get(*la..*lb).unwrap_or_default();
                // The first line of a numbered list item reads as a numbered
                // line (its marker is not in the text).
                let labelled;
                let prev = if *pa == 0 && matches!(self.marker, Some(Marker::Ordered(_))) {
                    labelled = format!("1. {prev}");
                    labelled.as_str()
                } else {
                    prev
                };
                if split(prev, line) {
                    cuts.push(*la);
                }
            }
        }
        if cuts.is_empty() {
            return vec![self];
        }
        let mut out = Vec::with_capacity(cuts.len() + 1);
        let mut from = 0;
        let (start, end) = (self.start(), self.end());
        let mut piece_start = start;
        for (n, &cut) in cuts.iter().chain(std::iter::once(&self.text.as_str().len())).enumerate() {
            let text = self.text.slice(from, cut);
            let last = n == cuts.len();
            let piece_end = if last { end } else { text.src_end(text.as_str().len()).max(piece_start) };
            let mut b = Block { text, pieces: vec![(piece_start, piece_end)], ..self.clone() };
            if n > 0 {
                b.kind = if self.kind == BlockKind::Item { BlockKind::Paragraph } else { self.kind };
                b.marker = None;
            }
            out.push(b);
            from = cut;
            if !last {
                let next = self.text.src_start(cut);
                piece_start = line_begin(src, next).max(piece_end);
            }
        }
        out
    }
}

impl Block {
    /// Splits inline enumerations into items: "X: (1) …; (2) …; (3) …"
    /// gives "X:", "(1) …", "(2) …", "(3) …". The markers must count up
    /// from (1) or (a).
    pub fn split_inline_items(self) -> Vec<Block> {
        let s = self.str();
        // Each marker holds its own "(": fewer than two, no split.
        if !s.find('(').and_then(|i| s.get(i + 1..)).is_some_and(|r| r.contains('(')) {
            return vec![self];
        }
        let mut cuts: Vec<usize> = Vec::new();
        let mut expected = 0usize;
        for c in P.inline_item.captures_iter(s) {
            let (Some(all), Some(label)) = (c.get(0), c.get(1)) else { continue };
            let ord = crate::vocab::POINT_LETTERS
                .iter()
                .position(|l| *l == label.as_str())
                .or_else(|| label.as_str().parse::<usize>().ok().and_then(|n| n.checked_sub(1)));
            if ord != Some(expected) {
                continue;
            }
            let at = all.as_str().find('(').map_or(all.start(), |i| all.start() + i);
            if expected == 0 && at != 0 && !s.get(..at).is_some_and(|h| h.trim_end().ends_with(':')) {
                continue;
            }
            cuts.push(at);
            expected += 1;
        }
        if cuts.len() < 2 || self.pieces.len() != 1 {
            return vec![self];
        }
        if cuts.first() != Some(&0) {
            cuts.insert(0, 0);
        }
        let (start, end) = (self.start(), self.end());
        let mut out = Vec::with_capacity(cuts.len());
        for (k, &cut) in cuts.iter().enumerate() {
            let next = cuts.get(k + 1).copied().unwrap_or(s.len());
            let text = self.text.slice(cut, next);
            let a = if k == 0 { start } else { text.src_start(0) };
            let e = if k + 1 == cuts.len() { end } else { text.src_end(text.as_str().len()) };
            let mut b = Block { text, pieces: vec![(a, e.max(a))], ..self.clone() };
            if k > 0 {
                b.kind = BlockKind::Paragraph;
                b.marker = None;
            }
            out.push(b);
        }
        out
    }
}

/// The first non-blank offset of the line holding `pos` (not before the
/// line's start).
pub(crate) fn line_begin(src: &str, pos: usize) -> usize {
    let bytes = src.as_bytes();
    let mut s = pos.min(bytes.len());
    while s > 0 && bytes.get(s - 1).is_some_and(|b| *b != b'\n') {
        s -= 1;
    }
    while s < pos && bytes.get(s).is_some_and(|b| *b == b' ' || *b == b'\t') {
        s += 1;
    }
    s
}

/// Whether a new block starts at `line`, given the line before it: the
/// rules shared by both readers for text whose lines were hard-wrapped.
///
/// Each shared pattern runs only when a byte test (the `may_be_*`
/// functions) says it can match.
pub(crate) fn starts_new_block(prev: &str, line: &str) -> bool {
    let prev = prev.trim_end();
    let line = line.trim_start();
    if may_be_bullet(line) && P.bullet_start.is_match(line)
        || may_be_recipients_head(line) && P.recipients_head.is_match(line)
        || may_be_signature_mark(line) && P.signature_mark.is_match(line)
    {
        return true;
    }
    if may_be_furniture(line) && P.furniture.is_match(line)
        || may_be_furniture(prev) && P.furniture.is_match(prev)
        || may_be_rule_line(line) && P.is_rule_line(line)
        || may_be_rule_line(prev) && P.is_rule_line(prev)
        || may_be_doc_type_line(prev) && P.doc_type_line.is_match(prev)
    {
        return true;
    }
    let prev_closed = prev.ends_with(['.', ':', ';', '!', '?']) || prev.ends_with("./.");
    let line_labelled = may_be_item_label(line) && P.item_label.is_match(line);
    if line_labelled && (prev_closed || prev.chars().count() < 45) {
        return true;
    }
    let (pc, lc) = (is_caps_line(prev), is_caps_line(line));
    if pc != lc {
        return true;
    }
    // A short numbered heading ("4. Đối với các nội dung khác") over a
    // sentence that starts with a capital: wrapped lines run to the width.
    if may_be_item_label(prev)
        && P.item_label.is_match(prev)
        && prev.chars().count() < 50
        && !prev.ends_with([',', '-', '–'])
        && line.starts_with(char::is_uppercase)
    {
        return true;
    }
    let line_dated = may_be_date_line(line) && P.date_line.is_match(line);
    let line_numbered = may_be_number_line(line) && P.number_line.is_match(line);
    // The meeting sentence after the subject, the lead-in after the meeting
    // sentence, when no blank line separates them.
    if may_be_meeting_opener(line) && P.meeting_opener.is_match(line) && !prev.ends_with([',', '-', '–']) && !line_dated
    {
        return true;
    }
    if prev_closed
        && (may_be_lead_in_opener(line) && P.lead_in_opener.is_match(line)
            || line.ends_with("./.")
            || crate::recognize::opens_closing(line))
    {
        return true;
    }
    line_numbered || line_dated || may_be_doc_type_line(line) && P.doc_type_line.is_match(line)
}

/// The first bytes of the words that open the shared patterns anchored on
/// a word of the vocabulary (under either tone placement, as
/// [`vocab::alternation`] writes them).
struct Leads {
    signature_mark: [bool; 256],
    doc_type: [bool; 256],
    /// No document type holds an ASCII lower-case letter or digit.
    doc_type_cased: bool,
    meeting_opener: [bool; 256],
    lead_in_opener: [bool; 256],
}

static LEADS: LazyLock<Leads> = LazyLock::new(|| {
    fn leads<'a>(words: impl Iterator<Item = &'a str>) -> [bool; 256] {
        let mut set = [false; 256];
        for v in words.flat_map(vocab::tone_variants) {
            if let Some(x) = v.as_bytes().first().and_then(|&b| set.get_mut(usize::from(b))) {
                *x = true;
            }
        }
        set
    }
    Leads {
        signature_mark: leads(vocab::AUTHORITY_MARKS.iter().map(|(m, _)| *m)),
        doc_type: leads(vocab::DOC_TYPES.iter().map(|(t, _)| *t)),
        doc_type_cased: vocab::DOC_TYPES
            .iter()
            .flat_map(|(t, _)| vocab::tone_variants(t))
            .all(|v| !v.bytes().any(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
        meeting_opener: leads(vocab::MEETING_OPENERS.iter().copied()),
        lead_in_opener: leads(vocab::LEAD_IN_OPENERS.iter().copied()),
    }
});

/// Whether `s` starts with one of the bytes of `set`.
fn leads_with(set: &[bool; 256], s: &str) -> bool {
    s.as_bytes().first().is_some_and(|&b| set.get(usize::from(b)).copied().unwrap_or(true))
}

/// False only when `P.bullet_start` cannot match: its first character is
/// one of `-+*` or `•–—−` (all three bytes long, starting with 0xE2).
pub(crate) fn may_be_bullet(s: &str) -> bool {
    matches!(s.as_bytes().first(), Some(b'-' | b'+' | b'*' | 0xE2))
}

/// False only when `P.item_label` cannot match: it starts with a Roman
/// numeral letter, a digit, a parenthesis, the "Th" of "Thứ", or a
/// lower-case letter (`đ` is 0xC4 0x91) right before `.`, `)` or `-`.
fn may_be_item_label(s: &str) -> bool {
    matches!(
        s.as_bytes(),
        [b'I' | b'V' | b'X' | b'L' | b'C' | b'0'..=b'9' | b'(', ..]
            | [b'T', b'h', ..]
            | [b'a'..=b'z', b'.' | b')' | b'-', ..]
            | [0xC4, 0x91, b'.' | b')' | b'-', ..]
    )
}

/// False only when `P.recipients_head` cannot match: it needs a colon.
fn may_be_recipients_head(s: &str) -> bool {
    s.as_bytes().contains(&b':')
}

/// False only when `P.signature_mark` cannot match: it starts with a mark.
fn may_be_signature_mark(s: &str) -> bool {
    leads_with(&LEADS.signature_mark, s)
}

/// False only when `P.furniture` cannot match. After leading white space
/// its alternatives start with `-`, `–`, a digit, `=`, "trang" or "ký" (in
/// any case; the Kelvin sign and `–` start with 0xE2; `ý` is 0xC3 0xBD,
/// `Ý` 0xC3 0x9D), or are one word holding a file name extension (".doc",
/// ".pdf", ".odt", ".rtf") or an e-mail address (both anchored: `\S+` from
/// the start, so the `.` or `@` comes before the first white space), or
/// hold "đã ký" (`ã`/`Ã`, one space, `k`/`K` or the Kelvin sign).
fn may_be_furniture(s: &str) -> bool {
    let t = s.trim_start();
    let b = t.as_bytes();
    match b {
        [b'-' | b'=' | b'0'..=b'9' | 0xE2, ..] | [b'k' | b'K', 0xC3, 0xBD | 0x9D, ..] => return true,
        [b't' | b'T', ..] if b.get(..5).is_some_and(|w| w.eq_ignore_ascii_case(b"trang")) => return true,
        _ => {}
    }
    // The first word, with the byte after it: `\S+` ends at or before the
    // first ASCII white space byte.
    let word_end = b.iter().position(|&x| matches!(x, b' ' | b'\t'..=b'\r')).map_or(b.len(), |k| k + 1);
    let word = b.get(..word_end).unwrap_or_default();
    word.windows(2).any(|w| matches!(w, [b'@', _] | [b'.', b'd' | b'D' | b'p' | b'P' | b'o' | b'O' | b'r' | b'R']))
        || holds_signed_mark(b)
}

/// Whether `b` holds `ã` or `Ã` (0xC3 0xA3, 0xC3 0x83), a space, then `k`,
/// `K` or 0xE2 (the Kelvin sign): the start of "đã ký" in any case. Four
/// shifted views are compared without an early exit or a short-circuit,
/// so that the loop runs on vectors, a block of 64 positions at a time.
fn holds_signed_mark(b: &[u8]) -> bool {
    let (Some(b1), Some(b2), Some(b3)) = (b.get(1..), b.get(2..), b.get(3..)) else { return false };
    let mut at = 0;
    while at < b3.len() {
        let end = (at + 64).min(b3.len());
        let (Some(w0), Some(w1), Some(w2), Some(w3)) =
            (b.get(at..end), b1.get(at..end), b2.get(at..end), b3.get(at..end))
        else {
            return false;
        };
        let hit = w0.iter().zip(w1).zip(w2).zip(w3).fold(false, |hit, (((&p, &q), &r), &k)| {
            hit | ((p == 0xC3) & (q | 0x20 == 0xA3) & (r == b' ') & ((k | 0x20 == b'k') | (k == 0xE2)))
        });
        if hit {
            return true;
        }
        at = end;
    }
    false
}

/// False only when `P.is_rule_line` cannot hold: the trimmed line starts
/// with one of `-_=*.` or `–—` (0xE2) or `·` (0xC2).
fn may_be_rule_line(s: &str) -> bool {
    matches!(s.trim_start().as_bytes().first(), Some(b'-' | b'_' | b'=' | b'*' | b'.' | 0xE2 | 0xC2))
}

/// False only when `P.doc_type_line` cannot match: after white space and
/// asterisks comes the first letter of a document type, and (when no type
/// has one) the line holds no ASCII lower-case letter or digit.
fn may_be_doc_type_line(s: &str) -> bool {
    leads_with(&LEADS.doc_type, s.trim_start().trim_start_matches('*').trim_start())
        && (!LEADS.doc_type_cased || !s.bytes().any(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// False only when `P.meeting_opener` cannot match: it starts with an
/// opener and holds a digit.
fn may_be_meeting_opener(s: &str) -> bool {
    leads_with(&LEADS.meeting_opener, s) && s.bytes().any(|b| b.is_ascii_digit())
}

/// False only when `P.lead_in_opener` cannot match.
fn may_be_lead_in_opener(s: &str) -> bool {
    leads_with(&LEADS.lead_in_opener, s)
}

/// False only when `P.number_line` cannot match: it starts with the `S` of
/// "Số".
fn may_be_number_line(s: &str) -> bool {
    s.as_bytes().first() == Some(&b'S')
}

/// False only when `P.date_line` cannot match: the place before the comma
/// holds no digit, so the first digit or comma is a comma, not at the start.
fn may_be_date_line(s: &str) -> bool {
    s.bytes().position(|b| b == b',' || b.is_ascii_digit()).is_some_and(|p| p > 0 && s.as_bytes().get(p) == Some(&b','))
}

/// Whether the line is written in capitals (at least two letters, none lower case).
pub(crate) fn is_caps_line(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_uppercase() {
            letters += 1;
        }
    }
    letters >= 2
}

/// Splits blocks at lines that open a new item, then rejoins paragraphs
/// broken across a page break (a block that starts in lower case after a
/// paragraph that does not end a sentence, is not a type line, and has the
/// same weight).
pub(crate) fn post_process(src: &str, blocks: Vec<Block>, joined: &mut Vec<usize>) -> Vec<Block> {
    let mut split = Vec::with_capacity(blocks.len());
    for b in blocks {
        if matches!(b.kind, BlockKind::Paragraph | BlockKind::Item) {
            for part in b.split_lines(src, starts_new_block) {
                split.extend(part.split_inline_items());
            }
        } else {
            split.push(b);
        }
    }
    let mut out: Vec<Block> = Vec::with_capacity(split.len());
    for b in split {
        if b.kind == BlockKind::Paragraph
            && b.marker.is_none()
            && b.str().chars().next().is_some_and(char::is_lowercase)
            && !(may_be_item_label(b.str()) && P.item_label.is_match(b.str()))
            && let Some(prev) = out.iter_mut().rev().find(|p| !(may_be_furniture(p.str()) && P.furniture.is_match(p.str())))
            && matches!(prev.kind, BlockKind::Paragraph | BlockKind::Item)
            && !prev.str().trim_end().ends_with(['.', ':', ';', '!', '?'])
            && !prev.str().is_empty()
            // A type line is not a sentence broken by a page; neither is a
            // change between bold and plain.
            && !(may_be_doc_type_line(prev.str()) && P.doc_type_line.is_match(prev.str()))
            && prev.strong == b.strong
            && prev.depth == b.depth
        {
            // Reported only when something stood between them (a blank
            // line, a page number); a wrapped line is no repair.
            let gap = src.get(prev.end()..b.start()).unwrap_or_default();
            if gap.matches('\n').count() > 1 {
                joined.push(b.start());
            }
            prev.text.append(&b.text);
            prev.pieces.extend(b.pieces);
            continue;
        }
        out.push(b);
    }
    out
}

/// Compiles every pattern and builds every word table of this module now
/// (see [`crate::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&LEADS);
    text::warm_up();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_pre_checks_never_hide_a_match() {
        let lines = [
            "- Giao",
            "+ Sở",
            "• x",
            "– y",
            "Nơi nhận:",
            "**Nơi nhận:**",
            "NƠI NHẬN :",
            "TL. CHỦ TỊCH",
            "T/M BAN THƯỜNG VỤ",
            "KT. GIÁM ĐỐC",
            "Q. CHÁNH VĂN PHÒNG",
            "3",
            "- 3 -",
            "===== Trang 3 =====",
            "Trang 2/5",
            "TRANG 4",
            "trang 1",
            "12/03/2024 10:15:00 +07:00",
            "2024-03-12T10:15:00Z",
            "thong-bao.pdf 3",
            "TB.DOCX",
            "x@y.vn",
            "Người ký: A đã ký lên văn bản này",
            "ĐÃ KÝ LÊN VĂN BẢN NÀY",
            "Đã \u{212A}ý lên văn bản này",
            "A đÃ Ký lên văn bản này.",
            "đã ký lên văn bản này",
            "bao-cao.Pdf\t12",
            "  ten.ODT 3",
            "a.b.rtf",
            "x.y@z.vn",
            "Gửi: x@y.vn",
            "x @y.vn",
            "Liên hệ thư điện tử a@b.vn.",
            "tệp bao-cao.pdf",
            "x.doc\u{A0}2",
            "mail\u{A0}x@y.vn",
            "Ký bởi: Sở Nội vụ",
            "KÝ BỞI: X",
            "-----",
            "____",
            "* * *",
            "···",
            "THÔNG BÁO",
            "** THÔNG BÁO **",
            "  KẾT LUẬN:",
            "GIẤY ỦY QUYỀN",
            "GIẤY UỶ QUYỀN",
            "1. Về",
            "1.1. Tiếp tục",
            "II. Nhiệm vụ",
            "IV- Tổ chức",
            "đ) Giao",
            "(3) Sở",
            "(b) Phòng",
            "b. Lập",
            "a- Công an",
            "2- Một số",
            "1.2 Rà soát",
            "Thứ nhất, về",
            "Thứ hai, giao",
            "Ngày 7/3/2021, đồng chí",
            "Vào lúc 8 giờ",
            "Sáng ngày 12 tháng 3",
            "Chiều 5-4",
            "Sau khi nghe báo cáo",
            "Qua nghe Sở X",
            "Hà Nội, ngày 12 tháng 3 năm 2024",
            "Lào Cai, ngày … tháng … năm 2024",
            "Số: 45/TB-UBND",
            "Số 12/QĐ",
            "các nội dung sau:",
            "tại cuộc họp",
            "Theo đó, ngày 5",
            "kết luận như sau",
            "THÀNH PHỐ HÀ NỘI",
            "Độc lập - Tự do - Hạnh phúc",
        ];
        let p = &*P;
        for s in lines {
            for t in [s, s.trim_start()] {
                assert!(!p.bullet_start.is_match(t) || may_be_bullet(t), "bullet {t:?}");
                assert!(!p.item_label.is_match(t) || may_be_item_label(t), "item {t:?}");
                assert!(!p.recipients_head.is_match(t) || may_be_recipients_head(t), "recipients {t:?}");
                assert!(!p.signature_mark.is_match(t) || may_be_signature_mark(t), "signature {t:?}");
                assert!(!p.furniture.is_match(t) || may_be_furniture(t), "furniture {t:?}");
                assert!(!p.is_rule_line(t) || may_be_rule_line(t), "rule {t:?}");
                assert!(!p.doc_type_line.is_match(t) || may_be_doc_type_line(t), "doc type {t:?}");
                assert!(!p.meeting_opener.is_match(t) || may_be_meeting_opener(t), "meeting {t:?}");
                assert!(!p.lead_in_opener.is_match(t) || may_be_lead_in_opener(t), "lead-in {t:?}");
                assert!(!p.number_line.is_match(t) || may_be_number_line(t), "number {t:?}");
                assert!(!p.date_line.is_match(t) || may_be_date_line(t), "date {t:?}");
            }
        }
        // The list holds lines that do match.
        for (name, s) in
            [("furniture", "Trang 2/5"), ("doc type", "** THÔNG BÁO **"), ("date", "Hà Nội, ngày 12 tháng 3 năm 2024")]
        {
            let m = match name {
                "furniture" => p.furniture.is_match(s),
                "doc type" => p.doc_type_line.is_match(s),
                _ => p.date_line.is_match(s),
            };
            assert!(m, "{name} {s:?}");
        }
    }
}
