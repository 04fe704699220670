//! The theme: Tera templates and static files. The default theme is compiled into the binary;
//! a site's own `themes/<name>/templates/*.html` and `themes/<name>/static/*` replace files of
//! the same name.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/default/templates/", $name)))),*]
    };
}

/// The default templates, by name.
const TEMPLATES: &[(&str, &str)] = embedded![
    "base.html",
    "macros.html",
    "home.html",
    "committees.html",
    "committee.html",
    "meeting.html",
    "item.html",
    "minutes.html",
    "report.html",
    "person.html",
    "people.html",
    "meetings.html",
    "404.html",
    "work-programme.html",
    "forward-plan.html",
    "forward-plan-filter.html",
    "plan-entry.html",
    "decisions.html",
    "decision.html",
    "matters.html",
    "matter.html",
    "search.html",
    "meetings-year.html",
    "papers.html",
    "papers-list.html",
    "wards.html",
    "ward.html",
    "accessibility.html",
];

/// The default static files, by name.
const STATIC: &[(&str, &str)] = &[
    ("style.css", include_str!("../../themes/default/static/style.css")),
    ("agendum.js", include_str!("../../themes/default/static/agendum.js")),
    ("search.js", include_str!("../../themes/default/static/search.js")),
];

/// Templates and static files after overrides.
#[derive(Debug, Default)]
pub struct Theme {
    /// Template sources by name.
    pub templates: BTreeMap<String, String>,
    /// Static files by name (copied to `/static/`).
    pub statics: BTreeMap<String, Vec<u8>>,
}

/// Loads the default theme, overridden by `root/themes/<name>/` when a name is given.
pub fn load(root: &Path, name: Option<&str>) -> Result<Theme, String> {
    let mut theme = Theme::default();
    for (n, src) in TEMPLATES {
        theme.templates.insert((*n).to_string(), (*src).to_string());
    }
    for (n, src) in STATIC {
        theme.statics.insert((*n).to_string(), src.as_bytes().to_vec());
    }
    let Some(name) = name else { return Ok(theme) };
    let dir = root.join("themes").join(name);
    if !dir.is_dir() {
        return Err(format!(
            "site.yaml chooses the theme `{name}`, but there is no folder {}",
            dir.display()
        ));
    }
    for (sub, is_template) in [("templates", true), ("static", false)] {
        let Ok(entries) = fs::read_dir(dir.join(sub)) else { continue };
        let mut entries: Vec<_> = entries.flatten().collect();
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let path = e.path();
            if !path.is_file() {
                continue;
            }
            let file_name = e.file_name().to_string_lossy().into_owned();
            let bytes = fs::read(&path).map_err(|err| format!("cannot read {}: {err}", path.display()))?;
            if is_template {
                let text = String::from_utf8(bytes)
                    .map_err(|_| format!("the template {} is not UTF-8 text", path.display()))?;
                theme.templates.insert(file_name, text);
            } else {
                theme.statics.insert(file_name, bytes);
            }
        }
    }
    Ok(theme)
}
