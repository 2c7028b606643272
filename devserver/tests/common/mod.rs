//! Starts the real `devserver` binary on a free port. Plain calls (`api`, `create`, `control`) go
//! through a kept HTTP client (ureq); `request` writes the request line and headers as given on
//! a raw socket, for what a client would normalize or refuse to send (`/../`, `%2e%2e`, NUL,
//! wrong framing) and for checks on the wire itself.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    dead_code
)] // a test may fail loudly

pub mod kept_transport;
pub mod transport;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStderr, Command, Stdio};
use std::time::Duration;

pub struct Server {
    child: Child,
    pub port: u16,
    pub token: String,
    /// What the server printed at start.
    pub banner: Vec<String>,
    pub stderr: Option<ChildStderr>,
}

impl Server {
    /// `devserver --port 0 --quiet` plus `args`.
    pub fn start(args: &[&str]) -> Server {
        let mut all = vec!["--port", "0", "--quiet"];
        all.extend_from_slice(args);
        Server::start_exact(&all)
    }

    /// `devserver` with exactly `args`; stderr is kept for the test to read.
    pub fn start_exact(args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_devserver"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut banner = Vec::new();
        loop {
            let mut line = String::new();
            if stdout.read_line(&mut line).unwrap() == 0 {
                let mut err = String::new();
                child
                    .stderr
                    .take()
                    .unwrap()
                    .read_to_string(&mut err)
                    .unwrap();
                panic!("devserver exited at start: {banner:?} {err}");
            }
            let done = line.starts_with("devserver: accounts kept");
            banner.push(line.trim_end().to_string());
            if done {
                break;
            }
        }
        let find = |prefix: &str| {
            banner
                .iter()
                .find_map(|l| l.strip_prefix(prefix))
                .unwrap_or_else(|| panic!("no {prefix:?} in {banner:?}"))
                .to_string()
        };
        let port = find("devserver: listening on http://127.0.0.1:")
            .parse()
            .unwrap();
        let token = find("devserver: token ");
        let stderr = child.stderr.take();
        Server {
            child,
            port,
            token,
            banner,
            stderr,
        }
    }

    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn connect(&self) -> TcpStream {
        let s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        s
    }

    /// One request on its own raw connection, its target sent exactly as given.
    pub fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&str>,
    ) -> Reply {
        let mut stream = self.connect();
        write_request(&mut stream, self.port, method, path, headers, body, true);
        read_reply(&mut BufReader::new(stream)).expect("no answer")
    }

    /// A request through the kept client (ureq): no redirects followed, every status an answer.
    /// A body on GET, HEAD or DELETE is left out (the stand-in reads none there).
    pub fn call(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&str>,
    ) -> Reply {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(Duration::from_secs(20)))
            .build()
            .into();
        let mut request = ureq::http::Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.base()));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let sent = match body {
            Some(b) if !matches!(method, "GET" | "HEAD" | "DELETE") => {
                agent.run(request.body(b.as_bytes().to_vec()).unwrap())
            }
            _ => agent.run(request.body(()).unwrap()),
        };
        let mut response = sent.unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let headers = response
            .headers()
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        Reply {
            status: response.status().as_u16(),
            headers,
            body: response
                .body_mut()
                .with_config()
                .limit(16 * 1024 * 1024)
                .read_to_vec()
                .unwrap(),
        }
    }

    /// An authorized API request with a JSON body.
    pub fn api(&self, method: &str, path: &str, body: Option<&serde_json::Value>) -> Reply {
        let auth = format!("Bearer {}", self.token);
        let text = body.map(|b| b.to_string());
        let mut headers = vec![
            ("Authorization", auth.as_str()),
            ("Accept", "application/json"),
        ];
        if text.is_some() {
            headers.push(("Content-Type", "application/json"));
        }
        self.call(method, path, &headers, text.as_deref())
    }

    /// A test control of `--faults` (`/__faults`, `/__stats`, `/__reset`), with the token.
    pub fn control(&self, method: &str, path: &str, body: Option<&str>) -> Reply {
        let auth = format!("Bearer {}", self.token);
        let mut headers = vec![("Authorization", auth.as_str())];
        if body.is_some() {
            headers.push(("Content-Type", "application/json"));
        }
        self.call(method, path, &headers, body)
    }

    pub fn create(&self, workspace: &str, body: serde_json::Value) -> Reply {
        self.api(
            "POST",
            &format!("/workspaces/{workspace}/billing-accounts"),
            Some(&body),
        )
    }

    /// Stops the server the hard way (as a crash would), and waits for it.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// The process ID, for signals.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits for the process to end by itself, at most `limit`.
    pub fn wait_for_exit(&mut self, limit: Duration) -> Option<std::process::ExitStatus> {
        let deadline = std::time::Instant::now() + limit;
        while std::time::Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    pub fn try_wait(&mut self) -> Option<std::process::ExitStatus> {
        self.child.try_wait().unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn write_request(
    stream: &mut impl Write,
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
    close: bool,
) {
    let mut text = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n");
    for (name, value) in headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    if let Some(body) = body {
        text.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    if close {
        text.push_str("Connection: close\r\n");
    }
    text.push_str("\r\n");
    text.push_str(body.unwrap_or(""));
    stream.write_all(text.as_bytes()).unwrap();
    stream.flush().unwrap();
}

#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// One response (by its Content-Length); `None` if the connection closed before a status line.
pub fn read_reply(reader: &mut impl BufRead) -> Option<Reply> {
    let mut status_line = String::new();
    match reader.read_line(&mut status_line) {
        Ok(0) | Err(_) => return None,
        Ok(_) => {}
    }
    let status = status_line.split(' ').nth(1).unwrap().parse().unwrap();
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(':').unwrap();
        headers.push((name.to_string(), value.trim().to_string()));
    }
    let length: usize = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .map(|(_, v)| v.parse().unwrap())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    Some(Reply {
        status,
        headers,
        body,
    })
}

/// A fresh folder under the target directory, removed first if it exists.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
