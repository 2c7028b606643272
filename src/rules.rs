//! The one table of rules: every field, its limits and presence per request, and the enumerations.

use crate::model::Currency;

/// What a field must be, once present and not null.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A string of at most `max` code points.
    Text { max: usize },
    /// A string that passes the email check, of at most `max` code points.
    Email { max: usize },
    /// One of [`Currency::ALL`], spelled exactly.
    Currency,
    /// An assigned ISO 3166-1 alpha-2 code in upper case.
    Country,
    /// An object (a PHP array) whose members have rules of their own.
    Object,
}

/// How a field may appear in one kind of request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// Must be present, not null, not empty (`required`).
    Required,
    /// May be absent; when present it must not be null (`sometimes|required`).
    NotNull,
    /// May be absent or null (`nullable`).
    Nullable,
    /// Must be absent (`prohibited`): it cannot change, and even `null` is refused.
    Immutable,
}

/// One field of a request body.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The server's dotted path, e.g. `address.postal_code`.
    pub path: &'static str,
    pub kind: Kind,
    pub create: Presence,
    pub update: Presence,
}

const ADDRESS_LINE: Kind = Kind::Text { max: 255 };

/// Every field the API knows, in the order the server checks them. Parents come before children.
pub const FIELDS: &[Field] = &[
    Field {
        path: "name",
        kind: Kind::Text { max: 100 },
        create: Presence::Required,
        update: Presence::NotNull,
    },
    Field {
        path: "email",
        kind: Kind::Email { max: 150 },
        create: Presence::Required,
        update: Presence::NotNull,
    },
    Field {
        path: "phone",
        kind: Kind::Text { max: 50 },
        create: Presence::Nullable,
        update: Presence::Nullable,
    },
    Field {
        path: "description",
        kind: Kind::Text { max: 200 },
        create: Presence::Nullable,
        update: Presence::Nullable,
    },
    Field {
        path: "currency",
        kind: Kind::Currency,
        create: Presence::Nullable,
        update: Presence::Immutable,
    },
    Field {
        path: "address",
        kind: Kind::Object,
        create: Presence::Nullable,
        update: Presence::Nullable,
    },
    Field {
        path: "address.country",
        kind: Kind::Country,
        create: Presence::Nullable,
        update: Presence::Nullable,
    },
    Field {
        path: "address.line1",
        kind: ADDRESS_LINE,
        create: Presence::Nullable,
        update: Presence::Nullable,
    },
    Field {
        path: "address.line2",
        kind: ADDRESS_LINE,
        create: Presence::Nullable,
        update: Presence::Nullable,
    },
    Field {
        path: "address.city",
        kind: ADDRESS_LINE,
        create: Presence::Nullable,
        update: Presence::Nullable,
    },
    Field {
        path: "address.state",
        kind: ADDRESS_LINE,
        create: Presence::Nullable,
        update: Presence::Nullable,
    },
    Field {
        path: "address.postal_code",
        kind: ADDRESS_LINE,
        create: Presence::Nullable,
        update: Presence::Nullable,
    },
];

/// Which request a body is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestKind {
    Create,
    Update,
}

impl Kind {
    /// The kind's name where the table is handed to JavaScript as data (the package's
    /// `rules-data.js`, the walker's vouching), and its limit in code points, if it has one.
    pub fn name_and_max(self) -> (&'static str, Option<usize>) {
        match self {
            Kind::Text { max } => ("text", Some(max)),
            Kind::Email { max } => ("email", Some(max)),
            Kind::Currency => ("currency", None),
            Kind::Country => ("country", None),
            Kind::Object => ("object", None),
        }
    }
}

impl Presence {
    /// The presence's name where the table is handed to JavaScript as data.
    pub fn name(self) -> &'static str {
        match self {
            Presence::Required => "required",
            Presence::NotNull => "not_null",
            Presence::Nullable => "nullable",
            Presence::Immutable => "immutable",
        }
    }
}

impl Field {
    /// This field's presence rule in `request`.
    pub fn presence(&self, request: RequestKind) -> Presence {
        match request {
            RequestKind::Create => self.create,
            RequestKind::Update => self.update,
        }
    }

    /// The code-point limit, for fields that have one.
    pub fn max(&self) -> Option<usize> {
        match self.kind {
            Kind::Text { max } | Kind::Email { max } => Some(max),
            _ => None,
        }
    }

    /// The parent object's path and this field's key in it (`("address", "city")`), or `None` at the top.
    pub fn parent(&self) -> Option<(&'static str, &'static str)> {
        // A byte scan, not `split_once`: validation asks this dozens of times per body.
        let dot = self.path.bytes().position(|b| b == b'.')?;
        Some((self.path.get(..dot)?, self.path.get(dot + 1..)?))
    }
}

/// The rule for `path`, if the API knows it.
pub fn field(path: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.path == path)
}

/// Every limit, by path: what the form's counters show.
pub fn limits() -> impl Iterator<Item = (&'static str, usize)> {
    FIELDS.iter().filter_map(|f| f.max().map(|m| (f.path, m)))
}

/// The currencies the API accepts, as sent.
pub fn currencies() -> &'static [Currency] {
    &Currency::ALL
}
