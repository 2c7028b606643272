//! Walks an untyped body as the server walks its array: every field checked, nothing coerced.

use crate::advice;
use crate::country;
use crate::error::{Code, FieldError, Issue, Validation};
use crate::i18n::Locale;
use crate::model::{
    Address, CreateBillingAccountRequest, Currency, Patch, UpdateBillingAccountRequest,
};
use crate::results::ToJson;
use crate::rules::{self, Field, Kind, Presence, RequestKind, FIELDS};
use crate::text;
use crate::value::Value;

/// The keys allowed directly in the object at `parent` ("" for the body itself).
fn known_keys(parent: &str) -> Vec<&'static str> {
    FIELDS
        .iter()
        .filter_map(|f| match f.parent() {
            Some((p, key)) if p == parent => Some(key),
            None if parent.is_empty() => Some(f.path),
            _ => None,
        })
        .collect()
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        return String::from(key);
    }
    let mut path = String::with_capacity(parent.len() + 1 + key.len());
    path.push_str(parent);
    path.push('.');
    path.push_str(key);
    path
}

/// How many `unknown_field` errors an object gets one by one; past it, one more error at the
/// object's path says how many more there are (`params.more`). An object with a million unknown
/// keys is refused either way; listing each made a result of a hundred megabytes.
pub const MAX_UNKNOWN_LISTED: usize = 20;

/// `unknown_field` for each key of `object` (at `parent`) that the API does not know: the first
/// [`MAX_UNKNOWN_LISTED`], then one that counts the rest.
fn unknown_keys(parent: &str, object: &Value, out: &mut Vec<Issue>) {
    // Most objects have no unknown key: look before building anything.
    if let Value::Object(members) = object {
        // The clean check's comparison: lengths first, no search for the path's dot.
        let known = |k: &str| FIELDS.iter().any(|f| crate::scan::is_at(f, parent, k));
        if members.iter().all(|(k, _)| known(k)) {
            return;
        }
    }
    let known = known_keys(parent);
    let mut listed = 0;
    let mut more = 0;
    for key in object.keys() {
        if known.contains(&key.as_ref()) {
            continue;
        }
        if listed == MAX_UNKNOWN_LISTED {
            more += 1;
            continue;
        }
        listed += 1;
        let mut issue =
            Issue::new(join(parent, &key), Code::UnknownField).text("field", key.as_ref());
        // A nested field written at the top, e.g. `country` for `address.country`, is suggested in full.
        let nested = || {
            FIELDS
                .iter()
                .filter(|_| parent.is_empty())
                .find(|f| {
                    f.parent()
                        .is_some_and(|(_, k)| advice::likely_key(&key, &[k]).is_some())
                })
                .map(|f| String::from(f.path))
        };
        let suggestion = advice::likely_key(&key, &known)
            .map(|k| join(parent, k))
            .or_else(nested);
        if let Some(s) = suggestion {
            issue = issue.text("suggestion", s);
        }
        out.push(issue);
    }
    more += object.skipped();
    if more > 0 {
        out.push(Issue::new(parent, Code::UnknownField).num("more", more));
    }
}

/// The first rule `value` (already normalized; `None` when absent) breaks, as the server orders them.
pub fn check(field: &Field, request: RequestKind, value: Option<&Value>) -> Option<Issue> {
    let presence = field.presence(request);
    let Some(value) = value else {
        return (presence == Presence::Required).then(|| Issue::new(field.path, Code::Required));
    };
    let missing = matches!(value, Value::Null) || value.is_empty_container();
    match presence {
        // Present at all, even as null, is refused (`prohibited` runs on every present value).
        Presence::Immutable => return Some(Issue::new(field.path, Code::Immutable)),
        Presence::Required | Presence::NotNull if missing => {
            return Some(Issue::new(field.path, Code::Required))
        }
        Presence::Nullable if matches!(value, Value::Null) => return None,
        _ => {}
    }
    check_kind(field, value)
}

fn type_error(field: &Field, expected: &'static str) -> Option<Issue> {
    Some(Issue::new(field.path, Code::Type).text("expected", expected))
}

