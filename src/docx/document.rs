//! `word/document.xml` read into paragraphs (with their runs) and tables.
//!
//! What Word stores beside the text is handled as Word shows it: runs are
//! joined (a word may be split across runs), insertions kept and deletions
//! (`w:del`, `w:moveFrom`) dropped, field instructions (`w:instrText`, the
//! runs between a field's begin and separate marks) dropped and field
//! results kept, content controls (`w:sdt`), hyperlinks and smart tags
//! descended into, one branch of each `mc:AlternateContent` read, hidden
//! text (`w:vanish`) dropped, text formatted as capitals (`w:caps`)
//! uppercased, text in a legacy Vietnamese font (`w:rFonts`, through the
//! run style, the paragraph style and the document defaults: TCVN3 `.Vn…`,
//! VNI `VNI-…`) converted to Unicode, and the paragraphs of text boxes
//! (`w:txbxContent`, often used for the header) put before the paragraph
//! that anchors them — or, when that paragraph is numbered, at the end of
//! the document, so that they do not split the list. A paragraph whose mark
//! is a tracked deletion is joined to the next one. Grid columns a row
//! leaves out (`w:gridBefore`, `w:gridAfter`) become empty cells. The first
//! section's header references are kept. Revision records (`w:pPrChange`,
//! `w:rPrChange`) hold old properties and are skipped.

use super::legacy;
use super::styles::{Fonts, NumPr, Styles};
use super::xml::{self, Ev, Ns, Reader};
use crate::Error;

/// Tables nested deeper than this inside cells are read as their paragraphs.
const MAX_TABLE_NESTING: usize = 8;
/// Fields nested deeper than this are not tracked.
const MAX_FIELD_NESTING: usize = 32;

/// A block of the document body.
#[derive(Debug)]
pub(crate) enum Block {
    Para(Para),
    Table(Table),
}

/// A paragraph.
#[derive(Debug, Default)]
pub(crate) struct Para {
    pub runs: Vec<Run>,
    /// The paragraph style (`w:pStyle`).
    pub style: Option<String>,
    /// The paragraph's own numbering (`w:numPr`).
    pub num: Option<NumPr>,
    /// The paragraph mark is a tracked deletion (`w:pPr/w:rPr/w:del`):
    /// Word shows the paragraph joined to the next one.
    pub mark_deleted: bool,
}

/// A run of text with one formatting; `'\n'` is a line break.
#[derive(Debug)]
pub(crate) struct Run {
    pub text: String,
    pub bold: bool,
}

/// A table.
#[derive(Debug, Default)]
pub(crate) struct Table {
    pub rows: Vec<Row>,
}

/// A table row.
#[derive(Debug, Default)]
pub(crate) struct Row {
    pub cells: Vec<Cell>,
    /// Grid columns left empty after the last cell (`w:gridAfter`).
    after: usize,
}

/// A table cell.
#[derive(Debug)]
pub(crate) struct Cell {
    pub blocks: Vec<Block>,
    /// Grid columns spanned (`w:gridSpan`).
    pub span: usize,
    /// The cell continues a vertically merged cell (`w:vMerge` without "restart").
    pub merged: bool,
}

/// The run being read.
#[derive(Debug, Default)]
struct RunState {
    text: String,
    bold: Option<bool>,
    caps: Option<bool>,
    style: Option<String>,
    hidden: bool,
    fonts: Fonts,
}

/// A paragraph being read, with the text boxes it anchors.
#[derive(Debug, Default)]
struct ParaState {
    para: Para,
    boxes: Vec<Block>,
    run: Option<RunState>,
    in_ppr: bool,
    /// Inside the paragraph mark's run properties (`w:pPr/w:rPr`).
    in_mark_rpr: bool,
    in_numpr: bool,
    in_rpr: bool,
    in_t: usize,
}

#[derive(Debug)]
enum Frame {
    Body(Vec<Block>),
    TextBox(Vec<Block>),
    Para(ParaState),
    Table(Table),
    Row(Row),
    Cell(Cell),
}

