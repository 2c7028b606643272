//! The typed requests and responses, in the API's wire format (snake_case).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A currency the API accepts. The server is case-sensitive: only these spellings.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Currency {
    Usd,
    Zar,
    Eur,
    Gbp,
    Aud,
}

impl Currency {
    /// Every currency, in the API documentation's order.
    pub const ALL: [Currency; 5] = [
        Currency::Usd,
        Currency::Zar,
        Currency::Eur,
        Currency::Gbp,
        Currency::Aud,
    ];

    /// The wire spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Currency::Usd => "usd",
            Currency::Zar => "zar",
            Currency::Eur => "eur",
            Currency::Gbp => "gbp",
            Currency::Aud => "aud",
        }
    }

    /// The currency spelled exactly `s`.
    pub fn parse(s: &str) -> Option<Currency> {
        Currency::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// A postal address. Every part is optional.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line1: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line2: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
}

/// A valid create body, normalized as the server would see it.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateBillingAccountRequest {
    pub name: String,
    pub email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Absent lets the server pick a default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
}

/// One field of an update: left as it is, cleared, or set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Patch<T> {
    #[default]
    Absent,
    Null,
    Value(T),
}

impl<T> Patch<T> {
    pub fn is_absent(&self) -> bool {
        matches!(self, Patch::Absent)
    }
}

impl<T: Serialize> Serialize for Patch<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Patch::Value(v) => v.serialize(s),
            // Absent is skipped by the container; reaching here means null was meant.
            Patch::Null | Patch::Absent => s.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Patch<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match Option::<T>::deserialize(d)? {
            Some(v) => Patch::Value(v),
            None => Patch::Null,
        })
    }
}

/// A valid update body: only what changes. It has no currency, which cannot change.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateBillingAccountRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "string | null"))]
    pub phone: Patch<String>,
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "string | null"))]
    pub description: Patch<String>,
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "Address | null"))]
    pub address: Patch<Address>,
}

/// A billing account as the API returns it.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillingAccount {
    pub id: String,
    pub workspace_id: String,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub description: Option<String>,
    pub currency: Currency,
    pub address: Option<Address>,
    pub created_at: String,
    pub updated_at: String,
}

/// One page of a workspace's billing accounts.
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillingAccountList {
    pub data: Vec<BillingAccount>,
    pub has_more: bool,
}
