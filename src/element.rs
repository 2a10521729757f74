//! The `<article-widget>` custom element: the JavaScript class (in
//! `element.js`) hands each connected element to [`mount_widget`], which
//! renders the widget into the element's shadow root under a reactive owner
//! of its own, and returns the element's handle: `changed(name)` for
//! attribute and property changes, `unmount()` when it leaves the page.

use crate::browser::{hydration_mismatch, load_language, server_container, warn};
use crate::components::{ArticleWidget, WidgetInputs};
use crate::fingerprint::STRINGS_ATTRIBUTE;
use crate::language_tables::is_settled;
use crate::model::Lang;
use js_sys::{Array, Function, Object, Reflect};
use leptos::prelude::*;
#[cfg(feature = "hydrate")]
use leptos::tachys::hydration::Cursor;
#[cfg(feature = "hydrate")]
use leptos::tachys::view::{PositionState, RenderHtml};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRoot};

#[wasm_bindgen(module = "/src/element.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineArticleWidget)]
    fn define_article_widget(mount: &JsValue, version: &str) -> bool;
}

/// The widget's stylesheet, shipped inside the wasm: no extra request and no
/// flash of unstyled content, and constructable stylesheets are allowed under
/// a strict `style-src`.
const STYLESHEET: &str = include_str!("../www/article-widget.css");

/// Defines `<article-widget>` on this page; does nothing when it already is.
pub fn define() {
    install_panic_panel();
    let mount = Closure::<dyn Fn(HtmlElement, ShadowRoot) -> JsValue>::new(mount_widget);
    define_article_widget(&mount.into_js_value(), env!("CARGO_PKG_VERSION"));
}

/// Renders a widget into `root` for `host` and returns its handle. A
/// server-rendered page in `root` is hydrated in place when the browser
/// would draw exactly what the server drew; otherwise it is replaced by a
/// clean render, with a warning saying why. A server's page in a language
/// whose strings are not here yet (its container's `data-aw-strings`) is
/// hydrated once they are: hydrating it with other words would redraw it.
fn mount_widget(host: HtmlElement, root: ShadowRoot) -> JsValue {
    let waiting_for = server_container(&root)
        .and_then(|container| container.get_attribute(STRINGS_ATTRIBUTE))
        .and_then(|code| Lang::from_tag(&code))
        .filter(|&lang| !is_settled(lang));
    let Some(lang) = waiting_for else {
        return handle(Rc::new(RefCell::new(Slot::Live(mount_now(host, root)))));
    };
    let slot = Rc::new(RefCell::new(Slot::Waiting));
    let later = Rc::clone(&slot);
    // wasm-bindgen's executor: Leptos's is set up only as a widget mounts.
    wasm_bindgen_futures::spawn_local(async move {
        load_language(lang).await;
        // Unless the element left the page meanwhile.
        if matches!(*later.borrow(), Slot::Waiting) {
            let mounted = mount_now(host, root);
            *later.borrow_mut() = Slot::Live(mounted);
        }
    });
    handle(slot)
}

/// A widget's life as its handle sees it.
enum Slot {
    /// Waiting for its language's strings before hydrating.
    Waiting,
    Live(Mounted),
    Gone,
}

/// A mounted widget: what `changed` and `unmount` need.
struct Mounted {
    host: HtmlElement,
    inputs: WidgetInputs,
    owner: Owner,
    container: HtmlElement,
    /// Kept for the widget's life; dropped on unmount.
    view: Box<dyn std::any::Any>,
}

/// The element's handle: `changed(name)` (nothing to do while waiting:
/// the inputs are read when it mounts) and `unmount()`.
fn handle(slot: Rc<RefCell<Slot>>) -> JsValue {
    let changes = Rc::clone(&slot);
    let changed = Closure::<dyn Fn(String)>::new(move |name: String| {
        // Not borrowed while the change runs: it may reach `unmount`.
        let live = match &*changes.borrow() {
            Slot::Live(mounted) => Some((mounted.inputs, mounted.host.clone())),
            _ => None,
        };
        if let Some((inputs, host)) = live {
            inputs.update_from(&host, &name);
        }
    });
    let unmount = Closure::once_into_js(move || {
        let was = std::mem::replace(&mut *slot.borrow_mut(), Slot::Gone);
        if let Slot::Live(mounted) = was {
            drop(mounted.view);
            mounted.owner.cleanup();
            mounted.container.remove();
        }
    });
    let handle = Object::new();
    let _ = Reflect::set(&handle, &"changed".into(), &changed.into_js_value());
    let _ = Reflect::set(&handle, &"unmount".into(), &unmount);
    handle.into()
}

fn mount_now(host: HtmlElement, root: ShadowRoot) -> Mounted {
    let server = server_container(&root).and_then(|container| {
        match hydration_mismatch(&host, &container).or_else(cannot_hydrate) {
            None => Some(container),
            Some(why) => {
                warn(&format!(
                    "article-widget: the server-rendered article is drawn again in the browser: {why}"
                ));
                container.remove();
                None
            }
        }
    });
    let hydrate = server.is_some();
    // A hydrated page keeps the stylesheet the server linked: adopting the
    // same rules again would make the browser restyle the laid-out page.
    if !hydrate {
        adopt_stylesheet(&root);
    }
    let container = server.unwrap_or_else(|| {
        let container: HtmlElement = document()
            .create_element("div")
            .unwrap_throw()
            .unchecked_into();
        container.set_class_name("aw-container");
        let _ = root.append_child(&container);
        container
    });

    let owner = Owner::new();
    let (inputs, view) = owner.with(|| {
        if let Some(document) = host.owner_document() {
            provide_context(crate::browser::HostDocument::new(document));
        }
        let inputs = WidgetInputs::read_from(&host);
        let element = host.clone();
        let widget = move || view! { <ArticleWidget host=element inputs hydrate/> };
        // Without `hydrate` there is never a server's container to adopt
        // (`cannot_hydrate`).
        let view: Box<dyn std::any::Any> = match hydrate {
            #[cfg(feature = "hydrate")]
            true => hydrate_widget(widget, &container),
            _ => Box::new(leptos::mount::mount_to(container.clone(), widget)),
        };
        (inputs, view)
    });
    Mounted {
        host,
        inputs,
        owner,
        container,
        view,
    }
}

