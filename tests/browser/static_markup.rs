//! `StaticMarkup`, the view that article text is written with: the same
//! steps as HTML text (server rendering) and adopted again (hydration), in
//! case the widget is ever rendered on a server.

use article_widget::components::{Markup, StaticMarkup};
use leptos::prelude::document;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::{Mountable, Position, PositionState, RenderHtml};
use wasm_bindgen_test::wasm_bindgen_test;

fn write(m: &mut dyn Markup) {
    m.open("p");
    m.attr("class", "aw-lede");
    m.text("a < b & \"c\"");
    m.close();
    m.open("ul");
    m.open("li");
    m.open("a");
    m.attr("href", "/x?a=1&b=\"2\"");
    m.text("one");
    m.close();
    m.close();
    m.close();
}

#[wasm_bindgen_test]
fn writes_escaped_html_and_adopts_the_same_elements() {
    let html = StaticMarkup::new(write).to_html();
    assert_eq!(
        html,
        "<p class=\"aw-lede\">a &lt; b &amp; \"c\"</p><ul><li><a href=\"/x?a=1&amp;b=&quot;2&quot;\">one</a></li></ul>"
    );

    // What a server would have sent (our own escaped markup, test only).
    let host = document().create_element("div").unwrap();
    host.set_inner_html(&html);
    let cursor = Cursor::new(host.clone());
    let position = PositionState::new(Position::FirstChild);
    let state = StaticMarkup::new(write).hydrate::<true>(&cursor, &position);
    let adopted = state.elements();
    assert_eq!(adopted.len(), 2);
    assert!(adopted[0].is_same_node(host.first_element_child().as_ref().map(AsRef::as_ref)));
    assert!(adopted[1].is_same_node(host.last_element_child().as_ref().map(AsRef::as_ref)));
    assert_eq!(adopted[1].tag_name(), "UL");
}

#[wasm_bindgen_test]
fn mounts_and_unmounts_all_its_elements() {
    use leptos::tachys::view::Render;
    let parent = document().create_element("div").unwrap();
    let marker = document().create_comment("end");
    parent.append_child(&marker).unwrap();
    let mut state = StaticMarkup::new(write).build();
    state.mount(&parent, Some(marker.as_ref()));
    let children = parent.children();
    assert_eq!(children.length(), 2, "both top-level elements");
    assert_eq!(
        children.item(0).unwrap().text_content().unwrap(),
        "a < b & \"c\""
    );
    assert_eq!(children.item(1).unwrap().tag_name(), "UL");
    assert!(
        parent
            .last_child()
            .unwrap()
            .is_same_node(Some(marker.as_ref())),
        "before the marker"
    );
    state.unmount();
    assert_eq!(parent.children().length(), 0);
    assert_eq!(parent.child_nodes().length(), 1, "only the marker is left");
}

#[wasm_bindgen_test]
fn writing_nothing_keeps_a_place() {
    use leptos::tachys::view::Render;
    assert_eq!(StaticMarkup::new(|_| {}).to_html(), "<!---->");
    let parent = document().create_element("div").unwrap();
    let mut state = StaticMarkup::new(|_| {}).build();
    state.mount(&parent, None);
    assert!(state.elements().is_empty(), "no elements");
    assert_eq!(parent.child_nodes().length(), 1, "one empty comment");
    // A rebuild with content goes where the comment was.
    StaticMarkup::new(write).rebuild(&mut state);
    assert_eq!(parent.children().length(), 2);
    assert_eq!(parent.child_nodes().length(), 2, "the comment is gone");
}
