//! `mlcheck compare` at the level an organizer meets it: a folder of answers before a session
//! and one after. Pairing (partners, loners, JSON Lines that don't pair), the sign test
//! against values worked out by hand, the privacy rules, each format in both languages
//! (snapshots under tests/rendered/, `UPDATE_EXPECTED=1` rewrites them), bad input on
//! either side, determinism, and the HTML page rendered in a real browser.

mod common;

use mlcheck::model::bank::MYTHS;
use std::fs;
use std::path::{Path, PathBuf};

use common::{bank_questions, browser, json_of, pages, run, s, snapshot, webdriver, Run};
use unicode_width::UnicodeWidthStr;

/// Choice indices (0 = strongly disagree ... 4 = strongly agree) of paired person `i`'s answer
/// to each myth, before and after. Worked out so each myth tests one reading:
/// - hard: 9 toward disagreeing, 1 toward agreeing, 4 the same: p = 2 × (1 + 10) / 2¹⁰ = 0.0215;
/// - jobs: 8 against 2: p = 2 × (1 + 10 + 45) / 2¹⁰ = 0.109375, could easily be chance;
/// - wages: 5 toward disagreeing, 0 the other way: p = 2 / 2⁵ = 0.0625, too few to tell;
/// - future-proof: nobody moves: p = 1;
/// - fun: 6 toward disagreeing: p = 2 / 2⁶ = 0.03125, the fewest that can reach 5%.
fn myth_moves(i: usize, myth: &str) -> (usize, usize) {
    match myth {
        "hard" if i < 9 => (4, 1),
        "hard" if i == 9 => (2, 3),
        "hard" => (3, 3),
        "jobs" if i < 8 => (3, 1),
        "jobs" if i < 10 => (1, 3),
        "jobs" => (2, 2),
        "wages" if i < 5 => (4, 3),
        "wages" => (2, 2),
        "future-proof" => (3, 3),
        "fun" if i < 6 => (3, 0),
        "fun" => (1, 1),
        other => panic!("not a myth: {other}"),
    }
}

/// The keyed answers of person `i`, `after` the session or before. Reality checks and the
/// track vary with `i` and stay the same both times, except two checks that shift after.
fn answers(i: usize, after: bool) -> String {
    let tracks = ["frontend", "backend", "mobile"];
    bank_questions()
        .iter()
        .enumerate()
        .map(|(q, (id, keys))| {
            let key = if id == "track" {
                tracks[i % 3].to_string()
            } else if MYTHS.contains(&id.as_str()) {
                let (b, a) = myth_moves(i % 14, id);
                keys[if after { a } else { b }].clone()
            } else if id == "mentor" && after {
                keys[(i + 1) % keys.len()].clone()
            } else if id == "data-work" && after && i == 2 {
                // Told that most ML work is data and infrastructure, one wants none of it.
                keys.last().unwrap().clone()
            } else {
                keys[(i * 7 + q * 3) % keys.len()].clone()
            };
            format!("{id} = {key}\n")
        })
        .collect()
}

/// `mlcheck quiz --format json` of `text`, compacted to one line (JSON Lines).
fn json_line(text: &str) -> String {
    let mut cmd = run(&["quiz", "--format", "json"]);
    cmd.write_stdin(text.to_string());
    let out = Run::of(cmd).expect(0);
    let value: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    serde_json::to_string(&value).unwrap()
}

/// The sample of the snapshots: 14 people answer both times (`pNN.txt` on both sides);
/// two only before, one only after, one after under another folder (`late/p00.txt`, a
/// loner: its path differs); a web form's JSON Lines file of four results on each side
/// (counted, never paired). 20 results a side and 14 pairs; the two loners of each side are
/// fewer than 5 (--min-group) and left out, so each side shows 18.
fn sample(dir: &Path) -> (PathBuf, PathBuf) {
    let (before, after) = (dir.join("before"), dir.join("after"));
    fs::create_dir_all(&before).unwrap();
    fs::create_dir_all(after.join("late")).unwrap();
    for i in 0..14 {
        fs::write(before.join(format!("p{i:02}.txt")), answers(i, false)).unwrap();
        fs::write(after.join(format!("p{i:02}.txt")), answers(i, true)).unwrap();
    }
    fs::write(before.join("only-before-1.txt"), answers(20, false)).unwrap();
    fs::write(before.join("only-before-2.txt"), answers(21, false)).unwrap();
    fs::write(after.join("only-after.txt"), answers(22, true)).unwrap();
    fs::write(after.join("late/p00.txt"), answers(23, true)).unwrap();
    let form = |after: bool| (30..34).map(|i| json_line(&answers(i, after)) + "\n").collect::<String>();
    fs::write(before.join("form.json"), form(false)).unwrap();
    fs::write(after.join("form.json"), form(true)).unwrap();
    // Before has no `late/`; after has two more results there and no only-before files.
    assert_eq!(fs::read_dir(&before).unwrap().count(), 17);
    (before, after)
}

fn compare(args: &[&str]) -> Run {
    let mut all = vec!["compare"];
    all.extend_from_slice(args);
    Run::of(run(&all))
}

/// `text` with every run of white space (line breaks and indents included) made one space,
/// so a check doesn't depend on where a paragraph wraps.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn myth<'a>(j: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    j["myths"].as_array().unwrap().iter().find(|m| m["id"] == id).unwrap_or_else(|| panic!("no myth {id}"))
}

// ---------------------------------------------------------------- pairing and the sign test

