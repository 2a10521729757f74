//! `article-widget-push serve`: the widget's subscribe and unsubscribe calls,
//! and `POST /send` for the newsroom (a bearer token).
//!
//! The widget's two calls must be `application/json` (415 otherwise).
//! Subscribing is bounded ([`Limits`]): per client address, a few a minute
//! and a cap a day (429 with `Retry-After`); and once the store is larger
//! than its cap, no new subscription is taken (507) until it shrinks.
//!
//! - `POST /subscriptions` `{ subscription, topics, lang }`: stored by
//!   endpoint (posting again replaces the topics); 201 when new, 200 after.
//! - `DELETE /subscriptions` `{ endpoint }` (or `{ subscription }`): 204,
//!   whether or not it was stored.
//! - `POST /send` `{ topic, title, body, url, icon?, image?, tag?, lang?,
//!   ttl?, urgency? }` with `Authorization: Bearer <token>`: the summary.

use crate::notification::Notification;
use crate::sender::{SendOptions, Sender, Urgency};
use crate::store::{blocking, SubscriptionStore};
use crate::subscription::{SubscribeRequest, UnsubscribeRequest};
use axum::body::Bytes;
use axum::extract::{ConnectInfo, DefaultBodyLimit, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use subtle::ConstantTimeEq;
use tower_http::cors::CorsLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};

/// Bodies larger than this are refused (a subscription is under 1 KB).
pub const BODY_LIMIT: usize = 16 * 1024;

/// How much subscribing one client, and all of them, may do.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Subscribe calls a minute from one client address (a burst of as many).
    pub per_minute: u32,
    /// Subscribe calls a day from one client address: a household or an
    /// office behind one address has a few devices, not thousands.
    pub per_day: u32,
    /// No new subscription once the store holds this many bytes.
    pub max_store_bytes: u64,
    /// The client's address comes from this request header (the first
    /// address in it), as a reverse proxy in front of the service sets it;
    /// otherwise the connection's own address.
    pub client_header: Option<String>,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            per_minute: 10,
            per_day: 100,
            max_store_bytes: 2 << 30,
            client_header: None,
        }
    }
}

/// The limits' running state.
struct Guard {
    per_minute: DefaultKeyedRateLimiter<IpAddr>,
    per_day: DefaultKeyedRateLimiter<IpAddr>,
    /// The store's size as last measured, and when (measured at most once
    /// a second: it is a query).
    store_size: Mutex<Option<(Instant, u64)>>,
}

impl Guard {
    fn new(limits: &Limits) -> Guard {
        let quota = |count: u32, period: Duration| {
            let count = NonZeroU32::new(count.max(1)).expect("at least one");
            Quota::with_period(period / count.get())
                .expect("a period over zero")
                .allow_burst(count)
        };
        Guard {
            per_minute: RateLimiter::keyed(quota(limits.per_minute, Duration::from_secs(60))),
            per_day: RateLimiter::keyed(quota(limits.per_day, Duration::from_secs(24 * 60 * 60))),
            store_size: Mutex::new(None),
        }
    }

    /// Ok, or how long the client should wait.
    fn admit(&self, client: IpAddr) -> Result<(), Duration> {
        use governor::clock::{Clock, DefaultClock};
        // Buckets of clients gone quiet are dropped now and then, so the
        // map stays the size of the clients of the last day.
        if self.per_minute.len() > 100_000 {
            self.per_minute.retain_recent();
            self.per_day.retain_recent();
        }
        let now = DefaultClock::default().now();
        self.per_minute
            .check_key(&client)
            .and_then(|()| self.per_day.check_key(&client))
            .map_err(|not_until| not_until.wait_time_from(now))
    }
}

/// What the handlers share.
#[derive(Clone)]
pub struct Service {
    store: Arc<dyn SubscriptionStore>,
    sender: Arc<Sender>,
    /// `POST /send` is refused without it.
    token: Option<String>,
    send_options: SendOptions,
    limits: Limits,
    guard: Arc<Guard>,
}

