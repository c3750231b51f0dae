//! The house rules, read off the source: no circle in the import graph between files, no
//! function longer than a person can hold in their head, and a domain that knows nothing of
//! egui. The source is read as text (comments and string literals blanked out), so these
//! tests need nothing but the files.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The longest a function in `src/` may be, in lines (signature to closing brace).
const MAX_FUNCTION_LINES: usize = 120;

/// Folders and files that may use egui: the app and the binary's entry point.
const GUI_PLACES: [&str; 2] = ["src/app/", "src/main.rs"];

fn src_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .expect("src is readable")
            .map(|e| e.expect("entry").path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(Path::new("src"), &mut out);
    out
}

/// The source with comments, string and character literals replaced by spaces (newlines
/// kept, so line numbers stay right).
fn blank_out(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !is_ident(prev(&chars, i))
        {
            // A raw string: r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '"' && (1..=hashes).all(|k| chars.get(j + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            for ch in &chars[i..j.min(chars.len())] {
                out.push(blank(*ch));
            }
            i = j;
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{..}'), not a lifetime ('a).
            let is_char = matches!(
                (next, chars.get(i + 2)),
                (Some('\\'), _) | (Some(_), Some('\''))
            );
            if is_char {
                out.push(' ');
                i += 1;
                while i < chars.len() && chars[i] != '\'' {
                    if chars[i] == '\\' {
                        out.push(' ');
                        i += 1;
                    }
                    out.push(' ');
                    i += 1;
                }
                out.push(' ');
                i += 1;
            } else {
                out.push(c);
                i += 1;
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn prev(chars: &[char], i: usize) -> char {
    if i == 0 { ' ' } else { chars[i - 1] }
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The module path of a file: `src/agenda/timing/mod.rs` is `["agenda", "timing"]`.
fn module_of(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix("src").expect("under src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().expect("a file name");
    if last != "mod.rs" && last != "lib.rs" && last != "main.rs" {
        parts.push(last.trim_end_matches(".rs").to_owned());
    }
    parts
}

/// The file of a module path, if it is a file of its own.
fn file_of(modules: &BTreeMap<Vec<String>, PathBuf>, path: &[String]) -> Option<PathBuf> {
    modules.get(path).cloned()
}

/// Where a path leads: the deepest module along it that is a file.
fn resolve(
    modules: &BTreeMap<Vec<String>, PathBuf>,
    here: &[String],
    segments: &[String],
) -> Option<PathBuf> {
    let mut at: Vec<String>;
    let mut rest = segments;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            at = Vec::new();
            rest = &rest[1..];
        }
        Some("super") | Some("self") => {
            at = here.to_vec();
            while let Some(first) = rest.first() {
                match first.as_str() {
                    "super" => {
                        at.pop()?;
                    }
                    "self" => {}
                    _ => break,
                }
                rest = &rest[1..];
            }
        }
        Some(first) => {
            // A child module of this one, named without `self::`.
            let mut child = here.to_vec();
            child.push(first.to_owned());
            if !modules.contains_key(&child) {
                return None;
            }
            at = here.to_vec();
        }
        None => return None,
    }
    for segment in rest {
        let mut next = at.clone();
        next.push(segment.clone());
        if modules.contains_key(&next) {
            at = next;
        } else {
            break;
        }
    }
    if at.is_empty() {
        // The crate root itself names nothing of interest.
        return None;
    }
    file_of(modules, &at)
}

/// Every path written in a `use` (braces expanded) or in code (`crate::a::b`, `super::x`,
/// `child::f`).
fn paths_in(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    // `use` declarations, with their braces.
    let bytes: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i + 4 < bytes.len() {
        let starts_use =
            bytes[i..].starts_with(&['u', 's', 'e', ' ']) && (i == 0 || !is_ident(bytes[i - 1]));
        if starts_use {
            let end = (i..bytes.len())
                .find(|&j| bytes[j] == ';')
                .unwrap_or(bytes.len());
            let tree: String = bytes[i + 4..end].iter().collect();
            let tree = tree.split_whitespace().collect::<Vec<_>>().join(" ");
            expand(&tree, &mut Vec::new(), &mut out);
            i = end;
        } else {
            i += 1;
        }
    }
    // Paths in code: words joined by `::`.
    let mut word = String::new();
    let mut path: Vec<String> = Vec::new();
    let mut chars = code.chars().peekable();
    let mut last_was_sep = false;
    while let Some(c) = chars.next() {
        if is_ident(c) {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            if path.is_empty() || last_was_sep {
                path.push(std::mem::take(&mut word));
            } else {
                word.clear();
            }
        }
        if c == ':' && chars.peek() == Some(&':') {
            chars.next();
            last_was_sep = true;
            continue;
        }
        last_was_sep = false;
        if path.len() > 1 {
            out.push(std::mem::take(&mut path));
        } else {
            path.clear();
        }
    }
    out
}

/// Expands a use tree (`a::{b, c::{d, e}}`) into its paths.
fn expand(tree: &str, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    let tree = tree.trim().trim_start_matches("::");
    if let Some(open) = tree.find('{') {
        let head = &tree[..open];
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let before = prefix.len();
        prefix.extend(
            head.split("::")
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned),
        );
        let mut depth = 0;
        let mut start = 0;
        let chars: Vec<char> = inner.chars().collect();
        for (j, c) in chars.iter().enumerate() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    let part: String = chars[start..j].iter().collect();
                    expand(&part, prefix, out);
                    start = j + 1;
                }
                _ => {}
            }
        }
        let part: String = chars[start..].iter().collect();
        expand(&part, prefix, out);
        prefix.truncate(before);
    } else {
        // `a::b as c` names `a::b`.
        let tree = tree.split_whitespace().next().unwrap_or_default();
        let mut path = prefix.clone();
        path.extend(
            tree.split("::")
                .filter(|s| !s.is_empty() && *s != "*")
                .map(str::to_owned),
        );
        if path.len() > 1 {
            out.push(path);
        }
    }
}

