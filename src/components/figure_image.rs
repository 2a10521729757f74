use super::RichTextView;
use crate::model::Image;
use leptos::prelude::*;

/// A picture with its caption and credit. The image keeps its space while it
/// loads (its width and height, or a 3:2 box), so nothing shifts.
#[component]
pub fn FigureImage(
    /// The picture.
    image: Image,
    /// The article's main picture: loaded at once and shown wide. Body
    /// pictures load lazily.
    #[prop(optional)]
    hero: bool,
) -> impl IntoView {
    let Image {
        src,
        alt,
        caption,
        credit,
        width,
        height,
    } = image;
    let sized = width.is_some() && height.is_some();
    let picture = src.map(|src| {
        view! {
            <img
                src=src
                alt=alt
                width=width
                height=height
                class=if sized { "aw-img" } else { "aw-img aw-img-unsized" }
                loading=if hero { "eager" } else { "lazy" }
                decoding="async"
            />
        }
    });
    let has_caption = caption.is_some() || credit.is_some();
    view! {
        <figure class=if hero { "aw-figure aw-hero" } else { "aw-figure" }>
            {picture}
            {has_caption.then(|| view! {
                <figcaption>
                    {caption.map(|caption| view! { <RichTextView text=caption/> })}
                    {credit.map(|credit| view! {
                        " "
                        <span class="aw-credit">{credit}</span>
                    })}
                </figcaption>
            })}
        </figure>
    }
}
