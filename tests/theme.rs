//! A site's own theme replaces default templates and static files of the same name.

mod common;

use common::*;
use tempfile::TempDir;

#[test]
fn site_theme_overrides_default_files() {
    let tmp = TempDir::new().unwrap();
    copy_dir(&fixture("small"), tmp.path());
    copy_dir(&fixture("custom-theme"), tmp.path());
    let out = tmp.path().join("out");
    build_ok(tmp.path(), &out, &[]);
    let site = Site { dir: out, base: "/".into() };
    let home = site.page("/");
    assert_eq!(text(&home, "h1").unwrap(), "Civic theme home for Testborough District Council");
    // Templates not overridden still come from the default theme.
    let meeting = site.page("/committees/cabinet/2025-06-10/");
    assert!(text(&meeting, "main").unwrap().contains("Part 1: items to be considered in public"));
    let css = std::fs::read_to_string(site.dir.join("static/style.css")).unwrap();
    assert!(css.starts_with("/* civic theme */"));
}

#[test]
fn a_missing_theme_is_an_error_and_writes_nothing() {
    let tmp = TempDir::new().unwrap();
    copy_dir(&fixture("small"), tmp.path());
    let site_yaml = tmp.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&site_yaml).unwrap();
    std::fs::write(&site_yaml, format!("{text}theme: nowhere\n")).unwrap();
    let out = tmp.path().join("out");
    let o = agendum(&["build", "--root", tmp.path().to_str().unwrap(), "--output", out.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("there is no folder"));
    assert!(!out.exists());
}
