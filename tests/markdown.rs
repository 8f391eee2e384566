//! `--format markdown`, read back by a CommonMark parser (pulldown-cmark, with GitHub's table
//! and strikethrough extensions): the result and the reading mode have the structure a reader
//! sees on GitHub (headings, lists, a table, fenced charts), no raw HTML, no links, no terminal
//! escapes; and a custom bank whose texts are full of Markdown can't change that structure.

mod common;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

const GO: &str = "track = frontend\nhard = strongly-disagree\nmentor = yes\njobs = disagree\ndata = yes\n\
                  wages = neutral\nsame-pay = yes\nfuture-proof = agree\ncolleague = no\nfun = disagree\n\
                  data-work = somewhat\nenjoy-track = somewhat\n";
const STAY: &str = "backend\ndisagree\nno\nagree\nunsure\nneutral\nno\ndisagree\nyes\nstrongly-agree\nno\nyes\n";

/// What a reader of the rendered Markdown sees, block by block.
#[derive(Debug, Default)]
struct Doc {
    /// Level and text of every heading, in order.
    headings: Vec<(HeadingLevel, String)>,
    /// Every table: its rows (the header first), each a list of cell texts.
    tables: Vec<Vec<Vec<String>>>,
    /// Info string and text of every fenced code block.
    code_blocks: Vec<(String, String)>,
    /// The text of every list item.
    items: Vec<String>,
    /// Raw HTML, blocks or inline.
    html: usize,
    /// Links, images and footnote references.
    links: usize,
    /// Indented code blocks (a sign of text that slipped into the wrong place).
    indented_code: usize,
    /// Strikethrough spans.
    strikethrough: usize,
}

fn parse(markdown: &str) -> Doc {
    let mut doc = Doc::default();
    let mut text: Option<String> = None;
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Heading { .. } | Tag::Item | Tag::TableCell | Tag::CodeBlock(_)) => {
                if let Event::Start(Tag::CodeBlock(kind)) = &event {
                    match kind {
                        CodeBlockKind::Fenced(info) => doc.code_blocks.push((info.to_string(), String::new())),
                        CodeBlockKind::Indented => doc.indented_code += 1,
                    }
                }
                text = Some(String::new());
            }
            Event::Start(Tag::Table(_)) => doc.tables.push(Vec::new()),
            Event::Start(Tag::TableHead | Tag::TableRow) => doc.tables.last_mut().unwrap().push(Vec::new()),
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) | Event::FootnoteReference(_) => doc.links += 1,
            Event::Start(Tag::Strikethrough) => doc.strikethrough += 1,
            Event::Html(_) | Event::InlineHtml(_) | Event::Start(Tag::HtmlBlock) => doc.html += 1,
            Event::Text(t) | Event::Code(t) => {
                if let Some(s) = text.as_mut() {
                    s.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(s) = text.as_mut() {
                    s.push(' ');
                }
            }
            Event::End(TagEnd::Heading(level)) => doc.headings.push((level, text.take().unwrap())),
            Event::End(TagEnd::Item) => doc.items.push(text.take().unwrap()),
            Event::End(TagEnd::TableCell) => {
                doc.tables.last_mut().unwrap().last_mut().unwrap().push(text.take().unwrap());
            }
            Event::End(TagEnd::CodeBlock) => {
                let t = text.take().unwrap();
                if let Some(block) = doc.code_blocks.last_mut().filter(|b| b.1.is_empty()) {
                    block.1 = t;
                }
            }
            _ => {}
        }
    }
    doc
}

fn markdown(args: &[&str], stdin: &str) -> String {
    let run = common::Run::of({
        let mut cmd = common::run(args);
        cmd.write_stdin(stdin);
        cmd
    })
    .expect(0);
    run.assert_no_raw_controls();
    run.stdout
}

fn h2(doc: &Doc) -> Vec<&str> {
    doc.headings.iter().filter(|(l, _)| *l == HeadingLevel::H2).map(|(_, t)| t.as_str()).collect()
}

