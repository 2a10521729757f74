//! Campaigns on a real, throwaway PostgreSQL (`scripts/with-postgres.sh`)
//! with real worker processes (this crate's binary) and the mock push
//! service that checks VAPID and decrypts every message: a worker killed
//! with SIGKILL mid-campaign, a cancel, and `send` as one command. Skipped,
//! and says so, without Postgres.

use article_widget_push::campaign::{CampaignSpec, Campaigns, Status};
use article_widget_push::keys::VapidKeys;
use article_widget_push::sender::Urgency;
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::*;

const BINARY: &str = env!("CARGO_BIN_EXE_article-widget-push");

/// One campaign test at a time: each takes both cores.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// A key file for the worker processes.
fn key_file(keys: &VapidKeys, name: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("aw-campaign-{name}-{}.json", std::process::id()));
    std::fs::write(&path, serde_json::to_string(keys).unwrap()).unwrap();
    path
}

/// Stores `ids` as subscribers of `local`, in bulk (one statement each
/// table), each with keys of its own that the mock holds.
async fn store_subscribers(url: &str, mock: &Shared, origin: &str, ids: &[String]) {
    let subscribers: Vec<_> = ids.iter().map(|id| subscribe(mock, origin, id)).collect();
    let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls)
        .await
        .unwrap();
    tokio::spawn(connection);
    let endpoints: Vec<&str> = subscribers.iter().map(|s| s.endpoint.as_str()).collect();
    let p256dh: Vec<&str> = subscribers.iter().map(|s| s.p256dh.as_str()).collect();
    let auth: Vec<&str> = subscribers.iter().map(|s| s.auth.as_str()).collect();
    client
        .execute(
            "INSERT INTO subscriptions (endpoint, p256dh, auth)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[])",
            &[&endpoints, &p256dh, &auth],
        )
        .await
        .unwrap();
    client
        .execute(
            "INSERT INTO topics (endpoint, topic) SELECT e, 'local' FROM unnest($1::text[]) e",
            &[&endpoints],
        )
        .await
        .unwrap();
}

async fn stored_endpoints_like(url: &str, pattern: &str) -> i64 {
    let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls)
        .await
        .unwrap();
    tokio::spawn(connection);
    client
        .query_one(
            "SELECT count(*) FROM subscriptions WHERE endpoint LIKE $1",
            &[&pattern],
        )
        .await
        .unwrap()
        .get(0)
}

fn worker(url: &str, keys: &PathBuf, name: &str, extra: &[&str]) -> Child {
    let log = std::fs::File::create(
        std::env::temp_dir().join(format!("aw-{name}-{}.log", std::process::id())),
    )
    .unwrap();
    Command::new(BINARY)
        .args(["--log-format", "json", "worker", "--db", url, "--keys"])
        .arg(keys)
        .args([
            "--test-only-loopback",
            "--name",
            name,
            "--lease-seconds",
            "2",
        ])
        .args(extra)
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .unwrap()
}

fn worker_log(name: &str) -> String {
    std::fs::read_to_string(
        std::env::temp_dir().join(format!("aw-{name}-{}.log", std::process::id())),
    )
    .unwrap_or_default()
}

fn received_count(mock: &Shared) -> usize {
    mock.lock().unwrap().received.len()
}

