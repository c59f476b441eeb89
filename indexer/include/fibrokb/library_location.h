// Where the library (the index folder) is: one rule for the app and both tools. No Qt here.
//
// The order, first match wins:
//   1. --index DIR (or --out DIR) given on the command line
//   2. the FIBROKB_INDEX environment variable
//   3. the user's own rebuilt library, if present: $XDG_DATA_HOME/FibroKB/fibrokb/index
//      (~/.local/share/FibroKB/fibrokb/index when XDG_DATA_HOME is unset or relative; the app's
//      QStandardPaths::AppDataLocation plus /index)
//   4. the installed library, if present: ../share/fibrokb/index from the executable's folder
//   5. the build tree's index (the path compiled in when the program was built)
// "Present" means the folder holds an index (a XAPIANDB stub file or a Xapian database). This
// only returns a path: what the path holds (a local database, a stub naming a generation or a
// remote server) is the Searcher's business.
#pragma once

#include <string>

namespace fibrokb {

enum class LibrarySource { CommandLine, Environment, User, Installed, BuildTree };

struct LibraryLocation {
    std::string path;
    LibrarySource source = LibrarySource::BuildTree;
};

// The library to read. `commandLineDir` is the --index value, empty when not given.
LibraryLocation findLibrary(const std::string& commandLineDir = {});

// Where `fibrokb-index build` writes when --out is not given: FIBROKB_INDEX, else the build
// tree's index when the program runs from the build tree, else the user's own library.
// Never next to an installed program.
LibraryLocation libraryToBuild(const std::string& commandLineDir = {});

std::string userLibraryDir();       // empty when there is no home folder
std::string installedLibraryDir();  // empty when the executable's path is unknown
std::string buildTreeLibraryDir();
bool holdsLibrary(const std::string& dir);

// "--index", "FIBROKB_INDEX", "your own library", "the installed library", "the build tree".
std::string describe(LibrarySource source);

// The lookup order as lines for --help (each line starts with two spaces and ends with '\n').
std::string libraryLookupHelp();

}  // namespace fibrokb
