//! The Leptos views, one component per file.

mod ai_badge;
mod app;
mod article_from_json;
mod article_header;
mod article_page;
mod bell_prompt;
mod body_block;
mod byline;
mod dateline;
mod donation_prompt;
mod error_panel;
mod figure_image;
mod latest_news;
mod loading_skeleton;
mod meter_note;
mod notification_bell;
mod paywall;
mod premium_badge;
mod publisher_block;
mod read_also;
mod related_articles;
mod related_card;
mod rich_text;
mod share_button;
mod share_menu;

pub use ai_badge::AiBadge;
pub use app::App;
pub use article_from_json::ArticleFromJson;
pub use article_header::ArticleHeader;
pub use article_page::ArticlePage;
pub use bell_prompt::BellPrompt;
pub use body_block::BodyBlock;
pub use byline::Byline;
pub use dateline::Dateline;
pub use donation_prompt::DonationPrompt;
pub use error_panel::ErrorPanel;
pub use figure_image::FigureImage;
pub use latest_news::LatestNews;
pub use loading_skeleton::LoadingSkeleton;
pub use meter_note::MeterNote;
pub use notification_bell::NotificationBell;
pub use paywall::Paywall;
pub use premium_badge::PremiumBadge;
pub use publisher_block::PublisherBlock;
pub use read_also::ReadAlsoLink;
pub use related_articles::RelatedArticles;
pub use related_card::RelatedCard;
pub use rich_text::RichTextView;
pub use share_button::ShareButton;
pub use share_menu::ShareMenu;

use crate::model::Lang;
use leptos::prelude::use_context;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The language of the article being shown, provided by [`ArticlePage`].
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// An id unique on the page, for `aria-controls` and `aria-labelledby`
/// (several widgets may share one document).
pub fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}
