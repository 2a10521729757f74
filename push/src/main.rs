//! `article-widget-push`: VAPID keys, the subscription service, and sending
//! (README, "Notifications").

use article_widget_push::endpoint::EndpointPolicy;
use article_widget_push::keys::VapidKeys;
use article_widget_push::notification::Notification;
use article_widget_push::sender::{SendOptions, Sender, Urgency};
use article_widget_push::service::{router, Limits, Service};
use article_widget_push::store;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

#[derive(Parser)]
#[command(
    version,
    about = "Web Push for article-widget's bell: keys, subscriptions, sending"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Writes a new VAPID key pair and prints the public key for the widget.
    Keys {
        /// Who push services may contact: mailto: or https:.
        #[arg(long)]
        subject: String,
        /// Where to write the key pair (relative to the working folder).
        #[arg(long, default_value = "push-keys.json")]
        out: PathBuf,
        /// Replace an existing key file (every subscription made with the
        /// old public key stops working).
        #[arg(long)]
        force: bool,
    },
    /// Takes the widget's subscribe and unsubscribe calls; `POST /send` too
    /// when ARTICLE_WIDGET_PUSH_TOKEN is set.
    Serve {
        /// The key file `keys` wrote (relative to the working folder).
        #[arg(long, default_value = "push-keys.json")]
        keys: PathBuf,
        /// An SQLite file (relative to the working folder; made if missing),
        /// or a postgres:// URL.
        #[arg(long, default_value = "push.sqlite")]
        db: String,
        #[arg(long, default_value = "127.0.0.1:8787")]
        listen: String,
        /// A page origin allowed to call (CORS), such as https://news.example; repeat for more.
        #[arg(long = "origin", required = true)]
        origins: Vec<String>,
        #[command(flatten)]
        endpoints: EndpointOptions,
        #[command(flatten)]
        limits: LimitOptions,
    },
    /// Sends a notification to every subscriber of a topic.
    Send {
        /// The key file `keys` wrote (relative to the working folder).
        #[arg(long, default_value = "push-keys.json")]
        keys: PathBuf,
        /// The SQLite file `serve` keeps (relative to the working folder),
        /// or a postgres:// URL.
        #[arg(long, default_value = "push.sqlite")]
        db: String,
        #[arg(long)]
        topic: String,
        #[command(flatten)]
        notification: Notification,
        /// Seconds a push service keeps it for an offline device.
        #[arg(long, default_value_t = 86_400)]
        ttl: u64,
        #[arg(long, value_enum, default_value_t = Urgency::Normal)]
        urgency: Urgency,
        /// Requests in flight at once.
        #[arg(long, default_value_t = 64)]
        concurrency: usize,
        /// Requests in flight at once to one push service.
        #[arg(long, default_value_t = 16)]
        per_host: usize,
        /// Seconds one request may take before it counts as unanswered.
        #[arg(long, default_value_t = 10)]
        request_timeout: u64,
        #[command(flatten)]
        endpoints: EndpointOptions,
    },
}

/// How much one client may subscribe (README, "Notifications").
#[derive(clap::Args)]
struct LimitOptions {
    /// Subscribe calls a minute from one client address.
    #[arg(long, default_value_t = 10)]
    subscribe_per_minute: u32,
    /// Subscribe calls a day from one client address.
    #[arg(long, default_value_t = 100)]
    subscribe_per_day: u32,
    /// No new subscriptions once the store takes this many megabytes.
    #[arg(long, default_value_t = 2048)]
    max_store_mb: u64,
    /// Behind a reverse proxy: the header holding the client's address
    /// (such as X-Forwarded-For; the first address in it is used). Only
    /// with a proxy that sets it, or clients choose their own address.
    #[arg(long, value_name = "HEADER")]
    client_header: Option<String>,
}

impl LimitOptions {
    fn limits(self) -> Limits {
        Limits {
            per_minute: self.subscribe_per_minute,
            per_day: self.subscribe_per_day,
            max_store_bytes: self.max_store_mb.saturating_mul(1 << 20),
            client_header: self.client_header,
        }
    }
}

/// Which push services subscriptions may name (README, "Notifications").
#[derive(clap::Args)]
struct EndpointOptions {
    /// Only endpoints on these push-service hosts and their subdomains
    /// (comma-separated), such as fcm.googleapis.com,updates.push.services.mozilla.com,web.push.apple.com,notify.windows.com;
    /// without it any public https: host.
    #[arg(long, value_delimiter = ',', value_name = "HOSTS")]
    push_hosts: Vec<String>,
    /// For tests only: also take endpoints on this machine's loopback
    /// address (a mock push service). Never use it in production.
    #[arg(long)]
    test_only_loopback: bool,
}

