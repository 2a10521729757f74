//! Share targets and the plain share links built for them: no third-party
//! scripts, just URLs the networks document for sharing.

use super::Share;

/// Where an article can be shared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ShareNetwork {
    /// X (formerly Twitter).
    X,
    /// Facebook.
    Facebook,
    /// LinkedIn.
    LinkedIn,
    /// WhatsApp.
    WhatsApp,
    /// Bluesky.
    Bluesky,
    /// E-mail (a `mailto:` link).
    Email,
    /// Copy the link to the clipboard.
    Copy,
}

impl ShareNetwork {
    /// Every network, in the order the menu lists them.
    pub const ALL: [ShareNetwork; 7] = [
        ShareNetwork::X,
        ShareNetwork::Facebook,
        ShareNetwork::LinkedIn,
        ShareNetwork::WhatsApp,
        ShareNetwork::Bluesky,
        ShareNetwork::Email,
        ShareNetwork::Copy,
    ];

    /// The name used in the JSON (`share.networks`) and in events.
    pub fn id(self) -> &'static str {
        match self {
            ShareNetwork::X => "x",
            ShareNetwork::Facebook => "facebook",
            ShareNetwork::LinkedIn => "linkedin",
            ShareNetwork::WhatsApp => "whatsapp",
            ShareNetwork::Bluesky => "bluesky",
            ShareNetwork::Email => "email",
            ShareNetwork::Copy => "copy",
        }
    }

    /// The network's own name, shown in the menu.
    pub fn label(self) -> &'static str {
        match self {
            ShareNetwork::X => "X",
            ShareNetwork::Facebook => "Facebook",
            ShareNetwork::LinkedIn => "LinkedIn",
            ShareNetwork::WhatsApp => "WhatsApp",
            ShareNetwork::Bluesky => "Bluesky",
            ShareNetwork::Email => "E-mail",
            ShareNetwork::Copy => "Copy",
        }
    }

    /// The network with this id (`x`, `facebook` …), if there is one.
    pub fn from_id(id: &str) -> Option<Self> {
        ShareNetwork::ALL.into_iter().find(|n| n.id() == id)
    }
}

/// The networks to offer: those listed in `share.networks` that this version
/// knows, in the given order and without repeats; all when none are listed.
pub fn share_networks(share: Option<&Share>) -> Vec<ShareNetwork> {
    match share.and_then(|s| s.networks.as_ref()) {
        None => ShareNetwork::ALL.to_vec(),
        Some(names) => {
            let mut networks = Vec::new();
            for network in names.iter().filter_map(|n| ShareNetwork::from_id(n)) {
                if !networks.contains(&network) {
                    networks.push(network);
                }
            }
            networks
        }
    }
}

/// What is shared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareData {
    /// The article's address.
    pub url: String,
    /// The headline.
    pub title: String,
    /// The plain-text lede, possibly empty.
    pub text: String,
}

/// The share link for a network; `None` for [`ShareNetwork::Copy`], which
/// has no link.
pub fn share_link(network: ShareNetwork, data: &ShareData) -> Option<String> {
    let url = encode_component(&data.url);
    let title = encode_component(&data.title);
    let title_and_url = encode_component(&format!("{} {}", data.title, data.url));
    Some(match network {
        ShareNetwork::X => format!("https://x.com/intent/tweet?url={url}&text={title}"),
        ShareNetwork::Facebook => format!("https://www.facebook.com/sharer/sharer.php?u={url}"),
        ShareNetwork::LinkedIn => {
            format!("https://www.linkedin.com/sharing/share-offsite/?url={url}")
        }
        ShareNetwork::WhatsApp => format!("https://wa.me/?text={title_and_url}"),
        ShareNetwork::Bluesky => format!("https://bsky.app/intent/compose?text={title_and_url}"),
        ShareNetwork::Email => {
            let body = if data.text.is_empty() {
                data.url.clone()
            } else {
                format!("{}\n\n{}", data.text, data.url)
            };
            format!("mailto:?subject={title}&body={}", encode_component(&body))
        }
        ShareNetwork::Copy => return None,
    })
}

/// Percent-encodes like JavaScript's `encodeURIComponent`: everything but
/// `A-Z a-z 0-9 - _ . ! ~ * ' ( )` as UTF-8 bytes.
pub fn encode_component(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            encoded.push(byte as char);
        } else {
            encoded.push('%');
            encoded.push(char::from(b"0123456789ABCDEF"[usize::from(byte >> 4)]));
            encoded.push(char::from(b"0123456789ABCDEF"[usize::from(byte & 15)]));
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> ShareData {
        ShareData {
            url: "https://news.example/a?x=1&y=2#top".into(),
            title: "Bøker & blåbær".into(),
            text: "Lede here".into(),
        }
    }

    #[test]
    fn encodes_like_encode_uri_component() {
        assert_eq!(
            encode_component("a b&c#d?e=f/g"),
            "a%20b%26c%23d%3Fe%3Df%2Fg"
        );
        assert_eq!(encode_component("blåbær"), "bl%C3%A5b%C3%A6r");
        assert_eq!(encode_component("-_.!~*'()"), "-_.!~*'()");
        assert_eq!(encode_component("😀"), "%F0%9F%98%80");
        assert_eq!(encode_component("+"), "%2B");
    }

    #[test]
    fn links_for_each_network() {
        let d = data();
        let url = "https%3A%2F%2Fnews.example%2Fa%3Fx%3D1%26y%3D2%23top";
        assert_eq!(
            share_link(ShareNetwork::X, &d).unwrap(),
            format!(
                "https://x.com/intent/tweet?url={url}&text=B%C3%B8ker%20%26%20bl%C3%A5b%C3%A6r"
            )
        );
        assert_eq!(
            share_link(ShareNetwork::Facebook, &d).unwrap(),
            format!("https://www.facebook.com/sharer/sharer.php?u={url}")
        );
        assert_eq!(
            share_link(ShareNetwork::LinkedIn, &d).unwrap(),
            format!("https://www.linkedin.com/sharing/share-offsite/?url={url}")
        );
        assert_eq!(
            share_link(ShareNetwork::WhatsApp, &d).unwrap(),
            format!("https://wa.me/?text=B%C3%B8ker%20%26%20bl%C3%A5b%C3%A6r%20{url}")
        );
        assert!(share_link(ShareNetwork::Bluesky, &d)
            .unwrap()
            .starts_with("https://bsky.app/intent/compose?text=B%C3%B8ker"));
        assert_eq!(
            share_link(ShareNetwork::Email, &d).unwrap(),
            format!(
                "mailto:?subject=B%C3%B8ker%20%26%20bl%C3%A5b%C3%A6r&body=Lede%20here%0A%0A{url}"
            )
        );
        assert_eq!(share_link(ShareNetwork::Copy, &d), None);
    }

    #[test]
    fn network_selection() {
        assert_eq!(share_networks(None).len(), 7);
        let share = Share {
            networks: Some(vec![
                "email".into(),
                "myspace".into(),
                "x".into(),
                "email".into(),
            ]),
        };
        assert_eq!(
            share_networks(Some(&share)),
            vec![ShareNetwork::Email, ShareNetwork::X]
        );
        assert!(share_networks(Some(&Share {
            networks: Some(vec![])
        }))
        .is_empty());
        assert_eq!(share_networks(Some(&Share { networks: None })).len(), 7);
    }
}
