//! `agendum serve`: the real binary on a free port, spoken to over plain HTTP/1.1. Static file
//! behaviour (types, folders, 404, ranges, no way out of the output folder), the live script
//! only in served pages, rebuilds after an edit, a failed build's located problems in the
//! status and the events, and recovery once the file is fixed.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use common::*;
use tempfile::TempDir;

/// How long anything may take to happen: generous, for a loaded 2-core machine.
const PATIENCE: Duration = Duration::from_secs(60);

const REPORT: &str = "content/committees/cabinet/2025-06-10/reports/budget.md";
const REPORT_URL: &str = "/committees/cabinet/2025-06-10/reports/budget/";
const PERSON: &str = "content/people/ann-lee.yaml";

/// A running `agendum serve`, killed when dropped.
struct Server {
    child: Child,
    port: u16,
    stderr: Arc<Mutex<String>>,
    _dir: TempDir,
    root: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Copies the small fixture site into a temporary folder and serves it on a free port.
    fn start(extra: &[&str]) -> Server {
        let dir = TempDir::new().unwrap();
        let root = dir.path().join("site");
        copy_dir(&fixture("small"), &root);
        // Files beside content/ that no request may reach.
        std::fs::write(root.join("secret.txt"), "TOP-SECRET-MARKER").unwrap();
        let mut args =
            vec!["serve", "--root", root.to_str().unwrap(), "--port", "0", "--as-of", "2025-06-20"];
        args.extend_from_slice(extra);
        let mut child = Command::new(env!("CARGO_BIN_EXE_agendum"))
            .args(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start agendum serve");
        let stderr = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = mpsc::channel();
        {
            let pipe = child.stderr.take().unwrap();
            let stderr = stderr.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(pipe).lines() {
                    let Ok(line) = line else { break };
                    if let Some(rest) = line.strip_prefix("serving http://127.0.0.1:") {
                        let port: String = rest.chars().take_while(char::is_ascii_digit).collect();
                        let _ = tx.send(port.parse::<u16>().unwrap());
                    }
                    let mut s = stderr.lock().unwrap();
                    s.push_str(&line);
                    s.push('\n');
                }
            });
        }
        let port = match rx.recv_timeout(PATIENCE) {
            Ok(p) => p,
            Err(_) => {
                let _ = child.kill();
                panic!("agendum serve printed no address:\n{}", stderr.lock().unwrap());
            }
        };
        let server = Server { child, port, stderr, _dir: dir, root };
        server.wait_for("the first build", |s| s.contains("\"good\":1"));
        server
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// A request with a raw target (sent exactly as given) and extra header lines.
    fn request(&self, method: &str, target: &str, headers: &[&str]) -> Response {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        let mut req =
            format!("{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n", self.port);
        for h in headers {
            req.push_str(h);
            req.push_str("\r\n");
        }
        req.push_str("\r\n");
        stream.write_all(req.as_bytes()).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        Response::parse(&raw)
    }

    fn get(&self, target: &str) -> Response {
        self.request("GET", target, &[])
    }

    /// `/__agendum/status`, as text.
    fn status(&self) -> String {
        let r = self.get("/__agendum/status");
        assert_eq!(r.status, 200);
        assert_eq!(r.header("content-type"), Some("application/json"));
        r.text()
    }

