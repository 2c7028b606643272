//! What a request is addressed with: parsed IDs, the token, the base URL, and the client's settings.

use core::fmt;

use crate::error::{Code, FieldError, Issue};
use crate::i18n::Locale;

use super::error::ApiError;

/// IDs longer than this are refused: no real ID comes close, and URLs stay small.
const MAX_ID_LEN: usize = 255;

fn parse_id(raw: &str, prefix: &str, path: &'static str) -> Result<String, Issue> {
    if raw.is_empty() {
        return Err(Issue::new(path, Code::Required));
    }
    let ok = raw.len() <= MAX_ID_LEN
        && raw.strip_prefix(prefix).is_some_and(|rest| {
            !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_alphanumeric())
        });
    if ok {
        Ok(String::from(raw))
    } else {
        Err(Issue::new(path, Code::Format))
    }
}

/// A workspace ID: `ws_` then ASCII letters and digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct WorkspaceId(String);

impl WorkspaceId {
    /// `raw` as a workspace ID; the issue is on path `workspaceId`.
    pub fn parse(raw: &str) -> Result<WorkspaceId, Issue> {
        parse_id(raw, "ws_", "workspaceId").map(WorkspaceId)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A billing account ID (a Stripe customer ID): `cus_` then ASCII letters and digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BillingAccountId(String);

impl BillingAccountId {
    /// `raw` as a billing account ID; the issue is on path `billingAccountId`.
    pub fn parse(raw: &str) -> Result<BillingAccountId, Issue> {
        parse_id(raw, "cus_", "billingAccountId").map(BillingAccountId)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An `Idempotency-Key` for a create: 1 to 255 visible ASCII characters (the package's client
/// draws a random UUID for each create). A server that honours it answers a repeated key with
/// the first answer and creates nothing, so a create whose outcome is unknown can be sent again.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    /// The most characters a key may have.
    pub const MAX_LEN: usize = 255;

    /// `raw` as a key; the issue is on path `idempotencyKey`.
    pub fn parse(raw: &str) -> Result<IdempotencyKey, Issue> {
        let visible = raw.bytes().all(|b| b.is_ascii_graphic());
        if !raw.is_empty() && raw.len() <= Self::MAX_LEN && visible {
            Ok(IdempotencyKey(raw.to_string()))
        } else {
            Err(Issue::new("idempotencyKey", Code::Format))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The bearer token. It cannot be printed: its `Debug` is redacted and it has no `Display`.
///
/// Only visible ASCII is accepted (no space, line break, NUL or other control character):
/// a line break in a header value could smuggle a header, and `fetch` throws on non-Latin-1.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    /// `raw` as a token; the issue is on path `token`.
    pub fn parse(raw: &str) -> Result<Token, Issue> {
        if raw.is_empty() {
            return Err(Issue::new("token", Code::Required));
        }
        if raw.bytes().all(|b| b.is_ascii_graphic()) {
            Ok(Token(String::from(raw)))
        } else {
            Err(Issue::new("token", Code::Format))
        }
    }

    /// The `Authorization` header's value.
    pub fn authorization(&self) -> String {
        let mut value = String::with_capacity(7 + self.0.len());
        value.push_str("Bearer ");
        value.push_str(&self.0);
        value
    }

    /// `text` with every occurrence of the token replaced, for text a server sent back.
    pub fn redact(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        if self.0.is_empty() {
            out.push_str(text);
            return out;
        }
        let mut rest = text;
        while let Some((before, after)) = crate::text::split_once(rest, &self.0) {
            out.push_str(before);
            out.push_str("[redacted]");
            rest = after;
        }
        out.push_str(rest);
        out
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

/// The API's address: `http` or `https`, a host, maybe a port and a path; never credentials,
/// a query or a fragment. Kept without a trailing slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl(String);

/// The API's address when the config names none.
pub const DEFAULT_BASE_URL: &str = "https://v1.api.altostrat.io";

impl BaseUrl {
    /// `raw` as a base URL; the issue is on path `baseUrl`.
    pub fn parse(raw: &str) -> Result<BaseUrl, Issue> {
        let refuse = || Issue::new("baseUrl", Code::Format);
        if raw.is_empty() {
            return Err(Issue::new("baseUrl", Code::Required));
        }
        let (scheme, rest) = crate::text::split_once(raw, "://").ok_or_else(refuse)?;
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err(refuse());
        }
        // Only characters a URL may hold; no query, fragment, credentials or backslashes.
        let allowed = |b: u8| b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:/%[]".contains(&b);
        if !rest.bytes().all(allowed) {
            return Err(refuse());
        }
        let (authority, path) = rest
            .find('/')
            .and_then(|at| rest.split_at_checked(at))
            .unwrap_or((rest, ""));
        let host = match crate::text::rsplit_once_ascii(authority, b':') {
            // `[::1]:8080` and `host:8080`; a bare IPv6 literal has its colons inside brackets.
            Some((host, port)) if !port.contains(']') => {
                // ASCII digits only, one at least (`parse_usize`), no more than five.
                let port_ok = port.len() <= 5
                    && crate::num::parse_usize(port).is_some_and(|p| p > 0 && p <= 65_535);
                if !port_ok {
                    return Err(refuse());
                }
                host
            }
            _ => authority,
        };
        let host_ok = if let Some(inner) = host.strip_prefix('[') {
            inner.strip_suffix(']').is_some_and(|ip| {
                !ip.is_empty()
                    && ip
                        .bytes()
                        .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
            })
        } else {
            !host.is_empty()
                && host
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        };
        if !host_ok {
            return Err(refuse());
        }
        let mut path = path;
        while let Some(shorter) = path.strip_suffix('/') {
            path = shorter;
        }
        if path
            .split('/')
            .any(|segment| segment == "." || segment == "..")
        {
            return Err(refuse());
        }
        let mut url = scheme;
        url.push_str("://");
        url.push_str(&authority.to_ascii_lowercase());
        url.push_str(path);
        Ok(BaseUrl(url))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for BaseUrl {
    fn default() -> Self {
        BaseUrl(String::from(DEFAULT_BASE_URL))
    }
}

/// The longest timeout: the most `setTimeout` can wait (beyond it, it fires at once).
pub const MAX_TIMEOUT_MS: u32 = 2_147_483_647;

/// The timeout when the config names none.
pub const DEFAULT_TIMEOUT_MS: u32 = 30_000;

/// A config as the caller gave it, before it is checked (the JavaScript `ClientConfig`).
#[derive(Debug, Clone, Copy, Default)]
pub struct ConfigInput<'a> {
    pub token: &'a str,
    pub base_url: Option<&'a str>,
    /// A JavaScript number: must be a whole number of milliseconds in `1..=MAX_TIMEOUT_MS`.
    pub timeout_ms: Option<f64>,
    pub locale: Locale,
}

/// Everything a call needs besides its arguments. `Debug` never shows the token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientConfig {
    pub token: Token,
    pub base_url: BaseUrl,
    pub timeout_ms: u32,
    pub locale: Locale,
}

impl ClientConfig {
    /// A config with the default base URL, timeout and locale.
    pub fn new(token: Token) -> ClientConfig {
        ClientConfig {
            token,
            base_url: BaseUrl::default(),
            timeout_ms: DEFAULT_TIMEOUT_MS,
            locale: Locale::En,
        }
    }

    /// Checks every part of `input`; all problems at once, as `invalid_input` in its locale.
    pub fn parse(input: &ConfigInput<'_>) -> Result<ClientConfig, ApiError> {
        let mut issues = Vec::new();
        let token = Token::parse(input.token).map_err(|i| issues.push(i)).ok();
        let base_url = match input.base_url {
            None => Some(BaseUrl::default()),
            Some(raw) => BaseUrl::parse(raw).map_err(|i| issues.push(i)).ok(),
        };
        let timeout_ms = match input.timeout_ms {
            None => Some(DEFAULT_TIMEOUT_MS),
            Some(ms) => timeout_from(ms).or_else(|| {
                issues.push(Issue::new("timeoutMs", Code::Format));
                None
            }),
        };
        match (token, base_url, timeout_ms) {
            (Some(token), Some(base_url), Some(timeout_ms)) if issues.is_empty() => {
                Ok(ClientConfig {
                    token,
                    base_url,
                    timeout_ms,
                    locale: input.locale,
                })
            }
            _ => Err(invalid(issues, input.locale)),
        }
    }
}

fn timeout_from(ms: f64) -> Option<u32> {
    let whole = ms.is_finite() && ms.fract() == 0.0 && ms >= 1.0 && ms <= f64::from(MAX_TIMEOUT_MS);
    // In range and whole, so the conversion is exact.
    whole.then_some(ms as u32)
}

/// `issues` as an `invalid_input` error in `locale`.
pub(crate) fn invalid(issues: Vec<Issue>, locale: Locale) -> ApiError {
    let errors: Vec<FieldError> = issues.into_iter().map(|i| i.render(locale)).collect();
    ApiError::invalid_input(errors, locale)
}