#[test]
fn quiz_result_has_headings_lists_a_table_and_fenced_charts_in_both_languages() {
    let cases = [
        ("en", GO, "Go into machine learning", ["Question", "Answer", "Weight"], "What would change it"),
        ("ko", STAY, "백엔드를 계속하세요", ["질문", "답", "점수"], "결과가 바뀌려면"),
    ];
    for (lang, answers, verdict, header, flips_heading) in cases {
        let text = markdown(&["--lang", lang, "quiz", "--format", "markdown"], answers);
        let doc = parse(&text);
        assert_eq!(doc.html, 0, "{lang}: raw HTML in\n{text}");
        assert_eq!(doc.links + doc.indented_code + doc.strikethrough, 0, "{lang}: stray structure in\n{text}");
        let h1: Vec<&str> =
            doc.headings.iter().filter(|(l, _)| *l == HeadingLevel::H1).map(|(_, t)| t.as_str()).collect();
        assert_eq!(h1, [verdict], "{lang}");
        let h2 = h2(&doc);
        assert_eq!(h2.len(), 6, "{lang}: chart, believed, reasons, flips, answers, next: {h2:?}");
        assert!(h2.contains(&flips_heading), "{lang}: {h2:?}");
        // The answers table: a header and one row per question, three cells each.
        assert_eq!(doc.tables.len(), 1, "{lang}");
        let table = &doc.tables[0];
        assert_eq!(table[0], header, "{lang}");
        assert_eq!(table.len(), 1 + 12, "{lang}");
        assert!(table.iter().all(|row| row.len() == 3), "{lang}: {table:?}");
        // The gauge and the per-myth chart, each fenced, the chart with ten bars on one axis.
        assert_eq!(doc.code_blocks.len(), 2, "{lang}");
        assert!(doc.code_blocks.iter().all(|(info, _)| info == "text"));
        let bars = doc.code_blocks[1].1.lines().filter(|l| l.contains('│')).count();
        assert_eq!(bars, 1 + 10, "{lang}: axis and ten bars:\n{}", doc.code_blocks[1].1);
        // Lists: the flips are items that end in the verdict they would give.
        assert!(doc.items.iter().filter(|i| i.contains(" → ")).count() >= 1, "{lang}: {:?}", doc.items);
    }
}

#[test]
fn markdown_carries_no_terminal_escapes_even_with_color_always() {
    for args in [
        &["--color", "always", "quiz", "--format", "markdown"][..],
        &["--color", "always", "myths", "--format", "markdown"],
    ] {
        let mut cmd = common::mlcheck();
        cmd.args(args).write_stdin(GO);
        let run = common::Run::of(cmd).expect(0);
        assert!(!run.raw_stdout.contains(&0x1b), "{args:?}: an escape sequence in\n{}", run.stdout.escape_debug());
    }
}

#[test]
fn myths_reading_mode_has_a_table_and_a_section_per_myth_in_both_languages() {
    for (lang, header) in [("en", ["#", "Myth", "In one line"]), ("ko", ["#", "통념", "한 줄 반론"])] {
        let text = markdown(&["--lang", lang, "myths", "--format", "markdown"], "");
        let doc = parse(&text);
        assert_eq!(doc.html + doc.links + doc.indented_code + doc.strikethrough, 0, "{lang}:\n{text}");
        assert_eq!(doc.headings.iter().filter(|(l, _)| *l == HeadingLevel::H1).count(), 1);
        assert_eq!(h2(&doc).len(), 5, "{lang}: one section per myth");
        assert_eq!(doc.headings.iter().filter(|(l, _)| *l == HeadingLevel::H3).count(), 5, "{lang}: reality checks");
        assert_eq!(doc.tables.len(), 1);
        assert_eq!(doc.tables[0][0], header);
        assert_eq!(doc.tables[0].len(), 1 + 5);
        // Six reality checks in all, as list items.
        assert_eq!(doc.items.len(), 6, "{lang}: {:?}", doc.items);

        let one = parse(&markdown(&["--lang", lang, "myths", "fun", "--format", "markdown"], ""));
        assert_eq!(h2(&one).len(), 1);
        assert!(one.tables.is_empty(), "the table is for all five");
    }
}

