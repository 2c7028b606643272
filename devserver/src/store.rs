//! The accounts of three workspaces, one per billing mode, kept in memory or in a data file
//! that is replaced atomically (temp file, fsync, rename), so a crash mid-write loses nothing;
//! the data file is checked like input when it is read.

use std::collections::hash_map::RandomState;
use std::fs;
use std::hash::{BuildHasher, Hasher};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use billing_account_form::api::BillingAccountId;
use billing_account_form::{validate_create, BillingAccount, Locale, Validation, Value};
use serde_json::json;

use crate::idempotency::Keys;

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

/// Every account, in creation order, and the idempotency keys of recent creates.
#[derive(Debug, Default)]
pub struct Store {
    pub accounts: Vec<BillingAccount>,
    pub idempotency: Keys,
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

    /// Opens the data file at `path`: follows a symlink to the file it names, refuses a folder
    /// that does not exist or cannot be written, removes the temp files of interrupted writes,
    /// and loads the accounts (none when the file does not exist yet). Returns the store and
    /// the file to write. A file that exists but breaks a rule is an error: it is never
    /// overwritten.
    pub fn open(path: &Path) -> Result<(Store, PathBuf), String> {
        let target = write_target(path)?;
        let dir = folder_of(&target);
        match fs::metadata(&dir) {
            Ok(m) if m.is_dir() => {}
            _ => {
                return Err(format!(
                    "the folder of {} ({}) does not exist",
                    path.display(),
                    dir.display()
                ))
            }
        }
        remove_stale_temp_files(&target);
        // Found out now rather than as a 500 on the first create.
        let probe = temp_path(&target);
        fs::write(&probe, b"")
            .and_then(|()| fs::remove_file(&probe))
            .map_err(|e| format!("cannot write in {}: {e}", dir.display()))?;
        let store = Store::load(&target).map_err(|why| format!("{}: {why}", path.display()))?;
        Ok((store, target))
    }

    /// The accounts in `path`, or none when the file does not exist yet; what is wrong otherwise.
    fn load(path: &Path) -> Result<Store, String> {
        let text = match fs::read(path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Store::default()),
            Err(e) => return Err(format!("cannot be read: {e}")),
        };
        let value: serde_json::Value = serde_json::from_slice(&text)
            .map_err(|e| format!("is not a devserver data file: {e}"))?;
        let accounts = check_data_file(&value)?;
        Ok(Store {
            accounts,
            idempotency: Keys::default(),
        })
    }

    /// Replaces `path` with these accounts: written beside it, flushed to disk, renamed over it.
    /// `path` is the file itself, never a symlink (see `open`).
    pub fn save(&self, path: &Path) -> io::Result<()> {
        let text =
            serde_json::to_vec_pretty(&json!({"version": DATA_VERSION, "accounts": self.accounts}))
                .map_err(io::Error::other)?;
        let dir = folder_of(path);
        let temp = temp_path(path);
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

/// The data file's format; a newer one is refused rather than read in part.
pub const DATA_VERSION: u64 = 1;
const ACCOUNT_MEMBERS: [&str; 10] = [
    "id",
    "workspace_id",
    "name",
    "email",
    "phone",
    "description",
    "currency",
    "address",
    "created_at",
    "updated_at",
];
const ADDRESS_MEMBERS: [&str; 6] = ["country", "line1", "line2", "city", "state", "postal_code"];

fn unknown_member<'a>(
    object: &'a serde_json::Map<String, serde_json::Value>,
    known: &[&str],
) -> Option<&'a str> {
    object
        .keys()
        .map(String::as_str)
        .find(|k| !known.contains(k))
}

/// `2025-10-29T00:40:06.000000Z`, as the stand-in writes timestamps.
fn is_timestamp(s: &str) -> bool {
    s.len() == 27
        && s.bytes().enumerate().all(|(i, c)| match i {
            4 | 7 => c == b'-',
            10 => c == b'T',
            13 | 16 => c == b':',
            19 => c == b'.',
            26 => c == b'Z',
            _ => c.is_ascii_digit(),
        })
}

