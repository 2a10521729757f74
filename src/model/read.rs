//! Reads the article model out of parsed JSON, one field at a time, keeping
//! the JSON path of where it is so every error can say where it is.

use super::json::{quoted, Json};
use super::{
    safe_url, AccessModel, DateTime, Lang, ParseError, RichText, UrlUse, KNOWN_BLOCK_TYPES,
};
use super::{
    Access, AiDisclosure, Article, Author, Block, Heading, Image, LatestItem, List, Notifications,
    Paragraph, Publisher, Quote, ReadAlso, RelatedArticle, Share, Topic,
};

/// Where a value is in the document. Built on the stack as the reader goes
/// down, and turned into text (`body[3].text`) only for an error.
#[derive(Clone, Copy)]
pub(crate) enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    fn render(&self) -> String {
        let mut text = String::new();
        self.render_into(&mut text);
        text
    }

    fn render_into(&self, text: &mut String) {
        match self {
            Path::Root => {}
            Path::Key(parent, key) => {
                parent.render_into(text);
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(key);
            }
            Path::Index(parent, index) => {
                parent.render_into(text);
                text.push('[');
                text.push_str(&index.to_string());
                text.push(']');
            }
        }
    }

    fn error(&self, message: impl Into<String>) -> ParseError {
        ParseError::new(self.render(), message)
    }

    fn expected(&self, what: &str, found: &Json) -> ParseError {
        self.error(format!("expected {what}, found {}", found.describe()))
    }
}

type Read<T> = Result<T, ParseError>;

/// The fields of one JSON object, and where the object is.
struct Fields<'a> {
    fields: &'a [(String, Json)],
    path: &'a Path<'a>,
}

impl<'a> Fields<'a> {
    fn of(value: &'a Json, path: &'a Path<'a>, what: &str) -> Read<Self> {
        match value {
            Json::Object(fields) => Ok(Fields { fields, path }),
            other => Err(path.expected(what, other)),
        }
    }

    /// A field's value; `null` counts as absent. The last one wins if a key
    /// is repeated.
    fn get(&self, name: &str) -> Option<&'a Json> {
        self.fields
            .iter()
            .rev()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value)
            .filter(|value| **value != Json::Null)
    }

    /// A field that must be there (`null` is reported as a wrong type).
    fn required(&self, name: &str) -> Read<&'a Json> {
        match self.fields.iter().rev().find(|(key, _)| key == name) {
            Some((_, value)) => Ok(value),
            None => Err(self.path.error(format!("missing field `{name}`"))),
        }
    }

    fn string(&self, name: &str) -> Read<String> {
        text(self.required(name)?, &Path::Key(self.path, name)).map(str::to_owned)
    }

    fn optional_string(&self, name: &str) -> Read<Option<String>> {
        self.optional(name, |value, path| text(value, path).map(str::to_owned))
    }

    fn optional<T>(
        &self,
        name: &str,
        read: impl FnOnce(&'a Json, &Path) -> Read<T>,
    ) -> Read<Option<T>> {
        match self.get(name) {
            Some(value) => read(value, &Path::Key(self.path, name)).map(Some),
            None => Ok(None),
        }
    }

    /// A flag; absent means `false`.
    fn flag(&self, name: &str) -> Read<bool> {
        match self.get(name) {
            None => Ok(false),
            Some(Json::Bool(b)) => Ok(*b),
            Some(other) => Err(Path::Key(self.path, name).expected("a boolean", other)),
        }
    }

    fn count(&self, name: &str) -> Read<Option<u32>> {
        self.optional(name, |value, path| match value {
            Json::Int(n) => u32::try_from(*n).map_err(|_| path.expected(WHOLE_NUMBER, value)),
            other => Err(path.expected(WHOLE_NUMBER, other)),
        })
    }

    fn rich_text(&self, name: &str) -> Read<RichText> {
        text(self.required(name)?, &Path::Key(self.path, name)).map(RichText::parse)
    }

    fn optional_rich_text(&self, name: &str) -> Read<Option<RichText>> {
        self.optional(name, |value, path| text(value, path).map(RichText::parse))
    }

    /// A required URL, `None` if it fails the allow-list.
    fn url(&self, name: &str, use_: UrlUse) -> Read<Option<String>> {
        text(self.required(name)?, &Path::Key(self.path, name)).map(|url| safe_url(url, use_))
    }

    fn optional_url(&self, name: &str, use_: UrlUse) -> Read<Option<String>> {
        self.optional(name, |value, path| {
            text(value, path).map(|url| safe_url(url, use_))
        })
        .map(Option::flatten)
    }

    fn date(&self, name: &str) -> Read<DateTime> {
        date(self.required(name)?, &Path::Key(self.path, name))
    }

    fn optional_date(&self, name: &str) -> Read<Option<DateTime>> {
        self.optional(name, date)
    }

    /// A list; absent means empty.
    fn list<T>(&self, name: &str, read: impl Fn(&'a Json, &Path) -> Read<T>) -> Read<Vec<T>> {
        match self.get(name) {
            Some(value) => list(value, &Path::Key(self.path, name), read),
            None => Ok(Vec::new()),
        }
    }
}

const WHOLE_NUMBER: &str = "a whole number from 0 to 4294967295";

fn text<'a>(value: &'a Json, path: &Path) -> Read<&'a str> {
    match value {
        Json::String(text) => Ok(text),
        other => Err(path.expected("a string", other)),
    }
}

