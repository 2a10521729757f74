//! Reader-revenue rules: the article meter, the donation prompt's dismissal
//! and impression cap, and the notification bell's remembered state. Time is
//! passed in (milliseconds since the epoch), so every rule is testable.
//!
//! Stored state is JSON the widget wrote earlier, but it may have been
//! edited, truncated or written by another version: anything unreadable
//! counts as empty.

use super::de::{flag, or_default};
use super::{Access, AccessModel};
use serde::{Deserialize, Serialize};

/// A day in milliseconds.
pub const DAY_MS: i64 = 86_400_000;

/// Most entries kept in a log, whatever the settings: with 16-character
/// article keys each log stays under 7 KB, and all the widget's storage
/// under 16 KB (see [`MAX_STORED_TOPICS`]).
const MAX_ENTRIES: usize = 150;

/// Most topics the bell remembers, and the longest topic id it keeps.
pub const MAX_STORED_TOPICS: usize = 20;
/// The longest topic id the bell keeps.
pub const MAX_TOPIC_ID_CHARS: usize = 64;

/// How an article is named in the reader's storage: a 16-digit hash of its
/// id, so a long id (up to 256 characters) costs no more than a short one.
pub fn article_key(article_id: &str) -> String {
    use std::hash::Hasher;
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(article_id.as_bytes());
    format!("{:016x}", hasher.finish())
}

/// An article id and when it was (first) read or shown.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct Seen {
    /// The article's short key (`article_key`).
    pub id: String,
    /// When, in milliseconds since the epoch.
    pub at: i64,
}

/// The metered articles read in the current window.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct ReadLog {
    /// The reads, oldest first.
    pub reads: Vec<Seen>,
}

/// How much of the article the reader gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccessDecision {
    /// The whole article. For a metered article, how many more free
    /// articles the reader can open in this window.
    Full {
        /// Metered: how many more free articles this reader may open.
        free_left: Option<u32>,
    },
    /// The first `teaser_blocks` blocks, then the wall.
    Teaser {
        /// How many body blocks show before the wall.
        teaser_blocks: usize,
    },
}

/// Decides access for a reader who is not a known subscriber, and records
/// the read in `log` when it counts against the meter.
///
/// Metered: each distinct article read within the last `periodDays` counts
/// once; re-reading one of them is free; a new one is free while fewer than
/// `freeArticles` have been read.
pub fn decide_access(
    access: Option<&Access>,
    article_id: &str,
    log: &mut ReadLog,
    now: i64,
) -> AccessDecision {
    let Some(access) = access else {
        return AccessDecision::Full { free_left: None };
    };
    let key = article_key(article_id);
    let teaser = AccessDecision::Teaser {
        teaser_blocks: access.teaser_blocks as usize,
    };
    match access.model {
        AccessModel::Free => AccessDecision::Full { free_left: None },
        AccessModel::Premium => teaser,
        AccessModel::Metered => {
            let window = i64::from(access.period_days) * DAY_MS;
            // Entries from the future (a clock set back, edited storage) are dropped too.
            log.reads.retain(|read| {
                read.at > now.saturating_sub(window) && read.at <= now.saturating_add(DAY_MS)
            });
            let quota = access.free_articles as usize;
            if !log.reads.iter().any(|read| read.id == key) {
                if log.reads.len() >= quota {
                    return teaser;
                }
                log.reads.push(Seen { id: key, at: now });
                cap(&mut log.reads);
            }
            let left = quota.saturating_sub(log.reads.len());
            AccessDecision::Full {
                free_left: Some(u32::try_from(left).unwrap_or(u32::MAX)),
            }
        }
    }
}

/// What a server sends a reader it knows only by `entitled`: a premium
/// article's teaser and wall unless the reader is entitled (the rest never
/// leaves the server); every other article whole, since the meter lives in
/// the reader's browser, which cuts a metered article there.
pub fn served_access(access: Option<&Access>, entitled: bool) -> AccessDecision {
    match access {
        Some(access) if access.model == AccessModel::Premium && !entitled => {
            AccessDecision::Teaser {
                teaser_blocks: access.teaser_blocks as usize,
            }
        }
        _ => AccessDecision::Full { free_left: None },
    }
}

/// Whether a server keeps the place of the meter note that only the
/// reader's browser can write (a metered article, a reader not known to be
/// entitled), so that the note moves nothing when the page goes live.
pub fn served_keeps_meter_note_place(access: Option<&Access>, entitled: bool) -> bool {
    access.is_some_and(|access| access.model == AccessModel::Metered) && !entitled
}

