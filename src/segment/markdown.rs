//! Markdown blocks, read with pulldown-cmark's offset iterator.

use super::{Block, BlockKind, Marker};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Reads the blocks of Markdown `src` (normalised text).
pub(crate) fn blocks(src: &str, max_depth: usize) -> Vec<Block> {
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut out: Vec<Block> = Vec::new();
    let mut cur: Option<Block> = None;
    let mut lists: usize = 0;
    let mut pending_item: Option<(usize, Marker)> = None;
    let mut strong = 0usize;
    let mut strong_texts = 0usize;
    let mut all_texts = 0usize;
    let mut row = 0usize;
    let mut col = 0usize;

    let finish = |cur: &mut Option<Block>, out: &mut Vec<Block>, strong_texts: usize, all_texts: usize| {
        if let Some(mut b) = cur.take() {
            b.text.finish();
            b.strong = all_texts > 0 && strong_texts == all_texts;
            let end = trim_end(src, b.end());
            b.pieces = vec![(b.start(), end.max(b.start()))];
            if !b.text.is_empty() || b.kind == BlockKind::Rule {
                out.push(b);
            }
        }
    };

    for (ev, r) in Parser::new_ext(src, opts).into_offset_iter() {
        match ev {
            Event::Start(tag) => match tag {
                Tag::Paragraph | Tag::Heading { .. } | Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::TableCell => {
                    finish(&mut cur, &mut out, strong_texts, all_texts);
                    (strong_texts, all_texts) = (0, 0);
                    let kind = match tag {
                        Tag::Heading { .. } => BlockKind::Heading,
                        Tag::CodeBlock(_) => BlockKind::Code,
                        Tag::HtmlBlock => BlockKind::Html,
                        Tag::TableCell => BlockKind::Cell,
                        _ => BlockKind::Paragraph,
                    };
                    let mut b = Block::new(kind, r.start);
                    b.depth = lists.min(max_depth);
                    if kind == BlockKind::Cell {
                        b.cell = Some((row, col));
                        col += 1;
                    }
                    if kind == BlockKind::Paragraph
                        && let Some((start, marker)) = pending_item.take()
                    {
                        b.kind = BlockKind::Item;
                        b.marker = Some(marker);
                        b.pieces = vec![(start, start)];
                    }
                    cur = Some(b);
                }
                Tag::List(_) => {
                    finish(&mut cur, &mut out, strong_texts, all_texts);
                    pending_item = None;
                    lists += 1;
                }
                Tag::Item => {
                    finish(&mut cur, &mut out, strong_texts, all_texts);
                    (strong_texts, all_texts) = (0, 0);
                    pending_item = Some((r.start, marker_at(src, r.start)));
                }
                Tag::Strong => strong += 1,
                Tag::TableRow | Tag::TableHead => col = 0,
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::TableCell => {
                    if let Some(b) = cur.as_mut() {
                        b.extend_to(r.end);
                    }
                    finish(&mut cur, &mut out, strong_texts, all_texts);
                }
                TagEnd::Item => {
                    finish(&mut cur, &mut out, strong_texts, all_texts);
                    pending_item = None;
                }
                TagEnd::List(_) => {
                    finish(&mut cur, &mut out, strong_texts, all_texts);
                    lists = lists.saturating_sub(1);
                }
                TagEnd::Strong => {
                    strong = strong.saturating_sub(1);
                    if let Some(b) = cur.as_mut() {
                        b.extend_to(r.end);
                    }
                }
                TagEnd::TableRow | TagEnd::TableHead => row += 1,
                _ => {
                    if let Some(b) = cur.as_mut() {
                        b.extend_to(r.end);
                    }
                }
            },
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                let b = cur.get_or_insert_with(|| {
                    let mut b = Block::new(BlockKind::Paragraph, r.start);
                    b.depth = lists.min(max_depth);
                    if let Some((start, marker)) = pending_item.take() {
                        b.kind = BlockKind::Item;
                        b.marker = Some(marker);
                        b.pieces = vec![(start, start)];
                    }
                    b
                });
                // Counted when it holds a character that is not white space:
                // the block is bold when every such text is.
                let n = usize::from(!t.trim_start().is_empty());
                all_texts += n;
                if strong > 0 {
                    strong_texts += n;
                }
                if b.kind == BlockKind::Code || b.kind == BlockKind::Html {
                    push_lines(b, src, &t, r.start);
                } else if src.get(r.clone()) == Some(&*t) {
                    b.text.push_src(&t, r.start);
                } else if let Some(at) = src.get(r.clone()).and_then(|s| s.find(&*t)) {
                    b.text.push_src(&t, r.start + at);
                } else {
                    b.text.push_mapped(&t, r.start, r.end);
                }
                b.extend_to(r.end);
            }
            Event::Html(t) | Event::InlineHtml(t) => {
                if let Some(b) = cur.as_mut() {
                    if b.kind == BlockKind::Html {
                        push_lines(b, src, &t, r.start);
                    } else if t.trim_start().starts_with("<br") {
                        b.text.mark_line_break(r.start);
                    }
                    b.extend_to(r.end);
                } else {
                    let mut b = Block::new(BlockKind::Html, r.start);
                    push_lines(&mut b, src, &t, r.start);
                    b.extend_to(r.end);
                    cur = Some(b);
                    finish(&mut cur, &mut out, 0, 0);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(b) = cur.as_mut() {
                    b.text.mark_line_break(r.start);
                    b.extend_to(r.end);
                }
            }
            Event::Rule => {
                finish(&mut cur, &mut out, strong_texts, all_texts);
                let mut b = Block::new(BlockKind::Rule, r.start);
                b.extend_to(r.end);
                cur = Some(b);
                finish(&mut cur, &mut out, 0, 0);
            }
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => {
                if let Some(b) = cur.as_mut() {
                    b.extend_to(r.end);
                }
            }
        }
    }
    finish(&mut cur, &mut out, strong_texts, all_texts);
    out
}

