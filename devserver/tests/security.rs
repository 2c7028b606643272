//! Attacks on the stand-in itself: static files that try to leave their folders, requests that
//! try to smuggle or inject, and the page headers that keep a script injection from running.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // a test may fail loudly

mod common;

use std::io::{BufReader, Write};

use common::{read_reply, Server};

#[test]
fn static_files_never_leave_their_folders() {
    let s = Server::start(&[]);
    // Sent as raw request targets: no client normalizes them first.
    let attacks = [
        "/../Cargo.toml",
        "/../../etc/passwd",
        "/%2e%2e/Cargo.toml",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/%2e%2e%2fCargo.toml",
        "/..%2fCargo.toml",
        "/..%5cCargo.toml",
        "/%252e%252e/Cargo.toml",
        "/pkg/../../etc/passwd",
        "/pkg/../Cargo.toml",
        "/pkg/%2e%2e/%2e%2e/etc/passwd",
        "/pkg/%2e%2e%2f%2e%2e%2fCargo.toml",
        "/pkg/%2fetc%2fpasswd",
        "/pkg//etc/passwd",
        "//etc/passwd",
        "/pkg/..\\..\\Cargo.toml",
        "/pkg/%c0%ae%c0%ae/Cargo.toml",
        "/pkg/%00/../Cargo.toml",
        "/index.html%00.js",
        "/pkg/./../Cargo.toml",
        "/.git/config",
        "/pkg/../.git/HEAD",
        "/devserver/src/main.rs",
        "/%2e%2e/devserver/Cargo.toml",
    ];
    for path in attacks {
        let r = s.request("GET", path, &[], None);
        let text = r.text();
        assert!(matches!(r.status, 400 | 404), "{path}: {}", r.status);
        assert!(
            !text.contains("[package]") && !text.contains("root:") && !text.contains("[core]"),
            "{path} leaked: {text}"
        );
    }
    println!(
        "security: {} path traversal attempts on the stand-in, each refused",
        attacks.len()
    );
}

#[test]
fn smuggled_or_injected_requests_are_refused_and_the_server_lives() {
    let s = Server::start(&[]);
    let raw: [&[u8]; 8] = [
        b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        b"POST /workspaces/ws_pooled/billing-accounts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nContent-Length: 44\r\n\r\nPOST /__reset HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nContent-Length: x\r\n\r\n",
        b"GET /\x00 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX: \xff\xfe\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost : 127.0.0.1\r\n\r\n",
        b"GET http://evil.example/ HTTP/1.1\r\nHost: evil.example\r\n\r\n",
        b"GET /config.json HTTP/1.1\r\nHost: evil.example\r\n\r\n",
    ];
    for bytes in raw {
        let mut stream = s.connect();
        stream.write_all(bytes).unwrap();
        let mut reader = BufReader::new(stream);
        let reply = read_reply(&mut reader);
        let status = reply.as_ref().map_or(0, |r| r.status);
        assert!(
            reply.is_none() || (400..500).contains(&status),
            "{:?} answered {status}",
            String::from_utf8_lossy(bytes)
        );
        if let Some(r) = reply {
            assert!(!r.text().contains(&s.token), "the token was served");
        }
    }
    // Still serving.
    assert_eq!(s.request("GET", "/", &[], None).status, 200);
    println!(
        "security: {} smuggling and injection requests on the stand-in, each refused",
        raw.len()
    );
}

#[test]
fn every_page_answer_carries_a_strict_csp() {
    let s = Server::start(&[]);
    for path in ["/", "/index.html", "/missing", "/pkg/", "/config.json"] {
        let r = s.request("GET", path, &[], None);
        let csp = r
            .header("Content-Security-Policy")
            .unwrap_or_else(|| panic!("{path}: no CSP"));
        // 'wasm-unsafe-eval' lets the page compile its wasm; nothing may run inline or eval text.
        let script_src = csp
            .split(';')
            .find(|d| d.trim().starts_with("script-src"))
            .unwrap();
        for forbidden in [
            "'unsafe-inline'",
            "'unsafe-eval'",
            "'unsafe-hashes'",
            "*",
            "data:",
        ] {
            assert!(
                !script_src.split(' ').any(|s| s == forbidden),
                "{path}: {csp}"
            );
        }
        assert!(!csp.contains("'unsafe-inline'"), "{path}: {csp}");
        assert!(
            csp.contains("script-src 'self'") && csp.contains("object-src 'none'"),
            "{csp}"
        );
        assert!(
            csp.contains("frame-ancestors 'none'") && csp.contains("base-uri 'none'"),
            "{csp}"
        );
        assert_eq!(
            r.header("X-Content-Type-Options"),
            Some("nosniff"),
            "{path}"
        );
    }
}
