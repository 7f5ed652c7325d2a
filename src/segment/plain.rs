//! Plain-text blocks: lines grouped into paragraphs, a hard-wrapped line
//! joined to the one before it unless it opens a new item or part.

use super::{Block, BlockKind, Marker, starts_new_block};
use crate::patterns::P;

/// Reads the blocks of plain text `src` (normalised text).
pub(crate) fn blocks(src: &str, max_depth: usize) -> Vec<Block> {
    let mut out = Vec::new();
    let mut cur: Option<Block> = None;
    let mut prev_line = String::new();
    let mut pos = 0;
    let mut row = 0;
    for raw in src.split_inclusive('\n') {
        let line_start = pos;
        pos += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            finish(&mut cur, &mut out);
            prev_line.clear();
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let first = line_start + indent;
        let is_table_row = trimmed.starts_with('|') || trimmed.contains(" | ");
        if is_table_row {
            // A table row (pipe-joined columns, antiword): one block per cell.
            finish(&mut cur, &mut out);
            cells(line, line_start, row, &mut out);
            row += 1;
            prev_line.clear();
            continue;
        }
        let new_block = cur.is_none()
            || is_table_row
            || starts_new_block(&prev_line, trimmed)
            || ends_paragraph(&prev_line, trimmed);
        if new_block {
            finish(&mut cur, &mut out);
            let mut b = Block::new(BlockKind::Paragraph, first);
            b.depth = (indent / 2).min(max_depth);
            if let Some(c) = trimmed.chars().next()
                && P.bullet_start.is_match(trimmed)
            {
                b.marker = Some(Marker::Bullet(c));
                b.kind = BlockKind::Item;
                let skip = c.len_utf8();
                b.text.push_src(trimmed.get(skip..).unwrap_or_default(), first + skip);
            } else {
                b.text.push_src(trimmed, first);
            }
            b.extend_to(first + trimmed.len());
            cur = Some(b);
        } else if let Some(b) = cur.as_mut() {
            b.text.mark_line_break(first);
            b.text.push_src(trimmed, first);
            b.extend_to(first + trimmed.len());
        }
        prev_line.clear();
        prev_line.push_str(trimmed);
    }
    finish(&mut cur, &mut out);
    out
}

/// A short line followed by one that starts with a capital ends a paragraph
/// in hard-wrapped text (wrapped lines run to the full width); so does a
/// line that opens the closing sentence.
fn ends_paragraph(prev: &str, line: &str) -> bool {
    let capital = line.chars().next().is_some_and(char::is_uppercase);
    (capital && prev.chars().count() < 50 && !prev.ends_with([',', '-', '–']))
        || (crate::recognize::opens_closing(line) && prev.ends_with(['.', ';', ':']))
}

/// The cells of a table row at `line_start`. The first cell's piece starts
/// at the line's first byte and the last one's ends at its last, so that the
/// row's borders belong to a cell.
fn cells(line: &str, line_start: usize, row: usize, out: &mut Vec<Block>) {
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    let mut from = 0;
    let body = line.trim_start();
    let mut col = 0;
    for (i, _) in line.match_indices('|').chain(std::iter::once((line.len(), ""))) {
        let cell = line.get(from..i).unwrap_or_default();
        let lead = cell.len() - cell.trim_start().len();
        let t = cell.trim();
        if !t.is_empty() {
            spans.push((from + lead, from + lead + t.len(), col));
        }
        // The border before the first cell opens no column.
        if !(i == line.len() - body.len() && body.starts_with('|')) {
            col += 1;
        }
        from = i + 1;
    }
    let n = spans.len();
    let line_end = line.trim_end().len();
    let line_first = line.len() - line.trim_start().len();
    for (k, (a, e, col)) in spans.into_iter().enumerate() {
        let piece_start = if k == 0 { line_first } else { a };
        let piece_end = if k + 1 == n { line_end } else { e };
        let mut b = Block::new(BlockKind::Cell, line_start + piece_start);
        b.cell = Some((row, col));
        let t = line.get(a..e).unwrap_or_default();
        if let Some(c) = t.chars().next()
            && P.bullet_start.is_match(t)
        {
            b.marker = Some(Marker::Bullet(c));
            b.text.push_src(t.get(c.len_utf8()..).unwrap_or_default(), line_start + a + c.len_utf8());
        } else {
            b.text.push_src(t, line_start + a);
        }
        b.text.finish();
        b.extend_to(line_start + piece_end);
        out.push(b);
    }
}

fn finish(cur: &mut Option<Block>, out: &mut Vec<Block>) {
    if let Some(mut b) = cur.take() {
        b.text.finish();
        out.push(b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_join_and_items_split() {
        let src =
            "Ngày 05/3/2025, đồng chí A chủ trì\ncuộc họp về kế hoạch.\n1. Giao Sở X:\n- Rà soát\nhồ sơ;\n- Báo cáo.\n";
        let b = blocks(src, 16);
        let texts: Vec<&str> = b.iter().map(|b| b.str()).collect();
        assert_eq!(
            texts,
            vec![
                "Ngày 05/3/2025, đồng chí A chủ trì cuộc họp về kế hoạch.",
                "1. Giao Sở X:",
                "Rà soát hồ sơ;",
                "Báo cáo."
            ]
        );
        assert_eq!(b[2].marker, Some(Marker::Bullet('-')));
        assert_eq!(&src[b[2].start()..b[2].end()], "- Rà soát\nhồ sơ;");
    }
}