/// Removes `#[cfg(test)] mod name { … }` blocks: tests are not part of the import graph.
fn without_test_modules(code: &str) -> String {
    let mut out = code.to_owned();
    while let Some(at) = out.find("#[cfg(test)]") {
        let rest = &out[at..];
        let Some(open) = rest.find(['{', ';']) else {
            break;
        };
        if rest.as_bytes()[open] == b';' {
            out.replace_range(at..at + open + 1, "");
            continue;
        }
        let mut depth = 0;
        let mut end = rest.len();
        for (j, c) in rest[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + j + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        let newlines = rest[..end].matches('\n').count();
        out.replace_range(at..at + end, &"\n".repeat(newlines));
    }
    out
}

fn import_graph() -> BTreeMap<PathBuf, BTreeSet<PathBuf>> {
    let files: Vec<PathBuf> = src_files()
        .into_iter()
        .filter(|f| f.file_name().is_some_and(|n| n != "tests.rs") && !f.ends_with("main.rs"))
        .collect();
    let modules: BTreeMap<Vec<String>, PathBuf> =
        files.iter().map(|f| (module_of(f), f.clone())).collect();
    let mut graph = BTreeMap::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable");
        let code = without_test_modules(&blank_out(&text));
        let here = module_of(file);
        // The modules around this one (its parent, the parent's parent, up to the crate):
        // using what they define is how a child module works, not a circle.
        let ancestors: BTreeSet<PathBuf> = (0..here.len())
            .filter_map(|n| modules.get(&here[..n]).cloned())
            .collect();
        let targets: BTreeSet<PathBuf> = paths_in(&code)
            .iter()
            .filter_map(|p| resolve(&modules, &here, p))
            .filter(|target| target != file && !ancestors.contains(target))
            .collect();
        graph.insert(file.clone(), targets);
    }
    graph
}

/// The strongly connected components with more than one file (Tarjan).
fn circles(graph: &BTreeMap<PathBuf, BTreeSet<PathBuf>>) -> Vec<Vec<PathBuf>> {
    struct State<'a> {
        graph: &'a BTreeMap<PathBuf, BTreeSet<PathBuf>>,
        index: BTreeMap<&'a PathBuf, usize>,
        low: BTreeMap<&'a PathBuf, usize>,
        stack: Vec<&'a PathBuf>,
        on_stack: BTreeSet<&'a PathBuf>,
        next: usize,
        found: Vec<Vec<PathBuf>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a PathBuf) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.graph.get(v).into_iter().flatten() {
            let Some((w, _)) = s.graph.get_key_value(w) else {
                continue;
            };
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[w].min(s.low[v]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.index[w].min(s.low[v]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.clone());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.found.push(component);
            }
        }
    }
    let mut state = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !state.index.contains_key(v) {
            visit(&mut state, v);
        }
    }
    state.found
}

#[test]
fn no_import_circle_between_files() {
    let graph = import_graph();
    let found = circles(&graph);
    let described: Vec<String> = found
        .iter()
        .map(|component| {
            let mut lines = vec![format!("{} files:", component.len())];
            for file in component {
                let inside: Vec<String> = graph[file]
                    .iter()
                    .filter(|t| component.contains(t))
                    .map(|t| t.display().to_string())
                    .collect();
                lines.push(format!("  {} -> {}", file.display(), inside.join(", ")));
            }
            lines.join("\n")
        })
        .collect();
    assert!(
        found.is_empty(),
        "files that import each other (directly or around a circle):\n{}",
        described.join("\n")
    );
}