fn check_kind(field: &Field, value: &Value) -> Option<Issue> {
    if field.kind == Kind::Object {
        return if value.is_container() {
            None
        } else {
            type_error(field, "object")
        };
    }
    // A string longer than any limit comes as its length alone (never an email's, see
    // `Value::Long`): no code or name is that long, so the checks below see it as "".
    let (s, long) = match value {
        Value::String(s) => (s.as_str(), None),
        Value::Long(length) => ("", Some(*length)),
        _ => return type_error(field, "string"),
    };
    match field.kind {
        Kind::Email { .. } if long.is_none() && !crate::email::is_valid(s) => {
            Some(Issue::new(field.path, Code::Email))
        }
        Kind::Text { max } | Kind::Email { max } => {
            let length = long.unwrap_or_else(|| text::char_count(s));
            (length > max).then(|| {
                Issue::new(field.path, Code::TooLong)
                    .num("max", max)
                    .num("length", length)
            })
        }
        Kind::Currency if Currency::parse(s).is_none() => {
            let mut issue = Issue::new(field.path, Code::Currency).text("allowed", currency_list());
            if let Some(c) = Currency::parse(&s.to_ascii_lowercase()) {
                issue = issue.text("suggestion", c.as_str());
            }
            Some(issue)
        }
        Kind::Country if !country::is_country(s) => {
            let mut issue = Issue::new(field.path, Code::Country);
            let upper = s.to_ascii_uppercase();
            if country::is_country(&upper) {
                issue = issue.text("suggestion", upper);
            }
            Some(issue)
        }
        _ => None,
    }
}

pub(crate) fn currency_list() -> String {
    let mut out = String::new();
    for (i, c) in rules::currencies().iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(c.as_str());
    }
    out
}

/// The value at `field`'s path in a normalized body; `None` when absent (or under a non-object).
fn lookup<'a>(body: &'a Value, field: &Field) -> Option<&'a Value> {
    match field.parent() {
        None => body.get(field.path),
        Some((parent, key)) => body
            .get(parent)
            .filter(|p| p.is_container())
            .and_then(|p| p.get(key)),
    }
}

/// Every finding on a body: errors and warnings, plus the body as the server sees it.
struct Findings {
    body: Value,
    errors: Vec<Issue>,
    warnings: Vec<Issue>,
}

fn inspect(request: RequestKind, input: &Value) -> Findings {
    // Only a container is normalized (copied); `null` is an empty body, anything else is refused.
    let body = match input {
        v if v.is_container() => v.normalized(),
        Value::Null => Value::Null,
        _ => Value::Unsupported,
    };
    inspect_body(request, body, true, 0)
}

/// The findings on `body`, already normalized unless it is not a container (then it is refused).
/// The fields with their bit set in `clean` (the table's order) are known to have none, and are
/// not looked at (see [`crate::scan::sparse_body`]).
fn inspect_body(request: RequestKind, body: Value, with_warnings: bool, clean: u64) -> Findings {
    let body = match body {
        // `null` is an empty body to the server; anything else that is not an object cannot be one.
        Value::Null => Value::Object(Vec::new()),
        v if v.is_container() => v,
        _ => {
            let issue = Issue::new("", Code::Type).text("expected", "object");
            return Findings {
                body: Value::Null,
                errors: vec![issue],
                warnings: Vec::new(),
            };
        }
    };
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    for (i, field) in FIELDS.iter().enumerate() {
        if (clean >> i) & 1 != 0 {
            continue;
        }
        let value = lookup(&body, field);
        match check(field, request, value) {
            Some(issue) => errors.push(issue),
            None if with_warnings => warnings.extend(advise(field, value)),
            None => {}
        }
    }
    unknown_keys("", &body, &mut errors);
    for field in FIELDS.iter().filter(|f| f.kind == Kind::Object) {
        if let Some(object) = body.get(field.path).filter(|v| v.is_container()) {
            unknown_keys(field.path, object, &mut errors);
        }
    }
    Findings {
        body,
        errors,
        warnings,
    }
}

/// Advisories for a field that passed.
fn advise(field: &Field, value: Option<&Value>) -> Vec<Issue> {
    match (field.kind, value) {
        (Kind::Email { .. }, Some(Value::String(s))) => advice::email_warnings(field.path, s),
        _ => Vec::new(),
    }
}

