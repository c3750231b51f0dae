//! The laptop's addresses to open on, and the QR code of the join URL.

use std::net::IpAddr;

use qrcode::{Color, EcLevel, QrCode};

/// The laptop's interface addresses phones could reach, as (interface name, address), best
/// first: IPv4 on a real network card, IPv4 on virtual bridges (Docker, VMs), global IPv6,
/// then loopback (only for trying the page on the laptop itself). Link-local IPv6 is left
/// out: a phone can't use it in a URL. Empty if the system won't tell.
pub fn local_addresses() -> Vec<(String, IpAddr)> {
    let Ok(interfaces) = if_addrs::get_if_addrs() else {
        return Vec::new();
    };
    let mut found: Vec<(u8, String, IpAddr)> = interfaces
        .into_iter()
        .filter_map(|iface| {
            let ip = iface.ip();
            let rank = rank(&iface.name, ip)?;
            Some((rank, iface.name, ip))
        })
        .collect();
    found.sort_by(|a, b| (a.0, &a.1, a.2).cmp(&(b.0, &b.1, b.2)));
    found.dedup_by(|a, b| a.2 == b.2);
    found.into_iter().map(|(_, name, ip)| (name, ip)).collect()
}

/// The order of an address in the choice; `None` for one a phone can't use.
fn rank(name: &str, ip: IpAddr) -> Option<u8> {
    const VIRTUAL: [&str; 8] = [
        "docker", "br-", "veth", "virbr", "vmnet", "vboxnet", "lxc", "podman",
    ];
    let is_virtual = VIRTUAL.iter().any(|prefix| name.starts_with(prefix));
    match ip {
        IpAddr::V4(v4) if v4.is_loopback() => Some(5),
        IpAddr::V4(v4) if v4.is_unspecified() || v4.is_multicast() => None,
        IpAddr::V4(v4) if v4.is_link_local() => Some(3),
        IpAddr::V4(_) if is_virtual => Some(2),
        IpAddr::V4(_) => Some(1),
        IpAddr::V6(v6) if v6.is_loopback() => Some(6),
        // Link-local (fe80::/10) needs a zone id that no phone's browser takes in a URL.
        IpAddr::V6(v6) if (v6.segments()[0] & 0xffc0) == 0xfe80 => None,
        IpAddr::V6(v6) if v6.is_unspecified() || v6.is_multicast() => None,
        IpAddr::V6(_) => Some(4),
    }
}

/// The QR code of a text (the join URL), error correction level M (15 %): `(width, modules)`
/// with `width * width` modules in rows from the top, `true` = dark.
///
/// The quiet zone is NOT included: draw a light margin of at least 4 modules around it.
/// `None` if the text is too long for a QR code (over ~2,300 bytes).
pub fn qr_matrix(text: &str) -> Option<(usize, Vec<bool>)> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let modules = code
        .to_colors()
        .into_iter()
        .map(|c| c == Color::Dark)
        .collect();
    Some((width, modules))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_join_url_makes_a_small_code() {
        let url = "http://192.168.178.100:8080/j/AbCdEfGhIjKlMnOpQrStUv";
        let (width, modules) = qr_matrix(url).unwrap();
        assert_eq!(modules.len(), width * width);
        // Version 4 (33 modules) holds 62 bytes at level M: readable from the back row.
        assert!(width <= 33, "{width}");
        // The finder pattern's corner is dark.
        assert!(modules[0]);
        assert!(qr_matrix(&"x".repeat(5_000)).is_none());
    }

    #[test]
    fn addresses_are_ranked() {
        assert_eq!(rank("wlan0", "192.168.1.20".parse().unwrap()), Some(1));
        assert_eq!(rank("docker0", "172.17.0.1".parse().unwrap()), Some(2));
        assert_eq!(rank("lo", "127.0.0.1".parse().unwrap()), Some(5));
        assert_eq!(rank("wlan0", "fe80::1".parse().unwrap()), None);
        assert_eq!(rank("wlan0", "2001:db8::1".parse().unwrap()), Some(4));
        let all = local_addresses();
        assert!(all.iter().all(|(_, ip)| !ip.is_unspecified()));
    }
}
