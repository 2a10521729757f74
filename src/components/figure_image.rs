//! A picture with its caption and credit, holding its space while it loads.

use super::{article_text, StaticMarkup};
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
    StaticMarkup::new(move |m| article_text::figure(m, &image, hero))
}