async fn wait_for(what: &str, limit: Duration, mut done: impl AsyncFnMut() -> bool) {
    let started = Instant::now();
    while !done().await {
        assert!(started.elapsed() < limit, "waited {limit:?} for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn status(campaigns: &Campaigns, id: i64) -> Status {
    campaigns.status(id).await.unwrap().unwrap()
}

/// 50,000 subscribers (1 % of them gone), three worker processes; one is
/// killed with SIGKILL a third of the way through. Every subscriber gets
/// the message; a subscriber gets it twice only where the killed worker's
/// send was in flight or not yet recorded (at most 2 × its 64 under way),
/// always with the campaign's `Topic`; gone subscriptions are removed and
/// counted once; a worker stopped with SIGTERM gives its partition back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_workers_finish_a_campaign_though_one_is_killed() {
    let Some(url) = postgres_database("campaign_crash") else {
        return;
    };
    let _alone = ONE_AT_A_TIME.lock().await;
    let (keys, mock) = setup();
    let origin = mock_push_service(mock.clone()).await;
    let total = 50_000;
    let ids: Vec<String> = (0..total)
        .map(|n| {
            if n % 100 == 7 {
                format!("gone-{n}")
            } else {
                format!("ok-{n}")
            }
        })
        .collect();
    let gone = ids.iter().filter(|id| id.starts_with("gone")).count();
    let campaigns = Campaigns::connect(&url).await.unwrap();
    let started = Instant::now();
    store_subscribers(&url, &mock, &origin, &ids).await;
    println!(
        "campaign: {total} subscribers made and stored in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let id = campaigns
        .enqueue(&CampaignSpec {
            topic: "local",
            notification: &notification(),
            ttl: Duration::from_secs(600),
            urgency: Urgency::High,
            replace_topic: None,
            partition_size: 2_000,
        })
        .await
        .unwrap();
    assert_eq!(status(&campaigns, id).await.partitions, 25);

    let keys_path = key_file(&keys, "crash");
    let metrics_port = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        probe.local_addr().unwrap().port()
    };
    let metrics_address = format!("127.0.0.1:{metrics_port}");
    let started = Instant::now();
    let mut killed = worker(
        &url,
        &keys_path,
        "crash-0",
        &["--concurrency", "32", "--per-host", "32"],
    );
    let mut stopped = worker(
        &url,
        &keys_path,
        "crash-1",
        &["--concurrency", "32", "--per-host", "32"],
    );
    let mut last = worker(
        &url,
        &keys_path,
        "crash-2",
        &[
            "--concurrency",
            "32",
            "--per-host",
            "32",
            "--metrics",
            &metrics_address,
        ],
    );

    wait_for(
        "a third of the messages",
        Duration::from_secs(120),
        async || received_count(&mock) >= total / 3,
    )
    .await;
    killed.kill().unwrap(); // SIGKILL
    killed.wait().unwrap();
    let at_kill = received_count(&mock);
    println!(
        "campaign: worker crash-0 killed after {at_kill} messages, {:.1} s",
        started.elapsed().as_secs_f64()
    );

    wait_for(
        "the campaign to end",
        Duration::from_secs(240),
        async || status(&campaigns, id).await.state != "running",
    )
    .await;
    let elapsed = started.elapsed();
    let end = status(&campaigns, id).await;
    println!(
        "campaign: {total} subscribers by three workers (one killed) in {:.1} s, {:.0} a second\n{end}",
        elapsed.as_secs_f64(),
        total as f64 / elapsed.as_secs_f64()
    );

    // The metrics of a live worker, in Prometheus's format.
    let metrics = reqwest::get(format!("http://{metrics_address}/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        metrics.contains("push_messages_total{outcome=\"sent\"}"),
        "{metrics}"
    );
    assert!(
        metrics.contains(&format!(
            "push_campaign_subscribers{{campaign=\"{id}\"}} {total}"
        )),
        "{metrics}"
    );
    assert!(
        metrics.contains("push_request_duration_seconds_bucket{"),
        "{metrics}"
    );
    assert!(metrics.contains("push_in_flight 0"), "{metrics}");

    // SIGTERM: the worker says so and ends cleanly.
    let terminated = Command::new("kill")
        .args(["-TERM", &stopped.id().to_string()])
        .status()
        .unwrap();
    assert!(terminated.success());
    let exit = stopped.wait().unwrap();
    assert!(exit.success(), "{exit:?}\n{}", worker_log("crash-1"));
    assert!(
        worker_log("crash-1").contains("\"stopped\""),
        "{}",
        worker_log("crash-1")
    );
    last.kill().unwrap();
    last.wait().unwrap();

    assert_eq!(end.state, "done", "{end}");
    assert_eq!(end.handled, total as i64, "{end}");
    assert_eq!(end.sent, (total - gone) as i64, "{end}");
    assert_eq!(
        end.gone, gone as i64,
        "gone subscriptions counted once: {end}"
    );
    assert_eq!(end.failed, 0, "{end}");
    assert_eq!(stored_endpoints_like(&url, "%/gone-%").await, 0);
    assert_eq!(
        stored_endpoints_like(&url, "%/ok-%").await,
        (total - gone) as i64
    );

    let mock = mock.lock().unwrap();
    let mut times: HashMap<&str, usize> = HashMap::new();
    for received in &mock.received {
        *times.entry(received.id.as_str()).or_default() += 1;
        assert_eq!(
            received.topic.as_deref(),
            Some(format!("aw-c{id}").as_str())
        );
        assert_eq!(received.payload["title"], "Nattferja går igjen");
    }
    let missing: Vec<_> = ids
        .iter()
        .filter(|id| id.starts_with("ok") && !times.contains_key(id.as_str()))
        .take(5)
        .collect();
    assert!(missing.is_empty(), "never received: {missing:?}");
    let duplicates: usize = times.values().map(|n| n - 1).sum();
    println!("campaign: {duplicates} subscribers received it twice (the killed worker's unrecorded sends)");
    assert!(
        duplicates <= 2 * 64,
        "{duplicates} duplicates: more than the killed worker had under way"
    );
    assert!(
        times.values().all(|&n| n <= 2),
        "a subscriber got it three times"
    );
    for n in (7..total).step_by(100) {
        assert!(mock.tries[&format!("gone-{n}")] >= 1);
    }
    // The new owner of the killed worker's partition resumed it.
    assert!(
        worker_log("crash-1").contains("\"resumed\":true")
            || worker_log("crash-2").contains("\"resumed\":true"),
        "no worker resumed a partition"
    );
}

/// A campaign cancelled mid-way: its worker sends nothing more of it a
/// second after `campaign cancel` returns, and stays up for other work.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancelled_campaign_stops_within_a_second() {
    let Some(url) = postgres_database("campaign_cancel") else {
        return;
    };
    let _alone = ONE_AT_A_TIME.lock().await;
    let (keys, mock) = setup();
    let origin = mock_push_service(mock.clone()).await;
    let total = 20_000;
    let ids: Vec<String> = (0..total).map(|n| format!("ok-{n}")).collect();
    let campaigns = Campaigns::connect(&url).await.unwrap();
    store_subscribers(&url, &mock, &origin, &ids).await;
    let id = campaigns
        .enqueue(&CampaignSpec {
            topic: "local",
            notification: &notification(),
            ttl: Duration::from_secs(600),
            urgency: Urgency::Normal,
            replace_topic: Some("ferry-news"),
            partition_size: 5_000,
        })
        .await
        .unwrap();
    let keys_path = key_file(&keys, "cancel");
    let mut working = worker(&url, &keys_path, "cancel-0", &["--concurrency", "8"]);
    wait_for("the first messages", Duration::from_secs(60), async || {
        received_count(&mock) >= 2_000
    })
    .await;

    let cancel = Command::new(BINARY)
        .args(["campaign", "cancel", &id.to_string(), "--db", &url])
        .output()
        .unwrap();
    let cancelled_at = Instant::now();
    assert!(cancel.status.success(), "{cancel:?}");
    assert_eq!(
        String::from_utf8_lossy(&cancel.stdout).trim(),
        format!("campaign {id}: cancelled")
    );
    tokio::time::sleep(Duration::from_millis(2_000)).await;
    assert!(
        working.try_wait().unwrap().is_none(),
        "the worker stays up after a cancel"
    );
    working.kill().unwrap();
    working.wait().unwrap();

    {
        let mock = mock.lock().unwrap();
        let late: Vec<_> = mock
            .received
            .iter()
            .filter(|r| r.at > cancelled_at + Duration::from_secs(1))
            .collect();
        assert!(
            late.is_empty(),
            "{} messages more than a second after the cancel",
            late.len()
        );
        assert!(mock.received.len() < total, "it did not stop");
        assert!(mock
            .received
            .iter()
            .all(|r| r.topic.as_deref() == Some("ferry-news")));
        let after = mock.received.iter().filter(|r| r.at > cancelled_at).count();
        println!(
            "cancel: {} of {total} sent; {after} arrived after the cancel returned, none a second later",
            mock.received.len()
        );
    }

    let end = status(&campaigns, id).await;
    assert_eq!(end.state, "cancelled", "{end}");
    let again = Command::new(BINARY)
        .args(["campaign", "cancel", &id.to_string(), "--db", &url])
        .output()
        .unwrap();
    assert!(!again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("already cancelled"),
        "{again:?}"
    );
    let shown = Command::new(BINARY)
        .args(["campaign", "status", &id.to_string(), "--db", &url])
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&shown.stdout);
    assert!(
        shown.starts_with(&format!("campaign {id} (cancelled) to topic \"local\"")),
        "{shown}"
    );
}

