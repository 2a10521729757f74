//! The Leptos views, one component per file.

mod ai_badge;
mod app;
mod article_from_json;
mod article_header;
mod article_page;
mod body_block;
mod byline;
mod dateline;
mod error_panel;
mod figure_image;
mod latest_news;
mod loading_skeleton;
mod premium_badge;
mod publisher_block;
mod read_also;
mod related_articles;
mod related_card;
mod rich_text;

pub use ai_badge::AiBadge;
pub use app::App;
pub use article_from_json::ArticleFromJson;
pub use article_header::ArticleHeader;
pub use article_page::ArticlePage;
pub use body_block::BodyBlock;
pub use byline::Byline;
pub use dateline::Dateline;
pub use error_panel::ErrorPanel;
pub use figure_image::FigureImage;
pub use latest_news::LatestNews;
pub use loading_skeleton::LoadingSkeleton;
pub use premium_badge::PremiumBadge;
pub use publisher_block::PublisherBlock;
pub use read_also::ReadAlsoLink;
pub use related_articles::RelatedArticles;
pub use related_card::RelatedCard;
pub use rich_text::RichTextView;

use crate::model::Lang;
use leptos::prelude::use_context;

/// The language of the article being shown, provided by [`ArticlePage`].
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}
