//! The task tree: labelled items nested by their numbering.
//!
//! # Labels
//! ```text
//! roman   := [IVXLC]+ ("." | "-" | ")")        section
//! arabic  := D+ ("." | ")")                    khoản
//! dotted  := D+ ("." D+)+ "."?                 1.1, 2.4.1
//! letter  := [a-zđ] ")"                        điểm (Vietnamese order: a b c d đ e g h …)
//! paren   := "(" (D+ | [a-zđ]) ")"
//! bullet  := "-" | "+" | "•" | "*" | "–"
//! ```
//! An item whose label style is already open closes the items after that
//! one and becomes its sibling; a new style opens a child level. A dotted
//! label's depth is its number of parts. Skipped or out-of-order numbers
//! give a `numbering_gap` diagnostic; nesting deeper than the depth limit is
//! flattened with a `depth_limit` diagnostic.

use crate::patterns::labels::{self, LeadKind};
use crate::segment::{Block, Marker, Text};
use crate::vocab;

/// The numbering style of a label; items of one style are siblings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    Roman,
    Arabic(usize),
    Ordered(usize),
    Letter,
    ParenNum,
    ParenLetter,
    Bullet(char, usize),
    /// "Thứ nhất, … Thứ hai, …".
    Ordinal,
    /// A row of a task table.
    Table,
    /// An unlabelled paragraph under a head that ends with ":" ("2. Đối
    /// với công tác …:" then "Giao Phòng …").
    Unlabelled,
}

/// An item's label: its style, the label as written, and where its own
/// text starts in the block's text.
pub(crate) struct Label {
    pub style: Style,
    pub label: Option<String>,
    pub content: usize,
}

/// The label of a block, if it opens an item.
pub(crate) fn label_of(b: &Block) -> Option<Label> {
    match &b.marker {
        Some(Marker::Ordered(d)) => {
            let style = if b.depth <= 1 { Style::Arabic(1) } else { Style::Ordered(b.depth) };
            return Some(Label { style, label: Some(d.clone()), content: 0 });
        }
        Some(Marker::Bullet(c)) => return Some(Label { style: Style::Bullet(*c, b.depth), label: None, content: 0 }),
        None => {}
    }
    read_label(b.str(), b.depth).map(|(style, label, content)| Label {
        style,
        label: label.map(str::to_string),
        content,
    })
}

/// The label that opens `s` (a block at list depth `depth`): its style,
/// the label as written and where the text after it starts (see
/// [`labels::first_lead`]; the first label in that order with white
/// space after it).
fn read_label(s: &str, depth: usize) -> Option<(Style, Option<&str>, usize)> {
    if s.starts_with(vocab::ORDINAL_LEAD) && labels::ordinal_lead_end(s).is_some() {
        return Some((Style::Ordinal, None, 0));
    }
    if !may_start_label(s) {
        return None;
    }
    let (lead, content) = labels::first_lead(s, true, |l| {
        let n = labels::spaces_at(s, l.end);
        let content = l.end + n;
        (n > 0).then_some((l, content))
    })?;
    let text = s.get(lead.label)?;
    let style = match lead.kind {
        LeadKind::Roman => Style::Roman,
        LeadKind::Dotted => Style::Arabic(text.split('.').count()),
        LeadKind::Number => Style::Arabic(1),
        LeadKind::Letter => Style::Letter,
        LeadKind::BracketNumber => Style::ParenNum,
        LeadKind::BracketLetter => Style::ParenLetter,
        LeadKind::Bullet => return Some((Style::Bullet(text.chars().next().unwrap_or('-'), depth), None, content)),
    };
    Some((style, Some(text), content))
}

/// Whether `s` starts with a character that can open a label: a Roman
/// digit, a digit, a small letter, "(" or a bullet. A necessary condition,
/// so a block that opens with any other letter is not walked.
fn may_start_label(s: &str) -> bool {
    s.chars().next().is_some_and(|c| {
        matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | '0'..='9' | 'a'..='z' | 'đ' | '(') || vocab::BULLET_CHARS.contains(&c)
    })
}

