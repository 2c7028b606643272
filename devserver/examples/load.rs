//! Load figures for the stand-in, on loopback only, bounded in count and time (about a minute):
//! list and create throughput with p99, slow-header clients beside a normal one, and
//! `kill -9` during writes. Not a test: the figures go to the README.
//!
//! ```sh
//! cargo build --release -p devserver --example load
//! target/release/examples/load [--bin target/release/devserver] [--slow 1000] [--kills 30]
//! ```
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::json;

const TOKEN: &str = "load-token";

struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(bin: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(bin)
            .args(["--port", "0", "--quiet", "--faults", "--token", TOKEN])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut port = 0;
        loop {
            let mut line = String::new();
            if out.read_line(&mut line).unwrap() == 0 {
                panic!("{} exited at start", bin.display());
            }
            if let Some(p) = line
                .trim()
                .strip_prefix("devserver: listening on http://127.0.0.1:")
            {
                port = p.parse().unwrap();
            }
            if line.starts_with("devserver: accounts kept") {
                break;
            }
        }
        // Keep reading stdout so a later line never blocks the server.
        std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
        Server { child, port }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn agent(pooled: bool) -> ureq::Agent {
    let mut config = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(Duration::from_secs(10)));
    if !pooled {
        config = config.max_idle_connections(0);
    }
    config.build().into()
}

fn create(agent: &ureq::Agent, s: &Server, ws: &str, name: &str) -> Result<(u16, String), String> {
    let mut r = agent
        .post(s.url(&format!("/workspaces/{ws}/billing-accounts")))
        .header("Authorization", format!("Bearer {TOKEN}"))
        .header("Content-Type", "application/json")
        .send(json!({"name": name, "email": "billing@acme.com", "description": "0"}).to_string())
        .map_err(|e| e.to_string())?;
    let body = r.body_mut().read_to_string().map_err(|e| e.to_string())?;
    Ok((r.status().as_u16(), body))
}

fn get(agent: &ureq::Agent, s: &Server, path: &str) -> Result<(u16, String), String> {
    let mut r = agent
        .get(s.url(path))
        .header("Authorization", format!("Bearer {TOKEN}"))
        .call()
        .map_err(|e| e.to_string())?;
    let body = r.body_mut().read_to_string().map_err(|e| e.to_string())?;
    Ok((r.status().as_u16(), body))
}

fn reset(agent: &ureq::Agent, s: &Server) {
    let r = agent
        .post(s.url("/__reset"))
        .header("Authorization", format!("Bearer {TOKEN}"))
        .send_empty()
        .unwrap();
    assert_eq!(r.status().as_u16(), 204);
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// List with `clients` keep-alive clients for `for_how_long`; creates one client at a time
/// (a workspace holds ten accounts: after twenty, an untimed reset).
fn throughput(bin: &Path, clients: usize, for_how_long: Duration) {
    let s = Server::start(bin, &[]);
    let a = agent(true);
    for i in 0..10 {
        assert_eq!(
            create(&a, &s, "ws_pooled", &format!("Account {i}"))
                .unwrap()
                .0,
            201
        );
    }
    let started = Instant::now();
    let workers: Vec<_> = (0..clients)
        .map(|_| {
            let url = s.url("/workspaces/ws_pooled/billing-accounts");
            std::thread::spawn(move || {
                let a = agent(true);
                let mut times = Vec::new();
                while started.elapsed() < for_how_long {
                    let t = Instant::now();
                    let mut r = a
                        .get(&url)
                        .header("Authorization", format!("Bearer {TOKEN}"))
                        .call()
                        .unwrap();
                    let _ = r.body_mut().read_to_vec().unwrap();
                    assert_eq!(r.status().as_u16(), 200);
                    times.push(t.elapsed());
                }
                times
            })
        })
        .collect();
    let mut times: Vec<Duration> = workers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    let elapsed = started.elapsed();
    times.sort();
    println!(
        "list (10 accounts, {clients} keep-alive clients, {} s): {:.0} requests/s, p50 {}, p99 {}",
        for_how_long.as_secs(),
        times.len() as f64 / elapsed.as_secs_f64(),
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.99))
    );

    reset(&a, &s);
    let mut times = Vec::new();
    let mut busy = Duration::ZERO;
    let mut n = 0;
    while busy < for_how_long {
        for ws in ["ws_pooled", "ws_assigned"] {
            for _ in 0..10 {
                n += 1;
                let t = Instant::now();
                let (status, _) = create(&a, &s, ws, &format!("Account {n}")).unwrap();
                let took = t.elapsed();
                assert_eq!(status, 201);
                times.push(took);
                busy += took;
            }
        }
        reset(&a, &s);
    }
    times.sort();
    println!(
        "create (in memory, one client, {} s of creates): {:.0} requests/s, p50 {}, p99 {}",
        for_how_long.as_secs(),
        times.len() as f64 / busy.as_secs_f64(),
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.99))
    );
    s.kill();
}

