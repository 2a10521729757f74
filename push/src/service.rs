//! `article-widget-push serve`: the widget's subscribe and unsubscribe calls,
//! and `POST /send` for the newsroom (a bearer token).
//!
//! The widget's two calls must be `application/json` (415 otherwise).
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
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::sync::Arc;
use std::time::Duration;
use subtle::ConstantTimeEq;
use tower_http::cors::CorsLayer;

/// Bodies larger than this are refused (a subscription is under 1 KB).
pub const BODY_LIMIT: usize = 16 * 1024;

/// What the handlers share.
#[derive(Clone)]
pub struct Service {
    pub store: Arc<dyn SubscriptionStore>,
    pub sender: Arc<Sender>,
    /// `POST /send` is refused without it.
    pub token: Option<String>,
    pub send_options: SendOptions,
}

/// The routes, with CORS for the publisher's `origins` (the pages that
/// embed the widget).
pub fn router(service: Service, origins: Vec<HeaderValue>) -> Router {
    let cors = CorsLayer::new()
        .allow_origin(origins)
        .allow_methods([Method::POST, Method::DELETE])
        .allow_headers([header::CONTENT_TYPE])
        .max_age(Duration::from_secs(24 * 60 * 60));
    Router::new()
        .route("/subscriptions", post(subscribe).delete(unsubscribe))
        .route("/send", post(send))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(cors)
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

async fn subscribe(State(service): State<Service>, headers: HeaderMap, body: Bytes) -> Response {
    if let Err(why) = json_only(&headers) {
        return problem(StatusCode::UNSUPPORTED_MEDIA_TYPE, why);
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
