//! Campaigns: a send that survives a crash and spreads over several
//! processes through Postgres (README, "Scale").
//!
//! `enqueue` stores the message and a snapshot of the topic's subscribers
//! (`campaign_recipients`, in a shuffled order so every part mixes push
//! services), split into partitions of consecutive ordinals. Workers claim
//! a partition with `FOR UPDATE SKIP LOCKED` and a lease, send its
//! subscribers, and record what they handled (a bit per subscriber) every
//! `record_every` or every `under_way` outcomes, renewing the lease. A
//! worker that dies loses only its lease; the next to claim the partition
//! skips the subscribers recorded as handled.
//!
//! What at-least-once promises here: no subscriber in the snapshot is
//! skipped (one removed since, by an unsubscribe or as gone, is not sent);
//! a message goes twice only to a subscriber whose send was in flight or
//! not yet recorded when its worker died: at most `2 × under_way` a dead
//! worker, each carrying the campaign's `Topic` header so a push service
//! keeps one. Gone subscriptions are deleted in the same transaction that
//! records them, and counted only when the delete removed a row: once.

use crate::metrics::CampaignLabels;
use crate::notification::Notification;
use crate::sender::{taking_turns, Message, Outcome, Pacing, SendOptions, Sender, Urgency};
use crate::subscription::Subscriber;
use futures::{Stream, StreamExt};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio_postgres::{Client, NoTls};

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS campaigns (
  id             BIGSERIAL PRIMARY KEY,
  topic          TEXT NOT NULL,
  payload        TEXT NOT NULL,
  ttl_seconds    BIGINT NOT NULL,
  urgency        TEXT NOT NULL,
  replace_topic  TEXT NOT NULL,
  state          TEXT NOT NULL DEFAULT 'running'
                 CHECK (state IN ('running', 'done', 'cancelled')),
  subscribers    BIGINT NOT NULL DEFAULT 0,
  created        TIMESTAMPTZ NOT NULL DEFAULT now(),
  finished       TIMESTAMPTZ
);
CREATE TABLE IF NOT EXISTS campaign_recipients (
  campaign  BIGINT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  ordinal   BIGINT NOT NULL,
  endpoint  TEXT NOT NULL,
  PRIMARY KEY (campaign, ordinal)
);
CREATE TABLE IF NOT EXISTS campaign_partitions (
  campaign       BIGINT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  number         INT NOT NULL,
  first_ordinal  BIGINT NOT NULL,
  end_ordinal    BIGINT NOT NULL,
  handled_bits   BYTEA NOT NULL DEFAULT '',
  handled        BIGINT NOT NULL DEFAULT 0,
  sent           BIGINT NOT NULL DEFAULT 0,
  gone           BIGINT NOT NULL DEFAULT 0,
  failed         BIGINT NOT NULL DEFAULT 0,
  finished       BOOLEAN NOT NULL DEFAULT false,
  lease_owner    TEXT,
  lease_until    TIMESTAMPTZ,
  claims         INT NOT NULL DEFAULT 0,
  PRIMARY KEY (campaign, number)
);
CREATE INDEX IF NOT EXISTS campaign_partitions_open
  ON campaign_partitions (campaign, number) WHERE NOT finished;
";

fn db(error: tokio_postgres::Error) -> String {
    // The server's own message (`Display` alone says only "db error").
    match error.as_db_error() {
        Some(db_error) => format!("database: {db_error}"),
        None => format!("database: {error}"),
    }
}

/// A campaign's id (`campaigns.id`).
pub type CampaignId = i64;

/// What a campaign sends.
pub struct CampaignSpec<'a> {
    pub topic: &'a str,
    pub notification: &'a Notification,
    pub ttl: Duration,
    pub urgency: Urgency,
    /// The `Topic` header; `aw-c<id>` when not given.
    pub replace_topic: Option<&'a str>,
    /// Subscribers a partition (a unit of work one worker claims).
    pub partition_size: u32,
}

