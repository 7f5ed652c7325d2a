//! The typed model of a notice: pure data, serialized as the v1 JSON contract.
//!
//! Every key of the contract is always present (`null` or `[]` when absent);
//! the field order of each struct is the key order of the JSON.

mod date;
mod kinds;

pub use date::{Date, DateError};
pub use kinds::{Authority, Code, DeadlineKind, DocKind, Numbering, RegionKind, Role, Severity};

use serde::{Deserialize, Serialize};

/// The version of the JSON contract this crate writes.
pub const SCHEMA_VERSION: u32 = 1;

/// A half-open byte range into the original input, with the 1-based line on
/// which it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
}

/// A parsed notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Notice {
    /// The contract version, always [`SCHEMA_VERSION`].
    #[cfg_attr(feature = "schema", schemars(description = "The version of the JSON contract.", extend("const" = SCHEMA_VERSION)))]
    pub schema_version: u32,
    /// The document type, from the type line.
    pub kind: DocKind,
    /// Whether the notice announces the conclusions of a meeting.
    pub is_conclusion: bool,
    /// The issuer, number and date block above the type line.
    pub header: Header,
    /// The type line as written ("THÔNG BÁO").
    pub title: Option<String>,
    /// The trích yếu under the type line, joined to one line.
    pub subject: Option<String>,
    /// Whose conclusions these are.
    pub concluder: Option<Participant>,
    /// The meeting the conclusions came from.
    pub meeting: Option<Meeting>,
    /// The evaluation part.
    pub assessment: Option<Assessment>,
    /// The heading and opening words of the part that holds the tasks
    /// (an addition to the contract).
    pub tasks_section: Option<TasksSection>,
    /// The numbered directives, as a tree.
    pub tasks: Vec<Task>,
    /// Who must do what by when: one row per (leaf task, assignee).
    pub assignments: Vec<Assignment>,
    /// The closing sentence, without "./.".
    pub closing: Option<String>,
    /// The "Nơi nhận" list, without the archive line.
    pub recipients: Vec<Recipient>,
    /// The parts of the "Lưu:" line.
    pub archive: Vec<String>,
    /// The signing block.
    pub signature: Option<Signature>,
    /// Documents cited by number.
    pub references: Vec<Reference>,
    /// The document cut into its parts; together they cover every non-blank line.
    pub regions: Vec<Region>,
    /// What the parser noticed but could not resolve, or repaired.
    pub diagnostics: Vec<Diagnostic>,
}

/// The header block: issuer, number and symbol, place and date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Header {
    /// The issuing body and its parent.
    pub issuer: Option<Issuer>,
    /// The whole "số và ký hiệu" without "Số:" and white space ("45/TB-UBND").
    pub number: Option<String>,
    /// The number part alone ("45"); `None` when left blank.
    pub serial: Option<String>,
    /// The symbol part alone ("TB-UBND").
    pub symbol: Option<String>,
    /// The place of the date line.
    pub place: Option<String>,
    /// The issue date; `None` when the day is left blank.
    pub date: Option<Date>,
}

/// The issuing body, as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Issuer {
    /// The issuer's own name, joined to one line.
    pub name: String,
    /// The parent body written above it, if any.
    pub parent: Option<String>,
}

/// A person or a group taking part in the meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Participant {
    /// A person's name without honorific; `None` for a group.
    pub name: Option<String>,
    /// The titles written with the person (or the group's title).
    pub titles: Vec<String>,
    /// An absentee's stated reason.
    pub reason: Option<String>,
    /// The participant as written.
    pub text: String,
    /// Where `text` is.
    pub span: Span,
}

/// The meeting whose conclusions are announced.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Meeting {
    /// The day it was held.
    pub date: Option<Date>,
    /// The meeting names, one per event.
    pub events: Vec<String>,
    /// The venue.
    pub location: Option<String>,
    /// Who chaired.
    pub chairs: Vec<Participant>,
    /// Who attended.
    pub attendees: Vec<Participant>,
    /// Who was absent.
    pub absentees: Vec<Participant>,
    /// The opening paragraphs as written, lead-in included (an addition to
    /// the contract).
    pub paragraphs: Vec<String>,
}