#[test]
fn partners_pair_loners_and_json_lines_only_count() {
    let dir = tempfile::tempdir().unwrap();
    let (before, after) = sample(dir.path());
    let j = json_of(&compare(&["--format", "json", s(&before), s(&after)]).expect(0));
    assert_eq!(j["paired"], 14, "p00..p13; not the loners, not late/p00.txt, not the JSON Lines results");
    // The two loners on each side are fewer than 5: left out, so they can't be worked out.
    assert_eq!(j["unpaired_left_out"], serde_json::json!({"before": 2, "after": 2}));
    assert_eq!(j["before"]["respondents"], 18);
    assert_eq!(j["after"]["respondents"], 18);
    // Every pair is counted once per myth.
    for id in MYTHS {
        let m = &myth(&j, id)["movers"];
        let sum =
            m["toward_agree"].as_u64().unwrap() + m["toward_disagree"].as_u64().unwrap() + m["same"].as_u64().unwrap();
        assert_eq!(sum, 14, "{id}: {m}");
    }
}

#[test]
fn the_sign_test_matches_values_worked_out_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let (before, after) = sample(dir.path());
    let j = json_of(&compare(&["--format", "json", s(&before), s(&after)]).expect(0));
    let expect = |id: &str, agree: u64, disagree: u64, same: u64, p: f64| {
        let m = &myth(&j, id)["movers"];
        assert_eq!(
            (m["toward_agree"].as_u64(), m["toward_disagree"].as_u64(), m["same"].as_u64()),
            (Some(agree), Some(disagree), Some(same)),
            "{id}: {m}"
        );
        assert_eq!(m["p_value"].as_f64().unwrap(), p, "{id}");
    };
    expect("hard", 1, 9, 4, 0.021484375);
    expect("jobs", 2, 8, 4, 0.109375);
    expect("wages", 0, 5, 9, 0.0625);
    expect("future-proof", 0, 0, 14, 1.0);
    expect("fun", 0, 6, 8, 0.03125);

    // And in plain words.
    let text = compare(&[s(&before), s(&after)]).expect(0).stdout;
    let after_topic = |topic: &str| {
        let start = text.find(&format!("\n  {topic}\n")).unwrap_or_else(|| panic!("{topic}:\n{text}"));
        text[start..].lines().skip(2).take(3).collect::<Vec<_>>().join(" ")
    };
    assert!(after_topic("Seems hard").contains("p = 0.0215: unlikely to be chance at the 5% level"), "{text}");
    assert!(after_topic("Jobs").contains("p = 0.1094: could easily be chance"), "{text}");
    assert!(after_topic("Wages").contains("p = 0.0625: too few moved to tell"), "{text}");
    assert!(after_topic("Future-proof").contains("p = 1: nobody moved"), "{text}");
    assert!(after_topic("Fun").contains("p = 0.0313: unlikely to be chance"), "{text}");
    assert!(!text.to_lowercase().contains("significant"));
}

#[test]
fn shares_and_changes_add_up() {
    let dir = tempfile::tempdir().unwrap();
    let (before, after) = sample(dir.path());
    let j = json_of(&compare(&["--format", "json", s(&before), s(&after)]).expect(0));
    for m in j["myths"].as_array().unwrap() {
        let id = m["id"].as_str().unwrap();
        let side = |side: &str| {
            let found = j[side]["myths"].as_array().unwrap().iter().find(|x| x["id"] == id).unwrap();
            found["share"].as_f64().unwrap()
        };
        assert_eq!(m["share_before"].as_f64().unwrap(), side("before"), "{id}");
        assert_eq!(m["share_after"].as_f64().unwrap(), side("after"), "{id}");
        let change = m["change"].as_f64().unwrap();
        assert!((change - (side("after") - side("before"))).abs() < 1e-9, "{id}");
    }
    let verdicts = j["verdicts"].as_object().unwrap();
    assert_eq!(verdicts.len(), 4);
    // In bank order as printed: ml, then each track.
    let out = compare(&["--format", "json", s(&before), s(&after)]).expect(0).stdout;
    let at = |key: &str| out.find(&format!("\n    \"{key}\": {{")).unwrap_or_else(|| panic!("{key}"));
    assert!(at("ml") < at("frontend") && at("frontend") < at("backend") && at("backend") < at("mobile"));
    for side in ["before", "after"] {
        let sum: u64 = verdicts.values().map(|v| v[side].as_u64().unwrap()).sum();
        assert_eq!(sum, 18, "{side}");
        for (key, v) in verdicts {
            assert_eq!(v[side], j[side]["verdicts"][key], "{side} {key}");
        }
    }
}

#[test]
fn a_json_lines_side_does_not_pair() {
    let dir = tempfile::tempdir().unwrap();
    let (before, after) = sample(dir.path());
    // Everyone before, in one JSON Lines file.
    let lines: String = (0..14).map(|i| json_line(&answers(i, false)) + "\n").collect();
    let web = dir.path().join("web.jsonl");
    fs::write(&web, lines).unwrap();
    let out = compare(&["--format", "json", s(&web), s(&after)]).expect(0);
    let j = json_of(&out);
    assert_eq!(j["paired"], 0);
    assert_eq!(j["before"]["respondents"], 14);
    assert!(j["myths"].as_array().unwrap().iter().all(|m| m["movers"].is_null()));
    let text = flat(&compare(&[s(&web), s(&after)]).expect(0).stdout);
    assert!(text.contains("Not shown: no one could be paired."), "{text}");
    assert!(text.contains("when each is alone in its file"), "{text}");
    // The same results, one file each, pair again.
    assert_eq!(json_of(&compare(&["--format", "json", s(&before), s(&after)]).expect(0))["paired"], 14);
}

