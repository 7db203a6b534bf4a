// Unit tests for write_output_file: atomic, no clobbering without force, nothing left behind on failure.
#include "backup_request/output/output_file.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace backup_request;
namespace fs = std::filesystem;

namespace {

struct ScratchFolder {
    fs::path path;
    ScratchFolder() {
        std::string pattern = (fs::temp_directory_path() / "br-output-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path = pattern;
    }
    ~ScratchFolder() { fs::remove_all(path); }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;

    [[nodiscard]] std::size_t entries() const {
        return static_cast<std::size_t>(
            std::distance(fs::directory_iterator(path), fs::directory_iterator{}));
    }
};

std::string read(const fs::path& path) {
    std::ifstream file(path);
    std::stringstream buffer;
    buffer << file.rdbuf();
    return buffer.str();
}

void write(const fs::path& path, const std::string& text) {
    std::ofstream(path) << text;
}

} // namespace

TEST_CASE("A new file is written whole") {
    ScratchFolder folder;
    const auto target = folder.path / "case.json";
    CHECK_FALSE(write_output_file(target.string(), "{}\n", {}).has_value());
    CHECK(read(target) == "{}\n");
    CHECK(folder.entries() == 1);
}

TEST_CASE("An existing file is kept unless forced") {
    ScratchFolder folder;
    const auto target = folder.path / "case.json";
    write(target, "old");
    const auto error = write_output_file(target.string(), "new", {});
    REQUIRE(error.has_value());
    CHECK(*error == "'" + target.string() +
                        "' already exists: pass --force to replace it, or choose another "
                        "--output path");
    CHECK(read(target) == "old");
    CHECK(folder.entries() == 1);

    ::chmod(target.c_str(), 0640);
    CHECK_FALSE(write_output_file(target.string(), "new", {true}).has_value());
    CHECK(read(target) == "new");
    CHECK((fs::status(target).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
    CHECK(folder.entries() == 1);
}

TEST_CASE("Failures leave nothing behind") {
    ScratchFolder folder;
    SECTION("the target is a folder") {
        const auto error = write_output_file(folder.path.string(), "x", {true});
        REQUIRE(error.has_value());
        CHECK(*error == "'" + folder.path.string() + "' is a folder: give a file name for --output");
    }
    SECTION("the folder does not exist") {
        const auto error = write_output_file((folder.path / "missing" / "case.json").string(), "x", {});
        REQUIRE(error.has_value());
        CHECK_THAT(*error, Catch::Contains("No such file or directory"));
    }
    SECTION("an empty path") {
        CHECK(write_output_file("", "x", {}).has_value());
    }
    CHECK(folder.entries() == 0);
}

TEST_CASE("A device is written directly, and its errors reported") {
    CHECK_FALSE(write_output_file("/dev/null", "x", {}).has_value());
    const auto error = write_output_file("/dev/full", "x", {});
    REQUIRE(error.has_value());
    CHECK(*error == "cannot write '/dev/full': No space left on device");
}
