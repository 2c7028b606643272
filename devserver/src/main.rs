//! `devserver`: a local stand-in of the billing-accounts API that also serves the sample page.
//!
//! ```text
//! devserver [--port N] [--token T] [--data FILE] [--faults] [--www DIR] [--pkg DIR] [--quiet]
//!           [--max-connections N] [--header-timeout-ms MS]
//! ```
//!
//! HTTP/1.1 is hyper's, on tokio (`server`): the stand-in owns its routes, its state, the
//! connection cap and fault injection. SIGINT and SIGTERM stop it gracefully: no new
//! connections, answers in progress finished (writes to the data file included), then exit 0.

mod api;
mod app;
mod clock;
mod faults;
mod files;
mod idempotency;
mod message;
mod server;
mod store;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use app::App;
use server::Limits;
use store::{Store, WORKSPACES};

const USAGE: &str = "usage: devserver [--port N] [--token T] [--data FILE] [--faults] [--www DIR] [--pkg DIR] [--quiet]
                 [--max-connections N] [--header-timeout-ms MS]

  --port N     listen on 127.0.0.1:N (default 8080; 0 picks a free port)
  --token T    the bearer token the API accepts (default: a random demo token)
  --data FILE  keep accounts in FILE across restarts (default: in memory)
  --faults     enable fault injection and request counts for tests (/__faults, /__stats, /__reset)
  --www DIR    the sample page (default: www/ of the repository)
  --pkg DIR    the npm package served at /pkg/ (default: pkg/ of the repository)
  --quiet      no line per request
  --max-connections N     connections open at once (default 512); at the cap the slowest idle
                          one is closed to make room
  --header-timeout-ms MS  time to send a request's head, and to sit idle between requests
                          (default 10000)";

struct Options {
    port: u16,
    token: Option<String>,
    data: Option<PathBuf>,
    faults: bool,
    www: PathBuf,
    pkg: PathBuf,
    quiet: bool,
    limits: Limits,
}

fn repository() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        port: 8080,
        token: None,
        data: None,
        faults: false,
        www: repository().join("www"),
        pkg: repository().join("pkg"),
        quiet: false,
        limits: Limits::default(),
    };
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs {what}"))
        };
        match name.as_str() {
            "--port" => {
                options.port = value("a port number")?
                    .parse()
                    .map_err(|_| "--port needs a number from 0 to 65535".to_string())?;
            }
            "--token" => {
                let token = value("a token")?;
                if token.is_empty() || !token.bytes().all(|b| b.is_ascii_graphic()) {
                    return Err("--token must be visible ASCII without spaces".into());
                }
                options.token = Some(token);
            }
            "--data" => options.data = Some(PathBuf::from(value("a file")?)),
            "--www" => options.www = PathBuf::from(value("a folder")?),
            "--pkg" => options.pkg = PathBuf::from(value("a folder")?),
            "--faults" => options.faults = true,
            "--quiet" => options.quiet = true,
            "--max-connections" => {
                options.limits.max_connections = value("a number")?
                    .parse()
                    .ok()
                    .filter(|n| (1..=100_000).contains(n))
                    .ok_or("--max-connections needs a number from 1 to 100000")?;
            }
            "--header-timeout-ms" => {
                let ms: u64 = value("milliseconds")?
                    .parse()
                    .ok()
                    .filter(|n| (1..=3_600_000).contains(n))
                    .ok_or("--header-timeout-ms needs a number from 1 to 3600000")?;
                options.limits.header_timeout = Duration::from_millis(ms);
            }
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(options)
}