#[test]
fn the_import_reader_sees_uses_and_paths() {
    let code = blank_out(
        "use crate::a::{b::C, d}; // use crate::zz;\nfn f() { super::x::g(); let s = \"crate::q::r\"; child::h(); }",
    );
    let paths = paths_in(&code);
    let as_text: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert!(
        as_text.contains(&"crate::a::b::C".to_owned()),
        "{as_text:?}"
    );
    assert!(as_text.contains(&"crate::a::d".to_owned()), "{as_text:?}");
    assert!(as_text.contains(&"super::x::g".to_owned()), "{as_text:?}");
    assert!(as_text.contains(&"child::h".to_owned()), "{as_text:?}");
    assert!(
        !as_text
            .iter()
            .any(|p| p.contains("zz") || p.contains("q::r"))
    );
    let mut graph = BTreeMap::new();
    let a = PathBuf::from("a");
    let b = PathBuf::from("b");
    graph.insert(a.clone(), BTreeSet::from([b.clone()]));
    graph.insert(b.clone(), BTreeSet::from([a.clone()]));
    assert_eq!(circles(&graph), vec![vec![a, b]]);
}

/// Functions (name, first line, length in lines) of a file.
fn functions(code: &str) -> Vec<(String, usize, usize)> {
    let chars: Vec<char> = code.chars().collect();
    let line_at = |i: usize| chars[..i].iter().filter(|c| **c == '\n').count() + 1;
    let mut found = Vec::new();
    let mut i = 0;
    while i + 3 < chars.len() {
        let is_fn = chars[i] == 'f'
            && chars[i + 1] == 'n'
            && chars[i + 2] == ' '
            && (i == 0 || !is_ident(chars[i - 1]));
        if !is_fn {
            i += 1;
            continue;
        }
        let name: String = chars[i + 3..]
            .iter()
            .take_while(|c| is_ident(**c))
            .collect();
        // The body starts at the first `{` outside parentheses; a `;` first means no body.
        let mut j = i + 3;
        let mut parens = 0i32;
        let mut body = None;
        while j < chars.len() {
            match chars[j] {
                '(' | '[' | '<' => parens += 1,
                ')' | ']' => parens -= 1,
                '>' if chars[j - 1] != '-' && chars[j - 1] != '=' => parens -= 1,
                '{' if parens <= 0 => {
                    body = Some(j);
                    break;
                }
                ';' if parens <= 0 => break,
                _ => {}
            }
            j += 1;
        }
        let Some(open) = body else {
            i = j;
            continue;
        };
        let mut depth = 0;
        let mut end = open;
        for (k, c) in chars[open..].iter().enumerate() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + k;
                        break;
                    }
                }
                _ => {}
            }
        }
        let first = line_at(i);
        found.push((name, first, line_at(end) - first + 1));
        i += 3;
    }
    found
}

#[test]
fn no_function_in_src_is_longer_than_120_lines() {
    let mut long = Vec::new();
    for file in src_files() {
        let text = std::fs::read_to_string(&file).expect("readable");
        for (name, line, lines) in functions(&blank_out(&text)) {
            if lines > MAX_FUNCTION_LINES {
                long.push(format!("{}:{line} {name} ({lines} lines)", file.display()));
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions longer than {MAX_FUNCTION_LINES} lines:\n{}",
        long.join("\n")
    );
}

#[test]
fn the_function_reader_measures_bodies() {
    let code = blank_out(
        "fn a() {\n  let s = \"}\";\n}\ntrait T { fn b(&self); }\nfn c<'a>(x: &'a str) -> Vec<u8> where u8: Copy {\n\n\n}\n",
    );
    let found = functions(&code);
    assert_eq!(found, vec![("a".to_owned(), 1, 3), ("c".to_owned(), 5, 4)]);
}

#[test]
fn the_domain_does_not_use_egui() {
    let mut leaks = Vec::new();
    for file in src_files() {
        let name = file.display().to_string();
        if GUI_PLACES.iter().any(|p| name.starts_with(p)) {
            continue;
        }
        let code = blank_out(&std::fs::read_to_string(&file).expect("readable"));
        if code.contains("egui") || code.contains("eframe") {
            leaks.push(name);
        }
    }
    assert!(leaks.is_empty(), "domain files that use egui: {leaks:?}");
}
