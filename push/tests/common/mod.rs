//! The mock push service and helpers the push tests share.
#![allow(dead_code)]

use article_widget_push::endpoint::EndpointPolicy;
use article_widget_push::keys::VapidKeys;
use article_widget_push::notification::Notification;
use article_widget_push::sender::{SendOptions, Urgency};
use article_widget_push::subscription::Subscriber;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::Router;
use base64ct::{Base64UrlUnpadded, Encoding};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use web_push_native::jwt_simple::prelude::*;

/// One received message, decrypted.
#[derive(Clone, Debug)]
pub struct Received {
    pub id: String,
    pub payload: serde_json::Value,
    pub ttl: String,
    pub urgency: String,
    /// The `Topic` header, if any.
    pub topic: Option<String>,
    pub at: Instant,
    /// As it came, encrypted.
    pub body: Bytes,
}

#[derive(Default)]
pub struct Mock {
    /// The subscription's private half, by id.
    pub keys: HashMap<String, (ece::EcKeyComponents, Vec<u8>)>,
    pub vapid_public: String,
    pub received: Vec<Received>,
    pub tries: HashMap<String, u32>,
    /// Tokens already checked: a sender reuses one per push service.
    pub verified: HashSet<String>,
}

pub type Shared = Arc<Mutex<Mock>>;

