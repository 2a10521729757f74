//! Which push-service endpoints the sender may reach. Anyone can post a
//! subscription, so an endpoint is a URL a stranger chose: without these
//! rules `send` would post, with the publisher's VAPID signature, to any
//! address the sender's machine can reach (a cloud's metadata service, an
//! admin page on the private network, the service's own `/send`).
//!
//! An endpoint must be `https:`, with no user name, on a public host (an
//! address literal in no private, loopback, link-local, unique-local,
//! CGNAT, multicast, documentation or reserved range, in any of its
//! spellings) and, when the operator lists push services
//! (`--push-hosts`), on one of them. Names are resolved when sending and
//! only public addresses are connected to, so DNS cannot point an accepted
//! name inside; redirects are never followed.

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use reqwest::Url;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// Push services' endpoints are a few hundred bytes.
pub const MAX_ENDPOINT: usize = 2048;

/// The push services of the browsers most readers use, as a suggestion for
/// `--push-hosts` (README, "Notifications").
pub const KNOWN_PUSH_HOSTS: &[&str] = &[
    "fcm.googleapis.com",
    "updates.push.services.mozilla.com",
    "web.push.apple.com",
    "notify.windows.com",
];

/// The rules for endpoints, checked when a subscription is stored and again
/// before every send.
#[derive(Clone, Debug, Default)]
pub struct EndpointPolicy {
    /// When not empty, only these hosts and their subdomains.
    pub push_hosts: Vec<String>,
    /// Test only: also `http:`/`https:` endpoints on a loopback address, for
    /// a mock push service on the same machine (`--test-only-loopback`).
    /// Never on in a real deployment.
    pub loopback_for_tests: bool,
}

impl EndpointPolicy {
    /// Whether `endpoint` may be stored and sent to; the error says why not.
    pub fn check(&self, endpoint: &str) -> Result<(), String> {
        if endpoint.len() > MAX_ENDPOINT {
            return Err(format!("endpoint: longer than {MAX_ENDPOINT} bytes"));
        }
        let refused = |why: &str| Err(format!("endpoint: {why}, found {endpoint:?}"));
        // The parser reqwest itself uses, so `https://2130706433/` is judged
        // as the 127.0.0.1 it would reach.
        let Ok(url) = Url::parse(endpoint) else {
            return refused("not a URL");
        };
        if !url.username().is_empty() || url.password().is_some() {
            return refused("a user name before the host");
        }
        let host = match url.host() {
            Some(url::Host::Ipv4(ip)) => Host::Address(IpAddr::V4(ip)),
            Some(url::Host::Ipv6(ip)) => Host::Address(IpAddr::V6(ip)),
            Some(url::Host::Domain(name)) => {
                Host::Name(name.trim_end_matches('.').to_ascii_lowercase())
            }
            None => return refused("no host"),
        };
        let loopback = match &host {
            Host::Address(ip) => is_loopback(ip),
            Host::Name(name) => name == "localhost",
        };
        let test_mock = self.loopback_for_tests && loopback;
        match url.scheme() {
            "https" => {}
            "http" if test_mock => {}
            _ => return refused("expected an https: push service"),
        }
        if test_mock {
            return Ok(());
        }
        match &host {
            Host::Address(ip) => self.check_address(*ip).or_else(|why| refused(&why))?,
            Host::Name(name) => {
                if name == "localhost" || name.ends_with(".localhost") || !name.contains('.') {
                    return refused("expected a public host name");
                }
            }
        }
        if !self.push_hosts.is_empty() {
            let name = url.host_str().unwrap_or_default().trim_end_matches('.');
            let listed = self.push_hosts.iter().any(|allowed| {
                let allowed = allowed.trim_end_matches('.');
                name.eq_ignore_ascii_case(allowed)
                    || name
                        .to_ascii_lowercase()
                        .ends_with(&format!(".{}", allowed.to_ascii_lowercase()))
            });
            if !listed {
                return refused("not one of the push services in --push-hosts");
            }
        }
        Ok(())
    }

