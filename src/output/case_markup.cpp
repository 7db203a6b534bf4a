// Renders a case document in each markup. Plain text and Markdown are what --format text|markdown print;
// ADF, Jira wiki markup and HTML are the description fields of the trackers. User text is literal in each:
// escaped by the markup's own rules (Markdown, wiki, HTML) or held in text nodes (ADF).
#include "backup_request/output/case_document.hpp"
#include "backup_request/output/markdown_text.hpp"

#include <sstream>
#include <string_view>

namespace backup_request {
namespace {

using Kind = CaseBlock::Kind;

// The lines of a text, empty ones included.
std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// Jira wiki markup: a backslash before every character its effects, links, tables, lists, macros and
// emoticons ("(y)", ":)") are made of; a backslash itself (two of them are a forced line break) as its
// entity.
// A typed entity ("&copy;", "&lt;b&gt;") would be shown as its character: '&' is written as one itself. The
// emoticons ":D" and ":P" have no bracket to escape: an invisible word joiner (U+2060) goes after the ':'.
std::string wiki_escaped(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\') {
            out += "&#92;";
        } else if (c == '&') {
            out += "&amp;";
        } else if (std::string_view("*_-+^~?{}[]|!#()").find(c) != std::string_view::npos) {
            out += '\\';
            out += c;
        } else {
            out += c;
            if (c == ':' && i + 1 < text.size() &&
                std::string_view("DdPp").find(text[i + 1]) != std::string_view::npos) {
                out += "\u2060";
            }
        }
    }
    return out;
}

// A {noformat} block shows its lines as typed: no headings ("h1."), quotes ("bq."), lists, entities,
// emoticons or links. Only "{noformat}" itself would end it early: a word joiner after each '{' prevents
// that.
std::string wiki_noformat(std::string_view text) {
    std::string out = "{noformat}\n";
    for (const char c : text) {
        out += c;
        if (c == '{') {
            out += "\u2060";
        }
    }
    return out + (text.ends_with('\n') ? "" : "\n") + "{noformat}\n";
}

std::string html_escaped(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

nlohmann::json adf_text(std::string_view text, const std::vector<std::string>& marks = {}) {
    nlohmann::json node = {{"type", "text"}, {"text", std::string(text)}};
    if (!marks.empty()) {
        node["marks"] = nlohmann::json::array();
        for (const auto& mark : marks) {
            node["marks"].push_back({{"type", mark}});
        }
    }
    return node;
}

// `content` is an array: a braced single node would be copied as the node itself by clang and wrapped in an
// array by g++ (nlohmann_json's documented brace-initialisation ambiguity), so callers build it with array().
nlohmann::json adf_paragraph(nlohmann::json content) {
    return {{"type", "paragraph"}, {"content", std::move(content)}};
}

// A paragraph per run of non-empty lines, the lines joined by hard breaks: ADF text nodes may not be empty.
nlohmann::json adf_paragraphs(std::string_view text) {
    nlohmann::json paragraphs = nlohmann::json::array();
    nlohmann::json current = nlohmann::json::array();
    for (const auto line : lines_of(text)) {
        if (line.empty()) {
            if (!current.empty()) {
                paragraphs.push_back(adf_paragraph(std::move(current)));
                current = nlohmann::json::array();
            }
            continue;
        }
        if (!current.empty()) {
            current.push_back({{"type", "hardBreak"}});
        }
        current.push_back(adf_text(line));
    }
    if (!current.empty()) {
        paragraphs.push_back(adf_paragraph(std::move(current)));
    }
    return paragraphs;
}

nlohmann::json adf_bullets(const std::vector<std::string>& values, bool code) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& value : values) {
        const std::string shown = value.empty() ? std::string(" ") : value;
        items.push_back(
            {{"type", "listItem"},
             {"content",
              nlohmann::json::array({adf_paragraph(nlohmann::json::array({adf_text(
                  shown, code ? std::vector<std::string>{"code"} : std::vector<std::string>{})}))})}});
    }
    return {{"type", "bulletList"}, {"content", std::move(items)}};
}

} // namespace

std::string render_plain(const CaseDocument& document) {
    std::ostringstream out;
    out << document.title << "\n" << std::string(document.title.size(), '=') << "\n\n";
    for (const auto& block : document.blocks) {
        switch (block.kind) {
        case Kind::banner:
            out << "*** " << block.text << " ***\n\n";
            break;
        case Kind::item:
            out << block.label << ": " << block.text << block.note << "\n";
            break;
        case Kind::list:
            out << block.label << ":\n";
            for (const auto& value : block.values) {
                out << "  - " << value << "\n";
            }
            break;
        case Kind::quote:
            out << block.label << ":\n";
            for (const auto line : lines_of(block.text)) {
                out << "  " << line << "\n";
            }
            out << "\n";
            break;
        case Kind::section:
            out << block.label << ":\n";
            break;
        case Kind::fact:
            out << "  - " << block.text << "\n";
            break;
        case Kind::gap:
            out << "\n";
            break;
        }
    }
    return out.str();
}

