//! The server's wording: Laravel's default English validation messages, written and read back.
//!
//! The stand-in API answers a 422 with [`server_message`]; the client turns each message it
//! receives back into a finding with [`issue_from_server`], so server errors land on the same
//! paths with the same codes as local ones. Both Laravel 8 wording ("The name must be a
//! string.") and Laravel 10+ wording ("The name field must be a string.") are understood.

use crate::error::{Code, Issue, ParamValue};
use crate::rules::{self, Kind};

/// The attribute as Laravel's messages name it: `address.postal_code` → `address.postal code`.
fn attribute(path: &str) -> String {
    path.replace('_', " ")
}

fn sentence(parts: &[&str]) -> String {
    parts.concat()
}

/// The message Laravel's validator (10+, English) gives for `issue`.
pub fn server_message(issue: &Issue) -> String {
    let a = attribute(&issue.path);
    match issue.code {
        Code::Required => sentence(&["The ", &a, " field is required."]),
        Code::Type => match issue.param("expected") {
            Some(ParamValue::Text(t)) if t == "object" => {
                sentence(&["The ", &a, " field must be an array."])
            }
            _ => sentence(&["The ", &a, " field must be a string."]),
        },
        Code::Email => sentence(&["The ", &a, " field must be a valid email address."]),
        Code::TooLong => {
            let max = match issue.param("max") {
                Some(ParamValue::Num(n)) => crate::num::usize_text(*n),
                _ => String::from("?"),
            };
            sentence(&[
                "The ",
                &a,
                " field must not be greater than ",
                &max,
                " characters.",
            ])
        }
        Code::Currency | Code::Country => sentence(&["The selected ", &a, " is invalid."]),
        Code::Immutable => sentence(&["The ", &a, " field is prohibited."]),
        Code::UnknownField => sentence(&["The ", &a, " field is not allowed."]),
        Code::Server => match issue.param("message") {
            Some(ParamValue::Text(t)) => t.clone(),
            _ => sentence(&["The ", &a, " field is invalid."]),
        },
        Code::Format | Code::EmailSuggestion | Code::EmailDotlessDomain | Code::EmailUnusual => {
            sentence(&["The ", &a, " field is invalid."])
        }
    }
}

/// The number in "… greater than 100 characters."
fn max_of(message: &str) -> Option<usize> {
    let (_, rest) = crate::text::split_once(message, " greater than ")?;
    // Digits only, one at least: `parse_usize` refuses anything else.
    crate::num::parse_usize(rest.strip_suffix(" characters.")?)
}