/// Where a campaign stands (`campaign status`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Status {
    pub id: CampaignId,
    pub topic: String,
    pub state: String,
    pub subscribers: i64,
    pub handled: i64,
    pub sent: i64,
    pub gone: i64,
    pub failed: i64,
    pub partitions: i64,
    pub partitions_finished: i64,
    /// Partitions under a live lease, with the worker holding each.
    pub leased: Vec<(i32, String)>,
    /// Seconds since it was enqueued, until it ended.
    pub seconds: f64,
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "campaign {} ({}) to topic {:?}: {} of {} subscribers handled in {:.1} s",
            self.id, self.state, self.topic, self.handled, self.subscribers, self.seconds
        )?;
        writeln!(
            f,
            "  {} sent, {} removed (gone), {} failed; {} of {} partitions finished",
            self.sent, self.gone, self.failed, self.partitions_finished, self.partitions
        )?;
        for (number, owner) in &self.leased {
            writeln!(f, "  partition {number}: {owner}")?;
        }
        Ok(())
    }
}

/// How a worker works.
#[derive(Clone, Debug)]
pub struct WorkOptions {
    /// Names the worker in leases and logs.
    pub name: String,
    /// A partition stays claimed this long after the last record.
    pub lease: Duration,
    /// Subscribers read from the database at once.
    pub batch: usize,
    /// Progress is recorded (and the lease renewed) at least this often.
    pub record_every: Duration,
    /// How often an idle worker looks for work.
    pub idle_poll: Duration,
    /// Concurrency, time-outs and retries (the campaign sets TTL, urgency
    /// and Topic).
    pub send: SendOptions,
}

impl Default for WorkOptions {
    fn default() -> Self {
        Self {
            name: default_worker_name(),
            lease: Duration::from_secs(30),
            batch: 1000,
            record_every: Duration::from_millis(200),
            idle_poll: Duration::from_millis(250),
            send: SendOptions::default(),
        }
    }
}

/// `<host>-<pid>`: unique among live workers.
pub fn default_worker_name() -> String {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|name| name.trim().to_owned())
        .unwrap_or_else(|_| "worker".into());
    format!("{host}-{}", std::process::id())
}

/// Which campaigns a worker takes partitions of, and when it stops.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every running campaign, until stopped (`worker`).
    Any,
    /// This one, until it has ended (`send`'s own share of the work).
    Only(CampaignId),
}

/// The campaign tables, through two connections: one reads subscribers
/// while the other records progress in transactions.
pub struct Campaigns {
    reader: Client,
    writer: tokio::sync::Mutex<Client>,
}

async fn connect(url: &str) -> Result<Client, String> {
    let (client, connection) = tokio_postgres::connect(url, NoTls)
        .await
        .map_err(|error| format!("cannot connect to Postgres: {error}"))?;
    tokio::spawn(async move {
        if let Err(error) = connection.await {
            tracing::error!(%error, "the Postgres connection ended");
        }
    });
    Ok(client)
}

/// A claimed partition.
struct Claim {
    campaign: CampaignId,
    number: i32,
    first: i64,
    end: i64,
    handled_bits: Vec<u8>,
}

/// Outcomes not yet recorded.
#[derive(Default)]
struct Unrecorded {
    ordinals: Vec<i64>,
    sent: i64,
    failed: i64,
    gone: Vec<String>,
}

impl Unrecorded {
    fn len(&self) -> usize {
        self.ordinals.len()
    }
}

/// Why a partition was left.
#[derive(Debug, PartialEq, Eq)]
enum Left {
    Finished,
    /// Cancelled, or ended elsewhere.
    NotRunning,
    /// Another worker holds it now (this one was too slow to record).
    LeaseLost,
    Stopped,
}