#[test]
fn single_json_results_pair_by_path_in_subfolders() {
    let dir = tempfile::tempdir().unwrap();
    for (side, after) in [("before", false), ("after", true)] {
        let room = dir.path().join(side).join("room2");
        fs::create_dir_all(&room).unwrap();
        for i in 0..5 {
            // One pretty result a file, as `quiz --format json > NAME.json` writes it.
            let mut cmd = run(&["quiz", "--format", "json"]);
            cmd.write_stdin(answers(i, after));
            fs::write(room.join(format!("p{i}.json")), Run::of(cmd).expect(0).stdout).unwrap();
        }
    }
    let (before, after) = (dir.path().join("before"), dir.path().join("after"));
    let j = json_of(&compare(&["--format", "json", s(&before), s(&after)]).expect(0));
    assert_eq!(j["paired"], 5);
    assert_eq!(myth(&j, "hard")["movers"]["toward_disagree"], 5);
}

// ---------------------------------------------------------------- privacy

#[test]
fn a_side_below_min_group_refuses_the_comparison() {
    let dir = tempfile::tempdir().unwrap();
    let (before, _) = sample(dir.path());
    let few = dir.path().join("few");
    fs::create_dir(&few).unwrap();
    for i in 0..4 {
        fs::write(few.join(format!("p{i:02}.txt")), answers(i, true)).unwrap();
    }
    let out = compare(&[s(&before), s(&few)]).expect_error(
        65,
        &format!("AFTER ({}) has only 4 valid results, fewer than the smallest group shown (5, --min-group)", s(&few)),
    );
    assert!(!out.stderr.contains("18"), "nothing of the other side is shown either: {}", out.stderr);
    compare(&[s(&few), s(&before)]).expect_error(65, &format!("BEFORE ({}) has only 4 valid results", s(&few)));
    let out = Run::of(run(&["--lang", "ko", "compare", s(&few), s(&before)])).expect(65);
    assert!(out.stderr.contains("올바른 결과가 4개뿐이라"), "{}", out.stderr);
    // --min-group 3 lets 4 through, with the 4 pairs shown.
    let j = json_of(&compare(&["--format", "json", "--min-group", "3", s(&before), s(&few)]).expect(0));
    assert_eq!(j["paired"], 4);
    assert!(j["myths"][0]["movers"].is_object());
    // Below 3 is a usage error.
    let out = compare(&["--min-group", "2", s(&before), s(&few)]).expect(2);
    assert!(out.stderr.contains("must be at least 3"), "{}", out.stderr);
}

/// `answers(i, after)` with the track set to `track`.
fn answers_in(i: usize, after: bool, track: &str) -> String {
    answers(i, after)
        .lines()
        .map(|line| if line.starts_with("track = ") { format!("track = {track}\n") } else { format!("{line}\n") })
        .collect()
}

/// A group of 12 before (5 front-end, 5 back-end, 2 mobile) and 11 after (`p09`, a back-end
/// person, didn't come back: 5, 4, 2), with `to_mobile` of the front-end people in mobile
/// instead on both sides. Each side is one web form's JSON Lines export, so no one pairs
/// and both sides are shown whole: the case where only the tracks' hiding protects.
fn five_five_two(dir: &Path, to_mobile: usize) -> (PathBuf, PathBuf) {
    let (before, after) = (dir.join("before"), dir.join("after"));
    fs::create_dir_all(&before).unwrap();
    fs::create_dir_all(&after).unwrap();
    let (mut lines_before, mut lines_after) = (String::new(), String::new());
    for i in 0..12 {
        let track = match i {
            _ if i < to_mobile => "mobile",
            0..5 => "frontend",
            5..10 => "backend",
            _ => "mobile",
        };
        lines_before += &(json_line(&answers_in(i, false, track)) + "\n");
        if i != 9 {
            lines_after += &(json_line(&answers_in(i, true, track)) + "\n");
        }
    }
    fs::write(before.join("form.jsonl"), lines_before).unwrap();
    fs::write(after.join("form.jsonl"), lines_after).unwrap();
    (before, after)
}

#[test]
fn two_sides_of_almost_the_same_group_do_not_uncover_a_small_track() {
    // Alone, before (5/5/2) would show back-end and after (5/4/2) front-end: side by side,
    // mobile would be 12 - 5 - 5 = 2, and its stays the pool's. Hidden once for both, every
    // track is hidden on both sides.
    let dir = tempfile::tempdir().unwrap();
    let (before, after) = five_five_two(dir.path(), 0);
    let j = json_of(&compare(&["--format", "json", s(&before), s(&after)]).expect(0));
    for side in ["before", "after"] {
        assert_eq!(j[side]["hidden_tracks"], serde_json::json!(["frontend", "backend", "mobile"]), "{side}");
        assert_eq!(j[side]["by_track"], serde_json::json!({}), "{side}");
        for track in ["frontend", "backend", "mobile"] {
            assert!(j[side]["verdicts"][track].is_null(), "{side} {track}");
            assert!(j[side]["questions"][0]["counts"][track].is_null(), "{side} {track}");
        }
    }
    for track in ["frontend", "backend", "mobile"] {
        assert!(j["verdicts"][track].is_null(), "{track}");
    }
    let stay = &j["hidden_stay"];
    assert_eq!(stay["before"].as_u64().unwrap() + j["verdicts"]["ml"]["before"].as_u64().unwrap(), 12);
    assert_eq!(stay["after"].as_u64().unwrap() + j["verdicts"]["ml"]["after"].as_u64().unwrap(), 11);
    // Each side alone, as `report` shows it, would have given the game away.
    let alone = |path: &Path| json_of(&Run::of(run(&["report", "--format", "json", s(path)])).expect(0));
    assert!(alone(&before)["verdicts"]["backend"].is_u64());
    assert!(alone(&after)["verdicts"]["frontend"].is_u64());
    let text = compare(&[s(&before), s(&after)]).expect(0).stdout;
    assert!(flat(&text).contains("Stay in their own track"), "{text}");
    assert!(flat(&text).contains("No breakdown by track"), "{text}");
}

