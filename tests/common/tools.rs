//! Programs some tests need beyond the Rust toolchain (groff, fish): `.ci/run` installs them.
//! Without one, a test is skipped with a notice on a developer's machine and fails in CI.

use std::process::{Command, Stdio};

/// Whether `program` runs (`program --version`). When it doesn't: in CI (`CI` set) this
/// panics, since `.ci/run` should have installed `package`; elsewhere it prints a notice and
/// returns false, and the caller skips.
pub fn available(program: &str, package: &str) -> bool {
    let runs = Command::new(program)
        .arg("--version")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !runs {
        assert!(
            std::env::var_os("CI").is_none(),
            "`{program}` is missing; CI must install it (Debian package {package}, see .ci/run)"
        );
        eprintln!("notice: skipped, `{program}` is not installed (Debian package {package})");
    }
    runs
}
