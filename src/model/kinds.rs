//! The closed vocabularies of the model: roles, kinds, severities, codes.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The type of a document, from its type line ("THÔNG BÁO" gives
/// [`DocKind::ThongBao`]). Serialized as a snake-case name without
/// diacritics; types without a variant of their own keep their name in
/// [`DocKind::Other`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum DocKind {
    /// THÔNG BÁO.
    ThongBao,
    /// QUYẾT ĐỊNH.
    QuyetDinh,
    /// Công văn (no type line; "V/v", "Kính gửi").
    CongVan,
    /// KẾ HOẠCH.
    KeHoach,
    /// BÁO CÁO.
    BaoCao,
    /// KẾT LUẬN (Party conclusions).
    KetLuan,
    /// No type line found.
    Unknown,
    /// Any other type, by its snake-case name.
    Other(String),
}

impl DocKind {
    /// The snake-case name.
    pub fn as_str(&self) -> &str {
        match self {
            DocKind::ThongBao => "thong_bao",
            DocKind::QuyetDinh => "quyet_dinh",
            DocKind::CongVan => "cong_van",
            DocKind::KeHoach => "ke_hoach",
            DocKind::BaoCao => "bao_cao",
            DocKind::KetLuan => "ket_luan",
            DocKind::Unknown => "unknown",
            DocKind::Other(s) => s,
        }
    }

    /// The kind of a snake-case name.
    pub fn from_name(s: &str) -> DocKind {
        match s {
            "thong_bao" => DocKind::ThongBao,
            "quyet_dinh" => DocKind::QuyetDinh,
            "cong_van" => DocKind::CongVan,
            "ke_hoach" => DocKind::KeHoach,
            "bao_cao" => DocKind::BaoCao,
            "ket_luan" => DocKind::KetLuan,
            "unknown" => DocKind::Unknown,
            other => DocKind::Other(other.to_string()),
        }
    }
}

impl fmt::Display for DocKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for DocKind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A string in the JSON Schema: the snake-case name of the type.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for DocKind {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DocKind".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "The document type, from the type line: a snake-case name without diacritics (\"thong_bao\" for THÔNG BÁO, \"cong_van\", \"unknown\" when no type line is found, or the type's own name).",
            "type": "string",
            "examples": ["thong_bao", "quyet_dinh", "cong_van", "ke_hoach", "bao_cao", "ket_luan", "unknown"]
        })
    }
}

impl<'de> Deserialize<'de> for DocKind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<DocKind, D::Error> {
        Ok(DocKind::from_name(&String::deserialize(d)?))
    }
}

/// What an assignee must do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Leads the task ("Giao X", "X chủ trì", a heading "X:").
    Lead,
    /// Works with the lead ("phối hợp với Y").
    Coordinate,
    /// Is asked, being outside the issuer's command ("Đề nghị X").
    Requested,
    /// Advises ("X tham mưu") without leading.
    Advise,
}

impl Role {
    /// The snake-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::Coordinate => "coordinate",
            Role::Requested => "requested",
            Role::Advise => "advise",
        }
    }
}

/// How a task item is numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Numbering {
    /// "I.", "II.".
    Roman,
    /// "1.", "1.1.", "2.4.1".
    Arabic,
    /// "a)", "đ)".
    Letter,
    /// "(1)".
    ParenNumber,
    /// "(a)".
    ParenLetter,
    /// "Thứ nhất, …".
    Ordinal,
    /// "-", "+", "•".
    Bullet,
    /// A row of a task table (columns such as Nội dung | Đơn vị chủ trì |
    /// Thời gian hoàn thành).
    TableRow,
    /// An item without a mark (an unnumbered first item).
    None,
}

/// The kind of a deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// "trước ngày …": done before the date.
    Before,
    /// "chậm nhất ngày …", "trong tháng …": done by the date or within the period.
    By,
    /// "định kỳ hằng tháng": repeats.
    Recurring,
    /// "thường xuyên": ongoing.
    Ongoing,
    /// A bound that is not a date ("trong dịp Tết Nguyên đán").
    Other,
}

