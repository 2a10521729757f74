//! Where subscriptions live. One small trait with two stores: SQLite by
//! default (one file, nothing to set up) and Postgres for a publisher with
//! millions of readers and several senders (README, "Notifications").

mod postgres;

pub use self::postgres::PostgresStore;
pub(crate) use self::postgres::SCHEMA as POSTGRES_SCHEMA;
use crate::subscription::Subscriber;
use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;
use std::sync::{Arc, Mutex};

/// The store `--db` names: a `postgres://` or `postgresql://` URL, else an
/// SQLite file (created if missing).
pub fn open(db: &str) -> Result<Arc<dyn SubscriptionStore>, String> {
    if is_postgres(db) {
        Ok(Arc::new(PostgresStore::connect(db)?))
    } else {
        Ok(Arc::new(SqliteStore::open(Path::new(db))?))
    }
}

/// Whether `--db` names Postgres (campaigns need it).
pub fn is_postgres(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// Runs a store call off the async executor: both stores block (SQLite on
/// its file; the Postgres client waits on a runtime of its own, which
/// cannot run inside the service's).
pub async fn blocking<T: Send + 'static>(
    store: &Arc<dyn SubscriptionStore>,
    call: impl FnOnce(&dyn SubscriptionStore) -> Result<T, String> + Send + 'static,
) -> Result<T, String> {
    let store = Arc::clone(store);
    tokio::task::spawn_blocking(move || call(store.as_ref()))
        .await
        .map_err(|error| format!("store: {error}"))?
}

/// Subscriptions by endpoint, with their topics.
pub trait SubscriptionStore: Send + Sync {
    /// Adds or replaces (by endpoint) a subscription and its topics.
    /// Returns whether it was new.
    fn upsert(&self, subscriber: &Subscriber, topics: &[String]) -> Result<bool, String>;
    /// Removes a subscription; whether there was one.
    fn remove(&self, endpoint: &str) -> Result<bool, String>;
    /// Every subscription to a topic.
    fn subscribers(&self, topic: &str) -> Result<Vec<Subscriber>, String>;
    /// The topics of a subscription, if it is stored.
    fn topics(&self, endpoint: &str) -> Result<Option<Vec<String>>, String>;
    /// The bytes the subscriptions take (the service's size guard).
    fn size_bytes(&self) -> Result<u64, String>;
}

/// SQLite, in a file or in memory. Statements are short; one connection
/// behind a mutex is enough for a reference service.
pub struct SqliteStore {
    connection: Mutex<Connection>,
}

