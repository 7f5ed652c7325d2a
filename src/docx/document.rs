//! `word/document.xml` read into paragraphs (with their runs) and tables.
//!
//! What Word stores beside the text is handled as Word shows it: runs are
//! joined (a word may be split across runs), insertions kept and deletions
//! (`w:del`, `w:moveFrom`) dropped, field instructions (`w:instrText`, the
//! runs between a field's begin and separate marks) dropped and field
//! results kept, content controls (`w:sdt`), hyperlinks and smart tags
//! descended into, one branch of each `mc:AlternateContent` read, hidden
//! text (`w:vanish`) dropped, text formatted as capitals (`w:caps`)
//! uppercased, and the paragraphs of text boxes
//! (`w:txbxContent`, often used for the header) put before the paragraph
//! that anchors them. Revision records (`w:pPrChange`, `w:rPrChange`) hold
//! old properties and are skipped.

use super::styles::{NumPr, Styles};
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
}

/// A paragraph being read, with the text boxes it anchors.
#[derive(Debug, Default)]
struct ParaState {
    para: Para,
    boxes: Vec<Block>,
    run: Option<RunState>,
    in_ppr: bool,
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
    Alternate,
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
    "trPr",
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
}

/// Reads the body of `document.xml`.
pub(crate) fn parse(text: &str, styles: &Styles, max_depth: usize) -> Result<Vec<Block>, Error> {
    let mut r = Reader::new(text, "word/document.xml", max_depth);
    let mut w = Walker {
        styles,
        frames: vec![Frame::Body(Vec::new())],
        acts: Vec::new(),
        fields: Vec::new(),
        fields_untracked: 0,
        alternates: Vec::new(),
        tables: 0,
        in_tcpr: false,
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
    Ok(match w.frames.pop() {
        Some(Frame::Body(b)) => b,
        _ => Vec::new(),
    })
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
                "rPr" if start => return None,
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
                    // Text formatted as capitals is shown, and read, in capitals.
                    let text = if caps { run.text.to_uppercase() } else { run.text };
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
                let mut blocks = p.boxes;
                blocks.push(Block::Para(p.para));
                self.attach(blocks);
            }
            Frame::TextBox(blocks) => {
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
            Frame::Row(r) => {
                if let Some(Frame::Table(t)) = self.frames.last_mut() {
                    t.rows.push(r);
                }
            }
            Frame::Cell(c) => {
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