/// What a start tag did, undone at its end tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Nothing,
    Frame,
    PPr,
    NumPr,
    Run,
    RPr,
    Text,
    TcPr,
    TrPr,
    MarkRPr,
    SectPr,
    Alternate,
}

/// The header parts a section names (`w:headerReference`, by relationship
/// id) and whether its first page has its own (`w:titlePg`).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Section {
    pub header_first: Option<String>,
    pub header_default: Option<String>,
    pub title_pg: bool,
}

impl Section {
    /// The relationship id of the header shown on the section's first page.
    pub fn first_page_header(&self) -> Option<&str> {
        if self.title_pg { self.header_first.as_deref() } else { self.header_default.as_deref() }
    }
}

/// A part read: its blocks, and the first section's properties.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub blocks: Vec<Block>,
    pub section: Option<Section>,
}

/// Elements whose content is not part of the text Word shows.
const SKIPPED: &[&str] = &[
    "del",
    "moveFrom",
    "delText",
    "instrText",
    "delInstrText",
    "pPrChange",
    "rPrChange",
    "sectPr",
    "sectPrChange",
    "sdtPr",
    "sdtEndPr",
    "tblPr",
    "tblPrChange",
    "tblGrid",
    "trPrChange",
    "tblPrEx",
    "tcPrChange",
    "fldData",
    "rt",
    "footnotePr",
    "endnotePr",
    "background",
];

struct Walker<'s> {
    styles: &'s Styles,
    frames: Vec<Frame>,
    acts: Vec<Act>,
    /// Open fields: whether each is still in its instruction part.
    fields: Vec<bool>,
    fields_untracked: usize,
    /// Open `mc:AlternateContent`s: whether a branch was taken.
    alternates: Vec<bool>,
    tables: usize,
    in_tcpr: bool,
    in_trpr: bool,
    /// The first section's properties, once its `w:sectPr` is seen.
    section: Option<Section>,
    in_sectpr: bool,
    /// Text boxes anchored in numbered paragraphs, written at the end.
    deferred: Vec<Block>,
}

/// Reads the body of `document.xml`.
pub(crate) fn parse(text: &str, styles: &Styles, max_depth: usize) -> Result<Parsed, Error> {
    parse_part(text, "word/document.xml", styles, max_depth)
}

/// Reads the paragraphs and tables of a part (`document.xml`, or a header).
pub(crate) fn parse_part(text: &str, part: &'static str, styles: &Styles, max_depth: usize) -> Result<Parsed, Error> {
    let mut r = Reader::new(text, part, max_depth);
    let mut w = Walker {
        styles,
        frames: vec![Frame::Body(Vec::new())],
        acts: Vec::new(),
        fields: Vec::new(),
        fields_untracked: 0,
        alternates: Vec::new(),
        tables: 0,
        in_tcpr: false,
        in_trpr: false,
        section: None,
        in_sectpr: false,
        deferred: Vec::new(),
    };
    loop {
        match r.next()? {
            Ev::Start(ns, e) => {
                let act = w.open(ns, &e, true);
                match act {
                    Some(a) => w.acts.push(a),
                    None => r.skip(&e)?,
                }
            }
            Ev::Empty(ns, e) => {
                // An empty element opens and closes at once.
                if let Some(a) = w.open(ns, &e, false) {
                    w.close(a);
                }
            }
            Ev::End => {
                let a = w.acts.pop().unwrap_or(Act::Nothing);
                w.close(a);
            }
            Ev::Text(t) => w.text(&t),
            Ev::Eof => break,
        }
    }
    while w.frames.len() > 1 {
        w.close(Act::Frame);
    }
    let mut blocks = match w.frames.pop() {
        Some(Frame::Body(b)) => join_deleted_marks(b),
        _ => Vec::new(),
    };
    blocks.append(&mut w.deferred);
    Ok(Parsed { blocks, section: w.section })
}

/// Whether a paragraph shows text.
fn has_text(p: &Para) -> bool {
    p.runs.iter().any(|r| !r.text.trim().is_empty())
}

