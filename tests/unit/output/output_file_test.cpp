// Unit tests for write_output_file: atomic, no clobbering without force, nothing left behind on failure.
#include "backup_request/output/output_file.hpp"
#include "scratch_folder.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

using namespace backup_request;
namespace fs = std::filesystem;

TEST_CASE("A new file is written whole") {
    ScratchFolder folder;
    const auto target = folder.path / "case.json";
    CHECK_FALSE(write_output_file(target.string(), "{}\n", {}).has_value());
    CHECK(read_file(target) == "{}\n");
    CHECK(folder.entries() == 1);
}

TEST_CASE("An existing file is kept unless forced") {
    ScratchFolder folder;
    const auto target = folder.path / "case.json";
    write_file(target, "old");
    const auto error = write_output_file(target.string(), "new", {});
    REQUIRE(error.has_value());
    CHECK(*error == "'" + target.string() +
                        "' already exists: pass --force to replace it, or choose another "
                        "--output path");
    CHECK(read_file(target) == "old");
    CHECK(folder.entries() == 1);

    const auto kept = fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read;
    fs::permissions(target, kept);
    CHECK_FALSE(write_output_file(target.string(), "new", {true}).has_value());
    CHECK(read_file(target) == "new");
#ifndef _WIN32 // Windows keeps only a read-only bit
    CHECK((fs::status(target).permissions() & fs::perms::all) == kept);
#endif
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

#ifdef _WIN32
TEST_CASE("The null device is written directly") {
    CHECK_FALSE(write_output_file("NUL", "x", {}).has_value());
}
#else
TEST_CASE("A device is written directly, and its errors reported") {
    CHECK_FALSE(write_output_file("/dev/null", "x", {}).has_value());
    const auto error = write_output_file("/dev/full", "x", {});
    REQUIRE(error.has_value());
    CHECK(*error == "cannot write '/dev/full': No space left on device");
}
#endif