fn render(issues: Vec<Issue>, locale: Locale) -> Vec<FieldError> {
    issues.into_iter().map(|i| i.render(locale)).collect()
}

fn string_at(body: &Value, path: &str) -> Option<String> {
    let field = rules::field(path)?;
    match lookup(body, field) {
        Some(Value::String(s)) => Some(s.clone()),
        _ => None,
    }
}

fn patch_at(body: &Value, path: &str) -> Patch<String> {
    let Some(field) = rules::field(path) else {
        return Patch::Absent;
    };
    match lookup(body, field) {
        None => Patch::Absent,
        Some(Value::String(s)) => Patch::Value(s.clone()),
        Some(_) => Patch::Null,
    }
}

fn address_of(body: &Value) -> Patch<Address> {
    match body.get("address") {
        None => Patch::Absent,
        Some(v) if v.is_container() => Patch::Value(Address {
            country: string_at(body, "address.country"),
            line1: string_at(body, "address.line1"),
            line2: string_at(body, "address.line2"),
            city: string_at(body, "address.city"),
            state: string_at(body, "address.state"),
            postal_code: string_at(body, "address.postal_code"),
        }),
        Some(_) => Patch::Null,
    }
}

fn finish<T>(findings: Findings, locale: Locale, build: impl FnOnce(&Value) -> T) -> Validation<T> {
    let warnings = render(findings.warnings, locale);
    if findings.errors.is_empty() {
        Validation::Valid {
            value: build(&findings.body),
            warnings,
        }
    } else {
        Validation::Invalid {
            errors: render(findings.errors, locale),
            warnings,
        }
    }
}

/// Validates a create body; when valid, the value is the request as the server will read it.
pub fn validate_create(input: &Value, locale: Locale) -> Validation<CreateBillingAccountRequest> {
    finish(inspect(RequestKind::Create, input), locale, |body| {
        CreateBillingAccountRequest {
            name: string_at(body, "name").unwrap_or_default(),
            email: string_at(body, "email").unwrap_or_default(),
            phone: string_at(body, "phone"),
            description: string_at(body, "description"),
            currency: string_at(body, "currency")
                .as_deref()
                .and_then(Currency::parse),
            address: match address_of(body) {
                Patch::Value(a) => Some(a),
                Patch::Absent | Patch::Null => None,
            },
        }
    })
}

/// [`issues_of`] of a body as [`crate::scan::sparse_item`] read it from an import's text: the
/// errors of the members left, checked field by field over the table as the exact path does.
pub fn sparse_issues(request: RequestKind, sparse: crate::scan::Sparse) -> Vec<Issue> {
    if sparse.is_clean(request) {
        return Vec::new();
    }
    inspect_body(request, sparse.body.into_normalized(), false, sparse.clean).errors
}

/// The errors alone of a body the caller gives up (no warnings, no normalized value): what an
/// import of many bodies needs, without copying each one.
pub fn errors_of(request: RequestKind, input: Value, locale: Locale) -> Vec<FieldError> {
    render(issues_of(request, input), locale)
}

/// [`errors_of`] before their messages are rendered (the wasm shell's JavaScript renders them).
pub fn issues_of(request: RequestKind, input: Value) -> Vec<Issue> {
    let body = if input.is_container() {
        input.into_normalized()
    } else {
        input
    };
    inspect_body(request, body, false, 0).errors
}

/// [`validate_create`] or [`validate_update`] of `input`, as the JSON text their results
/// serialize to, written from the normalized body by walking the table: what the wasm shell
/// hands to JavaScript, without building the typed request only to write it out again.
pub fn validation_text(request: RequestKind, input: &Value, locale: Locale) -> String {
    let findings = inspect(request, input);
    let mut out = String::with_capacity(256);
    let warnings = render(findings.warnings, locale);
    if findings.errors.is_empty() {
        out.push_str("{\"ok\":true,\"value\":");
        write_value(&mut out, request, &findings.body, "");
    } else {
        out.push_str("{\"ok\":false,\"errors\":");
        render(findings.errors, locale)
            .as_slice()
            .write_json(&mut out);
    }
    out.push_str(",\"warnings\":");
    warnings.as_slice().write_json(&mut out);
    out.push('}');
    out
}

