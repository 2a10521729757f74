//! The Leptos views, one component per file; article text is written as
//! markup steps (`article_text`, `markup`).

mod article_body;
mod article_from_json;
mod article_header;
mod article_page;
mod article_text;
mod article_widget;
mod bell_prompt;
mod donation_prompt;
mod error_panel;
mod figure_image;
mod latest_news;
mod loading_skeleton;
mod meter_note;
mod notification_bell;
mod paywall;
mod related_articles;
mod share_button;
mod share_links;
mod share_menu;
mod static_markup;
mod widget_state;

pub use article_body::ArticleBody;
pub use article_from_json::ArticleFromJson;
pub use article_header::ArticleHeader;
pub use article_page::ArticlePage;
pub use article_widget::ArticleWidget;
pub use bell_prompt::{BellPrompt, BellPromptProps};
pub use donation_prompt::DonationPrompt;
pub use error_panel::ErrorPanel;
pub use figure_image::FigureImage;
pub use latest_news::LatestNews;
pub use loading_skeleton::LoadingSkeleton;
pub use meter_note::MeterNote;
pub use notification_bell::NotificationBell;
pub use paywall::Paywall;
pub use related_articles::RelatedArticles;
pub use share_button::ShareButton;
pub use share_links::ShareLinks;
pub use share_menu::{ShareMenu, ShareMenuProps};
pub use static_markup::{Markup, StaticMarkup};
pub use widget_state::WidgetInputs;

/// A part most readers never open, with what it is drawn from.
pub enum Part {
    ShareMenu(ShareMenuProps),
    BellPrompt(BellPromptProps),
}

split_part! {
    interactive_part,
    __preload_interactive_part,
    /// The parts drawn only on a reader's request (the share menu, the bell's
    /// prompt): in a split build one wasm module, loaded when the pointer, a
    /// touch or the focus comes to their button (`preload_interactive_part`), or
    /// on the click. Not when idle: every reader would then load it. One module
    /// rather than one each: wasm-opt
    /// folds the code they have in common only inside a module (measured in
    /// docs/cost.md). The donation prompt is not one: most readers of a free
    /// article see it, so loading it apart would cost them more.
    fn interactive_part(part: Part) -> Result<leptos::prelude::AnyView, crate::PartMissing> {
        use leptos::prelude::IntoAny;
        Ok(match part {
            Part::ShareMenu(menu) => leptos::component::component_view(ShareMenu, menu).into_any(),
            Part::BellPrompt(prompt) => {
                leptos::component::component_view(BellPrompt, prompt).into_any()
            }
        })
    }
}

/// `part` drawn, once its module is here. If it cannot be loaded: nothing,
/// `close` closes what opened it (its button stays, and works once the
/// module can be had) and the console says why.
pub async fn draw_interactive_part(
    part: Part,
    close: impl FnOnce() + Send + 'static,
) -> leptos::prelude::AnyView {
    use leptos::prelude::IntoAny;
    match load_part!(interactive_part(part)) {
        Ok(view) => view,
        Err(missing) => {
            crate::browser::warn(&format!("article-widget: {missing}"));
            close();
            ().into_any()
        }
    }
}

/// Starts loading the interactive part (in a split build), so that a click
/// after a hover, a touch or a focus finds it there; nothing otherwise (a
/// module that cannot be loaded is said on the click).
pub fn preload_interactive_part() {
    #[cfg(feature = "split")]
    leptos::task::spawn_local(async {
        let _ = __preload_interactive_part().await;
    });
}

use crate::i18n::{Text, UiStrings};
use crate::model::Lang;
use leptos::prelude::{provide_context, use_context, GetValue, SetValue, StoredValue, WithValue};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The UI strings of the widget being shown (a cheap, copyable handle).
#[derive(Clone, Copy, Debug)]
pub struct Strings(StoredValue<UiStrings>);

impl Strings {
    pub fn get(self, text: Text) -> String {
        self.0.with_value(|strings| strings.get(text))
    }

    pub fn fill(self, text: Text, values: &[(&str, &str)]) -> String {
        self.0.with_value(|strings| strings.fill(text, values))
    }

    pub fn lang(self) -> Lang {
        self.0.with_value(|strings| strings.lang)
    }

    pub fn ui_strings(self) -> UiStrings {
        self.0.get_value()
    }
}

/// A share link's visible label and accessible name; the label is part of
/// the name (WCAG 2.5.3). For the share menu and the share links alike.
pub fn share_labels(strings: Strings, network: crate::model::ShareNetwork) -> (String, String) {
    match network {
        crate::model::ShareNetwork::Email => {
            (strings.get(Text::Email), strings.get(Text::ShareByEmail))
        }
        _ => (
            network.label().to_owned(),
            strings.fill(Text::ShareOn, &[("name", network.label())]),
        ),
    }
}

/// Makes these strings the ones the components below use.
pub fn provide_strings(strings: UiStrings) {
    provide_context(Strings(StoredValue::new(strings)));
}

/// The UI strings provided by [`ArticlePage`] (or the widget around it);
/// English when none are.
pub fn use_strings() -> Strings {
    use_context::<Strings>().unwrap_or_else(|| Strings(StoredValue::new(UiStrings::default())))
}

/// How a page is being drawn: the same components draw it in each case.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Rendering {
    /// In the browser, from nothing: every part live at once.
    #[default]
    Client,
    /// As HTML text on a server: what works without script (share links
    /// in a disclosure, no bell, no donation prompt, nothing from the
    /// reader's storage).
    Server,
    /// In the browser, adopting a server's HTML: first exactly as the
    /// server drew it, then the parts that need script go live.
    Hydrating,
}

/// Ids for one article page: the same on a server and in the browser that
/// hydrates its HTML (a page-wide counter would differ), and apart from
/// another article's ids in one document.
#[derive(Clone, Copy, Debug)]
pub struct IdScope {
    article: StoredValue<String>,
    next: StoredValue<usize>,
}

/// Makes ids under this component come from a scope of `article_id`'s own.
pub fn provide_id_scope(article_id: &str) {
    use std::hash::Hasher;
    let mut hash = fnv::FnvHasher::default();
    hash.write(article_id.as_bytes());
    provide_context(IdScope {
        article: StoredValue::new(format!("{:08x}", hash.finish() as u32)),
        next: StoredValue::new(0),
    });
}

/// An id unique on the page, for `aria-controls` and `aria-labelledby`
/// (several widgets may share one document): within an article page, from
/// its [`IdScope`].
pub fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    match use_context::<IdScope>() {
        Some(scope) => {
            let n = scope.next.get_value();
            scope.next.set_value(n + 1);
            format!("{prefix}-{}-{n}", scope.article.get_value())
        }
        None => format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed)),
    }
}
