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

use crate::patterns::compile;
use crate::segment::{Block, Marker, Text};
use crate::vocab;
use regex::Regex;
use std::sync::LazyLock;

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?:(?P<roman>[IVXLC]{1,6})\s*[.\-)]|(?P<dotted>\d{1,3}(?:\.\d{1,3})+)\.?|(?P<num>\d{1,3})[.)]|(?P<letter>[a-zđ])\)|\((?P<pnum>\d{1,3})\)|\((?P<plet>[a-zđ])\)|(?P<bullet>[-+•*–—−]))\s+",
    )
});

static ORDINAL: LazyLock<Regex> =
    LazyLock::new(|| compile(&format!(r"^Thứ\s+{}\s*,", vocab::alternation(vocab::ORDINAL_WORDS))));

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
    let s = b.str();
    if ORDINAL.is_match(s) {
        return Some(Label { style: Style::Ordinal, label: None, content: 0 });
    }
    let c = LABEL.captures(s)?;
    let end = c.get(0)?.end();
    let (style, label) = if let Some(m) = c.name("roman") {
        (Style::Roman, Some(m.as_str()))
    } else if let Some(m) = c.name("dotted") {
        (Style::Arabic(m.as_str().split('.').count()), Some(m.as_str()))
    } else if let Some(m) = c.name("num") {
        (Style::Arabic(1), Some(m.as_str()))
    } else if let Some(m) = c.name("letter") {
        (Style::Letter, Some(m.as_str()))
    } else if let Some(m) = c.name("pnum") {
        (Style::ParenNum, Some(m.as_str()))
    } else if let Some(m) = c.name("plet") {
        (Style::ParenLetter, Some(m.as_str()))
    } else {
        let ch = c.name("bullet").and_then(|m| m.as_str().chars().next()).unwrap_or('-');
        (Style::Bullet(ch, b.depth), None)
    };
    Some(Label { style, label: label.map(str::to_string), content: end })
}

/// The ordinal of a label within its style (1-based), for gap checks.
pub(crate) fn ordinal(style: Style, label: Option<&str>) -> Option<usize> {
    let l = label?;
    match style {
        Style::Roman => vocab::ROMAN.iter().position(|r| *r == l).map(|i| i + 1),
        Style::Arabic(_) | Style::Ordered(_) | Style::ParenNum => l.rsplit('.').next()?.parse().ok(),
        Style::Letter | Style::ParenLetter => vocab::POINT_LETTERS.iter().position(|r| *r == l).map(|i| i + 1),
        Style::Bullet(..) | Style::Ordinal => None,
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
pub(crate) fn build(blocks: &[&Block], max_depth: usize) -> Tree {
    let mut nodes: Vec<Node> = Vec::new();
    let mut roots = Vec::new();
    let mut intro = Vec::new();
    let mut flattened = Vec::new();
    let mut stack: Vec<(Style, usize)> = Vec::new();
    for b in blocks {
        let Some(l) = label_of(b) else {
            // A paragraph without a label continues the last item.
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
        nodes.push(Node { style: l.style, label: l.label, text, children: Vec::new(), end: b.end() });
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
        nodes.push(Node { style: n.style, label: None, text, children: Vec::new(), end: 0 });
        roots.insert(0, idx);
    }
    Tree { nodes, roots, intro, flattened }
}
