//! Throughput of [`thongbao::parse`] against the Markdown floor (issue 6).
//!
//! On the same inputs in one run — the seed notice `fixtures/binh-son-2024-01.md`
//! and a ~10 MB corpus of ~800 varied notices built here at startup — this
//! measures:
//!
//! - (a) `floor`: a bare pulldown-cmark walk over every event of each notice;
//! - (b) `parse`: `thongbao::parse(text)` on the same `&str`;
//! - (c) `parse_json`: parse plus `serde_json::to_string`.
//!
//! Separately, the same three on an NFD part of the corpus (every 8th notice,
//! decomposed), and a linearity check: one tenth of the corpus against the
//! whole of it; the seed notice against one notice whose body is the
//! seed's repeated ten times; and that notice against one whose body is
//! repeated a hundred times. The body ×10 notice holds far more tasks per
//! byte than the seed (its repeated part is mostly tasks), so the second
//! ratio mixes growth with a change of content; the third compares two
//! notices of the same make-up.
//!
//! The corpus is deterministic: every UTF-8 fixture under `fixtures/` is
//! varied (person names, places, departments, dates shifted, document numbers
//! and percentages, body paragraphs repeated and renumbered up to a target
//! size, a quarter of the Markdown ones hard-wrapped to plain text at 80
//! columns), and one notice in five comes from the test generator
//! (`tests/generator/mod.rs`). All of it is NFC; UTF-8 validation happens at
//! startup, outside every measurement.
//!
//! Run: `cargo bench --bench parse -- --warm-up-time 1 --measurement-time 5`.
//! After criterion's own output, a Markdown table of MB/s and the ratios b/a
//! and c/a is printed from the estimates of this run.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, clippy::string_slice)]

// The generator is linted in its own test target; its style lints are not this bench's.
#[allow(clippy::all)]
#[path = "../tests/generator/mod.rs"]
mod generator;

use std::collections::HashMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput};
use pulldown_cmark::{Options, Parser};
use regex::{Captures, Regex};
use unicode_normalization::UnicodeNormalization;

/// Number of notices in the corpus.
const DOCS: usize = 800;
/// Target size of the corpus in bytes.
const TARGET_BYTES: usize = 10_000_000;
/// One notice in this many comes from the test generator.
const GENERATED_EVERY: usize = 5;
/// One notice in this many is also put, decomposed, in the NFD part.
const NFD_EVERY: usize = 8;
/// The linearity slice is the first `DOCS / LINEARITY` notices.
const LINEARITY: usize = 10;
/// The seed notice.
const SEED: &str = "fixtures/binh-son-2024-01.md";

// ------------------------------------------------------------------ the three measured walks

/// (a) The floor: every pulldown-cmark event with its offsets, nothing else.
fn floor(text: &str) -> usize {
    let mut n = 0usize;
    for ev in Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH).into_offset_iter() {
        black_box(&ev);
        n += 1;
    }
    n
}

/// (b) The full parse into the model.
fn parse(text: &str) -> thongbao::Notice {
    thongbao::parse(text)
}

/// (c) Parse, then serialise to a JSON string.
fn parse_json(text: &str) -> String {
    serde_json::to_string(&thongbao::parse(text)).unwrap()
}

// ------------------------------------------------------------------ a small deterministic RNG

/// SplitMix64, so that the corpus never changes with a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }
    fn chance(&mut self, percent: i64) -> bool {
        self.range(0, 99) < percent
    }
    fn pick<'a>(&mut self, t: &[&'a str]) -> &'a str {
        t[(self.next() % t.len() as u64) as usize]
    }
}

// ------------------------------------------------------------------ vocabulary of the variations