pub async fn push(
    State(mock): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> (StatusCode, String) {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let (tries, vapid_public, known) = {
        let mut mock = mock.lock().unwrap();
        *mock.tries.entry(id.clone()).or_default() += 1;
        let authorization = header("authorization");
        let known = mock.verified.contains(&authorization);
        (mock.tries[&id], mock.vapid_public.clone(), known)
    };
    // VAPID: `vapid t=<JWT>, k=<public key>`.
    let authorization = header("authorization");
    let Some((token, key)) = authorization
        .strip_prefix("vapid t=")
        .and_then(|rest| rest.split_once(", k="))
    else {
        return (
            StatusCode::UNAUTHORIZED,
            format!("no VAPID authorization: {authorization:?}"),
        );
    };
    if key != vapid_public {
        return (StatusCode::UNAUTHORIZED, "another VAPID key".into());
    }
    if !known {
        let public =
            ES256PublicKey::from_bytes(&Base64UrlUnpadded::decode_vec(key).unwrap()).unwrap();
        // web-push-native writes the audience as scheme://host, without the
        // port; real push services are on the default port, where the two agree.
        let options = VerificationOptions {
            allowed_audiences: Some(HashSet::from_strings(&[
                "http://127.0.0.1",
                "http://127.0.0.2",
            ])),
            ..Default::default()
        };
        match public.verify_token::<NoCustomClaims>(token, Some(options)) {
            Ok(claims)
                if claims.subject.as_deref() == Some("mailto:push@example.org")
                    && claims.expires_at.is_some() => {}
            Ok(claims) => return (StatusCode::UNAUTHORIZED, format!("claims: {claims:?}")),
            Err(error) => return (StatusCode::UNAUTHORIZED, format!("JWT: {error}")),
        }
        mock.lock().unwrap().verified.insert(authorization.clone());
    }
    if header("content-encoding") != "aes128gcm" {
        return (StatusCode::UNSUPPORTED_MEDIA_TYPE, "not aes128gcm".into());
    }
    if id.starts_with("gone") {
        return (StatusCode::GONE, String::new());
    }
    if id.starts_with("missing") {
        return (StatusCode::NOT_FOUND, String::new());
    }
    if id.starts_with("broken") {
        return (StatusCode::BAD_REQUEST, "broken on purpose".into());
    }
    if id.starts_with("busy") && tries == 1 {
        return (StatusCode::TOO_MANY_REQUESTS, String::new());
    }
    if id.starts_with("flaky") && tries < 3 {
        return (StatusCode::SERVICE_UNAVAILABLE, String::new());
    }
    let Some((components, auth)) = mock.lock().unwrap().keys.get(&id).cloned() else {
        return (StatusCode::NOT_FOUND, "unknown subscription".into());
    };
    // Decrypted outside the lock: several requests at once, as a push
    // service takes them.
    let plain = match ece::decrypt(&components, &auth, &body) {
        Ok(plain) => plain,
        Err(error) => return (StatusCode::BAD_REQUEST, format!("cannot decrypt: {error}")),
    };
    let payload = serde_json::from_slice(&plain).unwrap();
    let topic = headers
        .get("topic")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    mock.lock().unwrap().received.push(Received {
        id,
        payload,
        ttl: header("ttl"),
        urgency: header("urgency"),
        topic,
        at: Instant::now(),
        body,
    });
    (StatusCode::CREATED, String::new())
}

/// Starts the mock push service; returns its origin.
pub async fn mock_push_service(mock: Shared) -> String {
    mock_push_service_at(mock, "127.0.0.1").await
}

/// The mock push service on another loopback address (`127.0.0.2`: its
/// endpoints sort after those on 127.0.0.1, as a store lists them).
pub async fn mock_push_service_at(mock: Shared, address: &str) -> String {
    let app = Router::new()
        .route("/push/{id}", post(push))
        .with_state(mock);
    let listener = tokio::net::TcpListener::bind(format!("{address}:0"))
        .await
        .unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    origin
}

/// The mock push service runs on this machine: only the test switch lets
/// the sender reach it.
pub fn mock_only() -> EndpointPolicy {
    EndpointPolicy {
        loopback_for_tests: true,
        ..EndpointPolicy::default()
    }
}

/// A browser's subscription: a fresh P-256 key pair and auth secret, the
/// private half kept by the mock (as a browser keeps it).
pub fn subscribe(mock: &Shared, origin: &str, id: &str) -> Subscriber {
    let (pair, auth) = ece::generate_keypair_and_auth_secret().unwrap();
    let public = pair.pub_as_raw().unwrap();
    mock.lock().unwrap().keys.insert(
        id.to_owned(),
        (pair.raw_components().unwrap(), auth.to_vec()),
    );
    Subscriber {
        endpoint: format!("{origin}/push/{id}"),
        p256dh: Base64UrlUnpadded::encode_string(&public),
        auth: Base64UrlUnpadded::encode_string(&auth),
        lang: Some("nb".into()),
    }
}

pub fn setup() -> (VapidKeys, Shared) {
    let keys = VapidKeys::generate("mailto:push@example.org").unwrap();
    let mock = Shared::default();
    mock.lock().unwrap().vapid_public = keys.public_key.clone();
    (keys, mock)
}

pub fn notification() -> Notification {
    Notification {
        title: "Nattferja går igjen".into(),
        body: "Fra i kveld seiler ferja som før.".into(),
        url: "https://news.example/ferja".into(),
        tag: Some("ferja".into()),
        ..Default::default()
    }
}

pub fn quick() -> SendOptions {
    SendOptions {
        first_pause: Duration::from_millis(5),
        ttl: Duration::from_secs(600),
        urgency: Urgency::High,
        ..SendOptions::default()
    }
}

/// A fresh database of its own on the server `ARTICLE_WIDGET_PUSH_POSTGRES`
/// names (`postgresql://user@host:port`), opened through `--db`'s path.
pub fn postgres_database(name: &str) -> Option<String> {
    let Ok(server) = std::env::var("ARTICLE_WIDGET_PUSH_POSTGRES") else {
        println!("skipped: no Postgres (run under scripts/with-postgres.sh)");
        return None;
    };
    let database = format!("aw_test_{name}");
    // The blocking client cannot run on a test's runtime thread.
    let admin = server.clone();
    let create = database.clone();
    std::thread::spawn(move || {
        let mut client = postgres::Client::connect(&admin, postgres::NoTls).unwrap();
        // Two statements: together they would be one transaction, which
        // DROP DATABASE refuses.
        for statement in ["DROP DATABASE IF EXISTS", "CREATE DATABASE"] {
            client
                .batch_execute(&format!("{statement} {create}"))
                .unwrap();
        }
    })
    .join()
    .unwrap();
    Some(format!("{}/{database}", server.trim_end_matches('/')))
}

/// A received message decrypted by a second implementation: web-push-native
/// on RustCrypto's P-256, where the sender encrypts with ece on OpenSSL and
/// the mock decrypts with ece too.
pub fn decrypt_independently(mock: &Mock, received: &Received) -> serde_json::Value {
    let (components, auth) = &mock.keys[&received.id];
    let secret = web_push_native::p256::SecretKey::from_slice(components.private_key()).unwrap();
    let auth = web_push_native::Auth::clone_from_slice(auth);
    let plain = web_push_native::decrypt(received.body.to_vec(), &secret, &auth).unwrap();
    serde_json::from_slice(&plain).unwrap()
}
