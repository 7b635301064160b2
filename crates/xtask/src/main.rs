//! `cargo xtask serve` and `cargo xtask test`: the project's two commands.
//!
//! Each first makes sure, idempotently, that what it needs is installed — from crates.io, npm and
//! Debian only, never from a download site — and then does its work. See README.md.

#![allow(clippy::print_stdout)] // a command-line tool talks on stdout

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

mod package;

const WASM_BINDGEN_VERSION: &str = "0.2.130";
const TRUNK_VERSION: &str = "0.22.1";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("xtask lives at crates/xtask")
        .to_path_buf()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&args[1..]),
        Some("test") => test(&args[1..]),
        Some("build") => setup(false).and_then(|()| build_app()),
        Some("setup") => setup(true),
        Some("csp") => csp(&args[1..]),
        Some("package") => setup(false).and_then(|()| package::package()),
        _ => {
            println!(
                "gebruik: cargo xtask serve [--port N] | test [--no-e2e] | build | setup | package\n\
                 serve: bouwt de app (release) en serveert hem op 127.0.0.1\n\
                 test:  fmt, clippy, native tests, wasm-tests in Chromium, end-to-end tests\n\
                 package: de JS-module (ES module + TypeScript-declaraties) in pkg/"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

type Res = Result<(), String>;

fn step(name: &str) {
    println!("\n==> {name}");
}

fn run(cmd: &mut Command) -> Res {
    let shown = format!("{cmd:?}");
    let status = cmd
        .current_dir(root())
        .status()
        .map_err(|e| format!("kon {shown} niet starten: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} faalde ({status})"))
    }
}

fn output(cmd: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(cmd).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

/// Cargo for the one-shot builds of `test`: CI builds from a clean clone once, so incremental
/// caches (gigabytes for thirty test binaries) cost disk and buy nothing.
fn cargo_once() -> Command {
    let mut c = cargo();
    c.env("CARGO_INCREMENTAL", "0");
    c
}

fn is_root() -> bool {
    output("id", &["-u"]).is_some_and(|s| s.trim() == "0")
}

/// PATH with the project's npm tools (wasm-opt from the npm package `binaryen`) first.
fn path_with_node_bin() -> String {
    let bin = root().join("node_modules/.bin");
    format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// Installs what the project needs. Fast when everything is there: only version checks run.
fn setup(with_browser: bool) -> Res {
    let started = Instant::now();
    step("gereedschap controleren");
    let targets = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets
        .lines()
        .any(|t| t.trim() == "wasm32-unknown-unknown")
    {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    let components = output("rustup", &["component", "list", "--installed"]).unwrap_or_default();
    for c in ["rustfmt", "clippy"] {
        if !components.lines().any(|l| l.starts_with(c)) {
            run(Command::new("rustup").args(["component", "add", c]))?;
        }
    }
    let wb = output("wasm-bindgen", &["--version"]).unwrap_or_default();
    if !wb.contains(WASM_BINDGEN_VERSION)
        || output("wasm-bindgen-test-runner", &["--version"]).is_none()
    {
        // Not --locked: the registry mirror lacks one locked dependency of this release.
        run(cargo().args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            WASM_BINDGEN_VERSION,
            "--force",
        ]))?;
    }
    let trunk = output("trunk", &["--version"]).unwrap_or_default();
    if !trunk.contains(TRUNK_VERSION) {
        // 0.22.1 declares a newer rustc than it needs; it builds and runs on ours.
        run(cargo().args([
            "install",
            "--locked",
            "trunk",
            "--version",
            TRUNK_VERSION,
            "--ignore-rust-version",
            "--force",
        ]))?;
    }
    if !root().join("node_modules/.bin/wasm-opt").exists()
        || !root().join("node_modules/.package-lock.json").exists()
        || newer(
            &root().join("package-lock.json"),
            &root().join("node_modules/.package-lock.json"),
        )
    {
        run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]))?;
    }
    if with_browser {
        ensure_chromium()?;
    }
    println!(
        "gereedschap in orde ({:.1} s)",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn newer(a: &Path, b: &Path) -> bool {
    let m = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    matches!((m(a), m(b)), (Some(x), Some(y)) if x > y)
}

fn ensure_chromium() -> Res {
    let have = |p: &str| Path::new(p).exists();
    if have("/usr/bin/chromium") && have("/usr/bin/chromedriver") {
        return Ok(());
    }
    if !is_root() {
        return Err("Chromium en chromedriver ontbreken. Installeer ze met:\n  \
             sudo apt-get update && sudo apt-get install -y chromium chromium-driver"
            .into());
    }
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args([
            "install",
            "-y",
            "--no-install-recommends",
            "chromium",
            "chromium-driver",
        ])
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

fn build_app() -> Res {
    step("app bouwen (trunk build --release)");
    run(Command::new("trunk")
        .args(["build", "--release"])
        .env("PATH", path_with_node_bin())
        .env("TRUNK_SKIP_VERSION_CHECK", "true"))?;
    let wasm = std::fs::read_dir(root().join("dist"))
        .map_err(|e| e.to_string())?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "wasm"));
    if let Some(w) = wasm {
        let size = std::fs::metadata(&w).map(|m| m.len()).unwrap_or(0);
        println!("app-wasm: {} ({} KB)", w.display(), size / 1024);
    }
    Ok(())
}