/// Pushes raw text line by line (code and HTML blocks keep their lines).
fn push_lines(b: &mut Block, src: &str, t: &str, at: usize) {
    let base = src.get(at..).and_then(|s| s.find(t)).map_or(at, |i| at + i);
    let mut off = 0;
    for line in t.split_inclusive('\n') {
        if !b.text.is_empty() {
            b.text.mark_line_break(base + off);
        }
        b.text.push_src(line, base + off);
        off += line.len();
    }
}

/// The list marker written at `at`.
fn marker_at(src: &str, at: usize) -> Marker {
    let s = src.get(at..).unwrap_or_default().trim_start();
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() { Marker::Bullet(s.chars().next().unwrap_or('-')) } else { Marker::Ordered(digits) }
}

/// `end` moved back over trailing white space.
fn trim_end(src: &str, end: usize) -> usize {
    let bytes = src.as_bytes();
    let mut e = end.min(bytes.len());
    while e > 0 && bytes.get(e - 1).is_some_and(u8::is_ascii_whitespace) {
        e -= 1;
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_paragraphs_and_strong() {
        let src = "THÔNG BÁO\n\n**Kết luận\ntại X**\n\n1. Nhiệm vụ:\n\n- Giao A;\n- Giao B\n";
        let b = blocks(src, 16);
        let texts: Vec<&str> = b.iter().map(|b| b.str()).collect();
        assert_eq!(texts, vec!["THÔNG BÁO", "Kết luận tại X", "Nhiệm vụ:", "Giao A;", "Giao B"]);
        assert!(b[1].strong && !b[0].strong);
        assert_eq!(b[2].marker, Some(Marker::Ordered("1".into())));
        assert_eq!(b[3].marker, Some(Marker::Bullet('-')));
        assert_eq!(&src[b[1].start()..b[1].end()], "**Kết luận\ntại X**");
        assert_eq!(&src[b[4].start()..b[4].end()], "- Giao B");
        assert_eq!(b[1].text.breaks(), &["Kết luận ".len()]);
    }
}
