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
use std::cell::OnceCell;

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
    /// Every two adjacent lines of the text were already asked
    /// [`starts_new_block`], as the very strings [`Block::split_lines`]
    /// would ask it, and no new block started: splitting would find no cut.
    pub lines_checked: bool,
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
            lines_checked: false,
        }
    }

    /// Whether the block is a bulleted item: a bullet marker, or a line that
    /// starts with one ("- …" in plain text).
    pub fn is_bullet(&self) -> bool {
        matches!(self.marker, Some(Marker::Bullet(_))) || P.is_bullet_start(self.str())
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

    /// Splits the block before each line for which `split(prev, line)` holds,
    /// handing each part to `emit` in order (the block itself when nothing
    /// splits it).
    pub fn split_lines(self, src: &str, split: impl Fn(&str, &str) -> bool, emit: &mut impl FnMut(Block)) {
        // One source line, or lines already asked: nothing to cut.
        if self.lines_checked || self.text.breaks().is_empty() || self.pieces.len() != 1 {
            return emit(self);
        }
        let lines = self.text.line_ranges();
        if lines.len() < 2 {
            return emit(self);
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
            return emit(self);
        }
        let mut from = 0;
        let (start, end) = (self.start(), self.end());
        let mut piece_start = start;
        for (n, &cut) in cuts.iter().chain(std::iter::once(&self.text.as_str().len())).enumerate() {
            let text = self.text.slice(from, cut);
            let last = n == cuts.len();
            let piece_end = if last { end } else { text.src_end(text.as_str().len()).max(piece_start) };
            let b = if n > 0 {
                let kind = if self.kind == BlockKind::Item { BlockKind::Paragraph } else { self.kind };
                self.part(kind, text, (piece_start, piece_end), None)
            } else {
                self.part(self.kind, text, (piece_start, piece_end), self.marker.clone())
            };
            emit(b);
            from = cut;
            if !last {
                let next = self.text.src_start(cut);
                piece_start = line_begin(src, next).max(piece_end);
            }
        }
    }

    /// A part of this block: its own kind, text, single piece and marker,
    /// the weight, depth and cell of the whole.
    fn part(&self, kind: BlockKind, text: Text, piece: (usize, usize), marker: Option<Marker>) -> Block {
        Block {
            kind,
            text,
            pieces: vec![piece],
            strong: self.strong,
            depth: self.depth,
            marker,
            cell: self.cell,
            lines_checked: false,
        }
    }
}

impl Block {
    /// Splits inline enumerations into items: "X: (1) …; (2) …; (3) …"
    /// gives "X:", "(1) …", "(2) …", "(3) …". The markers must count up
    /// from (1) or (a).
    pub fn split_inline_items(self, out: &mut impl FnMut(Block)) {
        let s = self.str();
        // Each marker holds its own "(": fewer than two, no split.
        let bytes = s.as_bytes();
        if memchr::memchr(b'(', bytes).and_then(|i| bytes.get(i + 1..)).and_then(|r| memchr::memchr(b'(', r)).is_none()
        {
            return out(self);
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
            return out(self);
        }
        if cuts.first() != Some(&0) {
            cuts.insert(0, 0);
        }
        let (start, end) = (self.start(), self.end());
        for (k, &cut) in cuts.iter().enumerate() {
            let next = cuts.get(k + 1).copied().unwrap_or(s.len());
            let text = self.text.slice(cut, next);
            let a = if k == 0 { start } else { text.src_start(0) };
            let e = if k + 1 == cuts.len() { end } else { text.src_end(text.as_str().len()) };
            let b = if k > 0 {
                self.part(BlockKind::Paragraph, text, (a, e.max(a)), None)
            } else {
                self.part(self.kind, text, (a, e.max(a)), self.marker.clone())
            };
            out(b);
        }
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

/// What [`starts_new_block`] asks of a line on either side of a break,
/// each answer worked out when first asked and then kept: a reader that
/// walks lines in order keeps the facts of the line before instead of
/// asking its patterns again.
#[derive(Debug, Default)]
pub(crate) struct LineFacts<'a> {
    line: &'a str,
    bullet: OnceCell<bool>,
    furniture: OnceCell<bool>,
    rule: OnceCell<bool>,
    doc_type: OnceCell<bool>,
    item_label: OnceCell<bool>,
    caps: OnceCell<bool>,
}

impl<'a> LineFacts<'a> {
    /// The facts of `line` as written (the caller trims it as
    /// [`starts_new_block`] would: the end of the line before a break, the
    /// start of the line after it, or both for a line that is both).
    pub(crate) fn of(line: &'a str) -> Self {
        Self { line, ..Self::default() }
    }

    /// The line.
    pub(crate) fn line(&self) -> &'a str {
        self.line
    }

    /// Whether the line starts with a bullet and text.
    pub(crate) fn bullet(&self) -> bool {
        *self.bullet.get_or_init(|| P.is_bullet_start(self.line))
    }

    fn furniture(&self) -> bool {
        *self.furniture.get_or_init(|| P.is_furniture(self.line))
    }