impl Campaigns {
    /// Connects and creates the tables (subscriptions' too) if missing.
    pub async fn connect(url: &str) -> Result<Self, String> {
        let writer = connect(url).await?;
        writer
            .batch_execute(crate::store::POSTGRES_SCHEMA)
            .await
            .map_err(db)?;
        writer.batch_execute(SCHEMA).await.map_err(db)?;
        Ok(Self {
            reader: connect(url).await?,
            writer: tokio::sync::Mutex::new(writer),
        })
    }

    /// Stores a campaign and its snapshot of subscribers; returns its id.
    pub async fn enqueue(&self, spec: &CampaignSpec<'_>) -> Result<CampaignId, String> {
        crate::subscription::check_topic(spec.topic).map_err(|why| format!("topic: {why}"))?;
        let payload =
            String::from_utf8(spec.notification.payload()?).map_err(|error| error.to_string())?;
        if let Some(topic) = spec.replace_topic {
            crate::sender::check_replace_topic(topic)?;
        }
        let partition_size = i64::from(spec.partition_size.max(1));
        let mut writer = self.writer.lock().await;
        let transaction = writer.transaction().await.map_err(db)?;
        let id: i64 = transaction
            .query_one(
                "INSERT INTO campaigns (topic, payload, ttl_seconds, urgency, replace_topic)
                 VALUES ($1, $2, $3, $4, coalesce($5, ''))
                 RETURNING id",
                &[
                    &spec.topic,
                    &payload,
                    &(spec.ttl.as_secs() as i64),
                    &urgency_name(spec.urgency),
                    &spec.replace_topic,
                ],
            )
            .await
            .map_err(db)?
            .get(0);
        if spec.replace_topic.is_none() {
            transaction
                .execute(
                    "UPDATE campaigns SET replace_topic = 'aw-c' || id WHERE id = $1",
                    &[&id],
                )
                .await
                .map_err(db)?;
        }
        // A shuffled order (by a hash of the endpoint): each partition then
        // holds every push service in its share, not one service's block.
        let subscribers = transaction
            .execute(
                "INSERT INTO campaign_recipients (campaign, ordinal, endpoint)
                 SELECT $1, row_number() OVER (ORDER BY md5(endpoint), endpoint) - 1, endpoint
                 FROM topics WHERE topic = $2",
                &[&id, &spec.topic],
            )
            .await
            .map_err(db)? as i64;
        transaction
            .execute(
                "UPDATE campaigns SET subscribers = $2 WHERE id = $1",
                &[&id, &subscribers],
            )
            .await
            .map_err(db)?;
        transaction
            .execute(
                "INSERT INTO campaign_partitions (campaign, number, first_ordinal, end_ordinal)
                 SELECT $1, n, n * $2::bigint, least((n + 1) * $2::bigint, $3::bigint)
                 FROM generate_series(0::bigint, ($3::bigint + $2::bigint - 1) / $2::bigint - 1) AS n",
                &[&id, &partition_size, &subscribers],
            )
            .await
            .map_err(db)?;
        if subscribers == 0 {
            transaction
                .execute(
                    "UPDATE campaigns SET state = 'done', finished = now() WHERE id = $1",
                    &[&id],
                )
                .await
                .map_err(db)?;
        }
        transaction.commit().await.map_err(db)?;
        tracing::info!(campaign = id, topic = spec.topic, subscribers, "enqueued");
        Ok(id)
    }

