//! The reference Web Push sender for article-widget's bell (README,
//! "Notifications"): VAPID keys ([`keys`]), the subscriptions the widget
//! posts, kept by topic in a [`store`] (SQLite by default), an HTTP
//! [`service`] for the widget's calls and for sending, and the fan-out
//! ([`sender`]) that encrypts (RFC 8291, aes128gcm) and delivers (RFC 8030)
//! with the `web-push-native` crate, only to push services on the public
//! internet ([`endpoint`]).

pub mod endpoint;
pub mod keys;
pub mod notification;
pub mod sender;
pub mod service;
pub mod store;
pub mod subscription;
