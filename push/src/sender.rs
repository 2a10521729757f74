//! Fan-out: one encrypted message (RFC 8291, aes128gcm) per subscriber of a
//! topic, signed with VAPID (RFC 8292), posted to each push service (RFC
//! 8030) with bounded concurrency. Gone subscriptions (404, 410) are removed;
//! 429 and 5xx are tried again after a pause.
//!
//! Fair to every push service: each request has its own time-out; no host
//! holds more than `per_host` of the shared slots; a slot is held only
//! while a request is in flight, never through a pause before a retry
//! (`Retry-After` capped at `longest_pause`); and subscribers go out one
//! host after another in turn, so endpoints that sort first (or hang)
//! cannot take every slot.

use crate::endpoint::EndpointPolicy;
use crate::keys::VapidKeys;
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
use web_push_native::jwt_simple::algorithms::ES256KeyPair;
use web_push_native::{p256, Auth, WebPushBuilder};

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
    fn header(self) -> &'static str {
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
            concurrency: 64,
            per_host: 16,
            request_timeout: Duration::from_secs(10),
            attempts: 4,
            first_pause: Duration::from_millis(500),
            longest_pause: Duration::from_secs(30),
        }
    }
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

enum Outcome {
    Delivered,
    Gone,
    Failed(String),
}

/// What one try came to.
enum Try {
    Done(Outcome),
    /// Busy or unreachable: try again after this pause, if tries are left.
    Again(Option<Duration>, String),
}

/// The shared slots, and each host's share of them.
struct Slots {
    all: Semaphore,
    per_host: usize,
    hosts: Mutex<HashMap<String, Arc<Semaphore>>>,
}

impl Slots {
    fn host(&self, host: &str) -> Arc<Semaphore> {
        let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
        hosts
            .entry(host.to_owned())
            .or_insert_with(|| Arc::new(Semaphore::new(self.per_host)))
            .clone()
    }
}

