//! The push message's payload, as the widget's service worker reads it
//! (`dist/article-widget-sw.js`; README, "Notifications").

use article_format::{safe_url, UrlUse};
use serde::{Deserialize, Serialize};

/// What a reader's device shows. Sent as JSON, encrypted; also the
/// command line's `send` options.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, clap::Args)]
#[serde(rename_all = "camelCase")]
pub struct Notification {
    #[arg(long)]
    pub title: String,
    #[arg(long, default_value = "")]
    #[serde(default)]
    pub body: String,
    /// Opened on a click: `https:`/`http:` or a path on the site's origin.
    #[arg(long)]
    pub url: String,
    #[arg(long)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon: Option<String>,
    #[arg(long)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// A later message with the same tag replaces this one on the device.
    #[arg(long)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// Set from the topic it is sent to.
    #[arg(skip)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    #[arg(long)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

/// Push services take at most 4 KB of encrypted payload (RFC 8291 leaves
/// 3,993 bytes of plaintext in one record); keep a margin.
pub const MAX_PAYLOAD: usize = 3800;

impl Notification {
    /// The JSON sent, or why it cannot be.
    pub fn payload(&self) -> Result<Vec<u8>, String> {
        if self.title.trim().is_empty() {
            return Err("title: empty".into());
        }
        check_url("url", &self.url)?;
        for (field, url) in [("icon", &self.icon), ("image", &self.image)] {
            if let Some(url) = url {
                check_url(field, url)?;
            }
        }
        let json = serde_json::to_vec(self).map_err(|error| error.to_string())?;
        if json.len() > MAX_PAYLOAD {
            return Err(format!(
                "the notification is {} bytes as JSON; push services take at most {MAX_PAYLOAD}",
                json.len()
            ));
        }
        Ok(json)
    }
}

/// The widget's own allow-list (`article_format::safe_url`), as the service
/// worker applies it: an `https://`/`http://` address or a path on the site.
fn check_url(field: &str, url: &str) -> Result<(), String> {
    match safe_url(url, UrlUse::Notification) {
        Some(_) => Ok(()),
        None => Err(format!(
            "{field}: expected an https: or http: URL or a path, found {url:?}"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_rules() {
        let ok = Notification {
            title: "Ferry back".into(),
            body: "The night ferry sails again.".into(),
            url: "/news/ferry".into(),
            ..Default::default()
        };
        let json: serde_json::Value = serde_json::from_slice(&ok.payload().unwrap()).unwrap();
        assert_eq!(json["url"], "/news/ferry");
        assert!(json.get("icon").is_none());
        for (bad, expected) in [
            (
                Notification {
                    url: "javascript:alert(1)".into(),
                    ..ok.clone()
                },
                "url: expected",
            ),
            (
                Notification {
                    url: "//evil.example/".into(),
                    ..ok.clone()
                },
                "url: expected",
            ),
            (
                Notification {
                    title: " ".into(),
                    ..ok.clone()
                },
                "title: empty",
            ),
            (
                Notification {
                    body: "x".repeat(4000),
                    ..ok.clone()
                },
                "at most 3800",
            ),
        ] {
            let error = bad.payload().unwrap_err();
            assert!(error.contains(expected), "{error}");
        }
    }
}
