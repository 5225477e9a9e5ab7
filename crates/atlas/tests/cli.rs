//! Runs the `atlas` binary as a user would.

use assert_cmd::Command;

fn atlas() -> Command {
    Command::cargo_bin("atlas").expect("the atlas binary is built by cargo test")
}

fn repo_root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn check_lists_every_seed_article() {
    let output = atlas()
        .current_dir(repo_root())
        .arg("check")
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    for id in [
        "000_e351f906387beb49",
        "001_ad68650c150bda19",
        "002_bd4ca793529f8b37",
        "003_5045aca5878c5269",
        "004_fda6902e906f6d9b",
    ] {
        assert!(stdout.contains(id), "{id} missing from:\n{stdout}");
    }
    assert!(stdout.ends_with("5 articles\n"), "{stdout}");
}

#[test]
fn check_fails_with_the_folder_named_when_it_is_missing() {
    let output = atlas()
        .args(["check", "--articles", "/no/such/folder"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("error: /no/such/folder: cannot read"),
        "{stderr}"
    );
}