    /// Whether the sender may connect to `ip`.
    pub fn check_address(&self, ip: IpAddr) -> Result<(), String> {
        if is_public(&ip) || (self.loopback_for_tests && is_loopback(&ip)) {
            Ok(())
        } else {
            Err(format!("{ip} is not a public address"))
        }
    }

    /// A DNS resolver that gives the HTTP client only the addresses this
    /// policy allows, and fails for a name that has none.
    pub fn resolver(&self) -> PublicResolver {
        PublicResolver {
            policy: self.clone(),
        }
    }
}

enum Host {
    Address(IpAddr),
    Name(String),
}

/// Resolves names with the system's resolver, keeping only the addresses
/// the policy allows ([`EndpointPolicy::resolver`]).
#[derive(Clone, Debug)]
pub struct PublicResolver {
    policy: EndpointPolicy,
}

impl Resolve for PublicResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let policy = self.policy.clone();
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let found: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let allowed: Vec<SocketAddr> = found
                .iter()
                .copied()
                .filter(|address| policy.check_address(address.ip()).is_ok())
                .collect();
            if allowed.is_empty() {
                let found: Vec<String> = found.iter().map(|a| a.ip().to_string()).collect();
                return Err(format!(
                    "{host} resolves to no public address ({})",
                    found.join(", ")
                )
                .into());
            }
            Ok(Box::new(allowed.into_iter()) as Addrs)
        })
    }
}

fn is_loopback(ip: &IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_loopback(),
        IpAddr::V6(v6) => {
            v6.is_loopback() || v6.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback())
        }
    }
}

/// Whether `ip` is an address on the public internet: not loopback,
/// private, link-local, unique-local, CGNAT, multicast, broadcast,
/// documentation, benchmarking, reserved or unspecified, and no IPv6 form
/// that carries such an IPv4 address (mapped, compatible, NAT64, 6to4).
pub fn is_public(ip: &IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

fn is_public_v4(ip: &Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_multicast()
        || ip.is_broadcast()
        || ip.is_documentation()
        || a == 0 // "this network"
        || (a == 100 && (64..128).contains(&b)) // CGNAT, 100.64.0.0/10
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 198 && (18..20).contains(&b)) // benchmarking, 198.18.0.0/15
        || a >= 240) // reserved, 240.0.0.0/4
}

fn is_public_v6(ip: &Ipv6Addr) -> bool {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return is_public_v4(&v4);
    }
    let segments = ip.segments();
    let embedded_v4 = |high: u16, low: u16| {
        let [a, b] = high.to_be_bytes();
        let [c, d] = low.to_be_bytes();
        Ipv4Addr::new(a, b, c, d)
    };
    // IPv4-compatible (::a.b.c.d, deprecated), NAT64 (64:ff9b::/96) and
    // 6to4 (2002::/16) reach an IPv4 address: judge that address.
    if segments[..6] == [0; 6] || segments[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        return !ip.is_unspecified()
            && !ip.is_loopback()
            && is_public_v4(&embedded_v4(segments[6], segments[7]));
    }
    if segments[0] == 0x2002 {
        return is_public_v4(&embedded_v4(segments[1], segments[2]));
    }
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        || (segments[0] & 0xfe00) == 0xfc00 // unique local, fc00::/7
        || (segments[0] & 0xffc0) == 0xfe80 // link-local, fe80::/10
        || (segments[0] & 0xffc0) == 0xfec0 // site-local (deprecated), fec0::/10
        || (segments[0] == 0x2001 && segments[1] == 0x0db8) // documentation
        || (segments[0] == 0x2001 && segments[1] < 0x0200) // IETF protocol assignments (Teredo …)
        || segments[0] == 0x0100 && segments[1..4] == [0, 0, 0]) // discard, 100::/64
}

#[cfg(test)]
mod tests {
    use super::*;

