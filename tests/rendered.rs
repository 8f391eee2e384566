//! Rendered output compared with whole expected files under tests/rendered/, so a change in
//! wording or layout shows up as a readable diff. `UPDATE_EXPECTED=1 cargo test --test
//! rendered` rewrites them; review the diff before committing.
//! Also checks that no line is wider than the width it was rendered for.

mod common;

use unicode_width::UnicodeWidthStr;

const STAY: &str = "backend\ndisagree\nno\nagree\nunsure\nneutral\nno\ndisagree\nyes\nstrongly-agree\nno\nyes\n";
const GO: &str = "track = frontend\nhard = strongly-disagree\nmentor = yes\njobs = disagree\ndata = yes\n\
                  wages = neutral\nsame-pay = yes\nfuture-proof = agree\ncolleague = no\nfun = disagree\n\
                  data-work = somewhat\nenjoy-track = somewhat\n";

/// Runs mlcheck with `answers` on stdin at `columns` and compares with the expected file; text
/// output (not JSON) must fit the columns.
fn render(name: &str, args: &[&str], answers: &str, columns: usize) -> String {
    let mut cmd = common::run(args);
    cmd.env("COLUMNS", columns.to_string()).write_stdin(answers);
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    // JSON and Markdown reflow where they are read; text must fit.
    let reflows = args.contains(&"json") || args.contains(&"markdown");
    for line in text.lines().filter(|_| !reflows) {
        assert!(line.width() <= columns, "{name}: line wider than {columns}: {line:?}");
    }
    common::snapshot(&format!("{name}.expected"), &text);
    text
}

/// The chart's lines: from its heading to the blank line after it.
fn chart_lines(text: &str, heading: &str) -> Vec<String> {
    text.lines().skip_while(|l| !l.starts_with(heading)).take_while(|l| !l.is_empty()).map(str::to_string).collect()
}

#[test]
fn english_stay_with_transcript() {
    let text = render("en-stay-transcript", &["quiz"], STAY, 80);
    assert!(text.contains("\nStay in back-end\n"));
}

#[test]
fn english_ml_quiet_at_60_columns() {
    let text = render("en-ml-60", &["quiz", "--quiet"], GO, 60);
    assert!(text.starts_with("Go into machine learning\n"));
}

#[test]
fn korean_ml_at_40_columns() {
    let text = render("ko-ml-40", &["--lang", "ko", "quiz", "--quiet"], GO, 40);
    assert!(text.starts_with("머신러닝"));
}

#[test]
fn korean_stay_at_30_columns_the_narrowest_layout() {
    // Five changes needed: the longest "what would change it" the built-in bank gives.
    let text = render("ko-stay-30", &["--lang", "ko", "quiz", "--quiet"], STAY, 30);
    assert!(text.contains("결과가 바뀌려면\n"));
}

#[test]
fn korean_stay_with_transcript_at_40_columns() {
    render("ko-stay-transcript-40", &["--lang", "ko", "quiz"], STAY, 40);
}

#[test]
fn json_result() {
    render("en-stay-json", &["quiz", "--format", "json"], STAY, 80);
}

#[test]
fn markdown_results_in_both_languages() {
    let text = render("en-ml-markdown", &["quiz", "--format", "markdown"], GO, 80);
    assert!(text.starts_with("# Go into machine learning\n"));
    let text = render("ko-stay-markdown", &["--lang", "ko", "quiz", "--format", "markdown"], STAY, 80);
    assert!(text.starts_with("# 백엔드를 계속하세요\n"));
    // Markdown is the same at any width: the chart is drawn at 60 columns.
    let narrow = render("ko-stay-markdown", &["--lang", "ko", "quiz", "--format", "markdown"], STAY, 30);
    assert_eq!(narrow, text);
}

#[test]
fn markdown_reading_mode_in_both_languages() {
    render("en-myths-markdown", &["myths", "--format", "markdown"], "", 80);
    render("ko-myths-markdown", &["--lang", "ko", "myths", "--format", "markdown"], "", 80);
}

#[test]
fn myths_reading_mode_in_korean() {
    render("ko-myths-40", &["--lang", "ko", "myths"], "", 40);
}

#[test]
fn chart_fits_60_columns_and_aligns_in_both_languages() {
    for (lang, heading) in [("en", "What pushed you"), ("ko", "통념별로")] {
        let text = render(&format!("{lang}-stay-quiet-80"), &["--lang", lang, "quiz", "--quiet"], STAY, 80);
        let chart = chart_lines(&text, heading);
        assert_eq!(chart.len(), 2 + 10, "{lang}: heading, axis and ten bars: {chart:#?}");
        // Every bar's axis sits in the same display column, whatever the labels' widths.
        let axis_at: Vec<usize> = chart[1..].iter().map(|l| l[..l.find('│').unwrap()].width()).collect();
        assert!(axis_at.windows(2).all(|w| w[0] == w[1]), "{lang}: axis not aligned: {axis_at:?}");
        for line in &chart {
            assert!(line.width() <= 60, "{lang}: chart line wider than 60: {line:?}");
        }
    }
}

#[test]
fn readme_sample_is_a_real_rendering() {
    common::readme_sample("en-ml-60.expected");
}
