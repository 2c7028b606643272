//! The stand-in API through its socket: auth, the four calls, billing-mode limits, Laravel's 422,
//! PATCH semantics, 404s, CORS, page headers and files, persistence across restarts, faults.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // a test may fail loudly

mod common;

use std::io::{BufReader, Read, Write};
use std::time::{Duration, Instant};

use billing_account_form::api::{parse_account, ClientConfig, HttpResponse, Operation, Token};
use billing_account_form::{validate_create, Locale, Value};
use common::{read_reply, scratch, write_request, Server};
use serde_json::json;

const POOLED: &str = "/workspaces/ws_pooled/billing-accounts";

fn acme() -> serde_json::Value {
    json!({"name": "ACME Corp", "email": "billing@acme.com"})
}

fn is_timestamp(s: &str) -> bool {
    // 2025-10-29T00:40:06.000000Z
    let b = s.as_bytes();
    b.len() == 27
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 | 16 => *c == b':',
            19 => *c == b'.',
            26 => *c == b'Z',
            _ => c.is_ascii_digit(),
        })
}

// ---- auth ----

#[test]
fn every_api_call_needs_the_bearer_token() {
    let s = Server::start(&["--token", "s3cret-token"]);
    assert_eq!(s.token, "s3cret-token");
    let wrong = [
        vec![],
        vec![("Authorization", "Bearer wrong")],
        vec![("Authorization", "Bearer s3cret-toke")],
        vec![("Authorization", "Basic s3cret-token")],
        vec![("Authorization", "s3cret-token")],
    ];
    for headers in &wrong {
        for (method, path) in [
            ("GET", POOLED.to_string()),
            ("POST", POOLED.to_string()),
            ("GET", format!("{POOLED}/cus_x")),
            ("PATCH", format!("{POOLED}/cus_x")),
        ] {
            let r = s.request(method, &path, headers, Some("{}"));
            assert_eq!(r.status, 401, "{method} {path} {headers:?}");
            assert_eq!(r.json(), json!({"message": "Unauthenticated."}));
            assert_eq!(r.header("WWW-Authenticate"), Some("Bearer"));
        }
    }
    let ok = s.request(
        "GET",
        POOLED,
        &[("Authorization", "bearer s3cret-token")],
        None,
    );
    assert_eq!(ok.status, 200);
}

#[test]
fn a_random_demo_token_is_printed_when_none_is_given() {
    let a = Server::start(&[]);
    let b = Server::start(&[]);
    assert!(a.token.starts_with("demo_") && a.token.len() > 20);
    assert_ne!(a.token, b.token);
    assert!(a
        .banner
        .iter()
        .any(|l| l.contains("ws_single (single, 0 of 1)")
            && l.contains("ws_pooled (pooled, 0 of 10)")
            && l.contains("ws_assigned (assigned, 0 of 10)")));
}

// ---- the four calls ----