const SCHEMA: &str = "
PRAGMA foreign_keys = ON;
PRAGMA journal_mode = WAL;
CREATE TABLE IF NOT EXISTS subscriptions (
  endpoint TEXT PRIMARY KEY,
  p256dh   TEXT NOT NULL,
  auth     TEXT NOT NULL,
  lang     TEXT,
  updated  INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE TABLE IF NOT EXISTS topics (
  endpoint TEXT NOT NULL REFERENCES subscriptions(endpoint) ON DELETE CASCADE,
  topic    TEXT NOT NULL,
  PRIMARY KEY (topic, endpoint)
);
";

impl SqliteStore {
    /// Opens (and if needed creates) the database file.
    pub fn open(path: &Path) -> Result<Self, String> {
        let connection = Connection::open(path)
            .map_err(|error| format!("{}: cannot open the database: {error}", path.display()))?;
        Self::with(connection)
    }

    /// A database in memory (tests).
    pub fn in_memory() -> Result<Self, String> {
        Self::with(Connection::open_in_memory().map_err(|error| error.to_string())?)
    }

    fn with(connection: Connection) -> Result<Self, String> {
        connection
            .execute_batch(SCHEMA)
            .map_err(|error| format!("cannot set up the database: {error}"))?;
        Ok(Self {
            connection: Mutex::new(connection),
        })
    }

    fn connection(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves SQLite consistent (each call
        // is one transaction), so a poisoned lock is still usable.
        self.connection
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

fn db(error: rusqlite::Error) -> String {
    format!("database: {error}")
}

impl SubscriptionStore for SqliteStore {
    fn upsert(&self, subscriber: &Subscriber, topics: &[String]) -> Result<bool, String> {
        let mut connection = self.connection();
        let transaction = connection.transaction().map_err(db)?;
        let existed = transaction
            .query_row(
                "SELECT 1 FROM subscriptions WHERE endpoint = ?1",
                [&subscriber.endpoint],
                |_| Ok(()),
            )
            .optional()
            .map_err(db)?
            .is_some();
        transaction
            .execute(
                "INSERT INTO subscriptions (endpoint, p256dh, auth, lang) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(endpoint) DO UPDATE SET p256dh = ?2, auth = ?3, lang = ?4, updated = unixepoch()",
                params![subscriber.endpoint, subscriber.p256dh, subscriber.auth, subscriber.lang],
            )
            .map_err(db)?;
        transaction
            .execute(
                "DELETE FROM topics WHERE endpoint = ?1",
                [&subscriber.endpoint],
            )
            .map_err(db)?;
        for topic in topics {
            transaction
                .execute(
                    "INSERT OR IGNORE INTO topics (endpoint, topic) VALUES (?1, ?2)",
                    params![subscriber.endpoint, topic],
                )
                .map_err(db)?;
        }
        transaction.commit().map_err(db)?;
        Ok(!existed)
    }

    fn remove(&self, endpoint: &str) -> Result<bool, String> {
        let removed = self
            .connection()
            .execute("DELETE FROM subscriptions WHERE endpoint = ?1", [endpoint])
            .map_err(db)?;
        Ok(removed > 0)
    }

    fn subscribers(&self, topic: &str) -> Result<Vec<Subscriber>, String> {
        let connection = self.connection();
        let mut statement = connection
            .prepare_cached(
                "SELECT s.endpoint, s.p256dh, s.auth, s.lang FROM topics t
                 JOIN subscriptions s ON s.endpoint = t.endpoint WHERE t.topic = ?1",
            )
            .map_err(db)?;
        let rows = statement
            .query_map([topic], |row| {
                Ok(Subscriber {
                    endpoint: row.get(0)?,
                    p256dh: row.get(1)?,
                    auth: row.get(2)?,
                    lang: row.get(3)?,
                })
            })
            .map_err(db)?;
        rows.collect::<Result<_, _>>().map_err(db)
    }

    fn topics(&self, endpoint: &str) -> Result<Option<Vec<String>>, String> {
        let connection = self.connection();
        let stored = connection
            .query_row(
                "SELECT 1 FROM subscriptions WHERE endpoint = ?1",
                [endpoint],
                |_| Ok(()),
            )
            .optional()
            .map_err(db)?;
        if stored.is_none() {
            return Ok(None);
        }
        let mut statement = connection
            .prepare_cached("SELECT topic FROM topics WHERE endpoint = ?1 ORDER BY topic")
            .map_err(db)?;
        let topics = statement
            .query_map([endpoint], |row| row.get(0))
            .map_err(db)?
            .collect::<Result<_, _>>()
            .map_err(db)?;
        Ok(Some(topics))
    }

    fn size_bytes(&self) -> Result<u64, String> {
        let connection = self.connection();
        let pages: i64 = connection
            .query_row("PRAGMA page_count", [], |row| row.get(0))
            .map_err(db)?;
        let page_size: i64 = connection
            .query_row("PRAGMA page_size", [], |row| row.get(0))
            .map_err(db)?;
        Ok((pages * page_size).max(0) as u64)
    }
}

/// What every store does, checked against each (SQLite here, Postgres in
/// `tests/postgres.rs`).
#[doc(hidden)]
pub fn check_behaviour(store: &dyn SubscriptionStore) {
    let subscriber = |n: u32| Subscriber {
        endpoint: format!("https://push.example/{n}"),
        p256dh: "key".into(),
        auth: "auth".into(),
        lang: Some("nb".into()),
    };
    let topics = |list: &[&str]| list.iter().map(|t| t.to_string()).collect::<Vec<_>>();
    assert!(store
        .upsert(&subscriber(1), &topics(&["local", "energy"]))
        .unwrap());
    assert!(store.upsert(&subscriber(2), &topics(&["energy"])).unwrap());
    // The size guard's measure: some bytes, growing with what is stored.
    let size = store.size_bytes().unwrap();
    assert!(size > 0);
    for n in 100..400 {
        store.upsert(&subscriber(n), &topics(&["bulk"])).unwrap();
    }
    assert!(store.size_bytes().unwrap() > size, "{size}");
    for n in 100..400 {
        store.remove(&subscriber(n).endpoint).unwrap();
    }
    // The same endpoint again: not new, topics replaced, keys updated.
    let renewed = Subscriber {
        auth: "auth2".into(),
        ..subscriber(1)
    };
    assert!(!store
        .upsert(&renewed, &topics(&["local", "local"]))
        .unwrap());
    assert_eq!(store.subscribers("energy").unwrap(), vec![subscriber(2)]);
    assert_eq!(store.subscribers("local").unwrap(), vec![renewed.clone()]);
    assert_eq!(
        store.topics(&subscriber(1).endpoint).unwrap(),
        Some(topics(&["local"]))
    );
    assert_eq!(store.topics("https://push.example/none").unwrap(), None);
    // No topics: stored, reached by none.
    assert!(store.upsert(&subscriber(3), &[]).unwrap());
    assert_eq!(
        store.topics(&subscriber(3).endpoint).unwrap(),
        Some(Vec::new())
    );
    assert!(store.remove(&subscriber(1).endpoint).unwrap());
    assert!(!store.remove(&subscriber(1).endpoint).unwrap());
    assert!(store.subscribers("local").unwrap().is_empty());
    assert_eq!(store.topics(&subscriber(1).endpoint).unwrap(), None);
    assert!(store.remove(&subscriber(2).endpoint).unwrap());
    assert!(store.remove(&subscriber(3).endpoint).unwrap());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subscriber(n: u32) -> Subscriber {
        Subscriber {
            endpoint: format!("https://push.example/{n}"),
            p256dh: "key".into(),
            auth: "auth".into(),
            lang: Some("nb".into()),
        }
    }

    #[test]
    fn sqlite_behaves_as_every_store() {
        check_behaviour(&SqliteStore::in_memory().unwrap());
    }

    #[test]
    fn upsert_replaces_topics_and_remove_cascades_in_a_real_file() {
        let path = std::env::temp_dir().join(format!("aw-store-{}.sqlite", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let store = SqliteStore::open(&path).unwrap();
        let topics = |list: &[&str]| list.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        assert!(store
            .upsert(&subscriber(1), &topics(&["local", "energy"]))
            .unwrap());
        assert!(store.upsert(&subscriber(2), &topics(&["energy"])).unwrap());
        // The same endpoint again: not new, topics replaced.
        assert!(!store.upsert(&subscriber(1), &topics(&["local"])).unwrap());
        assert_eq!(store.subscribers("energy").unwrap(), vec![subscriber(2)]);
        assert_eq!(
            store.topics(&subscriber(1).endpoint).unwrap(),
            Some(topics(&["local"]))
        );
        drop(store);

        // Reopened from the file: still there.
        let store = SqliteStore::open(&path).unwrap();
        assert_eq!(store.subscribers("local").unwrap(), vec![subscriber(1)]);
        assert!(store.remove(&subscriber(1).endpoint).unwrap());
        assert!(!store.remove(&subscriber(1).endpoint).unwrap());
        assert!(store.subscribers("local").unwrap().is_empty());
        assert_eq!(store.topics(&subscriber(1).endpoint).unwrap(), None);
        let _ = std::fs::remove_file(&path);
    }
}
