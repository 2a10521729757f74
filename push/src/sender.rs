//! Fan-out: one encrypted message (RFC 8291, aes128gcm) per subscriber of a
//! topic, signed with VAPID (RFC 8292), posted to each push service (RFC
//! 8030) with bounded concurrency. Gone subscriptions (404, 410) are removed;
//! 429 and 5xx are tried again after a pause.
//!
//! Fair to every push service: each request has its own time-out; no host
//! holds more than `per_host` of the shared slots; a slot is held only
//! while a request is in flight, never through a pause before a retry
//! (`Retry-After` capped at `longest_pause`); a push service that asks for a
//! pause (`Retry-After`) gets no request from this sender until it ends;
//! and subscribers go out one host after another in turn, so endpoints that
//! sort first (or hang) cannot take every slot.
//!
//! Near the floor (`make bench-push`): the VAPID token is signed once per
//! push service and reused ([`VapidTokens`]); connections are kept open, on
//! HTTP/2 where the service offers it (ALPN); each subscriber's keys are
//! decoded once. What is left per message is the encryption itself (the
//! `ece` crate on OpenSSL: a new key pair, ECDH, HKDF, AES-128-GCM).

use crate::endpoint::EndpointPolicy;
use crate::keys::{VapidKeys, VapidTokens};
use crate::metrics::{Metrics, ServiceLabels};
use crate::notification::Notification;
use crate::store::{blocking, SubscriptionStore};
use crate::subscription::Subscriber;
use base64ct::{Base64UrlUnpadded, Encoding};
use futures::StreamExt;
use serde::Serialize;
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::time::Instant;
use web_push_native::p256;

/// How urgent a message is (RFC 8030 §5.3): push services may hold back
/// low-urgency messages to save a phone's battery.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Urgency {
    VeryLow,
    Low,
    #[default]
    Normal,
    High,
}

impl Urgency {
    /// Its name in the `Urgency` header (and on the command line).
    pub fn header(self) -> &'static str {
        match self {
            Urgency::VeryLow => "very-low",
            Urgency::Low => "low",
            Urgency::Normal => "normal",
            Urgency::High => "high",
        }
    }
}

/// How a send behaves.
#[derive(Clone, Debug)]
pub struct SendOptions {
    /// How long a push service keeps the message for an offline device.
    pub ttl: Duration,
    pub urgency: Urgency,
    /// RFC 8030 §5.4's `Topic`: a push service keeps only the latest
    /// message with the same topic for a device that is offline, so a
    /// message sent twice (a campaign resumed after a crash) is shown once.
    pub replace_topic: Option<String>,
    /// Requests in flight at once.
    pub concurrency: usize,
    /// Requests in flight at once to one push service (host and port).
    pub per_host: usize,
    /// How long one request may take, from connecting to the answer.
    pub request_timeout: Duration,
    /// Tries per subscriber, counting the first.
    pub attempts: u32,
    /// The pause before the first retry; doubled each time, and a push
    /// service's `Retry-After` wins (up to `longest_pause`).
    pub first_pause: Duration,
    pub longest_pause: Duration,
}

impl Default for SendOptions {
    fn default() -> Self {
        Self {
            ttl: Duration::from_secs(24 * 60 * 60),
            urgency: Urgency::Normal,
            replace_topic: None,
            concurrency: 64,
            per_host: 16,
            request_timeout: Duration::from_secs(10),
            attempts: 4,
            first_pause: Duration::from_millis(500),
            longest_pause: Duration::from_secs(30),
        }
    }
}

/// RFC 8030 §5.4: at most 32 characters of the URL-safe base64 alphabet.
pub fn check_replace_topic(topic: &str) -> Result<(), String> {
    if topic.is_empty()
        || topic.len() > 32
        || !topic
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(format!(
            "{topic:?}: a push Topic is 1 to 32 letters, digits, - or _ (RFC 8030 §5.4)"
        ));
    }
    Ok(())
}