    /// Where a campaign stands, or `None` for an unknown id.
    pub async fn status(&self, id: CampaignId) -> Result<Option<Status>, String> {
        let Some(row) = self
            .reader
            .query_opt(
                "SELECT c.topic, c.state, c.subscribers,
                        coalesce(sum(p.handled), 0)::bigint, coalesce(sum(p.sent), 0)::bigint,
                        coalesce(sum(p.gone), 0)::bigint, coalesce(sum(p.failed), 0)::bigint,
                        count(p.number), count(p.number) FILTER (WHERE p.finished),
                        extract(epoch FROM coalesce(c.finished, now()) - c.created)::float8
                 FROM campaigns c LEFT JOIN campaign_partitions p ON p.campaign = c.id
                 WHERE c.id = $1 GROUP BY c.id",
                &[&id],
            )
            .await
            .map_err(db)?
        else {
            return Ok(None);
        };
        let leased = self
            .reader
            .query(
                "SELECT number, lease_owner FROM campaign_partitions
                 WHERE campaign = $1 AND NOT finished AND lease_until > now()
                 ORDER BY number",
                &[&id],
            )
            .await
            .map_err(db)?
            .iter()
            .map(|row| (row.get(0), row.get(1)))
            .collect();
        Ok(Some(Status {
            id,
            topic: row.get(0),
            state: row.get(1),
            subscribers: row.get(2),
            handled: row.get(3),
            sent: row.get(4),
            gone: row.get(5),
            failed: row.get(6),
            partitions: row.get(7),
            partitions_finished: row.get(8),
            leased,
            seconds: row.get(9),
        }))
    }

    /// Stops a running campaign: workers see it at their next record
    /// (within `record_every`) and drop what is in flight. Whether it was
    /// running.
    pub async fn cancel(&self, id: CampaignId) -> Result<bool, String> {
        let cancelled = self
            .writer
            .lock()
            .await
            .execute(
                "UPDATE campaigns SET state = 'cancelled', finished = now()
                 WHERE id = $1 AND state = 'running'",
                &[&id],
            )
            .await
            .map_err(db)?;
        if cancelled > 0 {
            self.drop_snapshot(id).await?;
            tracing::info!(campaign = id, "cancelled");
        }
        Ok(cancelled > 0)
    }

    async fn drop_snapshot(&self, id: CampaignId) -> Result<(), String> {
        self.writer
            .lock()
            .await
            .execute(
                "DELETE FROM campaign_recipients WHERE campaign = $1",
                &[&id],
            )
            .await
            .map_err(db)
            .map(drop)
    }

    /// The next partition no live worker holds, claimed for `lease`.
    async fn claim(&self, scope: Scope, options: &WorkOptions) -> Result<Option<Claim>, String> {
        let only = match scope {
            Scope::Any => None,
            Scope::Only(id) => Some(id),
        };
        let row = self
            .writer
            .lock()
            .await
            .query_opt(
                "UPDATE campaign_partitions p
                 SET lease_owner = $1,
                     lease_until = now() + $2::float8 * interval '1 millisecond',
                     claims = p.claims + 1
                 FROM (SELECT o.campaign, o.number FROM campaign_partitions o
                       JOIN campaigns c ON c.id = o.campaign
                       WHERE c.state = 'running' AND NOT o.finished
                         AND (o.lease_until IS NULL OR o.lease_until < now())
                         AND ($3::bigint IS NULL OR o.campaign = $3)
                       ORDER BY o.campaign, o.number
                       LIMIT 1
                       FOR UPDATE OF o SKIP LOCKED) free
                 WHERE p.campaign = free.campaign AND p.number = free.number
                 RETURNING p.campaign, p.number, p.first_ordinal, p.end_ordinal, p.handled_bits,
                           p.claims",
                &[&options.name, &(options.lease.as_millis() as f64), &only],
            )
            .await
            .map_err(db)?;
        Ok(row.map(|row| {
            let claims: i32 = row.get(5);
            let claim = Claim {
                campaign: row.get(0),
                number: row.get(1),
                first: row.get(2),
                end: row.get(3),
                handled_bits: row.get(4),
            };
            tracing::info!(
                campaign = claim.campaign,
                partition = claim.number,
                resumed = claims > 1,
                worker = %options.name,
                "claimed"
            );
            claim
        }))
    }

