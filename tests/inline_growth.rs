//! Inline markup parsing is linear in the text: each adversarial shape at
//! 250 KB and at 1 MB. Linear work grows about 4 times, quadratic about 16
//! (`"[x]("` × 50,000 froze a page for 25 s before). Its own test binary, so
//! no other test runs beside it; small and large runs interleave and the
//! fastest of seven counts, so a busy machine does not fail it.
#![cfg(not(target_arch = "wasm32"))]

use article_widget::model::RichText;
use std::time::{Duration, Instant};

fn time(text: &str) -> Duration {
    let start = Instant::now();
    std::hint::black_box(RichText::parse(std::hint::black_box(text)));
    start.elapsed()
}

#[test]
fn parsing_time_grows_linearly_with_the_text() {
    for shape in [
        "[x](", "[", "*[", "**[", "](", "*", "**", "[a](b", "\\[", "x",
    ] {
        let small = shape.repeat(250_000 / shape.len());
        let large = shape.repeat(1_000_000 / shape.len());
        let (mut best_small, mut best_large) = (Duration::MAX, Duration::MAX);
        for _ in 0..7 {
            best_small = best_small.min(time(&small));
            best_large = best_large.min(time(&large));
        }
        let ratio = best_large.as_secs_f64() / best_small.as_secs_f64().max(1e-6);
        assert!(
            ratio < 8.0,
            "{shape:?} × n: 4 times the text took {ratio:.1} times as long"
        );
    }
}