impl Service {
    /// The service over `store`, sending with `sender`; `POST /send` only
    /// with `token`.
    pub fn new(
        store: Arc<dyn SubscriptionStore>,
        sender: Arc<Sender>,
        token: Option<String>,
        send_options: SendOptions,
        limits: Limits,
    ) -> Service {
        Service {
            store,
            sender,
            token,
            send_options,
            guard: Arc::new(Guard::new(&limits)),
            limits,
        }
    }

    /// Whether this token may send.
    pub fn has_token(&self) -> bool {
        self.token.is_some()
    }

    /// The client's address: the proxy's header if configured, else the
    /// connection's peer.
    fn client(&self, headers: &HeaderMap, peer: Option<SocketAddr>) -> Option<IpAddr> {
        match &self.limits.client_header {
            Some(name) => headers
                .get(name.as_str())
                .and_then(|value| value.to_str().ok())
                .and_then(|value| value.split(',').next())
                .and_then(|first| first.trim().parse().ok()),
            None => peer.map(|peer| peer.ip()),
        }
    }

    /// Whether the store has room for new subscriptions.
    async fn has_room(&self) -> Result<bool, String> {
        let cached = *self
            .guard
            .store_size
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let size = match cached {
            Some((at, size)) if at.elapsed() < Duration::from_secs(1) => size,
            _ => {
                let size = blocking(&self.store, |store| store.size_bytes()).await?;
                *self
                    .guard
                    .store_size
                    .lock()
                    .unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), size));
                size
            }
        };
        Ok(size < self.limits.max_store_bytes)
    }
}

/// The routes, with CORS for the publisher's `origins` (the pages that
/// embed the widget). Serve it with the connection's address
/// (`into_make_service_with_connect_info::<SocketAddr>()`) for the
/// per-client limits, unless `Limits::client_header` names a proxy's header.
pub fn router(service: Service, origins: Vec<HeaderValue>) -> Router {
    let cors = CorsLayer::new()
        .allow_origin(origins)
        .allow_methods([Method::POST, Method::DELETE])
        .allow_headers([header::CONTENT_TYPE])
        .max_age(Duration::from_secs(24 * 60 * 60));
    // One line per request at INFO, once answered: method, path, status
    // and time; never headers (the send token) nor bodies (the
    // subscriptions' keys).
    let requests = TraceLayer::new_for_http()
        .make_span_with(|request: &axum::extract::Request| {
            tracing::info_span!("request", method = %request.method(), path = %request.uri().path())
        })
        .on_request(())
        .on_response(DefaultOnResponse::new().level(tracing::Level::INFO))
        .on_failure(());
    Router::new()
        .route("/subscriptions", post(subscribe).delete(unsubscribe))
        .route("/send", post(send))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(cors)
        .layer(requests)
        .with_state(service)
}

fn problem(status: StatusCode, message: impl Into<String>) -> Response {
    (status, Json(serde_json::json!({ "error": message.into() }))).into_response()
}

fn json<T: for<'de> Deserialize<'de>>(body: &Bytes) -> Result<T, String> {
    serde_json::from_slice(body).map_err(|error| format!("body: {error}"))
}

/// The widget's calls are `application/json`, which a browser sends from
/// another origin only after asking (a CORS preflight the service answers
/// for its `--origin`s alone). `text/plain` needs no preflight, so any page
/// could post subscriptions with it: refused.
fn json_only(headers: &HeaderMap) -> Result<(), String> {
    let given = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    let media_type = given.split(';').next().unwrap_or_default().trim();
    if media_type.eq_ignore_ascii_case("application/json") {
        Ok(())
    } else {
        Err(format!(
            "Content-Type: expected application/json, found {given:?}"
        ))
    }
}

