//! Hostile inputs at 1× and 10× size (issue 5): the parse time must grow
//! about linearly, at most ~10× for 10× the input.
//!
//! The inputs are those of `tests/hostile.rs` (which checks that they finish
//! and keep the invariants); here each is built at a base size and at ten
//! times that size, and criterion measures `thongbao::parse_with` on both.
//! The base sizes are a tenth of the test's for the two slowest inputs (a
//! 1 MiB line instead of 10 MiB, 10,000 headings instead of 100,000), so
//! that a whole run takes a few minutes on two cores.
//!
//! ```sh
//! cargo bench --bench hostile
//! ```
//!
//! After criterion's output the bench prints a table: bytes, mean time at
//! 1× and 10×, and the time ratio, read from this run's estimates.

use criterion::{Criterion, SamplingMode, Throughput};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;
use thongbao::ParseOptions;

/// A hostile input: its name and how to build it at a scale (1 or 10).
struct Input {
    name: &'static str,
    build: fn(usize) -> String,
}

const INPUTS: &[Input] = &[
    Input { name: "list_markers_1mib", build: |k| format!("{}x\n", "- ".repeat(50)).repeat(k * (1 << 20) / 102) },
    Input { name: "single_line_1mib", build: |k| "Giao Phòng Nội vụ ".repeat(k * (1 << 20) / 21) },
    Input { name: "headings_10k", build: |k| (0..k * 10_000).map(|i| format!("{i}. Nhiệm vụ {i}:\n")).collect() },
    Input { name: "pipes_100k", build: |k| "|".repeat(k * 100_000) },
    Input { name: "giao_50k", build: |k| "Giao ".repeat(k * 50_000) },
    Input {
        name: "repeated_labels_1k",
        build: |k| {
            let body = "I. Nhiệm vụ\n\n1. Giao Phòng Nội vụ rà soát.\n\n".repeat(k * 1000);
            format!("THÔNG BÁO\n\nKết luận của đồng chí Lê Văn An\n\n{body}")
        },
    },
    Input {
        name: "task_bodies_2k",
        build: |k| {
            format!("THÔNG BÁO\n\nKết luận của đồng chí Lê Văn An\n\n1. {}\n", "Giao Phòng Tài chính ".repeat(k * 2000))
        },
    },
    Input { name: "parentheses_200k", build: |k| format!("{}{}", "(".repeat(k * 200_000), ")".repeat(k * 200_000)) },
    Input {
        name: "dotted_label_20k",
        build: |k| format!("{}. Giao Phòng Nội vụ rà soát.\n", vec!["1"; k * 20_000].join(".")),
    },
    Input {
        name: "control_chars_1k",
        build: |k| "THÔNG BÁO\u{0}\u{1}\u{2}\u{7f}\u{1b}[0m\r\u{b}\u{c}\n".repeat(k * 1000),
    },
];

fn parse(text: &str) -> Option<thongbao::Notice> {
    let opts = ParseOptions { max_input_len: usize::MAX, ..ParseOptions::default() };
    // The limit is off, so parse_with cannot fail.
    thongbao::parse_with(text, &opts).ok()
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

fn main() {
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    let mut sizes = Vec::new();
    for input in INPUTS {
        let (x1, x10) = ((input.build)(1), (input.build)(10));
        let mut g = c.benchmark_group(format!("hostile_{}", input.name));
        g.sampling_mode(SamplingMode::Flat).sample_size(10);
        for (label, text) in [("1x", &x1), ("10x", &x10)] {
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_function(label, |b| b.iter(|| black_box(parse(black_box(text)))));
        }
        g.finish();
        sizes.push((input.name, x1.len(), x10.len()));
    }
    c.final_summary();
    let dir = criterion_dir();
    println!("\n| hostile input | bytes 1× | bytes 10× | time 1× (ms) | time 10× (ms) | time ratio |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (name, b1, b10) in sizes {
        let group = format!("hostile_{name}");
        let (t1, t10) = (mean_ns(&dir, &group, "1x"), mean_ns(&dir, &group, "10x"));
        let ms = |t: Option<f64>| t.map_or_else(|| "—".to_string(), |t| format!("{:.2}", t / 1e6));
        let ratio = t1.zip(t10).map_or_else(|| "—".to_string(), |(a, b)| format!("{:.2}", b / a));
        println!("| {name} | {b1} | {b10} | {} | {} | {ratio} |", ms(t1), ms(t10));
    }
}
