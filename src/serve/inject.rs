//! The live-reload script: its text, and adding it to an HTML page as it is served (never to a
//! file on disk).

/// Where the script is served.
pub const SCRIPT_PATH: &str = "/__agendum/live.js";

/// The script: listens for builds, reloads after a good one, shows the problems after a failed
/// one.
pub const SCRIPT: &str = include_str!("live.js");

/// The tag added to pages; `build` is the last good build the page comes from, so that the
/// script can tell whether the page is out of date.
pub fn tag(build: u64) -> String {
    format!("<script src=\"{SCRIPT_PATH}\" data-build=\"{build}\"></script>")
}

/// `html` with the script tag inserted before its last `</body>` (any case), or at the end if
/// it has none.
pub fn inject(html: &[u8], build: u64) -> Vec<u8> {
    let tag = tag(build);
    let at = last_body_close(html).unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn last_body_close(html: &[u8]) -> Option<usize> {
    const END: &[u8] = b"</body";
    (0..html.len().saturating_sub(END.len() - 1))
        .rev()
        .find(|&i| html[i..i + END.len()].eq_ignore_ascii_case(END))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goes_before_the_last_body_close() {
        let page = b"<html><body><p>&lt;/body&gt;</p></BODY>\n</html>";
        let out = String::from_utf8(inject(page, 7)).unwrap();
        assert_eq!(
            out,
            "<html><body><p>&lt;/body&gt;</p><script src=\"/__agendum/live.js\" data-build=\"7\"></script></BODY>\n</html>"
        );
    }

    #[test]
    fn appended_without_a_body() {
        let out = String::from_utf8(inject(b"<p>x", 1)).unwrap();
        assert!(out.starts_with("<p>x<script"), "{out}");
        assert!(String::from_utf8(inject(b"", 1)).unwrap().starts_with("<script"));
    }
}