#[test]
fn moving_people_between_hidden_tracks_gives_the_same_bytes_in_every_format() {
    // Mobile holding 2, 3 or 4 people on both sides (moved from front-end) must read the
    // same in every format and language: nothing shown pins mobile's size or stays.
    let dirs: Vec<_> = (0..3).map(|_| tempfile::tempdir().unwrap()).collect();
    let sides: Vec<(PathBuf, PathBuf)> =
        dirs.iter().zip([0, 1, 2]).map(|(d, moved)| five_five_two(d.path(), moved)).collect();
    for lang in ["en", "ko"] {
        for format in ["text", "markdown", "json", "html"] {
            let outs: Vec<String> = sides
                .iter()
                .map(|(b, a)| {
                    // Relative paths, so the temporary folders' names don't show.
                    let mut cmd = run(&["--lang", lang, "compare", "--format", format, "before", "after"]);
                    cmd.current_dir(b.parent().unwrap());
                    assert_eq!(a.parent(), b.parent());
                    Run::of(cmd).expect(0).stdout
                })
                .collect();
            assert!(!outs[0].is_empty());
            assert_eq!(outs[0], outs[1], "{lang} {format}: mobile 2 and 3 read differently");
            assert_eq!(outs[0], outs[2], "{lang} {format}: mobile 2 and 4 read differently");
        }
    }
    // The groups really differ: `report` on AFTER alone shows front-end (5, then 4).
    let report = |(_, a): &(PathBuf, PathBuf)| Run::of(run(&["report", "--format", "json", s(a)])).expect(0).stdout;
    assert_ne!(report(&sides[0]), report(&sides[1]));
}

#[test]
fn few_pairs_hide_how_people_moved_and_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let (before, after) = sample(dir.path());
    let out = compare(&["--min-group", "15", s(&before), s(&after)]).expect(0);
    assert!(
        flat(&out.stdout).contains("Not shown: only 14 people answered both times, fewer than 15 (--min-group)"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("toward agreeing"), "{}", out.stdout);
    assert!(!out.stdout.contains("p = "), "{}", out.stdout);
    let j = json_of(&compare(&["--format", "json", "--min-group", "15", s(&before), s(&after)]).expect(0));
    assert_eq!(j["paired"], 14);
    assert!(j["myths"].as_array().unwrap().iter().all(|m| m["movers"].is_null()));
    for format in ["markdown", "html"] {
        let out = compare(&["--format", format, "--min-group", "15", s(&before), s(&after)]).expect(0);
        assert!(flat(&out.stdout).contains("only 14 people answered both times"), "{format}");
        assert!(!out.stdout.contains("0.0215"), "{format}");
    }
    let out = Run::of(run(&["--lang", "ko", "compare", "--min-group", "15", s(&before), s(&after)])).expect(0);
    assert!(
        flat(&out.stdout).contains("두 번 모두 답한 사람이 14명뿐이라 15명(--min-group)보다 적습니다"),
        "{}",
        out.stdout
    );
    // Above --min-group a side, the track breakdown isn't drawn again.
    let text = compare(&[s(&before), s(&after)]).expect(0).stdout;
    assert!(!text.contains("By track"), "{text}");
}

// ---------------------------------------------------------------- formats and snapshots

#[test]
fn text_in_both_languages_fits_every_width() {
    let dir = tempfile::tempdir().unwrap();
    let (before, after) = sample(dir.path());
    for lang in ["en", "ko"] {
        for columns in [120, 80, 40, 30] {
            let mut cmd = run(&["--lang", lang, "compare", s(&before), s(&after)]);
            cmd.env("COLUMNS", columns.to_string());
            let out = Run::of(cmd).expect(0);
            for line in out.stdout.lines() {
                assert!(line.width() <= columns, "{lang} at {columns}: line wider: {line:?}");
            }
            // The arrows of a chart share one axis: every track starts and ends in the same columns.
            let tracks: Vec<(usize, usize)> = out
                .stdout
                .lines()
                .filter(|l| l.contains('─') && !l.contains('┃'))
                .map(|l| {
                    let start = l.find(['─', '○', '◀', '▶', '●']).unwrap();
                    let end = l.rfind(['─', '○', '◀', '▶', '●']).unwrap();
                    (l[..start].width(), l[..end].width())
                })
                .collect();
            let myths = &tracks[..5];
            assert!(myths.windows(2).all(|w| w[0] == w[1]), "{lang} {columns}: {tracks:?}");
            if columns == 80 || columns == 40 {
                snapshot(&format!("compare-{lang}-{columns}.expected"), &out.stdout);
            }
        }
    }
}

#[test]
fn readme_sample_is_a_real_rendering() {
    common::readme_sample("compare-en-80.expected");
}

