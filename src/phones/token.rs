//! 128-bit random secrets (join tokens, device cookies) in URL-safe base64.

use std::fmt;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/// 16 bytes in base64 without padding.
const ENCODED_LEN: usize = 22;

/// 128 random bits from the operating system.
#[derive(Clone, Copy, Hash, PartialEq, Eq)]
pub(crate) struct Secret([u8; 16]);

impl Secret {
    /// A new random secret; `None` only if the operating system has no randomness to give.
    pub(crate) fn random() -> Option<Secret> {
        let mut bytes = [0; 16];
        getrandom::fill(&mut bytes).ok()?;
        Some(Secret(bytes))
    }

    /// The secret written as 22 URL-safe characters.
    pub(crate) fn encode(&self) -> String {
        let mut out = String::with_capacity(ENCODED_LEN);
        let mut bits: u32 = 0;
        let mut count = 0;
        for &byte in &self.0 {
            bits = (bits << 8) | u32::from(byte);
            count += 8;
            while count >= 6 {
                count -= 6;
                out.push(char::from(ALPHABET[((bits >> count) & 63) as usize]));
            }
        }
        if count > 0 {
            out.push(char::from(ALPHABET[((bits << (6 - count)) & 63) as usize]));
        }
        out
    }

    /// Reads 22 URL-safe characters back; anything else is `None`.
    pub(crate) fn decode(text: &str) -> Option<Secret> {
        if text.len() != ENCODED_LEN {
            return None;
        }
        let mut bytes = [0u8; 16];
        let mut bits: u32 = 0;
        let mut count = 0;
        let mut at = 0;
        for c in text.bytes() {
            let value = ALPHABET.iter().position(|&a| a == c)?;
            bits = (bits << 6) | value as u32;
            count += 6;
            if count >= 8 {
                count -= 8;
                *bytes.get_mut(at)? = ((bits >> count) & 0xff) as u8;
                at += 1;
            }
        }
        // The 4 bits left over must be zero, so that each secret has one spelling.
        (bits & ((1 << count) - 1) == 0).then_some(Secret(bytes))
    }

    /// Compares without an early exit, so the time taken tells nothing about the token.
    pub(crate) fn matches(&self, other: &Secret) -> bool {
        self.0
            .iter()
            .zip(other.0.iter())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_other_spellings() {
        for _ in 0..100 {
            let secret = Secret::random().unwrap();
            let text = secret.encode();
            assert_eq!(text.len(), 22);
            assert!(
                text.bytes()
                    .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
            );
            assert_eq!(Secret::decode(&text), Some(secret));
        }
        assert_eq!(Secret::decode(""), None);
        assert_eq!(Secret::decode("AAAAAAAAAAAAAAAAAAAAA="), None);
        assert_eq!(Secret::decode("AAAAAAAAAAAAAAAAAAAAAB"), None);
        assert_eq!(Secret::decode("ÄAAAAAAAAAAAAAAAAAAAA"), None);
        assert!(Secret::decode("AAAAAAAAAAAAAAAAAAAAAA").is_some());
    }

    #[test]
    fn matches_only_itself() {
        let a = Secret::random().unwrap();
        let b = Secret::random().unwrap();
        assert!(a.matches(&a));
        assert!(!a.matches(&b));
    }
}
