//! The URL allow-list, the one every stage uses. Article JSON comes from
//! other people's CMSes, so every link and image source is checked here
//! before it reaches the DOM; the push sender checks a notification's
//! address here too, and the service worker's copy in JavaScript
//! (`www/article-widget-sw.js`) is held to the same cases
//! (`tests/url-allow-list.json`).

/// What a URL is used for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlUse {
    /// A link: a web address, a `mailto:` address or a relative reference.
    Link,
    /// A picture: a web address, a relative reference or an inline
    /// `data:image/…` picture.
    Image,
    /// The article's own address (shared, and named in its metadata): an
    /// absolute web address.
    Canonical,
    /// What a notification opens on a click: an absolute web address or a
    /// path on the site (`/news/ferry`).
    Notification,
    /// A path on the page's own origin (`/article-widget-sw.js`): the
    /// push service worker and its scope.
    OriginPath,
}

/// Returns the URL to put in the DOM, or `None` when it must be dropped.
///
/// Allowed: `https://`, `http://`, `mailto:` (links), `data:image/` (images)
/// and same-site relative references (`/path`, `path`, `?query`,
/// `#fragment`), each where its [`UrlUse`] takes it. Dropped: every other
/// scheme (`javascript:`, `vbscript:`, `data:` links …), protocol-relative
/// `//host` references, web addresses without `//` (`https:host`, which a
/// browser reads as a path or another host depending on the page), a user
/// name before the host, and anything with control characters or
/// backslashes, which browsers would strip or misread.
pub fn safe_url(raw: &str, usage: UrlUse) -> Option<String> {
    // Browsers trim C0 controls and spaces from both ends before parsing;
    // trim the same so " javascript:" is judged as "javascript:".
    let url = raw.trim_matches(|c: char| c <= ' ');
    // Browsers read `\` as `/` in web URLs, so `\\host` and `/\host` reach
    // other hosts; a real URL never has a raw backslash (it is `%5C`).
    if url.is_empty() || url.chars().any(|c| c.is_control() || c == '\\') || url.starts_with("//") {
        return None;
    }
    let allowed = match scheme_of(url) {
        None => match usage {
            UrlUse::Link | UrlUse::Image => true,
            UrlUse::Canonical => false,
            UrlUse::Notification | UrlUse::OriginPath => url.starts_with('/'),
        },
        Some(scheme) => match scheme.as_str() {
            // A user name before the host (`https://bank.example@evil.example`)
            // is how phishing links pass for another site.
            "https" | "http" => {
                usage != UrlUse::OriginPath
                    && url[scheme.len() + 1..].starts_with("//")
                    && !has_userinfo(url)
            }
            "mailto" => usage == UrlUse::Link,
            "data" => usage == UrlUse::Image && is_data_image(url),
            _ => false,
        },
    };
    allowed.then(|| url.to_owned())
}

/// Whether `url` is a relative reference (`images/x.jpg`, `/a`, `?page=2`)
/// that points away from the page: no scheme, and not an in-page anchor.
pub fn is_relative(url: &str) -> bool {
    !url.starts_with('#') && scheme_of(url).is_none()
}

/// Whether a `scheme://authority` URL has a `user@` part in its authority.
fn has_userinfo(url: &str) -> bool {
    let Some((_, rest)) = url.split_once("://") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    authority.contains('@')
}

/// The lower-cased scheme, if the URL has something before a `:` that comes
/// ahead of any `/`, `?` or `#`. Anything there that is not a well-formed
/// scheme counts as an (unknown) scheme too, so it is never allowed.
fn scheme_of(url: &str) -> Option<String> {
    let end = url.find([':', '/', '?', '#'])?;
    if url.as_bytes()[end] != b':' {
        return None;
    }
    let scheme = &url[..end];
    let well_formed = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    Some(if well_formed {
        scheme.to_ascii_lowercase()
    } else {
        String::from("invalid")
    })
}