const SURNAMES: &[&str] = &[
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Trịnh",
    "Ung",
    "Đinh",
    "Mai",
    "Lương",
    "Tạ",
    "Doãn",
    "Bạch",
    "Hứa",
    "Thân",
    "Ngụy",
    "Cao",
    "Lâm",
    "Tôn Thất",
    "Âu Dương",
    "Trương",
    "Đoàn",
    "Kiều",
];
const MIDDLE: &[&str] = &["Văn", "Thị", "Đình", "Công", "Minh", "Hữu", "Quốc", "Thanh", "Ngọc", "Đức", "Xuân", "Thu"];
const GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hiếu", "Hùng", "Lan", "Long", "Mai", "Nam", "Phúc", "Quang",
    "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Vân", "Yến", "Khánh", "Nghĩa", "Thắng", "Hưng", "Lộc", "Toàn",
];
/// Place names of the fixtures, and the invented ones they are swapped with.
const PLACES_FROM: &[&str] = &[
    "Bình Sơn",
    "Thạch Lâm",
    "Quảng Ngãi",
    "Ninh Lâm",
    "Đắk Trà",
    "Phú Hòa",
    "Hoà Lạc",
    "Vĩnh Khê",
    "Cam Lương",
    "Hòa Phong",
    "Bến Mây",
    "Đông Lãnh",
    "Hòa Tiến",
    "Đồng Sơn",
    "Phú Lộc",
    "Bảo Lâm",
    "Kim Sơn",
    "Hòa An",
    "Tân Lục",
    "Thanh Lâm",
    "Vĩnh An",
    "Sông La",
    "Bắc Lương",
    "Song Cầu",
    "Phú Thủy",
    "An Phú",
    "Tân Hòa",
    "Lâm Hà",
    "Long Hải",
    "Hải Đông",
    "Định Lâm",
    "Thạch Khê",
    "Bình Lăng",
    "Nam Khê",
    "Hà Lâm",
];
const PLACES_TO: &[&str] = &[
    "Sơn Hà",
    "Trà Giang",
    "Mỹ Lộc",
    "Tây Sơn",
    "Đức Phổ",
    "Lạc Thủy",
    "Yên Khánh",
    "Hương Trà",
    "Cẩm Mỹ",
    "Phước Long",
    "Đại Lộc",
    "Quế Võ",
    "Ea Kar",
    "Chợ Mới",
    "Vạn Ninh",
    "Hồng Ngự",
    "Bắc Hà",
    "Kỳ Anh",
    "Tiên Lữ",
    "Đầm Dơi",
];
/// Departments swapped among themselves (longest first, for the alternation).
const UNITS: &[&str] = &[
    "Phòng Lao động, Thương binh và Xã hội",
    "Phòng Nông nghiệp và Phát triển nông thôn",
    "Phòng Tài nguyên và Môi trường",
    "Phòng Giáo dục và Đào tạo",
    "Phòng Văn hóa và Thông tin",
    "Phòng Tài chính - Kế hoạch",
    "Phòng Kế hoạch - Tài chính",
    "Phòng Kinh tế và Hạ tầng",
    "Phòng Quản lý đô thị",
    "Phòng Tư pháp",
    "Phòng Nội vụ",
    "Phòng Kinh tế",
    "Phòng Y tế",
];

/// Compiled patterns of the variations.
struct Patterns {
    name: Regex,
    place: Regex,
    place_upper: Regex,
    unit: Regex,
    date: Regex,
    date_words: Regex,
    doc_number: Regex,
    percent: Regex,
    item: Regex,
}

impl Patterns {
    fn new() -> Patterns {
        let alt = |t: &[&str]| {
            let mut v: Vec<&str> = t.to_vec();
            v.sort_by_key(|s| std::cmp::Reverse(s.len()));
            v.iter().map(|s| regex::escape(s)).collect::<Vec<_>>().join("|")
        };
        let upper: Vec<String> = PLACES_FROM.iter().map(|s| s.to_uppercase()).collect();
        let upper: Vec<&str> = upper.iter().map(String::as_str).collect();
        Patterns {
            name: Regex::new(&format!(r"\b(?:{})(?: \p{{Lu}}\p{{Ll}}+){{1,3}}\b", alt(SURNAMES))).unwrap(),
            place: Regex::new(&format!(r"\b(?:{})\b", alt(PLACES_FROM))).unwrap(),
            place_upper: Regex::new(&format!(r"\b(?:{})\b", alt(&upper))).unwrap(),
            unit: Regex::new(&alt(UNITS)).unwrap(),
            date: Regex::new(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b").unwrap(),
            date_words: Regex::new(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})").unwrap(),
            doc_number: Regex::new(r"([Ss]ố:?\s*)(\d{1,5})/").unwrap(),
            percent: Regex::new(r"\b(\d{1,3})%").unwrap(),
            item: Regex::new(r"(?m)^(\s*(?:\*\*)?)(\d{1,2})([.)])").unwrap(),
        }
    }
}

