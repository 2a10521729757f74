//! `article-widget-push`: VAPID keys, the subscription service, and sending
//! (README, "Notifications").

use article_widget_push::campaign::{self, CampaignSpec, Campaigns, Scope, WorkOptions};
use article_widget_push::endpoint::EndpointPolicy;
use article_widget_push::keys::VapidKeys;
use article_widget_push::metrics::{self, Metrics};
use article_widget_push::notification::Notification;
use article_widget_push::sender::{SendOptions, Sender, Urgency};
use article_widget_push::service::{router, Limits, Service};
use article_widget_push::store::{self, is_postgres};
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
    /// Logs on stderr as lines of text or as JSON objects (`RUST_LOG`
    /// narrows or widens them).
    #[arg(long, global = true, value_enum, default_value_t = LogFormat::Text)]
    log_format: LogFormat,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum LogFormat {
    Text,
    Json,
}

// Parsed once per run: the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
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
        /// Serve Prometheus metrics at http://ADDR/metrics (keep it private).
        #[arg(long, value_name = "ADDR")]
        metrics: Option<String>,
    },
    /// Sends a notification to every subscriber of a topic. With SQLite, in
    /// this process; with Postgres, as a campaign that this process works
    /// on and any `worker` joins, and that survives a crash (README, "Scale").
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
        /// The push `Topic` header: a device that is offline gets only the
        /// latest message with it. A campaign's default is `aw-c<id>`.
        #[arg(long, value_name = "NAME")]
        replace_topic: Option<String>,
        /// Postgres: subscribers in each partition a worker claims.
        #[arg(long, default_value_t = 10_000)]
        partition_size: u32,
        /// Postgres: enqueue the campaign, print its id and leave the
        /// sending to running workers.
        #[arg(long)]
        enqueue_only: bool,
        #[command(flatten)]
        sending: SendingOptions,
        #[command(flatten)]
        working: WorkingOptions,
        #[command(flatten)]
        endpoints: EndpointOptions,
    },
    /// Works on Postgres campaigns (`send --db postgres://…`) until stopped
    /// (Ctrl-C or SIGTERM gives its partition back at once).
    Worker {
        /// The key file `keys` wrote (relative to the working folder).
        #[arg(long, default_value = "push-keys.json")]
        keys: PathBuf,
        /// The postgres:// URL the campaigns are in.
        #[arg(long)]
        db: String,
        #[command(flatten)]
        sending: SendingOptions,
        #[command(flatten)]
        working: WorkingOptions,
        #[command(flatten)]
        endpoints: EndpointOptions,
    },
    /// Shows or stops a Postgres campaign.
    Campaign {
        #[command(subcommand)]
        command: CampaignCommand,
    },
}

#[derive(Subcommand)]
enum CampaignCommand {
    /// Progress: handled, sent, gone, failed; partitions and their workers.
    Status {
        id: i64,
        #[arg(long)]
        db: String,
        /// As JSON.
        #[arg(long)]
        json: bool,
    },
    /// Stops it: workers send nothing more of it within a second.
    Cancel {
        id: i64,
        #[arg(long)]
        db: String,
    },
}

/// How hard one process sends.
#[derive(clap::Args)]
struct SendingOptions {
    /// Requests in flight at once.
    #[arg(long, default_value_t = 64)]
    concurrency: usize,
    /// Requests in flight at once to one push service.
    #[arg(long, default_value_t = 16)]
    per_host: usize,
    /// Seconds one request may take before it counts as unanswered.
    #[arg(long, default_value_t = 10)]
    request_timeout: u64,
}

impl SendingOptions {
    fn options(&self) -> SendOptions {
        SendOptions {
            concurrency: self.concurrency,
            per_host: self.per_host,
            request_timeout: Duration::from_secs(self.request_timeout.max(1)),
            ..SendOptions::default()
        }
    }
}

/// How a process works on campaigns.
#[derive(clap::Args)]
struct WorkingOptions {
    /// Postgres: seconds a partition stays with a worker that stopped
    /// recording (crashed) before another takes it over.
    #[arg(long, default_value_t = 30)]
    lease_seconds: u64,
    /// This worker's name in leases and logs (default: host-pid).
    #[arg(long)]
    name: Option<String>,
    /// Serve Prometheus metrics at http://ADDR/metrics (keep it private).
    #[arg(long, value_name = "ADDR")]
    metrics: Option<String>,
}

impl WorkingOptions {
    fn options(&self, send: SendOptions) -> WorkOptions {
        WorkOptions {
            name: self
                .name
                .clone()
                .unwrap_or_else(campaign::default_worker_name),
            lease: Duration::from_secs(self.lease_seconds.max(1)),
            send,
            ..WorkOptions::default()
        }
    }