/// What a send did.
#[derive(Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub subscribers: usize,
    pub sent: usize,
    /// Gone (404, 410) and removed from the store.
    pub removed: usize,
    pub failed: usize,
    /// The first few failures, each with its endpoint and why.
    pub failures: Vec<String>,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} subscribers: {} sent, {} removed (gone), {} failed",
            self.subscribers, self.sent, self.removed, self.failed
        )?;
        for failure in &self.failures {
            write!(f, "\n  {failure}")?;
        }
        Ok(())
    }
}

/// What became of one subscriber's message.
#[derive(Debug)]
pub enum Outcome {
    Delivered,
    /// 404 or 410: the subscription is gone; the caller removes it.
    Gone,
    Failed(String),
}

/// What one try came to.
enum Try {
    Done(Outcome),
    /// Busy or unreachable: try again after this pause, if tries are left.
    Again(Option<Duration>, String),
}

/// One push service's share of the slots, and the pause it asked for.
struct Host {
    name: String,
    slots: Semaphore,
    paused_until: Mutex<Option<Instant>>,
}

impl Host {
    /// Waits out a pause the push service asked for (`Retry-After`).
    async fn unpaused(&self) {
        loop {
            let until = *self.paused_until.lock().unwrap_or_else(|e| e.into_inner());
            match until {
                Some(until) if until > Instant::now() => tokio::time::sleep_until(until).await,
                _ => return,
            }
        }
    }

    fn pause(&self, pause: Duration) {
        let until = Instant::now() + pause;
        let mut paused = self.paused_until.lock().unwrap_or_else(|e| e.into_inner());
        if paused.is_none_or(|current| current < until) {
            *paused = Some(until);
        }
    }
}

/// The shared slots, and each push service's share of them. One per send,
/// or one per worker for all it sends.
pub struct Pacing {
    all: Semaphore,
    per_host: usize,
    hosts: Mutex<HashMap<String, Arc<Host>>>,
}

impl Pacing {
    pub fn new(options: &SendOptions) -> Self {
        Self {
            all: Semaphore::new(options.concurrency.max(1)),
            per_host: options.per_host.max(1),
            hosts: Mutex::default(),
        }
    }

    fn host(&self, name: String) -> Arc<Host> {
        let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
        hosts
            .entry(name)
            .or_insert_with_key(|name| {
                Arc::new(Host {
                    name: name.clone(),
                    slots: Semaphore::new(self.per_host),
                    paused_until: Mutex::new(None),
                })
            })
            .clone()
    }
}

/// The push service an endpoint belongs to: its host and port.
pub fn host_of(endpoint: &str) -> String {
    reqwest::Url::parse(endpoint)
        .ok()
        .map(|url| {
            format!(
                "{}:{}",
                url.host_str().unwrap_or_default(),
                url.port_or_known_default().unwrap_or(0)
            )
        })
        .unwrap_or_default()
}

/// Subscribers one host after another in turn (a, b, c, a, b, c, …), each
/// host's in their stored order.
pub fn taking_turns<T>(subscribers: Vec<T>, endpoint: impl Fn(&T) -> &str) -> Vec<T> {
    let mut hosts: Vec<VecDeque<T>> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let count = subscribers.len();
    for subscriber in subscribers {
        let at = *index
            .entry(host_of(endpoint(&subscriber)))
            .or_insert_with(|| {
                hosts.push(VecDeque::new());
                hosts.len() - 1
            });
        hosts[at].push_back(subscriber);
    }
    let mut order = Vec::with_capacity(count);
    while order.len() < count {
        for queue in &mut hosts {
            order.extend(queue.pop_front());
        }
    }
    order
}

/// A notification ready to send: its JSON and its headers.
pub struct Message {
    payload: Vec<u8>,
    ttl: http::HeaderValue,
    urgency: http::HeaderValue,
    topic: Option<http::HeaderValue>,
}