/// The per-notice choices: who and where each original becomes, the date shift.
struct Choices {
    names: HashMap<String, String>,
    places: HashMap<String, String>,
    units: HashMap<String, String>,
    day_shift: i64,
}

impl Choices {
    fn new(r: &mut Rng) -> Choices {
        Choices { names: HashMap::new(), places: HashMap::new(), units: HashMap::new(), day_shift: r.range(-700, 700) }
    }
}

fn new_name(r: &mut Rng) -> String {
    let mut s = String::from(r.pick(SURNAMES));
    if r.chance(80) {
        s.push(' ');
        s.push_str(r.pick(MIDDLE));
    }
    s.push(' ');
    s.push_str(r.pick(GIVEN));
    if r.chance(15) {
        s.push(' ');
        s.push_str(r.pick(GIVEN));
    }
    s
}

/// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// The date of `c` (day, month, year groups) shifted, or `None` if it is no date.
fn shifted(c: &Captures<'_>, shift: i64) -> Option<(i64, i64, i64)> {
    let d: i64 = c[1].parse().ok()?;
    let m: i64 = c[2].parse().ok()?;
    let y: i64 = c[3].parse().ok()?;
    if !(1..=31).contains(&d) || !(1..=12).contains(&m) || !(1990..=2040).contains(&y) {
        return None;
    }
    Some(civil_from_days(days_from_civil(y, m, d) + shift))
}

fn pad(orig: &str, v: i64) -> String {
    if orig.len() == 2 { format!("{v:02}") } else { v.to_string() }
}

/// Applies names, places, departments, dates and numbers to `text`.
fn vary(text: &str, p: &Patterns, c: &mut Choices, r: &mut Rng) -> String {
    let t = p
        .name
        .replace_all(text, |m: &Captures<'_>| c.names.entry(m[0].to_string()).or_insert_with(|| new_name(r)).clone());
    let t = p.place.replace_all(&t, |m: &Captures<'_>| {
        c.places.entry(m[0].to_string()).or_insert_with(|| r.pick(PLACES_TO).to_string()).clone()
    });
    let t = p.place_upper.replace_all(&t, |m: &Captures<'_>| {
        let key = PLACES_FROM.iter().find(|s| s.to_uppercase() == m[0]).copied().unwrap_or("");
        c.places.entry(key.to_string()).or_insert_with(|| r.pick(PLACES_TO).to_string()).to_uppercase()
    });
    let t = p.unit.replace_all(&t, |m: &Captures<'_>| {
        c.units.entry(m[0].to_string()).or_insert_with(|| r.pick(UNITS).to_string()).clone()
    });
    let shift = c.day_shift;
    let t = p.date.replace_all(&t, |m: &Captures<'_>| match shifted(m, shift) {
        Some((y, mo, d)) => format!("{}/{}/{y}", pad(&m[1], d), pad(&m[2], mo)),
        None => m[0].to_string(),
    });
    let t = p.date_words.replace_all(&t, |m: &Captures<'_>| match shifted(m, shift) {
        Some((y, mo, d)) => format!("ngày {} tháng {} năm {y}", pad(&m[1], d), pad(&m[2], mo)),
        None => m[0].to_string(),
    });
    let t = p.doc_number.replace_all(&t, |m: &Captures<'_>| format!("{}{}/", &m[1], r.range(1, 999)));
    let t = p.percent.replace_all(&t, |_: &Captures<'_>| format!("{}%", r.range(5, 100)));
    t.into_owned()
}

/// Renumbers top-level items (`3.`, `**3.`, `3)`) by `offset`.
fn renumber(text: &str, p: &Patterns, offset: i64) -> String {
    if offset == 0 {
        return text.to_string();
    }
    p.item
        .replace_all(text, |m: &Captures<'_>| {
            let n: i64 = m[2].parse().unwrap_or(0);
            format!("{}{}{}", &m[1], n + offset, &m[3])
        })
        .into_owned()
}

