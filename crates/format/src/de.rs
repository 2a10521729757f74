//! The rules of format v1 that serde's derives cannot say by attributes
//! alone: checked URLs, whole numbers, `null` as absent for defaults, rich
//! text and dates from strings, and body blocks read by their `type`.
//!
//! Every object of the format is read as a map ([`ObjectOnly`]): from
//! JavaScript that means only the keys an object has, in its own order, as
//! from JSON text, so both readers see the same thing; and an array is never
//! taken for an object (serde's derives would read `["Kari"]` as an author).

use super::{
    safe_url, Block, DateTime, Heading, Image, List, Paragraph, ParseError, Quote, ReadAlso,
    RichText, UnknownBlock, UrlUse,
};
use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// What a whole-number field expects.
const WHOLE_NUMBER: &str = "a whole number from 0 to 4294967295";

/// A `T` read only from a JSON object. Anything else is refused in `T`'s own
/// words ("expected an author object with a \"name\", found an array").
pub struct ObjectOnly<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ObjectOnly<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ObjectVisitor(PhantomData))
    }
}

struct ObjectVisitor<T>(PhantomData<T>);

impl<T> ObjectVisitor<T> {
    /// `T`'s own error for a value of the wrong shape.
    fn refuse<'de, E: de::Error>(unexpected: de::Unexpected) -> Result<ObjectOnly<T>, E>
    where
        T: Deserialize<'de>,
    {
        T::deserialize(WrongShape(unexpected, PhantomData)).map(ObjectOnly)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
    type Value = ObjectOnly<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map)).map(ObjectOnly)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Self::refuse(de::Unexpected::Seq)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        Self::refuse(de::Unexpected::Str(text))
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Self::Value, E> {
        Self::refuse(de::Unexpected::Bool(b))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Self::Value, E> {
        Self::refuse(de::Unexpected::Signed(n))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Self::Value, E> {
        Self::refuse(de::Unexpected::Unsigned(n))
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Self::Value, E> {
        Self::refuse(de::Unexpected::Float(n))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Self::refuse(de::Unexpected::Unit)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Self::refuse(de::Unexpected::Unit)
    }
}

/// A deserializer that only says what it holds, so the visitor of whatever
/// reads it refuses it with its own `expecting`.
struct WrongShape<'a, E>(de::Unexpected<'a>, PhantomData<E>);

impl<'de, E: de::Error> Deserializer<'de> for WrongShape<'_, E> {
    type Error = E;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        Err(E::invalid_type(self.0, &visitor))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// An optional struct; `null` is absent.
pub fn optional_object<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<ObjectOnly<T>>::deserialize(deserializer).map(|object| object.map(|o| o.0))
}

/// A list of structs that must be there.
pub fn required_objects<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let list = Vec::<ObjectOnly<T>>::deserialize(deserializer)?;
    Ok(list.into_iter().map(|object| object.0).collect())
}

impl<'de> Deserialize<'de> for super::AccessModel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const EXPECTED: &str = "\"free\", \"metered\" or \"premium\"";
        let name = String::deserialize(deserializer)?;
        Ok(match name.as_str() {
            "free" => super::AccessModel::Free,
            "metered" => super::AccessModel::Metered,
            "premium" => super::AccessModel::Premium,
            _ => {
                return Err(de::Error::invalid_value(
                    de::Unexpected::Str(&name),
                    &EXPECTED,
                ))
            }
        })
    }
}

impl<'de> Deserialize<'de> for super::AuthorKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const EXPECTED: &str = "\"person\" or \"organization\"";
        let name = String::deserialize(deserializer)?;
        Ok(match name.as_str() {
            "person" => super::AuthorKind::Person,
            "organization" => super::AuthorKind::Organization,
            _ => {
                return Err(de::Error::invalid_value(
                    de::Unexpected::Str(&name),
                    &EXPECTED,
                ))
            }
        })
    }
}

/// An optional value; `null` (or, from JavaScript, `undefined`) is the default.
pub fn or_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Option::<T>::deserialize(deserializer).map(Option::unwrap_or_default)
}

/// A flag; absent or `null` is `false`.
pub fn flag<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    or_default(deserializer)
}