/// The accounts of a data file, checked as the API checks input: the format's members only,
/// IDs that are `cus_` and letters and digits, each once, known workspaces within their
/// billing mode's limit, and values the core's validation accepts.
fn check_data_file(value: &serde_json::Value) -> Result<Vec<BillingAccount>, String> {
    let top = value
        .as_object()
        .ok_or("is not a devserver data file: not a JSON object")?;
    match top.get("version") {
        None => {}
        Some(v) => match v.as_u64() {
            Some(DATA_VERSION) => {}
            Some(n) if n > DATA_VERSION => {
                return Err(format!(
                    "is data file version {n}, newer than this devserver reads ({DATA_VERSION}); not read, not overwritten"
                ))
            }
            _ => return Err(format!("has an invalid \"version\" {v}")),
        },
    }
    if let Some(k) = unknown_member(top, &["version", "accounts"]) {
        return Err(format!(
            "has an unknown member \"{k}\" that this devserver would drop; not read, not overwritten"
        ));
    }
    let list = top
        .get("accounts")
        .ok_or("has no \"accounts\"")?
        .as_array()
        .ok_or("has \"accounts\" that is not a list")?;
    let mut accounts = Vec::with_capacity(list.len());
    for (n, item) in list.iter().enumerate() {
        let which = || match item.get("id").and_then(serde_json::Value::as_str) {
            Some(id) => format!("account {} ({id})", n + 1),
            None => format!("account {}", n + 1),
        };
        let object = item
            .as_object()
            .ok_or_else(|| format!("{} is not an object", which()))?;
        if let Some(k) = unknown_member(object, &ACCOUNT_MEMBERS) {
            return Err(format!(
                "{} has an unknown member \"{k}\" that this devserver would drop; not read, not overwritten",
                which()
            ));
        }
        if let Some(address) = object.get("address").and_then(serde_json::Value::as_object) {
            if let Some(k) = unknown_member(address, &ADDRESS_MEMBERS) {
                return Err(format!(
                    "{} has an unknown address member \"{k}\" that this devserver would drop; not read, not overwritten",
                    which()
                ));
            }
        }
        let account: BillingAccount = serde_json::from_value(item.clone())
            .map_err(|e| format!("{} cannot be read: {e}", which()))?;
        check_account(&account).map_err(|why| format!("{} {why}", which()))?;
        if accounts.iter().any(|a: &BillingAccount| a.id == account.id) {
            return Err(format!("{} repeats the ID {}", which(), account.id));
        }
        accounts.push(account);
    }
    for (workspace, mode) in WORKSPACES {
        let held = accounts
            .iter()
            .filter(|a| a.workspace_id == workspace)
            .count();
        if held > mode.limit() {
            return Err(format!(
                "holds {held} accounts in {workspace}, whose {} billing mode allows {}",
                mode.as_str(),
                mode.limit()
            ));
        }
    }
    Ok(accounts)
}

/// What is wrong with one stored account, if anything.
fn check_account(a: &BillingAccount) -> Result<(), String> {
    let alphanumeric = a
        .id
        .strip_prefix("cus_")
        .is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_alphanumeric()));
    if !alphanumeric || BillingAccountId::parse(&a.id).is_err() {
        return Err("has an ID that is not cus_ and letters and digits".into());
    }
    if mode_of(&a.workspace_id).is_none() {
        return Err(format!("is in an unknown workspace {}", a.workspace_id));
    }
    if !is_timestamp(&a.created_at) || !is_timestamp(&a.updated_at) {
        return Err("has a timestamp not written as 2025-10-29T00:40:06.000000Z".into());
    }
    let text = |v: &Option<String>| v.clone().map_or(Value::Null, Value::String);
    let mut body = vec![
        ("name".to_string(), Value::String(a.name.clone())),
        ("email".to_string(), Value::String(a.email.clone())),
        ("phone".to_string(), text(&a.phone)),
        ("description".to_string(), text(&a.description)),
        (
            "currency".to_string(),
            Value::String(a.currency.as_str().to_string()),
        ),
    ];
    if let Some(ad) = &a.address {
        body.push((
            "address".to_string(),
            Value::Object(vec![
                ("country".to_string(), text(&ad.country)),
                ("line1".to_string(), text(&ad.line1)),
                ("line2".to_string(), text(&ad.line2)),
                ("city".to_string(), text(&ad.city)),
                ("state".to_string(), text(&ad.state)),
                ("postal_code".to_string(), text(&ad.postal_code)),
            ]),
        ));
    }
    match validate_create(&Value::Object(body), Locale::En) {
        Validation::Valid { .. } => Ok(()),
        Validation::Invalid { errors, .. } => {
            let fields: Vec<String> = errors
                .iter()
                .map(|e| format!("{} ({})", e.path(), e.code().as_str()))
                .collect();
            Err(format!("has values the API refuses: {}", fields.join(", ")))
        }
    }
}

/// The folder a file is in (`.` for a bare name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "data".into())
}

/// Where this process writes before renaming over `path`.
fn temp_path(path: &Path) -> PathBuf {
    folder_of(path).join(format!(".{}.{}.tmp", file_name(path), std::process::id()))
}

/// The file `path` names after following symlinks (it may not exist yet): written through, a
/// link stays a link.
fn write_target(path: &Path) -> Result<PathBuf, String> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = fs::read_link(&current)
                    .map_err(|e| format!("cannot read the link {}: {e}", current.display()))?;
                current = if link.is_absolute() {
                    link
                } else {
                    folder_of(&current).join(link)
                };
            }
            Ok(m) if m.is_dir() => return Err(format!("{} is a folder", current.display())),
            Ok(_) => return Ok(current),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(current),
            Err(e) => return Err(format!("cannot read {}: {e}", current.display())),
        }
    }
    Err(format!("{}: too many levels of links", path.display()))
}

/// Removes the temp files interrupted writes left beside `path` (`.NAME.PID.tmp`, of any
/// process: two stand-ins on one data file are not supported).
fn remove_stale_temp_files(path: &Path) {
    let prefix = format!(".{}.", file_name(path));
    let Ok(entries) = fs::read_dir(folder_of(path)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_ours = name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()));
        if is_ours && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
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