/// Removes Markdown emphasis and headings and hard-wraps every paragraph line
/// at `width` columns (tables and empty lines kept).
fn hard_wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 40);
    for line in text.lines() {
        let line = line.replace("**", "").replace("__", "");
        let line = line.trim_start_matches('#').trim_start();
        if line.starts_with('|') || line.chars().count() <= width {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let mut col = 0usize;
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            let w = word.chars().count();
            if col > 0 && col + 1 + w > width {
                out.push('\n');
                col = 0;
            }
            if col > 0 {
                out.push(' ');
                col += 1;
            }
            out.push_str(word);
            col += w;
        }
        out.push('\n');
    }
    out
}

/// Splits a notice into paragraphs (blank-line separated, or lines when
/// there are too few paragraphs).
fn paragraphs(text: &str) -> Vec<String> {
    let paras: Vec<String> = text.split("\n\n").filter(|s| !s.trim().is_empty()).map(str::to_string).collect();
    if paras.len() >= 6 { paras } else { text.lines().map(str::to_string).collect() }
}

/// A varied notice of about `target` bytes from a fixture: head and tail
/// kept, the body repeated (renumbered, with fresh names) until it is long
/// enough.
fn expand(base: &str, target: usize, p: &Patterns, r: &mut Rng) -> String {
    let paras = paragraphs(base);
    let sep = if paras.len() >= 6 && base.contains("\n\n") { "\n\n" } else { "\n" };
    let n = paras.len();
    let head_end = (n * 2 / 5).max(1).min(n);
    let tail_start = (n - n / 4).max(head_end);
    let head = paras[..head_end].join(sep);
    let body = paras[head_end..tail_start].join(sep);
    let tail = paras[tail_start..].join(sep);
    let top = p.item.captures_iter(&body).filter_map(|c| c[2].parse::<i64>().ok()).max().unwrap_or(0);
    let mut doc = Choices::new(r);
    let mut out = vary(&head, p, &mut doc, r);
    out.push_str(sep);
    out.push_str(&vary(&body, p, &mut doc, r));
    let mut k = 1;
    while !body.is_empty() && out.len() + tail.len() < target {
        let mut fresh = Choices::new(r);
        fresh.places = doc.places.clone();
        fresh.units = doc.units.clone();
        fresh.day_shift = doc.day_shift + r.range(0, 30);
        out.push_str(sep);
        out.push_str(&vary(&renumber(&body, p, top * k), p, &mut fresh, r));
        k += 1;
    }
    out.push_str(sep);
    out.push_str(&vary(&tail, p, &mut doc, r));
    out.push('\n');
    out
}

fn fixture_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let path = e.path();
        if path.is_dir() {
            fixture_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "md" || x == "txt") {
            out.push(path);
        }
    }
}

/// The inputs of the run.
struct Inputs {
    seed: String,
    seed_x10: String,
    seed_x100: String,
    corpus: Vec<String>,
    nfd: Vec<String>,
}

fn bytes(docs: &[String]) -> usize {
    docs.iter().map(String::len).sum()
}

