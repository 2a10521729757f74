//! What the widget posts (`{ subscription, topics, lang }`), checked before
//! anything is stored: a clear error that says which field and why.

use crate::endpoint::EndpointPolicy;
use base64ct::{Base64UrlUnpadded, Encoding};
use serde::Deserialize;

/// At most this many topics a subscription (the bell offers a handful).
pub const MAX_TOPICS: usize = 32;

/// The body of `POST /subscriptions`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubscribeRequest {
    /// `PushSubscription.toJSON()`.
    pub subscription: PushSubscription,
    /// Topic ids the reader chose.
    #[serde(default)]
    pub topics: Vec<String>,
    /// The article's language (`nb`, `en`), for the notifications' text.
    #[serde(default)]
    pub lang: Option<String>,
}

/// `PushSubscription.toJSON()`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PushSubscription {
    pub endpoint: String,
    #[serde(default)]
    pub expiration_time: Option<f64>,
    pub keys: SubscriptionKeys,
}

/// The subscription's encryption keys, base64url.
#[derive(Debug, Deserialize)]
pub struct SubscriptionKeys {
    pub p256dh: String,
    pub auth: String,
}

/// The body of `DELETE /subscriptions`: the endpoint, alone or in the
/// subscription object.
#[derive(Debug, Deserialize)]
pub struct UnsubscribeRequest {
    #[serde(default)]
    pub endpoint: Option<String>,
    #[serde(default)]
    pub subscription: Option<EndpointOnly>,
}

#[derive(Debug, Deserialize)]
pub struct EndpointOnly {
    pub endpoint: String,
}

impl UnsubscribeRequest {
    pub fn endpoint(&self) -> Result<&str, String> {
        self.endpoint
            .as_deref()
            .or(self.subscription.as_ref().map(|s| s.endpoint.as_str()))
            .ok_or_else(|| "endpoint: missing".to_owned())
    }
}

/// A subscription as it is stored and sent to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subscriber {
    pub endpoint: String,
    pub p256dh: String,
    pub auth: String,
    pub lang: Option<String>,
}

impl SubscribeRequest {
    /// The subscriber and its topics, or what is wrong; the endpoint must
    /// pass `policy` ([`EndpointPolicy`]).
    pub fn validate(self, policy: &EndpointPolicy) -> Result<(Subscriber, Vec<String>), String> {
        policy.check(&self.subscription.endpoint)?;
        let p256dh = &self.subscription.keys.p256dh;
        let key = Base64UrlUnpadded::decode_vec(p256dh.trim_end_matches('='))
            .map_err(|_| "subscription.keys.p256dh: not base64url".to_owned())?;
        web_push_native::p256::PublicKey::from_sec1_bytes(&key)
            .map_err(|_| "subscription.keys.p256dh: not a P-256 public key".to_owned())?;
        let auth = &self.subscription.keys.auth;
        let secret = Base64UrlUnpadded::decode_vec(auth.trim_end_matches('='))
            .map_err(|_| "subscription.keys.auth: not base64url".to_owned())?;
        if secret.len() != 16 {
            return Err(format!(
                "subscription.keys.auth: expected 16 bytes, found {}",
                secret.len()
            ));
        }
        if self.topics.len() > MAX_TOPICS {
            return Err(format!(
                "topics: at most {MAX_TOPICS}, found {}",
                self.topics.len()
            ));
        }
        let mut topics = Vec::new();
        for (index, topic) in self.topics.into_iter().enumerate() {
            check_topic(&topic).map_err(|why| format!("topics[{index}]: {why}"))?;
            if !topics.contains(&topic) {
                topics.push(topic);
            }
        }
        if let Some(lang) = &self.lang {
            if lang.is_empty()
                || lang.len() > 16
                || !lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            {
                return Err(format!("lang: expected a language tag, found {lang:?}"));
            }
        }
        Ok((
            Subscriber {
                endpoint: self.subscription.endpoint,
                p256dh: key_text(&key),
                auth: key_text(&secret),
                lang: self.lang,
            },
            topics,
        ))
    }
}

fn key_text(bytes: &[u8]) -> String {
    Base64UrlUnpadded::encode_string(bytes)
}

/// Topic ids as the article format has them: letters, digits, `-` and `_`.
pub fn check_topic(topic: &str) -> Result<(), String> {
    if topic.is_empty()
        || topic.len() > 64
        || !topic
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(format!(
            "expected 1 to 64 letters, digits, - or _, found {topic:?}"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(endpoint: &str, p256dh: &str, auth: &str, topics: &[&str]) -> SubscribeRequest {
        serde_json::from_value(serde_json::json!({
            "subscription": { "endpoint": endpoint, "expirationTime": null, "keys": { "p256dh": p256dh, "auth": auth } },
            "topics": topics,
            "lang": "nb",
        }))
        .unwrap()
    }

    const P256DH: &str =
        "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    const AUTH: &str = "BTBZMqHH6r4Tts7J_aSIgg";

    #[test]
    fn a_browser_subscription_is_read_and_each_fault_is_named() {
        let (subscriber, topics) = request(
            "https://push.example.net/send/abc",
            P256DH,
            AUTH,
            &["local", "energy", "local"],
        )
        .validate(&EndpointPolicy::default())
        .unwrap();
        assert_eq!(subscriber.p256dh, P256DH);
        assert_eq!(topics, ["local", "energy"]);

        for (endpoint, p256dh, auth, topics, expected) in [
            (
                "http://push.example.net/x",
                P256DH,
                AUTH,
                vec![],
                "endpoint: expected an https:",
            ),
            ("not a url", P256DH, AUTH, vec![], "endpoint: not a URL"),
            (
                "https://p.example/x",
                "AAAA",
                AUTH,
                vec![],
                "p256dh: not a P-256",
            ),
            (
                "https://p.example/x",
                "%%",
                AUTH,
                vec![],
                "p256dh: not base64url",
            ),
            (
                "https://p.example/x",
                P256DH,
                "AAAA",
                vec![],
                "auth: expected 16 bytes, found 3",
            ),
            (
                "https://p.example/x",
                P256DH,
                AUTH,
                vec!["a b"],
                "topics[0]: expected",
            ),
        ] {
            let error = request(endpoint, p256dh, auth, &topics)
                .validate(&EndpointPolicy::default())
                .unwrap_err();
            assert!(error.contains(expected), "{error} / {expected}");
        }
    }
}
