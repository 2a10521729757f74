//! How long reading an article takes natively, with and without path
//! tracking (docs/cost.md has the browser's figures):
//! `cargo run --release -p article-format --example read_speed -- FILE`.
use article_format::{read_article, read_article_quickly};
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: read_speed FILE");
    let text = std::fs::read_to_string(path).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let runs = 200;
    for round in 0..3 {
        let start = Instant::now();
        for _ in 0..runs {
            read_article(&value).unwrap();
        }
        let tracked = start.elapsed().as_secs_f64() * 1000.0 / runs as f64;
        let start = Instant::now();
        for _ in 0..runs {
            read_article_quickly(&value).unwrap().unwrap();
        }
        let quick = start.elapsed().as_secs_f64() * 1000.0 / runs as f64;
        println!(
            "round {round}: tracked {tracked:.3} ms, quick {quick:.3} ms, ratio {:.2}",
            quick / tracked
        );
    }
}