async fn subscribe(
    State(service): State<Service>,
    extensions: http::Extensions,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(why) = json_only(&headers) {
        return problem(StatusCode::UNSUPPORTED_MEDIA_TYPE, why);
    }
    let peer = extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0);
    let Some(client) = service.client(&headers, peer) else {
        return problem(
            StatusCode::BAD_REQUEST,
            "the client's address is not known (is the proxy's header set?)",
        );
    };
    if let Err(wait) = service.guard.admit(client) {
        let mut response = problem(
            StatusCode::TOO_MANY_REQUESTS,
            "too many subscriptions from this address; try again later",
        );
        response.headers_mut().insert(
            header::RETRY_AFTER,
            HeaderValue::from(wait.as_secs().max(1)),
        );
        return response;
    }
    match service.has_room().await {
        Ok(true) => {}
        Ok(false) => {
            return problem(
                StatusCode::INSUFFICIENT_STORAGE,
                "the subscription store is full; no new subscriptions for now",
            )
        }
        Err(why) => return problem(StatusCode::INTERNAL_SERVER_ERROR, why),
    }
    let request: SubscribeRequest = match json(&body) {
        Ok(request) => request,
        Err(why) => return problem(StatusCode::BAD_REQUEST, why),
    };
    let (subscriber, topics) = match request.validate(service.sender.policy()) {
        Ok(valid) => valid,
        Err(why) => return problem(StatusCode::BAD_REQUEST, why),
    };
    let stored = topics.clone();
    match blocking(&service.store, move |store| {
        store.upsert(&subscriber, &stored)
    })
    .await
    {
        Ok(true) => (
            StatusCode::CREATED,
            Json(serde_json::json!({ "topics": topics })),
        )
            .into_response(),
        Ok(false) => (
            StatusCode::OK,
            Json(serde_json::json!({ "topics": topics })),
        )
            .into_response(),
        Err(why) => problem(StatusCode::INTERNAL_SERVER_ERROR, why),
    }
}

async fn unsubscribe(State(service): State<Service>, headers: HeaderMap, body: Bytes) -> Response {
    if let Err(why) = json_only(&headers) {
        return problem(StatusCode::UNSUPPORTED_MEDIA_TYPE, why);
    }
    let request: UnsubscribeRequest = match json(&body) {
        Ok(request) => request,
        Err(why) => return problem(StatusCode::BAD_REQUEST, why),
    };
    let endpoint = match request.endpoint() {
        Ok(endpoint) => endpoint,
        Err(why) => return problem(StatusCode::BAD_REQUEST, why),
    };
    let endpoint = endpoint.to_owned();
    match blocking(&service.store, move |store| store.remove(&endpoint)).await {
        Ok(_) => StatusCode::NO_CONTENT.into_response(),
        Err(why) => problem(StatusCode::INTERNAL_SERVER_ERROR, why),
    }
}

/// The body of `POST /send`.
#[derive(Deserialize)]
struct SendRequest {
    topic: String,
    #[serde(flatten)]
    notification: Notification,
    /// Seconds.
    #[serde(default)]
    ttl: Option<u64>,
    #[serde(default)]
    urgency: Option<Urgency>,
}

async fn send(State(service): State<Service>, headers: HeaderMap, body: Bytes) -> Response {
    let Some(token) = &service.token else {
        return problem(
            StatusCode::FORBIDDEN,
            "sending over HTTP is off: start serve with a token",
        );
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .unwrap_or_default();
    // Digests of equal length, compared in constant time: neither the
    // token's bytes nor its length show in how long a refusal takes.
    let (given, expected) = (
        Sha256::digest(given.as_bytes()),
        Sha256::digest(token.as_bytes()),
    );
    if !bool::from(given.as_slice().ct_eq(expected.as_slice())) {
        return problem(
            StatusCode::UNAUTHORIZED,
            "Authorization: expected the bearer token",
        );
    }
    let request: SendRequest = match json(&body) {
        Ok(request) => request,
        Err(why) => return problem(StatusCode::BAD_REQUEST, why),
    };
    let mut options = service.send_options.clone();
    if let Some(ttl) = request.ttl {
        options.ttl = Duration::from_secs(ttl);
    }
    if let Some(urgency) = request.urgency {
        options.urgency = urgency;
    }
    let notification = Notification {
        topic: Some(request.topic.clone()),
        ..request.notification
    };
    match service
        .sender
        .send_topic(&service.store, &request.topic, &notification, &options)
        .await
    {
        Ok(summary) => Json(summary).into_response(),
        Err(why) => problem(StatusCode::BAD_REQUEST, why),
    }
}
