// Unit tests for the platform layer: file status, paths, the user's folders and the atomic write, on
// whichever system the tests were built for.
#include "backup_request/platform/atomic_file.hpp"
#include "backup_request/platform/descriptors.hpp"
#include "backup_request/platform/file_status.hpp"
#include "backup_request/platform/folders.hpp"
#include "scratch_folder.hpp"

#include <catch2/catch.hpp>
#include <cerrno>
#include <map>

using namespace backup_request::platform;

namespace {

VariableLookup variables(std::map<std::string, std::string> values) {
    return [values = std::move(values)](const std::string& name) -> std::optional<std::string> {
        const auto found = values.find(name);
        return found == values.end() ? std::nullopt : std::optional(found->second);
    };
}

} // namespace

TEST_CASE("a path's status: missing, a folder, a regular file and its size") {
    ScratchFolder folder;
    CHECK(path_status((folder.path / "none").string()).kind == FileKind::missing);
    CHECK(path_status((folder.path / "none").string()).error == 0);
    CHECK(path_status(folder.path.string()).kind == FileKind::folder);
    write_file(folder.path / "five", "12345");
    const auto status = path_status((folder.path / "five").string());
    CHECK(status.kind == FileKind::regular);
    CHECK(status.size == 5);
}

TEST_CASE("a file has one identity whatever name or descriptor reaches it") {
    ScratchFolder folder;
    write_file(folder.path / "a", "a");
    write_file(folder.path / "b", "b");
    std::filesystem::create_directory(folder.path / "sub");
    const auto a = path_identity((folder.path / "a").string());
    REQUIRE(a);
    CHECK(path_identity((folder.path / "sub" / ".." / "a").string()) == a);
    CHECK(path_identity((folder.path / "b").string()) != a);
    CHECK_FALSE(path_identity((folder.path / "none").string()));
    std::filesystem::create_hard_link(folder.path / "a", folder.path / "sub" / "hard");
    CHECK(path_identity((folder.path / "sub" / "hard").string()) == a);
    const auto opened = open_for_reading((folder.path / "a").string());
    REQUIRE(opened.fd >= 0);
    CHECK(descriptor_identity(opened.fd) == a);
    CHECK(close_descriptor(opened.fd) == 0);
    // Not a link: the path itself.
    const auto plain = link_destination((folder.path / "a").string());
    CHECK(plain.path == (folder.path / "a").string());
    CHECK_FALSE(plain.was_link);
    CHECK(plain.error == 0);
}

TEST_CASE("a chain of symbolic links is followed to its end, relative to each link's folder",
          "[posix-only]") {
#ifndef _WIN32
    ScratchFolder folder;
    std::filesystem::create_directory(folder.path / "sub");
    std::filesystem::create_symlink("sub/middle", folder.path / "first");
    std::filesystem::create_symlink("../end.json", folder.path / "sub" / "middle");
    const auto followed = link_destination((folder.path / "first").string());
    CHECK(followed.was_link);
    CHECK(followed.error == 0);
    CHECK(followed.path == (folder.path / "sub" / ".." / "end.json").string());
    std::filesystem::create_symlink("loop-b", folder.path / "loop-a");
    std::filesystem::create_symlink("loop-a", folder.path / "loop-b");
    CHECK(link_destination((folder.path / "loop-a").string()).error == ELOOP);
    std::filesystem::create_symlink("/proc/self/fd/1", folder.path / "out");
    CHECK(link_destination((folder.path / "out").string()).path == "/proc/self/fd/1");
#endif
}

TEST_CASE("a file is read through a descriptor to its end, and a missing one is ENOENT") {
    ScratchFolder folder;
    write_file(folder.path / "text", "abc\r\ndef");
    const auto opened = open_for_reading((folder.path / "text").string());
    REQUIRE(opened.fd >= 0);
    CHECK(descriptor_status(opened.fd).size == 8);
    char buffer[16] = {};
    const auto got = read_some(opened.fd, buffer, sizeof buffer);
    CHECK(got.error == 0);
    CHECK(std::string(buffer, got.bytes) == "abc\r\ndef"); // binary: CRLF kept for the reader to handle
    CHECK(read_some(opened.fd, buffer, sizeof buffer).bytes == 0);
    CHECK(close_descriptor(opened.fd) == 0);
    const auto missing = open_for_reading((folder.path / "none").string());
    CHECK(missing.fd < 0);
    CHECK(missing.error == ENOENT);
    CHECK(error_text(ENOENT) == "No such file or directory");
}

