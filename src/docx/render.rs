//! The Markdown rendering of a Word document: the text a `.docx` notice
//! is parsed from, and that its spans point into.
//!
//! - A paragraph is one Markdown paragraph (blank line between): its runs
//!   joined, bold runs as `**…**` (per line, and only where CommonMark reads
//!   them as bold), line breaks (`w:br`) as line ends, tabs as spaces, empty
//!   paragraphs skipped.
//! - A numbered paragraph starts with the label Word draws, as typed text
//!   ("1. ", "a) ", "II. ", "1.2. "); a bullet is "- " ("+ " or "• " for
//!   deeper levels).
//! - A table of two or more columns is a Markdown table, one row per Word
//!   row (the first row as its head), each cell's lines joined with `<br>`:
//!   the header table (issuer and number | motto and date) and the footer
//!   table ("Nơi nhận" | signature) keep their columns. A cell spanning
//!   several columns is followed by empty cells (and grid columns a row
//!   leaves out, `w:gridBefore`/`w:gridAfter`, are empty cells). Columns
//!   empty in every row are left out; a table of one column is read as its
//!   paragraphs. A *layout* table — at most two columns with text, such as
//!   the header and footer tables, spacer columns aside — reads a row
//!   whose only text is one cell across all those columns (the type line
//!   and the subject, in some headers) as paragraphs, and writes a
//!   vertically merged cell once; in a data table (three or more columns
//!   with text) a vertically merged cell repeats the text of the cell it
//!   continues, so that each row reads whole.
//! - Text is escaped where Markdown would read it as markup.

use super::document::{Block, Para, Row, Table};
use super::numbering::{Counter, Label, Numbering};
use super::styles::Styles;

/// Renders the body.
pub(crate) fn render(blocks: &[Block], styles: &Styles, numbering: &Numbering) -> String {
    let mut r = Renderer { styles, numbering, counter: Counter::default(), out: Vec::new() };
    r.blocks(blocks);
    let mut s = r.out.join("\n\n");
    s.push('\n');
    s
}

struct Renderer<'a> {
    styles: &'a Styles,
    numbering: &'a Numbering,
    counter: Counter,
    out: Vec<String>,
}

