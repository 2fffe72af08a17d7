//! Replays corpus files through a target's checks without libFuzzer and reports the slow ones.
//!
//! `cargo run --bin replay -- TARGET [--slow-ms N] PATH…` (PATH: files or directories).
//! Build it in the debug profile to find inputs that are slow in a debug build.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        entries.sort();
        for e in entries {
            files(&e, out);
        }
    } else {
        out.push(path.to_path_buf());
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let target = args
        .next()
        .expect("usage: replay TARGET [--slow-ms N] PATH…");
    let run: fn(&[u8]) = match target.as_str() {
        "console_parser" => sltbot_fuzz::console_parser,
        "cadence" => sltbot_fuzz::cadence,
        "privacy" => sltbot_fuzz::privacy,
        other => panic!("unknown target {other}"),
    };
    let mut slow = Duration::from_millis(100);
    let mut paths = Vec::new();
    while let Some(a) = args.next() {
        if a == "--slow-ms" {
            let ms: u64 = args
                .next()
                .and_then(|v| v.parse().ok())
                .expect("--slow-ms N");
            slow = Duration::from_millis(ms);
        } else {
            files(Path::new(&a), &mut paths);
        }
    }
    let mut timings = Vec::new();
    let total = Instant::now();
    for p in &paths {
        let data = std::fs::read(p).expect("readable");
        let t = Instant::now();
        run(&data);
        timings.push((t.elapsed(), p));
    }
    timings.sort();
    let over: Vec<_> = timings.iter().filter(|(d, _)| *d >= slow).collect();
    println!(
        "{target}: {} inputs in {:.2?}; slowest {:?}; {} at or over {slow:?}",
        timings.len(),
        total.elapsed(),
        timings.last().map(|(d, _)| *d),
        over.len()
    );
    for (d, p) in timings.iter().rev().take(10) {
        println!("  {d:>12.2?}  {}", p.display());
    }
}