/// Why this build cannot hydrate, if it cannot: the one built without
/// Leptos's `hydrate` (`client/`), which embed.js loads for pages that hold
/// no server-rendered widget when it runs.
fn cannot_hydrate() -> Option<String> {
    (!cfg!(feature = "hydrate")).then(|| {
        "this is the build for client-rendered pages (embed.js loads the one that hydrates when a \
         server-rendered widget is on the page as it starts, or with ARTICLE_WIDGET_HYDRATE)"
            .into()
    })
}

/// Hydrates `widget` over the server's `container`: as
/// `leptos::mount::hydrate_from`, but under this widget's owner (which a new
/// root owner would not be). Effects run on wasm-bindgen's executor (already
/// set if another widget mounted first).
#[cfg(feature = "hydrate")]
fn hydrate_widget<V: IntoView + 'static>(
    widget: impl FnOnce() -> V,
    container: &HtmlElement,
) -> Box<dyn std::any::Any> {
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let state = widget().into_view().hydrate::<true>(
        &Cursor::new(container.clone().unchecked_into()),
        &PositionState::default(),
    );
    Box::new(state)
}

thread_local! {
    /// One constructed stylesheet per window, adopted by every widget in
    /// that window's documents: a sheet can only be adopted into documents
    /// of the window that made it (a widget moved into an iframe needs the
    /// iframe's own).
    static SHEETS: std::cell::RefCell<Vec<(JsValue, JsValue)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The window of the document `root` is in.
fn window_of(root: &ShadowRoot) -> Option<JsValue> {
    let document = Reflect::get(root, &"ownerDocument".into()).ok()?;
    Reflect::get(&document, &"defaultView".into())
        .ok()
        .filter(|view| !view.is_null() && !view.is_undefined())
}

fn stylesheet_for(view: &JsValue) -> Option<JsValue> {
    SHEETS.with(|sheets| {
        if let Some((_, sheet)) = sheets.borrow().iter().find(|(w, _)| w == view) {
            return Some(sheet.clone());
        }
        let sheet = construct_stylesheet(view)?;
        sheets.borrow_mut().push((view.clone(), sheet.clone()));
        Some(sheet)
    })
}

fn construct_stylesheet(view: &JsValue) -> Option<JsValue> {
    let constructor: Function = Reflect::get(view, &"CSSStyleSheet".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let sheet = Reflect::construct(&constructor, &Array::new()).ok()?;
    let replace_sync: Function = Reflect::get(&sheet, &"replaceSync".into())
        .ok()?
        .dyn_into()
        .ok()?;
    replace_sync.call1(&sheet, &STYLESHEET.into()).ok()?;
    Some(sheet)
}

fn adopt_stylesheet(root: &ShadowRoot) {
    let adopted = window_of(root)
        .and_then(|view| stylesheet_for(&view))
        .is_some_and(|sheet| {
            Reflect::set(root, &"adoptedStyleSheets".into(), &Array::of1(&sheet)).unwrap_or(false)
        });
    // Browsers without constructable stylesheets (Safari before 16.4): one
    // `<style>`, never a second one when the widget moves.
    let has_fallback = root
        .query_selector("style[data-article-widget]")
        .ok()
        .flatten()
        .is_some();
    if !adopted && !has_fallback {
        if let Ok(style) = root
            .owner_document()
            .unwrap_or_else(document)
            .create_element("style")
        {
            let _ = style.set_attribute("data-article-widget", "");
            style.set_text_content(Some(STYLESHEET));
            let _ = root.append_child(&style);
        }
    }
}

/// A panic stops the whole wasm instance (`panic = "abort"`; wasm has no
/// unwinding on stable Rust), so no widget can go on rendering. Rather than
/// leave readers with frozen or blank widgets, say so once in the console and
/// put a plain error panel in every widget, with plain DOM calls that do not
/// need the (now stopped) reactive system.
fn install_panic_panel() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        // Keep whatever hook was there (a test harness, a host's own).
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            previous(info);
            web_sys::console::error_1(&format!("article-widget stopped: {info}").into());
            let Some(document) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            let Ok(widgets) = document.query_selector_all("article-widget") else {
                return;
            };
            for index in 0..widgets.length() {
                let Some(host) = widgets
                    .item(index)
                    .and_then(|n| n.dyn_into::<HtmlElement>().ok())
                else {
                    continue;
                };
                if let (Some(root), Ok(panel)) =
                    (host.shadow_root(), document.create_element("div"))
                {
                    let _ = panel.set_attribute("role", "alert");
                    let _ = panel.set_attribute("class", "aw-error");
                    panel.set_text_content(Some(
                        "The article widget stopped working. Reload the page to try again.",
                    ));
                    root.set_text_content(None);
                    adopt_stylesheet(&root);
                    let _ = root.append_child(&panel);
                }
            }
        }));
    });
}