    fn rule(&self) -> bool {
        *self.rule.get_or_init(|| P.is_rule_line(self.line))
    }

    fn doc_type(&self) -> bool {
        *self.doc_type.get_or_init(|| P.is_doc_type_line(self.line))
    }

    fn item_label(&self) -> bool {
        *self.item_label.get_or_init(|| P.is_item_label(self.line))
    }

    fn caps(&self) -> bool {
        *self.caps.get_or_init(|| is_caps_line(self.line))
    }
}

/// Whether a new block starts at `line`, given the line before it: the
/// rules shared by both readers for text whose lines were hard-wrapped.
///
/// Each shared pattern is asked through its `is_*` method, which runs it
/// only when its byte check ([`crate::patterns::gates`]) allows a match.
pub(crate) fn starts_new_block(prev: &str, line: &str) -> bool {
    starts_new_block_given(&LineFacts::of(prev.trim_end()), &LineFacts::of(line.trim_start()))
}

/// [`starts_new_block`] for the facts of the line before (`pf`) and of
/// the line (`lf`), both trimmed as it trims them.
pub(crate) fn starts_new_block_given(pf: &LineFacts, lf: &LineFacts) -> bool {
    let (prev, line) = (pf.line, lf.line);
    if lf.bullet() || P.is_recipients_head(line) || P.is_signature_mark(line) {
        return true;
    }
    if lf.furniture() || pf.furniture() || lf.rule() || pf.rule() || pf.doc_type() {
        return true;
    }
    let prev_closed = prev.ends_with(['.', ':', ';', '!', '?']) || prev.ends_with("./.");
    if lf.item_label() && (prev_closed || prev.chars().count() < 45) {
        return true;
    }
    if pf.caps() != lf.caps() {
        return true;
    }
    // A short numbered heading ("4. Đối với các nội dung khác") over a
    // sentence that starts with a capital: wrapped lines run to the width.
    if pf.item_label()
        && prev.chars().count() < 50
        && !prev.ends_with([',', '-', '–'])
        && line.starts_with(char::is_uppercase)
    {
        return true;
    }
    // A type line, a numbered or dated line; the meeting sentence after the
    // subject, the lead-in after the meeting sentence, when no blank line
    // separates them. (A dated line starts a block anyway, so the meeting
    // sentence need not ask whether it is one.) The cheaper questions first;
    // the facts of the line are kept for the line after it.
    lf.doc_type()
        || P.is_number_line(line)
        || prev_closed && (P.is_lead_in_opener(line) || line.ends_with("./.") || crate::recognize::opens_closing(line))
        || !prev.ends_with([',', '-', '–']) && P.is_meeting_opener(line)
        || P.is_date_line(line)
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
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut rejoin = |b: Block| rejoin_page_break(src, b, &mut out, joined);
    for b in blocks {
        if matches!(b.kind, BlockKind::Paragraph | BlockKind::Item) {
            b.split_lines(src, starts_new_block, &mut |part: Block| part.split_inline_items(&mut rejoin));
        } else {
            rejoin(b);
        }
    }
    // The blocks live as long as the parse: the room left by the last
    // doubling goes back now (up to half of it).
    out.shrink_to_fit();
    out
}

/// Appends `b` to `out`, or to the paragraph before it when `b` continues
/// a sentence that a page break cut (see [`post_process`]); the start of a
/// repair across a gap goes to `joined`.
fn rejoin_page_break(src: &str, b: Block, out: &mut Vec<Block>, joined: &mut Vec<usize>) {
    if b.kind == BlockKind::Paragraph
        && b.marker.is_none()
        && b.str().chars().next().is_some_and(char::is_lowercase)
        && !(P.is_item_label(b.str()))
        && let Some(prev) = out.iter_mut().rev().find(|p| !(P.is_furniture(p.str())))
        && matches!(prev.kind, BlockKind::Paragraph | BlockKind::Item)
        && !prev.str().trim_end().ends_with(['.', ':', ';', '!', '?'])
        && !prev.str().is_empty()
        // A type line is not a sentence broken by a page; neither is a
        // change between bold and plain.
        && !(P.is_doc_type_line(prev.str()))
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
        return;
    }
    out.push(b);
}

/// Compiles every pattern and builds every word table of this module now
/// (see [`crate::warm_up`]).
pub(crate) fn warm_up() {
    text::warm_up();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_kept_from_the_line_before_give_the_same_breaks() {
        let lines: Vec<String> = crate::patterns::gates::tests::samples()
            .into_iter()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .take(3000)
            .collect();
        let mut breaks = 0;
        for w in lines.windows(2) {
            if let [prev, line] = w {
                // Facts asked in another order first, as a reader keeps them.
                let (pf, lf) = (LineFacts::of(prev), LineFacts::of(line));
                let _ = (lf.caps(), pf.bullet());
                let given = starts_new_block_given(&pf, &lf);
                assert_eq!(given, starts_new_block(prev, line), "{prev:?} / {line:?}");
                breaks += usize::from(given);
            }
        }
        // Both answers occur.
        assert!(breaks > 100 && breaks + 100 < lines.len(), "{breaks} of {}", lines.len());
    }
}