fn date(value: &Json, path: &Path) -> Read<DateTime> {
    DateTime::parse(text(value, path)?).map_err(|message| path.error(message))
}

fn list<'a, T>(
    value: &'a Json,
    path: &Path,
    read: impl Fn(&'a Json, &Path) -> Read<T>,
) -> Read<Vec<T>> {
    match value {
        Json::Array(items) => items
            .iter()
            .enumerate()
            .map(|(index, item)| read(item, &Path::Index(path, index)))
            .collect(),
        other => Err(path.expected("an array", other)),
    }
}

/// Reads an article from a parsed document; `warnings` collects what a newer
/// feed may hold that this version skips.
pub(crate) fn article(value: &Json, warnings: &mut Vec<String>) -> Read<Article> {
    let root = Path::Root;
    let f = Fields::of(value, &root, "an article object")?;
    let lang = f.optional_string("lang")?;
    if let Some(tag) = lang.as_deref() {
        if Lang::from_tag(tag).is_none() {
            warnings.push(format!(
                "lang: {} has no UI strings here; showing English",
                quoted(tag)
            ));
        }
    }
    Ok(Article {
        id: f.string("id")?,
        title: f.string("title")?,
        published: f.date("published")?,
        body: body(f.required("body")?, &Path::Key(&root, "body"), warnings)?,
        url: f.optional_url("url", UrlUse::Link)?,
        lang,
        section: f.optional_string("section")?,
        lede: f.optional_rich_text("lede")?,
        updated: f.optional_date("updated")?,
        authors: f.list("authors", author)?,
        publisher: f.optional("publisher", publisher)?,
        image: f.optional("image", image)?,
        related: f.list("related", related)?,
        latest: f.list("latest", latest)?,
        ai_disclosure: f.optional("aiDisclosure", ai_disclosure)?,
        access: f.optional("access", access)?,
        notifications: f.optional("notifications", notifications)?,
        share: f.optional("share", share)?,
        strings: f
            .optional("strings", |value, path| strings(value, path, warnings))?
            .unwrap_or_default(),
    })
}

/// Each block is read by its `type`; unknown types are skipped with a warning.
fn body(value: &Json, path: &Path, warnings: &mut Vec<String>) -> Read<Vec<Block>> {
    let Json::Array(items) = value else {
        return Err(path.expected("an array", value));
    };
    let mut blocks = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let path = Path::Index(path, index);
        let f = Fields::of(item, &path, "a block object")?;
        let kind = text(f.required("type")?, &Path::Key(&path, "type"))?;
        blocks.push(match kind {
            "paragraph" => Block::Paragraph(Paragraph {
                text: f.rich_text("text")?,
            }),
            "heading" => Block::Heading(Heading {
                text: f.rich_text("text")?,
                level: heading_level(&f)?,
            }),
            "image" => Block::Image(image_fields(&f)?),
            "quote" => Block::Quote(Quote {
                text: f.rich_text("text")?,
                cite: f.optional_string("cite")?,
            }),
            "list" => Block::List(List {
                items: list(
                    f.required("items")?,
                    &Path::Key(&path, "items"),
                    |item, path| text(item, path).map(RichText::parse),
                )?,
                ordered: f.flag("ordered")?,
            }),
            "readAlso" => Block::ReadAlso(ReadAlso {
                title: f.string("title")?,
                url: f.url("url", UrlUse::Link)?,
                premium: f.flag("premium")?,
            }),
            _ => {
                debug_assert!(!KNOWN_BLOCK_TYPES.contains(&kind));
                warnings.push(format!(
                    "{}: unknown block type {} skipped",
                    path.render(),
                    quoted(kind)
                ));
                continue;
            }
        });
    }
    Ok(blocks)
}

/// 2, 3 or 4 (the page's `h1` is the headline); 2 when absent.
fn heading_level(f: &Fields) -> Read<u8> {
    match f.get("level") {
        None => Ok(2),
        Some(Json::Int(n @ 2..=4)) => Ok(*n as u8),
        Some(Json::Int(n)) => {
            Err(Path::Key(f.path, "level").error(format!("expected 2, 3 or 4, found {n}")))
        }
        Some(other) => Err(Path::Key(f.path, "level").expected("2, 3 or 4", other)),
    }
}

