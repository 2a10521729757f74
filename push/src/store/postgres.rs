//! Subscriptions in Postgres, for a publisher with millions of readers:
//! several `serve` and `send` processes share one database (README,
//! "Notifications"). The same tables as SQLite.

use super::SubscriptionStore;
use crate::subscription::Subscriber;
use postgres::{Client, NoTls};
use std::sync::Mutex;

/// Postgres through one connection (calls are short; run several services
/// for more). Without TLS: put the database on the service's own network.
pub struct PostgresStore {
    /// `None` only while dropping.
    client: Mutex<Option<Client>>,
}

/// Also created by the campaign tables' connection (`campaign.rs`).
pub(crate) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS subscriptions (
  endpoint TEXT PRIMARY KEY,
  p256dh   TEXT NOT NULL,
  auth     TEXT NOT NULL,
  lang     TEXT,
  updated  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS topics (
  endpoint TEXT NOT NULL REFERENCES subscriptions(endpoint) ON DELETE CASCADE,
  topic    TEXT NOT NULL,
  PRIMARY KEY (topic, endpoint)
);
";

impl PostgresStore {
    /// Connects (`postgres://user@host/db` or `host=… dbname=…`) and creates
    /// the tables if they are missing.
    pub fn connect(url: &str) -> Result<Self, String> {
        let mut client = Client::connect(url, NoTls)
            .map_err(|error| format!("cannot connect to Postgres: {error}"))?;
        client
            .batch_execute(SCHEMA)
            .map_err(|error| format!("cannot set up the database: {error}"))?;
        Ok(Self {
            client: Mutex::new(Some(client)),
        })
    }

    /// One call with the client. Each is one statement or one transaction,
    /// so a panic while holding the lock leaves nothing half done.
    fn with<T>(
        &self,
        call: impl FnOnce(&mut Client) -> Result<T, postgres::Error>,
    ) -> Result<T, String> {
        let mut client = self
            .client
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let client = client.as_mut().expect("the client is there until dropped");
        call(client).map_err(|error| format!("database: {error}"))
    }
}

impl Drop for PostgresStore {
    /// The client says goodbye to the server on a runtime of its own, which
    /// cannot start on a thread already running one (the service's, a
    /// test's): close it on a thread of its own.
    fn drop(&mut self) {
        let client = self
            .client
            .get_mut()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .take();
        let _ = std::thread::spawn(move || drop(client)).join();
    }
}

impl SubscriptionStore for PostgresStore {
    fn upsert(&self, subscriber: &Subscriber, topics: &[String]) -> Result<bool, String> {
        self.with(|client| {
            let mut transaction = client.transaction()?;
            // `xmax = 0` only on a row this statement inserted.
            let inserted: bool = transaction
                .query_one(
                    "INSERT INTO subscriptions (endpoint, p256dh, auth, lang) VALUES ($1, $2, $3, $4)
                     ON CONFLICT (endpoint) DO UPDATE
                     SET p256dh = $2, auth = $3, lang = $4, updated = now()
                     RETURNING (xmax = 0)",
                    &[
                        &subscriber.endpoint,
                        &subscriber.p256dh,
                        &subscriber.auth,
                        &subscriber.lang,
                    ],
                )?
                .get(0);
            transaction.execute(
                "DELETE FROM topics WHERE endpoint = $1",
                &[&subscriber.endpoint],
            )?;
            transaction.execute(
                "INSERT INTO topics (endpoint, topic) SELECT $1, unnest($2::text[])
                 ON CONFLICT DO NOTHING",
                &[&subscriber.endpoint, &topics],
            )?;
            transaction.commit()?;
            Ok(inserted)
        })
    }

    fn remove(&self, endpoint: &str) -> Result<bool, String> {
        self.with(|client| {
            client.execute(
                "DELETE FROM subscriptions WHERE endpoint = $1",
                &[&endpoint],
            )
        })
        .map(|removed| removed > 0)
    }

    fn subscribers(&self, topic: &str) -> Result<Vec<Subscriber>, String> {
        let rows = self.with(|client| {
            client.query(
                "SELECT s.endpoint, s.p256dh, s.auth, s.lang FROM topics t
                 JOIN subscriptions s ON s.endpoint = t.endpoint WHERE t.topic = $1",
                &[&topic],
            )
        })?;
        Ok(rows
            .iter()
            .map(|row| Subscriber {
                endpoint: row.get(0),
                p256dh: row.get(1),
                auth: row.get(2),
                lang: row.get(3),
            })
            .collect())
    }

    fn topics(&self, endpoint: &str) -> Result<Option<Vec<String>>, String> {
        // One row for a stored subscription, with its topics as an array
        // (empty for none).
        let row = self.with(|client| {
            client.query_opt(
                "SELECT coalesce(array_agg(t.topic ORDER BY t.topic)
                          FILTER (WHERE t.topic IS NOT NULL), '{}')
                 FROM subscriptions s LEFT JOIN topics t ON t.endpoint = s.endpoint
                 WHERE s.endpoint = $1 GROUP BY s.endpoint",
                &[&endpoint],
            )
        })?;
        Ok(row.map(|row| row.get(0)))
    }

    fn size_bytes(&self) -> Result<u64, String> {
        let row = self.with(|client| {
            client.query_one(
                "SELECT pg_total_relation_size('subscriptions') + pg_total_relation_size('topics')",
                &[],
            )
        })?;
        Ok(row.get::<_, i64>(0).max(0) as u64)
    }
}
