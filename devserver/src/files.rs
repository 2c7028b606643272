//! The sample page and the npm package as static files: MIME types, no escape from their folders.

use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::message::Response;

/// The Content-Type of a file, by its extension.
pub fn mime(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "map" => "application/json",
        "ts" | "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// `encoded` with its percent-escapes decoded; `None` when it is not valid UTF-8 or holds NUL.
pub fn percent_decode(encoded: &str) -> Option<String> {
    let bytes = encoded.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = encoded.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    if out.contains(&0) {
        return None;
    }
    String::from_utf8(out).ok()
}

/// The file `relative` (a URL path below the folder, still encoded) names inside `root`,
/// or `None` if it would leave `root`: `..`, backslashes, absolute paths and symlinks out.
pub fn resolve(root: &Path, relative: &str) -> Option<PathBuf> {
    let decoded = percent_decode(relative)?;
    if decoded.contains('\\') {
        return None;
    }
    let mut path = root.to_path_buf();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        let mut components = Path::new(segment).components();
        match (components.next(), components.next()) {
            (Some(Component::Normal(c)), None) => path.push(c),
            _ => return None,
        }
    }
    let root = fs::canonicalize(root).ok()?;
    let mut real = fs::canonicalize(&path).ok()?;
    if !real.starts_with(&root) {
        return None;
    }
    if real.is_dir() {
        real.push("index.html");
    }
    real.is_file().then_some(real)
}

/// The file at `relative` below `root` with its MIME type, or a 404.
pub fn serve(root: &Path, relative: &str) -> Response {
    match resolve(root, relative).and_then(|p| fs::read(&p).ok().map(|b| (p, b))) {
        Some((path, bytes)) => Response::new(200).body(mime(&path), bytes),
        None => Response::text(404, "Not found.\n"),
    }
}

/// What `/` shows when `www/` has not been written or built yet.
pub const PLACEHOLDER: &str = "<!doctype html>
<html lang=\"en\">
<head><meta charset=\"utf-8\"><title>billing-account-form devserver</title></head>
<body>
<h1>billing-account-form devserver</h1>
<p>The stand-in API is running, but there is no sample page: <code>www/index.html</code> was not found.</p>
<p>The page's settings are at <a href=\"/config.json\">/config.json</a>; the API is under <code>/workspaces/</code>.</p>
</body>
</html>
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_and_refuses_nul_and_bad_escapes() {
        assert_eq!(percent_decode("a%20b%2Fc").as_deref(), Some("a b/c"));
        assert_eq!(percent_decode("%00"), None);
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%2"), None);
        assert_eq!(percent_decode("%ff"), None);
    }

    #[test]
    fn never_leaves_the_root() {
        let dir = std::env::temp_dir().join(format!("devserver-files-{}", std::process::id()));
        let root = dir.join("www");
        fs::create_dir_all(root.join("sub")).unwrap();
        fs::write(root.join("index.html"), "i").unwrap();
        fs::write(root.join("sub/a.js"), "a").unwrap();
        fs::write(dir.join("secret.txt"), "s").unwrap();
        assert!(resolve(&root, "/").unwrap().ends_with("index.html"));
        assert!(resolve(&root, "/sub/a.js").is_some());
        assert!(resolve(&root, "/sub//a.js").is_some());
        for bad in [
            "/../secret.txt",
            "/sub/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt",
            "/..%5csecret.txt",
            "/sub\\..\\..\\secret.txt",
            "/./index.html",
            "/missing.js",
            "/index.html%00.js",
        ] {
            assert_eq!(resolve(&root, bad), None, "{bad}");
        }
        #[cfg(unix)]
        {
            let _ = std::os::unix::fs::symlink(dir.join("secret.txt"), root.join("link.txt"));
            assert_eq!(resolve(&root, "/link.txt"), None);
        }
        let _ = fs::remove_dir_all(&dir);
    }
}