    /// The campaign's message, with its TTL, urgency and Topic.
    async fn message(
        &self,
        id: CampaignId,
        base: &SendOptions,
    ) -> Result<(Message, SendOptions, i64), String> {
        let row = self
            .reader
            .query_one(
                "SELECT payload, ttl_seconds, urgency, replace_topic, subscribers
                 FROM campaigns WHERE id = $1",
                &[&id],
            )
            .await
            .map_err(db)?;
        let payload: String = row.get(0);
        let urgency: String = row.get(2);
        let options = SendOptions {
            ttl: Duration::from_secs(row.get::<_, i64>(1).max(0) as u64),
            urgency: urgency_from_name(&urgency),
            replace_topic: Some(row.get(3)),
            ..base.clone()
        };
        let message = Message::new(payload.into_bytes(), &options)?;
        Ok((message, options, row.get(4)))
    }

    /// Subscribers `[from, end)` of a campaign's snapshot, at most `limit`,
    /// with `None` for one removed since the snapshot.
    async fn recipients(
        &self,
        campaign: CampaignId,
        from: i64,
        end: i64,
        limit: usize,
    ) -> Result<Vec<(i64, Option<Subscriber>)>, String> {
        let rows = self
            .reader
            .query(
                "SELECT r.ordinal, s.endpoint, s.p256dh, s.auth, s.lang
                 FROM campaign_recipients r
                 LEFT JOIN subscriptions s ON s.endpoint = r.endpoint
                 WHERE r.campaign = $1 AND r.ordinal >= $2 AND r.ordinal < $3
                 ORDER BY r.ordinal LIMIT $4",
                &[&campaign, &from, &end, &(limit as i64)],
            )
            .await
            .map_err(db)?;
        Ok(rows
            .iter()
            .map(|row| {
                let endpoint: Option<String> = row.get(1);
                (
                    row.get(0),
                    endpoint.map(|endpoint| Subscriber {
                        endpoint,
                        p256dh: row.get(2),
                        auth: row.get(3),
                        lang: row.get(4),
                    }),
                )
            })
            .collect())
    }

    /// Records outcomes and renews the lease, in one transaction: gone
    /// subscriptions are deleted with the record that says they were
    /// handled. Returns the campaign's state and how many of its
    /// subscribers all workers have handled, or `None` if the lease was lost.
    async fn record(
        &self,
        claim: &Claim,
        unrecorded: Unrecorded,
        options: &WorkOptions,
    ) -> Result<Option<(String, i64)>, String> {
        let mut writer = self.writer.lock().await;
        let transaction = writer.transaction().await.map_err(db)?;
        // The lease first: a worker that lost it records nothing.
        let lease = transaction
            .query_opt(
                "SELECT 1 FROM campaign_partitions
                 WHERE campaign = $1 AND number = $2 AND lease_owner = $3 AND NOT finished
                 FOR UPDATE",
                &[&claim.campaign, &claim.number, &options.name],
            )
            .await
            .map_err(db)?;
        if lease.is_none() {
            return Ok(None);
        }
        let removed = if unrecorded.gone.is_empty() {
            0
        } else {
            transaction
                .execute(
                    "DELETE FROM subscriptions WHERE endpoint = ANY($1)",
                    &[&unrecorded.gone],
                )
                .await
                .map_err(db)? as i64
        };
        let row = transaction
            .query_one(
                "UPDATE campaign_partitions
                 SET handled_bits = $4, handled = handled + $5, sent = sent + $6,
                     gone = gone + $7, failed = failed + $8,
                     lease_until = now() + $9::float8 * interval '1 millisecond'
                 WHERE campaign = $1 AND number = $2 AND lease_owner = $3
                 RETURNING (SELECT state FROM campaigns WHERE id = $1),
                           (SELECT sum(handled) FROM campaign_partitions WHERE campaign = $1)::bigint",
                &[
                    &claim.campaign,
                    &claim.number,
                    &options.name,
                    &claim.handled_bits,
                    &(unrecorded.len() as i64),
                    &unrecorded.sent,
                    &removed,
                    &unrecorded.failed,
                    &(options.lease.as_millis() as f64),
                ],
            )
            .await
            .map_err(db)?;
        transaction.commit().await.map_err(db)?;
        // The sum was read before this record's own count.
        let handled = row.get::<_, Option<i64>>(1).unwrap_or(0) + unrecorded.len() as i64;
        Ok(Some((row.get(0), handled)))
    }

