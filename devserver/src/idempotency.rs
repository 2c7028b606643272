//! `Idempotency-Key` on create: the first answer to a key, kept 24 hours per workspace.
//!
//! A create that repeats a key gets the first answer again (status and body) and creates
//! nothing; the same key with a different body is a 422 (as the IETF draft
//! `draft-ietf-httpapi-idempotency-key-header` advises). Only created accounts are remembered:
//! a refused create (422, 409) may be corrected and sent again under the same key. Keys live in
//! memory; a restart forgets them.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

/// How long a key is remembered.
pub const KEEP: Duration = Duration::from_secs(24 * 60 * 60);
/// Keys remembered at once; the oldest go first beyond it.
const MAX_KEYS: usize = 10_000;
/// The longest key accepted.
pub const MAX_KEY_LEN: usize = 255;

#[derive(Debug, Clone)]
struct Remembered {
    fingerprint: Vec<u8>,
    status: u16,
    answer: String,
    at: Instant,
}

/// What a create carrying a key should do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seen {
    /// A key not seen in the last 24 hours: create, then `remember`.
    New,
    /// The same key and body: answer this again.
    Replay { status: u16, answer: String },
    /// The same key with another body.
    Mismatch,
}

#[derive(Debug, Default)]
pub struct Keys {
    entries: HashMap<(String, String), Remembered>,
    order: VecDeque<((String, String), Instant)>,
}

/// Whether `key` is a key the stand-in accepts: 1 to 255 visible ASCII characters or spaces.
pub fn valid_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= MAX_KEY_LEN
        && key.bytes().all(|b| b.is_ascii_graphic() || b == b' ')
}

/// What makes two bodies the same request: the JSON value (member order aside), or the bytes.
pub fn fingerprint(body: &[u8]) -> Vec<u8> {
    match serde_json::from_slice::<serde_json::Value>(body) {
        // serde_json's map is sorted: equal values serialize equally.
        Ok(v) => serde_json::to_vec(&v).unwrap_or_else(|_| body.to_vec()),
        Err(_) => body.to_vec(),
    }
}

impl Keys {
    fn expire(&mut self, now: Instant) {
        while let Some((key, at)) = self.order.front() {
            let stale = now.saturating_duration_since(*at) >= KEEP;
            if !stale && self.order.len() <= MAX_KEYS {
                break;
            }
            // The entry may have been replaced since; only the one stored at `at` goes.
            if self.entries.get(key).is_some_and(|e| e.at == *at) {
                self.entries.remove(key);
            }
            self.order.pop_front();
        }
    }

    pub fn check(&mut self, workspace: &str, key: &str, fingerprint: &[u8], now: Instant) -> Seen {
        self.expire(now);
        match self.entries.get(&(workspace.to_string(), key.to_string())) {
            None => Seen::New,
            Some(e) if e.fingerprint == fingerprint => Seen::Replay {
                status: e.status,
                answer: e.answer.clone(),
            },
            Some(_) => Seen::Mismatch,
        }
    }

    pub fn remember(
        &mut self,
        workspace: &str,
        key: &str,
        fingerprint: Vec<u8>,
        status: u16,
        answer: String,
        now: Instant,
    ) {
        let id = (workspace.to_string(), key.to_string());
        self.order.push_back((id.clone(), now));
        self.entries.insert(
            id,
            Remembered {
                fingerprint,
                status,
                answer,
                at: now,
            },
        );
        self.expire(now);
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.order.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_replays_for_24_hours_per_workspace_and_refuses_another_body() {
        let mut keys = Keys::default();
        let t0 = Instant::now();
        let body = fingerprint(br#"{"name":"A","email":"a@b.co"}"#);
        assert_eq!(keys.check("ws_pooled", "k1", &body, t0), Seen::New);
        keys.remember("ws_pooled", "k1", body.clone(), 201, "{}".into(), t0);
        let same = fingerprint(br#"{ "email": "a@b.co", "name": "A" }"#);
        assert_eq!(
            keys.check("ws_pooled", "k1", &same, t0 + Duration::from_secs(60)),
            Seen::Replay {
                status: 201,
                answer: "{}".into()
            }
        );
        let other = fingerprint(br#"{"name":"B","email":"a@b.co"}"#);
        assert_eq!(keys.check("ws_pooled", "k1", &other, t0), Seen::Mismatch);
        assert_eq!(keys.check("ws_assigned", "k1", &other, t0), Seen::New);
        let day = t0 + KEEP;
        assert_eq!(keys.check("ws_pooled", "k1", &other, day), Seen::New);
    }

    #[test]
    fn keys_are_bounded() {
        assert!(valid_key("order-42 retry"));
        assert!(!valid_key(""));
        assert!(!valid_key(&"k".repeat(256)));
        assert!(!valid_key("k\u{e9}"));
        assert!(!valid_key("k\t"));
        let mut keys = Keys::default();
        let t0 = Instant::now();
        for i in 0..MAX_KEYS + 5 {
            keys.remember("ws_pooled", &i.to_string(), vec![], 201, String::new(), t0);
        }
        assert_eq!(keys.entries.len(), MAX_KEYS);
        assert_eq!(keys.check("ws_pooled", "0", &[], t0), Seen::New);
    }
}
