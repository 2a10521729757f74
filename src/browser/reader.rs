//! The reader's remembered state (meter, prompt, bell) in storage, with the
//! rules from `model::metering` applied to it.

use super::{now_ms, storage};
use crate::model::metering::{
    decide_access, from_stored, to_stored, AccessDecision, BellMemory, PromptLog, ReadLog,
};
use crate::model::Access;

const METER_KEY: &str = "meter";
const PROMPT_KEY: &str = "prompt";
const BELL_KEY: &str = "bell";

/// Decides how much of the article this reader gets; counts the read on the
/// meter unless the reader is `entitled` (a known subscriber).
pub fn reader_access(access: Option<&Access>, article_id: &str, entitled: bool) -> AccessDecision {
    let mut log: ReadLog = from_stored(storage::load(METER_KEY).as_deref());
    let before = log.clone();
    let decision = decide_access(access, article_id, &mut log, now_ms());
    if !entitled && log != before {
        storage::save(METER_KEY, &to_stored(&log));
    }
    decision
}

/// Whether to show the donation prompt on this article now; if so, counts
/// the impression.
pub fn take_prompt_impression(article_id: &str) -> bool {
    let mut log: PromptLog = from_stored(storage::load(PROMPT_KEY).as_deref());
    let now = now_ms();
    let show = log.should_show(article_id, now);
    if show {
        log.record_shown(article_id, now);
        storage::save(PROMPT_KEY, &to_stored(&log));
    }
    show
}

/// "Not now" on the donation prompt: quiet for `period_days`.
pub fn dismiss_prompt(period_days: u32) {
    let mut log: PromptLog = from_stored(storage::load(PROMPT_KEY).as_deref());
    log.dismiss(now_ms(), period_days);
    storage::save(PROMPT_KEY, &to_stored(&log));
}

pub fn load_bell() -> BellMemory {
    from_stored(storage::load(BELL_KEY).as_deref())
}

pub fn save_bell(memory: &BellMemory) {
    storage::save(BELL_KEY, &to_stored(memory));
}