TEST_CASE("an atomic write creates, refuses to replace unless asked, and leaves no temporary file") {
    ScratchFolder folder;
    const std::string target = (folder.path / "case.json").string();
    CHECK_FALSE(write_file_atomically(target, "one", false).has_value());
    CHECK(read_file(target) == "one");
    const auto refused = write_file_atomically(target, "two", false);
    REQUIRE(refused.has_value());
    CHECK(refused->step == AtomicStep::rename);
    CHECK(refused->error == EEXIST);
    CHECK(read_file(target) == "one");
    CHECK_FALSE(write_file_atomically(target, "three", true).has_value());
    CHECK(read_file(target) == "three");
    CHECK(folder.entries() == 1);
    const auto no_folder = write_file_atomically((folder.path / "none" / "x").string(), "x", false);
    REQUIRE(no_folder.has_value());
    CHECK(no_folder->step == AtomicStep::create_temporary);
    CHECK(no_folder->error == ENOENT);
}

TEST_CASE("device paths are told apart from files") {
    CHECK_FALSE(is_device_path("case.json"));
    CHECK_FALSE(is_device_path("null"));
#ifdef _WIN32
    CHECK(is_device_path("NUL"));
    CHECK(is_device_path("nul.txt"));
    CHECK(is_device_path("CON"));
    CHECK(is_device_path("COM1"));
    CHECK(is_device_path("\\\\.\\pipe\\cases"));
    CHECK_FALSE(is_device_path("COM0"));
    CHECK_FALSE(is_device_path("console.json"));
    CHECK(std::string(null_device_path()) == "NUL");
#else
    CHECK(is_device_path("/dev/stdout"));
    CHECK(is_device_path("/proc/self/fd/1"));
    CHECK_FALSE(is_device_path("dev/null"));
    CHECK(std::string(null_device_path()) == "/dev/null");
#endif
}

TEST_CASE("a path's folder and a joined path use the system's separators") {
    CHECK(parent_folder("case.json") == ".");
    CHECK(parent_folder("out/case.json") == "out");
#ifdef _WIN32
    CHECK(parent_folder("C:\\case.json") == "C:\\");
    CHECK(parent_folder("C:\\out\\case.json") == "C:\\out");
    CHECK(join_path("C:\\out", "case.json") == "C:\\out\\case.json");
    CHECK(join_path("C:\\out\\", "case.json") == "C:\\out\\case.json");
#else
    CHECK(parent_folder("/case.json") == "/");
    CHECK(parent_folder("/srv/out/case.json") == "/srv/out");
    CHECK(join_path("/srv", "case.json") == "/srv/case.json");
    CHECK(join_path("/srv/", "case.json") == "/srv/case.json");
#endif
}

#ifndef _WIN32
TEST_CASE("the user's folders follow the XDG base directories") {
    CHECK(user_config_folder(variables({{"XDG_CONFIG_HOME", "/cfg"}, {"HOME", "/home/a"}})) == "/cfg");
    // A relative XDG value is invalid and ignored, by the specification.
    CHECK(user_config_folder(variables({{"XDG_CONFIG_HOME", "cfg"}, {"HOME", "/home/a"}})) ==
          "/home/a/.config");
    CHECK(user_state_folder(variables({{"HOME", "/home/a"}})) == "/home/a/.local/state");
    CHECK(user_state_folder(variables({{"XDG_STATE_HOME", "/state"}})) == "/state");
    CHECK_FALSE(user_config_folder(variables({})).has_value());
    CHECK_FALSE(user_config_folder(variables({{"HOME", ""}})).has_value());
}

TEST_CASE("the executable's folder is where the test binary is") {
    const auto folder = executable_folder();
    REQUIRE(folder.has_value());
    CHECK(path_status(join_path(*folder, "unit_tests")).kind == FileKind::regular);
}
#else
TEST_CASE("the user's folders are XDG's where set to an absolute path, else the Known Folders") {
    CHECK(user_config_folder(variables({{"XDG_CONFIG_HOME", "D:\\cfg"}})) == "D:\\cfg");
    CHECK(user_state_folder(variables({{"XDG_STATE_HOME", "/state"}})) == "/state");
    CHECK(user_config_folder(variables({{"XDG_CONFIG_HOME", "cfg"}})) != "cfg");
    const auto config = user_config_folder(variables({{"APPDATA", "C:\\fallback"}}));
    REQUIRE(config.has_value());
    CHECK(path_status(*config).kind == FileKind::folder);
    const auto folder = executable_folder();
    REQUIRE(folder.has_value());
    CHECK(path_status(join_path(*folder, "unit_tests.exe")).kind == FileKind::regular);
}
#endif