#[test]
fn direction_reads_without_colour() {
    let dir = tempfile::tempdir().unwrap();
    let (before, after) = sample(dir.path());
    let text = compare(&[s(&before), s(&after)]).expect(0).stdout;
    assert!(!text.contains('\u{1b}'), "no escape sequences with --color never");
    let row = |topic: &str| text.lines().find(|l| l.starts_with(&format!("  {topic} "))).unwrap().to_string();
    // Fewer believe "Seems hard" after: the head points left, after the ○ on its right.
    let hard = row("Seems hard");
    assert!(hard.find('◀').unwrap() < hard.find('○').unwrap(), "{hard}");
    assert!(hard.contains("-"), "{hard}");
    // Nobody moved on future-proof, so the share is the same: one dot.
    let future = row("Future-proof");
    assert!(future.contains('●') && !future.contains('○'), "{future}");
    assert!(future.contains(" 0 pp"), "{future}");
    // With colour forced, the same glyphs are there, coloured.
    let mut cmd = common::mlcheck();
    cmd.args(["--color", "always", "compare", s(&before), s(&after)]);
    let coloured = Run::of(cmd).expect(0).stdout;
    assert!(coloured.contains('\u{1b}') && coloured.contains('◀'));
}

#[test]
fn every_format_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let (before, after) = sample(dir.path());
    for lang in ["en", "ko"] {
        for (format, ext) in [("markdown", "md"), ("json", "json"), ("html", "html")] {
            let out = Run::of(run(&["--lang", lang, "compare", "--format", format, s(&before), s(&after)])).expect(0);
            assert!(out.stderr.is_empty(), "{}", out.stderr);
            snapshot(&format!("compare-{lang}.{ext}"), &out.stdout);
        }
    }
}

#[test]
fn json_embeds_each_sides_report() {
    let dir = tempfile::tempdir().unwrap();
    let (before, after) = sample(dir.path());
    // Without the loners, who would be left out of the comparison but not of a report.
    for loner in ["only-before-1.txt", "only-before-2.txt"] {
        fs::remove_file(before.join(loner)).unwrap();
    }
    fs::remove_file(after.join("only-after.txt")).unwrap();
    fs::remove_dir_all(after.join("late")).unwrap();
    let j = json_of(&compare(&["--format", "json", s(&before), s(&after)]).expect(0));
    assert_eq!(j["unpaired_left_out"], serde_json::json!({"before": 0, "after": 0}));
    for (side, path) in [("before", &before), ("after", &after)] {
        let report = json_of(&Run::of(run(&["report", "--format", "json", s(path)])).expect(0));
        assert_eq!(j[side], report, "{side} is the object report prints");
    }
    for field in ["paired", "unpaired_left_out", "min_group", "lang", "verdicts", "myths", "before", "after"] {
        assert!(!j[field].is_null(), "{field}");
    }
    let m = myth(&j, "hard");
    for field in ["id", "share_before", "share_after", "change", "movers"] {
        assert!(!m[field].is_null(), "{field}");
    }
    for field in ["toward_agree", "toward_disagree", "same", "p_value"] {
        assert!(m["movers"][field].is_number(), "{field}");
    }
}

#[test]
fn markdown_has_no_raw_html_and_fences_its_charts() {
    let dir = tempfile::tempdir().unwrap();
    let (before, after) = sample(dir.path());
    for lang in ["en", "ko"] {
        let text =
            Run::of(run(&["--lang", lang, "compare", "--format", "markdown", s(&before), s(&after)])).expect(0).stdout;
        pages::assert_markdown_without_html(&text);
        assert!(text.contains("```text\n"), "charts are in code blocks");
        assert!(text.contains("|---|---:|---:|---:|"), "GFM tables");
    }
}

#[test]
fn html_is_self_contained_and_accessible() {
    let dir = tempfile::tempdir().unwrap();
    let (before, after) = sample(dir.path());
    for lang in ["en", "ko"] {
        let page =
            Run::of(run(&["--lang", lang, "compare", "--format", "html", s(&before), s(&after)])).expect(0).stdout;
        pages::assert_self_contained_html(&page, lang);
        // Verdicts, myths and six reality checks: each chart one image whose label says
        // every arrow in words, as each arrow's own title does.
        let charts = pages::charts(&page);
        assert_eq!(charts.len(), 8, "{lang}");
        for (label, rows) in charts {
            assert!(!rows.is_empty(), "{lang}: {label}");
            for title in rows {
                assert!(!title.is_empty() && label.contains(title), "{lang}: {title:?} not in {label:?}");
            }
        }
    }
}

/// Renders the HTML page in chromium-headless-shell and checks the PNG is not blank and
/// shows both arrow colours. Skipped, with a notice, where the browser is missing and CI is
/// unset; fails under CI.
#[test]
fn html_renders_in_a_real_browser() {
    let Some(browser) = browser::browser("html_renders_in_a_real_browser") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (before, after) = sample(dir.path());
    for lang in ["en", "ko"] {
        let page =
            Run::of(run(&["--lang", lang, "compare", "--format", "html", s(&before), s(&after)])).expect(0).stdout;
        // Tall enough for the reality checks, where the blue arrows are (the sample's verdicts
        // don't move).
        let pixels =
            browser::screenshot(&browser, dir.path(), lang, &page, (1200, 4000), &format!("compare-{lang}.png"));
        let ink = pixels.iter().filter(|&&px| browser::is_ink(px)).count();
        let total = pixels.len();
        // --down (green, a myth fewer believe after) and --plain (blue) of the page's style.
        let near = |(tr, tg, tb): (i32, i32, i32)| {
            pixels.iter().filter(|(r, g, b)| (r - tr).abs() + (g - tg).abs() + (b - tb).abs() < 40).count()
        };
        let (green, blue) = (near((0x2e, 0x7d, 0x4f)), near((0x2f, 0x6f, 0xb0)));
        assert!(ink * 50 > total, "{lang}: the page looks blank: {ink} of {total} pixels not white");
        assert!(green > 500, "{lang}: the myths' green arrows are missing: {green} green pixels");
        // Two short arrows (-5 and +6 pp) in one reality check, drawn to the axis's width.
        assert!(blue > 150, "{lang}: the other arrows are missing: {blue} blue pixels");
    }
}

