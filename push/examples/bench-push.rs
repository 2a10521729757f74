//! `make bench-push`: how fast the sender is against what it cannot avoid.
//!
//! 1. The floor: each step of one message's cryptography timed alone on one
//!    core (ECDH with a fresh key, HKDF, AES-128-GCM, the VAPID signature).
//! 2. The sender (`send` on SQLite) against a mock push service that
//!    answers `201` without decrypting, in a process of its own so the
//!    sender's CPU time is its own: messages a second, messages per CPU
//!    second (a core), and that against the floor.
//! 3. With `ARTICLE_WIDGET_PUSH_POSTGRES` (under `scripts/with-postgres.sh`):
//!    a campaign of `--campaign N` subscribers (default 200,000) sent by
//!    `--workers K` worker processes (default 2), to the last message.
//!
//! Figures, not a test: nothing here passes or fails on speed.

use article_widget_push::campaign::{CampaignSpec, Campaigns};
use article_widget_push::endpoint::EndpointPolicy;
use article_widget_push::keys::VapidKeys;
use article_widget_push::notification::Notification;
use article_widget_push::sender::{SendOptions, Sender, Urgency};
use article_widget_push::store::{SqliteStore, SubscriptionStore};
use article_widget_push::subscription::Subscriber;
use base64ct::{Base64UrlUnpadded, Encoding};
use std::io::BufRead;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use web_push_native::p256;
use web_push_native::vapid::VapidSignature;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("mock") {
        return mock();
    }
    let number = |flag: &str, default: usize| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|at| args.get(at + 1))
            .map(|n| n.parse().unwrap_or_else(|_| panic!("{flag}: not a number")))
            .unwrap_or(default)
    };
    let subscribers = number("--subscribers", 20_000);
    let campaign = number("--campaign", 200_000);
    let workers = number("--workers", 2);

    let floor = floor();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let (mock_process, origin) = start_mock();
    runtime.block_on(sender_rate(&origin, subscribers, floor));
    match std::env::var("ARTICLE_WIDGET_PUSH_POSTGRES") {
        Ok(server) => runtime.block_on(campaign_rate(&server, &origin, campaign, workers)),
        Err(_) => println!(
            "campaign: skipped (no ARTICLE_WIDGET_PUSH_POSTGRES; `make bench-push` starts one)"
        ),
    }
    let mut mock_process = mock_process;
    let _ = mock_process.kill();
    let _ = mock_process.wait();
}

/// A payload the size of a typical notification.
fn notification() -> Notification {
    Notification {
        title: "Nattferja går igjen fra i kveld".into(),
        body: "Ferja seiler som før etter tre uker med innstilte avganger.".into(),
        url: "https://news.example/2026/12/ferja-seiler-igjen".into(),
        tag: Some("ferja".into()),
        topic: Some("local".into()),
        ..Default::default()
    }
}

fn per_message(label: &str, rounds: u32, mut step: impl FnMut()) -> Duration {
    for _ in 0..rounds / 10 {
        step();
    }
    let started = Instant::now();
    for _ in 0..rounds {
        step();
    }
    let each = started.elapsed() / rounds;
    println!("floor: {label:<34} {:>8.1} µs", each.as_secs_f64() * 1e6);
    each
}