impl Renderer<'_> {
    fn blocks(&mut self, blocks: &[Block]) {
        for b in blocks {
            match b {
                Block::Para(p) => {
                    let lines = self.para(p);
                    if !lines.is_empty() {
                        self.out.push(lines.join("\n"));
                    }
                }
                Block::Table(t) => self.table(t),
            }
        }
    }

    /// The Markdown lines of a paragraph (none when it shows no text).
    fn para(&mut self, p: &Para) -> Vec<String> {
        let style = p.style.as_deref().or(self.styles.default_paragraph.as_deref());
        let label = self.counter.label(self.numbering, self.styles, p.num, style);
        // Runs split into lines of (text, bold) pieces.
        let mut lines: Vec<Vec<(String, bool)>> = vec![Vec::new()];
        for run in &p.runs {
            for (i, piece) in run.text.split('\n').enumerate() {
                if i > 0 {
                    lines.push(Vec::new());
                }
                if !piece.is_empty()
                    && let Some(l) = lines.last_mut()
                {
                    l.push((piece.to_string(), run.bold));
                }
            }
        }
        let mut out: Vec<String> = lines.iter().map(|l| line(l)).filter(|l| !l.is_empty()).collect();
        match (label, out.first_mut()) {
            // A number with no text (a numbered column of a table) is shown alone.
            (Some(Label::Text(t)), None) => out.push(escape_inline(&t)),
            (Some(Label::Text(t)), Some(first)) => first.insert_str(0, &format!("{} ", escape_inline(&t))),
            (Some(Label::Bullet(c)), Some(first)) => first.insert_str(0, &format!("{c} ")),
            (Some(Label::Bullet(_)) | None, _) => {}
        }
        for l in &mut out {
            escape_line_start(l);
        }
        out
    }

    fn table(&mut self, t: &Table) {
        let cols = t.rows.iter().map(|r| r.cells.iter().map(|c| c.span).sum::<usize>()).max().unwrap_or(0);
        if cols <= 1 {
            for r in &t.rows {
                for c in &r.cells {
                    self.blocks(&c.blocks);
                }
            }
            return;
        }
        // The columns with text: in all rows (without merged cells), and in
        // the rows with text in two cells or more.
        let mut with_text = vec![false; cols];
        let mut in_rows = vec![false; cols];
        for r in &t.rows {
            let filled: Vec<usize> =
                starts(r).filter(|(_, c)| !c.merged && has_content(&c.blocks)).map(|(k, _)| k).collect();
            for &k in &filled {
                if let Some(w) = with_text.get_mut(k) {
                    *w = true;
                }
                if filled.len() >= 2
                    && let Some(w) = in_rows.get_mut(k)
                {
                    *w = true;
                }
            }
        }
        let layout = with_text.iter().filter(|&&w| w).count() <= 2;
        // Each cell as its lines.
        let mut above: Vec<Vec<String>> = vec![Vec::new(); cols];
        let mut rows: Vec<Vec<Vec<String>>> = Vec::with_capacity(t.rows.len());
        for r in &t.rows {
            // In a layout table, a row whose only text is one cell across
            // the columns with text is not a column: its paragraphs are read
            // as paragraphs (the type line or the subject, in some headers).
            if layout && let Some(c) = across(r, cols, &in_rows) {
                self.flush(&mut rows, cols);
                self.blocks(&c.blocks);
                continue;
            }
            let mut cells: Vec<Vec<String>> = Vec::with_capacity(cols);
            for c in &r.cells {
                let col = cells.len();
                let lines = if c.merged {
                    if layout { Vec::new() } else { above.get(col).cloned().unwrap_or_default() }
                } else {
                    let mut lines = Vec::new();
                    self.cell_lines(&c.blocks, &mut lines);
                    if let Some(a) = above.get_mut(col) {
                        a.clone_from(&lines);
                    }
                    lines
                };
                cells.push(lines);
                cells.extend(std::iter::repeat_n(Vec::new(), c.span.saturating_sub(1)));
            }
            cells.resize(cols, Vec::new());
            rows.push(cells);
        }
        self.flush(&mut rows, cols);
    }

    /// Writes the rows read so far as a Markdown table, without the columns
    /// that are empty in every row; what is left of one column is written
    /// as paragraphs.
    fn flush(&mut self, rows: &mut Vec<Vec<Vec<String>>>, cols: usize) {
        let keep: Vec<usize> =
            (0..cols).filter(|&k| rows.iter().any(|r| r.get(k).is_some_and(|c| !c.is_empty()))).collect();
        let rows = std::mem::take(rows);
        if keep.len() <= 1 {
            for r in rows {
                let lines: Vec<String> = r.into_iter().flatten().collect();
                if !lines.is_empty() {
                    self.out.push(lines.join("\n"));
                }
            }
            return;
        }
        let mut lines: Vec<String> = Vec::with_capacity(rows.len() + 1);
        for (i, r) in rows.iter().enumerate() {
            let mut s = String::from("|");
            for c in keep.iter().filter_map(|&k| r.get(k)) {
                s.push(' ');
                s.push_str(&c.join("<br>"));
                s.push_str(" |");
            }
            lines.push(s);
            if i == 0 {
                lines.push(format!("|{}", " --- |".repeat(keep.len())));
            }
        }
        self.out.push(lines.join("\n"));
    }

    fn cell_lines(&mut self, blocks: &[Block], out: &mut Vec<String>) {
        for b in blocks {
            match b {
                Block::Para(p) => out.extend(self.para(p)),
                // A table inside a cell: its cells' lines, row by row.
                Block::Table(t) => {
                    for r in &t.rows {
                        for c in &r.cells {
                            self.cell_lines(&c.blocks, out);
                        }
                    }
                }
            }
        }
    }
}

/// The cells of a row with the grid column each starts at.
fn starts(r: &Row) -> impl Iterator<Item = (usize, &super::document::Cell)> {
    r.cells.iter().scan(0usize, |at, c| {
        let k = *at;
        *at = at.saturating_add(c.span);
        Some((k, c))
    })
}

/// The one cell of row `r` with text when it spans two grid columns or
/// more, covering every column marked in `filled` (all `cols` when none
/// is), and is not a merged cell.
fn across<'r>(r: &'r Row, cols: usize, filled: &[bool]) -> Option<&'r super::document::Cell> {
    let mut with: Vec<(usize, &super::document::Cell)> = starts(r).filter(|(_, c)| has_content(&c.blocks)).collect();
    let (k, c) = with.pop().filter(|_| with.is_empty())?;
    let end = k.saturating_add(c.span);
    let covers = if filled.iter().any(|&f| f) {
        filled.iter().enumerate().all(|(i, &f)| !f || (k..end).contains(&i))
    } else {
        k == 0 && end >= cols
    };
    (c.span >= 2 && !c.merged && covers).then_some(c)
}

/// Whether blocks show anything: text, or a number Word draws.
fn has_content(blocks: &[Block]) -> bool {
    blocks.iter().any(|b| match b {
        Block::Para(p) => {
            p.runs.iter().any(|r| !r.text.trim().is_empty()) || p.num.is_some_and(|n| n.num_id.is_some_and(|i| i != 0))
        }
        Block::Table(t) => t.rows.iter().any(|r| r.cells.iter().any(|c| has_content(&c.blocks))),
    })
}