/// Joins each paragraph whose mark is deleted to the paragraph after it,
/// as Word shows them: the joined paragraph keeps the first one's
/// properties (its number), and its text runs on after a space. A
/// paragraph with no text left whose mark is deleted is gone (it takes no
/// number).
fn join_deleted_marks(blocks: Vec<Block>) -> Vec<Block> {
    if !blocks.iter().any(|b| matches!(b, Block::Para(p) if p.mark_deleted)) {
        return blocks;
    }
    let mut out = Vec::with_capacity(blocks.len());
    let mut pending: Option<Para> = None;
    for b in blocks {
        match b {
            Block::Para(next) => {
                let p = match pending.take() {
                    Some(mut first) if has_text(&first) => {
                        let space = |s: Option<char>| s.is_none_or(char::is_whitespace);
                        let end = first.runs.last().and_then(|r| r.text.chars().last());
                        let start = next.runs.first().and_then(|r| r.text.chars().next());
                        if !space(end)
                            && !space(start)
                            && let Some(last) = first.runs.last_mut()
                        {
                            last.text.push(' ');
                        }
                        first.runs.extend(next.runs);
                        first.mark_deleted = next.mark_deleted;
                        first
                    }
                    _ => next,
                };
                if p.mark_deleted {
                    pending = Some(p);
                } else {
                    out.push(Block::Para(p));
                }
            }
            Block::Table(t) => {
                if let Some(p) = pending.take().filter(has_text) {
                    out.push(Block::Para(p));
                }
                out.push(Block::Table(t));
            }
        }
    }
    if let Some(p) = pending.filter(has_text) {
        out.push(Block::Para(p));
    }
    out
}

/// Whether a paragraph is numbered (directly or through its style).
fn numbered(p: &Para, styles: &Styles) -> bool {
    let style = p.style.as_deref().or(styles.default_paragraph.as_deref());
    let id =
        p.num.and_then(|n| n.num_id).or_else(|| style.and_then(|s| styles.numbering(s)).and_then(|(n, _)| n.num_id));
    id.is_some_and(|i| i != 0)
}

/// An empty cell standing for grid columns a row leaves out.
fn placeholder(span: usize) -> Cell {
    Cell { blocks: Vec::new(), span, merged: false }
}

