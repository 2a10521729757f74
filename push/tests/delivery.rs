//! The sender against a mock push service on this machine that does what a
//! real one does with a message: checks the VAPID JWT (RFC 8292) and
//! decrypts the payload (RFC 8291) with the subscription's private key
//! (`tests/common`). The sender and the mock both use Mozilla's `ece` crate on
//! OpenSSL; the first test also decrypts every message with `web-push-native`
//! on RustCrypto, so two independent implementations agree on the format.

use article_widget_push::keys::VapidKeys;
use article_widget_push::sender::{SendOptions, Sender};
use article_widget_push::service::{router, Limits, Service};
use article_widget_push::store::{SqliteStore, SubscriptionStore};
use axum::body::Bytes;
use axum::http::StatusCode;
use axum::routing::post;
use axum::Router;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

mod common;
use common::*;

/// Serves `service` as `serve` does (with each connection's address);
/// returns its origin.
async fn serve_service(service: Service) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let app = router(service, vec!["https://news.example".parse().unwrap()])
        .into_make_service_with_connect_info::<std::net::SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    base
}

#[tokio::test]
async fn delivers_decryptable_messages_removes_gone_and_retries_busy() {
    let (keys, mock) = setup();
    let origin = mock_push_service(mock.clone()).await;
    let store: Arc<dyn SubscriptionStore> = Arc::new(SqliteStore::in_memory().unwrap());
    let topics = ["local".to_string()];
    for id in [
        "ok-1",
        "ok-2",
        "gone-1",
        "missing-1",
        "busy-1",
        "flaky-1",
        "broken-1",
    ] {
        store
            .upsert(&subscribe(&mock, &origin, id), &topics)
            .unwrap();
    }
    // A subscriber of another topic gets nothing.
    store
        .upsert(
            &subscribe(&mock, &origin, "ok-other"),
            &["sport".to_string()],
        )
        .unwrap();

    let sender = Sender::new(&keys, mock_only()).unwrap();
    let summary = sender
        .send_topic(&store, "local", &notification(), &quick())
        .await
        .unwrap();
    assert_eq!(
        (
            summary.subscribers,
            summary.sent,
            summary.removed,
            summary.failed
        ),
        (7, 4, 2, 1),
        "{summary}"
    );
    assert!(
        summary.failures[0].contains("broken-1: 400 Bad Request broken on purpose"),
        "{summary}"
    );

    let mock = mock.lock().unwrap();
    let mut ids: Vec<_> = mock.received.iter().map(|r| r.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["busy-1", "flaky-1", "ok-1", "ok-2"]);
    for received in &mock.received {
        assert_eq!(decrypt_independently(&mock, received), received.payload);
        assert_eq!(received.payload["title"], "Nattferja går igjen");
        assert_eq!(received.payload["url"], "https://news.example/ferja");
        assert_eq!(received.payload["tag"], "ferja");
        assert_eq!(
            (received.ttl.as_str(), received.urgency.as_str()),
            ("600", "high")
        );
    }
    assert_eq!(mock.tries["busy-1"], 2);
    assert_eq!(mock.tries["flaky-1"], 3);
    assert_eq!(mock.tries["broken-1"], 1, "a 400 is not tried again");
    drop(mock);
    let left: Vec<_> = store
        .subscribers("local")
        .unwrap()
        .into_iter()
        .map(|s| s.endpoint)
        .collect();
    assert_eq!(left.len(), 5);
    assert!(left
        .iter()
        .all(|e| !e.contains("gone") && !e.contains("missing")));
}

