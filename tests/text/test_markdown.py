"""User Markdown renders to safe HTML: what a reader sees, and what an attacker cannot do."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from consult.text.markdown import (
    ALLOWED_TAGS,
    LINK_REL,
    clean_html,
    markdown_to_text,
    render_markdown,
)

SAFE_SCHEMES = {"http", "https", "mailto"}


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.elements


def hrefs(html: str) -> list[str | None]:
    return [attributes.get("href") for tag, attributes in elements(html) if tag == "a"]


def scheme_as_a_browser_reads_it(href: str) -> str | None:
    """The URL scheme after the steps a browser takes: entities decoded (HTMLParser did
    that), C0 controls and spaces trimmed, tabs and newlines removed, case folded."""
    url = re.sub(
        r"[\t\n\r]",
        "",
        href.strip(
            "\x00\x01\x02\x03\x04\x05\x06\x07\x08 \x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f"
        ),
    )
    found = re.match(r"([a-zA-Z][a-zA-Z0-9+.\-]*):", url)
    return found.group(1).lower() if found else None


def assert_safe(html: str) -> None:
    for tag, attributes in elements(html):
        assert tag in ALLOWED_TAGS, (tag, html)
        for name, value in attributes.items():
            assert not name.startswith("on"), (name, html)
            assert name != "style", html
            if name == "href":
                assert scheme_as_a_browser_reads_it(value or "") in SAFE_SCHEMES | {None}, html
    assert "<script" not in html.lower()


ATTACKS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src="x" onerror="alert(1)">',
    '![x](x.png" onerror="alert(1))',
    '<a href="#" onclick="alert(1)">click</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](&#x6A;&#x61;vascript&#x3A;alert(1))",
    "[click](java&#x09;script:alert(1))",
    "[click](java&#10;script:alert(1))",
    "[click](<java\tscript:alert(1)>)",
    "[click](<java\nscript:alert(1)>)",
    "[click](\x01javascript:alert(1))",
    "[click]( javascript:alert(1) )",
    "[click][evil]\n\n[evil]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "javascript:alert(1)",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](DATA:text/html,<script>alert(1)</script>)",
    "[click](vbscript:msgbox(1))",
    "[click](VbScRiPt:msgbox(1))",
    "![x](javascript:alert(1))",
    '<p style="position:fixed;top:0">cover the page</p>',
    '<iframe src="https://evil.example/"></iframe>',
    '<svg onload="alert(1)"><script>alert(1)</script></svg>',
    '<svg><a xlink:href="javascript:alert(1)"><text x="0" y="20">x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<object data="javascript:alert(1)"></object>',
    "<form action=javascript:alert(1)><button>go</button></form>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
]


@pytest.mark.parametrize("source", ATTACKS)
def test_attacks_in_markdown_are_neutralised(source):
    assert_safe(render_markdown(source))


@pytest.mark.parametrize("source", ATTACKS)
def test_raw_html_in_the_source_is_shown_as_text(source):
    html = render_markdown(source)
    if source.startswith("<"):
        assert "&lt;" in html  # the reader sees what was typed, not a tag


@pytest.mark.parametrize(
    "html",
    [
        '<script>alert(1)</script><p onclick="alert(1)">hi</p>',
        '<a href="javascript:alert(1)">x</a><a href="JAVASCRIPT:alert(1)">y</a>',
        '<a href="java&#x09;script:alert(1)">x</a><a href=" javascript:alert(1)">z</a>',
        '<a href="data:text/html,x">x</a><a href="vbscript:x">y</a>',
        '<img src=x onerror=alert(1)><iframe src="https://evil.example/"></iframe>',
        '<svg onload=alert(1)><circle r="9"/></svg><p style="color:red">red</p>',
        '<table><tr><td style="text-align:right" onmouseover="alert(1)">1</td></tr></table>',
    ],
)
def test_the_sanitiser_is_a_safety_net_of_its_own(html):
    cleaned = clean_html(html)
    assert_safe(cleaned)
    assert "alert" not in cleaned.replace("&lt;", "")  # no script or handler left


def test_ordinary_markdown_renders():
    html = render_markdown(
        "Some **bold**, *italic*, ~~struck~~ and `code`.\n\n"
        "- one\n- two\n\n3. three\n4. four\n\n> quoted\n\n---\n\n"
        "```\nx < 1\n```"
    )
    assert "<strong>bold</strong>" in html
    assert "<em>italic</em>" in html
    assert "<s>struck</s>" in html
    assert "<code>code</code>" in html
    assert "<ul>\n<li>one</li>\n<li>two</li>\n</ul>" in html
    assert '<ol start="3">' in html
    assert "<blockquote>\n<p>quoted</p>\n</blockquote>" in html
    assert "<hr>" in html
    assert "<pre><code>x &lt; 1\n</code></pre>" in html


def test_headings_start_at_h2_under_the_pages_own_h1():
    html = render_markdown("# Title\n\n## Section\n\n###### Small")
    assert "<h1>" not in html
    assert "<h2>Title</h2>" in html
    assert "<h2>Section</h2>" in html
    assert "<h6>Small</h6>" in html


def test_a_single_line_break_is_kept():
    assert render_markdown("第一行\n第二行") == "<p>第一行<br>\n第二行</p>\n"


def test_links_get_rel_and_keep_title():
    html = render_markdown('[居委会](https://example.org/jwh "春江社区")')
    assert html == (
        f'<p><a href="https://example.org/jwh" title="春江社区" rel="{LINK_REL}">居委会</a></p>\n'
    )


def test_relative_and_mailto_links_are_kept():
    html = render_markdown("[proposal](/proposals/3) and [write](mailto:jwh@example.org)")
    assert hrefs(html) == [
        "/proposals/3",
        "mailto:jwh@example.org",
    ]


def test_other_schemes_are_not_links():
    html = render_markdown("[file](ftp://example.org/a) [tel](tel:12345)")
    assert "<a" not in html
    assert "ftp://example.org/a" in html  # shown as the text that was typed


def test_bare_links_are_found_and_stop_at_chinese_text():
    # linkify-it finds an e-mail address only between spaces or punctuation.
    html = render_markdown("详情见https://example.org/parking了解，或写信给 jwh@example.org 。")
    assert hrefs(html) == [
        "https://example.org/parking",
        "mailto:jwh@example.org",
    ]
    assert "了解，或写信给" in html


def test_www_addresses_are_links_but_file_names_are_not():
    html = render_markdown("See www.example.cn, readme.md, config.py and example.org.")
    assert hrefs(html) == ["http://www.example.cn"]


def test_images_are_shown_as_their_alt_text():
    html = render_markdown("![停车场 *地图*](https://example.org/map.png)")
    assert html == "<p>停车场 地图</p>\n"


def test_tables_render_without_alignment_styles():
    html = render_markdown("| 楼 | 车位 |\n|:--|--:|\n| 3号楼 | 12 |")
    assert "<table>" in html and "<th>车位</th>" in html and "<td>12</td>" in html
    assert "style" not in html


def test_chinese_text_passes_through_unchanged():
    text = "小区停车位不足怎么办？居民委员会请大家提出建议——谢谢！「繁體」也一樣。"
    assert render_markdown(text) == f"<p>{text}</p>\n"


@pytest.mark.parametrize("source", ["", None])
def test_empty_source_renders_nothing(source):
    assert render_markdown(source) == ""
    assert markdown_to_text(source) == ""


def test_markdown_to_text_keeps_the_words_and_drops_the_markup():
    source = (
        "# 小区停车位不足怎么办\n\n"
        "我们小区**停车位**严重不足，见[详情](https://example.org)。\n"
        "第二行 `code`\n\n"
        "- 方案一\n- 方案二\n  1. 子项\n  2. 子项二\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "> quoted ~~text~~\n\n"
        "```\nx < 1\n```\n\n"
        "![a map](map.png) <b>raw</b> &amp; 5 \\* 3"
    )
    assert markdown_to_text(source) == (
        "小区停车位不足怎么办\n\n"
        "我们小区停车位严重不足，见详情。\n第二行 code\n\n"
        "- 方案一\n- 方案二\n  1. 子项\n  2. 子项二\n\n"
        "a | b\n1 | 2\n\n"
        "quoted text\n\n"
        "x < 1\n\n"
        "a map <b>raw</b> & 5 * 3"
    )