#[test]
fn create_get_list_and_update_with_absent_and_null_fields() {
    let s = Server::start(&[]);
    let created = s.create(
        "ws_pooled",
        json!({
            "name": "  ACME Corp (EU) ",
            "email": "billing-eu@acme.com",
            "phone": "+442071234567",
            "description": "For all European operations.",
            "currency": "eur",
            "address": {"country": "US", "line1": "123 Main Street", "postal_code": "94105"}
        }),
    );
    assert_eq!(created.status, 201);
    let a = created.json();
    let id = a["id"].as_str().unwrap().to_string();
    assert!(
        id.starts_with("cus_")
            && id.len() == 18
            && id[4..].bytes().all(|b| b.is_ascii_alphanumeric())
    );
    assert_eq!(a["workspace_id"], "ws_pooled");
    assert_eq!(
        a["name"], "ACME Corp (EU)",
        "trimmed as the server's middleware does"
    );
    assert_eq!(a["currency"], "eur");
    assert_eq!(
        a["address"],
        json!({"country": "US", "line1": "123 Main Street", "line2": null, "city": null, "state": null, "postal_code": "94105"})
    );
    assert!(
        is_timestamp(a["created_at"].as_str().unwrap()),
        "{}",
        a["created_at"]
    );
    assert_eq!(a["created_at"], a["updated_at"]);
    // Members in the reference's order.
    let text = created.text();
    let order: Vec<usize> = [
        "\"id\"",
        "\"workspace_id\"",
        "\"name\"",
        "\"email\"",
        "\"phone\"",
        "\"description\"",
        "\"currency\"",
        "\"address\"",
        "\"created_at\"",
        "\"updated_at\"",
    ]
    .iter()
    .map(|k| text.find(k).unwrap())
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{text}");

    let account = format!("{POOLED}/{id}");
    let got = s.api("GET", &account, None);
    assert_eq!(got.status, 200);
    assert_eq!(got.json(), a);

    let list = s.api("GET", POOLED, None);
    assert_eq!(list.status, 200);
    assert_eq!(list.json(), json!({"data": [a.clone()], "has_more": false}));

    std::thread::sleep(Duration::from_millis(5));
    let updated = s.api(
        "PATCH",
        &account,
        Some(&json!({"name": "ACME Corp (International)", "phone": null, "address": {"country": "GB"}})),
    );
    assert_eq!(updated.status, 200);
    let u = updated.json();
    assert_eq!(u["name"], "ACME Corp (International)");
    assert_eq!(u["phone"], json!(null), "null clears");
    assert_eq!(u["email"], "billing-eu@acme.com", "absent is unchanged");
    assert_eq!(
        u["description"], "For all European operations.",
        "absent is unchanged"
    );
    assert_eq!(u["currency"], "eur");
    assert_eq!(u["address"]["country"], "GB");
    assert_eq!(
        u["address"]["line1"],
        json!(null),
        "an address is replaced whole"
    );
    assert_eq!(u["created_at"], a["created_at"]);
    assert_ne!(u["updated_at"], a["updated_at"]);

    let later = s.api("GET", &account, None).json();
    assert_eq!(later, u, "a later get sees the update");
    let cleared = s
        .api(
            "PATCH",
            &account,
            Some(&json!({"description": null, "address": null})),
        )
        .json();
    assert_eq!(cleared["description"], json!(null));
    assert_eq!(cleared["address"], json!(null));
    assert_eq!(cleared["name"], "ACME Corp (International)");
    let same = s.api("PATCH", &account, Some(&json!({}))).json();
    assert_eq!(same["name"], cleared["name"]);
}

#[test]
fn currency_defaults_to_usd() {
    let s = Server::start(&[]);
    for body in [
        acme(),
        json!({"name": "A", "email": "a@b.co", "currency": null}),
        json!({"name": "A", "email": "a@b.co", "currency": "  "}),
    ] {
        let r = s.create("ws_assigned", body);
        assert_eq!(r.status, 201);
        assert_eq!(r.json()["currency"], "usd");
    }
}

#[test]
fn what_the_server_returns_is_what_the_client_parses() {
    let s = Server::start(&[]);
    let config = ClientConfig::new(Token::parse(&s.token).unwrap());
    let r = s.create(
        "ws_pooled",
        json!({"name": "N", "email": "n@x.io", "address": {"city": "Jakarta"}}),
    );
    let parsed = parse_account(
        &config,
        Operation::Create,
        &HttpResponse {
            status: r.status,
            retry_after: None,
            body: &r.body,
            now_unix_seconds: 0,
        },
    )
    .unwrap();
    assert_eq!(parsed.address.unwrap().city.as_deref(), Some("Jakarta"));
}

// ---- billing-mode limits ----