/// A URL checked against the allow-list for links: `None` when refused.
struct Link(Option<String>);

impl<'de> Deserialize<'de> for Link {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(|url| Link(safe_url(&url, UrlUse::Link)))
    }
}

/// Checks `notifications.push` once it is read as plain strings (one
/// function rather than a `deserialize_with` per field: those are generic
/// over the deserializer, and their copies cost the widget's wasm 1 KB
/// brotli). The error names the field.
pub fn checked_push(mut push: super::Push) -> Result<super::Push, ParseError> {
    let base64url = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    let key = &push.vapid_public_key;
    // 65 bytes are 87 characters; the point's leading 0x04 makes the first `B`.
    if !(key.len() == 87 && key.starts_with('B') && key.chars().all(base64url)) {
        return Err(wrong(
            "vapidPublicKey",
            "a VAPID public key (an uncompressed P-256 point, 87 base64url characters starting with B)",
            key,
        ));
    }
    push.subscribe_url = service_url("subscribeUrl", &push.subscribe_url)?;
    if let Some(url) = &push.unsubscribe_url {
        push.unsubscribe_url = Some(service_url("unsubscribeUrl", url)?);
    }
    origin_path("serviceWorker", &push.service_worker)?;
    if let Some(scope) = &push.scope {
        origin_path("scope", scope)?;
    }
    Ok(push)
}

fn wrong(field: &str, expected: &str, found: &str) -> ParseError {
    ParseError::new(
        field,
        format!("expected {expected}, found {}", super::quoted(found)),
    )
}

/// A service's URL: `https:`, `http:` or relative.
fn service_url(field: &str, url: &str) -> Result<String, ParseError> {
    match safe_url(url, UrlUse::Link) {
        Some(url) if !url.starts_with("mailto:") && !url.starts_with('#') => Ok(url),
        _ => Err(wrong(field, "an https:, http: or relative URL", url)),
    }
}

/// A path on the page's own origin, such as `/article-widget-sw.js`.
fn origin_path(field: &str, path: &str) -> Result<(), ParseError> {
    if super::safe_url(path, super::UrlUse::OriginPath).as_deref() == Some(path) {
        Ok(())
    } else {
        Err(wrong(
            field,
            "a path on the page's own origin, such as \"/article-widget-sw.js\"",
            path,
        ))
    }
}

pub fn default_service_worker() -> String {
    "/article-widget-sw.js".to_owned()
}

/// A URL checked against the allow-list for images.
struct ImageUrl(Option<String>);

impl<'de> Deserialize<'de> for ImageUrl {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(|url| ImageUrl(safe_url(&url, UrlUse::Image)))
    }
}

/// The article's own address: absolute `https:`/`http:` only (it is shared
/// and named in the metadata), else dropped.
pub fn canonical_url<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    let url = Option::<String>::deserialize(deserializer)?;
    Ok(url.and_then(|url| safe_url(&url, UrlUse::Canonical)))
}

/// The most characters an article `id` may have: it names the article in
/// the reader's storage (as a short hash) and in events.
pub const MAX_ID_CHARS: usize = 256;

/// An article `id`: text of at most [`MAX_ID_CHARS`] characters.
pub fn article_id<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let id = String::deserialize(deserializer)?;
    let chars = id.chars().count();
    if chars > MAX_ID_CHARS {
        return Err(de::Error::custom(format!(
            "expected at most {MAX_ID_CHARS} characters, found {chars}"
        )));
    }
    Ok(id)
}

pub fn link<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Option::<Link>::deserialize(deserializer).map(|link| link.and_then(|l| l.0))
}

pub fn required_link<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    Link::deserialize(deserializer).map(|link| link.0)
}

pub fn image_url<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Option::<ImageUrl>::deserialize(deserializer).map(|url| url.and_then(|u| u.0))
}

pub fn required_image_url<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    ImageUrl::deserialize(deserializer).map(|url| url.0)
}

/// A whole number from 0 to 4294967295. `320.0` counts (JavaScript cannot
/// tell it from `320`, so neither does the native reader); `320.5` does not.
struct Whole(u32);