/// The push service an endpoint belongs to: its host and port.
fn host_of(endpoint: &str) -> String {
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
fn taking_turns(subscribers: Vec<Subscriber>) -> Vec<Subscriber> {
    let mut hosts: Vec<VecDeque<Subscriber>> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let count = subscribers.len();
    for subscriber in subscribers {
        let at = *index
            .entry(host_of(&subscriber.endpoint))
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

/// Sends with one VAPID key pair and one HTTP client (its connections are
/// reused across subscribers of the same push service).
pub struct Sender {
    client: reqwest::Client,
    policy: EndpointPolicy,
    key_pair: ES256KeyPair,
    subject: String,
}

const FAILURES_KEPT: usize = 10;

impl Sender {
    /// A sender that reaches only the endpoints `policy` allows: names are
    /// resolved to the addresses it allows, and redirects are not followed
    /// (a push service answers, it does not send elsewhere).
    pub fn new(keys: &VapidKeys, policy: EndpointPolicy) -> Result<Self, String> {
        // Each request's time-out is the send's (`request_timeout`).
        let client = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::none())
            .dns_resolver(Arc::new(policy.resolver()))
            .user_agent(concat!("article-widget-push/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|error| format!("cannot make an HTTP client: {error}"))?;
        Ok(Self {
            client,
            policy,
            key_pair: keys.key_pair()?,
            subject: keys.subject.clone(),
        })
    }

    /// The endpoints this sender reaches; the service checks subscriptions
    /// with it before storing them.
    pub fn policy(&self) -> &EndpointPolicy {
        &self.policy
    }

    /// Sends `notification` to every subscriber of `topic`.
    pub async fn send_topic(
        &self,
        store: &Arc<dyn SubscriptionStore>,
        topic: &str,
        notification: &Notification,
        options: &SendOptions,
    ) -> Result<Summary, String> {
        crate::subscription::check_topic(topic).map_err(|why| format!("topic: {why}"))?;
        let payload = notification.payload()?;
        let wanted = topic.to_owned();
        let subscribers = blocking(store, move |store| store.subscribers(&wanted)).await?;
        let mut summary = Summary {
            subscribers: subscribers.len(),
            ..Summary::default()
        };
        let slots = Slots {
            all: Semaphore::new(options.concurrency.max(1)),
            per_host: options.per_host.max(1),
            hosts: Mutex::default(),
        };
        // Subscribers waiting for a slot or pausing before a retry hold
        // none; this many are under way at once (each a small future).
        let under_way = options.concurrency.max(1) * 16;
        let mut outcomes = futures::stream::iter(taking_turns(subscribers))
            .map(|subscriber| {
                let slots = &slots;
                let payload = &payload;
                async move {
                    let outcome = self.deliver(&subscriber, payload, options, slots).await;
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

    async fn deliver(
        &self,
        subscriber: &Subscriber,
        payload: &[u8],
        options: &SendOptions,
        slots: &Slots,
    ) -> Outcome {
        // Stored before a stricter policy, or written into the store by hand.
        if let Err(why) = self.policy.check(&subscriber.endpoint) {
            return Outcome::Failed(why);
        }
        let builder = match builder_for(subscriber) {
            Ok(builder) => builder,
            Err(why) => return Outcome::Failed(why),
        };
        let host = slots.host(&host_of(&subscriber.endpoint));
        let attempts = options.attempts.max(1);
        let mut pause = options.first_pause;
        let mut last = String::new();
        for attempt in 1..=attempts {
            let tried = {
                // The host's share first, then a shared slot: a host at its
                // share waits without holding one of everyone's slots.
                let (Ok(_host_slot), Ok(_slot)) = (host.acquire().await, slots.all.acquire().await)
                else {
                    return Outcome::Failed("the sender stopped".into());
                };
                match tokio::time::timeout(
                    options.request_timeout,
                    self.try_once(&builder, payload, options),
                )
                .await
                {
                    Ok(tried) => tried,
                    Err(_) => Try::Again(
                        None,
                        format!("no answer in {} s", options.request_timeout.as_secs_f32()),
                    ),
                }
            };
            match tried {
                Try::Done(outcome) => return outcome,
                Try::Again(retry_after, why) => {
                    last = why;
                    if attempt == attempts {
                        break;
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

    /// One request: encrypted afresh (a new salt and sender key), sent, and
    /// its answer read.
    async fn try_once(
        &self,
        builder: &WebPushBuilder,
        payload: &[u8],
        options: &SendOptions,
    ) -> Try {
        let request = match builder
            .clone()
            .with_vapid(&self.key_pair, &self.subject)
            .build(payload.to_vec())
        {
            Ok(request) => request,
            Err(error) => return Try::Done(Outcome::Failed(format!("cannot encrypt: {error}"))),
        };
        let mut request = match reqwest::Request::try_from(request) {
            Ok(request) => request,
            Err(error) => {
                return Try::Done(Outcome::Failed(format!("cannot make the request: {error}")))
            }
        };
        let headers = request.headers_mut();
        headers.insert("TTL", options.ttl.as_secs().into());
        headers.insert(
            "Urgency",
            http::HeaderValue::from_static(options.urgency.header()),
        );
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
            .and_then(|value| value.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        let text = start_of_body(response).await;
        let why = format!("{status} {text}").trim_end().to_owned();
        if status != 429 && !status.is_server_error() {
            return Try::Done(Outcome::Failed(why));
        }
        Try::Again(retry_after, why)
    }
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

fn builder_for(subscriber: &Subscriber) -> Result<WebPushBuilder, String> {
    let endpoint = subscriber
        .endpoint
        .parse()
        .map_err(|_| "the stored endpoint is not a URL".to_owned())?;
    let public = Base64UrlUnpadded::decode_vec(&subscriber.p256dh)
        .ok()
        .and_then(|bytes| p256::PublicKey::from_sec1_bytes(&bytes).ok())
        .ok_or("the stored p256dh is not a P-256 public key")?;
    let auth = Base64UrlUnpadded::decode_vec(&subscriber.auth)
        .ok()
        .filter(|bytes| bytes.len() == 16)
        .ok_or("the stored auth is not 16 bytes")?;
    Ok(WebPushBuilder::new(
        endpoint,
        public,
        Auth::clone_from_slice(&auth),
    ))
}
