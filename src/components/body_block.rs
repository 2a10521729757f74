use super::{FigureImage, ReadAlsoLink, RichTextView};
use crate::model::{Block, Heading, List, Paragraph, Quote};
use leptos::prelude::*;

/// One block of the article body.
#[component]
pub fn BodyBlock(
    /// The block to show.
    block: Block,
) -> impl IntoView {
    match block {
        Block::Paragraph(Paragraph { text }) => view! { <p><RichTextView text/></p> }.into_any(),
        Block::Heading(Heading { text, level }) => match level {
            3 => view! { <h3><RichTextView text/></h3> }.into_any(),
            4 => view! { <h4><RichTextView text/></h4> }.into_any(),
            _ => view! { <h2><RichTextView text/></h2> }.into_any(),
        },
        Block::Image(image) => view! { <FigureImage image/> }.into_any(),
        Block::Quote(Quote { text, cite }) => view! {
            <figure class="aw-quote">
                <blockquote><p><RichTextView text/></p></blockquote>
                {cite.map(|cite| view! { <figcaption>{cite}</figcaption> })}
            </figure>
        }
        .into_any(),
        Block::List(List { items, ordered }) => {
            let items = items
                .into_iter()
                .map(|item| view! { <li><RichTextView text=item/></li> })
                .collect_view();
            if ordered {
                view! { <ol>{items}</ol> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }
        }
        Block::ReadAlso(read_also) => view! { <ReadAlsoLink read_also/> }.into_any(),
    }
}