/// `send --db postgres://…` is still one command: it enqueues, works on
/// it, and prints the campaign's end; every subscriber gets it once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn send_to_postgres_is_one_command() {
    let Some(url) = postgres_database("campaign_send") else {
        return;
    };
    let _alone = ONE_AT_A_TIME.lock().await;
    let (keys, mock) = setup();
    let origin = mock_push_service(mock.clone()).await;
    let ids: Vec<String> = (0..300).map(|n| format!("ok-{n}")).collect();
    Campaigns::connect(&url).await.unwrap();
    store_subscribers(&url, &mock, &origin, &ids).await;
    let keys_path = key_file(&keys, "send");
    let sent = tokio::process::Command::new(BINARY)
        .args(["send", "--db", &url, "--keys"])
        .arg(&keys_path)
        .args([
            "--topic",
            "local",
            "--title",
            "Nattferja går igjen",
            "--url",
            "https://news.example/ferja",
            "--partition-size",
            "100",
            "--test-only-loopback",
        ])
        .output()
        .await
        .unwrap();
    let stdout = String::from_utf8_lossy(&sent.stdout);
    assert!(
        sent.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&sent.stderr)
    );
    assert!(
        stdout.contains("(done)") && stdout.contains("300 sent"),
        "{stdout}"
    );
    assert!(stdout.contains("3 of 3 partitions finished"), "{stdout}");
    let mock = mock.lock().unwrap();
    assert_eq!(mock.received.len(), 300);
    let mut seen: Vec<_> = mock.received.iter().map(|r| r.id.clone()).collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 300);
}