/// What a server `message` on `path` stands for: the local code and params where the wording is
/// recognisable, else code `server` with the server's text as param `message`.
pub fn issue_from_server(path: &str, message: &str) -> Issue {
    let server = || Issue::new(path, Code::Server).text("message", message);
    let prohibited = message.ends_with(" field is prohibited.")
        || message.ends_with(" is not allowed.")
        || message.ends_with(" is not permitted.");
    let Some(field) = rules::field(path) else {
        // A key the API does not know can only be refused as unknown; any other complaint about
        // it is a rule this library does not have, best shown in the server's words.
        return if prohibited && !path.is_empty() {
            let key = crate::text::rsplit_once_ascii(path, b'.').map_or(path, |(_, key)| key);
            Issue::new(path, Code::UnknownField).text("field", key)
        } else {
            server()
        };
    };
    if message.ends_with(" field is required.") {
        Issue::new(path, Code::Required)
    } else if message.ends_with(" must be a string.") {
        Issue::new(path, Code::Type).text("expected", "string")
    } else if message.ends_with(" must be an array.") {
        Issue::new(path, Code::Type).text("expected", "object")
    } else if message.ends_with(" must be a valid email address.") {
        Issue::new(path, Code::Email)
    } else if crate::text::find(message, " not be greater than ").is_some()
        && message.ends_with(" characters.")
    {
        match max_of(message).or_else(|| field.max()) {
            Some(max) => Issue::new(path, Code::TooLong).num("max", max),
            None => server(),
        }
    } else if message.starts_with("The selected ") && message.ends_with(" is invalid.") {
        match field.kind {
            Kind::Currency => {
                Issue::new(path, Code::Currency).text("allowed", crate::validate::currency_list())
            }
            Kind::Country => Issue::new(path, Code::Country),
            _ => server(),
        }
    } else if message.ends_with(" field is prohibited.") {
        Issue::new(path, Code::Immutable)
    } else {
        server()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(path: &str, message: &str) -> &'static str {
        issue_from_server(path, message).code.as_str()
    }

    #[test]
    fn reads_laravel_8_and_10_wording() {
        for (path, message, expected) in [
            ("name", "The name field is required.", "required"),
            ("name", "The name must be a string.", "type"),
            ("name", "The name field must be a string.", "type"),
            ("address", "The address must be an array.", "type"),
            ("address", "The address field must be an array.", "type"),
            ("email", "The email must be a valid email address.", "email"),
            (
                "email",
                "The email field must be a valid email address.",
                "email",
            ),
            (
                "name",
                "The name must not be greater than 100 characters.",
                "too_long",
            ),
            (
                "name",
                "The name may not be greater than 100 characters.",
                "too_long",
            ),
            (
                "address.postal_code",
                "The address.postal code field must not be greater than 255 characters.",
                "too_long",
            ),
            ("currency", "The selected currency is invalid.", "currency"),
            (
                "address.country",
                "The selected address.country is invalid.",
                "country",
            ),
            ("currency", "The currency field is prohibited.", "immutable"),
            (
                "postalCode",
                "The postal code field is not allowed.",
                "unknown_field",
            ),
            (
                "address.zip",
                "The address.zip field is prohibited.",
                "unknown_field",
            ),
            ("name", "That name is already taken.", "server"),
            ("tax_id", "The tax id field is required.", "server"),
            ("", "The given data was invalid.", "server"),
            ("phone", "The selected phone is invalid.", "server"),
        ] {
            assert_eq!(code(path, message), expected, "{path}: {message}");
        }
        let long = issue_from_server(
            "name",
            "The name field must not be greater than 100 characters.",
        );
        assert_eq!(long.param("max"), Some(&ParamValue::Num(100)));
        let odd = issue_from_server(
            "phone",
            "The phone must not be greater than many characters.",
        );
        assert_eq!(odd.param("max"), Some(&ParamValue::Num(50)));
        let unknown = issue_from_server("address.zip", "The address.zip field is prohibited.");
        assert_eq!(
            unknown.param("field"),
            Some(&ParamValue::Text("zip".into()))
        );
        let other = issue_from_server("name", "That name is already taken.");
        assert_eq!(
            other.param("message"),
            Some(&ParamValue::Text("That name is already taken.".into()))
        );
    }

    #[test]
    fn every_message_written_reads_back_as_its_issue() {
        let issues = [
            Issue::new("name", Code::Required),
            Issue::new("phone", Code::Type).text("expected", "string"),
            Issue::new("address", Code::Type).text("expected", "object"),
            Issue::new("email", Code::Email),
            Issue::new("address.postal_code", Code::TooLong).num("max", 255),
            Issue::new("currency", Code::Currency)
                .text("allowed", crate::validate::currency_list()),
            Issue::new("address.country", Code::Country),
            Issue::new("currency", Code::Immutable),
            Issue::new("postalCode", Code::UnknownField).text("field", "postalCode"),
            Issue::new("address.zip", Code::UnknownField).text("field", "zip"),
            Issue::new("name", Code::Server).text("message", "Taken."),
        ];
        for issue in issues {
            let text = server_message(&issue);
            assert_eq!(issue_from_server(&issue.path, &text), issue, "{text}");
        }
        assert_eq!(
            server_message(
                &Issue::new("address.postal_code", Code::TooLong)
                    .num("max", 255)
                    .num("length", 300)
            ),
            "The address.postal code field must not be greater than 255 characters."
        );
    }
}
