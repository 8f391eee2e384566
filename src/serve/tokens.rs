//! The server's secrets and what they sign: the participant id a browser keeps in a cookie,
//! the organizer's secret in the organizer URL, and the token in each form that submits
//! answers, which ties the form to the browser that got it and to this run of the server.
//!
//! A form token is `ID.NONCE.ISSUED.MAC`: the participant id, a random nonce, when it was
//! issued (seconds since the server started) and an HMAC-SHA256 of the three under a key
//! made at start. A token from another run or edited by hand fails its MAC (forged or
//! stale); a used nonce is a form posted twice.

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::sync::Mutex;
use std::time::Instant;

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// How long a form stays good.
const TOKEN_LIFE_SECS: u64 = 12 * 60 * 60;
/// How many used nonces are remembered per participant (a form posted twice is caught among
/// that many of their latest submissions).
const NONCES_KEPT: usize = 16;

/// Fills `bytes` from the operating system's random source.
pub fn random(bytes: &mut [u8]) {
    // The OS source failing leaves no safe way to make a secret: nothing can go on.
    getrandom::fill(bytes).expect("the operating system's random source works");
}

/// `bytes` in lowercase hex.
pub(super) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex<const N: usize>(text: &str) -> Option<[u8; N]> {
    if text.len() != 2 * N || !text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return None;
    }
    let mut out = [0; N];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

/// Whether `a` and `b` are equal, in time that doesn't depend on where they differ.
pub fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A browser's random participant id: 128 bits, kept in a cookie, no personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParticipantId([u8; 16]);

impl ParticipantId {
    /// A new random id.
    pub fn fresh() -> ParticipantId {
        let mut bytes = [0; 16];
        random(&mut bytes);
        ParticipantId(bytes)
    }

    /// The id a cookie holds: exactly 32 lowercase hex digits, else nothing.
    pub fn from_hex(text: &str) -> Option<ParticipantId> {
        unhex::<16>(text).map(ParticipantId)
    }
}

impl fmt::Display for ParticipantId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex(&self.0))
    }
}

/// Why a form token is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenError {
    /// Not a token of this run of the server, or out of date.
    Stale,
    /// Already used: the form was posted twice.
    Used,
    /// Another browser's form.
    Foreign,
}

/// The secrets of one run of the server.
pub struct Keys {
    mac: [u8; 32],
    organizer: String,
    started: Instant,
    used: Mutex<HashMap<ParticipantId, VecDeque<[u8; 16]>>>,
}

impl Keys {
    /// New random secrets.
    pub fn generate() -> Keys {
        let mut mac = [0; 32];
        random(&mut mac);
        let mut organizer = [0; 32];
        random(&mut organizer);
        Keys { mac, organizer: hex(&organizer), started: Instant::now(), used: Mutex::new(HashMap::new()) }
    }

    /// The organizer's secret: 256 random bits in hex, the last part of the organizer URL.
    pub fn organizer(&self) -> &str {
        &self.organizer
    }

    /// Whether `given` is the organizer's secret, compared in constant time.
    pub fn is_organizer(&self, given: &str) -> bool {
        same_secret(given.as_bytes(), self.organizer.as_bytes())
    }