/// Texts that would be structure if they reached Markdown raw.
const HOSTILE_TOPIC: &str = "Men|tor *bold* _it_ <b>x</b> [link](http://e.x) `c` &amp; ~~s~~ \\ #";
const HOSTILE_LABEL: &str = "- 1. # not a list <!-- nor a comment -->";
const HOSTILE_MYTH_TOPIC: &str = "Hard ``` fence";
const HOSTILE_COUNTERPOINT: &str = "1. Not a list | nor a cell <script>x</script> ![i](j)";

#[test]
fn a_bank_full_of_markdown_cannot_change_the_structure() {
    let bank = std::fs::read_to_string(common::builtin_bank()).unwrap();
    let replace = |text: String, from: &str, to: &str| {
        assert!(text.contains(from), "the shipped bank no longer has {from:?}");
        text.replacen(from, to, 1)
    };
    let toml_str = |s: &str| s.replace('\\', "\\\\");
    let bank =
        replace(bank, r#"topic = { en = "Mentor""#, &format!(r#"topic = {{ en = "{}""#, toml_str(HOSTILE_TOPIC)));
    let bank =
        replace(bank, r#"en = "No, and I see no way to get one""#, &format!(r#"en = "{}""#, toml_str(HOSTILE_LABEL)));
    let bank = replace(bank, r#"topic = { en = "Seems hard""#, &format!(r#"topic = {{ en = "{HOSTILE_MYTH_TOPIC}""#));
    let bank = replace(
        bank,
        r#"counterpoint = { en = "Tutorials make"#,
        &format!(r#"counterpoint = {{ en = "{HOSTILE_COUNTERPOINT} Tutorials make"#),
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.toml");
    std::fs::write(&path, bank).unwrap();
    let path = path.to_str().unwrap();

    // mentor = no: the hostile label is the answer, the topic leads a reason and a flip.
    let text = markdown(&["--questions", path, "quiz", "--format", "markdown"], STAY);
    let doc = parse(&text);
    assert_eq!(doc.html + doc.links + doc.indented_code + doc.strikethrough, 0, "structure leaked:\n{text}");
    assert_eq!(h2(&doc).len(), 6);
    assert_eq!(doc.tables.len(), 1);
    assert!(doc.tables[0].iter().all(|row| row.len() == 3), "a cell was split: {:?}", doc.tables[0]);
    let mentor = doc.tables[0].iter().find(|row| row[0] == HOSTILE_TOPIC).expect("the topic reads as written");
    assert_eq!(mentor[1], HOSTILE_LABEL);
    assert!(doc.items.iter().any(|i| i.contains(HOSTILE_TOPIC) && i.contains(HOSTILE_LABEL)), "{:?}", doc.items);
    assert_eq!(doc.code_blocks.len(), 2, "the fence held");
    assert!(doc.code_blocks[1].1.contains(HOSTILE_MYTH_TOPIC));

    let text = markdown(&["--questions", path, "myths", "--format", "markdown"], "");
    let doc = parse(&text);
    assert_eq!(doc.html + doc.links + doc.indented_code + doc.strikethrough, 0, "structure leaked:\n{text}");
    assert_eq!(h2(&doc).len(), 5);
    assert!(doc.headings.iter().any(|(_, t)| t.ends_with(HOSTILE_MYTH_TOPIC)));
    assert_eq!(doc.items.len(), 6, "the counterpoint opened no list: {:?}", doc.items);
    assert!(text.contains("1\\. Not a list \\| nor a cell"), "{text}");
}