#[tokio::test]
async fn a_message_for_other_keys_does_not_decrypt_and_another_vapid_key_is_refused() {
    let (keys, mock) = setup();
    let origin = mock_push_service(mock.clone()).await;
    let store: Arc<dyn SubscriptionStore> = Arc::new(SqliteStore::in_memory().unwrap());
    let mut subscriber = subscribe(&mock, &origin, "ok-1");
    // The keys of another browser: the push service cannot decrypt.
    subscriber.p256dh = subscribe(&mock, &origin, "ok-2").p256dh;
    store.upsert(&subscriber, &["local".to_string()]).unwrap();
    let sender = Sender::new(&keys, mock_only()).unwrap();
    let summary = sender
        .send_topic(&store, "local", &notification(), &quick())
        .await
        .unwrap();
    assert_eq!(summary.failed, 1, "{summary}");
    assert!(summary.failures[0].contains("cannot decrypt"), "{summary}");

    let stranger = Sender::new(
        &VapidKeys::generate("mailto:push@example.org").unwrap(),
        mock_only(),
    )
    .unwrap();
    store
        .upsert(&subscribe(&mock, &origin, "ok-3"), &["other".to_string()])
        .unwrap();
    let summary = stranger
        .send_topic(&store, "other", &notification(), &quick())
        .await
        .unwrap();
    assert!(
        summary.failures[0].contains("401 Unauthorized another VAPID key"),
        "{summary}"
    );
    assert!(mock.lock().unwrap().received.is_empty());
}

#[tokio::test]
async fn the_service_takes_the_widgets_calls_and_sends_with_a_token() {
    let (keys, mock) = setup();
    let push_origin = mock_push_service(mock.clone()).await;
    let path = std::env::temp_dir().join(format!("aw-push-service-{}.sqlite", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let store: Arc<dyn SubscriptionStore> = Arc::new(SqliteStore::open(&path).unwrap());
    let service = Service::new(
        store.clone(),
        Arc::new(Sender::new(&keys, mock_only()).unwrap()),
        Some("s3cret".into()),
        quick(),
        Limits::default(),
    );
    let base = serve_service(service).await;
    let client = reqwest::Client::new();

    let subscriber = subscribe(&mock, &push_origin, "ok-1");
    let body = serde_json::json!({
        "subscription": { "endpoint": subscriber.endpoint, "expirationTime": null,
                          "keys": { "p256dh": subscriber.p256dh, "auth": subscriber.auth } },
        "topics": ["local", "energy"], "lang": "nb",
    });
    let post = |body: String| {
        client
            .post(format!("{base}/subscriptions"))
            .header("content-type", "application/json")
            .header("origin", "https://news.example")
            .body(body)
            .send()
    };
    let first = post(body.to_string()).await.unwrap();
    assert_eq!(first.status(), 201);
    assert_eq!(
        first.headers()["access-control-allow-origin"],
        "https://news.example"
    );
    let mut changed = body.clone();
    changed["topics"] = serde_json::json!(["local"]);
    assert_eq!(
        post(changed.to_string()).await.unwrap().status(),
        200,
        "the same endpoint again"
    );
    assert_eq!(
        store.topics(&subscriber.endpoint).unwrap(),
        Some(vec!["local".to_string()])
    );

    // Without a preflight: text/plain (what any page may send to any origin)
    // is refused, and nothing is stored.
    let plain = subscribe(&mock, &push_origin, "ok-2");
    let mut unasked = body.clone();
    unasked["subscription"]["endpoint"] = plain.endpoint.clone().into();
    let response = client
        .post(format!("{base}/subscriptions"))
        .header("content-type", "text/plain;charset=UTF-8")
        .header("origin", "https://elsewhere.example")
        .body(unasked.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 415);
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("Content-Type: expected application/json"));
    assert_eq!(store.topics(&plain.endpoint).unwrap(), None);

    // Bad calls: a clear error that says what.
    let mut bad = body.clone();
    bad["subscription"]["keys"]["auth"] = "AAAA".into();
    let response = post(bad.to_string()).await.unwrap();
    assert_eq!(response.status(), 400);
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("subscription.keys.auth: expected 16 bytes"));
    let response = post("{".into()).await.unwrap();
    assert_eq!(response.status(), 400);
    assert!(response.text().await.unwrap().contains("body: EOF"));
    assert_eq!(post("x".repeat(20_000)).await.unwrap().status(), 413);

    // CORS: the publisher's origin may call; another may not.
    let preflight = |origin: &'static str| {
        client
            .request(reqwest::Method::OPTIONS, format!("{base}/subscriptions"))
            .header("origin", origin)
            .header("access-control-request-method", "DELETE")
            .header("access-control-request-headers", "content-type")
            .send()
    };
    assert_eq!(
        preflight("https://news.example").await.unwrap().headers()["access-control-allow-origin"],
        "https://news.example"
    );
    assert!(preflight("https://evil.example")
        .await
        .unwrap()
        .headers()
        .get("access-control-allow-origin")
        .is_none());

    // Sending needs the token.
    let send = |token: &'static str| {
        client.post(format!("{base}/send")).bearer_auth(token)
        .json(&serde_json::json!({ "topic": "local", "title": "Hei", "body": "Nytt", "url": "/nytt", "urgency": "low" })).send()
    };
    assert_eq!(send("wrong").await.unwrap().status(), 401);
    let summary: serde_json::Value = send("s3cret").await.unwrap().json().await.unwrap();
    assert_eq!(summary["sent"], 1, "{summary}");
    let received = mock.lock().unwrap().received.clone();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].payload["topic"], "local");
    assert_eq!(received[0].urgency, "low");

    // Unsubscribe: gone from the file, and again is fine.
    let delete = || {
        client
            .delete(format!("{base}/subscriptions"))
            .json(&serde_json::json!({ "endpoint": subscriber.endpoint }))
            .send()
    };
    assert_eq!(delete().await.unwrap().status(), 204);
    assert_eq!(delete().await.unwrap().status(), 204);
    assert_eq!(
        SqliteStore::open(&path)
            .unwrap()
            .topics(&subscriber.endpoint)
            .unwrap(),
        None
    );
    let _ = std::fs::remove_file(&path);
}