fn build_inputs() -> Inputs {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    fixture_files(&root.join("fixtures"), &mut files);
    files.sort();
    // Only UTF-8 text: validation is outside the measurement. All bases NFC.
    let bases: Vec<(String, bool, bool)> = files
        .iter()
        .filter_map(|f| {
            let text = String::from_utf8(std::fs::read(f).ok()?).ok()?;
            let md = f.extension().is_some_and(|x| x == "md");
            let s = f.to_string_lossy();
            let small = s.contains("/broken/") || s.contains("/near-miss/");
            Some((text.nfc().collect::<String>(), md, small))
        })
        .collect();
    assert!(!bases.is_empty(), "no fixtures found under {}", root.display());
    let seed = std::fs::read_to_string(root.join(SEED)).unwrap();
    let p = Patterns::new();
    let mut r = Rng(0x7468_6F6E_6762_616F);

    let n_gen = DOCS / GENERATED_EVERY;
    let generated: Vec<String> = generator::corpus(6, n_gen).into_iter().map(|(_, t)| t.nfc().collect()).collect();
    let n_fix = DOCS - n_gen;
    // `expand` stops below its target (whole body copies only): aim 30% higher.
    let avg = TARGET_BYTES.saturating_sub(bytes(&generated)) / n_fix * 13 / 10;
    let (mut gen_iter, mut counts) = (generated.into_iter(), [0usize; 4]);
    let mut corpus = Vec::with_capacity(DOCS);
    let mut fi = 0usize;
    for i in 0..DOCS {
        if i % GENERATED_EVERY == GENERATED_EVERY - 1
            && let Some(g) = gen_iter.next()
        {
            counts[3] += 1;
            corpus.push(g);
            continue;
        }
        let (base, md, small) = &bases[fi % bases.len()];
        fi += 1;
        let target = if *small { 0 } else { r.range(avg as i64 * 2 / 5, avg as i64 * 8 / 5) as usize };
        let doc = expand(base, target, &p, &mut r);
        if *md && r.chance(25) {
            counts[2] += 1;
            corpus.push(hard_wrap(&doc, 80));
        } else {
            counts[usize::from(!*md)] += 1;
            corpus.push(doc);
        }
    }
    let nfd: Vec<String> = corpus.iter().step_by(NFD_EVERY).map(|d| d.nfd().collect()).collect();
    let seed_x10 = expand(&seed, seed.len() * 10, &p, &mut Rng(10));
    let seed_x100 = expand(&seed, seed.len() * 100, &p, &mut Rng(100));
    eprintln!(
        "corpus: {} notices, {} bytes ({} Markdown, {} plain, {} hard-wrapped at 80, {} generated); \
         NFD part: {} notices, {} bytes; seed {} bytes, seed x10 {} bytes, seed x100 {} bytes",
        corpus.len(),
        bytes(&corpus),
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        nfd.len(),
        bytes(&nfd),
        seed.len(),
        seed_x10.len(),
        seed_x100.len()
    );
    Inputs { seed, seed_x10, seed_x100, corpus, nfd }
}

// ------------------------------------------------------------------ the benchmarks

fn bench_docs(c: &mut Criterion, group: &str, docs: &[String], flat: bool, which: &[&str]) {
    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Bytes(bytes(docs) as u64));
    if flat {
        g.sampling_mode(SamplingMode::Flat).sample_size(10);
    }
    for &w in which {
        match w {
            "floor" => g.bench_function(w, |b| {
                b.iter(|| {
                    for d in docs {
                        black_box(floor(black_box(d)));
                    }
                });
            }),
            "parse" => g.bench_function(w, |b| {
                b.iter(|| {
                    for d in docs {
                        black_box(parse(black_box(d)));
                    }
                });
            }),
            _ => g.bench_function(w, |b| {
                b.iter(|| {
                    for d in docs {
                        black_box(parse_json(black_box(d)));
                    }
                });
            }),
        };
    }
    g.finish();
}

/// Mean time in ns of one benchmark of this run, from criterion's estimates.
fn mean_ns(dir: &Path, group: &str, func: &str) -> Option<f64> {
    let text = std::fs::read_to_string(dir.join(group).join(func).join("new").join("estimates.json")).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    v.get("mean")?.get("point_estimate")?.as_f64()
}

fn criterion_dir() -> PathBuf {
    if let Some(h) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(h);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from);
    target.join("criterion")
}