impl EndpointOptions {
    fn policy(self) -> EndpointPolicy {
        EndpointPolicy {
            push_hosts: self.push_hosts,
            loopback_for_tests: self.test_only_loopback,
        }
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    match run(Cli::parse().command).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(why) => {
            eprintln!("article-widget-push: {why}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command) -> Result<(), String> {
    match command {
        Command::Keys {
            subject,
            out,
            force,
        } => {
            if out.exists() && !force {
                return Err(format!(
                    "{} exists: keep it, or pass --force to replace it (subscriptions made with it stop working)",
                    out.display()
                ));
            }
            let keys = VapidKeys::generate(&subject)?;
            let text = serde_json::to_string_pretty(&keys).map_err(|error| error.to_string())?;
            write_private(&out, &text)?;
            println!("{}", keys.public_key);
            eprintln!(
                "Wrote {}: keep it secret. The line above is the widget's notifications.push.vapidPublicKey.",
                out.display()
            );
            Ok(())
        }
        Command::Serve {
            keys,
            db,
            listen,
            origins,
            endpoints,
            limits,
        } => {
            let keys = VapidKeys::load(&keys)?;
            let origins = origins
                .iter()
                .map(|origin| {
                    origin
                        .parse()
                        .map_err(|_| format!("--origin: not a header value: {origin:?}"))
                })
                .collect::<Result<Vec<_>, _>>()?;
            let service = Service::new(
                store::open(&db)?,
                Arc::new(Sender::new(&keys, endpoints.policy())?),
                std::env::var("ARTICLE_WIDGET_PUSH_TOKEN")
                    .ok()
                    .filter(|t| !t.is_empty()),
                SendOptions::default(),
                limits.limits(),
            );
            // Request logs on stderr (`RUST_LOG` narrows or widens them).
            tracing_subscriber::fmt()
                .with_env_filter(
                    tracing_subscriber::EnvFilter::try_from_default_env()
                        .unwrap_or_else(|_| "info".into()),
                )
                .with_writer(std::io::stderr)
                .with_ansi(false)
                .init();
            let listener = tokio::net::TcpListener::bind(&listen)
                .await
                .map_err(|error| format!("--listen {listen}: {error}"))?;
            eprintln!(
                "article-widget-push: listening on http://{} (POST /send {})",
                listener.local_addr().map_err(|e| e.to_string())?,
                if service.has_token() {
                    "on"
                } else {
                    "off: set ARTICLE_WIDGET_PUSH_TOKEN"
                }
            );
            // The connection's address is the client's, for the limits.
            axum::serve(
                listener,
                router(service, origins)
                    .into_make_service_with_connect_info::<std::net::SocketAddr>(),
            )
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|error| error.to_string())
        }
        Command::Send {
            keys,
            db,
            topic,
            notification,
            ttl,
            urgency,
            concurrency,
            per_host,
            request_timeout,
            endpoints,
        } => {
            let keys = VapidKeys::load(&keys)?;
            let is_file = !db.starts_with("postgres://") && !db.starts_with("postgresql://");
            if is_file && !std::path::Path::new(&db).exists() {
                return Err(format!("{db}: no such database (serve creates it)"));
            }
            let store = store::open(&db)?;
            let notification = Notification {
                topic: Some(topic.clone()),
                ..notification
            };
            let options = SendOptions {
                ttl: Duration::from_secs(ttl),
                urgency,
                concurrency,
                per_host,
                request_timeout: Duration::from_secs(request_timeout.max(1)),
                ..SendOptions::default()
            };
            let started = std::time::Instant::now();
            let summary = Sender::new(&keys, endpoints.policy())?
                .send_topic(&store, &topic, &notification, &options)
                .await?;
            println!("{summary} in {:.2} s", started.elapsed().as_secs_f64());
            if summary.failed > 0 {
                return Err(format!(
                    "{} of {} failed",
                    summary.failed, summary.subscribers
                ));
            }
            Ok(())
        }
    }
}

/// The key file is readable by its owner only: written to a new file made
/// with mode 0600 beside `path`, then renamed over it, so an existing file's
/// wider mode is not kept and a symbolic link at `path` is replaced, never
/// followed.
fn write_private(path: &std::path::Path, text: &str) -> Result<(), String> {
    use std::io::Write;
    let name = path
        .file_name()
        .ok_or_else(|| format!("{}: not a file name", path.display()))?;
    let mut temporary_name = std::ffi::OsString::from(".");
    temporary_name.push(name);
    temporary_name.push(format!(".{}.tmp", std::process::id()));
    let temporary = path.with_file_name(temporary_name);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options.open(&temporary).and_then(|mut file| {
        file.write_all(text.as_bytes())?;
        file.write_all(b"\n")?;
        file.sync_all()
    });
    let renamed = written.and_then(|()| std::fs::rename(&temporary, path));
    if let Err(error) = renamed {
        let _ = std::fs::remove_file(&temporary);
        return Err(format!("{}: {error}", path.display()));
    }
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::write_private;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn the_key_file_is_private_even_over_a_wider_file_or_a_link() {
        let folder = std::env::temp_dir().join(format!("aw-keys-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).unwrap();
        let out = folder.join("push-keys.json");
        std::fs::write(&out, "old").unwrap();
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o644)).unwrap();
        write_private(&out, "{}").unwrap();
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{mode:o}");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "{}\n");

        let elsewhere = folder.join("elsewhere.txt");
        std::fs::write(&elsewhere, "not a key").unwrap();
        std::fs::remove_file(&out).unwrap();
        std::os::unix::fs::symlink(&elsewhere, &out).unwrap();
        write_private(&out, "{}").unwrap();
        assert_eq!(std::fs::read_to_string(&elsewhere).unwrap(), "not a key");
        assert!(!std::fs::symlink_metadata(&out)
            .unwrap()
            .file_type()
            .is_symlink());
        std::fs::remove_dir_all(&folder).unwrap();
    }
}
