// User text made literal in Markdown (CommonMark and GitHub Flavored Markdown): whatever it holds, it shows
// as typed and is never read as a link, emphasis, HTML, a heading, a list, a table or a code block.
#pragma once

#include <string>
#include <string_view>

namespace backup_request {

// One line of text for a paragraph or a block quote: backslash escapes (CommonMark allows one before any
// ASCII punctuation) for every character that means something inline, and for block markers where the line
// starts; leading spaces and tabs as character references, so that indentation cannot start a code block.
// Commas, colons and full stops stay as they are, so the raw text stays readable. An invisible word joiner
// (U+2060) follows each '@', '#', '!', '%', '~', '$' and '&' that a name, number or '"' follows (and comes
// before the '-' of "GH-12"), so posting
// the text to GitHub or GitLab notifies no one and links no issue, and no e-mail address becomes a link.
[[nodiscard]] std::string markdown_escaped_line(std::string_view line);

// A code span holding `text` literally: a backtick fence longer than any run of backticks inside, padded when
// the text starts or ends with a backtick or space. Line breaks become spaces, as inside any code span.
[[nodiscard]] std::string markdown_code_span(std::string_view text);

} // namespace backup_request