fn serve(args: &[String]) -> Res {
    let port = match args {
        [flag, n] if flag == "--port" => n.parse().map_err(|_| "--port wil een getal")?,
        [] => 8080,
        _ => return Err("gebruik: cargo xtask serve [--port N]".into()),
    };
    setup(false)?;
    build_app()?;
    let server = xtask::server::serve(&root().join("dist"), port)
        .map_err(|e| format!("kan niet luisteren op 127.0.0.1:{port}: {e}"))?;
    println!("\nWoonkans draait op {}  (Ctrl-C stopt)", server.url());
    loop {
        std::thread::park();
    }
}

fn csp(args: &[String]) -> Res {
    let dir = args
        .first()
        .cloned()
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .ok_or("csp: geef de map met index.html")?;
    xtask::csp::seal_file(&Path::new(&dir).join("index.html"))
}

#[derive(Default)]
struct Tally {
    passed: u64,
    failed: u64,
}

impl Tally {
    fn read(&mut self, line: &str) {
        // "test result: ok. 12 passed; 0 failed; ..." from libtest and wasm-bindgen-test-runner.
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            return;
        };
        let words: Vec<&str> = rest
            .split([' ', ';', '.'])
            .filter(|w| !w.is_empty())
            .collect();
        let num_before = |word: &str| {
            words
                .windows(2)
                .find(|w| w[1] == word)
                .and_then(|w| w[0].parse::<u64>().ok())
                .unwrap_or(0)
        };
        self.passed += num_before("passed");
        self.failed += num_before("failed");
    }
}

/// Runs a test command, streaming its output and counting its results.
fn run_counted(cmd: &mut Command, tally: &mut Tally) -> Res {
    use std::io::{BufRead, BufReader};
    let shown = format!("{cmd:?}");
    let mut child = cmd
        .current_dir(root())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("kon {shown} niet starten: {e}"))?;
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            println!("{line}");
            tally.read(&line);
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} faalde ({status})"))
    }
}

fn test(args: &[String]) -> Res {
    let e2e = !args.iter().any(|a| a == "--no-e2e");
    let started = Instant::now();
    setup(true)?;
    let mut tally = Tally::default();
    let mut failures = Vec::new();

    step("cargo fmt --check");
    run(cargo_once().args(["fmt", "--all", "--", "--check"]))?;
    step("cargo clippy (native en wasm32), waarschuwingen zijn fouten");
    run(cargo_once().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(cargo_once().args([
        "clippy",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "woonkans-wasm",
        "-p",
        "woonkans-web",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;

    step("native tests");
    // woonkans-wasm natively: tests/typescript.rs checks the generated types/woonkans.d.ts.
    if let Err(e) = run_counted(
        cargo_once().args([
            "test",
            // One failing test file must not hide how the others fare (as below).
            "--no-fail-fast",
            "-p",
            "woonkans-core",
            "-p",
            "woonkans-views",
            "-p",
            "woonkans-wasm",
            "-p",
            "xtask",
        ]),
        &mut tally,
    ) {
        failures.push(e);
    }
    // The app's pure parts (routes) also run natively.
    if let Err(e) = run_counted(
        cargo_once().args(["test", "-p", "woonkans-web", "--lib"]),
        &mut tally,
    ) {
        failures.push(e);
    }

    step("wasm-tests in headless Chromium");
    if let Err(e) = run_counted(
        cargo_once()
            .args([
                "test",
                // One failing file must not hide how the others fare in the summary.
                "--no-fail-fast",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                "woonkans-wasm",
                "-p",
                "woonkans-web",
            ])
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env("WASM_BINDGEN_TEST_TIMEOUT", "300"),
        &mut tally,
    ) {
        failures.push(e);
    }

    // The JS module: built before the end-to-end tests, which load its example page.
    package::package()?;
    step("TypeScript: examples/check.ts tegen de declaraties van de module (tsc --noEmit)");
    let tsc = run(Command::new(root().join("node_modules/.bin/tsc")).args([
        "-p",
        "examples/tsconfig.json",
        "--noEmit",
    ]));
    // One test in the tally, reported the way libtest reports.
    tally.read(&format!(
        "test result: {}. {} passed; {} failed;",
        if tsc.is_ok() { "ok" } else { "FAILED" },
        u8::from(tsc.is_ok()),
        u8::from(tsc.is_err())
    ));
    if let Err(e) = tsc {
        failures.push(e);
    }

    if e2e {
        build_app()?;
        step("end-to-end tests: de gebouwde app in headless Chromium");
        if let Err(e) = run_counted(
            cargo_once()
                .args([
                    "test",
                    "--no-fail-fast",
                    "-p",
                    "woonkans-tests",
                    "--",
                    "--test-threads=1",
                ])
                .env("WOONKANS_DIST", root().join("dist"))
                .env("PATH", path_with_node_bin()),
            &mut tally,
        ) {
            failures.push(e);
        }
    }

    println!("\nklaar in {:.0} s", started.elapsed().as_secs_f64());
    if e2e {
        println!(
            "schermafbeeldingen (1280x800): {}",
            root().join("target/screenshots").display()
        );
    }
    for f in &failures {
        println!("mislukt: {f}");
    }
    println!("summary: {} passed, {} failed", tally.passed, tally.failed);
    if failures.is_empty() && tally.failed == 0 {
        Ok(())
    } else {
        Err("tests mislukt".into())
    }
}

#[cfg(test)]
mod tests {
    use super::Tally;

    #[test]
    fn counts_libtest_and_runner_lines() {
        let mut t = Tally::default();
        t.read("test result: ok. 12 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s");
        t.read(
            "test result: FAILED. 3 passed; 2 failed; 0 ignored; 0 filtered out; finished in 0.03s",
        );
        t.read("running 3 tests");
        assert_eq!((t.passed, t.failed), (15, 2));
    }
}