    async fn metrics(&self) -> Result<Arc<Metrics>, String> {
        serve_metrics(self.metrics.as_deref()).await
    }
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
    let cli = Cli::parse();
    init_logs(cli.log_format);
    match run(cli.command).await {
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
            metrics: metrics_listen,
        } => {
            let keys = VapidKeys::load(&keys)?;
            let metrics = serve_metrics(metrics_listen.as_deref()).await?;
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
                Arc::new(Sender::with_metrics(&keys, endpoints.policy(), metrics)?),
                std::env::var("ARTICLE_WIDGET_PUSH_TOKEN")
                    .ok()
                    .filter(|t| !t.is_empty()),
                SendOptions::default(),
                limits.limits(),
            );
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
            replace_topic,
            partition_size,
            enqueue_only,
            sending,
            working,
            endpoints,
        } => {
            let keys = VapidKeys::load(&keys)?;
            let notification = Notification {
                topic: Some(topic.clone()),
                ..notification
            };
            if let Some(name) = &replace_topic {
                article_widget_push::sender::check_replace_topic(name)
                    .map_err(|why| format!("--replace-topic: {why}"))?;
            }
            let started = std::time::Instant::now();
            if is_postgres(&db) {
                let spec = CampaignSpec {
                    topic: &topic,
                    notification: &notification,
                    ttl: Duration::from_secs(ttl),
                    urgency,
                    replace_topic: replace_topic.as_deref(),
                    partition_size,
                };
                if enqueue_only {
                    let id = Campaigns::connect(&db).await?.enqueue(&spec).await?;
                    println!("{id}");
                    return Ok(());
                }
                let sender = Arc::new(Sender::with_metrics(
                    &keys,
                    endpoints.policy(),
                    working.metrics().await?,
                )?);
                let status = campaign::send_and_work(
                    &db,
                    sender,
                    &spec,
                    &working.options(sending.options()),
                    stopped(),
                )
                .await?;
                print!("{status}");
                return match status.state.as_str() {
                    "done" if status.failed == 0 => Ok(()),
                    "done" => Err(format!(
                        "{} of {} failed",
                        status.failed, status.subscribers
                    )),
                    "running" => Err(format!(
                        "stopped; campaign {} goes on with other workers (`campaign status {}`)",
                        status.id, status.id
                    )),
                    state => Err(format!("campaign {}: {state}", status.id)),
                };
            }
            if enqueue_only {
                return Err("--enqueue-only: campaigns need a postgres:// --db".into());
            }
            if !std::path::Path::new(&db).exists() {
                return Err(format!("{db}: no such database (serve creates it)"));
            }
            let store = store::open(&db)?;
            let options = SendOptions {
                ttl: Duration::from_secs(ttl),
                urgency,
                replace_topic,
                ..sending.options()
            };
            let summary =
                Sender::with_metrics(&keys, endpoints.policy(), working.metrics().await?)?
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
        Command::Worker {
            keys,
            db,
            sending,
            working,
            endpoints,
        } => {
            if !is_postgres(&db) {
                return Err(
                    "--db: workers share campaigns through Postgres: give a postgres:// URL".into(),
                );
            }
            let keys = VapidKeys::load(&keys)?;
            let sender = Sender::with_metrics(&keys, endpoints.policy(), working.metrics().await?)?;
            let campaigns = Campaigns::connect(&db).await?;
            let options = working.options(sending.options());
            tracing::info!(worker = %options.name, "working");
            let summary =
                campaign::work(&campaigns, &sender, Scope::Any, &options, stopped()).await?;
            tracing::info!(
                worker = %options.name,
                partitions = summary.partitions,
                sent = summary.sent,
                failed = summary.failed,
                "stopped"
            );
            Ok(())
        }
        Command::Campaign { command } => match command {
            CampaignCommand::Status { id, db, json } => {
                let status = Campaigns::connect(&db)
                    .await?
                    .status(id)
                    .await?
                    .ok_or_else(|| format!("campaign {id}: no such campaign"))?;
                if json {
                    println!(
                        "{}",
                        serde_json::to_string(&status).map_err(|e| e.to_string())?
                    );
                } else {
                    print!("{status}");
                }
                Ok(())
            }
            CampaignCommand::Cancel { id, db } => {
                let campaigns = Campaigns::connect(&db).await?;
                if campaigns.cancel(id).await? {
                    println!("campaign {id}: cancelled");
                    Ok(())
                } else {
                    match campaigns.status(id).await? {
                        Some(status) => Err(format!("campaign {id}: already {}", status.state)),
                        None => Err(format!("campaign {id}: no such campaign")),
                    }
                }
            }
        },
    }
}

/// The process's metrics, served on `listen` when given.
async fn serve_metrics(listen: Option<&str>) -> Result<Arc<Metrics>, String> {
    let metrics = Arc::new(Metrics::default());
    if let Some(listen) = listen {
        let address = metrics::serve(listen, Arc::clone(&metrics)).await?;
        eprintln!("article-widget-push: metrics on http://{address}/metrics");
    }
    Ok(metrics)
}

/// Ctrl-C or SIGTERM (a deploy, `kill`, a pod stopping).
async fn stopped() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut terminate) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = terminate.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

/// Logs on stderr through `tracing`: `info` unless `RUST_LOG` says.
fn init_logs(format: LogFormat) {
    let filter =
        tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into());
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false);
    match format {
        LogFormat::Text => logs.init(),
        LogFormat::Json => logs.json().init(),
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
