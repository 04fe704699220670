//! The preview's HTTP side: the built site as static files (content types, `index.html` for
//! folders, range requests, the site's own 404 page), nothing outside the output folder, and
//! the live-reload endpoints under `/__agendum/`.

use std::convert::Infallible;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::handler::HandlerWithoutStateExt;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::Stream;
use tower_http::services::ServeDir;

use super::{Live, Status, inject};

/// The router for the site built into `dir`.
pub fn router(live: Arc<Live>, dir: PathBuf) -> Router {
    let fallback = {
        let (live, dir) = (live.clone(), dir.clone());
        move || {
            let (live, dir) = (live.clone(), dir.clone());
            async move { not_found(&live, &dir).await }
        }
    };
    let files = ServeDir::new(&dir).append_index_html_on_directories(true).fallback(fallback.into_service());
    Router::new()
        .route(inject::SCRIPT_PATH, get(script))
        .route("/__agendum/status", get(status))
        .route("/__agendum/events", get(events))
        .with_state(live.clone())
        .fallback_service(files)
        .layer(middleware::from_fn_with_state(live, guard))
}

/// Why a request path is refused before it reaches the files: a `..` segment (raw or
/// percent-encoded, including encoded slashes), a backslash, a NUL, or bytes that are not UTF-8
/// once decoded.
pub fn bad_path(path: &str) -> Option<&'static str> {
    let Ok(decoded) = percent_encoding::percent_decode_str(path).decode_utf8() else {
        return Some("the path is not UTF-8");
    };
    if decoded.contains('\0') || decoded.contains('\\') {
        return Some("the path contains a NUL or a backslash");
    }
    if path.split('/').chain(decoded.split('/')).any(|s| s == "..") {
        return Some("the path leads out of the site (`..`)");
    }
    None
}

/// Refuses paths that would leave the output folder, makes every response uncached (a page's
/// script knows which build it came from, so a cached copy would reload for ever), and adds the
/// live-reload script to HTML pages.
async fn guard(State(live): State<Arc<Live>>, mut req: Request, next: Next) -> Response {
    if let Some(why) = bad_path(req.uri().path()) {
        return (StatusCode::BAD_REQUEST, format!("400 Bad Request: {why}\n")).into_response();
    }
    let headers = req.headers_mut();
    headers.remove(header::IF_MODIFIED_SINCE);
    headers.remove(header::IF_NONE_MATCH);
    let head = req.method() == Method::HEAD;
    // Read before the page, so that a build finishing meanwhile at worst causes one reload more.
    let good = live.status().good;
    let mut resp = next.run(req).await;
    let headers = resp.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // The site's text files are UTF-8, but the guessed types do not say so.
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let html = content_type.starts_with("text/html");
    if let Some(typed) = match content_type {
        "text/html" => Some("text/html; charset=utf-8"),
        "text/css" => Some("text/css; charset=utf-8"),
        "text/javascript" => Some("text/javascript; charset=utf-8"),
        "application/javascript" => Some("text/javascript; charset=utf-8"),
        _ => None,
    } {
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(typed));
    }
    let whole = matches!(resp.status(), StatusCode::OK | StatusCode::NOT_FOUND);
    if !html || !whole || head || resp.headers().contains_key(header::CONTENT_ENCODING) {
        return resp;
    }
    let (mut parts, body) = resp.into_parts();
    let bytes = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(b) => b,
        Err(e) => {
            return (StatusCode::INTERNAL_SERVER_ERROR, format!("cannot read the page: {e}\n"))
                .into_response();
        }
    };
    for h in [header::CONTENT_LENGTH, header::ACCEPT_RANGES, header::LAST_MODIFIED, header::ETAG] {
        parts.headers.remove(h);
    }
    Response::from_parts(parts, Body::from(inject::inject(&bytes, good)))
}

/// A missing file: the site's own `404.html` with status 404, or a stand-in page before the
/// first good build.
async fn not_found(live: &Live, dir: &Path) -> Response {
    let page = match tokio::fs::read(dir.join("404.html")).await {
        Ok(bytes) => bytes,
        Err(_) => {
            let status = live.status();
            let message = if status.good == 0 && status.ok {
                "The site is being built. This page reloads when it is ready."
            } else if status.good == 0 {
                "The site could not be built yet: see the problems listed here or in the terminal."
            } else {
                "There is no page at this address."
            };
            format!(
                "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Agendum preview</title></head>\
                 <body><main><h1>Agendum preview</h1><p>{message}</p></main></body></html>\n"
            )
            .into_bytes()
        }
    };
    (StatusCode::NOT_FOUND, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response()
}

async fn script() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], inject::SCRIPT)
}

async fn status(State(live): State<Arc<Live>>) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], status_json(&live.status()))
}

fn status_json(status: &Status) -> String {
    serde_json::to_string(status).unwrap_or_else(|_| "{}".into())
}

/// Server-sent events: the state now (`status`), then `building` when a build starts, `reload`
/// after a good build and `error` (with the problems) after a failed one. Each carries the
/// status as JSON.
async fn events(State(live): State<Arc<Live>>) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let rx = live.subscribe();
    let stream = futures_util::stream::unfold((rx, true), |(mut rx, first)| async move {
        if !first && rx.changed().await.is_err() {
            return None;
        }
        let status = rx.borrow_and_update().clone();
        let name = match (first, status.building, status.ok) {
            (true, _, _) => "status",
            (false, true, _) => "building",
            (false, false, true) => "reload",
            (false, false, false) => "error",
        };
        Some((Ok(Event::default().event(name).data(status_json(&status))), (rx, false)))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

#[cfg(test)]
mod tests {
    use super::bad_path;

    #[test]
    fn traversal_is_refused() {
        for p in [
            "/../Cargo.toml",
            "/a/../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/..%2f..%2fetc/passwd",
            "/%2E%2E%2F%2E%2E%2Fcontent/site.yaml",
            "/..",
            "/a%5c..%5c..%5cx",
            "/a%00b",
            "/%ff",
        ] {
            assert!(bad_path(p).is_some(), "{p}");
        }
        for p in ["/", "/committees/cabinet/", "/style.css", "/a..b/", "/%20x/", "/..a/"] {
            assert!(bad_path(p).is_none(), "{p}");
        }
    }
}