    /// Polls the status until `done` holds; panics after `PATIENCE` with what was seen.
    fn wait_for(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.status();
            if done(&s) {
                return s;
            }
            if start.elapsed() > PATIENCE {
                panic!("timed out waiting for {what}; status {s}\nstderr:\n{}", self.stderr());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until the terminal output contains `text`.
    fn wait_for_stderr(&self, text: &str) {
        let start = Instant::now();
        while !self.stderr().contains(text) {
            assert!(
                start.elapsed() < PATIENCE,
                "the terminal did not print\n{text}\nstderr:\n{}",
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The `good` build number in the status.
    fn good(&self) -> u64 {
        good_of(&self.status())
    }

    fn edit(&self, rel: &str, from: &str, to: &str) {
        let path = self.root.join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{rel} has no {from:?}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }
}

/// The `good` build number in a status.
fn good_of(status: &str) -> u64 {
    let v: serde_json::Value = serde_json::from_str(status).unwrap();
    v["good"].as_u64().unwrap()
}

struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    fn parse(raw: &[u8]) -> Response {
        let end = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("a complete response head");
        let head = String::from_utf8_lossy(&raw[..end]).into_owned();
        let mut lines = head.split("\r\n");
        let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        let mut body = raw[end + 4..].to_vec();
        if headers.iter().any(|(k, v)| k == "transfer-encoding" && v.contains("chunked")) {
            body = dechunk(&body);
        }
        Response { status, headers, body }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = data.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&data[..eol]).trim(), 16).unwrap();
        if size == 0 {
            break;
        }
        out.extend_from_slice(&data[eol + 2..eol + 2 + size]);
        data = &data[eol + 2 + size + 2..];
    }
    out
}

/// The built site `serve` is serving.
fn served_dir(server: &Server) -> PathBuf {
    server.root.join(".agendum-serve").join("public")
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

#[test]
fn serves_the_built_site_like_a_static_host() {
    // With PDFs, for range requests on an agenda pack.
    let server = Server::start(&[]);
    let good = server.good();

    // A folder URL serves its index.html, with the live script added.
    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(home.header("content-type"), Some("text/html; charset=utf-8"));
    assert_eq!(home.header("cache-control"), Some("no-store"));
    let tag = format!("<script src=\"/__agendum/live.js\" data-build=\"{good}\"></script></body>");
    assert!(home.text().contains(&tag), "no live script in the home page:\n{}", home.text());
    // Links point at the preview, not at the site's real address.
    assert!(home.text().contains(&format!("href=\"http://127.0.0.1:{}/\"", server.port)));
    assert!(!home.text().contains("democracy.testborough.gov.uk"));
    let report = server.get(REPORT_URL);
    assert_eq!(report.status, 200);
    // Never "not modified": a cached page would carry an old build number.
    let fresh = server.request("GET", REPORT_URL, &["If-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT"]);
    assert_eq!(fresh.status, 200);
    assert_eq!(fresh.text(), report.text());
    assert!(report.text().contains("Budget monitoring 2025/26"));
    // A folder without its slash is redirected to it.
    let redirect = server.get("/committees");
    assert!(matches!(redirect.status, 301 | 307 | 308), "{}", redirect.status);
    assert_eq!(redirect.header("location"), Some("/committees/"));

    let script = server.get("/__agendum/live.js");
    assert_eq!(script.status, 200);
    assert!(script.header("content-type").unwrap().starts_with("text/javascript"));
    assert!(script.text().contains("EventSource(\"/__agendum/events\")"));

    let css = server.get("/static/style.css");
    assert_eq!(css.status, 200);
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    assert_eq!(css.body, std::fs::read(served_dir(&server).join("static/style.css")).unwrap());
    let head = server.request("HEAD", "/static/style.css", &[]);
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());

    // A missing page is the site's own 404 page, with status 404 (and the live script).
    let missing = server.get("/committees/no-such-committee/");
    assert_eq!(missing.status, 404);
    let page404 = std::fs::read_to_string(served_dir(&server).join("404.html")).unwrap();
    assert!(page404.contains("Page not found"));
    let without_tag = missing.text().replace(&tag.replace("</body>", ""), "");
    assert_eq!(without_tag, page404);

    // Range requests, for PDFs.
    let pdf_url = "/committees/cabinet/2025-06-10/agenda-pack.pdf";
    let pdf = std::fs::read(served_dir(&server).join(&pdf_url[1..])).unwrap();
    assert!(pdf.len() > 2000 && pdf.starts_with(b"%PDF"));
    let whole = server.get(pdf_url);
    assert_eq!(whole.status, 200);
    assert_eq!(whole.header("content-type"), Some("application/pdf"));
    assert_eq!(whole.header("accept-ranges"), Some("bytes"));
    assert_eq!(whole.body, pdf);
    let part = server.request("GET", pdf_url, &["Range: bytes=1000-1999"]);
    assert_eq!(part.status, 206);
    assert_eq!(part.header("content-range"), Some(format!("bytes 1000-1999/{}", pdf.len()).as_str()));
    assert_eq!(part.header("content-length"), Some("1000"));
    assert_eq!(part.body, &pdf[1000..2000]);
    let tail = server.request("GET", pdf_url, &["Range: bytes=-4"]);
    assert_eq!(tail.status, 206);
    assert_eq!(tail.body, &pdf[pdf.len() - 4..]);
    // An attached PDF as well.
    let appendix = server.request(
        "GET",
        "/committees/cabinet/2025-06-10/reports/appendices/scorecard.pdf",
        &["Range: bytes=0-3"],
    );
    assert_eq!(appendix.status, 206);
    assert_eq!(appendix.body, b"%PDF");
    let beyond = server.request("GET", pdf_url, &[&format!("Range: bytes={}-", pdf.len() + 10)]);
    assert_eq!(beyond.status, 416);

    // The script is added as pages are served: no file on disk has it.
    for f in files_under(&served_dir(&server)) {
        let bytes = std::fs::read(&f).unwrap();
        assert!(
            !String::from_utf8_lossy(&bytes).contains("__agendum"),
            "{} has the live script",
            f.display()
        );
    }
}

#[test]
fn no_request_leaves_the_output_folder() {
    let server = Server::start(&["--no-pdfs"]);
    // The output folder is ROOT/.agendum-serve/public: ROOT is two levels up, the project's
    // Cargo.toml further still.
    for target in [
        "/../Cargo.toml",
        "/../../secret.txt",
        "/../../../secret.txt",
        "/static/../../../secret.txt",
        "/../../content/site.yaml",
        "/%2e%2e/%2e%2e/secret.txt",
        "/%2E%2E/%2E%2E/content/site.yaml",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/..%2f..%2fetc/passwd",
        "/..%2f..%2fsecret.txt",
        "/static/..%2f..%2f..%2fsecret.txt",
        "/%2e%2e%2f%2e%2e%2fcontent%2fsite.yaml",
        "/..%5c..%5csecret.txt",
        "/%252e%252e/%252e%252e/secret.txt",
        "/.%2e/.%2e/secret.txt",
        "/static/%2e%2e/%2e%2e/%2e%2e/content/site.yaml",
        "//../../secret.txt",
        "/secret.txt",
        "/content/site.yaml",
    ] {
        let r = server.get(target);
        assert!(matches!(r.status, 400 | 404), "{target}: status {}", r.status);
        let body = r.text();
        assert!(
            !body.contains("TOP-SECRET-MARKER")
                && !body.contains("base_url:")
                && !body.contains("root:x:0:0"),
            "{target} reached a file outside the output folder:\n{body}"
        );
    }
    // The absolute form of a request target too.
    let r = server.get(&format!("http://127.0.0.1:{}/../../secret.txt", server.port));
    assert!(matches!(r.status, 400 | 404), "absolute form: status {}", r.status);
    assert!(!r.text().contains("TOP-SECRET-MARKER"));
    // Still serving.
    assert_eq!(server.get("/").status, 200);
}

#[test]
fn a_normal_build_has_no_live_script() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("public");
    build_ok(&fixture("small"), &out, &["--no-pdfs"]);
    let files = files_under(&out);
    assert!(files.iter().any(|f| f.ends_with("index.html")));
    for f in files {
        let text = String::from_utf8_lossy(&std::fs::read(&f).unwrap()).into_owned();
        assert!(
            !text.contains("__agendum") && !text.contains("live.js"),
            "{} has the live script",
            f.display()
        );
    }
}

/// Reads server-sent events from `/__agendum/events` until one named `name` arrives, and
/// returns its data line.
fn next_event(stream: &mut TcpStream, seen: &mut String, name: &str) -> String {
    let start = Instant::now();
    let marker = format!("event: {name}\n");
    loop {
        if let Some(at) = seen.find(&marker) {
            let rest = &seen[at + marker.len()..];
            if let Some(end) = rest.find("\n\n") {
                let data = rest[..end].trim_start_matches("data: ").to_string();
                *seen = rest[end..].to_string();
                return data;
            }
        }
        assert!(start.elapsed() < PATIENCE, "no `{name}` event; got:\n{seen}");
        let mut buf = [0u8; 8192];
        match stream.read(&mut buf) {
            Ok(0) => panic!("the event stream closed; got:\n{seen}"),
            Ok(n) => seen.push_str(&String::from_utf8_lossy(&buf[..n])),
            Err(e)
                if e.kind() == std::io::ErrorKind::WouldBlock || e.kind() == std::io::ErrorKind::TimedOut => {
            }
            Err(e) => panic!("reading events: {e}"),
        }
    }
}

#[test]
fn rebuilds_on_change_shows_errors_and_recovers() {
    let server = Server::start(&["--no-pdfs"]);
    let first = server.good();

    // An edit to a report appears on its page.
    assert!(!server.get(REPORT_URL).text().contains("Zephyr reserve"));
    server.edit(REPORT, "That Cabinet notes the position.", "That Cabinet notes the Zephyr reserve.");
    let start = Instant::now();
    loop {
        let page = server.get(REPORT_URL);
        if page.status == 200 && page.text().contains("Zephyr reserve") {
            break;
        }
        assert!(start.elapsed() < PATIENCE, "the edit never appeared; stderr:\n{}", server.stderr());
        std::thread::sleep(Duration::from_millis(100));
    }
    // The files are swapped in just before the status moves on.
    server.wait_for("the status of the rebuild", |s| good_of(s) > first);
    let after_edit = server.good();
    server.wait_for_stderr(&format!("({REPORT} changed): ok"));
    let page = server.get(REPORT_URL).text();
    assert!(page.contains(&format!("data-build=\"{after_edit}\"")), "the page's build is not {after_edit}");

    // A page open in the browser listens to the events.
    let mut events = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    events.set_read_timeout(Some(Duration::from_millis(500))).unwrap();
    write!(events, "GET /__agendum/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        .unwrap();
    let mut seen = String::new();
    let now = next_event(&mut events, &mut seen, "status");
    assert!(now.contains("\"ok\":true"), "{now}");

    // Break a YAML file: the status and the events carry the located problem; the last good
    // site is still served.
    server.edit(PERSON, "name: Ann Lee", "name: [Ann Lee");
    let status = server.wait_for("the error", |s| s.contains("\"ok\":false"));
    let v: serde_json::Value = serde_json::from_str(&status).unwrap();
    let error = v["error"].as_str().unwrap();
    assert!(error.contains("at content/people/ann-lee.yaml:2:7"), "{error}");
    assert!(error.contains("name: [Ann Lee"), "the source line is shown: {error}");
    assert!(!error.contains('\u{1b}'), "no terminal colours in the browser: {error:?}");
    assert_eq!(v["good"].as_u64(), Some(after_edit));
    let pushed = next_event(&mut events, &mut seen, "error");
    assert!(pushed.contains("at content/people/ann-lee.yaml:2:7"), "{pushed}");
    // The terminal printed the same message.
    let located = error.rsplit_once("\n1 error(s)").map_or(error, |(d, _)| d);
    server.wait_for_stderr(located);
    let stale = server.get(REPORT_URL);
    assert_eq!(stale.status, 200);
    assert!(stale.text().contains("Zephyr reserve"));
    // A page loaded now still has the script, which asks the status and shows the overlay.
    assert!(stale.text().contains(&format!("data-build=\"{after_edit}\"")));
    let script = server.get("/__agendum/live.js").text();
    assert!(script.contains("fetch(\"/__agendum/status\"") && script.contains("alertdialog"));

    // Fix it: the status is good again, the events say reload, the page is served.
    server.edit(PERSON, "name: [Ann Lee", "name: Ann Lee");
    let status = server.wait_for("the fix", |s| s.contains("\"ok\":true"));
    let v: serde_json::Value = serde_json::from_str(&status).unwrap();
    assert!(v["error"].is_null());
    assert!(v["good"].as_u64().unwrap() > after_edit);
    let reload = next_event(&mut events, &mut seen, "reload");
    assert!(reload.contains("\"ok\":true"), "{reload}");
    let person = server.get("/people/ann-lee/");
    assert_eq!(person.status, 200);
    assert!(person.text().contains("Ann Lee"));
}

#[test]
fn refuses_what_it_cannot_do_safely() {
    // The members' edition is never served beyond this machine.
    let tmp = TempDir::new().unwrap();
    let root = tmp.path().join("site");
    copy_dir(&fixture("small"), &root);
    let o = agendum(&[
        "serve",
        "--root",
        root.to_str().unwrap(),
        "--edition",
        "members",
        "--bind",
        "0.0.0.0",
        "--port",
        "0",
    ]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("refusing to serve the members' edition on 0.0.0.0"), "{err}");

    // A port in use is a clear error.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let o = agendum(&["serve", "--root", root.to_str().unwrap(), "--port", &port, "--no-pdfs"]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(&format!("cannot listen on 127.0.0.1:{port}")) && err.contains("--port 0"), "{err}");

    // No site there.
    let o = agendum(&["serve", "--root", tmp.path().to_str().unwrap(), "--port", "0"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("there is no content/ folder"));
}