    /// Marks a partition finished, and its campaign done when it was the
    /// last. The campaign's row is locked first, so two workers finishing
    /// the last two partitions at once cannot both miss it.
    async fn finish(&self, claim: &Claim, options: &WorkOptions) -> Result<bool, String> {
        let mut writer = self.writer.lock().await;
        let transaction = writer.transaction().await.map_err(db)?;
        transaction
            .execute(
                "SELECT 1 FROM campaigns WHERE id = $1 FOR UPDATE",
                &[&claim.campaign],
            )
            .await
            .map_err(db)?;
        let finished = transaction
            .execute(
                "UPDATE campaign_partitions
                 SET finished = true, lease_owner = NULL, lease_until = NULL
                 WHERE campaign = $1 AND number = $2 AND lease_owner = $3",
                &[&claim.campaign, &claim.number, &options.name],
            )
            .await
            .map_err(db)?;
        let done = transaction
            .execute(
                "UPDATE campaigns SET state = 'done', finished = now()
                 WHERE id = $1 AND state = 'running'
                   AND NOT EXISTS (SELECT 1 FROM campaign_partitions
                                   WHERE campaign = $1 AND NOT finished)",
                &[&claim.campaign],
            )
            .await
            .map_err(db)?;
        if done > 0 {
            transaction
                .execute(
                    "DELETE FROM campaign_recipients WHERE campaign = $1",
                    &[&claim.campaign],
                )
                .await
                .map_err(db)?;
        }
        transaction.commit().await.map_err(db)?;
        if done > 0 {
            tracing::info!(campaign = claim.campaign, "done");
        }
        Ok(finished > 0)
    }

    /// Gives a partition back at once (a worker stopping), so another need
    /// not wait for the lease to run out.
    async fn release(&self, claim: &Claim, options: &WorkOptions) -> Result<(), String> {
        self.writer
            .lock()
            .await
            .execute(
                "UPDATE campaign_partitions SET lease_owner = NULL, lease_until = NULL
                 WHERE campaign = $1 AND number = $2 AND lease_owner = $3",
                &[&claim.campaign, &claim.number, &options.name],
            )
            .await
            .map_err(db)
            .map(drop)
    }

    async fn state(&self, id: CampaignId) -> Result<Option<String>, String> {
        Ok(self
            .reader
            .query_opt("SELECT state FROM campaigns WHERE id = $1", &[&id])
            .await
            .map_err(db)?
            .map(|row| row.get(0)))
    }
}

/// What one worker did.
#[derive(Debug, Default)]
pub struct WorkSummary {
    pub partitions: usize,
    pub sent: i64,
    pub failed: i64,
}

/// Works on campaigns until `stop` resolves or, for [`Scope::Only`], the
/// campaign has ended (done or cancelled, by whichever workers).
pub async fn work(
    campaigns: &Campaigns,
    sender: &Sender,
    scope: Scope,
    options: &WorkOptions,
    stop: impl Future<Output = ()>,
) -> Result<WorkSummary, String> {
    let mut stop = std::pin::pin!(stop);
    let pacing = Pacing::new(&options.send);
    let mut summary = WorkSummary::default();
    loop {
        if let Scope::Only(id) = scope {
            match campaigns.state(id).await?.as_deref() {
                Some("running") => {}
                Some(_) => return Ok(summary),
                None => return Err(format!("campaign {id}: no such campaign")),
            }
        }
        let claim = match campaigns.claim(scope, options).await {
            Ok(claim) => claim,
            Err(why) => {
                tracing::warn!(%why, "cannot claim a partition");
                None
            }
        };
        let Some(mut claim) = claim else {
            tokio::select! {
                _ = &mut stop => return Ok(summary),
                _ = tokio::time::sleep(options.idle_poll) => continue,
            }
        };
        let left = work_on(
            campaigns,
            sender,
            &pacing,
            &mut claim,
            options,
            &mut summary,
            &mut stop,
        )
        .await;
        match left {
            Ok(Left::Finished) => {
                campaigns.finish(&claim, options).await?;
                summary.partitions += 1;
            }
            Ok(Left::Stopped) => {
                campaigns.release(&claim, options).await?;
                return Ok(summary);
            }
            Ok(Left::NotRunning) => {}
            Ok(Left::LeaseLost) => tracing::warn!(
                campaign = claim.campaign,
                partition = claim.number,
                "lease lost: another worker has this partition now"
            ),
            Err(why) => {
                tracing::error!(campaign = claim.campaign, partition = claim.number, %why, "partition left");
                let _ = campaigns.release(&claim, options).await;
                tokio::select! {
                    _ = &mut stop => return Ok(summary),
                    _ = tokio::time::sleep(options.idle_poll) => {}
                }
            }
        }
    }
}

