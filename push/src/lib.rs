//! The reference Web Push sender for article-widget's bell (README,
//! "Notifications"): VAPID keys ([`keys`]), the subscriptions the widget
//! posts, kept by topic in a [`store`] (SQLite by default), an HTTP
//! [`service`] for the widget's calls and for sending, and the fan-out
//! ([`sender`]) that encrypts (RFC 8291, aes128gcm, with the `ece` crate),
//! signs (RFC 8292, `web-push-native`) and delivers (RFC 8030) only to push
//! services on the public internet ([`endpoint`]); with Postgres, as a
//! [`campaign`] that several workers share and that survives a crash.

pub mod campaign;
pub mod endpoint;
pub mod keys;
pub mod metrics;
pub mod notification;
pub mod sender;
pub mod service;
pub mod store;
pub mod subscription;
