// The one rule every program uses to find the library (fibrokb/library_location.h).
#include "test_support.h"

#include <catch2/catch.hpp>

#include <fibrokb/library_location.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

using namespace fibrokb;
using fibrokb::test::TempDir;
namespace fs = std::filesystem;

namespace {

// Sets an environment variable for one test and puts the old value back.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : name_(name)
    {
        if (const char* old = std::getenv(name))
            old_ = old;
        value ? ::setenv(name, value, 1) : ::unsetenv(name);
    }
    ~ScopedEnv() { old_ ? ::setenv(name_, old_->c_str(), 1) : ::unsetenv(name_); }

private:
    const char* name_;
    std::optional<std::string> old_;
};

void makeLibrary(const fs::path& dir)
{
    fs::create_directories(dir / "gen-1");
    std::ofstream(dir / "XAPIANDB") << "auto gen-1\n";
}

}  // namespace

TEST_CASE("The library is --index then FIBROKB_INDEX then your own then installed then the build tree", "[location]")
{
    TempDir home;
    const std::string data = home.path() + "/data";
    ScopedEnv xdg("XDG_DATA_HOME", data.c_str());
    ScopedEnv env("FIBROKB_INDEX", nullptr);
    const std::string user = data + "/FibroKB/fibrokb/index";
    CHECK(userLibraryDir() == user);

    // No library of your own: the installed one if this program had one, else the build tree.
    LibraryLocation found = findLibrary();
    if (holdsLibrary(installedLibraryDir())) {
        CHECK(found.source == LibrarySource::Installed);
    } else {
        CHECK(found.source == LibrarySource::BuildTree);
        CHECK(found.path == buildTreeLibraryDir());
    }

    // An empty folder is not a library.
    fs::create_directories(user);
    CHECK(findLibrary().source != LibrarySource::User);

    makeLibrary(user);
    found = findLibrary();
    CHECK(found.source == LibrarySource::User);
    CHECK(found.path == user);

    {
        ScopedEnv set("FIBROKB_INDEX", "/srv/fibrokb/index");
        found = findLibrary();
        CHECK(found.source == LibrarySource::Environment);
        CHECK(found.path == "/srv/fibrokb/index");
        found = findLibrary("/given");
        CHECK(found.source == LibrarySource::CommandLine);
        CHECK(found.path == "/given");
    }
    CHECK(describe(LibrarySource::Installed) == "the installed library");
}

TEST_CASE("Your own library falls back to ~/.local/share without an absolute XDG_DATA_HOME", "[location]")
{
    ScopedEnv home("HOME", "/home/reader");
    {
        ScopedEnv xdg("XDG_DATA_HOME", nullptr);
        CHECK(userLibraryDir() == "/home/reader/.local/share/FibroKB/fibrokb/index");
    }
    ScopedEnv relative("XDG_DATA_HOME", "relative/data");
    CHECK(userLibraryDir() == "/home/reader/.local/share/FibroKB/fibrokb/index");
}

TEST_CASE("The installed library is share/fibrokb/index beside the program's bin folder", "[location]")
{
    const fs::path installed = installedLibraryDir();
    REQUIRE_FALSE(installed.empty());
    CHECK(installed.filename() == "index");
    CHECK(installed.parent_path().filename() == "fibrokb");
    // /proc/self/exe of this test binary: <build>/bin/engine_tests (or wherever ctest runs it from).
    const fs::path exeDir = fs::read_symlink("/proc/self/exe").parent_path();
    CHECK(installed == (exeDir.parent_path() / "share" / "fibrokb" / "index"));
}

TEST_CASE("A build writes to the build tree only from the build tree and never beside an installed program",
          "[location]")
{
    ScopedEnv env("FIBROKB_INDEX", nullptr);
    TempDir home;
    ScopedEnv xdg("XDG_DATA_HOME", home.path().c_str());
    CHECK(libraryToBuild("/out").path == "/out");
    // This test binary is in the build's bin folder, like fibrokb-index.
    const LibraryLocation build = libraryToBuild();
    CHECK(build.source == LibrarySource::BuildTree);
    CHECK(build.path == buildTreeLibraryDir());
    ScopedEnv set("FIBROKB_INDEX", "/srv/index");
    CHECK(libraryToBuild().path == "/srv/index");
}