/// The donation prompt's memory: when "Not now" stops asking until, and when
/// the prompt was last shown for each article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PromptLog {
    #[serde(default)]
    /// "Not now" keeps the prompt away until then (milliseconds since the epoch).
    pub dismissed_until: Option<i64>,
    #[serde(default, deserialize_with = "or_default")]
    /// The articles the prompt was shown on, for its daily cap.
    pub shown: Vec<Seen>,
}

impl PromptLog {
    /// Whether to show the prompt on this article now: not while dismissed,
    /// and at most once a day per article.
    pub fn should_show(&self, article_id: &str, now: i64) -> bool {
        let key = article_key(article_id);
        if self.dismissed_until.is_some_and(|until| now < until) {
            return false;
        }
        !self
            .shown
            .iter()
            .any(|s| s.id == key && now.saturating_sub(s.at) < DAY_MS && s.at <= now)
    }

    /// Counts the prompt as shown on `article_id` at `now`.
    pub fn record_shown(&mut self, article_id: &str, now: i64) {
        let key = article_key(article_id);
        self.shown
            .retain(|s| s.id != key && now.saturating_sub(s.at) < DAY_MS && s.at <= now);
        self.shown.push(Seen { id: key, at: now });
        cap(&mut self.shown);
    }

    /// "Not now": no prompt for `period_days`.
    pub fn dismiss(&mut self, now: i64, period_days: u32) {
        self.dismissed_until = Some(now.saturating_add(i64::from(period_days) * DAY_MS));
    }
}

/// What the bell remembers: whether the reader turned notifications on, and
/// for which topics.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct BellMemory {
    #[serde(default, deserialize_with = "flag")]
    /// Whether the reader turned the bell on.
    pub subscribed: bool,
    #[serde(default, deserialize_with = "or_default")]
    /// The topics the reader follows.
    pub topics: Vec<String>,
}

impl BellMemory {
    /// What is stored: at most [`MAX_STORED_TOPICS`] topics, each id cut to
    /// [`MAX_TOPIC_ID_CHARS`] characters (topic ids come from the feed).
    pub fn within_limits(&self) -> BellMemory {
        BellMemory {
            subscribed: self.subscribed,
            topics: self
                .topics
                .iter()
                .take(MAX_STORED_TOPICS)
                .map(|id| id.chars().take(MAX_TOPIC_ID_CHARS).collect())
                .collect(),
        }
    }
}

/// The browser's notification permission.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    /// Not asked yet.
    Default,
    /// The reader allowed notifications.
    Granted,
    /// The reader refused notifications.
    Denied,
    /// No Notification API in this browser (or context).
    Unsupported,
}

impl Permission {
    /// From `Notification.permission` (`None`: the API is missing).
    pub fn from_js(name: Option<&str>) -> Self {
        match name {
            Some("granted") => Permission::Granted,
            Some("denied") => Permission::Denied,
            Some(_) => Permission::Default,
            None => Permission::Unsupported,
        }
    }

    /// As `Notification.permission` names it.
    pub fn as_str(self) -> &'static str {
        match self {
            Permission::Default => "default",
            Permission::Granted => "granted",
            Permission::Denied => "denied",
            Permission::Unsupported => "unsupported",
        }
    }
}

/// What the bell shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BellStatus {
    /// Off, and the reader may still be asked.
    NotAsked,
    /// On.
    Subscribed,
    /// The browser refuses notifications for this site.
    Denied,
    /// This browser cannot notify.
    Unsupported,
}

/// The bell's state from what it remembers and what the browser says: the
/// browser wins (a reader may block notifications in its settings at any time).
pub fn bell_status(memory: &BellMemory, permission: Permission) -> BellStatus {
    match permission {
        Permission::Unsupported => BellStatus::Unsupported,
        Permission::Denied => BellStatus::Denied,
        Permission::Granted if memory.subscribed => BellStatus::Subscribed,
        Permission::Granted | Permission::Default => BellStatus::NotAsked,
    }
}

/// State kept in storage as JSON: `{"reads":[{"id":"a","at":1}]}`,
/// `{"dismissedUntil":1,"shown":[…]}`, `{"subscribed":true,"topics":["x"]}`.
/// Read with serde (serde-wasm-bindgen in the browser); anything unreadable
/// is the default (empty) state.
#[cfg(not(target_arch = "wasm32"))]
pub fn from_stored<T: for<'de> Deserialize<'de> + Default>(stored: Option<&str>) -> T {
    stored
        .and_then(|text| serde_json::from_str(text).ok())
        .unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
/// State as JSON text to store.
pub fn to_stored<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("stored state always serialises")
}