/// Prints the table of this run (MB/s = 10^6 bytes per second).
fn table(inputs: &Inputs) {
    let dir = criterion_dir();
    let mbs = |bytes: usize, ns: Option<f64>| ns.map(|ns| bytes as f64 / ns * 1e3);
    let f = |x: Option<f64>, prec: usize| x.map_or_else(|| "—".to_string(), |x| format!("{x:.prec$}"));
    let ratio = |x: Option<f64>, y: Option<f64>| x.zip(y).map(|(x, y)| x / y);
    println!("\n| input | bytes | floor MB/s (a) | parse MB/s (b) | parse+JSON MB/s (c) | b/a | c/a |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for (name, group, n) in [
        ("seed notice", "seed", inputs.seed.len()),
        ("corpus, NFC", "corpus_nfc", bytes(&inputs.corpus)),
        ("corpus, NFD part", "corpus_nfd", bytes(&inputs.nfd)),
    ] {
        let a = mean_ns(&dir, group, "floor");
        let b = mean_ns(&dir, group, "parse");
        let c = mean_ns(&dir, group, "parse_json");
        println!(
            "| {name} | {n} | {} | {} | {} | {} | {} |",
            f(mbs(n, a), 1),
            f(mbs(n, b), 1),
            f(mbs(n, c), 1),
            f(ratio(b, a), 2),
            f(ratio(c, a), 2)
        );
    }
    let slice = DOCS / LINEARITY;
    let (b1, b10) = (bytes(&inputs.corpus[..slice]), bytes(&inputs.corpus));
    let (t1, t10) = (mean_ns(&dir, "linearity", "corpus_1x"), mean_ns(&dir, "corpus_nfc", "parse"));
    let (s1, s10) = (mean_ns(&dir, "seed", "parse"), mean_ns(&dir, "linearity", "seed_10x"));
    let s100 = mean_ns(&dir, "linearity", "seed_100x");
    println!("\n| linearity (parse) | bytes 1× | bytes 10× | byte ratio | time ratio | time ratio / byte ratio |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (name, x1, x10, t1, t10) in [
        (format!("corpus: first {slice} notices vs all {DOCS}"), b1, b10, t1, t10),
        ("one notice: seed vs seed body ×10".to_string(), inputs.seed.len(), inputs.seed_x10.len(), s1, s10),
        ("one notice: body ×10 vs body ×100".to_string(), inputs.seed_x10.len(), inputs.seed_x100.len(), s10, s100),
    ] {
        let br = x10 as f64 / x1 as f64;
        let tr = ratio(t10, t1);
        println!("| {name} | {x1} | {x10} | {br:.2} | {} | {} |", f(tr, 2), f(tr.map(|t| t / br), 3));
    }
}

/// With `THONGBAO_BENCH_DUMP=DIR`, writes the inputs to `DIR` (`seed.md`,
/// `seed_x10.md`, `seed_x100.md`, `corpus/NNNN.md`, `nfd/NNNN.md`) for a profiler or the
/// CLI, instead of measuring.
fn dump(inputs: &Inputs, dir: &Path) {
    for sub in ["corpus", "nfd"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    std::fs::write(dir.join("seed.md"), &inputs.seed).unwrap();
    std::fs::write(dir.join("seed_x10.md"), &inputs.seed_x10).unwrap();
    std::fs::write(dir.join("seed_x100.md"), &inputs.seed_x100).unwrap();
    for (sub, docs) in [("corpus", &inputs.corpus), ("nfd", &inputs.nfd)] {
        for (i, d) in docs.iter().enumerate() {
            // Markdown and plain text alike: the parser tells them apart.
            std::fs::write(dir.join(sub).join(format!("{i:04}.md")), d).unwrap();
        }
    }
    eprintln!("inputs written to {}", dir.display());
}

fn main() {
    let inputs = build_inputs();
    if let Some(dir) = std::env::var_os("THONGBAO_BENCH_DUMP") {
        dump(&inputs, Path::new(&dir));
        return;
    }
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .configure_from_args();
    let all = ["floor", "parse", "parse_json"];
    bench_docs(&mut c, "seed", std::slice::from_ref(&inputs.seed), false, &all);
    bench_docs(&mut c, "corpus_nfc", &inputs.corpus, true, &all);
    bench_docs(&mut c, "corpus_nfd", &inputs.nfd, true, &all);
    {
        let mut g = c.benchmark_group("linearity");
        g.sampling_mode(SamplingMode::Flat).sample_size(10);
        let slice = &inputs.corpus[..DOCS / LINEARITY];
        g.throughput(Throughput::Bytes(bytes(slice) as u64));
        g.bench_function("corpus_1x", |b| {
            b.iter(|| {
                for d in slice {
                    black_box(parse(black_box(d)));
                }
            });
        });
        g.throughput(Throughput::Bytes(inputs.seed_x10.len() as u64));
        g.bench_function("seed_10x", |b| b.iter(|| black_box(parse(black_box(&inputs.seed_x10)))));
        g.throughput(Throughput::Bytes(inputs.seed_x100.len() as u64));
        g.bench_function("seed_100x", |b| b.iter(|| black_box(parse(black_box(&inputs.seed_x100)))));
        g.finish();
    }
    c.final_summary();
    table(&inputs);
}