/// The page in a real browser, over WebDriver, at a phone's width and a desktop's, in both
/// languages: no horizontal scroll, nothing cut or overlapping, no text under 12 px.
/// Skipped, with a notice, where chromium or chromedriver is missing and CI is unset.
#[test]
fn html_fits_a_phone_and_a_desktop() {
    let Some(browser) = webdriver::Browser::start("html_fits_a_phone_and_a_desktop") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (before, after) = sample(dir.path());
    for lang in ["en", "ko"] {
        let page =
            Run::of(run(&["--lang", lang, "compare", "--format", "html", s(&before), s(&after)])).expect(0).stdout;
        pages::assert_fits(&browser, dir.path(), &format!("compare-{lang}"), &page);
    }
}

// ---------------------------------------------------------------- bad input

#[test]
fn a_bad_file_on_either_side_is_reported_and_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let (before, after) = sample(dir.path());
    let bad = after.join("bad.txt");
    fs::write(&bad, "backend\nmaybe\n").unwrap();
    let out = compare(&[s(&before), s(&after)]).expect(65);
    let quiz = Run::of(run(&["quiz", "--answers", s(&bad)])).expect(65);
    assert_eq!(out.stderr.trim_end(), quiz.stderr.trim_end().strip_prefix("mlcheck: ").unwrap());
    assert!(
        flat(&out.stdout).contains("After: 18 results, 1 left out · Paired: 14 (see the errors above)"),
        "{}",
        out.stdout
    );
    // A broken JSON result before: its line is named.
    fs::remove_file(&bad).unwrap();
    fs::write(before.join("broken.json"), "{\"answers\": [\n").unwrap();
    let out = compare(&["--format", "json", s(&before), s(&after)]).expect(65);
    assert!(out.stderr.contains("broken.json:1: this JSON result is not complete"), "{}", out.stderr);
    let j = json_of(&out);
    assert_eq!((j["before"]["left_out"].as_u64(), j["after"]["left_out"].as_u64()), (Some(1), Some(0)));
}

/// A Markdown or HTML comparison is shared without the errors printed on stderr: it says how
/// many results each side left out and points nowhere; the terminal's text still points above.
#[test]
fn files_to_share_count_what_was_left_out_without_pointing_above() {
    let dir = tempfile::tempdir().unwrap();
    let (before, after) = sample(dir.path());
    fs::write(after.join("bad.txt"), "backend\nmaybe\n").unwrap();
    for (lang, shared, above) in [
        ("en", "After: 18 results, 1 left out · Paired: 14", "see the errors above"),
        ("ko", "이후: 결과 18개, 1개 뺌 · 짝지은 사람: 14명", "위의 오류를 보세요"),
    ] {
        for format in ["markdown", "html"] {
            let out = Run::of(run(&["--lang", lang, "compare", "--format", format, s(&before), s(&after)])).expect(65);
            assert!(out.stderr.contains("`maybe`"), "{lang} {format}: the error is on stderr:\n{}", out.stderr);
            assert!(flat(&out.stdout).contains(shared), "{lang} {format}:\n{}", out.stdout);
            assert!(!out.stdout.contains(above), "{lang} {format}: points at errors it doesn't hold");
        }
        let text = Run::of(run(&["--lang", lang, "compare", s(&before), s(&after)])).expect(65).stdout;
        assert!(flat(&text).contains(above), "{lang} text:\n{text}");
    }
}

#[test]
fn a_side_that_cannot_be_opened_is_66() {
    let dir = tempfile::tempdir().unwrap();
    let (before, _) = sample(dir.path());
    let missing = dir.path().join("missing");
    let out = compare(&[s(&before), s(&missing)]).expect(66);
    assert!(out.stdout.is_empty());
    // Said not to exist, not to hold no valid result (the organizer's complaint).
    assert_eq!(
        out.stderr,
        format!("mlcheck: AFTER ({}) does not exist; check the path (a folder or a file of results).\n", s(&missing))
    );
    // An empty side: nothing to compare, 65.
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    compare(&[s(&empty), s(&before)]).expect_error(65, &format!("BEFORE ({}) holds no results to compare", s(&empty)));
    // Korean.
    let out = Run::of(run(&["--lang", "ko", "compare", s(&empty), s(&before)])).expect(65);
    assert!(out.stderr.contains("비교할 결과가 없습니다"), "{}", out.stderr);
    // Two PATHs are required.
    compare(&[s(&before)]).expect(2);
}