#[test]
fn single_mode_refuses_a_second_account_and_pooled_and_assigned_an_eleventh() {
    let s = Server::start(&[]);
    assert_eq!(s.create("ws_single", acme()).status, 201);
    let refused = s.create("ws_single", acme());
    assert_eq!(refused.status, 409);
    assert_eq!(
        refused.json(),
        json!({"message": "Workspace ws_single is in single billing mode, which allows 1 billing account; it already has 1."})
    );
    for ws in ["ws_pooled", "ws_assigned"] {
        for i in 0..10 {
            let r = s.create(
                ws,
                json!({"name": format!("Account {i}"), "email": "a@b.co"}),
            );
            assert_eq!(r.status, 201, "{ws} {i}");
        }
        let refused = s.create(ws, acme());
        assert_eq!(refused.status, 409, "{ws}");
        let message = refused.json()["message"].as_str().unwrap().to_string();
        assert!(
            message.contains("up to 10 billing accounts") && message.contains(ws),
            "{message}"
        );
        let list = s
            .api("GET", &format!("/workspaces/{ws}/billing-accounts"), None)
            .json();
        assert_eq!(list["data"].as_array().unwrap().len(), 10);
    }
    // A full workspace still validates first: a bad body is a 422, not a 409.
    assert_eq!(s.create("ws_single", json!({})).status, 422);
}

// ---- 422 ----

#[test]
fn invalid_bodies_get_laravels_422_in_the_order_the_rules_found_them() {
    let s = Server::start(&[]);
    let r = s.create(
        "ws_pooled",
        json!({"name": "", "email": 5, "phone": "9".repeat(51), "currency": "EUR", "address": {"country": "us", "zip": "1"}, "postalCode": "1"}),
    );
    assert_eq!(r.status, 422);
    assert_eq!(r.header("Content-Type"), Some("application/json"));
    let text = r.text();
    assert_eq!(
        text,
        concat!(
            r#"{"message":"The name field is required. (and 6 more errors)","errors":{"#,
            r#""name":["The name field is required."],"#,
            r#""email":["The email field must be a string."],"#,
            r#""phone":["The phone field must not be greater than 50 characters."],"#,
            r#""currency":["The selected currency is invalid."],"#,
            r#""address.country":["The selected address.country is invalid."],"#,
            r#""postalCode":["The postalCode field is not allowed."],"#,
            r#""address.zip":["The address.zip field is not allowed."]}}"#
        )
    );
    let one = s.create("ws_pooled", json!({"name": "A"}));
    assert_eq!(
        one.json(),
        json!({"message": "The email field is required.", "errors": {"email": ["The email field is required."]}})
    );
}

#[test]
fn a_body_that_is_not_a_json_object_is_no_input_as_laravel_reads_it() {
    let s = Server::start(&[]);
    let auth = format!("Bearer {}", s.token);
    for body in ["not json", "", "\"a string\"", "42", "null", "{"] {
        let r = s.request(
            "POST",
            POOLED,
            &[
                ("Authorization", &auth),
                ("Content-Type", "application/json"),
            ],
            Some(body),
        );
        assert_eq!(r.status, 422, "{body:?}");
        let errors = r.json()["errors"].clone();
        assert_eq!(
            errors,
            json!({"name": ["The name field is required."], "email": ["The email field is required."]}),
            "{body:?}"
        );
    }
}

#[test]
fn patch_refuses_currency_and_nulling_required_fields() {
    let s = Server::start(&[]);
    let id = s.create("ws_pooled", acme()).json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let path = format!("{POOLED}/{id}");
    for (body, field, message) in [
        (
            json!({"currency": "eur"}),
            "currency",
            "The currency field is prohibited.",
        ),
        (
            json!({"currency": null}),
            "currency",
            "The currency field is prohibited.",
        ),
        (json!({"name": null}), "name", "The name field is required."),
        (
            json!({"email": "  "}),
            "email",
            "The email field is required.",
        ),
        (
            json!({"address": "US"}),
            "address",
            "The address field must be an array.",
        ),
    ] {
        let r = s.api("PATCH", &path, Some(&body));
        assert_eq!(r.status, 422, "{body}");
        assert_eq!(r.json()["errors"][field], json!([message]), "{body}");
    }
    assert_eq!(
        s.api("GET", &path, None).json()["name"],
        "ACME Corp",
        "nothing changed"
    );
}