impl Walker<'_> {
    fn para(&mut self) -> Option<&mut ParaState> {
        match self.frames.last_mut() {
            Some(Frame::Para(p)) => Some(p),
            _ => None,
        }
    }

    fn in_instruction(&self) -> bool {
        self.fields.iter().any(|&i| i)
    }

    /// Handles a start tag; `None` when its content is to be skipped.
    fn open(&mut self, ns: Ns, e: &quick_xml::events::BytesStart<'_>, start: bool) -> Option<Act> {
        match ns {
            Ns::Other => return Some(Act::Nothing),
            Ns::Mc => {
                return match xml::local(e) {
                    "AlternateContent" => {
                        self.alternates.push(false);
                        Some(Act::Alternate)
                    }
                    "Choice" | "Fallback" => match self.alternates.last_mut() {
                        Some(taken) if *taken => None,
                        Some(taken) => {
                            *taken = true;
                            Some(Act::Nothing)
                        }
                        None => Some(Act::Nothing),
                    },
                    _ => Some(Act::Nothing),
                };
            }
            Ns::W => {}
        }
        let name = xml::local(e);
        // The first section's properties: which header its first page shows.
        if self.in_sectpr {
            if let Some(s) = self.section.as_mut() {
                match name {
                    "headerReference" => {
                        let id = xml::attr(e, "id");
                        match xml::attr(e, "type").as_deref() {
                            Some("first") => s.header_first = id,
                            Some("default") | None => s.header_default = id,
                            _ => {}
                        }
                    }
                    "titlePg" => s.title_pg = xml::on_off(e),
                    _ => {}
                }
            }
            return if start && name == "sectPrChange" { None } else { Some(Act::Nothing) };
        }
        if name == "sectPr" && start {
            if self.section.is_none() {
                self.section = Some(Section::default());
                self.in_sectpr = true;
                return Some(Act::SectPr);
            }
            return None;
        }
        // The paragraph mark's run properties: only a tracked deletion matters.
        if let Some(p) = self.para()
            && p.in_mark_rpr
        {
            if matches!(name, "del" | "moveFrom") {
                p.para.mark_deleted = true;
            }
            return if start { None } else { Some(Act::Nothing) };
        }
        if start && SKIPPED.contains(&name) {
            return None;
        }
        let instruction = self.in_instruction();
        match name {
            "p" if start => {
                if matches!(self.frames.last(), Some(Frame::Para(_))) {
                    return Some(Act::Nothing);
                }
                self.frames.push(Frame::Para(ParaState::default()));
                return Some(Act::Frame);
            }
            "tbl"
                if start && self.tables < MAX_TABLE_NESTING && !matches!(self.frames.last(), Some(Frame::Para(_))) =>
            {
                self.tables += 1;
                self.frames.push(Frame::Table(Table::default()));
                return Some(Act::Frame);
            }
            "tr" if start && matches!(self.frames.last(), Some(Frame::Table(_))) => {
                self.frames.push(Frame::Row(Row::default()));
                return Some(Act::Frame);
            }
            "tc" if start && matches!(self.frames.last(), Some(Frame::Row(_))) => {
                self.frames.push(Frame::Cell(Cell { blocks: Vec::new(), span: 1, merged: false }));
                return Some(Act::Frame);
            }
            "txbxContent" if start => {
                self.frames.push(Frame::TextBox(Vec::new()));
                return Some(Act::Frame);
            }
            "trPr" if start && matches!(self.frames.last(), Some(Frame::Row(_))) => {
                self.in_trpr = true;
                return Some(Act::TrPr);
            }
            // Grid columns a row leaves empty before its first cell or after
            // its last: placeholder cells keep the columns in line.
            "gridBefore" | "gridAfter" | "tblGridBefore" | "tblGridAfter" if self.in_trpr => {
                let n = xml::number(e).map_or(0, |n| usize::try_from(n.min(64)).unwrap_or(0));
                if let Some(Frame::Row(r)) = self.frames.last_mut()
                    && n > 0
                {
                    if name.ends_with("Before") {
                        r.cells.push(placeholder(n));
                    } else {
                        r.after = n;
                    }
                }
                return Some(Act::Nothing);
            }
            "tcPr" if matches!(self.frames.last(), Some(Frame::Cell(_))) => {
                self.in_tcpr = true;
                return Some(Act::TcPr);
            }
            "gridSpan" | "vMerge" if self.in_tcpr => {
                if let Some(Frame::Cell(c)) = self.frames.last_mut() {
                    if name == "gridSpan" {
                        c.span = xml::number(e).map_or(1, |n| usize::try_from(n.clamp(1, 64)).unwrap_or(1));
                    } else {
                        c.merged = xml::attr(e, "val").is_none_or(|v| v != "restart");
                    }
                }
                return Some(Act::Nothing);
            }
            "fldChar" => {
                match xml::attr(e, "fldCharType").as_deref() {
                    Some("begin") => {
                        if self.fields.len() < MAX_FIELD_NESTING && self.fields_untracked == 0 {
                            self.fields.push(true);
                        } else {
                            self.fields_untracked += 1;
                        }
                    }
                    Some("separate") if self.fields_untracked == 0 => {
                        if let Some(f) = self.fields.last_mut() {
                            *f = false;
                        }
                    }
                    Some("end") => {
                        if self.fields_untracked > 0 {
                            self.fields_untracked -= 1;
                        } else {
                            self.fields.pop();
                        }
                    }
                    _ => {}
                }
                return Some(Act::Nothing);
            }
            _ => {}
        }
        let Some(p) = self.para() else { return Some(Act::Nothing) };
        if p.in_ppr {
            match name {
                "pStyle" => p.para.style = xml::attr(e, "val"),
                "numPr" => {
                    p.para.num.get_or_insert_default();
                    p.in_numpr = true;
                    return Some(Act::NumPr);
                }
                "numId" | "ilvl" if p.in_numpr => {
                    let n = p.para.num.get_or_insert_default();
                    if name == "numId" {
                        n.num_id = xml::number(e);
                    } else {
                        n.ilvl = xml::number(e);
                    }
                }
                // The paragraph mark's run properties.
                "rPr" if start => {
                    p.in_mark_rpr = true;
                    return Some(Act::MarkRPr);
                }
                _ => {}
            }
            return Some(Act::Nothing);
        }
        if name == "pPr" && p.run.is_none() {
            p.in_ppr = true;
            return Some(Act::PPr);
        }
        if name == "r" {
            p.run = Some(RunState::default());
            p.in_rpr = false;
            p.in_t = 0;
            return Some(Act::Run);
        }
        let in_rpr = p.in_rpr;
        let Some(run) = p.run.as_mut() else { return Some(Act::Nothing) };
        if in_rpr {
            match name {
                "b" => run.bold = Some(xml::on_off(e)),
                "caps" => run.caps = Some(xml::on_off(e)),
                "rStyle" => run.style = xml::attr(e, "val"),
                "rFonts" => run.fonts.read(e),
                "vanish" => run.hidden = xml::on_off(e),
                _ => {}
            }
            return Some(Act::Nothing);
        }
        let push = |run: &mut RunState, s: &str| {
            if !instruction {
                run.text.push_str(s);
            }
        };
        match name {
            "rPr" => {
                p.in_rpr = true;
                return Some(Act::RPr);
            }
            "t" => {
                p.in_t += 1;
                return Some(Act::Text);
            }
            "tab" | "ptab" => push(run, " "),
            "br" | "cr" => push(run, "\n"),
            "noBreakHyphen" => push(run, "-"),
            "sym" => {
                if let Some(c) = xml::attr(e, "char").and_then(|h| u32::from_str_radix(h.trim(), 16).ok()) {
                    push(run, &symbol(c));
                }
            }
            _ => {}
        }
        Some(Act::Nothing)
    }

    fn text(&mut self, t: &str) {
        let instruction = self.in_instruction();
        let Some(p) = self.para() else { return };
        if p.in_t == 0 || instruction {
            return;
        }
        if let Some(run) = p.run.as_mut() {
            run.text.extend(t.chars().map(|c| if matches!(c, '\n' | '\r' | '\t' | '\u{b}') { ' ' } else { c }));
        }
    }

    fn close(&mut self, act: Act) {
        match act {
            Act::Nothing => {}
            Act::Alternate => {
                self.alternates.pop();
            }
            Act::TcPr => self.in_tcpr = false,
            Act::TrPr => self.in_trpr = false,
            Act::SectPr => self.in_sectpr = false,
            Act::MarkRPr => {
                if let Some(p) = self.para() {
                    p.in_mark_rpr = false;
                }
            }
            Act::PPr | Act::NumPr | Act::RPr | Act::Text => {
                if let Some(p) = self.para() {
                    match act {
                        Act::PPr => p.in_ppr = false,
                        Act::NumPr => p.in_numpr = false,
                        Act::RPr => p.in_rpr = false,
                        _ => p.in_t = p.in_t.saturating_sub(1),
                    }
                }
            }
            Act::Run => {
                let styles = self.styles;
                if let Some(p) = self.para()
                    && let Some(run) = p.run.take()
                {
                    p.in_rpr = false;
                    p.in_t = 0;
                    if run.hidden || run.text.is_empty() {
                        return;
                    }
                    let para_style = p.para.style.as_deref().or(styles.default_paragraph.as_deref());
                    let bold = run
                        .bold
                        .or_else(|| run.style.as_deref().and_then(|s| styles.bold(s)))
                        .or_else(|| para_style.and_then(|s| styles.bold(s)))
                        .unwrap_or(styles.default_bold);
                    let caps = run
                        .caps
                        .or_else(|| run.style.as_deref().and_then(|s| styles.caps(s)))
                        .or_else(|| para_style.and_then(|s| styles.caps(s)))
                        .unwrap_or(false);
                    // The font that draws the run's non-ASCII characters
                    // (`w:hAnsi`, else `w:ascii`), from the run, its style,
                    // the paragraph style or the document defaults: a legacy
                    // Vietnamese font means text in its encoding.
                    let font = |which: fn(&Fonts) -> Option<&str>| {
                        which(&run.fonts)
                            .or_else(|| run.style.as_deref().and_then(|s| styles.font(s, which)))
                            .or_else(|| para_style.and_then(|s| styles.font(s, which)))
                            .or_else(|| which(&styles.default_fonts))
                    };
                    let legacy = font(|f| f.h_ansi.as_deref())
                        .or_else(|| font(|f| f.ascii.as_deref()))
                        .and_then(legacy::encoding_of_font);
                    let text = match legacy {
                        Some(enc) => legacy::convert(&run.text, enc),
                        None => run.text,
                    };
                    // Text formatted as capitals is shown, and read, in capitals.
                    let text = if caps { text.to_uppercase() } else { text };
                    p.para.runs.push(Run { text, bold });
                }
            }
            Act::Frame => self.pop_frame(),
        }
    }

    fn pop_frame(&mut self) {
        let Some(f) = self.frames.pop() else { return };
        match f {
            Frame::Para(p) => {
                // Empty paragraphs are kept: a numbered one still advances
                // its list. The rendering skips them.
                // Text boxes go before the paragraph that anchors them (a
                // header in boxes anchored at the first paragraph), except
                // in a numbered paragraph of the body, where they would split
                // the list: those go to the end of the document.
                if !p.boxes.is_empty()
                    && matches!(self.frames.last(), Some(Frame::Body(_)))
                    && numbered(&p.para, self.styles)
                {
                    self.deferred.extend(p.boxes);
                    self.attach(vec![Block::Para(p.para)]);
                    return;
                }
                let mut blocks = p.boxes;
                blocks.push(Block::Para(p.para));
                self.attach(blocks);
            }
            Frame::TextBox(blocks) => {
                let blocks = join_deleted_marks(blocks);
                if let Some(Frame::Para(p)) = self.frames.iter_mut().rev().find(|f| matches!(f, Frame::Para(_))) {
                    p.boxes.extend(blocks);
                } else {
                    self.attach(blocks);
                }
            }
            Frame::Table(t) => {
                self.tables = self.tables.saturating_sub(1);
                if !t.rows.is_empty() {
                    self.attach(vec![Block::Table(t)]);
                }
            }
            Frame::Row(mut r) => {
                if r.after > 0 {
                    r.cells.push(placeholder(r.after));
                }
                if let Some(Frame::Table(t)) = self.frames.last_mut() {
                    t.rows.push(r);
                }
            }
            Frame::Cell(mut c) => {
                c.blocks = join_deleted_marks(std::mem::take(&mut c.blocks));
                if let Some(Frame::Row(r)) = self.frames.last_mut() {
                    r.cells.push(c);
                }
            }
            Frame::Body(b) => self.frames.push(Frame::Body(b)),
        }
    }

    /// Adds blocks to the nearest container.
    fn attach(&mut self, blocks: Vec<Block>) {
        if blocks.is_empty() {
            return;
        }
        for f in self.frames.iter_mut().rev() {
            match f {
                Frame::Body(v) | Frame::TextBox(v) => {
                    v.extend(blocks);
                    return;
                }
                Frame::Cell(c) => {
                    c.blocks.extend(blocks);
                    return;
                }
                Frame::Para(p) => {
                    p.boxes.extend(blocks);
                    return;
                }
                Frame::Table(_) | Frame::Row(_) => {}
            }
        }
    }
}

/// The text of a `w:sym` character. Symbol fonts (Symbol, Wingdings) put
/// their glyphs at U+F000–U+F0FF: the usual bullets and dashes among them
/// are given as text, the other glyphs dropped; other code points are
/// written as themselves.
fn symbol(code: u32) -> String {
    if (0xF000..=0xF0FF).contains(&code) {
        return match code - 0xF000 {
            0xB7 | 0xA7 | 0xD8 | 0x6C | 0x6E | 0xFC | 0x76 => "•",
            0x2D | 0xBE => "-",
            0x2B => "+",
            _ => "",
        }
        .to_string();
    }
    char::from_u32(code).filter(|c| !c.is_control()).map(String::from).unwrap_or_default()
}