#[test]
fn the_same_files_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (before, after) = sample(dir.path());
    // The same files written in the opposite order, so directory listings differ.
    let other = dir.path().join("other");
    let (b2, a2) = (other.join("before"), other.join("after"));
    for (from, to) in [(&before, &b2), (&after, &a2)] {
        let mut names: Vec<PathBuf> = walk(from);
        names.reverse();
        for name in names {
            let target = to.join(name.strip_prefix(from).unwrap());
            fs::create_dir_all(target.parent().unwrap()).unwrap();
            fs::copy(&name, &target).unwrap();
        }
    }
    for format in ["text", "markdown", "json", "html"] {
        let one = compare(&["--format", format, s(&before), s(&after)]).expect(0);
        let two = compare(&["--format", format, s(&b2), s(&a2)]).expect(0);
        assert_eq!(one.raw_stdout, two.raw_stdout, "{format}");
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

#[test]
fn man_page_and_completions_cover_compare() {
    let page = Run::of(run(&["man", "compare"])).expect(0).stdout;
    assert!(page.contains(".TH MLCHECK\\-COMPARE 1"), "{}", &page[..200.min(page.len())]);
    for words in ["min\\-group", "same path relative", "sign test", "same tracks are hidden on both sides"] {
        assert!(page.contains(words), "the page documents pairing, the test and privacy: no {words}");
    }
    let main = Run::of(run(&["man"])).expect(0).stdout;
    assert!(main.contains("mlcheck\\-compare(1)"));
    let bash = Run::of(run(&["completions", "bash"])).expect(0).stdout;
    assert!(bash.contains("compare") && bash.contains("--min-group"));
}

// ---------------------------------------------------------------- the difference attack

/// Writes a group for the difference attack into `dir`/before and `dir`/after: `group`
/// people before, of whom the last `missing` did not take the quiz again (or, with
/// `absent_after`, took it only after). Present person `i` answers the same both times, or,
/// with `movers`, moves on the myths after. Every absent person answers the first choice of
/// every question when `variant` is 0, the last when 1. With `lines`, each side is one JSON
/// Lines file instead, where nobody can be paired.
fn attack_group(
    dir: &Path,
    group: usize,
    missing: usize,
    absent_after: bool,
    movers: bool,
    variant: usize,
    lines: bool,
) {
    let bank = bank_questions();
    let person = |i: usize, after: bool| -> String {
        bank.iter()
            .enumerate()
            .map(|(q, (id, keys))| {
                let mut c = (i * 5 + q * 3) % keys.len();
                if movers && after && MYTHS.contains(&id.as_str()) {
                    c = (c + 1 + i % 2) % keys.len();
                }
                format!("{id} = {}\n", keys[c])
            })
            .collect()
    };
    let absent: String = bank
        .iter()
        .map(|(id, keys)| format!("{id} = {}\n", if variant == 0 { &keys[0] } else { &keys[keys.len() - 1] }))
        .collect();
    for (side, after) in [("before", false), ("after", true)] {
        let folder = dir.join(side);
        fs::create_dir_all(&folder).unwrap();
        let mut people: Vec<(String, String)> =
            (0..group - missing).map(|i| (format!("p{i:02}.txt"), person(i, after))).collect();
        if after == absent_after {
            people.extend((group - missing..group).map(|i| (format!("p{i:02}.txt"), absent.clone())));
        }
        if lines {
            let all: String = people.iter().map(|(_, text)| json_line(text) + "\n").collect();
            fs::write(folder.join("form.jsonl"), all).unwrap();
        } else {
            for (name, text) in people {
                fs::write(folder.join(name), text).unwrap();
            }
        }
    }
}

/// Everything `compare` says of a group, in every format and both languages: exit status,
/// stdout and stderr.
fn everything_shown(dir: &Path, min_group: u64) -> String {
    let mut all = String::new();
    for lang in ["en", "ko"] {
        for format in ["text", "markdown", "json", "html"] {
            let n = min_group.to_string();
            let mut cmd = run(&["--lang", lang, "compare", "--min-group", &n, "--format", format, "before", "after"]);
            cmd.current_dir(dir);
            let out = cmd.output().unwrap();
            all += &format!("{lang} {format} {:?}\n", out.status.code());
            all += &String::from_utf8_lossy(&out.stdout);
            all += &String::from_utf8_lossy(&out.stderr);
        }
    }
    all
}

/// The attack of the issue: ten take the quiz before a talk, one misses the one after, and
/// the two sides' difference is that person's answers. For every small case (min group N of
/// 3 and 5, groups of N to N + 3, 1 to N - 1 people missing, before or after, with and
/// without movers) the absent people answer everything one way, then everything the other
/// way: every format in both languages must come out byte-identical, so nothing they
/// answered can be derived. The same attack on JSON Lines, where no one can be paired, does
/// tell the two apart (the README says so): the check can fail.
#[test]
fn people_who_answered_once_can_not_be_worked_out_by_subtraction() {
    let mut cases = 0;
    for n in [3usize, 5] {
        for group in n..n + 4 {
            for missing in 1..n {
                for absent_after in [false, true] {
                    for movers in [false, true] {
                        let shown: Vec<String> = (0..2)
                            .map(|variant| {
                                let dir = tempfile::tempdir().unwrap();
                                attack_group(dir.path(), group, missing, absent_after, movers, variant, false);
                                everything_shown(dir.path(), n as u64)
                            })
                            .collect();
                        let case =
                            format!("N {n}, group {group}, {missing} missing, after {absent_after}, movers {movers}");
                        assert!(shown[0].contains("en json Some("), "{case}");
                        assert_eq!(shown[0], shown[1], "{case}: the absent people's answers show");
                        cases += 1;
                    }
                }
            }
        }
    }
    assert_eq!(cases, 4 * 2 * 2 * 2 + 4 * 4 * 2 * 2);

    // The check has teeth: where pairing is impossible, the sides stay whole and differ.
    let shown: Vec<String> = (0..2)
        .map(|variant| {
            let dir = tempfile::tempdir().unwrap();
            attack_group(dir.path(), 10, 1, false, false, variant, true);
            everything_shown(dir.path(), 5)
        })
        .collect();
    assert_ne!(shown[0], shown[1]);
}

/// The issue's own numbers: ten before, nine after, nobody moves; the tenth strongly agrees
/// that ML is fun. Before this was closed, `fun` read strongly-agree 2 before and 1 after.
#[test]
fn the_tenth_person_is_left_out_and_the_output_says_why() {
    let dir = tempfile::tempdir().unwrap();
    attack_group(dir.path(), 10, 1, false, false, 1, false);
    let mut cmd = run(&["compare", "--format", "json", "before", "after"]);
    cmd.current_dir(dir.path());
    let j = json_of(&Run::of(cmd).expect(0));
    assert_eq!(j["unpaired_left_out"], serde_json::json!({"before": 1, "after": 0}));
    assert_eq!(j["before"]["respondents"], 9);
    assert_eq!(j["before"]["questions"], j["after"]["questions"], "nobody moved, no one else is counted");
    let mut cmd = run(&["compare", "before", "after"]);
    cmd.current_dir(dir.path());
    let text = flat(&Run::of(cmd).expect(0).stdout);
    assert!(text.contains("Before: 9 results · After: 9 results · Paired: 9"), "{text}");
    assert!(text.contains("Left out: 1 before, people who took the quiz only once."), "{text}");
    let mut cmd = run(&["--lang", "ko", "compare", "before", "after"]);
    cmd.current_dir(dir.path());
    let text = flat(&Run::of(cmd).expect(0).stdout);
    assert!(text.contains("한 번만 답한 사람의 결과 이전 1개를 뺐습니다."), "{text}");
}

/// Korean names as a Mac writes them (NFD) after, as Linux writes them (NFC) before: every
/// pair is found. Renamed files pair with nothing, and stderr names one of each side.
#[test]
fn korean_names_written_by_a_mac_pair_and_unmatched_names_are_shown_on_stderr() {
    use unicode_normalization::UnicodeNormalization;
    let dir = tempfile::tempdir().unwrap();
    let names = ["김민수", "이서연", "박지훈", "최유진", "정하늘", "강도윤"];
    for (side, after) in [("before", false), ("after", true)] {
        let folder = dir.path().join(side);
        fs::create_dir_all(&folder).unwrap();
        for (i, name) in names.iter().enumerate() {
            let name: String = if after { name.nfd().collect() } else { name.nfc().collect() };
            fs::write(folder.join(format!("{name}.txt")), answers(i, after)).unwrap();
        }
    }
    let nfd: String = names[0].nfd().collect();
    assert!(dir.path().join("after").join(format!("{nfd}.txt")).exists());
    let mut cmd = run(&["--lang", "ko", "compare", "--format", "json", "before", "after"]);
    cmd.current_dir(dir.path());
    let out = Run::of(cmd).expect(0);
    assert_eq!(json_of(&out)["paired"], 6);
    assert!(out.stderr.is_empty(), "{}", out.stderr);

    // Renamed after: no one pairs, and stderr says which names found no partner.
    let after = dir.path().join("after");
    for entry in fs::read_dir(&after).unwrap() {
        let path = entry.unwrap().path();
        let renamed = after.join(format!("after-{}", path.file_name().unwrap().to_str().unwrap()));
        fs::rename(path, renamed).unwrap();
    }
    let mut cmd = run(&["compare", "before", "after"]);
    cmd.current_dir(dir.path());
    let out = Run::of(cmd).expect(0);
    let first_before = names.iter().map(|n| n.nfc().collect::<String>()).min().unwrap();
    assert!(
        flat(&out.stderr).contains(&format!(
            "note: no one was paired. For example, before/{first_before}.txt has no partner in AFTER and after/after-"
        )),
        "{}",
        out.stderr
    );
    assert!(!out.stdout.contains(&first_before), "names stay out of the comparison");
    assert!(flat(&out.stdout).contains("Not shown: no one could be paired."), "{}", out.stdout);
}

/// A side that doesn't exist is said not to exist (66), not to hold no result; the same
/// folder twice, however spelt, is refused (2) rather than reported as "nobody moved".
#[test]
fn a_missing_side_and_the_same_side_twice_are_refused_with_why() {
    let dir = tempfile::tempdir().unwrap();
    let (before, _) = sample(dir.path());
    let missing = dir.path().join("nothere");
    compare(&[s(&before), s(&missing)])
        .expect_error(66, &format!("AFTER ({}) does not exist; check the path", s(&missing)));
    let out = Run::of(run(&["--lang", "ko", "compare", s(&missing), s(&before)])).expect(66);
    assert!(out.stderr.contains(&format!("BEFORE ({}): 그런 경로가 없습니다", s(&missing))), "{}", out.stderr);
    let spelt = format!("{}/./", s(&before));
    compare(&[s(&before), &spelt])
        .expect_error(2, &format!("BEFORE ({}) and AFTER ({spelt}) are the same", s(&before)));
    #[cfg(unix)]
    {
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&before, &link).unwrap();
        compare(&[s(&link), s(&before)]).expect(2);
    }
    compare(&["-", "-"]).expect(2);
    // A folder and a folder inside it: the outer one would count the inner one's results.
    let inner = before.join("after");
    std::fs::create_dir(&inner).unwrap();
    compare(&[s(&before), s(&inner)])
        .expect_error(2, &format!("AFTER ({}) is inside BEFORE ({}), so BEFORE", s(&inner), s(&before)));
    let out = Run::of(run(&["--lang", "ko", "compare", s(&inner), s(&before)])).expect(2);
    assert!(out.stderr.contains("나란히 있는 두 폴더를 견주세요."), "{}", out.stderr);
}
