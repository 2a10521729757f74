//! Markup written as a sequence of open/attribute/text/close steps: article
//! text is described once this way (`components::article_text`) and becomes
//! DOM nodes in the browser (`browser::DomMarkup`) or HTML text
//! ([`HtmlMarkup`]). Plain Rust, no browser.

/// Where markup steps go: DOM nodes in the browser, or HTML text.
pub trait Markup {
    /// Opens an HTML element as a child of the open one.
    fn open(&mut self, tag: &'static str);
    /// Opens an SVG element.
    fn open_svg(&mut self, tag: &'static str);
    /// Sets an attribute of the element opened last.
    fn attr(&mut self, name: &'static str, value: &str);
    /// Adds text to the open element.
    fn text(&mut self, text: &str);
    /// Closes the element opened last.
    fn close(&mut self);
}

/// Writes markup steps as HTML text, escaped (for server rendering and tests).
#[derive(Default)]
pub struct HtmlMarkup {
    pub html: String,
    open: Vec<&'static str>,
    in_tag: bool,
}

impl HtmlMarkup {
    fn end_tag_start(&mut self) {
        if self.in_tag {
            self.html.push('>');
            self.in_tag = false;
        }
    }

    fn escape(&mut self, text: &str, quotes: bool) {
        escape_html(&mut self.html, text, quotes);
    }
}

/// Appends `text` to `html` escaped for HTML text, or with `quotes` for a
/// double-quoted attribute value.
pub fn escape_html(html: &mut String, text: &str, quotes: bool) {
    for c in text.chars() {
        match c {
            '&' => html.push_str("&amp;"),
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            '"' if quotes => html.push_str("&quot;"),
            c => html.push(c),
        }
    }
}

impl Markup for HtmlMarkup {
    fn open(&mut self, tag: &'static str) {
        self.end_tag_start();
        self.html.push('<');
        self.html.push_str(tag);
        self.open.push(tag);
        self.in_tag = true;
    }

    fn open_svg(&mut self, tag: &'static str) {
        self.open(tag);
    }

    fn attr(&mut self, name: &'static str, value: &str) {
        self.html.push(' ');
        self.html.push_str(name);
        self.html.push_str("=\"");
        self.escape(value, true);
        self.html.push('"');
    }

    fn text(&mut self, text: &str) {
        self.end_tag_start();
        self.escape(text, false);
    }

    fn close(&mut self) {
        self.end_tag_start();
        let tag = self.open.pop().unwrap_or_default();
        if tag != "img" {
            self.html.push_str("</");
            self.html.push_str(tag);
            self.html.push('>');
        }
    }
}

/// Counts what is written at the top level.
#[derive(Default)]
#[cfg_attr(not(feature = "widget"), allow(dead_code))]
pub(crate) struct TopLevel {
    pub depth: usize,
    pub elements: usize,
    pub texts: usize,
}

impl Markup for TopLevel {
    fn open(&mut self, _tag: &'static str) {
        self.elements += usize::from(self.depth == 0);
        self.depth += 1;
    }

    fn open_svg(&mut self, tag: &'static str) {
        self.open(tag);
    }

    fn attr(&mut self, _name: &'static str, _value: &str) {}

    fn text(&mut self, _text: &str) {
        self.texts += usize::from(self.depth == 0);
    }

    fn close(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }
}

/// Passes markup steps on to `inner`, adding `class` to every element opened
/// at the top level (joined to the class the steps give it, if any): how
/// the paywalled blocks of a body are marked without each kind of block
/// knowing.
pub struct WithClass<'a> {
    pub inner: &'a mut dyn Markup,
    pub class: &'static str,
    depth: usize,
    /// A top-level element is open and has not had its class yet.
    pending: bool,
}

impl<'a> WithClass<'a> {
    pub fn new(inner: &'a mut dyn Markup, class: &'static str) -> Self {
        WithClass {
            inner,
            class,
            depth: 0,
            pending: false,
        }
    }

    /// Attributes come before content: the class goes in before anything
    /// else does.
    fn give_class(&mut self) {
        if std::mem::take(&mut self.pending) {
            self.inner.attr("class", self.class);
        }
    }
}

impl Markup for WithClass<'_> {
    fn open(&mut self, tag: &'static str) {
        self.give_class();
        self.inner.open(tag);
        self.depth += 1;
        self.pending = self.depth == 1;
    }

    fn open_svg(&mut self, tag: &'static str) {
        self.give_class();
        self.inner.open_svg(tag);
        self.depth += 1;
        self.pending = self.depth == 1;
    }

    fn attr(&mut self, name: &'static str, value: &str) {
        if self.pending && name == "class" {
            self.pending = false;
            self.inner.attr("class", &format!("{value} {}", self.class));
        } else {
            self.inner.attr(name, value);
        }
    }

    fn text(&mut self, text: &str) {
        self.give_class();
        self.inner.text(text);
    }

    fn close(&mut self) {
        self.give_class();
        self.depth = self.depth.saturating_sub(1);
        self.inner.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(m: &mut dyn Markup) {
        m.open("p");
        m.attr("title", "a \"b\" & <c>");
        m.text("x < y & z > w \"q\"");
        m.close();
        m.text("loose");
        m.open("ul");
        m.open("li");
        m.open("img");
        m.attr("src", "/a.png");
        m.close();
        m.close();
        m.close();
    }

    #[test]
    fn html_is_escaped_and_void_elements_have_no_end_tag() {
        let mut html = HtmlMarkup::default();
        write(&mut html);
        assert_eq!(
            html.html,
            "<p title=\"a &quot;b&quot; &amp; &lt;c&gt;\">x &lt; y &amp; z &gt; w \"q\"</p>loose<ul><li><img src=\"/a.png\"></li></ul>"
        );
    }

    #[test]
    fn with_class_marks_top_level_elements_only() {
        let mut html = HtmlMarkup::default();
        let mut marked = WithClass::new(&mut html, "m");
        write(&mut marked);
        marked.open("figure");
        marked.attr("part", "quote");
        marked.attr("class", "aw-quote");
        marked.close();
        assert_eq!(
            html.html,
            "<p title=\"a &quot;b&quot; &amp; &lt;c&gt;\" class=\"m\">x &lt; y &amp; z &gt; w \"q\"</p>loose<ul class=\"m\"><li><img src=\"/a.png\"></li></ul><figure part=\"quote\" class=\"aw-quote m\"></figure>"
        );
    }

    #[test]
    fn counts_top_level_elements_and_text() {
        let mut count = TopLevel::default();
        write(&mut count);
        assert_eq!((count.elements, count.texts, count.depth), (2, 1, 0));
    }
}
