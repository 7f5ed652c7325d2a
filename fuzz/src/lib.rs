//! Support code for the fuzz targets: invariant checks and notice-shaped
//! input built with `arbitrary`.

pub mod checks;
pub mod shaped;

use checks::Source;

/// Parses `bytes` with `parse_bytes` and `parse_bytes_lossy` and checks every
/// invariant; panics (so that libFuzzer records it) on a violation.
pub fn check_bytes(bytes: &[u8]) {
    let strict = thongbao::parse_bytes(bytes);
    match (&strict, checks::decode(bytes)) {
        (Ok(n), Some((text, base))) => {
            if let Err(e) = checks::check_all(Source { text: &text, base }, n, coverage()) {
                panic!("parse_bytes: {e}");
            }
        }
        (Ok(_), None) => panic!("parse_bytes accepted bytes that do not decode"),
        (Err(thongbao::Error::InvalidUtf8 { offset }), _) => {
            let valid = std::str::from_utf8(bytes).map_err(|e| e.valid_up_to());
            let skip = if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
            let want = std::str::from_utf8(&bytes[skip..]).map_err(|e| e.valid_up_to() + skip);
            assert!(valid.is_err() && want == Err(*offset), "InvalidUtf8 offset {offset}, expected {want:?}");
        }
        (Err(_), _) => {}
    }
    // On valid UTF-8 without a BOM the lossy entry point reads the same text.
    if strict.is_ok()
        && !bytes.starts_with(b"\xEF\xBB\xBF")
        && !bytes.starts_with(b"\xFF\xFE")
        && !bytes.starts_with(b"\xFE\xFF")
    {
        return;
    }
    let lossy = thongbao::parse_bytes_lossy(bytes);
    let text = String::from_utf8_lossy(bytes);
    if let Err(e) = checks::check_all(Source { text: &text, base: 0 }, &lossy, coverage()) {
        panic!("parse_bytes_lossy: {e}");
    }
}

/// Parses text and checks every invariant.
pub fn check_text(text: &str) {
    let n = thongbao::parse(text);
    if let Err(e) = checks::check_all(Source { text, base: 0 }, &n, coverage()) {
        panic!("parse: {e}\n--- input ---\n{text:?}");
    }
}

/// How to check line coverage: `THONGBAO_FUZZ_COVERAGE` = `strict`
/// (default, the contract), `lenient` (lines of invisible characters count as
/// blank: a known gap) or `off`.
pub fn coverage() -> checks::Coverage {
    static MODE: std::sync::OnceLock<checks::Coverage> = std::sync::OnceLock::new();
    *MODE.get_or_init(|| match std::env::var("THONGBAO_FUZZ_COVERAGE").as_deref() {
        Ok("off") => checks::Coverage::Off,
        Ok("lenient") => checks::Coverage::Lenient,
        _ => checks::Coverage::Strict,
    })
}