fn is_handled(bits: &[u8], index: usize) -> bool {
    bits.get(index / 8)
        .is_some_and(|byte| byte & (1 << (index % 8)) != 0)
}

fn mark_handled(bits: &mut Vec<u8>, index: usize) {
    if bits.len() <= index / 8 {
        bits.resize(index / 8 + 1, 0);
    }
    bits[index / 8] |= 1 << (index % 8);
}

/// The partition's subscribers not yet handled, read `batch` at a time,
/// each batch one push service after another in turn.
fn unhandled<'a>(
    campaigns: &'a Campaigns,
    claim: &Claim,
    batch: usize,
) -> impl Stream<Item = Result<(i64, Option<Subscriber>), String>> + 'a {
    let (campaign, end, first) = (claim.campaign, claim.end, claim.first);
    let handled = claim.handled_bits.clone();
    futures::stream::unfold(Some(first), move |from| {
        let handled = handled.clone();
        async move {
            let from = from?;
            if from >= end {
                return None;
            }
            match campaigns.recipients(campaign, from, end, batch).await {
                Err(why) => Some((vec![Err(why)], None)),
                Ok(rows) => {
                    let next = rows.last().map(|(ordinal, _)| ordinal + 1);
                    let rows: Vec<_> = rows
                        .into_iter()
                        .filter(|(ordinal, _)| !is_handled(&handled, (ordinal - first) as usize))
                        .collect();
                    let rows = taking_turns(rows, |(_, subscriber)| {
                        subscriber.as_ref().map_or("", |s| s.endpoint.as_str())
                    });
                    Some((rows.into_iter().map(Ok).collect(), next))
                }
            }
        }
    })
    .flat_map(futures::stream::iter)
}