/// 10,000 subscribers of one topic, each message encrypted, signed, sent,
/// and decrypted by the mock. Prints the time (the closing note's figure).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fan_out_to_ten_thousand() {
    fan_out("SQLite", Arc::new(SqliteStore::in_memory().unwrap())).await;
}

/// The same from Postgres, started by `scripts/with-postgres.sh` (which
/// `make test` runs this under); skipped, and says so, without one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fan_out_to_ten_thousand_from_postgres() {
    let Some(store) = postgres_store("fan_out") else {
        return;
    };
    fan_out("Postgres", store).await;
}

#[test]
fn postgres_behaves_as_every_store() {
    if let Some(store) = postgres_store("behaviour") {
        article_widget_push::store::check_behaviour(store.as_ref());
    }
}

/// A fresh database of its own, opened through `--db`'s path.
fn postgres_store(name: &str) -> Option<Arc<dyn SubscriptionStore>> {
    let url = postgres_database(name)?;
    Some(
        std::thread::spawn(move || article_widget_push::store::open(&url).unwrap())
            .join()
            .unwrap(),
    )
}

/// One fan-out at a time, so each prints the time of its own.
static ONE_FAN_OUT: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

async fn fan_out(kind: &str, store: Arc<dyn SubscriptionStore>) {
    let _alone = ONE_FAN_OUT.lock().await;
    let (keys, mock) = setup();
    let origin = mock_push_service(mock.clone()).await;
    let subscribers: usize = std::env::var("FAN_OUT")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let started = Instant::now();
    let stored_subscribers: Vec<_> = (0..subscribers)
        .map(|n| subscribe(&mock, &origin, &format!("ok-{n}")))
        .collect();
    let writer = Arc::clone(&store);
    tokio::task::spawn_blocking(move || {
        for subscriber in &stored_subscribers {
            writer.upsert(subscriber, &["local".to_string()]).unwrap();
        }
    })
    .await
    .unwrap();
    let stored = started.elapsed();
    let started = Instant::now();
    let summary = Sender::new(&keys, mock_only())
        .unwrap()
        .send_topic(&store, "local", &notification(), &quick())
        .await
        .unwrap();
    let sent = started.elapsed();
    println!(
        "fan-out ({kind}): {subscribers} subscribers stored in {:.2} s; sent (encrypt, sign, post, decrypt) in {:.2} s, {:.0} a second",
        stored.as_secs_f64(), sent.as_secs_f64(), subscribers as f64 / sent.as_secs_f64()
    );
    assert_eq!(summary.sent, subscribers, "{summary}");
    assert_eq!(mock.lock().unwrap().received.len(), subscribers);
}

