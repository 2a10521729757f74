//! A Leptos application that uses article-widget's page component in its
//! own view: its own header, its own "I subscribe" switch (a signal the
//! component follows: the wall opens at once), and the article below.
//! `make leptos-app` builds it with trunk and checks it in Chromium
//! (`e2e/leptos-app.mjs`).

use article_widget::components::ArticleFromJson;
use leptos::prelude::*;

/// A premium article written for this example: one paragraph before the
/// wall, one after it.
const ARTICLE: &str = r#"{
  "id": "leptos-app-1",
  "title": "The ferry timetable app gets a night mode",
  "lang": "en",
  "published": "2026-11-30T09:00:00Z",
  "authors": [{ "name": "Sam Okafor" }],
  "body": [
    { "type": "paragraph", "text": "Readers asked for it all autumn, and now the timetable app can be read in the dark." },
    { "type": "paragraph", "text": "Subscribers can also set it to follow the time of sunset on the islands." }
  ],
  "access": { "model": "premium", "teaserBlocks": 1, "subscribeUrl": "https://harbour-herald.example/subscribe" }
}"#;

/// The app: a bar with the site's name and a switch for the reader's
/// subscription, then the article drawn by [`ArticleFromJson`].
#[component]
fn App() -> impl IntoView {
    let entitled = RwSignal::new(false);
    view! {
        <header class="app-bar">
            <p>"The Harbour Herald app"</p>
            <label>
                <input
                    type="checkbox"
                    on:change=move |event| entitled.set(event_target_checked(&event))
                />
                " I subscribe"
            </label>
        </header>
        <main class="aw-standalone">
            <ArticleFromJson json=ARTICLE.to_owned() entitled/>
        </main>
    }
}

fn main() {
    leptos::mount::mount_to_body(App);
}
