//! Builds `.docx` packages in the tests: WordprocessingML written by hand,
//! zipped with the zip crate.
#![allow(dead_code)]

use std::io::Write;
use zip::write::SimpleFileOptions;

pub const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOC_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#;

/// A zip archive of `entries`, deflated.
pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// `document.xml` around a body.
pub fn document_xml(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" mc:Ignorable="wps"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>"#
    )
}

/// A complete package: the body, and styles and numbering when given.
pub fn docx_with(body: &str, styles: Option<&str>, numbering: Option<&str>) -> Vec<u8> {
    let doc = document_xml(body);
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/_rels/document.xml.rels", DOC_RELS.as_bytes()),
        ("word/document.xml", doc.as_bytes()),
    ];
    let styles = styles.map(styles_xml);
    if let Some(s) = &styles {
        entries.push(("word/styles.xml", s.as_bytes()));
    }
    let numbering = numbering.map(numbering_xml);
    if let Some(n) = &numbering {
        entries.push(("word/numbering.xml", n.as_bytes()));
    }
    zip(&entries)
}

/// A package of a body alone.
pub fn docx(body: &str) -> Vec<u8> {
    docx_with(body, None, None)
}

pub fn styles_xml(inner: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="28"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>{inner}</w:styles>"#
    )
}

pub fn numbering_xml(inner: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">{inner}</w:numbering>"#
    )
}

/// One level of an abstract numbering.
pub fn lvl(ilvl: u32, fmt: &str, text: &str, start: u32) -> String {
    format!(
        r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr><w:rPr><w:b/></w:rPr></w:lvl>"#,
        esc(text)
    )
}

pub fn abstract_num(id: u32, levels: &[String]) -> String {
    format!(
        r#"<w:abstractNum w:abstractNumId="{id}"><w:multiLevelType w:val="hybridMultilevel"/>{}</w:abstractNum>"#,
        levels.concat()
    )
}

pub fn num(id: u32, abstract_id: u32) -> String {
    format!(r#"<w:num w:numId="{id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>"#)
}

/// A `w:num` restarting level `ilvl` at `start`.
pub fn num_start(id: u32, abstract_id: u32, ilvl: u32, start: u32) -> String {
    format!(
        r#"<w:num w:numId="{id}"><w:abstractNumId w:val="{abstract_id}"/><w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>"#
    )
}

pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A run of plain text.
pub fn r(s: &str) -> String {
    format!(
        r#"<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
        esc(s)
    )
}

/// A bold run.
pub fn rb(s: &str) -> String {
    format!(r#"<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#, esc(s))
}

/// A paragraph of runs, with optional paragraph properties.
pub fn p_with(ppr: &str, runs: &str) -> String {
    if ppr.is_empty() { format!("<w:p>{runs}</w:p>") } else { format!("<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>") }
}

/// A paragraph of plain text.
pub fn p(s: &str) -> String {
    p_with(r#"<w:jc w:val="both"/>"#, &r(s))
}

/// A bold, centred paragraph.
pub fn pb(s: &str) -> String {
    p_with(r#"<w:jc w:val="center"/>"#, &rb(s))
}

/// A paragraph numbered by Word (`numId`, level `ilvl`).
pub fn pn(num_id: u32, ilvl: u32, s: &str) -> String {
    p_with(&format!(r#"<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>"#), &r(s))
}

/// A paragraph of style `style`.
pub fn ps(style: &str, s: &str) -> String {
    p_with(&format!(r#"<w:pStyle w:val="{style}"/>"#), &r(s))
}

/// A table cell of paragraphs (already written).
pub fn tc(paras: &[String]) -> String {
    format!(r#"<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>{}</w:tc>"#, paras.concat())
}

/// A table cell of plain lines, one paragraph each.
pub fn tcl(lines: &[&str]) -> String {
    tc(&lines.iter().map(|l| p(l)).collect::<Vec<_>>())
}

pub fn tr(cells: &[String]) -> String {
    format!("<w:tr>{}</w:tr>", cells.concat())
}

pub fn tbl(rows: &[String]) -> String {
    format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/><w:tblBorders><w:top w:val="nil"/></w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w="4500"/><w:gridCol w:w="4500"/></w:tblGrid>{}</w:tbl>"#,
        rows.concat()
    )
}
