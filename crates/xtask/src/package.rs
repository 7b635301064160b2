//! `cargo xtask package`: the core as an ES module for plain JavaScript, in `pkg/`, ready for
//! `npm pack`.
//!
//! The TypeScript declarations are `crates/wasm/types/woonkans.d.ts`, generated from the Rust
//! types by `crates/wasm/tests/typescript.rs` (not the ones wasm-bindgen generates: those type
//! every object as `any`). So that the signatures cannot drift from the module unnoticed, the
//! build fails when a function exported by the JS glue is not declared, or a declared function
//! is not exported.

use super::{Res, root, run, step};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What `npm pack` puts in the tarball (package.json and README.md always go in).
const FILES: [&str; 3] = ["woonkans.js", "woonkans_bg.wasm", "woonkans.d.ts"];

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

pub fn pkg_dir() -> PathBuf {
    root().join("pkg")
}

pub fn package() -> Res {
    step("JS-module bouwen (pkg/)");
    run(super::cargo().args([
        "build",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "woonkans-wasm",
    ]))?;
    let built = target_dir().join("wasm32-unknown-unknown/release/woonkans_wasm.wasm");
    let pkg = pkg_dir();
    // Start clean so no file of an earlier layout ends up in the tarball.
    if pkg.exists() {
        std::fs::remove_dir_all(&pkg).map_err(|e| format!("kan pkg/ niet leegmaken: {e}"))?;
    }
    // `--debug` keeps the glue's argument type checks. Without them a number or an object
    // passed where a string belongs reaches the allocator as a NaN length, and the module traps
    // or corrupts its memory; with them the glue throws an Error before calling in.
    run(Command::new("wasm-bindgen").args([
        "--target".as_ref(),
        "web".as_ref(),
        "--debug".as_ref(),
        "--no-typescript".as_ref(),
        "--out-dir".as_ref(),
        pkg.as_os_str(),
        "--out-name".as_ref(),
        "woonkans".as_ref(),
        built.as_os_str(),
    ]))?;
    let wasm = pkg.join("woonkans_bg.wasm");
    // The module's target_features section (kept by wasm-bindgen) tells wasm-opt which
    // post-MVP features it uses; the two flags are the ones the app's build names as well.
    run(
        Command::new(root().join("node_modules/.bin/wasm-opt")).args([
            "-Oz".as_ref(),
            "--enable-bulk-memory".as_ref(),
            "--enable-nontrapping-float-to-int".as_ref(),
            wasm.as_os_str(),
            "-o".as_ref(),
            wasm.as_os_str(),
        ]),
    )?;

    let dts = root().join("crates/wasm/types/woonkans.d.ts");
    std::fs::copy(&dts, pkg.join("woonkans.d.ts"))
        .map_err(|e| format!("kan {} niet kopiëren: {e}", dts.display()))?;
    check_declarations(&pkg.join("woonkans.js"), &pkg.join("woonkans.d.ts"))?;

    write(&pkg.join("package.json"), &package_json())?;
    write(&pkg.join("README.md"), README)?;

    println!("\npakket: {}", pkg.display());
    for name in ["woonkans_bg.wasm", "woonkans.js", "woonkans.d.ts"] {
        let path = pkg.join(name);
        let raw = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        match gzip_size(&path) {
            Some(gz) => println!(
                "  {name:<18} {:>8.1} KB  (gzip {:>7.1} KB)",
                raw as f64 / 1024.0,
                gz as f64 / 1024.0
            ),
            None => println!("  {name:<18} {:>8.1} KB", raw as f64 / 1024.0),
        }
    }
    println!("  npm pack: cd pkg && npm pack");
    Ok(())
}

fn write(path: &Path, text: &str) -> Res {
    std::fs::write(path, text).map_err(|e| format!("kan {} niet schrijven: {e}", path.display()))
}

/// `gzip -9` is on every machine that runs this project; without it only raw sizes show.
fn gzip_size(path: &Path) -> Option<u64> {
    let out = Command::new("gzip")
        .args(["-9", "-c"])
        .arg(path)
        .output()
        .ok()?;
    out.status.success().then_some(out.stdout.len() as u64)
}

/// Names after `export function ` (and `export async function `) at the start of a line.
fn exported_functions(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter_map(|l| {
            l.strip_prefix("export function ")
                .or_else(|| l.strip_prefix("export async function "))
                .or_else(|| l.strip_prefix("export declare function "))
        })
        .filter_map(|rest| {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
                .collect();
            (!name.is_empty()).then_some(name)
        })
        .collect()
}

