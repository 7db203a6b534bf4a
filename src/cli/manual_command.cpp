// Writes roff for man(7): a section per command with every option CLI11 knows, then exit codes, environment,
// files and examples.
#include "manual_command.hpp"

#include "backup_request/exit_code.hpp"
#include "backup_request/version.hpp"

#include <CLI/Option.hpp>
#include <ostream>
#include <sstream>

namespace backup_request {
namespace {

// roff: a leading '.' or '\'' starts a request, '\' starts an escape, '-' should be \- in option names.
std::string roff(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '\\') {
            out += "\\e";
        } else if (c == '-') {
            out += "\\-";
        } else {
            out += c;
        }
    }
    if (!out.empty() && (out.front() == '.' || out.front() == '\'')) {
        out.insert(0, "\\&");
    }
    return out;
}

void write_options(std::ostringstream& out, const CLI::App& app) {
    for (const CLI::Option* option : visible_options(app)) {
        std::string names;
        for (const auto& name : option->get_snames()) {
            names += (names.empty() ? "" : ", ") + ("\\fB\\-" + name + "\\fR");
        }
        for (const auto& name : option->get_lnames()) {
            names += (names.empty() ? "" : ", ") + ("\\fB" + roff("--" + name) + "\\fR");
        }
        if (names.empty()) { // a positional argument
            names = "\\fI" + roff(option->get_type_name()) + "\\fR";
        } else if (option->get_expected_min() > 0) {
            names += " \\fI" + roff(option->get_type_name()) + "\\fR";
        }
        out << ".TP\n" << names << "\n" << roff(option->get_description()) << "\n";
    }
}

} // namespace

CLI::App* add_manual_command(CLI::App& app) {
    CLI::App* command = app.add_subcommand("manual", "Print the backup-request(1) man page (roff)");
    command->group(""); // hidden from --help: it is for the build, which installs its output
    return command;
}

std::string manual_page(const CLI::App& app) {
    std::ostringstream out;
    out << ".TH BACKUP-REQUEST 1 \"\" \"backup-request " << roff(version_text()) << "\" \"User Commands\"\n"
        << ".SH NAME\nbackup\\-request \\- " << roff(app.get_description()) << "\n"
        << ".SH SYNOPSIS\n\\fBbackup\\-request\\fR [\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIFLAGS\\fR]\n"
        << ".SH DESCRIPTION\n"
        << "OutSystems Cloud keeps database backups for 15 days. To get temporary access to one, a customer "
           "opens a "
           "support case with the point in time in UTC, the environments' addresses and a business "
           "justification. "
           "\\fBbackup\\-request\\fR checks every rule of such a case and writes it as JSON (or as text to "
           "paste).\n"
        << ".SH OPTIONS\n";
    write_options(out, app);
    out << ".SH COMMANDS\n";
    for (const CLI::App* sub : visible_commands(app)) {
        out << ".SS " << roff(sub->get_name()) << "\n" << roff(sub->get_description()) << "\n";
        write_options(out, *sub);
    }
    out << ".SH EXIT STATUS\n"
        << ".TP\n0\nThe payload was written (warnings allowed, unless \\fB\\-\\-strict\\fR).\n"
        << ".TP\n1\nThe request (or a draft) breaks a rule, or a warning with \\fB\\-\\-strict\\fR; nothing "
           "was written.\n"
        << ".TP\n2\nUsage error: an unknown flag or command, a missing or conflicting option, a bad "
           "\\fB\\-\\-now\\fR.\n"
        << ".TP\n3\nAn input cannot be read or is not JSON.\n"
        << ".TP\n4\nThe output cannot be written.\n"
        << ".SH ENVIRONMENT\n"
        << ".TP\n\\fBBACKUP_REQUEST_NOW\\fR\nThe clock to judge against, in any absolute form "
           "\\fB\\-\\-at\\fR accepts.\n"
        << ".TP\n\\fBBACKUP_REQUEST_TZ\\fR\nThe IANA zone for times without an offset.\n"
        << ".TP\n\\fBBACKUP_REQUEST_LEDGER\\fR\nThe ledger file, unless \\fB\\-\\-ledger\\fR or the config names "
           "one.\n"
        << ".TP\n\\fBBACKUP_REQUEST_NO_LEDGER\\fR=1\nRecord nothing, as \\fB\\-\\-no\\-ledger\\fR (scripts and CI jobs).\n"
        << ".TP\n\\fBNO_COLOR\\fR, \\fBTERM\\fR=dumb\nNo colour or Unicode drawing unless \\fB\\-\\-color "
           "always\\fR.\n"
        << ".SH FILES\n"
        << ".TP\n\\fI/usr/share/backup\\-request/schema/\\fR\nJSON Schemas of the payload, drafts and the "
           "validate report and the ledger's records.\n"
        << ".TP\n\\fI$XDG_STATE_HOME/backup\\-request/ledger.sqlite\\fR\nThe ledger of requests "
           "(\\fI~/.local/state/backup\\-request/ledger.sqlite\\fR by default; mode 0600).\n"
        << ".TP\n\\fI/usr/share/zoneinfo\\fR\nThe IANA zone database, read only with "
           "\\fB\\-\\-timezone\\fR.\n"
        << ".SH EXAMPLES\n.nf\n"
        << roff("backup-request create --example") << "\n"
        << roff("backup-request create --at 2026-11-20T14:30:00Z --env acme-prd.outsystemsenterprise.com "
                "--justification-file incident.txt > case.json")
        << "\n"
        << roff("backup-request validate --format json drafts.ndjson") << "\n"
        << roff("backup-request window --at '2026-11-20 09:30' --timezone Europe/Lisbon") << "\n"
        << ".fi\n"
        << ".SH SEE ALSO\n\\fBjq\\fR(1)\n";
    return out.str();
}

Command manual_command() {
    return Command{"manual", [](CLI::App& app) { return add_manual_command(app); },
                   [](const CLI::App& app, const CLI::App& /*command*/, CommandContext& context) {
                       return run_manual(app, context);
                   },
                   false};
}

CommandResult run_manual(const CLI::App& app, CommandContext& context) {
    context.out << manual_page(app) << std::flush;
    return ExitCode::ok;
}

} // namespace backup_request
