// The one rule for finding the library; see library_location.h.
#include <fibrokb/library_location.h>

#include <fibrokb/build_config.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include <pwd.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace fibrokb {

namespace {

std::string environment(const char* name)
{
    const char* value = std::getenv(name);
    return value ? std::string(value) : std::string();
}

std::string homeDir()
{
    std::string home = environment("HOME");
    if (!home.empty())
        return home;
    if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_dir)
        return pw->pw_dir;
    return {};
}

// The folder of the running program, from /proc/self/exe (empty when it cannot be read).
fs::path executableDir()
{
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec || exe.empty())
        return {};
    return exe.parent_path();
}

bool sameFolder(const fs::path& a, const fs::path& b)
{
    std::error_code ec;
    return !a.empty() && !b.empty() && fs::equivalent(a, b, ec) && !ec;
}

}  // namespace

std::string userLibraryDir()
{
    // The XDG rule QStandardPaths follows: XDG_DATA_HOME if it is an absolute path, else ~/.local/share.
    std::string base = environment("XDG_DATA_HOME");
    if (base.empty() || base[0] != '/') {
        const std::string home = homeDir();
        if (home.empty())
            return {};
        base = home + "/.local/share";
    }
    return (fs::path(base) / "FibroKB" / "fibrokb" / "index").string();
}

std::string installedLibraryDir()
{
    const fs::path dir = executableDir();
    if (dir.empty())
        return {};
    return (dir / FIBROKB_INSTALLED_INDEX_FROM_BIN).lexically_normal().string();
}

std::string buildTreeLibraryDir()
{
    return FIBROKB_DEFAULT_INDEX;
}

bool holdsLibrary(const std::string& dir)
{
    if (dir.empty())
        return false;
    std::error_code ec;
    const fs::path p(dir);
    return fs::is_regular_file(p / "XAPIANDB", ec) || fs::is_regular_file(p / "iamglass", ec) ||
           fs::is_regular_file(p / "iamchert", ec);
}

LibraryLocation findLibrary(const std::string& commandLineDir)
{
    if (!commandLineDir.empty())
        return {commandLineDir, LibrarySource::CommandLine};
    if (std::string env = environment("FIBROKB_INDEX"); !env.empty())
        return {env, LibrarySource::Environment};
    if (std::string user = userLibraryDir(); holdsLibrary(user))
        return {user, LibrarySource::User};
    if (std::string installed = installedLibraryDir(); holdsLibrary(installed))
        return {installed, LibrarySource::Installed};
    return {buildTreeLibraryDir(), LibrarySource::BuildTree};
}

LibraryLocation libraryToBuild(const std::string& commandLineDir)
{
    if (!commandLineDir.empty())
        return {commandLineDir, LibrarySource::CommandLine};
    if (std::string env = environment("FIBROKB_INDEX"); !env.empty())
        return {env, LibrarySource::Environment};
    if (sameFolder(executableDir(), FIBROKB_BUILD_BIN_DIR))
        return {buildTreeLibraryDir(), LibrarySource::BuildTree};
    return {userLibraryDir(), LibrarySource::User};
}

std::string describe(LibrarySource source)
{
    switch (source) {
    case LibrarySource::CommandLine:
        return "--index";
    case LibrarySource::Environment:
        return "FIBROKB_INDEX";
    case LibrarySource::User:
        return "your own library";
    case LibrarySource::Installed:
        return "the installed library";
    case LibrarySource::BuildTree:
        return "the build tree";
    }
    return {};
}

std::string libraryLookupHelp()
{
    const std::string user = userLibraryDir();
    const std::string installed = installedLibraryDir();
    return "  1. --index DIR\n"
           "  2. the FIBROKB_INDEX environment variable\n"
           "  3. your own rebuilt library, if present: $XDG_DATA_HOME/FibroKB/fibrokb/index\n"
           "     (here " +
           (user.empty() ? std::string("unknown: no home folder") : user) +
           ")\n"
           "  4. the installed library, if present: " FIBROKB_INSTALLED_INDEX_FROM_BIN " from the program's folder\n"
           "     (here " +
           (installed.empty() ? std::string("unknown") : installed) +
           ")\n"
           "  5. the build tree's index: " FIBROKB_DEFAULT_INDEX "\n";
}

}  // namespace fibrokb