/// A push service that answers with a redirect, or with an endless error
/// body: the redirect is not followed, and only the start of the body is
/// read (a hostile endpoint cannot make the sender hold gigabytes).
#[tokio::test]
async fn redirects_are_not_followed_and_error_bodies_are_read_only_in_part() {
    use futures::StreamExt;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let (keys, mock) = setup();
    let produced = Arc::new(AtomicUsize::new(0));
    let reached = Arc::new(AtomicUsize::new(0));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    let app = {
        let (produced, reached, target) = (
            produced.clone(),
            reached.clone(),
            format!("{origin}/inside"),
        );
        Router::new()
            .route(
                "/push/redirect",
                post(move || async move {
                    (StatusCode::TEMPORARY_REDIRECT, [("location", target)], "")
                }),
            )
            .route(
                "/inside",
                post(move || async move {
                    reached.fetch_add(1, Ordering::SeqCst);
                    StatusCode::CREATED
                }),
            )
            .route(
                "/push/endless",
                post(move || async move {
                    // 2,000 chunks of 64 KiB (125 MiB), made only as they are read.
                    let chunks = futures::stream::iter(0..2000).map(move |_| {
                        produced.fetch_add(1, Ordering::SeqCst);
                        Ok::<_, std::io::Error>(Bytes::from(vec![b'x'; 64 * 1024]))
                    });
                    (
                        StatusCode::BAD_REQUEST,
                        axum::body::Body::from_stream(chunks),
                    )
                }),
            )
    };
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let store: Arc<dyn SubscriptionStore> = Arc::new(SqliteStore::in_memory().unwrap());
    for id in ["redirect", "endless"] {
        let mut subscriber = subscribe(&mock, &origin, id);
        subscriber.endpoint = format!("{origin}/push/{id}");
        store.upsert(&subscriber, &["local".to_string()]).unwrap();
    }
    let summary = Sender::new(&keys, mock_only())
        .unwrap()
        .send_topic(&store, "local", &notification(), &quick())
        .await
        .unwrap();
    assert_eq!(summary.failed, 2, "{summary}");
    let failures = summary.failures.join("\n");
    assert!(failures.contains("307"), "{failures}");
    assert_eq!(
        reached.load(Ordering::SeqCst),
        0,
        "the redirect was followed"
    );
    assert!(failures.contains("400 Bad Request xxxx"), "{failures}");
    let made = produced.load(Ordering::SeqCst);
    assert!(
        made < 200,
        "{made} chunks of 64 KiB were made for a 200-character message"
    );
}