impl Message {
    pub fn new(payload: Vec<u8>, options: &SendOptions) -> Result<Self, String> {
        let topic = match &options.replace_topic {
            Some(topic) => {
                check_replace_topic(topic)?;
                Some(http::HeaderValue::from_str(topic).map_err(|e| e.to_string())?)
            }
            None => None,
        };
        Ok(Self {
            payload,
            ttl: options.ttl.as_secs().into(),
            urgency: http::HeaderValue::from_static(options.urgency.header()),
            topic,
        })
    }
}

/// Sends with one VAPID key pair and one HTTP client (its connections are
/// reused across subscribers of the same push service).
pub struct Sender {
    client: reqwest::Client,
    policy: EndpointPolicy,
    tokens: VapidTokens,
    metrics: Arc<Metrics>,
}

const FAILURES_KEPT: usize = 10;

impl Sender {
    /// A sender that reaches only the endpoints `policy` allows: names are
    /// resolved to the addresses it allows, and redirects are not followed
    /// (a push service answers, it does not send elsewhere).
    pub fn new(keys: &VapidKeys, policy: EndpointPolicy) -> Result<Self, String> {
        Self::with_metrics(keys, policy, Arc::default())
    }

    /// The same, counting into `metrics` (`--metrics`).
    pub fn with_metrics(
        keys: &VapidKeys,
        policy: EndpointPolicy,
        metrics: Arc<Metrics>,
    ) -> Result<Self, String> {
        // Each request's time-out is the send's (`request_timeout`).
        let client = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::none())
            .dns_resolver(Arc::new(policy.resolver()))
            .pool_max_idle_per_host(256)
            .tcp_nodelay(true)
            .user_agent(concat!("article-widget-push/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|error| format!("cannot make an HTTP client: {error}"))?;
        Ok(Self {
            client,
            policy,
            tokens: VapidTokens::new(keys)?,
            metrics,
        })
    }

    /// The endpoints this sender reaches; the service checks subscriptions
    /// with it before storing them.
    pub fn policy(&self) -> &EndpointPolicy {
        &self.policy
    }

    pub fn metrics(&self) -> &Arc<Metrics> {
        &self.metrics
    }

    /// Push services a VAPID token was signed for so far.
    pub fn tokens_signed(&self) -> usize {
        self.tokens.signed_count()
    }

    /// Sends `notification` to every subscriber of `topic`, in this process
    /// (SQLite's send; Postgres's goes through a campaign, `campaign.rs`).
    pub async fn send_topic(
        &self,
        store: &Arc<dyn SubscriptionStore>,
        topic: &str,
        notification: &Notification,
        options: &SendOptions,
    ) -> Result<Summary, String> {
        crate::subscription::check_topic(topic).map_err(|why| format!("topic: {why}"))?;
        let message = Message::new(notification.payload()?, options)?;
        let wanted = topic.to_owned();
        let subscribers = blocking(store, move |store| store.subscribers(&wanted)).await?;
        let mut summary = Summary {
            subscribers: subscribers.len(),
            ..Summary::default()
        };
        let pacing = Pacing::new(options);
        // Subscribers waiting for a slot or pausing before a retry hold
        // none; this many are under way at once (each a small future).
        let under_way = options.concurrency.max(1) * 16;
        let mut outcomes = futures::stream::iter(taking_turns(subscribers, |s| &s.endpoint))
            .map(|subscriber| {
                let pacing = &pacing;
                let message = &message;
                async move {
                    let outcome = self.deliver(&subscriber, message, options, pacing).await;
                    (subscriber, outcome)
                }
            })
            .buffer_unordered(under_way);
        while let Some((subscriber, outcome)) = outcomes.next().await {
            match outcome {
                Outcome::Delivered => summary.sent += 1,
                Outcome::Gone => {
                    let endpoint = subscriber.endpoint.clone();
                    blocking(store, move |store| store.remove(&endpoint)).await?;
                    summary.removed += 1;
                }
                Outcome::Failed(why) => {
                    summary.failed += 1;
                    if summary.failures.len() < FAILURES_KEPT {
                        summary
                            .failures
                            .push(format!("{}: {why}", subscriber.endpoint));
                    }
                }
            }
        }
        Ok(summary)
    }

    /// One subscriber's message, tried until it is delivered, gone, refused
    /// or out of tries. Counted in the metrics.
    pub async fn deliver(
        &self,
        subscriber: &Subscriber,
        message: &Message,
        options: &SendOptions,
        pacing: &Pacing,
    ) -> Outcome {
        let outcome = self
            .deliver_uncounted(subscriber, message, options, pacing)
            .await;
        self.metrics.count(match outcome {
            Outcome::Delivered => "sent",
            Outcome::Gone => "gone",
            Outcome::Failed(_) => "failed",
        });
        outcome
    }

    async fn deliver_uncounted(
        &self,
        subscriber: &Subscriber,
        message: &Message,
        options: &SendOptions,
        pacing: &Pacing,
    ) -> Outcome {
        // Stored before a stricter policy, or written into the store by hand.
        if let Err(why) = self.policy.check(&subscriber.endpoint) {
            return Outcome::Failed(why);
        }
        let recipient = match Recipient::of(subscriber) {
            Ok(recipient) => recipient,
            Err(why) => return Outcome::Failed(why),
        };
        let host = pacing.host(host_of(&subscriber.endpoint));
        let attempts = options.attempts.max(1);
        let mut pause = options.first_pause;
        let mut last = String::new();
        for attempt in 1..=attempts {
            host.unpaused().await;
            let tried = {
                // The host's share first, then a shared slot: a host at its
                // share waits without holding one of everyone's slots.
                let (Ok(_host_slot), Ok(_slot)) =
                    (host.slots.acquire().await, pacing.all.acquire().await)
                else {
                    return Outcome::Failed("the sender stopped".into());
                };
                self.metrics.in_flight.inc();
                let started = Instant::now();
                let tried = match tokio::time::timeout(
                    options.request_timeout,
                    self.try_once(&recipient, message),
                )
                .await
                {
                    Ok(tried) => tried,
                    Err(_) => Try::Again(
                        None,
                        format!("no answer in {} s", options.request_timeout.as_secs_f32()),
                    ),
                };
                self.metrics.in_flight.dec();
                self.metrics
                    .latency
                    .get_or_create(&ServiceLabels {
                        service: host.name.clone(),
                    })
                    .observe(started.elapsed().as_secs_f64());
                tried
            };
            match tried {
                Try::Done(outcome) => return outcome,
                Try::Again(retry_after, why) => {
                    last = why;
                    if attempt == attempts {
                        break;
                    }
                    self.metrics.retries.inc();
                    // The push service asked for a pause: none of this
                    // sender's requests reach it until the pause ends.
                    if let Some(asked) = retry_after {
                        host.pause(asked.min(options.longest_pause));
                    }
                    // The slots are free again while this one waits.
                    tokio::time::sleep(retry_after.unwrap_or(pause).min(options.longest_pause))
                        .await;
                    pause = (pause * 2).min(options.longest_pause);
                }
            }
        }
        Outcome::Failed(format!("gave up after {attempts} tries: {last}"))
    }

    /// One request: encrypted afresh (a new salt and sender key, the
    /// payload padded to a multiple of 128 bytes so its length tells
    /// little), sent with the push service's VAPID token, and its answer read.
    async fn try_once(&self, recipient: &Recipient, message: &Message) -> Try {
        let body = match ece::encrypt(&recipient.public_key, &recipient.auth, &message.payload) {
            Ok(body) => body,
            Err(error) => return Try::Done(Outcome::Failed(format!("cannot encrypt: {error}"))),
        };
        let authorization = match self.tokens.authorization(&recipient.uri) {
            Ok(header) => header,
            Err(why) => return Try::Done(Outcome::Failed(why)),
        };
        let mut request = self
            .client
            .post(recipient.url.clone())
            .header(http::header::AUTHORIZATION, authorization)
            .header(http::header::CONTENT_ENCODING, "aes128gcm")
            .header(http::header::CONTENT_TYPE, "application/octet-stream")
            .header("TTL", message.ttl.clone())
            .header("Urgency", message.urgency.clone());
        if let Some(topic) = &message.topic {
            request = request.header("Topic", topic.clone());
        }
        let request = match request.body(body).build() {
            Ok(request) => request,
            Err(error) => {
                return Try::Done(Outcome::Failed(format!("cannot make the request: {error}")))
            }
        };
        let response = match self.client.execute(request).await {
            Ok(response) => response,
            Err(error) => return Try::Again(None, format!("no answer: {error}")),
        };
        let status = response.status();
        if status.is_success() {
            return Try::Done(Outcome::Delivered);
        }
        if status == 404 || status == 410 {
            return Try::Done(Outcome::Gone);
        }
        let retry_after = response
            .headers()
            .get("Retry-After")
            .and_then(|value| value.to_str().ok())
            .and_then(retry_after);
        let text = start_of_body(response).await;
        let why = format!("{status} {text}").trim_end().to_owned();
        if status != 429 && !status.is_server_error() {
            return Try::Done(Outcome::Failed(why));
        }
        Try::Again(retry_after, why)
    }
}

/// `Retry-After` (RFC 9110 §10.2.3): seconds, or an HTTP date.
fn retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(
        at.duration_since(std::time::SystemTime::now())
            .unwrap_or_default(),
    )
}

