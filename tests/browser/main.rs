//! Browser tests: the article page, bad input and the preview app, mounted
//! in a real headless browser by wasm-bindgen-test.
#![cfg(target_arch = "wasm32")]

mod app;
mod article_page;
mod bad_input;
mod bell;
mod reader_revenue;
mod share;
mod support;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