/// `slow` clients sending a request head a byte a second (reconnecting when closed, after
/// 200 ms), and beside them a normal client making 100 requests, each on a new connection.
fn slow_headers(bin: &Path, slow: usize) {
    let s = Server::start(bin, &[]);
    let addr = format!("127.0.0.1:{}", s.port);
    let stop = Arc::new(AtomicBool::new(false));
    let open = Arc::new(AtomicUsize::new(0));
    let closed = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    for _ in 0..slow {
        let (addr, stop, open, closed, peak) = (
            addr.clone(),
            Arc::clone(&stop),
            Arc::clone(&open),
            Arc::clone(&closed),
            Arc::clone(&peak),
        );
        runtime.spawn(async move {
            use tokio::io::{AsyncReadExt, AsyncWriteExt};
            while !stop.load(Ordering::Relaxed) {
                if let Ok(mut stream) = tokio::net::TcpStream::connect(&addr).await {
                    let now = open.fetch_add(1, Ordering::Relaxed) + 1;
                    peak.fetch_max(now, Ordering::Relaxed);
                    let mut ok = stream
                        .write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
                        .await
                        .is_ok();
                    let mut buf = [0u8; 512];
                    while ok && !stop.load(Ordering::Relaxed) {
                        tokio::select! {
                            // An answer (503, 408) or the end: the server let go.
                            _ = stream.read(&mut buf) => ok = false,
                            () = tokio::time::sleep(Duration::from_secs(1)) => {
                                ok = stream.write_all(b"a").await.is_ok();
                            }
                        }
                    }
                    open.fetch_sub(1, Ordering::Relaxed);
                    if !stop.load(Ordering::Relaxed) {
                        closed.fetch_add(1, Ordering::Relaxed);
                    }
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        });
    }
    std::thread::sleep(Duration::from_secs(3));
    let open_before = open.load(Ordering::Relaxed);
    let a = agent(false);
    let mut times = Vec::new();
    let mut statuses: HashMap<String, usize> = HashMap::new();
    for _ in 0..100 {
        let t = Instant::now();
        let outcome = match get(&a, &s, "/workspaces/ws_pooled/billing-accounts") {
            Ok((status, _)) => status.to_string(),
            Err(e) => format!("error ({e})"),
        };
        times.push(t.elapsed());
        *statuses.entry(outcome).or_default() += 1;
        std::thread::sleep(Duration::from_millis(30));
    }
    let open_after = open.load(Ordering::Relaxed);
    stop.store(true, Ordering::Relaxed);
    runtime.shutdown_timeout(Duration::from_secs(2));
    times.sort();
    let within = times
        .iter()
        .filter(|t| **t <= Duration::from_secs(1))
        .count();
    let mut statuses: Vec<_> = statuses.into_iter().collect();
    statuses.sort();
    println!(
        "slow headers: {slow} clients dripping a byte a second ({open_before} open when the normal client started, {open_after} at its end, peak {}, {} closed by the server and reconnected)",
        peak.load(Ordering::Relaxed),
        closed.load(Ordering::Relaxed)
    );
    println!(
        "  normal client, 100 requests on new connections: {statuses:?}; {within} answered within 1 s; p50 {}, p99 {}, max {}",
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.99)),
        ms(times.last().copied().unwrap_or_default())
    );
    s.kill();
}

fn random_below(n: u64) -> u64 {
    let mut h = RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos(),
    );
    h.finish() % n.max(1)
}

fn temp_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| {
            let name = e
                .as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .into_owned();
            name.ends_with(".tmp")
        })
        .count()
}