/// The evaluation part ("Đánh giá chung").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Assessment {
    /// Its heading, without label.
    pub heading: Option<String>,
    /// Its paragraphs, each joined to one line.
    pub paragraphs: Vec<String>,
    /// From the heading to the end of the last paragraph.
    pub span: Span,
    /// The section label ("I"), if any (an addition to the contract).
    pub label: Option<String>,
}

/// The heading and opening paragraphs of the part that holds the tasks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TasksSection {
    /// The section label ("II"), if any.
    pub label: Option<String>,
    /// The heading, without label.
    pub heading: Option<String>,
    /// Paragraphs between the heading and the first task.
    pub intro: Vec<String>,
}

/// One numbered directive and its subtasks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Task {
    /// Unique path in the tree ("2.4.1").
    pub id: String,
    /// The label as written, without trailing dot; `None` for a bullet.
    pub label: Option<String>,
    /// How the item is numbered (an addition to the contract): `"roman"`,
    /// `"arabic"` ("1.", "1.1."), `"letter"` ("a)"), `"paren_number"`
    /// ("(1)"), `"paren_letter"` ("(a)"), `"ordinal"` ("Thứ nhất,"),
    /// `"bullet"`, or `"none"` (an unnumbered item).
    pub numbering: Numbering,
    /// The item's title, when it has one.
    pub heading: Option<String>,
    /// The item's own text after the heading.
    pub text: String,
    /// Who is named on this item itself.
    pub assignees: Vec<Assignee>,
    /// Deadlines stated on this item itself.
    pub deadlines: Vec<Deadline>,
    /// Nested items.
    pub subtasks: Vec<Task>,
    /// The whole item, subtasks included.
    pub span: Span,
}

/// A body named on a task, with its role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Assignee {
    /// The body's name as written.
    pub name: String,
    /// What it must do.
    pub role: Role,
    /// Where the name is.
    pub span: Span,
}

/// A time bound of a task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Deadline {
    /// Its kind.
    pub kind: DeadlineKind,
    /// The day it names, or the last day of the period.
    pub due: Option<Date>,
    /// The phrase as written, with its cue.
    pub text: String,
    /// Where the phrase is.
    pub span: Span,
}

/// One row of the who-does-what-by-when table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Assignment {
    /// The leaf task.
    pub task_id: String,
    /// The assignee, inherited from the nearest ancestor when the leaf has none.
    pub assignee: Option<String>,
    /// The assignee's role.
    pub role: Option<Role>,
    /// The earliest due date on the leaf or its nearest dated ancestor.
    pub due: Option<Date>,
}

/// One entry of the "Nơi nhận" list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Recipient {
    /// As written, without the leading "-" and the trailing ";".
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// The signing block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Signature {
    /// The first authority mark.
    pub authority: Option<Authority>,
    /// The line after the authority mark ("CHỦ TỊCH").
    pub on_behalf_of: Option<String>,
    /// The signer's own position (the last title line).
    pub position: Option<String>,
    /// The signer's name.
    pub name: Option<String>,
}

/// Another document cited by number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Reference {
    /// The cited document's type.
    pub kind: DocKind,
    /// Its number and symbol ("01/2024/QĐ-UBND").
    pub number: String,
    /// Its date, when given.
    pub date: Option<Date>,
    /// The citation as written.
    pub text: String,
    /// Where the citation is.
    pub span: Span,
}

/// A part of the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Region {
    /// What the part is.
    pub kind: RegionKind,
    /// Where it is.
    pub span: Span,
}

/// Something the parser noticed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Diagnostic {
    /// How much it matters.
    pub severity: Severity,
    /// A stable code.
    pub code: Code,
    /// A sentence for people.
    pub message: String,
    /// Where, when it has a place.
    pub span: Option<Span>,
}

impl Notice {
    /// Every task of the tree, depth first, in document order.
    pub fn tasks_flat(&self) -> Vec<&Task> {
        let mut out = Vec::new();
        let mut stack: Vec<&Task> = self.tasks.iter().rev().collect();
        while let Some(t) = stack.pop() {
            out.push(t);
            stack.extend(t.subtasks.iter().rev());
        }
        out
    }

    /// The task with this id.
    pub fn task(&self, id: &str) -> Option<&Task> {
        self.tasks_flat().into_iter().find(|t| t.id == id)
    }

    /// Whether a diagnostic with this code was raised.
    pub fn has_diagnostic(&self, code: Code) -> bool {
        self.diagnostics.iter().any(|d| d.code == code)
    }
}