fn is_data_image(url: &str) -> bool {
    let lower = url.get(..11).map(str::to_ascii_lowercase);
    lower.as_deref() == Some("data:image/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(raw: &str) -> Option<String> {
        safe_url(raw, UrlUse::Link)
    }

    #[test]
    fn allows_web_mail_and_relative_links() {
        for ok in [
            "https://example.org/a?b=c#d",
            "HTTP://example.org",
            "mailto:desk@example.org",
            "/articles/2",
            "articles/2.json",
            "?page=2",
            "#comments",
            "./x",
            "../y",
        ] {
            assert_eq!(link(ok).as_deref(), Some(ok), "{ok}");
        }
    }

    #[test]
    fn trims_surrounding_whitespace() {
        assert_eq!(
            link("  https://example.org \n").as_deref(),
            Some("https://example.org")
        );
    }

    #[test]
    fn drops_script_and_other_schemes() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " \u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "data:image/png;base64,AAAA",
            "file:///etc/passwd",
            "//evil.example/x",
            "\\\\evil.example/x",
            "/\\evil.example",
            "\\evil.example/x",
            "/path\\with\\backslashes",
            "java script:alert(1)",
            "1javascript:x",
            "",
            "   ",
        ] {
            assert_eq!(link(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn refuses_a_user_name_before_the_host() {
        for bad in [
            "https://harbour-herald.example@evil.example/login",
            "http://user:pass@example.org/",
            "https://@example.org",
        ] {
            assert_eq!(link(bad), None, "{bad:?}");
        }
        // An @ after the host is an ordinary character of the path or query.
        for ok in [
            "https://example.org/@harbour",
            "https://example.org/?to=a@b.example",
            "https://example.org/#@x",
            "mailto:desk@example.org",
        ] {
            assert_eq!(link(ok).as_deref(), Some(ok), "{ok}");
        }
    }

    #[test]
    fn canonical_addresses_are_absolute_web_addresses() {
        let canonical = |url| safe_url(url, UrlUse::Canonical);
        assert!(canonical("https://example.org/a").is_some());
        assert!(canonical("http://example.org/a").is_some());
        for bad in [
            "/a",
            "a.html",
            "?x",
            "mailto:a@b.example",
            "data:image/png,x",
        ] {
            assert_eq!(canonical(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn images_take_data_images_but_not_mailto() {
        assert!(safe_url("data:image/png;base64,AAAA", UrlUse::Image).is_some());
        assert!(safe_url("DATA:IMAGE/svg+xml,<svg/>", UrlUse::Image).is_some());
        assert_eq!(safe_url("data:text/html,x", UrlUse::Image), None);
        assert_eq!(safe_url("mailto:a@b.c", UrlUse::Image), None);
        assert!(safe_url("images/hero.svg", UrlUse::Image).is_some());
    }
}

/// The shared cases (`tests/url-allow-list.json`), which the service
/// worker's check in JavaScript passes too.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod shared_cases {
    use super::*;

    #[test]
    fn every_use_gives_each_case_its_verdict() {
        let text = include_str!("../../../tests/url-allow-list.json");
        let cases: serde_json::Value = serde_json::from_str(text).unwrap();
        let cases = cases["cases"].as_array().unwrap();
        assert!(cases.len() >= 40, "{} cases", cases.len());
        let uses = [
            ("link", UrlUse::Link),
            ("image", UrlUse::Image),
            ("canonical", UrlUse::Canonical),
            ("notification", UrlUse::Notification),
            ("originPath", UrlUse::OriginPath),
        ];
        let mut failures = Vec::new();
        for case in cases {
            let url = case["url"].as_str().unwrap();
            let kept = case["as"].as_str().unwrap_or(url);
            let allowed: Vec<&str> = case["allowed"]
                .as_array()
                .unwrap()
                .iter()
                .map(|name| name.as_str().unwrap())
                .collect();
            for (name, usage) in uses {
                let expected = allowed.contains(&name).then_some(kept);
                let got = safe_url(url, usage);
                if got.as_deref() != expected {
                    failures.push(format!("{url:?} as {name}: {got:?}, expected {expected:?}"));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