/// `kills` rounds of: start on the data file, write (creates, then updates of a counter) until
/// a random `kill -9`, count temp files, restart, and check every acknowledged write is there.
fn kills(bin: &Path, kills: usize) {
    let dir = std::env::temp_dir().join(format!("devserver-load-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("accounts.json");
    let data = file.to_str().unwrap().to_string();
    // What the server acknowledged: account → (workspace, last acknowledged counter).
    let mut acked: HashMap<String, (String, u64)> = HashMap::new();
    let (mut lost, mut left_after_kill, mut writes, mut unreadable) = (0, 0, 0, 0);
    let a = agent(true);
    for _ in 0..kills {
        let mut s = Server::start(bin, &["--data", &data]);
        let port = s.port;
        let url = |p: &str| format!("http://127.0.0.1:{port}{p}");
        let killer = {
            let pid = s.child.id();
            let wait = 20 + random_below(300);
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(wait));
                let _ = Command::new("kill")
                    .args(["-KILL", &pid.to_string()])
                    .status();
            })
        };
        let mut counter = acked.values().map(|(_, n)| *n).max().unwrap_or(0);
        'writing: loop {
            // Creates fill the two larger workspaces, then each account's counter goes up.
            let full = acked.len() >= 20;
            if !full {
                let ws = if acked.len() < 10 {
                    "ws_pooled"
                } else {
                    "ws_assigned"
                };
                match create(&a, &s, ws, "Kill test") {
                    Ok((201, body)) => {
                        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
                        acked.insert(v["id"].as_str().unwrap().to_string(), (ws.to_string(), 0));
                        writes += 1;
                    }
                    _ => break 'writing,
                }
            } else {
                let ids: Vec<(String, String)> = acked
                    .iter()
                    .map(|(id, (ws, _))| (id.clone(), ws.clone()))
                    .collect();
                for (id, ws) in ids {
                    counter += 1;
                    let sent = a
                        .patch(url(&format!("/workspaces/{ws}/billing-accounts/{id}")))
                        .header("Authorization", format!("Bearer {TOKEN}"))
                        .header("Content-Type", "application/json")
                        .send(json!({"description": counter.to_string()}).to_string());
                    match sent {
                        Ok(r) if r.status().as_u16() == 200 => {
                            acked.insert(id, (ws, counter));
                            writes += 1;
                        }
                        _ => break 'writing,
                    }
                }
            }
        }
        killer.join().unwrap();
        let _ = s.child.wait();
        left_after_kill += temp_files(&dir);
        match std::fs::read(&file).map(|b| serde_json::from_slice::<serde_json::Value>(&b)) {
            Ok(Ok(_)) => {}
            _ => unreadable += 1,
        }
        // The next start must read the file and see every acknowledged write.
        let s = Server::start(bin, &["--data", &data]);
        for ws in ["ws_pooled", "ws_assigned"] {
            let (_, body) = get(&a, &s, &format!("/workspaces/{ws}/billing-accounts")).unwrap();
            let list: serde_json::Value = serde_json::from_str(&body).unwrap();
            let stored: HashMap<String, u64> = list["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| {
                    (
                        x["id"].as_str().unwrap().to_string(),
                        x["description"]
                            .as_str()
                            .unwrap_or("0")
                            .parse()
                            .unwrap_or(0),
                    )
                })
                .collect();
            for (id, (w, n)) in &acked {
                if w == ws && stored.get(id).is_none_or(|m| m < n) {
                    lost += 1;
                }
            }
        }
        s.kill();
    }
    let left_after_start = temp_files(&dir);
    println!(
        "kill -9 during writes, {kills} times ({writes} writes acknowledged): {lost} acknowledged writes lost, {unreadable} unreadable data files, {left_after_kill} temp files found right after the kills (summed), {left_after_start} left after the next start"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

fn main() {
    let mut bin = PathBuf::from("target/release/devserver");
    let (mut slow, mut kill_rounds, mut seconds) = (1000, 30, 5);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().expect("a value");
        match arg.as_str() {
            "--bin" => bin = PathBuf::from(value()),
            "--slow" => slow = value().parse().expect("a number"),
            "--kills" => kill_rounds = value().parse().expect("a number"),
            "--seconds" => seconds = value().parse().expect("a number"),
            other => panic!("unknown option {other}"),
        }
    }
    println!("devserver load: {} (loopback only)", bin.display());
    throughput(&bin, 4, Duration::from_secs(seconds));
    slow_headers(&bin, slow);
    kills(&bin, kill_rounds);
}