/// [`validation_text`] of a body the caller gives up (normalized in place, not copied), written
/// for the wasm shell's JavaScript as [`crate::results::write_issues`] writes findings: the
/// value's JSON text (valid) or the errors (refused), then the warnings.
pub fn validation_compact(request: RequestKind, input: Value, locale: Locale) -> String {
    let body = match input {
        v if v.is_container() => v.into_normalized(),
        Value::Null => Value::Null,
        _ => Value::Unsupported,
    };
    compact(request, inspect_body(request, body, true, 0), locale).1
}

/// [`validation_compact`] of a body as [`crate::scan::sparse_body`] read it from the body's text:
/// the same errors and warnings, from only the members the clean check could not pass; for a
/// valid body, the value of those members alone (normalized, in the table's order), which the
/// wasm shell completes with the clean ones it read (see `read.rs`: `merged`). With whether the
/// body is valid.
pub fn sparse_compact(
    request: RequestKind,
    sparse: crate::scan::Sparse,
    locale: Locale,
) -> (bool, String) {
    let findings = inspect_body(request, sparse.body.into_normalized(), true, sparse.clean);
    compact(request, findings, locale)
}

/// `findings` written for the wasm shell's JavaScript: the value's JSON text (valid) or the
/// errors (refused, as [`crate::results::write_issues`] writes them), then the warnings; with
/// whether the body is valid.
fn compact(request: RequestKind, findings: Findings, locale: Locale) -> (bool, String) {
    let valid = findings.errors.is_empty();
    let mut out = String::with_capacity(256);
    if valid {
        write_value(&mut out, request, &findings.body, "");
    } else {
        crate::results::write_issues(&mut out, findings.errors.iter(), locale);
    }
    crate::results::write_issues(&mut out, findings.warnings.iter(), locale);
    (valid, out)
}

/// The valid request at `parent` (`""`: the body) as its typed value serializes: the fields in
/// the table's order, strings as they are; a `null` kept only in an update (it clears the field;
/// a create leaves it out), an object written with its own fields.
fn write_value(out: &mut String, request: RequestKind, body: &Value, parent: &str) {
    out.push('{');
    let mut first = true;
    for field in FIELDS {
        if field.parent().map_or("", |(p, _)| p) != parent {
            continue;
        }
        let key = field.parent().map_or(field.path, |(_, k)| k);
        let Some(value) = body.get(key) else { continue };
        let object = field.kind == Kind::Object && value.is_container();
        let null = request == RequestKind::Update && parent.is_empty();
        if !matches!(value, Value::String(_)) && !object && !null {
            continue;
        }
        if !first {
            out.push(',');
        }
        first = false;
        crate::api::json::write_string(out, key);
        out.push(':');
        match value {
            Value::String(s) => crate::api::json::write_string(out, s),
            v if object => write_value(out, request, v, field.path),
            _ => out.push_str("null"),
        }
    }
    out.push('}');
}

/// Validates an update body: absent leaves a field as it is, `null` clears it (where it may be cleared).
pub fn validate_update(input: &Value, locale: Locale) -> Validation<UpdateBillingAccountRequest> {
    finish(inspect(RequestKind::Update, input), locale, |body| {
        UpdateBillingAccountRequest {
            name: string_at(body, "name"),
            email: string_at(body, "email"),
            phone: patch_at(body, "phone"),
            description: patch_at(body, "description"),
            address: address_of(body),
        }
    })
}