/// 64 endpoints that take a request and never answer, listed first (their
/// endpoints sort before the good one's): the good subscriber's message
/// still arrives before any of them has even timed out, and the send ends
/// once each hanging one has had its tries.
#[tokio::test]
async fn hanging_endpoints_do_not_hold_back_a_good_subscriber() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let (keys, mock) = setup();
    let good_origin = mock_push_service_at(mock.clone(), "127.0.0.2").await;
    // A push service that reads each request and never answers; it counts
    // the requests given up on (their connections closed).
    let hanging = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let hanging_origin = format!("http://{}", hanging.local_addr().unwrap());
    let given_up = Arc::new(AtomicUsize::new(0));
    let (counter, good_at_give_up) = (given_up.clone(), Arc::new(Mutex::new(None::<usize>)));
    tokio::spawn(async move {
        loop {
            let (mut socket, _) = hanging.accept().await.unwrap();
            let counter = counter.clone();
            tokio::spawn(async move {
                use tokio::io::AsyncReadExt;
                let mut buffer = [0u8; 4096];
                while matches!(socket.read(&mut buffer).await, Ok(n) if n > 0) {}
                counter.fetch_add(1, Ordering::SeqCst);
            });
        }
    });
    let store: Arc<dyn SubscriptionStore> = Arc::new(SqliteStore::in_memory().unwrap());
    for i in 0..64 {
        let mut subscriber = subscribe(&mock, &hanging_origin, &format!("hang-{i:02}"));
        subscriber.endpoint = format!("{hanging_origin}/push/hang-{i:02}");
        store.upsert(&subscriber, &["local".to_string()]).unwrap();
    }
    let good = subscribe(&mock, &good_origin, "z-good");
    store.upsert(&good, &["local".to_string()]).unwrap();
    let options = SendOptions {
        request_timeout: Duration::from_secs(2),
        attempts: 1,
        ..SendOptions::default()
    };
    let watcher = {
        let (mock, given_up, seen) = (mock.clone(), given_up.clone(), good_at_give_up.clone());
        tokio::spawn(async move {
            // How many hanging requests had been given up on when the good
            // message arrived.
            loop {
                if mock
                    .lock()
                    .unwrap()
                    .received
                    .iter()
                    .any(|r| r.id == "z-good")
                {
                    *seen.lock().unwrap() = Some(given_up.load(Ordering::SeqCst));
                    return;
                }
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        })
    };
    let summary = Sender::new(&keys, mock_only())
        .unwrap()
        .send_topic(&store, "local", &notification(), &options)
        .await
        .unwrap();
    watcher.await.unwrap();
    assert_eq!((summary.sent, summary.failed), (1, 64), "{summary}");
    assert_eq!(
        *good_at_give_up.lock().unwrap(),
        Some(0),
        "the good subscriber waited for hanging endpoints to time out"
    );
    assert!(
        summary.failures[0].contains("no answer in 2 s"),
        "{summary}"
    );
}

/// A push service that answers 503 with `Retry-After: 3600`, listed first:
/// the pause is capped at `longest_pause`, and the waiting subscriber holds
/// no slot, so with one slot in all the others go out during the pause.
#[tokio::test]
async fn a_long_retry_after_holds_no_slot_and_is_capped() {
    let busy = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let busy_origin = format!("http://{}", busy.local_addr().unwrap());
    let busy_tries = Arc::new(Mutex::new(Vec::<Instant>::new()));
    let tries = busy_tries.clone();
    let app = Router::new().route(
        "/push/{id}",
        post(move || async move {
            tries.lock().unwrap().push(Instant::now());
            (
                StatusCode::SERVICE_UNAVAILABLE,
                [("retry-after", "3600")],
                "",
            )
        }),
    );
    tokio::spawn(async move { axum::serve(busy, app).await.unwrap() });
    // A push service that takes everything, on an address sorting after.
    let fine = tokio::net::TcpListener::bind("127.0.0.2:0").await.unwrap();
    let fine_origin = format!("http://{}", fine.local_addr().unwrap());
    let arrivals = Arc::new(Mutex::new(Vec::<Instant>::new()));
    let arrived = arrivals.clone();
    let app = Router::new().route(
        "/push/{id}",
        post(move || async move {
            arrived.lock().unwrap().push(Instant::now());
            StatusCode::CREATED
        }),
    );
    tokio::spawn(async move { axum::serve(fine, app).await.unwrap() });
    let (keys, mock) = setup();
    let store: Arc<dyn SubscriptionStore> = Arc::new(SqliteStore::in_memory().unwrap());
    store
        .upsert(
            &subscribe(&mock, &busy_origin, "busy"),
            &["local".to_string()],
        )
        .unwrap();
    for i in 0..5 {
        store
            .upsert(
                &subscribe(&mock, &fine_origin, &format!("ok-{i}")),
                &["local".to_string()],
            )
            .unwrap();
    }
    let options = SendOptions {
        concurrency: 1,
        attempts: 2,
        longest_pause: Duration::from_millis(1500),
        ..quick()
    };
    let summary = Sender::new(&keys, mock_only())
        .unwrap()
        .send_topic(&store, "local", &notification(), &options)
        .await
        .unwrap();
    assert_eq!((summary.sent, summary.failed), (5, 1), "{summary}");
    let tries = busy_tries.lock().unwrap().clone();
    let arrivals = arrivals.lock().unwrap().clone();
    assert_eq!(
        tries.len(),
        2,
        "two tries, the second after the capped pause"
    );
    assert!(
        arrivals.iter().all(|arrival| *arrival < tries[1]),
        "the others waited for the busy subscriber's pause"
    );
    assert!(
        tries[1] - tries[0] < Duration::from_secs(60),
        "Retry-After was not capped: {:?}",
        tries[1] - tries[0]
    );
}