/// The ordinal of a label within its style (1-based), for gap checks.
pub(crate) fn ordinal(style: Style, label: Option<&str>) -> Option<usize> {
    let l = label?;
    match style {
        Style::Roman => vocab::ROMAN.iter().position(|r| *r == l).map(|i| i + 1),
        Style::Arabic(_) | Style::Ordered(_) | Style::ParenNum => l.rsplit('.').next()?.parse().ok(),
        Style::Letter | Style::ParenLetter => vocab::POINT_LETTERS.iter().position(|r| *r == l).map(|i| i + 1),
        Style::Bullet(..) | Style::Ordinal | Style::Table | Style::Unlabelled => None,
    }
}

/// One item of the tree, before ids and fields are given.
#[derive(Debug)]
pub(crate) struct Node {
    pub style: Style,
    pub label: Option<String>,
    pub text: Text,
    pub children: Vec<usize>,
    /// End of the item's own blocks (normalised offset).
    pub end: usize,
    /// For a row of a task table: the cells naming the lead, the
    /// coordinators and the time (boxed: most items are no row, and the
    /// three cells would make every node two and a half times larger).
    pub cells: Option<Box<RowCells>>,
}

/// The non-content cells of a task table row.
#[derive(Debug, Default)]
pub(crate) struct RowCells {
    pub lead: Option<Text>,
    pub coordinate: Option<Text>,
    pub time: Option<Text>,
}

/// The role of a task table column, from its header cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Number,
    Content,
    Lead,
    Coordinate,
    Time,
    Other,
}

fn column_of(header: &str) -> Column {
    let h = header.to_lowercase();
    let has = |w: &str| h.contains(w);
    if h.trim() == "tt" || h.trim() == "stt" {
        Column::Number
    } else if has("phối hợp") {
        Column::Coordinate
    } else if has("thời gian") || has("thời hạn") || has("tiến độ") || has("hoàn thành") {
        Column::Time
    } else if has("chủ trì") || has("thực hiện") || has("đơn vị") || has("cơ quan") {
        Column::Lead
    } else if has("nội dung") || has("nhiệm vụ") || has("công việc") {
        Column::Content
    } else {
        Column::Other
    }
}

/// Rows of a task table: a header row with a content column, then data rows.
fn table_rows(blocks: &[&Block], at: usize) -> Option<(Vec<Node>, usize)> {
    let row_of = |i: usize| blocks.get(i).and_then(|b| b.cell).map(|c| c.0);
    let header_row = row_of(at)?;
    let mut k = at;
    let mut columns = Vec::new();
    while row_of(k) == Some(header_row) {
        columns.push(blocks.get(k).map_or(Column::Other, |b| column_of(b.str())));
        k += 1;
    }
    if !columns.contains(&Column::Content) {
        return None;
    }
    let mut nodes = Vec::new();
    while let Some(r) = row_of(k) {
        let mut node =
            Node { style: Style::Table, label: None, text: Text::default(), children: Vec::new(), end: 0, cells: None };
        let mut cells = RowCells::default();
        let mut col = 0;
        while row_of(k) == Some(r) {
            let Some(b) = blocks.get(k) else { break };
            let c = b.cell.map_or(col, |c| c.1);
            match columns.get(c).copied().unwrap_or(Column::Other) {
                Column::Number => node.label = Some(b.str().trim_end_matches(['.', ')']).to_string()),
                Column::Content => node.text = b.text.clone(),
                Column::Lead => cells.lead = Some(b.text.clone()),
                Column::Coordinate => cells.coordinate = Some(b.text.clone()),
                Column::Time => cells.time = Some(b.text.clone()),
                Column::Other => {}
            }
            node.end = node.end.max(b.end());
            col += 1;
            k += 1;
        }
        node.cells = Some(Box::new(cells));
        if !node.text.is_empty() {
            nodes.push(node);
        }
    }
    Some((nodes, k))
}

/// The items of the tasks part.
pub(crate) struct Tree {
    pub nodes: Vec<Node>,
    pub roots: Vec<usize>,
    /// Paragraphs before the first item.
    pub intro: Vec<Text>,
    /// Items flattened by the depth limit.
    pub flattened: Vec<usize>,
}

/// Builds the tree from the blocks of the tasks part. Returns the nodes, the
/// roots, the intro paragraphs (before the first item), and the indices of
/// the nodes flattened by the depth limit.
/// Whether unlabelled paragraphs after item `n` are its subtasks: its text
/// ends with ":" and its children so far are such paragraphs.
fn opens_subtasks(n: &Node, nodes: &[Node], next: &str) -> bool {
    let t = n.text.as_str().trim_end();
    // "4. Đối với các nội dung khác" (a topic head without its colon).
    let topic = t.chars().count() < 100 && !t.ends_with(['.', ';', ',']) && crate::vocab::topic_opener(t).is_some();
    // A topic head over a head of its own ("Giao Phòng X chủ trì:") takes
    // it as its text, so the items below keep one parent.
    (t.ends_with(':') || topic && !next.trim_end().ends_with(':'))
        && n.children.iter().all(|&c| nodes.get(c).is_some_and(|c| c.style == Style::Unlabelled))
}

