#!/usr/bin/env python3
"""Renders Markdown with cmark-gfm (GitHub's own parser, with its table, strikethrough, autolink and tagfilter
extensions) and checks that user text came out literally: no links, emphasis, code blocks, tables, raw HTML or
extra headings that the tool did not write, and every expected string present in the rendered text.

usage: check_markdown.py MARKDOWN_FILE EXPECTED_STRING...
Prints what is wrong and exits 1, or prints "ok"."""
import html.parser
import subprocess
import sys


class Collector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        # GFM links an e-mail address wherever it is written (after parsing, so no escape prevents it); a
        # mailto: link to what the user typed is the only link allowed.
        href = dict(attrs).get("href", "")
        self.tags.append("a-mailto" if tag == "a" and href.startswith("mailto:") else tag)

    def handle_data(self, data):
        self.text.append(data)


def main():
    markdown = open(sys.argv[1], encoding="utf-8").read()
    rendered = subprocess.run(
        ["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter"],
        input=markdown, capture_output=True, text=True, check=True).stdout
    collector = Collector()
    collector.feed(rendered)
    problems = []
    # What the tool itself writes: h2 title, h3 sections, bold labels, lists, quote, paragraphs, code spans.
    allowed = {"h2", "h3", "p", "strong", "ul", "li", "blockquote", "code", "a-mailto"}
    for tag in sorted(set(collector.tags) - allowed):
        problems.append(f"user text was rendered as <{tag}>")
    text = "".join(collector.text)
    for expected in sys.argv[2:]:
        if expected not in text:
            problems.append(f"not shown literally: {expected!r}")
    if problems:
        print("\n".join(problems))
        print("--- rendered HTML ---")
        print(rendered)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
