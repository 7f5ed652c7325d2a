//! Plain-text blocks: lines grouped into paragraphs, a hard-wrapped line
//! joined to the one before it unless it opens a new item or part.

use super::{Block, BlockKind, LineFacts, Marker, starts_new_block_given};
use crate::patterns::P;

/// Reads the blocks of plain text `src` (normalised text).
pub(crate) fn blocks(src: &str, max_depth: usize) -> Vec<Block> {
    let mut out = Vec::new();
    let mut cur: Option<Block> = None;
    // The line before (trimmed) and what the block rules learnt of it.
    let mut prev = LineFacts::of("");
    let mut pos = 0;
    let mut row = 0;
    let mut last_label: Option<Vec<u32>> = None;
    for raw in lines(src) {
        let line_start = pos;
        pos += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            finish(&mut cur, &mut out);
            prev = LineFacts::of("");
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
            prev = LineFacts::of("");
            continue;
        }
        let facts = LineFacts::of(trimmed);
        let label = numeric_label(trimmed);
        // "1.1." after "1. Về …" continues the numbering: a new item even
        // when the line before it does not look closed.
        let continues = label.as_ref().zip(last_label.as_ref()).is_some_and(|(n, p)| continues_numbering(p, n));
        let new_block = cur.is_none()
            || is_table_row
            || continues
            || starts_new_block_given(&prev, &facts)
            || ends_paragraph(prev.line(), trimmed);
        if new_block {
            if label.is_some() {
                last_label = label;
            }
            finish(&mut cur, &mut out);
            let mut b = Block::new(BlockKind::Paragraph, first);
            b.depth = (indent / 2).min(max_depth);
            if let Some(c) = trimmed.chars().next()
                && facts.bullet()
            {
                b.marker = Some(Marker::Bullet(c));
                b.kind = BlockKind::Item;
                let skip = c.len_utf8();
                b.text.push_src(trimmed.get(skip..).unwrap_or_default(), first + skip);
            } else {
                // The facts of the line were asked of the line as its text
                // holds it (see `Block::lines_checked`).
                b.lines_checked = b.text.push_src(trimmed, first);
            }
            b.extend_to(first + trimmed.len());
            cur = Some(b);
        } else if let Some(b) = cur.as_mut() {
            b.text.mark_line_break(first);
            // Joined: no new block starts at this line, asked of it as the
            // text holds it when copied as is.
            let as_is = b.text.push_src(trimmed, first);
            b.lines_checked &= as_is;
            b.extend_to(first + trimmed.len());
        }
        prev = facts;
    }
    finish(&mut cur, &mut out);
    out
}

/// The lines of `src`, each with its line feed when it has one: what
/// `src.split_inclusive('\n')` gives, each line feed found by memchr.
fn lines(src: &str) -> impl Iterator<Item = &str> {
    let mut from = 0;
    memchr::memchr_iter(b'\n', src.as_bytes()).map(|at| at + 1).chain(std::iter::once(src.len())).filter_map(
        move |end| {
            let line = src.get(from..end).filter(|l| !l.is_empty());
            from = end;
            line
        },
    )
}

/// The numbers of an Arabic or dotted item label at the start of `line`
/// ("2." gives [2], "1.2." and "1.2" give [1, 2]); none for a date, a
/// document number or a decimal ("15/4/2025", "318/QĐ", "2,5 km").
fn numeric_label(line: &str) -> Option<Vec<u32>> {
    let end = line.find(char::is_whitespace)?;
    let head = line.get(..end)?;
    let body = head.strip_suffix(['.', ')', '-']).unwrap_or(head);
    if body.is_empty() || body.len() == head.len() && !body.contains('.') {
        return None;
    }
    let parts: Option<Vec<u32>> =
        body.split('.').map(|p| if p.len() <= 3 { p.parse::<u32>().ok() } else { None }).collect();
    parts.filter(|v| !v.is_empty() && v.len() <= 6)
}

/// Whether label `next` follows label `prev` in one numbering: its next
/// sibling, the first child, or the next item of an ancestor.
fn continues_numbering(prev: &[u32], next: &[u32]) -> bool {
    let n = next.len();
    let Some((&last, head)) = next.split_last() else { return false };
    if n == prev.len() + 1 {
        return head == prev && last == 1;
    }
    n <= prev.len() && prev.get(..n - 1) == Some(head) && prev.get(n - 1).is_some_and(|&p| p + 1 == last)
}

/// A short line followed by one that starts with a capital ends a paragraph
/// in hard-wrapped text (wrapped lines run to the full width); so does a
/// line that opens the closing sentence.
fn ends_paragraph(prev: &str, line: &str) -> bool {
    let capital = line.chars().next().is_some_and(char::is_uppercase);
    (capital && prev.chars().count() < 50 && !prev.ends_with([',', '-', '–']))
        || (prev.ends_with(['.', ';', ':']) && crate::recognize::opens_closing(line))
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
            && P.is_bullet_start(t)
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
    fn lines_are_split_inclusive() {
        for src in ["", "\n", "a", "a\n", "a\nb", "\n\nb\n", "Đồng chí\r\n\n  x \n\n\n"] {
            assert_eq!(lines(src).collect::<Vec<_>>(), src.split_inclusive('\n').collect::<Vec<_>>(), "{src:?}");
        }
    }

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

        // A label that continues the numbering starts an item after a long
        // heading without a colon; a wrapped date or number does not.
        let src2 = "1. Về công tác xây dựng nông thôn mới nâng cao năm 2025\n1.1. Giao Phòng X rà soát trước\n15/4/2025 theo Quyết định số\n318/QĐ-UBND của UBND tỉnh.\n1.2. Phòng Y theo dõi.\n";
        let texts: Vec<String> = blocks(src2, 16).iter().map(|b| b.str().to_string()).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(texts[1].ends_with("318/QĐ-UBND của UBND tỉnh."));
        assert_eq!(numeric_label("1.2. Phòng"), Some(vec![1, 2]));
        assert_eq!(numeric_label("15/4/2025 và"), None);
        assert_eq!(numeric_label("2,5 km"), None);
        assert_eq!(numeric_label("2025 là"), None);
        assert!(continues_numbering(&[1], &[1, 1]));
        assert!(continues_numbering(&[1, 1], &[1, 2]));
        assert!(continues_numbering(&[1, 2, 3], &[2]));
        assert!(!continues_numbering(&[1], &[3]));
        assert_eq!(&src[b[2].start()..b[2].end()], "- Rà soát\nhồ sơ;");
    }
}