/// Error bodies are read up to this many bytes: enough for a push service's
/// reason, and a hostile endpoint cannot make the sender hold more.
pub const ERROR_BODY_BYTES: usize = 1024;

/// The first 200 characters of a failing response's body, reading at most
/// [`ERROR_BODY_BYTES`] of it; the rest is never read (the connection is
/// dropped with the response).
async fn start_of_body(mut response: reqwest::Response) -> String {
    let mut kept: Vec<u8> = Vec::new();
    while kept.len() < ERROR_BODY_BYTES {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                kept.extend_from_slice(&chunk[..chunk.len().min(ERROR_BODY_BYTES - kept.len())])
            }
            _ => break,
        }
    }
    String::from_utf8_lossy(&kept).chars().take(200).collect()
}

/// A subscriber's endpoint and keys, decoded once for all its tries.
struct Recipient {
    url: reqwest::Url,
    /// The same address as the VAPID token's audience is read from.
    uri: http::Uri,
    /// The browser's P-256 public key, uncompressed (65 bytes).
    public_key: Vec<u8>,
    auth: Vec<u8>,
}

impl Recipient {
    fn of(subscriber: &Subscriber) -> Result<Self, String> {
        let not_a_url = || "the stored endpoint is not a URL".to_owned();
        let url = reqwest::Url::parse(&subscriber.endpoint).map_err(|_| not_a_url())?;
        let uri = subscriber.endpoint.parse().map_err(|_| not_a_url())?;
        let public_key = Base64UrlUnpadded::decode_vec(&subscriber.p256dh)
            .ok()
            .filter(|bytes| p256::PublicKey::from_sec1_bytes(bytes).is_ok())
            .ok_or("the stored p256dh is not a P-256 public key")?;
        let auth = Base64UrlUnpadded::decode_vec(&subscriber.auth)
            .ok()
            .filter(|bytes| bytes.len() == 16)
            .ok_or("the stored auth is not 16 bytes")?;
        Ok(Self {
            url,
            uri,
            public_key,
            auth,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        assert_eq!(retry_after(" 120 "), Some(Duration::from_secs(120)));
        let later = std::time::SystemTime::now() + Duration::from_secs(90);
        let read = retry_after(&httpdate::fmt_http_date(later)).unwrap();
        assert!(
            read > Duration::from_secs(80) && read <= Duration::from_secs(90),
            "{read:?}"
        );
        assert_eq!(
            retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after("soon"), None);
    }

    #[test]
    fn a_replace_topic_is_checked() {
        assert!(check_replace_topic("aw-c12").is_ok());
        assert!(check_replace_topic("").is_err());
        assert!(check_replace_topic("no spaces").is_err());
        assert!(check_replace_topic(&"x".repeat(33)).is_err());
    }
}