fn cap(entries: &mut Vec<Seen>) {
    if entries.len() > MAX_ENTRIES {
        let excess = entries.len() - MAX_ENTRIES;
        entries.drain(..excess);
    }
}

// Natively: they read JSON text with serde_json.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    const NOW: i64 = 1_800_000_000_000;

    fn access(model: AccessModel) -> Access {
        Access {
            model,
            free_articles: 3,
            period_days: 30,
            teaser_blocks: 2,
            subscribe_url: None,
            donate_url: None,
            login_url: None,
            message: None,
        }
    }

    fn full(left: u32) -> AccessDecision {
        AccessDecision::Full {
            free_left: Some(left),
        }
    }

    const WALL: AccessDecision = AccessDecision::Teaser { teaser_blocks: 2 };

    #[test]
    fn a_server_keeps_the_meter_notes_place_only_where_the_browser_writes_a_note() {
        let metered = access(AccessModel::Metered);
        assert!(served_keeps_meter_note_place(Some(&metered), false));
        assert!(!served_keeps_meter_note_place(Some(&metered), true));
        for model in [AccessModel::Free, AccessModel::Premium] {
            assert!(!served_keeps_meter_note_place(Some(&access(model)), false));
        }
        assert!(!served_keeps_meter_note_place(None, false));
    }

    #[test]
    fn free_premium_and_absent() {
        let mut log = ReadLog::default();
        assert_eq!(
            decide_access(None, "a", &mut log, NOW),
            AccessDecision::Full { free_left: None }
        );
        assert_eq!(
            decide_access(Some(&access(AccessModel::Free)), "a", &mut log, NOW),
            AccessDecision::Full { free_left: None }
        );
        assert_eq!(
            decide_access(Some(&access(AccessModel::Premium)), "a", &mut log, NOW),
            WALL
        );
        assert!(log.reads.is_empty(), "only metered reads count");
    }

    #[test]
    fn quota_boundary_and_rereads() {
        let metered = access(AccessModel::Metered);
        let mut log = ReadLog::default();
        assert_eq!(decide_access(Some(&metered), "a", &mut log, NOW), full(2));
        assert_eq!(
            decide_access(Some(&metered), "b", &mut log, NOW + 1),
            full(1)
        );
        assert_eq!(
            decide_access(Some(&metered), "a", &mut log, NOW + 2),
            full(1),
            "re-reading is free"
        );
        assert_eq!(
            decide_access(Some(&metered), "c", &mut log, NOW + 3),
            full(0),
            "the third is the last free one"
        );
        assert_eq!(decide_access(Some(&metered), "d", &mut log, NOW + 4), WALL);
        assert_eq!(
            decide_access(Some(&metered), "b", &mut log, NOW + 5),
            full(0),
            "already read: still open"
        );
        assert_eq!(log.reads.len(), 3, "a walled read is not counted");
    }

    #[test]
    fn rolling_window_edges() {
        let metered = access(AccessModel::Metered);
        let mut log = ReadLog::default();
        for (i, id) in ["a", "b", "c"].iter().enumerate() {
            decide_access(Some(&metered), id, &mut log, NOW + i as i64 * DAY_MS);
        }
        let a_expires = NOW + 30 * DAY_MS;
        assert_eq!(
            decide_access(Some(&metered), "d", &mut log, a_expires - 1),
            WALL,
            "a still counts"
        );
        assert_eq!(
            decide_access(Some(&metered), "d", &mut log, a_expires),
            full(0),
            "a left the window"
        );
        assert_eq!(
            log.reads.iter().map(|r| r.id.clone()).collect::<Vec<_>>(),
            ["b", "c", "d"].map(article_key)
        );
    }

    #[test]
    fn zero_free_articles_walls_at_once() {
        let mut none_free = access(AccessModel::Metered);
        none_free.free_articles = 0;
        assert_eq!(
            decide_access(Some(&none_free), "a", &mut ReadLog::default(), NOW),
            WALL
        );
    }

    #[test]
    fn corrupt_or_foreign_storage_counts_as_empty() {
        for stored in [
            None,
            Some(""),
            Some("{"),
            Some("null"),
            Some("[1,2]"),
            Some(r#"{"reads":"x"}"#),
            Some(r#"{"reads":[{"id":5}]}"#),
        ] {
            assert_eq!(
                from_stored::<ReadLog>(stored),
                ReadLog::default(),
                "{stored:?}"
            );
        }
        let log = ReadLog {
            reads: vec![Seen {
                id: "a".into(),
                at: NOW,
            }],
        };
        assert_eq!(from_stored::<ReadLog>(Some(&to_stored(&log))), log);
        assert_eq!(
            from_stored::<PromptLog>(Some("{\"dismissedUntil\":true}")),
            PromptLog::default()
        );
    }

    #[test]
    fn reads_from_the_future_are_dropped() {
        let metered = access(AccessModel::Metered);
        let mut log = ReadLog {
            reads: ["x", "y", "z"]
                .iter()
                .map(|id| Seen {
                    id: id.to_string(),
                    at: NOW + 400 * DAY_MS,
                })
                .collect(),
        };
        assert_eq!(decide_access(Some(&metered), "a", &mut log, NOW), full(2));
    }

    #[test]
    fn prompt_dismissal_expires() {
        let mut prompt = PromptLog::default();
        assert!(prompt.should_show("a", NOW));
        prompt.dismiss(NOW, 30);
        assert!(!prompt.should_show("a", NOW + 29 * DAY_MS));
        assert!(!prompt.should_show("b", NOW + 30 * DAY_MS - 1));
        assert!(prompt.should_show("b", NOW + 30 * DAY_MS));
    }

    #[test]
    fn prompt_impression_cap_is_per_article_per_day() {
        let mut prompt = PromptLog::default();
        prompt.record_shown("a", NOW);
        assert!(!prompt.should_show("a", NOW + DAY_MS - 1));
        assert!(prompt.should_show("b", NOW + 1), "another article may ask");
        assert!(prompt.should_show("a", NOW + DAY_MS));
        prompt.record_shown("a", NOW + DAY_MS);
        prompt.record_shown("b", NOW + DAY_MS);
        assert_eq!(prompt.shown.len(), 2, "one entry per article");
    }

    #[test]
    fn bell_status_follows_the_browser() {
        let on = BellMemory {
            subscribed: true,
            topics: vec!["local".into()],
        };
        let off = BellMemory::default();
        assert_eq!(
            bell_status(&on, Permission::Granted),
            BellStatus::Subscribed
        );
        assert_eq!(bell_status(&off, Permission::Granted), BellStatus::NotAsked);
        assert_eq!(
            bell_status(&on, Permission::Default),
            BellStatus::NotAsked,
            "permission reset in the browser"
        );
        assert_eq!(bell_status(&on, Permission::Denied), BellStatus::Denied);
        assert_eq!(
            bell_status(&off, Permission::Unsupported),
            BellStatus::Unsupported
        );
        assert_eq!(Permission::from_js(Some("granted")), Permission::Granted);
        assert_eq!(Permission::from_js(Some("default")), Permission::Default);
        assert_eq!(Permission::from_js(None), Permission::Unsupported);
    }

    #[test]
    fn storage_stays_small_whatever_the_feed_says() {
        let long_id = "x".repeat(256);
        let (mut reads, mut prompts) = (ReadLog::default(), PromptLog::default());
        let metered = Access {
            model: AccessModel::Metered,
            free_articles: u32::MAX,
            period_days: 3650,
            teaser_blocks: 2,
            subscribe_url: None,
            donate_url: None,
            login_url: None,
            message: None,
        };
        for i in 0..1_000 {
            let id = format!("{long_id}{i}");
            decide_access(Some(&metered), &id, &mut reads, 1_000_000 + i);
            prompts.record_shown(&id, 1_000_000 + i);
        }
        prompts.dismiss(i64::MAX - 5, u32::MAX);
        let bell = BellMemory {
            subscribed: true,
            topics: vec!["t".repeat(10_000); 1_000],
        }
        .within_limits();
        let total: usize = [to_stored(&reads), to_stored(&prompts), to_stored(&bell)]
            .iter()
            .map(|text| text.len() + "article-widget:prompt".len())
            .sum();
        assert!(total < 16 * 1024, "{total} bytes stored");
        assert_eq!(reads.reads.len(), MAX_ENTRIES);
        assert_eq!(reads.reads[0].id.len(), 16, "a short key, not the id");
        assert_eq!(
            prompts.dismissed_until,
            Some(i64::MAX),
            "saturates, never wraps"
        );
    }

    #[test]
    fn stored_times_far_out_of_range_never_wrap() {
        let mut log: PromptLog = from_stored(Some(&format!(
            r#"{{"shown":[{{"id":"{}","at":{}}}]}}"#,
            article_key("a"),
            i64::MIN
        )));
        assert!(
            log.should_show("a", 1_000),
            "an impossible time hides nothing"
        );
        log.record_shown("a", 1_000);
        assert_eq!(log.shown.len(), 1);
    }
}