    fn sign(&self, body: &str) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.mac).expect("any key length");
        mac.update(body.as_bytes());
        hex(&mac.finalize().into_bytes())
    }

    /// A token for a form that `id`'s browser will post.
    pub fn token(&self, id: &ParticipantId) -> String {
        let mut nonce = [0; 16];
        random(&mut nonce);
        let body = format!("{id}.{}.{}", hex(&nonce), self.started.elapsed().as_secs());
        let mac = self.sign(&body);
        format!("{body}.{mac}")
    }

    /// Checks a posted token: signed by this run, not too old, from the browser whose cookie
    /// is `cookie` (when it sent one), and not used before; marks it used. Returns the
    /// participant id it was made for.
    pub fn redeem(&self, token: &str, cookie: Option<&ParticipantId>) -> Result<ParticipantId, TokenError> {
        let parts: Vec<&str> = token.split('.').collect();
        let [id, nonce, issued, mac] = parts[..] else { return Err(TokenError::Stale) };
        let body = format!("{id}.{nonce}.{issued}");
        let expected = self.sign(&body);
        if !same_secret(mac.as_bytes(), expected.as_bytes()) {
            return Err(TokenError::Stale);
        }
        let (Some(id), Some(nonce), Ok(issued)) =
            (ParticipantId::from_hex(id), unhex::<16>(nonce), issued.parse::<u64>())
        else {
            return Err(TokenError::Stale);
        };
        if self.started.elapsed().as_secs().saturating_sub(issued) > TOKEN_LIFE_SECS {
            return Err(TokenError::Stale);
        }
        if cookie.is_some_and(|c| *c != id) {
            return Err(TokenError::Foreign);
        }
        let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        let seen = used.entry(id).or_default();
        if seen.contains(&nonce) {
            return Err(TokenError::Used);
        }
        if seen.len() == NONCES_KEPT {
            seen.pop_front();
        }
        seen.push_back(nonce);
        Ok(id)
    }

    /// Forgets that `token` was used: its submission could not be saved, so posting it
    /// again (after the disk is fixed) is not posting it twice.
    pub fn release(&self, token: &str) {
        let parts: Vec<&str> = token.split('.').collect();
        if let (Some(id), Some(nonce)) =
            (parts.first().and_then(|t| ParticipantId::from_hex(t)), parts.get(1).and_then(|t| unhex::<16>(t)))
        {
            if let Some(seen) = self.used.lock().unwrap_or_else(|e| e.into_inner()).get_mut(&id) {
                seen.retain(|n| *n != nonce);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_32_lowercase_hex_digits_and_nothing_else() {
        let id = ParticipantId::fresh();
        assert_eq!(ParticipantId::from_hex(&id.to_string()), Some(id));
        for bad in
            ["", "00", "../../etc/passwd", "00112233445566778899AABBCCDDEEFF", "00112233445566778899aabbccddeefg"]
        {
            assert_eq!(ParticipantId::from_hex(bad), None, "{bad}");
        }
        assert_ne!(ParticipantId::fresh(), ParticipantId::fresh());
    }

    #[test]
    fn a_token_is_good_once_for_its_browser_and_this_run() {
        let keys = Keys::generate();
        let id = ParticipantId::fresh();
        let token = keys.token(&id);
        assert_eq!(keys.redeem(&token, Some(&ParticipantId::fresh())), Err(TokenError::Foreign));
        assert_eq!(keys.redeem(&token, Some(&id)), Ok(id));
        assert_eq!(keys.redeem(&token, Some(&id)), Err(TokenError::Used));
        keys.release(&token);
        assert_eq!(keys.redeem(&token, None), Ok(id), "a browser without cookies keeps the token's id");
        // Another run, or a token edited by hand.
        assert_eq!(Keys::generate().redeem(&keys.token(&id), Some(&id)), Err(TokenError::Stale));
        let edited = keys.token(&id).replacen(&id.to_string(), &ParticipantId::fresh().to_string(), 1);
        assert_eq!(keys.redeem(&edited, None), Err(TokenError::Stale));
        for junk in ["", "a.b.c.d", "....", "x"] {
            assert_eq!(keys.redeem(junk, None), Err(TokenError::Stale), "{junk}");
        }
    }

    #[test]
    fn the_organizer_secret_is_256_random_bits_compared_whole() {
        let keys = Keys::generate();
        assert_eq!(keys.organizer().len(), 64);
        assert!(keys.is_organizer(keys.organizer()));
        assert!(!keys.is_organizer(&keys.organizer()[..63]));
        assert!(!keys.is_organizer(""));
        assert_ne!(Keys::generate().organizer(), keys.organizer());
        assert!(same_secret(b"abc", b"abc") && !same_secret(b"abc", b"abd") && !same_secret(b"ab", b"abc"));
    }
}