/// Whether a rendering holds a national header block: the motto line (or
/// the Party's "ĐẢNG CỘNG SẢN VIỆT NAM") or a "Số:" line — in its first
/// blocks, or anywhere when `whole`.
pub(crate) fn has_header_block(text: &str, whole: bool) -> bool {
    use unicode_normalization::UnicodeNormalization;
    let blocks = if whole { usize::MAX } else { 8 };
    text.split("\n\n").take(blocks).any(|b| {
        let b: String = b.nfc().collect::<String>().to_lowercase();
        b.split(['\n', '|']).flat_map(|l| l.split("<br>")).any(|l| {
            let l = l.trim().trim_matches('*').trim();
            let number = l.strip_prefix("số").is_some_and(|r| {
                let r = r.trim_start();
                r.starts_with(':') || r.starts_with(|c: char| c.is_ascii_digit())
            });
            number || l.contains("độc lập") || l.contains("đảng cộng sản việt nam")
        })
    })
}

/// One line of a paragraph as Markdown: pieces merged by formatting,
/// trimmed, escaped, bold pieces wrapped in `**`.
fn line(pieces: &[(String, bool)]) -> String {
    // Merge pieces of the same formatting; white space between two bold
    // pieces is bold.
    let mut merged: Vec<(String, bool)> = Vec::new();
    for (i, (text, bold)) in pieces.iter().enumerate() {
        let blank = text.trim().is_empty();
        let bold = if blank {
            let prev = merged.last().is_some_and(|(_, b)| *b);
            let next = pieces.get(i + 1..).unwrap_or_default().iter().find(|(t, _)| !t.trim().is_empty());
            prev && next.is_some_and(|(_, b)| *b)
        } else {
            *bold
        };
        match merged.last_mut() {
            Some((t, b)) if *b == bold => t.push_str(text),
            _ => merged.push((text.clone(), bold)),
        }
    }
    // Trim the line.
    if let Some((t, _)) = merged.first_mut() {
        *t = t.trim_start().to_string();
    }
    if let Some((t, _)) = merged.last_mut() {
        *t = t.trim_end().to_string();
    }
    let escaped: Vec<(String, bool)> = merged.into_iter().map(|(t, b)| (escape_inline(&t), b)).collect();
    let mut out = String::new();
    for (i, (text, bold)) in escaped.iter().enumerate() {
        if !bold {
            out.push_str(text);
            continue;
        }
        let core = text.trim();
        let lead = text.len() - text.trim_start().len();
        let (head, rest) = text.split_at_checked(lead).unwrap_or(("", text));
        let (_, tail) = rest.split_at_checked(core.len()).unwrap_or((rest, ""));
        out.push_str(head);
        let before = out.chars().last();
        let after = tail.chars().next().or_else(|| escaped.get(i + 1).and_then(|(t, _)| t.chars().next()));
        if !core.is_empty() && flanking(before, core, after) {
            out.push_str("**");
            out.push_str(core);
            out.push_str("**");
        } else {
            out.push_str(core);
        }
        out.push_str(tail);
    }
    out
}

/// Whether `**core**` between `before` and `after` is read as bold by
/// CommonMark: the opening run left-flanking, the closing run right-flanking.
fn flanking(before: Option<char>, core: &str, after: Option<char>) -> bool {
    let (Some(first), Some(last)) = (core.chars().next(), core.chars().last()) else { return false };
    let space_or_punct = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || is_punct(c));
    let opens = !first.is_whitespace() && (!is_punct(first) || space_or_punct(before));
    let closes = !last.is_whitespace() && (!is_punct(last) || space_or_punct(after));
    opens && closes
}

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_alphanumeric() && !c.is_whitespace() && !c.is_control())
}

/// Escapes what Markdown would read as inline markup (and `|`, which would
/// end a table cell).
fn escape_inline(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '|' | '~' => o.push('\\'),
            // What reads as an entity or character reference ("&amp;", "&#123;").
            '&' if s.get(i + 1..).is_some_and(is_reference) => o.push('\\'),
            _ => {}
        }
        o.push(c);
    }
    o
}

/// Whether `s` (after a "&") starts with a reference's name and ";".
fn is_reference(s: &str) -> bool {
    let name = s.strip_prefix('#').unwrap_or(s);
    let len = name.chars().take_while(char::is_ascii_alphanumeric).count();
    len > 0 && name.get(len..).is_some_and(|rest| rest.starts_with(';'))
}

/// Escapes what would open a block at the start of a line: a heading
/// (`#`), a block quote (`>`), a rule or a setext underline (a line of
/// only `-`, `=` or `+`). Bullets ("- text") and numbers ("1. text") are
/// kept: they are what the document shows.
fn escape_line_start(l: &mut String) {
    let Some(first) = l.chars().next() else { return };
    let rule = l.chars().all(|c| matches!(c, '-' | '=' | '+' | ' ' | '\\' | '*' | '_'));
    if matches!(first, '#' | '>') || (matches!(first, '-' | '=' | '+') && rule) {
        l.insert(0, '\\');
    }
}