    const REFUSED: &[&str] = &[
        "http://127.0.0.1:8787/send",
        "https://127.0.0.1/",
        "http://localhost/push",
        "https://localhost/push",
        "https://push.localhost/",
        "http://user@127.0.0.1/",
        "https://user@push.example.org/x",
        "https://user:secret@push.example.org/x",
        "https://169.254.169.254/latest/meta-data/",
        "https://10.0.0.1:8443/admin",
        "https://172.16.5.4/",
        "https://192.168.1.1/",
        "https://[::ffff:127.0.0.1]/",
        "https://[::ffff:a00:1]/",
        "https://[::1]/",
        "https://[::]/",
        "https://0.0.0.0/",
        "https://[fd00::1]/",
        "https://[fe80::1]/",
        "https://[64:ff9b::a9fe:a9fe]/",
        "https://[2002:c0a8:101::1]/",
        "https://100.64.0.1/",
        "https://224.0.0.1/",
        "https://255.255.255.255/",
        "https://192.0.2.1/",
        "https://198.18.0.1/",
        "https://240.0.0.1/",
        "https://2130706433/",
        "https://0x7f.1/",
        "https://017700000001/",
        "https://intranet/push",
        "ftp://push.example.org/x",
        "http://push.example.org/x",
        "javascript:alert(1)",
        "not a url",
    ];

    const ALLOWED: &[&str] = &[
        "https://fcm.googleapis.com/fcm/send/abc:def",
        "https://updates.push.services.mozilla.com/wpush/v2/gAAAA",
        "https://web.push.apple.com/QGuQyavXutnMH",
        "https://wns2-par02p.notify.windows.com/w/?token=x",
        "https://93.184.216.34/push",
        "https://[2606:2800:220:1:248:1893:25c8:1946]/push",
    ];

    #[test]
    fn endpoints_inside_a_network_are_refused_in_every_spelling() {
        let policy = EndpointPolicy::default();
        for endpoint in REFUSED {
            assert!(policy.check(endpoint).is_err(), "{endpoint} was accepted");
        }
        for endpoint in ALLOWED {
            assert_eq!(policy.check(endpoint), Ok(()), "{endpoint}");
        }
    }

    #[test]
    fn the_test_switch_takes_loopback_and_nothing_else() {
        let policy = EndpointPolicy {
            loopback_for_tests: true,
            ..EndpointPolicy::default()
        };
        for endpoint in [
            "http://127.0.0.1:9/push",
            "http://localhost:9/p",
            "http://[::1]:9/p",
        ] {
            assert_eq!(policy.check(endpoint), Ok(()), "{endpoint}");
        }
        for endpoint in [
            "http://10.0.0.1/",
            "https://169.254.169.254/",
            "http://user@127.0.0.1/",
            "http://push.example.org/",
        ] {
            assert!(policy.check(endpoint).is_err(), "{endpoint} was accepted");
        }
    }

    #[test]
    fn push_hosts_limit_endpoints_to_the_services_listed() {
        let policy = EndpointPolicy {
            push_hosts: KNOWN_PUSH_HOSTS.iter().map(|h| h.to_string()).collect(),
            ..EndpointPolicy::default()
        };
        assert_eq!(policy.check(ALLOWED[0]), Ok(()));
        assert_eq!(policy.check(ALLOWED[3]), Ok(()));
        for endpoint in [
            "https://push.example.org/x",
            "https://fcm.googleapis.com.evil.example/x",
            "https://evilfcm.googleapis.com.example/x",
            "https://93.184.216.34/push",
        ] {
            assert!(policy.check(endpoint).is_err(), "{endpoint} was accepted");
        }
    }

    #[tokio::test]
    async fn a_name_that_resolves_inside_is_refused_when_sending() {
        // `localhost` resolves on every machine, without a network.
        let resolved = EndpointPolicy::default()
            .resolver()
            .resolve(Name::from_str("localhost").unwrap())
            .await;
        let error = resolved
            .err()
            .expect("localhost must not resolve")
            .to_string();
        assert!(error.contains("no public address"), "{error}");
        let resolved = EndpointPolicy {
            loopback_for_tests: true,
            ..EndpointPolicy::default()
        }
        .resolver()
        .resolve(Name::from_str("localhost").unwrap())
        .await;
        assert!(resolved.is_ok());
    }

    use std::str::FromStr;
}
