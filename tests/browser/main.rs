//! Browser tests: the article page, its interactions, bad input and the
//! `<article-widget>` element, mounted
//! in a real headless browser by wasm-bindgen-test.
#![cfg(target_arch = "wasm32")]

mod article_page;
mod bad_input;
mod bell;
mod element;
mod faults;
mod hostile;
mod hydration;
mod languages;
mod long_body;
mod reader_revenue;
mod share;
mod static_markup;
mod support;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
