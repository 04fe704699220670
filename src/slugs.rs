//! Slugs for ids and anchors.

/// Whether `s` is a valid id: lower-case ASCII letters, digits and single hyphens.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Turns any text into a slug ("Financial implications" → "financial-implications").
pub fn slugify(s: &str) -> String {
    slug::slugify(s)
}
