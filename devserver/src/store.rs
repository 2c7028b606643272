//! The accounts of three workspaces, one per billing mode, kept in memory or in a data file
//! that is replaced atomically (temp file, fsync, rename), so a crash mid-write loses nothing.

use std::collections::hash_map::RandomState;
use std::fs;
use std::hash::{BuildHasher, Hasher};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use billing_account_form::BillingAccount;
use serde_json::json;

/// How many billing accounts a workspace may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Single,
    Pooled,
    Assigned,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Single => "single",
            Mode::Pooled => "pooled",
            Mode::Assigned => "assigned",
        }
    }

    /// The API reference: single mode holds one billing account, pooled and assigned up to 10.
    pub fn limit(self) -> usize {
        match self {
            Mode::Single => 1,
            Mode::Pooled | Mode::Assigned => 10,
        }
    }
}

/// The stand-in's workspaces, one per billing mode.
pub const WORKSPACES: [(&str, Mode); 3] = [
    ("ws_single", Mode::Single),
    ("ws_pooled", Mode::Pooled),
    ("ws_assigned", Mode::Assigned),
];

/// The workspace the sample page starts with.
pub const DEFAULT_WORKSPACE: &str = "ws_pooled";

pub fn mode_of(workspace: &str) -> Option<Mode> {
    WORKSPACES
        .iter()
        .find(|(id, _)| *id == workspace)
        .map(|(_, mode)| *mode)
}

/// Every account, in creation order.
#[derive(Debug, Clone, Default)]
pub struct Store {
    pub accounts: Vec<BillingAccount>,
}

impl Store {
    pub fn in_workspace<'a>(
        &'a self,
        workspace: &'a str,
    ) -> impl Iterator<Item = &'a BillingAccount> {
        self.accounts
            .iter()
            .filter(move |a| a.workspace_id == workspace)
    }

    pub fn find(&self, workspace: &str, id: &str) -> Option<&BillingAccount> {
        self.accounts
            .iter()
            .find(|a| a.workspace_id == workspace && a.id == id)
    }

    pub fn find_mut(&mut self, workspace: &str, id: &str) -> Option<&mut BillingAccount> {
        self.accounts
            .iter_mut()
            .find(|a| a.workspace_id == workspace && a.id == id)
    }

    /// A Stripe-like customer ID no account has yet: `cus_` and 14 letters and digits.
    pub fn new_id(&self) -> String {
        loop {
            let id = random_id("cus_", 14);
            if !self.accounts.iter().any(|a| a.id == id) {
                return id;
            }
        }
    }

    /// The accounts in `path`, or none when the file does not exist yet.
    /// A file that exists but cannot be read is an error: it is never overwritten.
    pub fn load(path: &Path) -> Result<Store, String> {
        let text = match fs::read(path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Store::default()),
            Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
        };
        let value: serde_json::Value = serde_json::from_slice(&text)
            .map_err(|e| format!("{} is not a devserver data file: {e}", path.display()))?;
        let accounts = value
            .get("accounts")
            .cloned()
            .ok_or_else(|| format!("{} has no \"accounts\"", path.display()))?;
        let accounts: Vec<BillingAccount> = serde_json::from_value(accounts).map_err(|e| {
            format!(
                "{} holds an account that cannot be read: {e}",
                path.display()
            )
        })?;
        if let Some(a) = accounts.iter().find(|a| mode_of(&a.workspace_id).is_none()) {
            return Err(format!(
                "{} holds an account of an unknown workspace {}",
                path.display(),
                a.workspace_id
            ));
        }
        Ok(Store { accounts })
    }

    /// Replaces `path` with these accounts: written beside it, flushed to disk, renamed over it.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        let text = serde_json::to_vec_pretty(&json!({"version": 1, "accounts": self.accounts}))
            .map_err(io::Error::other)?;
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "data".into());
        let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let written = (|| {
            let mut file = fs::File::create(&temp)?;
            file.write_all(&text)?;
            file.sync_all()?;
            fs::rename(&temp, path)
        })();
        if written.is_err() {
            let _ = fs::remove_file(&temp);
            return written;
        }
        // The rename itself reaches the disk when the directory does (not possible everywhere).
        if let Ok(d) = fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A random number from the standard library's per-process random hash keys and a counter.
/// Not for secrets a remote attacker must not guess beyond a demo's needs.
pub fn random_u64() -> u64 {
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    hasher.finish()
}

/// `prefix` then `len` random ASCII letters and digits.
pub fn random_id(prefix: &str, len: usize) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut id = String::from(prefix);
    while id.len() < prefix.len() + len {
        let mut bits = random_u64();
        for _ in 0..10 {
            if id.len() >= prefix.len() + len {
                break;
            }
            let i = usize::try_from(bits % 62).unwrap_or(0);
            id.push(char::from(ALPHABET.get(i).copied().unwrap_or(b'a')));
            bits /= 62;
        }
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_a_prefix_and_alphanumerics() {
        let a = random_id("cus_", 14);
        assert_eq!(a.len(), 18);
        assert!(a.starts_with("cus_") && a[4..].bytes().all(|b| b.is_ascii_alphanumeric()));
        assert_ne!(a, random_id("cus_", 14));
        assert!(billing_account_form::api::BillingAccountId::parse(&a).is_ok());
    }
}
