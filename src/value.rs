//! The untyped input a body arrives as, before validation walks it (as the server walks its array).

use std::borrow::Cow;
use std::string::String;
use std::vec::Vec;

/// A JSON-like value. The wasm shell fills it from a JavaScript value, native code from JSON.
///
/// `undefined` never appears: it counts as absent, as JSON drops it. Keys keep their order;
/// a repeated key means its last value, as in `JSON.parse` and PHP's `json_decode`.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
    /// Something JSON cannot carry (a function, a symbol, a BigInt): never valid, never coerced.
    Unsupported,
    /// A string longer than any field takes, of which the wasm shell sent only its length in
    /// code points after the server's trim (more than any field's limit; never empty), not its
    /// text: no rule needs the text of such a string (an email's is always sent whole).
    Long(usize),
    /// The last member of an object or item of an array that the wasm shell read: how many more
    /// it counted without reading (a container this large is refused whatever they hold, and
    /// its first unknown keys, which results name, were read). Never a field's value; no key
    /// of the JavaScript value can make one.
    Skipped(usize),
}

impl Value {
    /// The member `key` of an object (or index of an array, as PHP arrays are both).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            // A `Skipped` member's key is empty and an array's is its index, past those read:
            // `get` is asked for fields' names only, so it never answers one.
            Value::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            Value::Array(items) => key.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        }
    }

    /// The keys of an object or array (indices as text), each once, in order.
    pub fn keys(&self) -> Vec<Cow<'_, str>> {
        match self {
            Value::Object(members) => members
                .iter()
                .zip(first_occurrences(members))
                .filter(|((_, v), first)| *first && !matches!(v, Value::Skipped(_)))
                .map(|((k, _), _)| Cow::Borrowed(k.as_str()))
                .collect(),
            Value::Array(items) => (0..items.len() - self.skipped().min(1))
                .map(|i| Cow::Owned(crate::num::usize_text(i)))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// How many more members or items of this container the shell counted without reading
    /// (see [`Value::Skipped`]): keys beyond [`Value::keys`].
    pub fn skipped(&self) -> usize {
        let last = match self {
            Value::Object(members) => members.last().map(|(_, v)| v),
            Value::Array(items) => items.last(),
            _ => None,
        };
        match last {
            Some(Value::Skipped(n)) => *n,
            _ => 0,
        }
    }

    /// Whether this is a container (a PHP array): a JSON object or array.
    pub fn is_container(&self) -> bool {
        matches!(self, Value::Object(_) | Value::Array(_))
    }

    /// Whether this is an empty container, which the server's `required` treats as missing.
    pub fn is_empty_container(&self) -> bool {
        match self {
            Value::Object(m) => m.is_empty(),
            Value::Array(a) => a.is_empty(),
            _ => false,
        }
    }

    /// A copy as the server's middleware leaves it: every string, at any depth, trimmed,
    /// and strings that trim to nothing replaced by `null`.
    pub fn normalized(&self) -> Value {
        match self {
            Value::String(s) => match crate::text::normalize(s) {
                Some(t) => Value::String(String::from(t)),
                None => Value::Null,
            },
            Value::Array(items) => Value::Array(items.iter().map(Value::normalized).collect()),
            Value::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.clone(), v.normalized()))
                    .collect(),
            ),
            other => other.clone(),
        }
    }
}

/// For each member, whether its key appears here for the first time.
///
/// A body has a handful of keys, compared pairwise; past that, a hash table of member indices
/// (FNV-1a, open addressing), not a scan of the keys so far: a hostile body may have a million
/// keys. Smaller in wasm than a `BTreeSet` or `HashSet`.
fn first_occurrences(members: &[(String, Value)]) -> Vec<bool> {
    const SMALL: usize = 16;
    if members.len() <= SMALL {
        return members
            .iter()
            .enumerate()
            .map(|(i, (k, _))| {
                !members
                    .get(..i)
                    .unwrap_or_default()
                    .iter()
                    .any(|(e, _)| e == k)
            })
            .collect();
    }
    let hash = |k: &str| {
        k.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
    };
    let mask = (members.len() * 2).next_power_of_two() - 1;
    // Slot values are member index + 1; 0 is empty. At most half full, so a probe ends.
    let mut slots = vec![0usize; mask + 1];
    members
        .iter()
        .enumerate()
        .map(|(i, (k, _))| {
            let mut at = (hash(k) as usize) & mask;
            loop {
                match slots.get(at).copied() {
                    Some(0) => {
                        if let Some(slot) = slots.get_mut(at) {
                            *slot = i + 1;
                        }
                        return true;
                    }
                    Some(j) if members.get(j - 1).is_some_and(|(e, _)| e == k) => return false,
                    Some(_) => at = (at + 1) & mask,
                    None => return true,
                }
            }
        })
        .collect()
}

impl Value {
    /// [`Value::normalized`], for a value the caller gives up: in place, allocating only for a
    /// string the trim shortens (the exact path of every call that the clean check leaves, see
    /// `crate::scan`, and of an import's refused records).
    pub fn into_normalized(self) -> Value {
        match self {
            // The trim only takes from the ends: a string it leaves as long is left as it is.
            Value::String(s) => match crate::text::normalize(&s) {
                Some(t) if t.len() == s.len() => Value::String(s),
                Some(t) => Value::String(String::from(t)),
                None => Value::Null,
            },
            // Collected into the same allocations (std reuses a vector mapped to its own type).
            Value::Array(items) => {
                Value::Array(items.into_iter().map(Value::into_normalized).collect())
            }
            Value::Object(members) => Value::Object(
                members
                    .into_iter()
                    .map(|(k, v)| (k, v.into_normalized()))
                    .collect(),
            ),
            other => other,
        }
    }
}

#[cfg(feature = "json")]
impl From<&serde_json::Value> for Value {
    fn from(v: &serde_json::Value) -> Self {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => Value::Number(n.as_f64().unwrap_or(f64::NAN)),
            serde_json::Value::String(s) => Value::String(s.clone()),
            serde_json::Value::Array(a) => Value::Array(a.iter().map(Value::from).collect()),
            serde_json::Value::Object(o) => {
                Value::Object(o.iter().map(|(k, v)| (k.clone(), Value::from(v))).collect())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_listed_once_where_they_first_appear() {
        for n in [3usize, 16, 17, 1000] {
            let mut members: Vec<(String, Value)> = (0..n)
                .map(|i| (crate::num::usize_text(i % (n / 2 + 1)), Value::Null))
                .collect();
            members.push(("0".into(), Value::Bool(true)));
            let body = Value::Object(members);
            let keys: Vec<String> = body.keys().into_iter().map(String::from).collect();
            let expected: Vec<String> = (0..(n / 2 + 1).min(n))
                .map(crate::num::usize_text)
                .collect();
            assert_eq!(keys, expected, "{n}");
            assert_eq!(body.get("0"), Some(&Value::Bool(true)));
        }
    }
}
