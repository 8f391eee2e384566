//! Checks shared by the Markdown and HTML renderings of `report` and `compare`: what a page
//! must hold, or must not, whatever its numbers.

/// Markdown outside code fences holds no raw HTML tag (`<` then a letter or `/`), and every
/// fence is closed.
pub fn assert_markdown_without_html(text: &str) {
    let mut fenced = false;
    for line in text.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if !fenced {
            let bytes = line.as_bytes();
            for (i, b) in bytes.iter().enumerate() {
                if *b == b'<' {
                    assert!(
                        !bytes.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/'),
                        "raw HTML: {line}"
                    );
                }
            }
        }
    }
    assert!(!fenced, "every fence is closed");
}

/// An HTML page in `lang` is one self-contained document: no script, no link, nothing
/// fetched from elsewhere, and a print style.
pub fn assert_self_contained_html(page: &str, lang: &str) {
    assert!(page.starts_with("<!doctype html>"));
    assert!(page.contains(&format!("<html lang=\"{lang}\">")));
    for banned in ["<script", "http://", "https://", "@font-face", "@import", "url(", "<link", "<img"] {
        assert!(!page.contains(banned), "{lang}: {banned} in the page");
    }
    assert!(page.contains("@media print"));
}

/// Each chart of `page` (`<div class="chart ...">`): its `aria-label`, and the `title` of each
/// of its rows (the drawn rows, not the axis's), after asserting that the chart is one image
/// (`role="img"`) with a label, and that every SVG of the page is a drawing hidden from screen
/// readers (its text is the chart's, or the table's beside it).
pub fn charts(page: &str) -> Vec<(&str, Vec<&str>)> {
    for (open, _) in svgs(page) {
        assert!(open.contains("aria-hidden=\"true\""), "an SVG that isn't hidden: <svg{open}>");
    }
    page.split("<div class=\"chart ")
        .skip(1)
        .map(|chart| {
            let open = &chart[..chart.find('>').unwrap()];
            assert!(open.contains("role=\"img\""), "a chart that isn't an image: {open}");
            let label = attribute(open, "aria-label").unwrap_or_else(|| panic!("a chart without a label: {open}"));
            assert!(!label.trim().is_empty(), "an empty label: {open}");
            // A chart ends at the first `</div>` that ends a line: its rows' end theirs.
            let body = &chart[..chart.find("</div>\n").unwrap()];
            let rows = body
                .split("<div class=\"row\"")
                .skip(1)
                .map(|row| attribute(&row[..row.find('>').unwrap()], "title").unwrap_or(""))
                .collect();
            (label, rows)
        })
        .collect()
}

/// The value of the attribute `name` in the opening tag `tag`, as written (escaped).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&tag[start..start + tag[start..].find('"').unwrap()])
}

/// Each `<svg>` of `page`: its opening tag's attributes, and its body up to `</svg>`.
pub fn svgs(page: &str) -> Vec<(&str, &str)> {
    page.split("<svg")
        .skip(1)
        .map(|svg| (&svg[..svg.find('>').unwrap()], &svg[..svg.find("</svg>").unwrap()]))
        .collect()
}

/// The script [`measure`] runs in the page: the smallest text, and what is wrong, each problem
/// a line naming the element.
const MEASURE: &str = r#"
const doc = document.documentElement;
const problems = [];
const name = el => {
  const text = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
  return `<${el.localName}${el.className && el.className.baseVal === undefined ? ' class=' + el.className : ''}> ${JSON.stringify(text.slice(0, 40))}`;
};
if (doc.scrollWidth > innerWidth) problems.push(`the page is ${doc.scrollWidth} px wide in a ${innerWidth} px window`);
let smallest = Infinity;
for (const el of document.body.querySelectorAll('*')) {
  if (['title', 'style', 'script'].includes(el.localName)) continue;
  const rect = el.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) continue;
  const style = getComputedStyle(el);
  const text = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim() !== '');
  if (text) {
    // SVG text shrinks with its drawing: its size on screen is the font size times the scale.
    let size = parseFloat(style.fontSize);
    if (el instanceof SVGGraphicsElement) {
      const m = el.getScreenCTM();
      size *= Math.hypot(m.a, m.b);
      const box = el.ownerSVGElement.getBoundingClientRect();
      if (rect.left < box.left - 1 || rect.right > box.right + 1) problems.push(`${name(el)} is cut at its drawing's edge`);
    }
    smallest = Math.min(smallest, size);
    if (size < 12) problems.push(`${name(el)} is ${size.toFixed(1)} px`);
  }
  // Generated text, as a stacked table's headers.
  for (const pseudo of ['::before', '::after']) {
    const generated = getComputedStyle(el, pseudo);
    if (generated.content !== 'none' && generated.content !== 'normal' && generated.content !== '""') {
      const size = parseFloat(generated.fontSize);
      smallest = Math.min(smallest, size);
      if (size < 12) problems.push(`${name(el)}${pseudo} is ${size.toFixed(1)} px`);
    }
  }
  if (rect.left < -0.5 || rect.right > innerWidth + 0.5) problems.push(`${name(el)} spans ${rect.left.toFixed(0)} to ${rect.right.toFixed(0)} px`);
  if (!(el instanceof SVGElement) && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
    problems.push(`${name(el)} holds ${el.scrollWidth} px in ${el.clientWidth} px (overflow-x: ${style.overflowX})`);
  }
}
return { width: innerWidth, smallest, problems };
"#;

/// The smallest text on the page open in `browser`, in CSS pixels, and what is wrong with the
/// page at the viewport's width: the document wider than the window (a horizontal scroll), an
/// element reaching past either edge, a box whose content is wider than it (cut, overlapping or
/// scrolling inside the box), SVG text cut at its drawing's edge, and text under 12 px on screen
/// (for SVG text, its font size times the drawing's scale).
pub fn measure(browser: &super::webdriver::Browser) -> (f64, Vec<String>) {
    #[derive(serde::Deserialize)]
    struct Measured {
        smallest: f64,
        problems: Vec<String>,
    }
    let m: Measured = browser.execute(MEASURE, vec![]);
    (m.smallest, m.problems)
}

/// The widths a page must fit: a small phone's and a desktop's, in CSS pixels.
pub const WIDTHS: [u32; 2] = [360, 1280];

/// Opens `page` in `browser` (written to `dir`/`name`.html) at each of [`WIDTHS`] and asserts
/// [`measure`] finds nothing wrong.
pub fn assert_fits(browser: &super::webdriver::Browser, dir: &std::path::Path, name: &str, page: &str) {
    browser.open_page(dir, name, page);
    for width in WIDTHS {
        browser.set_viewport(width, 900);
        let (smallest, problems) = measure(browser);
        assert!(problems.is_empty(), "{name} at {width} px:\n{}", problems.join("\n"));
        assert!((12.0..100.0).contains(&smallest), "{name} at {width} px: the smallest text is {smallest} px");
    }
}