impl<'de> Deserialize<'de> for Whole {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct WholeVisitor;
        impl Visitor<'_> for WholeVisitor {
            type Value = Whole;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(WHOLE_NUMBER)
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Whole, E> {
                u32::try_from(n)
                    .map(Whole)
                    .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(n), &self))
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Whole, E> {
                u32::try_from(n)
                    .map(Whole)
                    .map_err(|_| E::invalid_value(de::Unexpected::Signed(n), &self))
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Whole, E> {
                if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) {
                    Ok(Whole(n as u32))
                } else {
                    Err(E::invalid_value(de::Unexpected::Float(n), &self))
                }
            }
        }
        deserializer.deserialize_u64(WholeVisitor)
    }
}

pub fn whole<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u32>, D::Error> {
    Option::<Whole>::deserialize(deserializer).map(|n| n.map(|n| n.0))
}

/// A whole number, `DEFAULT` when absent or `null`.
pub fn whole_or<'de, const DEFAULT: u32, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<u32, D::Error> {
    whole(deserializer).map(|n| n.unwrap_or(DEFAULT))
}

pub fn five() -> u32 {
    5
}

pub fn thirty() -> u32 {
    30
}

pub fn two() -> u32 {
    2
}

/// A heading level: 2, 3 or 4 (the page's `h1` is the headline); 2 when
/// absent.
struct HeadingLevel(u8);

impl<'de> Deserialize<'de> for HeadingLevel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let level = Option::<Whole>::deserialize(deserializer).map_err(|_| {
            // Whatever the value was, what to write is the same.
            de::Error::custom("expected 2, 3 or 4")
        })?;
        match level.map_or(2, |n| n.0) {
            n @ 2..=4 => Ok(HeadingLevel(n as u8)),
            n => Err(de::Error::custom(format!("expected 2, 3 or 4, found {n}"))),
        }
    }
}

/// A value read from a JSON string by `convert`; any other value is refused
/// as "expected {expecting}".
fn from_str<'de, D, T>(
    deserializer: D,
    expecting: &'static str,
    convert: fn(&str) -> Result<T, String>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    struct StrVisitor<T> {
        expecting: &'static str,
        convert: fn(&str) -> Result<T, String>,
    }
    impl<T> Visitor<'_> for StrVisitor<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(self.expecting)
        }
        fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
            (self.convert)(text).map_err(E::custom)
        }
    }
    deserializer.deserialize_str(StrVisitor { expecting, convert })
}

impl<'de> Deserialize<'de> for RichText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        from_str(deserializer, "a string", |text| Ok(RichText::parse(text)))
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        from_str(
            deserializer,
            "an RFC 3339 date-time string",
            DateTime::parse,
        )
    }
}

/// The kinds of block this version shows, by their `type`.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Paragraph,
    Heading,
    Image,
    Quote,
    List,
    ReadAlso,
}

impl Kind {
    fn from_name(name: &str) -> Option<Kind> {
        Some(match name {
            "paragraph" => Kind::Paragraph,
            "heading" => Kind::Heading,
            "image" => Kind::Image,
            "quote" => Kind::Quote,
            "list" => Kind::List,
            "readAlso" => Kind::ReadAlso,
            _ => return None,
        })
    }

    /// The fields a block of this kind reads; any other key is ignored.
    fn fields(self) -> &'static [&'static str] {
        match self {
            Kind::Paragraph => &["text"],
            Kind::Heading => &["text", "level"],
            Kind::Image => &["src", "alt", "caption", "credit", "width", "height"],
            Kind::Quote => &["text", "cite"],
            Kind::List => &["items", "ordered"],
            Kind::ReadAlso => &["title", "url", "premium"],
        }
    }
}

/// A block's fields as read so far; `null` counts as absent, also for a
/// field its kind requires ("missing field"). Each field has one meaning in
/// every kind of block (`text` is always rich text), so a field that comes
/// before the `type` key can be read before the kind is known.
#[derive(Default)]
struct BlockFields {
    text: Option<RichText>,
    level: Option<HeadingLevel>,
    src: Option<ImageUrl>,
    alt: Option<String>,
    caption: Option<RichText>,
    credit: Option<String>,
    width: Option<Whole>,
    height: Option<Whole>,
    cite: Option<String>,
    items: Option<Vec<RichText>>,
    ordered: Option<bool>,
    title: Option<String>,
    url: Option<Link>,
    premium: Option<bool>,
}