/// A part of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RegionKind {
    /// Issuer, number, motto, place and date.
    Header,
    /// The type line.
    Title,
    /// The trích yếu.
    Subject,
    /// The opening paragraphs up to the lead-in.
    Meeting,
    /// The evaluation part.
    Assessment,
    /// The part that holds the directives.
    Tasks,
    /// The closing sentence.
    Closing,
    /// The "Nơi nhận" list.
    Recipients,
    /// The signing block.
    Signature,
    /// Anything not understood.
    Other,
}

/// The signature's authority mark (Decree 30/2020, Article 13).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Authority {
    /// Thay mặt: on behalf of a collective.
    #[serde(rename = "TM")]
    Tm,
    /// Ký thay: a deputy signs for the head.
    #[serde(rename = "KT")]
    Kt,
    /// Thừa lệnh: by order of the head.
    #[serde(rename = "TL")]
    Tl,
    /// Thừa ủy quyền: by written authorisation.
    #[serde(rename = "TUQ")]
    Tuq,
    /// Quyền: acting head.
    #[serde(rename = "Q")]
    Q,
}

impl Authority {
    /// The mark of a canonical name ("TM", "KT", "TL", "TUQ", "Q").
    pub fn from_mark(s: &str) -> Option<Authority> {
        Some(match s {
            "TM" => Authority::Tm,
            "KT" => Authority::Kt,
            "TL" => Authority::Tl,
            "TUQ" => Authority::Tuq,
            "Q" => Authority::Q,
            _ => return None,
        })
    }

    /// The canonical mark.
    pub fn as_str(self) -> &'static str {
        match self {
            Authority::Tm => "TM",
            Authority::Kt => "KT",
            Authority::Tl => "TL",
            Authority::Tuq => "TUQ",
            Authority::Q => "Q",
        }
    }
}

/// How much a diagnostic matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Something a reader should look at.
    Warning,
    /// A note on what the parser did.
    Info,
}

/// The stable code of a diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Code {
    /// No issuer, number or date block above the type line.
    MissingHeader,
    /// No type line ("THÔNG BÁO", "QUYẾT ĐỊNH", …) was found.
    MissingTitle,
    /// Item numbering skips or goes back.
    NumberingGap,
    /// A leaf task has no assignee, on itself or on any ancestor.
    TaskWithoutAssignee,
    /// A paragraph broken by a page break was joined back.
    JoinedPageBreak,
    /// Text that no region recogniser understood was kept as `other`.
    UnrecognizedText,
    /// The text looks like a broken OCR or PDF text layer.
    GarbledText,
    /// The text looks like TCVN3 or VNI bytes decoded as Unicode.
    LegacyEncoding,
    /// Items were nested deeper than the depth limit and were flattened.
    DepthLimit,
    /// An invalid UTF-8 sequence was replaced (lossy entry point).
    ReplacedInvalidUtf8,
    /// The header has no "Số: …" line (a warning), or its number is left
    /// blank as in a draft (an info).
    MissingNumber,
    /// The header has no place-and-date line (a warning), or its day is
    /// left blank as in a draft (an info).
    MissingDate,
    /// The number and symbol are not of a form of Decree 30/2020, Annex I
    /// ("45/TB-UBND", "2221/UBND-TH", "30/2020/NĐ-CP", Party "45-TB/HU"),
    /// or the symbol's type code is not the document's; a serial under 10
    /// without its leading zero is an info.
    MalformedNumber,
    /// There is no "Nơi nhận" list.
    MissingRecipients,
    /// The "Nơi nhận" list has no "Lưu: …" line.
    MissingArchive,
    /// The signing block names no signer.
    SignatureWithoutName,
    /// A deadline falls before the notice's date (or, without one, the
    /// meeting's).
    DeadlineBeforeIssue,
}