#[test]
fn the_clients_mapping_of_the_servers_422_equals_local_validation() {
    let s = Server::start(&[]);
    let config = ClientConfig::new(Token::parse(&s.token).unwrap());
    let bodies = [
        json!({}),
        json!({"name": 1, "email": [], "currency": "Usd"}),
        json!({"name": "n".repeat(101), "email": format!("{}@x.io", "e".repeat(150)), "description": {}}),
        json!({"name": "A", "email": "a@b.co", "address": {"country": "XX", "line1": 5, "city": "c".repeat(256), "postalCode": "1"}}),
        json!({"name": "A", "email": "a@b.co", "address": [], "Name": "x"}),
        json!({"name": "A", "email": "a@b.co", "address": "Jl. Sudirman"}),
    ];
    for body in bodies {
        let local = validate_create(&Value::from(&body), Locale::En);
        let r = s.create("ws_pooled", body.clone());
        assert_eq!(r.status, 422, "{body}");
        let err = parse_account(
            &config,
            Operation::Create,
            &HttpResponse {
                status: r.status,
                retry_after: None,
                body: &r.body,
                now_unix_seconds: 0,
            },
        )
        .unwrap_err();
        let mapped: Vec<(&str, &str)> = err
            .errors()
            .iter()
            .map(|e| (e.path(), e.code().as_str()))
            .collect();
        let expected: Vec<(&str, &str)> = local
            .errors()
            .iter()
            .map(|e| (e.path(), e.code().as_str()))
            .collect();
        assert_eq!(mapped, expected, "{body}");
    }
}

// ---- 404 and 405 ----

#[test]
fn unknown_workspaces_accounts_and_routes_are_404() {
    let s = Server::start(&[]);
    let id = s.create("ws_pooled", acme()).json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    for (method, path, message) in [
        (
            "GET",
            "/workspaces/ws_nope/billing-accounts".to_string(),
            "Workspace not found.",
        ),
        (
            "POST",
            "/workspaces/ws_nope/billing-accounts".to_string(),
            "Workspace not found.",
        ),
        (
            "GET",
            "/workspaces/not-an-id/billing-accounts".to_string(),
            "Workspace not found.",
        ),
        (
            "GET",
            format!("{POOLED}/cus_missing"),
            "Billing account not found.",
        ),
        (
            "PATCH",
            format!("{POOLED}/cus_missing"),
            "Billing account not found.",
        ),
        (
            "GET",
            format!("/workspaces/ws_single/billing-accounts/{id}"),
            "Billing account not found.",
        ),
        ("GET", "/workspaces/ws_pooled".to_string(), "Not Found."),
        ("GET", format!("{POOLED}/{id}/extra"), "Not Found."),
    ] {
        let r = s.api(method, &path, Some(&json!({"name": "x"})));
        assert_eq!(r.status, 404, "{method} {path}");
        assert_eq!(r.json(), json!({"message": message}), "{method} {path}");
    }
    let r = s.api("DELETE", &format!("{POOLED}/{id}"), None);
    assert_eq!(r.status, 405);
    assert_eq!(r.header("Allow"), Some("GET, PATCH, OPTIONS"));
    assert_eq!(
        s.api("PUT", POOLED, None).header("Allow"),
        Some("GET, POST, OPTIONS")
    );
}

// ---- CORS and headers ----

#[test]
fn other_origins_may_call_the_api() {
    let s = Server::start(&[]);
    let pre = s.request(
        "OPTIONS",
        &format!("{POOLED}/cus_x"),
        &[
            ("Origin", "http://localhost:9000"),
            ("Access-Control-Request-Method", "PATCH"),
            (
                "Access-Control-Request-Headers",
                "authorization,content-type",
            ),
        ],
        None,
    );
    assert_eq!(pre.status, 204);
    assert_eq!(pre.header("Access-Control-Allow-Origin"), Some("*"));
    let methods = pre.header("Access-Control-Allow-Methods").unwrap();
    for m in ["GET", "POST", "PATCH"] {
        assert!(methods.contains(m), "{methods}");
    }
    let allowed = pre
        .header("Access-Control-Allow-Headers")
        .unwrap()
        .to_ascii_lowercase();
    for h in ["authorization", "content-type", "accept"] {
        assert!(allowed.contains(h), "{allowed}");
    }
    for r in [
        s.request("GET", POOLED, &[("Origin", "http://localhost:9000")], None),
        s.api("GET", POOLED, None),
        s.api("GET", &format!("{POOLED}/cus_missing"), None),
        s.create("ws_pooled", json!({})),
    ] {
        assert_eq!(
            r.header("Access-Control-Allow-Origin"),
            Some("*"),
            "{}",
            r.status
        );
        assert!(r
            .header("Access-Control-Expose-Headers")
            .unwrap()
            .contains("Retry-After"));
        assert_eq!(r.header("X-Content-Type-Options"), Some("nosniff"));
        assert_eq!(r.header("Cache-Control"), Some("no-store"));
    }
}

