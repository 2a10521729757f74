//! VAPID keys (RFC 8292): a P-256 key pair that identifies the publisher to
//! push services. The widget gets the public key (`notifications.push.
//! vapidPublicKey`); the private key stays with the sender.

use base64ct::{Base64UrlUnpadded, Encoding};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use web_push_native::jwt_simple::algorithms::{ECDSAP256PublicKeyLike, ES256KeyPair};
use web_push_native::vapid::VapidSignature;

/// The key file `article-widget-push keys` writes (JSON, base64url).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VapidKeys {
    /// The uncompressed public point (65 bytes): the widget's `vapidPublicKey`.
    pub public_key: String,
    /// The private scalar (32 bytes). Keep it secret.
    pub private_key: String,
    /// Who push services may contact about this sender: `mailto:` or `https:`.
    pub subject: String,
}

impl VapidKeys {
    /// A new random key pair.
    pub fn generate(subject: &str) -> Result<Self, String> {
        check_subject(subject)?;
        let pair = ES256KeyPair::generate();
        Ok(Self {
            public_key: Base64UrlUnpadded::encode_string(
                &pair.public_key().public_key().to_bytes_uncompressed(),
            ),
            private_key: Base64UrlUnpadded::encode_string(&pair.to_bytes()),
            subject: subject.to_owned(),
        })
    }

    /// Reads a key file, checking that its two halves belong together.
    pub fn load(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|error| format!("{}: cannot read the key file: {error}", path.display()))?;
        let keys: Self = serde_json::from_str(&text)
            .map_err(|error| format!("{}: not a key file: {error}", path.display()))?;
        let pair = keys
            .key_pair()
            .map_err(|error| format!("{}: {error}", path.display()))?;
        let public = Base64UrlUnpadded::encode_string(
            &pair.public_key().public_key().to_bytes_uncompressed(),
        );
        if public != keys.public_key {
            return Err(format!(
                "{}: publicKey is not the public half of privateKey",
                path.display()
            ));
        }
        check_subject(&keys.subject).map_err(|error| format!("{}: {error}", path.display()))?;
        Ok(keys)
    }

    /// The signing key.
    pub fn key_pair(&self) -> Result<ES256KeyPair, String> {
        let bytes = Base64UrlUnpadded::decode_vec(&self.private_key)
            .map_err(|_| "privateKey: not base64url".to_owned())?;
        ES256KeyPair::from_bytes(&bytes).map_err(|error| format!("privateKey: {error}"))
    }
}

/// How long a signed VAPID token is valid (RFC 8292 allows up to 24 hours).
pub const TOKEN_LIFETIME: Duration = Duration::from_secs(12 * 60 * 60);
/// A token is signed again when less than this is left of it, so no request
/// carries one that expires on its way.
pub const TOKEN_RENEWAL: Duration = Duration::from_secs(60 * 60);

/// The `Authorization` header for each push service, signed once and
/// reused until shortly before it expires (RFC 8292 §2: a token may be
/// reused for requests to the same push service). Signing per message was
/// a third of the sender's work (`make bench-push`).
pub struct VapidTokens {
    key_pair: ES256KeyPair,
    subject: String,
    /// By audience (the endpoint's scheme and host, as the token names it).
    signed: Mutex<HashMap<String, (http::HeaderValue, Instant)>>,
}

impl VapidTokens {
    pub fn new(keys: &VapidKeys) -> Result<Self, String> {
        Ok(Self {
            key_pair: keys.key_pair()?,
            subject: keys.subject.clone(),
            signed: Mutex::default(),
        })
    }

    /// The header for a request to `endpoint`: a token already signed for
    /// its push service, or a new one.
    pub fn authorization(&self, endpoint: &http::Uri) -> Result<http::HeaderValue, String> {
        // web-push-native's audience: scheme://host (push services are on
        // the default port).
        let audience = format!(
            "{}://{}",
            endpoint.scheme_str().unwrap_or_default(),
            endpoint.host().unwrap_or_default()
        );
        let now = Instant::now();
        let mut signed = self.signed.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((header, renew_at)) = signed.get(&audience) {
            if now < *renew_at {
                return Ok(header.clone());
            }
        }
        let signature =
            VapidSignature::sign(endpoint, TOKEN_LIFETIME, &self.subject, &self.key_pair)
                .map_err(|error| format!("cannot sign the VAPID token: {error}"))?;
        let header = http::HeaderValue::from(signature);
        signed.insert(
            audience,
            (header.clone(), now + (TOKEN_LIFETIME - TOKEN_RENEWAL)),
        );
        Ok(header)
    }

    /// Push services a token is held for (tests).
    pub fn signed_count(&self) -> usize {
        self.signed.lock().unwrap_or_else(|e| e.into_inner()).len()
    }
}

fn check_subject(subject: &str) -> Result<(), String> {
    if subject.starts_with("mailto:") || subject.starts_with("https://") {
        Ok(())
    } else {
        Err(format!(
            "subject: expected a mailto: or https: address, found {subject:?}"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_pair_loads_and_a_mismatched_one_does_not() {
        let dir = std::env::temp_dir().join(format!("aw-keys-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("keys.json");
        let keys = VapidKeys::generate("mailto:news@example.org").unwrap();
        assert_eq!(
            Base64UrlUnpadded::decode_vec(&keys.public_key)
                .unwrap()
                .len(),
            65
        );
        std::fs::write(&path, serde_json::to_string(&keys).unwrap()).unwrap();
        assert_eq!(VapidKeys::load(&path).unwrap().public_key, keys.public_key);

        let other = VapidKeys::generate("mailto:news@example.org").unwrap();
        let mixed = VapidKeys {
            public_key: other.public_key,
            ..keys
        };
        std::fs::write(&path, serde_json::to_string(&mixed).unwrap()).unwrap();
        let error = VapidKeys::load(&path).unwrap_err();
        assert!(error.contains("not the public half"), "{error}");
        assert!(VapidKeys::generate("news@example.org").is_err());
    }
}