fn main() {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(why) if why.is_empty() => {
            println!("{USAGE}");
            return;
        }
        Err(why) => {
            eprintln!("devserver: {why}\n{USAGE}");
            std::process::exit(2);
        }
    };
    let (store, data) = match &options.data {
        Some(path) => match Store::open(path) {
            Ok((store, target)) => (store, Some(target)),
            Err(why) => {
                eprintln!("devserver: {why}");
                std::process::exit(2);
            }
        },
        None => (Store::default(), None),
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("devserver: cannot start: {e}");
            std::process::exit(1);
        }
    };
    let listener = match runtime.block_on(listen(options.port)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!(
                "devserver: cannot listen on 127.0.0.1:{}: {e}",
                options.port
            );
            std::process::exit(1);
        }
    };
    let port = listener
        .local_addr()
        .map(|a| a.port())
        .unwrap_or(options.port);
    let token = options
        .token
        .clone()
        .unwrap_or_else(|| store::random_id("demo_", 24));

    let workspaces: Vec<String> = WORKSPACES
        .iter()
        .map(|(id, mode)| {
            let held = store.in_workspace(id).count();
            format!("{id} ({}, {held} of {})", mode.as_str(), mode.limit())
        })
        .collect();
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "devserver: listening on http://127.0.0.1:{port}");
    let _ = writeln!(out, "devserver: token {token}");
    let _ = writeln!(out, "devserver: workspaces {}", workspaces.join(", "));
    let _ = writeln!(
        out,
        "devserver: page http://127.0.0.1:{port}/ from {} (settings at /config.json), package at /pkg/ from {}",
        options.www.display(),
        options.pkg.display()
    );
    if options.faults {
        let _ = writeln!(
            out,
            "devserver: fault injection on: POST /__faults, GET /__stats, POST /__reset (with the token)"
        );
    }
    // Last: tests read the banner up to this line.
    let _ = match (&options.data, &data) {
        (Some(given), Some(target)) if given != target => writeln!(
            out,
            "devserver: accounts kept in {} (the link's file {})",
            given.display(),
            target.display()
        ),
        (Some(given), _) => writeln!(out, "devserver: accounts kept in {}", given.display()),
        (None, _) => writeln!(
            out,
            "devserver: accounts kept in memory (--data FILE keeps them)"
        ),
    };
    let _ = out.flush();
    drop(out);

    let app = Arc::new(App {
        token,
        store: Mutex::new(store),
        data,
        faults: options
            .faults
            .then(|| Mutex::new(faults::Faults::default())),
        www: options.www,
        pkg: options.pkg,
        quiet: options.quiet,
    });
    runtime.block_on(server::run(app, listener, options.limits, stopped()));
    eprintln!("devserver: stopped");
}

/// 127.0.0.1:`port` with a backlog for bursts of connections (std's is 128).
async fn listen(port: u16) -> std::io::Result<tokio::net::TcpListener> {
    let socket = tokio::net::TcpSocket::new_v4()?;
    socket.set_reuseaddr(true)?;
    socket.bind((std::net::Ipv4Addr::LOCALHOST, port).into())?;
    socket.listen(1024)
}

/// Resolves at SIGINT or SIGTERM.
async fn stopped() {
    use tokio::signal::unix::{signal, SignalKind};
    let (Ok(mut int), Ok(mut term)) = (
        signal(SignalKind::interrupt()),
        signal(SignalKind::terminate()),
    ) else {
        // Without handlers the default actions stop the process; nothing to wait for here.
        return std::future::pending().await;
    };
    tokio::select! {
        _ = int.recv() => {}
        _ = term.recv() => {}
    }
    eprintln!("devserver: stopping: finishing the answers in progress");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Options, String> {
        parse_args(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn options() {
        let o = parse(&[
            "--port",
            "0",
            "--token=abc",
            "--data",
            "/tmp/x.json",
            "--faults",
        ])
        .unwrap();
        assert_eq!(o.port, 0);
        assert_eq!(o.token.as_deref(), Some("abc"));
        assert_eq!(o.data, Some(PathBuf::from("/tmp/x.json")));
        assert!(o.faults);
        assert!(parse(&[]).unwrap().www.ends_with("www"));
        assert!(parse(&["--port", "x"]).is_err());
        assert!(parse(&["--port"]).is_err());
        assert!(parse(&["--token", "a b"]).is_err());
        assert!(parse(&["--nope"]).is_err());
        assert_eq!(
            parse(&["--max-connections", "8", "--header-timeout-ms=500"])
                .unwrap()
                .limits
                .header_timeout,
            Duration::from_millis(500)
        );
        assert!(parse(&["--max-connections", "0"]).is_err());
        assert!(parse(&["--header-timeout-ms", "x"]).is_err());
        assert_eq!(parse(&["--help"]).err().as_deref(), Some(""));
    }
}