#[test]
fn pages_carry_a_csp_without_inline_script_and_the_page_gets_its_settings() {
    let dir = scratch("www");
    let www = dir.join("www");
    let pkg = dir.join("pkg");
    std::fs::create_dir_all(www.join("js")).unwrap();
    std::fs::create_dir_all(pkg.join("snippets")).unwrap();
    std::fs::write(
        www.join("index.html"),
        "<!doctype html><script type=module src=app.js></script>",
    )
    .unwrap();
    std::fs::write(www.join("app.js"), "export {}").unwrap();
    std::fs::write(www.join("style.css"), "body{}").unwrap();
    std::fs::write(www.join("js/x.mjs"), "export {}").unwrap();
    std::fs::write(pkg.join("billing_account_form_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(pkg.join("billing_account_form.js"), "export default 1").unwrap();
    std::fs::write(pkg.join("billing_account_form.d.ts"), "export {}").unwrap();
    std::fs::write(dir.join("secret.txt"), "secret").unwrap();
    let s = Server::start(&[
        "--www",
        www.to_str().unwrap(),
        "--pkg",
        pkg.to_str().unwrap(),
    ]);

    for (path, mime) in [
        ("/", "text/html; charset=utf-8"),
        ("/index.html", "text/html; charset=utf-8"),
        ("/app.js", "text/javascript; charset=utf-8"),
        ("/style.css", "text/css; charset=utf-8"),
        ("/js/x.mjs", "text/javascript; charset=utf-8"),
        ("/pkg/billing_account_form_bg.wasm", "application/wasm"),
        (
            "/pkg/billing_account_form.js",
            "text/javascript; charset=utf-8",
        ),
        (
            "/pkg/billing_account_form.d.ts",
            "text/plain; charset=utf-8",
        ),
        ("/config.json", "application/json"),
    ] {
        let r = s.request("GET", path, &[], None);
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.header("Content-Type"), Some(mime), "{path}");
        let csp = r.header("Content-Security-Policy").unwrap();
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
            "{csp}"
        );
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        assert!(
            csp.contains("object-src 'none'")
                && csp.contains("base-uri 'none'")
                && csp.contains("frame-ancestors 'none'")
        );
        assert_eq!(r.header("X-Content-Type-Options"), Some("nosniff"));
        assert_eq!(r.header("Referrer-Policy"), Some("no-referrer"));
    }
    assert_eq!(
        s.request("GET", "/pkg/billing_account_form_bg.wasm", &[], None)
            .body,
        b"\0asm\x01\0\0\0"
    );
    let mut head = s.connect();
    head.write_all(
        format!(
            "HEAD /app.js HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
            s.port
        )
        .as_bytes(),
    )
    .unwrap();
    let mut raw = String::new();
    head.read_to_string(&mut raw).unwrap();
    assert!(
        raw.starts_with("HTTP/1.1 200 OK\r\n") && raw.contains("Content-Length: 9\r\n"),
        "{raw}"
    );
    assert!(raw.ends_with("\r\n\r\n"), "HEAD has no body: {raw}");

    let config = s.request("GET", "/config.json", &[], None).json();
    assert_eq!(config["baseUrl"], s.base());
    assert_eq!(config["token"], s.token.as_str());
    assert_eq!(config["workspaceId"], "ws_pooled");
    assert_eq!(config["workspaces"].as_array().unwrap().len(), 3);
    // The page calls the API on the name it was loaded from, so CSP's connect-src 'self' holds.
    let mut by_name = s.connect();
    by_name
        .write_all(
            format!(
                "GET /config.json HTTP/1.1\r\nHost: localhost:{}\r\nConnection: close\r\n\r\n",
                s.port
            )
            .as_bytes(),
        )
        .unwrap();
    let r = read_reply(&mut BufReader::new(by_name)).unwrap();
    assert_eq!(r.json()["baseUrl"], format!("http://localhost:{}", s.port));

    for path in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/js/..%2f..%2fsecret.txt",
        "/pkg/../../secret.txt",
        "/pkg/%2e%2e/%2e%2e/secret.txt",
        "/..%5csecret.txt",
        "/missing.js",
        "/app.js%00.html",
    ] {
        let r = s.request("GET", path, &[], None);
        assert_eq!(r.status, 404, "{path}");
        assert!(!r.text().contains("secret"), "{path}");
    }
    assert_eq!(s.request("POST", "/app.js", &[], Some("x")).status, 405);
}