std::string render_markdown(const CaseDocument& document) {
    std::ostringstream out;
    out << "## " << document.title << "\n\n";
    for (const auto& block : document.blocks) {
        switch (block.kind) {
        case Kind::banner:
            out << "> **" << block.text << "**\n\n";
            break;
        case Kind::item:
            out << "**" << block.label << ":** " << markdown_code_span(block.text)
                << markdown_escaped_line(block.note) << "\n\n";
            break;
        case Kind::list:
            out << "**" << block.label << ":**\n\n";
            for (const auto& value : block.values) {
                out << "- " << markdown_code_span(value) << "\n";
            }
            out << "\n";
            break;
        case Kind::quote:
            out << "**" << block.label << ":**\n\n";
            for (const auto line : lines_of(block.text)) {
                out << ">" << (line.empty() ? "" : " ") << markdown_escaped_line(line) << "\n";
            }
            out << "\n";
            break;
        case Kind::section:
            out << "### " << block.label << "\n\n";
            break;
        case Kind::fact:
            out << "- " << block.text << "\n";
            break;
        case Kind::gap:
            break;
        }
    }
    return out.str();
}

nlohmann::json render_adf(const CaseDocument& document) {
    nlohmann::json content = nlohmann::json::array();
    content.push_back({{"type", "heading"},
                       {"attrs", {{"level", 2}}},
                       {"content", nlohmann::json::array({adf_text(document.title)})}});
    std::vector<std::string> facts;
    const auto flush_facts = [&] {
        if (!facts.empty()) {
            content.push_back(adf_bullets(facts, false));
            facts.clear();
        }
    };
    for (const auto& block : document.blocks) {
        if (block.kind != Kind::fact) {
            flush_facts();
        }
        switch (block.kind) {
        case Kind::banner:
            content.push_back(adf_paragraph(nlohmann::json::array({adf_text(block.text, {"strong"})})));
            break;
        case Kind::item:
            content.push_back(adf_paragraph(
                block.note.empty()
                    ? nlohmann::json::array(
                          {adf_text(block.label + ": ", {"strong"}), adf_text(block.text, {"code"})})
                    : nlohmann::json::array({adf_text(block.label + ": ", {"strong"}),
                                             adf_text(block.text, {"code"}), adf_text(block.note)})));
            break;
        case Kind::list:
            content.push_back(
                adf_paragraph(nlohmann::json::array({adf_text(block.label + ":", {"strong"})})));
            content.push_back(adf_bullets(block.values, true));
            break;
        case Kind::quote:
            content.push_back(
                adf_paragraph(nlohmann::json::array({adf_text(block.label + ":", {"strong"})})));
            content.push_back({{"type", "blockquote"}, {"content", adf_paragraphs(block.text)}});
            break;
        case Kind::section:
            content.push_back({{"type", "heading"},
                               {"attrs", {{"level", 3}}},
                               {"content", nlohmann::json::array({adf_text(block.label)})}});
            break;
        case Kind::fact:
            facts.push_back(block.text);
            break;
        case Kind::gap:
            break;
        }
    }
    flush_facts();
    return {{"version", 1}, {"type", "doc"}, {"content", std::move(content)}};
}

std::string render_jira_wiki(const CaseDocument& document) {
    std::ostringstream out;
    out << "h2. " << wiki_escaped(document.title) << "\n\n";
    for (const auto& block : document.blocks) {
        switch (block.kind) {
        case Kind::banner:
            out << "*" << wiki_escaped(block.text) << "*\n\n";
            break;
        case Kind::item:
            out << "*" << wiki_escaped(block.label) << ":* {{" << wiki_escaped(block.text) << "}}"
                << wiki_escaped(block.note) << "\n\n";
            break;
        case Kind::list:
            out << "*" << wiki_escaped(block.label) << ":*\n";
            for (const auto& value : block.values) {
                out << "* {{" << wiki_escaped(value) << "}}\n";
            }
            out << "\n";
            break;
        case Kind::quote:
            out << "*" << wiki_escaped(block.label) << ":*\n" << wiki_noformat(block.text) << "\n";
            break;
        case Kind::section:
            out << "h3. " << wiki_escaped(block.label) << "\n\n";
            break;
        case Kind::fact:
            out << "* " << wiki_escaped(block.text) << "\n";
            break;
        case Kind::gap:
            break;
        }
    }
    return out.str();
}

std::string render_html(const CaseDocument& document) {
    std::ostringstream out;
    out << "<h2>" << html_escaped(document.title) << "</h2>\n";
    bool in_facts = false;
    for (const auto& block : document.blocks) {
        if (in_facts && block.kind != Kind::fact) {
            out << "</ul>\n";
            in_facts = false;
        }
        switch (block.kind) {
        case Kind::banner:
            out << "<p><strong>" << html_escaped(block.text) << "</strong></p>\n";
            break;
        case Kind::item:
            out << "<p><strong>" << html_escaped(block.label) << ":</strong> <code>"
                << html_escaped(block.text) << "</code>" << html_escaped(block.note) << "</p>\n";
            break;
        case Kind::list:
            out << "<p><strong>" << html_escaped(block.label) << ":</strong></p>\n<ul>\n";
            for (const auto& value : block.values) {
                out << "<li><code>" << html_escaped(value) << "</code></li>\n";
            }
            out << "</ul>\n";
            break;
        case Kind::quote: {
            out << "<p><strong>" << html_escaped(block.label) << ":</strong></p>\n<blockquote>";
            bool first = true;
            for (const auto line : lines_of(block.text)) {
                out << (first ? "" : "<br>\n") << html_escaped(line);
                first = false;
            }
            out << "</blockquote>\n";
            break;
        }
        case Kind::section:
            out << "<h3>" << html_escaped(block.label) << "</h3>\n";
            break;
        case Kind::fact:
            if (!in_facts) {
                out << "<ul>\n";
                in_facts = true;
            }
            out << "<li>" << html_escaped(block.text) << "</li>\n";
            break;
        case Kind::gap:
            break;
        }
    }
    if (in_facts) {
        out << "</ul>\n";
    }
    return out.str();
}

} // namespace backup_request