pub(crate) fn build(blocks: &[&Block], max_depth: usize) -> Tree {
    // A node per block at most, besides an unnumbered first item: sized
    // once rather than doubled (a node is about 170 bytes).
    let mut nodes: Vec<Node> = Vec::with_capacity(blocks.len() + 1);
    let mut roots = Vec::new();
    let mut intro = Vec::new();
    let mut flattened = Vec::new();
    let mut stack: Vec<(Style, usize)> = Vec::new();
    let mut skip_to = 0;
    for (bi, b) in blocks.iter().enumerate() {
        if bi < skip_to {
            continue;
        }
        if b.cell.is_some()
            && let Some((rows, next)) = table_rows(blocks, bi)
        {
            // A task table: its rows are items of the current level.
            skip_to = next;
            let parent = stack.last().map(|(_, i)| *i);
            for row in rows {
                let idx = nodes.len();
                nodes.push(row);
                match parent.and_then(|p| nodes.get_mut(p)) {
                    Some(p) => p.children.push(idx),
                    None => roots.push(idx),
                }
            }
            continue;
        }
        let Some(l) = label_of(b) else {
            // A sentence under a head that ends with ":" is its subtask;
            // any other paragraph without a label continues the last item.
            if let Some(&(_, top)) = stack.last()
                && nodes.get(top).is_some_and(|n| opens_subtasks(n, &nodes, b.str()))
                && b.str().starts_with(char::is_uppercase)
            {
                let idx = nodes.len();
                let text = b.text.slice(0, b.str().len());
                nodes.push(Node {
                    style: Style::Unlabelled,
                    label: None,
                    text,
                    children: Vec::new(),
                    end: b.end(),
                    cells: None,
                });
                if let Some(p) = nodes.get_mut(top) {
                    p.children.push(idx);
                }
                continue;
            }
            match stack.last() {
                Some(&(_, top)) => {
                    if let Some(n) = nodes.get_mut(top) {
                        n.text.append(&b.text);
                        n.end = n.end.max(b.end());
                    }
                }
                None => intro.push(b.text.clone()),
            }
            continue;
        };
        if let Some(pos) = stack.iter().rposition(|(s, _)| *s == l.style) {
            stack.truncate(pos);
        } else if let Style::Arabic(n) = l.style {
            // A dotted label closes deeper or equal dotted levels.
            while stack.last().is_some_and(|(s, _)| matches!(s, Style::Arabic(m) if *m >= n)) {
                stack.pop();
            }
        }
        if stack.len() >= max_depth {
            stack.truncate(max_depth.saturating_sub(1));
            flattened.push(nodes.len());
        }
        let parent = stack.last().map(|(_, i)| *i);
        let idx = nodes.len();
        let text = b.text.slice(l.content, b.str().len());
        nodes.push(Node { style: l.style, label: l.label, text, children: Vec::new(), end: b.end(), cells: None });
        match parent.and_then(|p| nodes.get_mut(p)) {
            Some(p) => p.children.push(idx),
            None => roots.push(idx),
        }
        stack.push((l.style, idx));
    }
    // An unnumbered first item: a paragraph right before a first item
    // numbered 2 is item 1 of that list.
    if let (Some(&first), Some(last_intro)) = (roots.first(), intro.last())
        && let Some(n) = nodes.get(first)
        && ordinal(n.style, n.label.as_deref()) == Some(2)
        && matches!(n.style, Style::Arabic(1) | Style::Letter)
    {
        let text = last_intro.clone();
        intro.pop();
        let idx = nodes.len();
        nodes.push(Node { style: n.style, label: None, text, children: Vec::new(), end: 0, cells: None });
        roots.insert(0, idx);
    }
    Tree { nodes, roots, intro, flattened }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    /// The label pattern that [`read_label`] walks instead.
    fn label_as_one_pattern() -> crate::patterns::Regex {
        crate::patterns::compile(
            r"^(?:(?P<roman>[IVXLC]{1,6})\s*[.\-)]|(?P<dotted>[0-9]{1,3}(?:\.[0-9]{1,3})+)\.?|(?P<num>[0-9]{1,3})[.)\-]|(?P<letter>[a-zđ])[.)\-]|\((?P<pnum>[0-9]{1,3})\)|\((?P<plet>[a-zđ])\)|(?P<bullet>[-+•*–—−]))\s+",
        )
    }

    /// The ordinal lead pattern that [`labels::ordinal_lead_end`] walks
    /// instead.
    fn ordinal_as_one_pattern() -> crate::patterns::Matcher {
        crate::patterns::compile_matcher(&format!(r"^Thứ\s+{}\s*,", vocab::alternation(vocab::ORDINAL_WORDS)))
    }

    /// What [`read_label`] gave when the patterns read labels.
    fn read_label_by_pattern<'a>(
        label: &crate::patterns::Regex,
        ordinal: &crate::patterns::Matcher,
        s: &'a str,
        depth: usize,
    ) -> Option<(Style, Option<&'a str>, usize)> {
        if s.starts_with("Thứ") && ordinal.is_match(s) {
            return Some((Style::Ordinal, None, 0));
        }
        let c = label.captures(s)?;
        let end = c.get(0)?.end();
        let text = |name: &str| c.name(name).map(|m| m.as_str());
        Some(if let Some(m) = text("roman") {
            (Style::Roman, Some(m), end)
        } else if let Some(m) = text("dotted") {
            (Style::Arabic(m.split('.').count()), Some(m), end)
        } else if let Some(m) = text("num") {
            (Style::Arabic(1), Some(m), end)
        } else if let Some(m) = text("letter") {
            (Style::Letter, Some(m), end)
        } else if let Some(m) = text("pnum") {
            (Style::ParenNum, Some(m), end)
        } else if let Some(m) = text("plet") {
            (Style::ParenLetter, Some(m), end)
        } else {
            (Style::Bullet(text("bullet").and_then(|m| m.chars().next()).unwrap_or('-'), depth), None, end)
        })
    }

    /// The label walk reads [`labels::tests::label_texts`] as the patterns
    /// did: the same style, label and start of text.
    #[test]
    fn label_walk_reads_as_the_patterns() {
        let (label, ordinal) = (label_as_one_pattern(), ordinal_as_one_pattern());
        let texts = labels::tests::label_texts();
        let mut read = 0;
        for t in &texts {
            let want = read_label_by_pattern(&label, &ordinal, t, 2);
            assert_eq!(read_label(t, 2), want, "{t:?}");
            read += usize::from(want.is_some());
        }
        assert!(read > 500, "{read}");
    }

    #[test]
    fn label_check_never_hides_a_label() {
        let samples = [
            "",
            " ",
            "I. Về công tác",
            "IV- Nhiệm vụ",
            "1. Giao Sở",
            "1.2. Phòng",
            "1.2.3 Xã",
            "12) Xã",
            "a) Sở",
            "đ) Phòng",
            "(1) Sở",
            "(b) Sở",
            "- Sở",
            "+ Sở",
            "• Sở",
            "* Sở",
            "– Sở",
            "— Sở",
            "− Sở",
            "Giao Sở",
            "UBND huyện",
            "Đ) Phòng",
            "A) Sở",
            "ⅰ. Sở",
            "１. Sở",
            "\u{a0}1. Sở",
            "1.\u{a0}Sở",
            "ĐỀ NGHỊ",
            "đề nghị",
            "Thứ nhất, Sở",
            "c. Sở",
            "C. Sở",
            "x- Sở",
            "MỘT. Sở",
        ];
        let (label, ordinal) = (label_as_one_pattern(), ordinal_as_one_pattern());
        for base in samples {
            for v in [base.to_string(), base.to_uppercase(), base.to_lowercase(), base.nfd().collect()] {
                if label.is_match(&v) {
                    assert!(may_start_label(&v), "{v:?} has a label the check hides");
                }
                if ordinal.is_match(&v) {
                    assert!(v.starts_with("Thứ"), "{v:?}");
                }
            }
        }
        // Every first character the pattern can take.
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            let v = format!("{c}) x");
            let w = format!("{c}. x");
            if label.is_match(&v) || label.is_match(&w) || label.is_match(&format!("{c} x")) {
                assert!(may_start_label(&v), "{c:?}");
            }
        }
    }
}