#[test]
fn without_a_page_the_root_says_so_and_still_carries_the_csp() {
    let dir = scratch("nowww");
    let s = Server::start(&["--www", dir.join("none").to_str().unwrap()]);
    let r = s.request("GET", "/", &[], None);
    assert_eq!(r.status, 200);
    assert!(r.text().contains("www/index.html"));
    assert!(!r.text().contains("<script"));
    assert!(r.header("Content-Security-Policy").is_some());
}

#[test]
fn only_localhost_names_are_answered() {
    let s = Server::start(&[]);
    let mut stream = s.connect();
    stream
        .write_all(
            b"GET /config.json HTTP/1.1\r\nHost: evil.example:8080\r\nConnection: close\r\n\r\n",
        )
        .unwrap();
    let r = read_reply(&mut BufReader::new(stream)).unwrap();
    assert_eq!(r.status, 421);
    assert!(!r.text().contains(&s.token));
}

// ---- connections ----

#[test]
fn connections_are_kept_alive_and_bad_requests_do_not_stop_the_server() {
    let s = Server::start(&[]);
    let auth = format!("Bearer {}", s.token);
    let mut stream = s.connect();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    for _ in 0..3 {
        write_request(
            &mut stream,
            s.port,
            "GET",
            POOLED,
            &[("Authorization", &auth)],
            None,
            false,
        );
        let r = read_reply(&mut reader).unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.header("Connection"), None);
    }
    write_request(
        &mut stream,
        s.port,
        "POST",
        POOLED,
        &[("Authorization", &auth)],
        Some(&acme().to_string()),
        false,
    );
    assert_eq!(read_reply(&mut reader).unwrap().status, 201);

    for garbage in [
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03".to_vec(),
        b"GET / HTTP/9.9\r\n\r\n".to_vec(),
        format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(100_000)).into_bytes(),
        b"POST /workspaces/ws_pooled/billing-accounts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 999999999\r\n\r\n".to_vec(),
        b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n\r\n".to_vec(),
    ] {
        let mut bad = s.connect();
        let _ = bad.write_all(&garbage);
        let _ = bad.shutdown(std::net::Shutdown::Write);
        let mut answer = Vec::new();
        let _ = bad.read_to_end(&mut answer);
    }
    assert_eq!(s.api("GET", POOLED, None).status, 200);
}

// ---- persistence ----

