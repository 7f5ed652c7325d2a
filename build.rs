//! Build script: links the examples (`notice2json`) with packed relative
//! relocations (`-z pack-relative-relocs`, the ELF `DT_RELR` table) where
//! the build machine's C library can load them (glibc 2.36 or later).
//!
//! A position-independent executable otherwise carries about 14,000
//! relocation records of 24 bytes each (mostly pointers in the Unicode and
//! HTML-entity tables of its dependencies), which the loader reads at every
//! start: about 330 KiB of the program's resident memory, a share of what
//! `notice2json` is allowed for one notice and for a directory
//! (`docs/bench.md`). The library itself is not affected: the flag is for
//! this package's examples only.

use std::process::Command;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    let native = var("HOST") == var("TARGET");
    if var("CARGO_CFG_TARGET_OS") == "linux" && var("CARGO_CFG_TARGET_ENV") == "gnu" && native && glibc_at_least(2, 36)
    {
        println!("cargo::rustc-link-arg-examples=-Wl,-z,pack-relative-relocs");
    }
}

/// Whether the build machine's glibc is `major.minor` or later, as the
/// first line of `ldd --version` ends ("ldd (Debian GLIBC 2.36-9) 2.36");
/// `false` when it cannot tell.
fn glibc_at_least(major: u32, minor: u32) -> bool {
    let Ok(out) = Command::new("ldd").arg("--version").output() else {
        return false;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let version = text.lines().next().and_then(|l| l.split_whitespace().last()).unwrap_or_default();
    let mut parts = version.split('.').map(str::parse::<u32>);
    match (parts.next(), parts.next()) {
        (Some(Ok(a)), Some(Ok(b))) => (a, b) >= (major, minor),
        _ => false,
    }
}