/// Messages a second one core can encrypt and sign, at best: the sum of
/// each step timed alone, on the libraries the sender uses (ece's OpenSSL
/// backend: OpenSSL's P-256 and AES-GCM, RustCrypto's HKDF). Returns (with
/// a signature per message, with the signature reused).
fn floor() -> (f64, f64) {
    use hkdf::Hkdf;
    use openssl::bn::BigNumContext;
    use openssl::derive::Deriver;
    use openssl::ec::{EcGroup, EcKey, EcPoint, PointConversionForm};
    use openssl::nid::Nid;
    use openssl::pkey::PKey;
    use sha2::Sha256;

    let rounds = 2_000;
    let payload = notification().payload().unwrap();
    let group = EcGroup::from_curve_name(Nid::X9_62_PRIME256V1).unwrap();
    let (browser_pair, browser_auth) = ece::generate_keypair_and_auth_secret().unwrap();
    let browser_bytes = browser_pair.pub_as_raw().unwrap();
    let mut context = BigNumContext::new().unwrap();
    let browser_point = EcPoint::from_bytes(&group, &browser_bytes, &mut context).unwrap();
    let browser =
        PKey::from_ec_key(EcKey::from_public_key(&group, &browser_point).unwrap()).unwrap();
    let mut shared = Vec::new();
    let ecdh = per_message("ECDH (a new key pair, agreement)", rounds, || {
        let ours = PKey::from_ec_key(EcKey::generate(&group).unwrap()).unwrap();
        let mut deriver = Deriver::new(&ours).unwrap();
        deriver.set_peer(&browser).unwrap();
        shared = deriver.derive_to_vec().unwrap();
        let mut context = BigNumContext::new().unwrap();
        let _ = ours
            .ec_key()
            .unwrap()
            .public_key()
            .to_bytes(&group, PointConversionForm::UNCOMPRESSED, &mut context)
            .unwrap();
    });
    let mut key = [0u8; 16];
    let mut nonce = [0u8; 12];
    let hkdf = per_message("HKDF-SHA-256 (IKM, key, nonce)", rounds, || {
        let mut info = Vec::with_capacity(144);
        info.extend_from_slice(b"WebPush: info\0");
        info.extend_from_slice(&browser_bytes);
        info.extend_from_slice(&browser_bytes);
        let mut ikm = [0u8; 32];
        Hkdf::<Sha256>::new(Some(&browser_auth), &shared)
            .expand(&info, &mut ikm)
            .unwrap();
        let record = Hkdf::<Sha256>::new(Some(&[1u8; 16]), &ikm);
        record
            .expand(b"Content-Encoding: aes128gcm\0", &mut key)
            .unwrap();
        record
            .expand(b"Content-Encoding: nonce\0", &mut nonce)
            .unwrap();
    });
    // Padded as ece pads: to a multiple of 128 bytes.
    let mut padded = payload.clone();
    padded.push(2);
    padded.resize(padded.len().div_ceil(128) * 128, 0);
    let aes = per_message(
        &format!("AES-128-GCM ({} bytes)", padded.len()),
        rounds,
        || {
            let mut tag = [0u8; 16];
            let sealed = openssl::symm::encrypt_aead(
                openssl::symm::Cipher::aes_128_gcm(),
                &key,
                Some(&nonce),
                &[],
                &padded,
                &mut tag,
            )
            .unwrap();
            assert_eq!(sealed.len(), padded.len());
        },
    );
    let keys = VapidKeys::generate("mailto:bench@example.org").unwrap();
    let pair = keys.key_pair().unwrap();
    let endpoint: http::Uri = "https://push.example/send/abc".parse().unwrap();
    let sign = per_message("VAPID signature (ES256 JWT)", rounds, || {
        VapidSignature::sign(
            &endpoint,
            Duration::from_secs(43_200),
            "mailto:bench@example.org",
            &pair,
        )
        .unwrap();
    });
    // The whole of it as the sender calls it, to check the sum.
    per_message("(all of it: ece::encrypt)", rounds, || {
        ece::encrypt(&browser_bytes, &browser_auth, &payload).unwrap();
    });
    // For comparison: what web-push-native's pure-Rust P-256 took (the
    // sender's encryption until this was measured).
    let browser_public = p256::PublicKey::from_sec1_bytes(&browser_bytes).unwrap();
    let auth = web_push_native::Auth::clone_from_slice(&browser_auth);
    per_message("(pure Rust: web-push-native)", rounds / 4, || {
        web_push_native::encrypt(payload.clone(), &browser_public, &auth).unwrap();
    });
    let with_signature = ecdh + hkdf + aes + sign;
    let without = ecdh + hkdf + aes;
    let rate = |each: Duration| 1.0 / each.as_secs_f64();
    println!(
        "floor: per message {:.1} µs = {:.0} a second a core (signature reused: {:.1} µs, {:.0} a second)",
        with_signature.as_secs_f64() * 1e6,
        rate(with_signature),
        without.as_secs_f64() * 1e6,
        rate(without)
    );
    (rate(with_signature), rate(without))
}