fn author(value: &Json, path: &Path) -> Read<Author> {
    let f = Fields::of(value, path, "an author object with a \"name\"")?;
    Ok(Author {
        name: f.string("name")?,
        url: f.optional_url("url", UrlUse::Link)?,
    })
}

fn publisher(value: &Json, path: &Path) -> Read<Publisher> {
    let f = Fields::of(value, path, "a publisher object with a \"name\"")?;
    Ok(Publisher {
        name: f.string("name")?,
        url: f.optional_url("url", UrlUse::Link)?,
        logo: f.optional_url("logo", UrlUse::Image)?,
    })
}

fn image(value: &Json, path: &Path) -> Read<Image> {
    image_fields(&Fields::of(
        value,
        path,
        "an image object with \"src\" and \"alt\"",
    )?)
}

fn image_fields(f: &Fields) -> Read<Image> {
    Ok(Image {
        src: f.url("src", UrlUse::Image)?,
        alt: f.string("alt")?,
        caption: f.optional_rich_text("caption")?,
        credit: f.optional_string("credit")?,
        width: f.count("width")?,
        height: f.count("height")?,
    })
}

fn related(value: &Json, path: &Path) -> Read<RelatedArticle> {
    let f = Fields::of(value, path, "a related article object")?;
    Ok(RelatedArticle {
        id: f.string("id")?,
        title: f.string("title")?,
        url: f.url("url", UrlUse::Link)?,
        image: f.optional_url("image", UrlUse::Image)?,
        section: f.optional_string("section")?,
        published: f.optional_date("published")?,
        premium: f.flag("premium")?,
    })
}

fn latest(value: &Json, path: &Path) -> Read<LatestItem> {
    let f = Fields::of(value, path, "a latest-news object")?;
    Ok(LatestItem {
        id: f.string("id")?,
        title: f.string("title")?,
        url: f.url("url", UrlUse::Link)?,
        published: f.optional_date("published")?,
    })
}

fn ai_disclosure(value: &Json, path: &Path) -> Read<AiDisclosure> {
    let f = Fields::of(value, path, "an aiDisclosure object with a \"text\"")?;
    Ok(AiDisclosure {
        text: f.string("text")?,
        source_type: f.optional_string("sourceType")?,
        reviewed_by: f.optional_string("reviewedBy")?,
        policy_url: f.optional_url("policyUrl", UrlUse::Link)?,
    })
}

fn access(value: &Json, path: &Path) -> Read<Access> {
    let f = Fields::of(value, path, "an access object")?;
    let model = f.optional("model", |value, path| match text(value, path)? {
        "free" => Ok(AccessModel::Free),
        "metered" => Ok(AccessModel::Metered),
        "premium" => Ok(AccessModel::Premium),
        _ => Err(path.expected("\"free\", \"metered\" or \"premium\"", value)),
    })?;
    Ok(Access {
        model: model.unwrap_or_default(),
        free_articles: f.count("freeArticles")?.unwrap_or(5),
        period_days: f.count("periodDays")?.unwrap_or(30),
        teaser_blocks: f.count("teaserBlocks")?.unwrap_or(2),
        subscribe_url: f.optional_url("subscribeUrl", UrlUse::Link)?,
        donate_url: f.optional_url("donateUrl", UrlUse::Link)?,
        login_url: f.optional_url("loginUrl", UrlUse::Link)?,
        message: f.optional_string("message")?,
    })
}

fn notifications(value: &Json, path: &Path) -> Read<Notifications> {
    let f = Fields::of(value, path, "a notifications object with \"topics\"")?;
    Ok(Notifications {
        topics: list(f.required("topics")?, &Path::Key(path, "topics"), topic)?,
        prompt: f.optional_string("prompt")?,
    })
}

fn topic(value: &Json, path: &Path) -> Read<Topic> {
    let f = Fields::of(value, path, "a topic object with \"id\" and \"label\"")?;
    Ok(Topic {
        id: f.string("id")?,
        label: f.string("label")?,
    })
}

fn share(value: &Json, path: &Path) -> Read<Share> {
    let f = Fields::of(value, path, "a share object")?;
    Ok(Share {
        networks: f.optional("networks", |value, path| {
            list(value, path, |item, path| {
                text(item, path).map(str::to_owned)
            })
        })?,
    })
}

/// UI strings by key; keys this version does not know are kept (harmless)
/// and reported.
fn strings(
    value: &Json,
    path: &Path,
    warnings: &mut Vec<String>,
) -> Read<std::collections::BTreeMap<String, String>> {
    let f = Fields::of(value, path, "an object of strings by key")?;
    let mut strings = std::collections::BTreeMap::new();
    for (key, value) in f.fields {
        let text = text(value, &Path::Key(path, key))?;
        if !crate::i18n::is_known_key(key) {
            warnings.push(format!("strings.{key}: no UI string has this key; ignored"));
        }
        strings.insert(key.clone(), text.to_owned());
    }
    Ok(strings)
}