async fn work_on(
    campaigns: &Campaigns,
    sender: &Sender,
    pacing: &Pacing,
    claim: &mut Claim,
    options: &WorkOptions,
    summary: &mut WorkSummary,
    stop: &mut std::pin::Pin<&mut impl Future<Output = ()>>,
) -> Result<Left, String> {
    let (message, send_options, subscribers) =
        campaigns.message(claim.campaign, &options.send).await?;
    let metrics = sender.metrics();
    let label = CampaignLabels {
        campaign: claim.campaign,
    };
    metrics
        .campaign_subscribers
        .get_or_create(&label)
        .set(subscribers);
    // Outcomes waiting to be recorded, and sends under way, are each at
    // most this many: what a worker's death can send twice.
    let under_way = options.send.concurrency.max(1) * 2;
    let message = &message;
    let send_options = &send_options;
    let outcomes = unhandled(campaigns, claim, options.batch.max(1))
        .map(|item| async move {
            match item {
                Err(why) => Err(why),
                // Removed since the snapshot: handled, nothing to send.
                Ok((ordinal, None)) => Ok((ordinal, None)),
                Ok((ordinal, Some(subscriber))) => {
                    let outcome = sender
                        .deliver(&subscriber, message, send_options, pacing)
                        .await;
                    Ok((ordinal, Some((subscriber.endpoint, outcome))))
                }
            }
        })
        .buffer_unordered(under_way);
    let mut outcomes = std::pin::pin!(outcomes);
    let mut unrecorded = Unrecorded::default();
    let mut ticker = tokio::time::interval(options.record_every);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut finished = false;
    let mut stopping = false;
    loop {
        let record_now = tokio::select! {
            biased;
            _ = &mut *stop => {
                stopping = true;
                true
            }
            _ = ticker.tick() => true,
            next = outcomes.next() => match next {
                None => {
                    finished = true;
                    true
                }
                Some(Err(why)) => return Err(why),
                Some(Ok((ordinal, outcome))) => {
                    mark_handled(&mut claim.handled_bits, (ordinal - claim.first) as usize);
                    unrecorded.ordinals.push(ordinal);
                    match outcome {
                        None => {}
                        Some((_, Outcome::Delivered)) => unrecorded.sent += 1,
                        Some((endpoint, Outcome::Gone)) => unrecorded.gone.push(endpoint),
                        Some((endpoint, Outcome::Failed(why))) => {
                            tracing::debug!(%endpoint, %why, "failed");
                            unrecorded.failed += 1;
                        }
                    }
                    unrecorded.len() >= under_way
                }
            },
        };
        if !record_now {
            continue;
        }
        let recording = std::mem::take(&mut unrecorded);
        let (sent, failed) = (recording.sent, recording.failed);
        match campaigns.record(claim, recording, options).await? {
            None => return Ok(Left::LeaseLost),
            Some((state, handled)) => {
                summary.sent += sent;
                summary.failed += failed;
                metrics.campaign_handled.get_or_create(&label).set(handled);
                if state != "running" {
                    tracing::info!(campaign = claim.campaign, %state, "left: not running");
                    return Ok(Left::NotRunning);
                }
            }
        }
        if stopping {
            return Ok(Left::Stopped);
        }
        if finished {
            return Ok(Left::Finished);
        }
    }
}

fn urgency_name(urgency: Urgency) -> &'static str {
    urgency.header()
}

/// The name as stored; `normal` for anything else.
fn urgency_from_name(name: &str) -> Urgency {
    <Urgency as clap::ValueEnum>::from_str(name, false).unwrap_or_default()
}

/// Enqueues and works on it in this process until it has ended; returns
/// its final status (`send` with a Postgres store).
pub async fn send_and_work(
    url: &str,
    sender: Arc<Sender>,
    spec: &CampaignSpec<'_>,
    options: &WorkOptions,
    stop: impl Future<Output = ()>,
) -> Result<Status, String> {
    let campaigns = Campaigns::connect(url).await?;
    let id = campaigns.enqueue(spec).await?;
    eprintln!(
        "article-widget-push: campaign {id} enqueued; working on it (other workers may join)"
    );
    work(&campaigns, &sender, Scope::Only(id), options, stop).await?;
    campaigns
        .status(id)
        .await?
        .ok_or_else(|| format!("campaign {id}: gone"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handled_bits_mark_and_read() {
        let mut bits = Vec::new();
        assert!(!is_handled(&bits, 0));
        mark_handled(&mut bits, 0);
        mark_handled(&mut bits, 9);
        mark_handled(&mut bits, 9_999);
        assert!(is_handled(&bits, 0) && is_handled(&bits, 9) && is_handled(&bits, 9_999));
        assert!(!is_handled(&bits, 1) && !is_handled(&bits, 8) && !is_handled(&bits, 10_000));
        assert_eq!(bits.len(), 1250);
    }

    #[test]
    fn urgency_names_read_back() {
        for urgency in [
            Urgency::VeryLow,
            Urgency::Low,
            Urgency::Normal,
            Urgency::High,
        ] {
            assert_eq!(urgency_from_name(urgency_name(urgency)), urgency);
        }
    }
}