#[test]
fn accounts_survive_a_restart_with_a_data_file_and_the_file_is_replaced_whole() {
    let dir = scratch("data");
    let file = dir.join("accounts.json");
    let file_arg = file.to_str().unwrap().to_string();
    let s = Server::start(&["--data", &file_arg, "--token", "t0k"]);
    assert!(s
        .banner
        .iter()
        .any(|l| l.contains("accounts kept in") && l.contains("accounts.json")));
    let a = s.create("ws_pooled", acme()).json();
    let b = s
        .create(
            "ws_single",
            json!({"name": "Solo", "email": "solo@x.io", "currency": "zar"}),
        )
        .json();
    let path = format!("{POOLED}/{}", a["id"].as_str().unwrap());
    let a2 = s
        .api("PATCH", &path, Some(&json!({"description": "kept"})))
        .json();
    s.kill();

    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers,
        vec![std::ffi::OsString::from("accounts.json")],
        "no temp file is left"
    );
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(saved["accounts"].as_array().unwrap().len(), 2);

    let s = Server::start(&["--data", &file_arg, "--token", "t0k"]);
    assert!(s
        .banner
        .iter()
        .any(|l| l.contains("ws_single (single, 1 of 1)")
            && l.contains("ws_pooled (pooled, 1 of 10)")));
    assert_eq!(s.api("GET", &path, None).json(), a2);
    assert_eq!(
        s.api("GET", "/workspaces/ws_single/billing-accounts", None)
            .json()["data"],
        json!([b])
    );
    assert_eq!(
        s.create("ws_single", acme()).status,
        409,
        "the limit counts what was kept"
    );
    s.kill();

    // A stale temp file from a crash mid-write does not matter; the data file is what counts.
    std::fs::write(dir.join(".accounts.json.99999.tmp"), "{\"accounts\": [").unwrap();
    let s = Server::start(&["--data", &file_arg]);
    assert_eq!(
        s.api("GET", POOLED, None).json()["data"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn an_unreadable_data_file_stops_the_server_and_is_left_as_it_is() {
    let dir = scratch("corrupt");
    let file = dir.join("accounts.json");
    std::fs::write(&file, "{\"accounts\": [ {\"id\": 1} ]").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_devserver"))
        .args(["--port", "0", "--data", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("accounts.json"));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "{\"accounts\": [ {\"id\": 1} ]"
    );
}

#[test]
fn without_a_data_file_accounts_live_in_memory() {
    let s = Server::start(&[]);
    assert!(s
        .banner
        .iter()
        .any(|l| l.contains("accounts kept in memory")));
    s.create("ws_pooled", acme());
    s.kill();
    let s = Server::start(&[]);
    assert_eq!(s.api("GET", POOLED, None).json()["data"], json!([]));
}

// ---- faults ----

fn fault(s: &Server, description: serde_json::Value) -> serde_json::Value {
    let r = s.control("POST", "/__faults", Some(&description.to_string()));
    assert_eq!(r.status, 201, "{}", r.text());
    r.json()
}

#[test]
fn fault_controls_exist_only_with_the_flag() {
    let s = Server::start(&[]);
    for (method, path) in [
        ("POST", "/__faults"),
        ("GET", "/__stats"),
        ("POST", "/__reset"),
    ] {
        assert_eq!(
            s.request(method, path, &[], Some("{\"fault\":\"drop\"}"))
                .status,
            404
        );
    }
    assert!(!s.banner.iter().any(|l| l.contains("fault")));
}

#[test]
fn faults_answer_with_a_status_and_retry_after_then_run_out() {
    let s = Server::start(&["--faults"]);
    fault(
        &s,
        json!({"method": "POST", "path": POOLED, "fault": "status", "status": 503, "retry_after": "1", "times": 2}),
    );
    for _ in 0..2 {
        let r = s.create("ws_pooled", acme());
        assert_eq!(r.status, 503);
        assert_eq!(r.header("Retry-After"), Some("1"));
        assert_eq!(r.header("Access-Control-Allow-Origin"), Some("*"));
    }
    assert_eq!(s.create("ws_pooled", acme()).status, 201);
    let stats = s.control("GET", "/__stats", None).json();
    assert_eq!(
        stats["routes"]["POST /workspaces/{workspaceId}/billing-accounts"],
        3
    );
    assert_eq!(stats["paths"][format!("POST {POOLED}")], 3);
    let listed = s.control("GET", "/__faults", None).json();
    assert_eq!(listed[0]["hits"], 2);
    assert_eq!(listed[0]["remaining"], 0);

    fault(
        &s,
        json!({"fault": "status", "status": 429, "retry_after": "Wed, 21 Oct 2099 07:28:00 GMT", "body": "<html>slow down</html>", "content_type": "text/html"}),
    );
    let r = s.api("GET", POOLED, None);
    assert_eq!(
        (r.status, r.header("Content-Type")),
        (429, Some("text/html"))
    );
    assert_eq!(r.text(), "<html>slow down</html>");
    assert_eq!(
        s.control("POST", "/__faults", Some("{\"fault\":\"explode\"}"))
            .status,
        400
    );
}

#[test]
fn faults_can_match_a_text_in_the_body() {
    let s = Server::start(&["--faults"]);
    let f = fault(
        &s,
        json!({"method": "POST", "body_contains": "marker-123", "fault": "status", "status": 500}),
    );
    assert_eq!(s.create("ws_pooled", acme()).status, 201);
    assert_eq!(
        s.create(
            "ws_pooled",
            json!({"name": "marker-123", "email": "a@b.co"})
        )
        .status,
        500
    );
    let one = s
        .control("GET", &format!("/__faults/{}", f["id"]), None)
        .json();
    assert_eq!(one["hits"], 1);
}

#[test]
fn a_malformed_fault_cuts_the_body_and_the_client_calls_it_invalid_response() {
    let s = Server::start(&["--faults"]);
    fault(&s, json!({"fault": "malformed"}));
    let r = s.api("GET", POOLED, None);
    assert_eq!(r.status, 200);
    assert!(serde_json::from_slice::<serde_json::Value>(&r.body).is_err());
    let config = ClientConfig::new(Token::parse(&s.token).unwrap());
    let err = parse_account(
        &config,
        Operation::Get,
        &HttpResponse {
            status: 200,
            retry_after: None,
            body: &r.body,
            now_unix_seconds: 0,
        },
    )
    .unwrap_err();
    assert_eq!(err.kind().as_str(), "invalid_response");
}

#[test]
fn a_drop_fault_closes_the_connection_without_an_answer() {
    let s = Server::start(&["--faults"]);
    fault(&s, json!({"fault": "drop"}));
    let mut stream = s.connect();
    write_request(&mut stream, s.port, "GET", POOLED, &[], None, false);
    assert!(read_reply(&mut BufReader::new(stream)).is_none());
    assert_eq!(s.api("GET", POOLED, None).status, 200);
}

#[test]
fn a_delay_fault_holds_the_answer_back() {
    let s = Server::start(&["--faults"]);
    fault(&s, json!({"fault": "delay", "delay_ms": 400}));
    let started = Instant::now();
    assert_eq!(s.api("GET", POOLED, None).status, 200);
    assert!(started.elapsed() >= Duration::from_millis(400));
    // Used up: the next answer is not held back (said by the stand-in, not timed: the machine is noisy).
    let listed = s.control("GET", "/__faults", None).json();
    assert_eq!(
        (listed[0]["hits"].clone(), listed[0]["remaining"].clone()),
        (json!(1), json!(0))
    );
    assert_eq!(s.api("GET", POOLED, None).status, 200);
}

#[test]
fn reset_clears_accounts_faults_and_counts() {
    let s = Server::start(&["--faults"]);
    s.create("ws_single", acme());
    fault(&s, json!({"fault": "drop", "times": 5}));
    assert_eq!(s.control("POST", "/__reset", None).status, 204);
    assert_eq!(s.control("GET", "/__faults", None).json(), json!([]));
    assert_eq!(
        s.control("GET", "/__stats", None).json(),
        json!({"routes": {}, "paths": {}})
    );
    assert_eq!(s.create("ws_single", acme()).status, 201);
}

// ---- the token stays out of logs ----

#[test]
fn the_request_log_never_shows_the_token_or_the_query() {
    let mut s = Server::start_exact(&["--port", "0", "--token", "LOGTOKEN123"]);
    s.api(
        "GET",
        "/workspaces/ws_pooled/billing-accounts?token=LOGTOKEN123",
        None,
    );
    s.request(
        "GET",
        POOLED,
        &[("Authorization", "Bearer LOGTOKEN123x")],
        None,
    );
    let mut stderr = s.stderr.take().unwrap();
    let _ = s.try_wait();
    s.kill();
    let mut log = String::new();
    stderr.read_to_string(&mut log).unwrap();
    assert!(
        log.contains("GET /workspaces/ws_pooled/billing-accounts -> 200"),
        "{log}"
    );
    assert!(log.contains("-> 401"), "{log}");
    assert!(!log.contains("LOGTOKEN123"), "{log}");
}