/** The first line (1-based) that uses `any` as a type, outside comments. */
fn any_type_line(dts: &str) -> Option<usize> {
    dts.lines().enumerate().find_map(|(i, line)| {
        let code = line.trim_start();
        if code.starts_with("//") || code.starts_with('*') || code.starts_with("/*") {
            return None;
        }
        let code = code.split("//").next().unwrap_or("");
        code.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
            .any(|word| word == "any")
            .then_some(i + 1)
    })
}

fn check_declarations(js: &Path, dts: &Path) -> Res {
    let read = |p: &Path| {
        std::fs::read_to_string(p).map_err(|e| format!("kan {} niet lezen: {e}", p.display()))
    };
    let mut exported = exported_functions(&read(js)?);
    // wasm-bindgen's default export (`export { initSync }; export default __wbg_init;`) is
    // declared by hand as `init` and `initSync`.
    exported.insert("initSync".into());
    let dts_text = read(dts)?;
    if let Some(line) = any_type_line(&dts_text) {
        return Err(format!(
            "woonkans.d.ts gebruikt het type any (regel {line}); typeer in- en uitvoer precies"
        ));
    }
    let declared = exported_functions(&dts_text);
    let undeclared: Vec<&String> = exported.difference(&declared).collect();
    let phantom: Vec<&String> = declared.difference(&exported).collect();
    if undeclared.is_empty() && phantom.is_empty() {
        println!("declaraties: {} functies, alle getypeerd", exported.len());
        Ok(())
    } else {
        Err(format!(
            "woonkans.d.ts loopt niet gelijk met de module: niet gedeclareerd {undeclared:?}, \
             gedeclareerd maar niet geëxporteerd {phantom:?}"
        ))
    }
}

fn package_json() -> String {
    let files: Vec<String> = FILES.iter().map(|f| format!("\"{f}\"")).collect();
    format!(
        r#"{{
  "name": "@woonkans/woonkans",
  "version": "{version}",
  "description": "Woonkans core as a WebAssembly ES module: minimiser, scanner, placement profile, pseudonym codes, coded profile bundles (writer with leak guard, verifier), matcher and caseload assignment. Runs entirely in the browser.",
  "license": "EUPL-1.2",
  "type": "module",
  "main": "woonkans.js",
  "module": "woonkans.js",
  "types": "woonkans.d.ts",
  "exports": {{
    ".": {{
      "types": "./woonkans.d.ts",
      "default": "./woonkans.js"
    }},
    "./woonkans_bg.wasm": "./woonkans_bg.wasm"
  }},
  "files": [{files}],
  "sideEffects": false
}}
"#,
        version = env!("CARGO_PKG_VERSION"),
        files = files.join(", ")
    )
}

const README: &str = "# @woonkans/woonkans

The Woonkans core as a WebAssembly ES module for plain JavaScript: the data minimiser and
free-text scanner, the placement-profile builder, pseudonym codes, the coded profile bundle
writer (with its leak guard) and verifier, the matcher and the caseload assignment. Everything
runs in the browser; the module makes no network request of its own after it is loaded.

```js
import init, { version, sampleOffer, verifyBundle } from '@woonkans/woonkans';

await init(); // fetches woonkans_bg.wasm next to woonkans.js
console.log(version(), sampleOffer().dwellings.length);
const bundle = verifyBundle(new Uint8Array(await file.arrayBuffer()));
```

Every function takes and returns plain objects (camelCase). Every failure is a thrown `Error`
with a stable `code`, a Dutch `message` and, where it applies, the `field` concerned; messages
never repeat a value from the input. `woonkans.d.ts` types every input and output
(TypeScript 5.7 or later).

Built with `cargo xtask package` in the Woonkans repository. Licence: EUPL-1.2.
";

#[cfg(test)]
mod tests {
    use super::{any_type_line, exported_functions};

    #[test]
    fn finds_any_outside_comments() {
        let ok = "/** Any spelling of any region. */\nexport type R = string; // any comment\n";
        assert_eq!(any_type_line(ok), None);
        assert_eq!(
            any_type_line("export type A = string;\nexport function f(x: any): void;"),
            Some(2)
        );
        assert_eq!(any_type_line("  list: Array<any>;"), Some(1));
    }

    #[test]
    fn finds_exported_and_declared_functions() {
        let js = "export function scanText(text, known) {\nfunction inner() {}\n\
                  export async function load() {}\nexport { initSync };";
        let dts = "export declare function scanText(text: string): Finding[];\n\
                   export function maxRent(h: number): number;";
        assert_eq!(
            exported_functions(js).into_iter().collect::<Vec<_>>(),
            vec!["load", "scanText"]
        );
        assert_eq!(
            exported_functions(dts).into_iter().collect::<Vec<_>>(),
            vec!["maxRent", "scanText"]
        );
    }
}