/// CPU seconds this process has used (user and system; Linux's
/// `/proc/self/stat` counts in USER_HZ, 100 a second).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command's closing parenthesis: utime is the 12th.
    let rest = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or("");
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |at: usize| {
        fields
            .get(at)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

/// Subscribers with real P-256 keys (64 of them, in turn) on the mock.
fn subscribers(origin: &str, count: usize, prefix: &str) -> Vec<Subscriber> {
    let keys: Vec<String> = (0..64)
        .map(|_| {
            let (pair, _) = ece::generate_keypair_and_auth_secret().unwrap();
            Base64UrlUnpadded::encode_string(&pair.pub_as_raw().unwrap())
        })
        .collect();
    (0..count)
        .map(|n| Subscriber {
            endpoint: format!("{origin}/push/{prefix}{n}"),
            p256dh: keys[n % keys.len()].clone(),
            auth: Base64UrlUnpadded::encode_string(&[n as u8; 16]),
            lang: None,
        })
        .collect()
}

fn mock_only() -> EndpointPolicy {
    EndpointPolicy {
        loopback_for_tests: true,
        ..EndpointPolicy::default()
    }
}

async fn sender_rate(origin: &str, count: usize, (floor_signed, floor_reused): (f64, f64)) {
    let store: Arc<dyn SubscriptionStore> = Arc::new(SqliteStore::in_memory().unwrap());
    for subscriber in subscribers(origin, count, "s") {
        store.upsert(&subscriber, &["local".into()]).unwrap();
    }
    let keys = VapidKeys::generate("mailto:bench@example.org").unwrap();
    let sender = Sender::new(&keys, mock_only()).unwrap();
    let options = SendOptions {
        concurrency: 64,
        per_host: 64,
        ..SendOptions::default()
    };
    let cpu = cpu_seconds();
    let started = Instant::now();
    let summary = sender
        .send_topic(&store, "local", &notification(), &options)
        .await
        .unwrap();
    let wall = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu;
    assert_eq!(summary.sent, count, "{summary}");
    let rate = count as f64 / wall;
    let per_core = count as f64 / cpu;
    println!(
        "sender: {count} messages in {wall:.2} s = {rate:.0} a second on {} cores; {cpu:.2} CPU s = {per_core:.0} a second a core",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!(
        "sender: {:.0} % of the floor a core with a signature per message, {:.0} % of the floor with it reused ({} VAPID token signed)",
        100.0 * per_core / floor_signed,
        100.0 * per_core / floor_reused,
        sender.tokens_signed()
    );
}

async fn campaign_rate(server: &str, origin: &str, count: usize, workers: usize) {
    let database = "aw_bench_push";
    let (admin, connection) = tokio_postgres::connect(server, tokio_postgres::NoTls)
        .await
        .unwrap();
    tokio::spawn(connection);
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {database}"))
        .await
        .unwrap();
    admin
        .batch_execute(&format!("CREATE DATABASE {database}"))
        .await
        .unwrap();
    let url = format!("{}/{database}", server.trim_end_matches('/'));
    let campaigns = Campaigns::connect(&url).await.unwrap();
    let (client, connection) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
        .await
        .unwrap();
    tokio::spawn(connection);
    let started = Instant::now();
    for chunk in subscribers(origin, count, "c").chunks(50_000) {
        let endpoints: Vec<&str> = chunk.iter().map(|s| s.endpoint.as_str()).collect();
        let p256dh: Vec<&str> = chunk.iter().map(|s| s.p256dh.as_str()).collect();
        let auth: Vec<&str> = chunk.iter().map(|s| s.auth.as_str()).collect();
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
                "INSERT INTO topics (endpoint, topic) SELECT e, 'breaking' FROM unnest($1::text[]) e",
                &[&endpoints],
            )
            .await
            .unwrap();
    }
    println!(
        "campaign: {count} subscribers stored in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let keys = VapidKeys::generate("mailto:bench@example.org").unwrap();
    let key_file = std::env::temp_dir().join(format!("aw-bench-keys-{}.json", std::process::id()));
    std::fs::write(&key_file, serde_json::to_string(&keys).unwrap()).unwrap();
    let (before, _, began) = mock_count(origin).await;
    let started = Instant::now();
    let id = campaigns
        .enqueue(&CampaignSpec {
            topic: "breaking",
            notification: &notification(),
            ttl: Duration::from_secs(3600),
            urgency: Urgency::High,
            replace_topic: None,
            partition_size: 10_000,
        })
        .await
        .unwrap();
    let enqueued = started.elapsed();
    let binary = std::env::current_exe()
        .unwrap()
        .parent()
        .and_then(|examples| examples.parent())
        .unwrap()
        .join("article-widget-push");
    let mut processes: Vec<_> = (0..workers)
        .map(|n| {
            Command::new(&binary)
                .args(["worker", "--db", &url, "--keys"])
                .arg(&key_file)
                .args([
                    "--test-only-loopback",
                    "--concurrency",
                    "64",
                    "--per-host",
                    "64",
                ])
                .args(["--name", &format!("bench-{n}")])
                .env("RUST_LOG", "warn")
                .stdout(Stdio::null())
                .spawn()
                .unwrap_or_else(|error| {
                    panic!(
                        "{}: {error} (cargo build --release -p article-widget-push first)",
                        binary.display()
                    )
                })
        })
        .collect();
    loop {
        tokio::time::sleep(Duration::from_millis(200)).await;
        let status = campaigns.status(id).await.unwrap().unwrap();
        if status.state != "running" {
            break;
        }
    }
    let (received, last_at, _) = mock_count(origin).await;
    let to_last = Duration::from_millis(last_at.saturating_sub(began)).as_secs_f64();
    for process in &mut processes {
        let _ = process.kill();
        let _ = process.wait();
    }
    let _ = std::fs::remove_file(&key_file);
    let status = campaigns.status(id).await.unwrap().unwrap();
    print!("{status}");
    println!(
        "campaign: {count} subscribers by {workers} workers: enqueued (snapshot, partitions) in {:.1} s; the last message {to_last:.1} s after the send began; {:.0} a second ({} received by the mock)",
        enqueued.as_secs_f64(),
        count as f64 / to_last,
        received - before
    );
}

/// The mock's count of messages, when it took the last, and now (ms since
/// it started).
async fn mock_count(origin: &str) -> (u64, u64, u64) {
    let text = reqwest::get(format!("{origin}/count"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let numbers: Vec<u64> = text.split(' ').map(|n| n.parse().unwrap()).collect();
    (numbers[0], numbers[1], numbers[2])
}

fn start_mock() -> (std::process::Child, String) {
    let mut process = Command::new(std::env::current_exe().unwrap())
        .arg("mock")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(process.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    (process, line.trim().to_owned())
}

/// A push service that takes every message and answers 201, reading the
/// body but neither checking nor decrypting it.
fn mock() {
    use axum::routing::{get, post};
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let started = Instant::now();
        let count = Arc::new(AtomicU64::new(0));
        let last = Arc::new(AtomicU64::new(0));
        let (counted, at) = (count.clone(), last.clone());
        let app = axum::Router::new()
            .route(
                "/push/{id}",
                post(move |body: axum::body::Bytes| async move {
                    assert!(!body.is_empty());
                    counted.fetch_add(1, Ordering::Relaxed);
                    at.store(started.elapsed().as_millis() as u64, Ordering::Relaxed);
                    axum::http::StatusCode::CREATED
                }),
            )
            .route(
                "/count",
                get(move || async move {
                    format!(
                        "{} {} {}",
                        count.load(Ordering::Relaxed),
                        last.load(Ordering::Relaxed),
                        started.elapsed().as_millis()
                    )
                }),
            );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        println!("http://{}", listener.local_addr().unwrap());
        axum::serve(listener, app).await.unwrap();
    });
}