/// Every key a block may have, `type` first. serde-wasm-bindgen reads a
/// struct's keys in this order (one property read each, no key strings to
/// copy), so the kind is known before any other field is read; the native
/// reader puts `type` first too (`native.rs`).
pub const BLOCK_KEYS: &[&str] = &[
    "type", "text", "level", "src", "alt", "caption", "credit", "width", "height", "cite", "items",
    "ordered", "title", "url", "premium",
];

impl BlockFields {
    /// Reads the value of `key`; a key no block has is skipped.
    fn read<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<(), A::Error> {
        match key {
            "text" => self.text = map.next_value()?,
            "level" => self.level = map.next_value()?,
            "src" => self.src = map.next_value()?,
            "alt" => self.alt = map.next_value()?,
            "caption" => self.caption = map.next_value()?,
            "credit" => self.credit = map.next_value()?,
            "width" => self.width = map.next_value()?,
            "height" => self.height = map.next_value()?,
            "cite" => self.cite = map.next_value()?,
            "items" => self.items = map.next_value()?,
            "ordered" => self.ordered = map.next_value()?,
            "title" => self.title = map.next_value()?,
            "url" => self.url = map.next_value()?,
            "premium" => self.premium = map.next_value()?,
            _ => {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }

    fn build<E: de::Error>(self, kind: Kind) -> Result<Block, E> {
        fn required<T, E: de::Error>(value: Option<T>, name: &'static str) -> Result<T, E> {
            value.ok_or_else(|| E::missing_field(name))
        }
        Ok(match kind {
            Kind::Paragraph => Block::Paragraph(Paragraph {
                text: required(self.text, "text")?,
            }),
            Kind::Heading => Block::Heading(Heading {
                text: required(self.text, "text")?,
                level: self.level.map_or(2, |level| level.0),
            }),
            Kind::Image => Block::Image(Image {
                src: required(self.src, "src")?.0,
                alt: required(self.alt, "alt")?,
                caption: self.caption,
                credit: self.credit,
                width: self.width.map(|n| n.0),
                height: self.height.map(|n| n.0),
            }),
            Kind::Quote => Block::Quote(Quote {
                text: required(self.text, "text")?,
                cite: self.cite,
            }),
            Kind::List => Block::List(List {
                items: required(self.items, "items")?,
                ordered: self.ordered.unwrap_or(false),
            }),
            Kind::ReadAlso => Block::ReadAlso(ReadAlso {
                title: required(self.title, "title")?,
                url: required(self.url, "url")?.0,
                premium: self.premium.unwrap_or(false),
            }),
        })
    }
}

/// What the `type` key said.
enum TypeName {
    Known(Kind),
    Unknown(String),
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("Block", BLOCK_KEYS, BlockVisitor)
    }
}

struct BlockVisitor;

impl<'de> Visitor<'de> for BlockVisitor {
    type Value = Block;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a block object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Block, A::Error> {
        let mut type_name: Option<TypeName> = None;
        let mut fields = BlockFields::default();
        while let Some(key) = map.next_key::<String>()? {
            match (&type_name, key.as_str()) {
                (_, "type") => {
                    let Some(name) = map.next_value::<Option<String>>()? else {
                        continue;
                    };
                    type_name = Some(match Kind::from_name(&name) {
                        Some(kind) => TypeName::Known(kind),
                        None => TypeName::Unknown(name),
                    });
                }
                // Fields of another kind, and every field of an unknown
                // kind, are not read at all.
                (Some(TypeName::Known(kind)), key) if !kind.fields().contains(&key) => {
                    map.next_value::<IgnoredAny>()?;
                }
                (Some(TypeName::Unknown(_)), _) => {
                    map.next_value::<IgnoredAny>()?;
                }
                (_, key) => fields.read(key, &mut map)?,
            }
        }
        match type_name {
            None => Err(de::Error::missing_field("type")),
            Some(TypeName::Unknown(type_name)) => Ok(Block::Unknown(UnknownBlock { type_name })),
            Some(TypeName::Known(kind)) => fields.build(kind),
        }
    }
}
