//! Validates a create body (a file given as the argument, or a sample) and prints what a form would show.

use billing_account_form::{validate_create, Locale, Value};

const SAMPLE: &str = r#"{
  "name": "  ACME Corp (EU)  ",
  "email": "billing-eu@gmial.com",
  "phone": "+442071234567",
  "currency": "EUR",
  "address": { "country": "de", "postalCode": "10115" }
}"#;

fn main() {
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(path).unwrap_or_else(|e| {
            eprintln!("cannot read the body: {e}");
            std::process::exit(2)
        }),
        None => SAMPLE.to_string(),
    };
    let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| {
        eprintln!("not JSON: {e}");
        std::process::exit(2)
    });
    println!("body:\n{text}\n");
    for locale in Locale::ALL {
        let result = validate_create(&Value::from(&json), locale);
        println!(
            "[{}] {}",
            locale.as_str(),
            serde_json::to_string_pretty(&result).unwrap_or_default()
        );
    }
}
