//! The reader's remembered state (meter, prompt, bell) in storage, with the
//! rules from `model::reader_rules` applied to it.

use super::{now_ms, storage};
use crate::model::reader_rules::{decide_access, AccessDecision, BellMemory, PromptLog, ReadLog};
use crate::model::Access;

const METER_KEY: &str = "meter";
const PROMPT_KEY: &str = "prompt";
const BELL_KEY: &str = "bell";

/// Decides how much of the article this reader gets; counts the read on the
/// meter unless the reader is `entitled` (a known subscriber).
pub fn reader_access(access: Option<&Access>, article_id: &str, entitled: bool) -> AccessDecision {
    let mut log: ReadLog = storage::load(METER_KEY);
    let before = log.clone();
    let decision = decide_access(access, article_id, &mut log, now_ms());
    if !entitled && log != before {
        storage::save(METER_KEY, &log);
    }
    decision
}

/// Whether to show the donation prompt on this article now; if so, counts
/// the impression.
pub fn take_prompt_impression(article_id: &str) -> bool {
    let mut log: PromptLog = storage::load(PROMPT_KEY);
    let now = now_ms();
    let show = log.should_show(article_id, now);
    if show {
        log.record_shown(article_id, now);
        storage::save(PROMPT_KEY, &log);
    }
    show
}

/// "Not now" on the donation prompt: quiet for `period_days`.
pub fn dismiss_prompt(period_days: u32) {
    let mut log: PromptLog = storage::load(PROMPT_KEY);
    log.dismiss(now_ms(), period_days);
    storage::save(PROMPT_KEY, &log);
}

pub fn load_bell() -> BellMemory {
    storage::load(BELL_KEY)
}

pub fn save_bell(memory: &BellMemory) {
    storage::save(BELL_KEY, &memory.within_limits());
}
