//! `cargo bench --bench privacy`: the personal-data guard's cost and false alarms.
//!
//! 1. The cost of `check_text` on 4,000-character texts (prose with dates, phone numbers and
//!    amounts; a digit-heavy table; prose with non-ASCII letters and a number hidden by a
//!    zero-width space), median of many runs, for the guard before issue 14
//!    (`baseline.rs`) and now, and their ratio.
//! 2. False alarms: the share of random 11-digit numbers that are refused (before and now,
//!    so the cost of also refusing the 2032 check-digit rule shows), and of look-alike
//!    numbers — phone numbers, organisation numbers, amounts, dates and times, case numbers,
//!    bank account numbers — that are refused now.
//!
//! `cargo bench --profile dev --bench privacy` runs it without a release build of the
//! dependencies (timings then are a debug build's; the false alarms are the same).
//! `PRIVACY_BENCH_RUNS` sets the timing runs per text (default 200); `PRIVACY_BENCH_SAMPLES`
//! the random numbers per false-alarm row (default 200,000). Deterministic: a fixed-seed
//! generator, no clock-dependent input.

mod baseline;

use sltbot::domain::privacy;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// xorshift64*: small, deterministic, good enough for picking digits.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// A bank account number with a valid MOD11 check digit.
    fn account(&mut self) -> String {
        loop {
            let body = self.digits(10);
            let sum: u32 = body
                .bytes()
                .zip([5, 4, 3, 2, 7, 6, 5, 4, 3, 2])
                .map(|(b, w)| u32::from(b - b'0') * w)
                .sum();
            match 11 - sum % 11 {
                10 => continue,
                11 => return format!("{body}0"),
                k => return format!("{body}{k}"),
            }
        }
    }

    fn digits(&mut self, len: usize) -> String {
        (0..len)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Repeats sentences until the text holds `len` characters.
fn text_of(sentences: &[&str], len: usize) -> String {
    let mut out = String::new();
    let mut i = 0;
    while out.chars().count() < len {
        out.push_str(sentences[i % sentences.len()]);
        out.push(' ');
        i += 1;
    }
    out.chars().take(len).collect()
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time(runs: usize, f: impl Fn()) -> Duration {
    for _ in 0..runs.min(10) {
        f();
    }
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect(),
    )
}

fn timing(runs: usize) {
    let prose = text_of(
        &[
            "Koordineringsgruppa møtes 12.03.2027 kl. 09.00 på rådhuset, rom 214.",
            "Politiet orienterer om uro ved ungdomsklubben; ring 41 44 89 60 ved spørsmål.",
            "Tilskudd på 1 250 000 kr er innvilget, sak 2024/10046, org.nr. 974 760 673.",
            "Eleven Ola Nordmann har vært borte i tre uker.",
            "Tiltaket evalueres etter 6 måneder av SLT-koordinator og barnevernet.",
        ],
        4000,
    );
    let digits = text_of(
        &[
            "01.01.2025 - 31.12.2025: 12 500 000 kr, 41448960, 2024/10046-12,",
            "1503.03.04516 / 974760673 / 12345678903 / 09.00-10.30 / 55 55 55 55;",
        ],
        4000,
    );
    let unicode = text_of(
        &[
            "Ungdom på Stord og i Fitjar: «trygge voksne» gir tryggere barn – også i 2027.",
            "Møte i uke 8, 20, 36 og 46; ansvarlig er helsesykepleier på skulen.",
            "Ein elev på 9. trinn har fått tilbod frå utekontakten.",
            "Referanse 010100\u{200B}12356 skal ikkje stå her.",
        ],
        4000,
    );
    println!("check_text on 4,000 characters, median of {runs} runs:");
    println!(
        "  {:<44} {:>10} {:>10} {:>7}",
        "text", "before", "now", "ratio"
    );
    for (name, text) in [
        ("prose with dates, phones, amounts", &prose),
        ("digit-heavy table", &digits),
        ("non-ASCII prose, zero-width space", &unicode),
    ] {
        let before = time(runs, || {
            black_box(baseline::check_text(black_box(text)));
        });
        let now = time(runs, || {
            black_box(privacy::check_text(black_box(text)));
        });
        println!(
            "  {name:<44} {:>8.1}µs {:>8.1}µs {:>6.2}x",
            before.as_secs_f64() * 1e6,
            now.as_secs_f64() * 1e6,
            now.as_secs_f64() / before.as_secs_f64()
        );
        let before = time(runs, || {
            black_box(baseline::contains_national_id(black_box(text)));
        });
        let now = time(runs, || {
            black_box(privacy::contains_national_id(black_box(text)));
        });
        println!(
            "  {:<44} {:>8.1}µs {:>8.1}µs {:>6.2}x",
            "  of which the identity-number check",
            before.as_secs_f64() * 1e6,
            now.as_secs_f64() * 1e6,
            now.as_secs_f64() / before.as_secs_f64()
        );
    }
}

fn rate(hits: usize, total: usize) -> String {
    format!(
        "{hits:>7} of {total} = {:.3} %",
        100.0 * hits as f64 / total as f64
    )
}

fn false_alarms(samples: usize) {
    let mut rng = Rng(0x0005_EED0_F517_1B07);
    println!("False alarms ({samples} random samples a row):");
    let (mut before, mut now) = (0, 0);
    for _ in 0..samples {
        let n = rng.digits(11);
        before += usize::from(baseline::contains_national_id(&n).is_some());
        now += usize::from(privacy::contains_national_id(&n).is_some());
    }
    println!(
        "  random 11-digit numbers, before:      {}",
        rate(before, samples)
    );
    println!(
        "  random 11-digit numbers, now:         {}",
        rate(now, samples)
    );

    type Make = fn(&mut Rng) -> String;
    let rows: [(&str, Make); 10] = [
        ("6 random groups of 1-5 digits, any sep", |r| {
            let seps = [" ", ".", "/", "-", "  ", " - ", "\n"];
            let mut out = String::new();
            for i in 0..6 {
                if i > 0 {
                    out.push_str(seps[r.below(seps.len() as u64) as usize]);
                }
                let len = 1 + r.below(5) as usize;
                out.push_str(&r.digits(len));
            }
            out
        }),
        ("phone numbers 41 44 89 60", |r| {
            let n = format!("{}{}", 2 + r.below(8), r.digits(7));
            format!("tlf. {} {} {} {}", &n[..2], &n[2..4], &n[4..6], &n[6..])
        }),
        ("two phone numbers, one chunk", |r| {
            format!("tlf. {} / {} {}", r.digits(8), r.digits(3), r.digits(5))
        }),
        ("organisation numbers", |r| {
            let o = format!("{}{}", 8 + r.below(2), r.digits(8));
            format!("org.nr. {} {} {} og {o}", &o[..3], &o[3..6], &o[6..])
        }),
        ("amounts 1 250 000 kr", |r| {
            format!(
                "{} {} {} {} kr",
                1 + r.below(99),
                r.digits(3),
                r.digits(3),
                r.digits(3)
            )
        }),
        ("dates and times", |r| {
            format!(
                "{:02}.{:02}.{} {:02}.{:02}-{:02}.00",
                1 + r.below(31),
                1 + r.below(12),
                1990 + r.below(50),
                r.below(24),
                r.below(60),
                r.below(24)
            )
        }),
        ("case numbers 2010/12345-67", |r| {
            format!("sak {}/{}-{}", 2000 + r.below(40), r.digits(5), r.digits(2))
        }),
        ("accounts grouped 4.2.5", |r| {
            let a = r.account();
            format!("{}.{}.{}", &a[..4], &a[4..6], &a[6..])
        }),
        ("accounts after `kontonr.`", |r| {
            format!("kontonr. {}", r.account())
        }),
        ("accounts, plain 11 digits (no context)", |r| r.account()),
    ];
    for (name, make) in rows {
        let mut hits = 0;
        for _ in 0..samples {
            hits += usize::from(privacy::contains_national_id(&make(&mut rng)).is_some());
        }
        println!("  {name:<38} {}", rate(hits, samples));
    }
}

fn main() {
    let runs = env_usize("PRIVACY_BENCH_RUNS", 200);
    let samples = env_usize("PRIVACY_BENCH_SAMPLES", 200_000);
    timing(runs);
    false_alarms(samples);
}
