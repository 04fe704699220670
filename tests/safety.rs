//! Safe output: a killed build leaves the previous output as it was; output files are not
//! world-writable; an output folder that would swallow the content or the cache is refused;
//! `javascript:` links are refused.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use common::*;
use tempfile::TempDir;

/// The small site with its cabinet copied `n` times as committees `cabinet-1` … `cabinet-n`.
fn big_site(root: &Path, n: usize) {
    copy_dir(&fixture("small"), root);
    let committees = root.join("content/committees");
    for i in 1..=n {
        let to = committees.join(format!("cabinet-{i}"));
        copy_dir(&committees.join("cabinet"), &to);
        rewrite_tree(&to, &format!("cabinet-{i}/"));
    }
}

fn rewrite_tree(dir: &Path, with: &str) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rewrite_tree(&p, with);
        } else if p.extension().is_some_and(|x| x == "md" || x == "yaml") {
            let t = fs::read_to_string(&p).unwrap().replace("cabinet/", with);
            fs::write(&p, t).unwrap();
        }
    }
}

#[test]
fn a_killed_build_leaves_the_previous_output() {
    let tmp = TempDir::new().unwrap();
    big_site(tmp.path(), 150);
    let out = tmp.path().join("public");
    let args = |out: &Path| {
        vec![
            "build".to_string(),
            "--root".into(),
            tmp.path().to_str().unwrap().into(),
            "--output".into(),
            out.to_str().unwrap().into(),
            "--as-of".into(),
            "2026-01-01".into(),
            // Every build does the same work, so the kills land part-way through.
            "--no-cache".into(),
        ]
    };
    let started = Instant::now();
    let o = Command::new(env!("CARGO_BIN_EXE_agendum")).args(args(&out)).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let full = started.elapsed();
    fs::write(out.join("marker.txt"), "previous build").unwrap();
    let before = Site { dir: out.clone(), base: "/".into() }.files();

    // Kill a second build part-way through, several times at different points.
    for fraction in [4, 2] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_agendum")).args(args(&out)).spawn().unwrap();
        std::thread::sleep(full / fraction);
        let _ = child.kill();
        let status = child.wait().unwrap();
        let after = Site { dir: out.clone(), base: "/".into() }.files();
        if status.success() {
            // It finished before the kill: the new output is complete and the old one gone.
            assert!(!after.contains_key("marker.txt"));
            return;
        }
        assert_eq!(before, after, "a killed build changed the previous output");
    }
    // The next build clears what the killed ones left beside the output.
    let o = Command::new(env!("CARGO_BIN_EXE_agendum")).args(args(&out)).output().unwrap();
    assert!(o.status.success());
    let leftovers: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".partial-") || n.contains(".old-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert!(!out.join("marker.txt").exists());
}

#[cfg(unix)]
#[test]
fn output_is_not_world_writable() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("out");
    build_ok(&fixture("small"), &out, &[]);
    let mut stack = vec![out.clone()];
    let mut seen = 0;
    while let Some(d) = stack.pop() {
        let mode = fs::metadata(&d).unwrap().permissions().mode();
        assert_eq!(mode & 0o002, 0, "{} is world-writable", d.display());
        if d.is_dir() {
            for e in fs::read_dir(&d).unwrap() {
                stack.push(e.unwrap().path());
            }
        }
        seen += 1;
    }
    assert!(seen > 20);
}

#[test]
fn javascript_links_are_refused() {
    let tmp = TempDir::new().unwrap();
    copy_dir(&fixture("small"), tmp.path());
    let minutes = tmp.path().join("content/committees/cabinet/2025-06-10/minutes.md");
    let t = fs::read_to_string(&minutes)
        .unwrap()
        .replace("Members discussed the report.", "Members discussed [the report](javascript:alert(1)).");
    fs::write(&minutes, t).unwrap();
    let o = agendum(&["check", "--root", tmp.path().to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        !o.status.success() && err.contains("path-outside-content") && err.contains("javascript:alert(1)"),
        "{err}"
    );
}

#[test]
fn an_output_folder_holding_the_content_or_the_cache_is_refused() {
    let tmp = TempDir::new().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("small"), &site);
    let root = site.to_str().unwrap();
    let before = Site { dir: site.clone(), base: "/".into() }.files();
    let outs = [site.clone(), tmp.path().to_path_buf(), site.join("content"), site.join("content/built")];
    for out in &outs {
        let o = agendum(&["build", "--root", root, "--output", out.to_str().unwrap(), "--no-cache"]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success() && err.contains("the content folder"), "{}: {err}", out.display());
    }
    let out = tmp.path().join("out");
    let cache = out.join("cache");
    let o = agendum(&[
        "build",
        "--root",
        root,
        "--output",
        out.to_str().unwrap(),
        "--cache",
        cache.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success() && err.contains("the cache folder"), "{err}");
    assert_eq!(Site { dir: site, base: "/".into() }.files(), before, "nothing in the site was touched");
    assert!(!out.exists());
}