/// Errors and warnings for one field's value as typed (`None`: absent), for live feedback.
///
/// An object value at an object path (`address`) is checked with its members.
pub fn validate_field(
    request: RequestKind,
    path: &str,
    value: Option<&Value>,
    locale: Locale,
) -> Vec<FieldError> {
    let Some(field) = rules::field(path) else {
        let key = path
            .bytes()
            .rposition(|b| b == b'.')
            .and_then(|at| path.get(at + 1..))
            .unwrap_or(path);
        return vec![Issue::new(path, Code::UnknownField)
            .text("field", key)
            .render(locale)];
    };
    let normalized = value.map(Value::normalized);
    let mut issues = Vec::new();
    match check(field, request, normalized.as_ref()) {
        Some(issue) => issues.push(issue),
        None => issues.extend(advise(field, normalized.as_ref())),
    }
    if let (Kind::Object, Some(object)) =
        (field.kind, normalized.as_ref().filter(|v| v.is_container()))
    {
        for child in FIELDS
            .iter()
            .filter(|f| f.parent().is_some_and(|(p, _)| p == path))
        {
            let key = child.parent().map_or("", |(_, k)| k);
            issues.extend(check(child, request, object.get(key)));
        }
        unknown_keys(path, object, &mut issues);
    }
    render(issues, locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_string_sent_as_its_length_breaks_the_rule_its_text_would() {
        let body = Value::Object(vec![
            ("name".into(), Value::Long(600)),
            ("email".into(), Value::String("a@b.co".into())),
            ("currency".into(), Value::Long(513)),
            (
                "address".into(),
                Value::Object(vec![("country".into(), Value::Long(513))]),
            ),
        ]);
        let errors = errors_of(RequestKind::Create, body, Locale::En);
        let summary: Vec<String> = errors
            .iter()
            .map(|e| format!("{}:{}", e.path(), e.code().as_str()))
            .collect();
        assert_eq!(
            summary,
            [
                "name:too_long",
                "currency:currency",
                "address.country:country"
            ]
        );
        assert_eq!(
            errors.first().and_then(|e| e.issue.param("length")),
            Some(&crate::error::ParamValue::Num(600))
        );
        // Every limit is below what the shell sends as a length (over 1024 UTF-16 units: more
        // than 512 code points), so a length alone always breaks it.
        for field in FIELDS {
            if let Kind::Text { max } | Kind::Email { max } = field.kind {
                assert!(max <= 512, "{}", field.path);
            }
        }
    }

    #[test]
    fn unknown_keys_are_listed_up_to_the_cap_then_counted() {
        let mut members = vec![
            ("name".to_string(), Value::String("Acme".into())),
            ("email".to_string(), Value::String("a@b.co".into())),
        ];
        for i in 0..1000 {
            members.push((format!("k{i}"), Value::Number(1.0)));
        }
        let address = (0..30)
            .map(|i| (format!("a{i}"), Value::Null))
            .chain([("country".to_string(), Value::String("DE".into()))])
            .collect();
        members.push(("address".to_string(), Value::Object(address)));
        let errors = errors_of(RequestKind::Create, Value::Object(members), Locale::En);
        let summary: Vec<String> = errors
            .iter()
            .map(|e| format!("{}:{}", e.path(), e.code().as_str()))
            .collect();
        assert_eq!(errors.len(), 2 * (MAX_UNKNOWN_LISTED + 1));
        assert_eq!(
            summary.get(MAX_UNKNOWN_LISTED).map(String::as_str),
            Some(":unknown_field")
        );
        assert_eq!(
            summary.last().map(String::as_str),
            Some("address:unknown_field")
        );
        let counts: Vec<_> = errors
            .iter()
            .filter_map(|e| e.issue.param("more"))
            .collect();
        assert_eq!(
            counts,
            [
                &crate::error::ParamValue::Num(980),
                &crate::error::ParamValue::Num(10)
            ]
        );
        assert_eq!(
            errors.get(MAX_UNKNOWN_LISTED).map(|e| e.message.as_str()),
            Some("And 980 more unknown fields.")
        );
        // Members the shell counted without reading are counted with the rest.
        let mut members: Vec<(String, Value)> =
            (0..30).map(|i| (format!("k{i}"), Value::Null)).collect();
        members.push((String::new(), Value::Skipped(1000)));
        let errors = errors_of(RequestKind::Update, Value::Object(members), Locale::En);
        assert_eq!(
            errors.last().and_then(|e| e.issue.param("more")),
            Some(&crate::error::ParamValue::Num(1010))
        );
        assert_eq!(errors.len(), MAX_UNKNOWN_LISTED + 1);
        // At the cap exactly, no counting error.
        let members = (0..MAX_UNKNOWN_LISTED)
            .map(|i| (format!("k{i}"), Value::Null))
            .collect();
        let errors = errors_of(RequestKind::Update, Value::Object(members), Locale::En);
        assert_eq!(errors.len(), MAX_UNKNOWN_LISTED);
    }
}
