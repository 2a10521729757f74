//! What operators watch (README, "Scale"): counters and a latency histogram
//! per push service in Prometheus's text format, from the `prometheus-client`
//! crate, served on an address of their choosing (`--metrics`), apart from
//! the public service.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;
use std::sync::Arc;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct OutcomeLabels {
    /// `sent`, `gone` or `failed`.
    pub outcome: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ServiceLabels {
    /// The push service's host and port.
    pub service: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct CampaignLabels {
    pub campaign: i64,
}

/// One process's figures. Cheap to update from every request.
pub struct Metrics {
    registry: Registry,
    pub messages: Family<OutcomeLabels, Counter>,
    pub retries: Counter,
    pub in_flight: Gauge,
    pub latency: Family<ServiceLabels, Histogram>,
    /// Subscribers in a campaign's snapshot, and how many of them every
    /// worker has handled so far (read from the database at each record).
    pub campaign_subscribers: Family<CampaignLabels, Gauge>,
    pub campaign_handled: Family<CampaignLabels, Gauge>,
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::default();
        let messages = Family::<OutcomeLabels, Counter>::default();
        registry.register(
            "push_messages",
            "Messages by outcome: sent, gone (404/410, subscription removed), failed",
            messages.clone(),
        );
        let retries = Counter::default();
        registry.register(
            "push_retries",
            "Requests tried again after 429, 5xx or no answer",
            retries.clone(),
        );
        let in_flight = Gauge::default();
        registry.register(
            "push_in_flight",
            "Requests to push services in flight",
            in_flight.clone(),
        );
        // 2 ms to about 8 s.
        let latency = Family::<ServiceLabels, Histogram>::new_with_constructor(|| {
            Histogram::new(exponential_buckets(0.002, 2.0, 13))
        });
        registry.register(
            "push_request_duration_seconds",
            "Time from sending a request to its answer, by push service",
            latency.clone(),
        );
        let campaign_subscribers = Family::<CampaignLabels, Gauge>::default();
        registry.register(
            "push_campaign_subscribers",
            "Subscribers in a campaign",
            campaign_subscribers.clone(),
        );
        let campaign_handled = Family::<CampaignLabels, Gauge>::default();
        registry.register(
            "push_campaign_handled",
            "Subscribers of a campaign handled by all workers",
            campaign_handled.clone(),
        );
        Self {
            registry,
            messages,
            retries,
            in_flight,
            latency,
            campaign_subscribers,
            campaign_handled,
        }
    }
}

impl Metrics {
    pub fn count(&self, outcome: &'static str) {
        self.messages
            .get_or_create(&OutcomeLabels { outcome })
            .inc();
    }

    /// The text exposition format.
    pub fn encode(&self) -> String {
        let mut text = String::new();
        // Writing to a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut text, &self.registry);
        text
    }
}

/// Serves `GET /metrics` on `listen` until the process ends.
pub async fn serve(listen: &str, metrics: Arc<Metrics>) -> Result<std::net::SocketAddr, String> {
    use axum::routing::get;
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .map_err(|error| format!("--metrics {listen}: {error}"))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    let app = axum::Router::new().route(
        "/metrics",
        get(move || {
            let metrics = Arc::clone(&metrics);
            async move {
                (
                    [(
                        http::header::CONTENT_TYPE,
                        "application/openmetrics-text; version=1.0.0; charset=utf-8",
                    )],
                    metrics.encode(),
                )
            }
        }),
    );
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok(address)
}
