#!/usr/bin/env python3
"""Renders Markdown with cmark-gfm (GitHub's own parser, with its table, strikethrough, autolink and tagfilter
extensions) and checks that user text came out literally: no links (e-mail autolinks included), emphasis, code
blocks, tables, raw HTML or extra headings that the tool did not write; no text outside code that GitHub's or
GitLab's reference syntax would match (mentions, issue, merge request, milestone, label, snippet and epic
references: posting the body must notify no one and link nothing); and every expected string present in the
rendered text (the invisible word joiners the tool puts after '@' and '#' left out of the comparison).

usage: check_markdown.py MARKDOWN_FILE EXPECTED_STRING...
Prints what is wrong and exits 1, or prints "ok"."""
import html.parser
import re
import subprocess
import sys


class Collector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.text = []
        self.outside_code = []
        self.in_code = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.in_code += tag == "code"

    def handle_endtag(self, tag):
        self.in_code -= tag == "code"

    def handle_data(self, data):
        self.text.append(data)
        if not self.in_code:
            self.outside_code.append(data)


# What GitHub and GitLab turn into a notification or a link when it stands in text (not in code): @user,
# @org/team, @all; #123, owner/repo#1, GH-12; GitLab's !7, %milestone, %"milestone", ~label, ~"label", $1, &1.
REFERENCES = re.compile(r'(?<![A-Za-z0-9_])@[A-Za-z0-9_]|#[0-9]|\bGH-[0-9]|[!$&][0-9]|[%~]["A-Za-z0-9_]', re.I)
# A bare commit SHA, which both link when the commit exists: a word of 7 to 40 hex digits with a letter in it
# (a word of digits only is left as the number it is).
COMMIT_SHA = re.compile(r'(?<![A-Za-z0-9_])(?=[0-9]*[a-f])[0-9a-f]{7,40}(?![A-Za-z0-9_])', re.I)
WORD_JOINER = "\u2060"


def main():
    markdown = open(sys.argv[1], encoding="utf-8").read()
    rendered = subprocess.run(
        ["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter"],
        input=markdown, capture_output=True, text=True, check=True).stdout
    collector = Collector()
    collector.feed(rendered)
    problems = []
    # What the tool itself writes: h2 title, h3 sections, bold labels, lists, quote, paragraphs, code spans.
    allowed = {"h2", "h3", "p", "strong", "ul", "li", "blockquote", "code"}
    for tag in sorted(set(collector.tags) - allowed):
        problems.append(f"user text was rendered as <{tag}>")
    for match in REFERENCES.finditer("\n".join(collector.outside_code)):
        problems.append(f"a reference GitHub or GitLab would act on, outside code: {match.group(0)!r}")
    for match in COMMIT_SHA.finditer("\n".join(collector.outside_code)):
        problems.append(f"a commit SHA GitHub or GitLab would link, outside code: {match.group(0)!r}")
    text = "".join(collector.text).replace(WORD_JOINER, "")
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