/// One client address may subscribe a few times a minute (then 429 with
/// `Retry-After`, nothing stored), another address is not held back, and a
/// full store takes no new subscription (507) but still lets one go.
#[tokio::test]
async fn subscribing_is_limited_per_client_and_by_the_stores_size() {
    let (keys, mock) = setup();
    let store: Arc<dyn SubscriptionStore> = Arc::new(SqliteStore::in_memory().unwrap());
    let limits = Limits {
        per_minute: 3,
        client_header: Some("x-forwarded-for".into()),
        ..Limits::default()
    };
    let service = |store: Arc<dyn SubscriptionStore>, limits: Limits| {
        Service::new(
            store,
            Arc::new(Sender::new(&keys, mock_only()).unwrap()),
            None,
            quick(),
            limits,
        )
    };
    let base = serve_service(service(store.clone(), limits.clone())).await;
    let client = reqwest::Client::new();
    let call = |base: String, id: String, from: &'static str| {
        let subscriber = subscribe(&mock, "http://127.0.0.1:9", &id);
        let body = serde_json::json!({
            "subscription": { "endpoint": subscriber.endpoint,
                              "keys": { "p256dh": subscriber.p256dh, "auth": subscriber.auth } },
            "topics": ["local"],
        });
        client
            .post(format!("{base}/subscriptions"))
            .header("content-type", "application/json")
            .header("x-forwarded-for", from)
            .body(body.to_string())
            .send()
    };
    for i in 0..3 {
        let response = call(base.clone(), format!("a-{i}"), "203.0.113.7")
            .await
            .unwrap();
        assert_eq!(response.status(), 201, "call {i}");
    }
    let refused = call(base.clone(), "a-3".into(), "203.0.113.7")
        .await
        .unwrap();
    assert_eq!(refused.status(), 429);
    let wait: u64 = refused.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait), "Retry-After {wait}");
    assert_eq!(store.topics("http://127.0.0.1:9/push/a-3").unwrap(), None);
    let other = call(base.clone(), "b-0".into(), "198.51.100.1")
        .await
        .unwrap();
    assert_eq!(other.status(), 201, "another address");
    // Without the proxy's header, the address is unknown: refused.
    let unknown = client
        .post(format!("{base}/subscriptions"))
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 400);

    // The store is over its cap: no new subscription, unsubscribing works.
    let full = serve_service(service(
        store.clone(),
        Limits {
            max_store_bytes: store.size_bytes().unwrap(),
            ..limits
        },
    ))
    .await;
    let response = call(full.clone(), "c-0".into(), "192.0.2.1").await.unwrap();
    assert_eq!(response.status(), 507);
    assert!(response.text().await.unwrap().contains("store is full"));
    let gone = client
        .delete(format!("{full}/subscriptions"))
        .json(&serde_json::json!({ "endpoint": "http://127.0.0.1:9/push/a-0" }))
        .send()
        .await
        .unwrap();
    assert_eq!(gone.status(), 204);
    assert_eq!(store.topics("http://127.0.0.1:9/push/a-0").unwrap(), None);
}
