// Shared by the libFuzzer targets: a scratch folder per process, and one way to report a finding.
//
// A finding is anything that makes the process die: a sanitizer report, a signal (stack overflow, abort), or an
// exception that escapes an engine function whose contract says it does not throw (or throws only its own type).
// Escaping exceptions are reported here with their type and message, then abort() hands over to libFuzzer,
// which saves the input as crash-<sha1> under -artifact_prefix.
#pragma once

#include <cxxabi.h>
#include <unistd.h>
#include <xapian.h>  // Xapian::Error does not derive from std::exception

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <typeinfo>
#include <vector>

namespace fuzz {

namespace fs = std::filesystem;

// A folder of our own for the temp files a target needs, on tmpfs when there is one. Removed at exit; a crash
// skips that, so the folders of processes that no longer exist are removed when the next one starts.
inline const std::string& scratchDir(const char* target)
{
    static const std::string dir = [target] {
        std::error_code ec;
        fs::path base = fs::is_directory("/dev/shm", ec) ? fs::path("/dev/shm") : fs::temp_directory_path();
        const std::string prefix = "fibrokb-fuzz-" + std::string(target) + "-";
        for (fs::directory_iterator it(base, ec), end; !ec && it != end; it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (name.rfind(prefix, 0) != 0)
                continue;
            const std::string pid = name.substr(prefix.size());
            if (!pid.empty() && pid.find_first_not_of("0123456789") == std::string::npos &&
                !fs::exists("/proc/" + pid, ec)) {
                std::error_code ignored;
                fs::remove_all(it->path(), ignored);
            }
        }
        ec.clear();
        fs::path d = base / (prefix + std::to_string(::getpid()));
        fs::remove_all(d, ec);
        fs::create_directories(d);
        static const std::string forExit = d.string();
        std::atexit([] {
            std::error_code ignored;
            fs::remove_all(forExit, ignored);
        });
        return d.string();
    }();
    return dir;
}

inline void writeFile(const std::string& path, const uint8_t* data, size_t size)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out) {
        std::fprintf(stderr, "fuzz harness: cannot write %s\n", path.c_str());
        std::abort();
    }
}

inline std::string currentExceptionType()
{
    std::type_info* type = abi::__cxa_current_exception_type();
    if (!type)
        return "unknown";
    int status = 0;
    std::unique_ptr<char, void (*)(void*)> name(abi::__cxa_demangle(type->name(), nullptr, nullptr, &status),
                                                std::free);
    return status == 0 && name ? name.get() : type->name();
}

// FIBROKB_FUZZ_IGNORE=substring[,substring...]: escaped exceptions whose description contains one of these are
// not reported, so a long run can get past a known, not yet fixed finding (crashes and sanitizer reports are
// never ignored). Unset by default.
inline bool ignored(const std::string& what)
{
    static const std::vector<std::string> patterns = [] {
        std::vector<std::string> out;
        const char* env = std::getenv("FIBROKB_FUZZ_IGNORE");
        std::string list = env ? env : "", item;
        for (size_t i = 0; i <= list.size(); ++i) {
            if (i == list.size() || list[i] == ',') {
                if (!item.empty())
                    out.push_back(item);
                item.clear();
            } else {
                item += list[i];
            }
        }
        return out;
    }();
    for (const auto& p : patterns)
        if (what.find(p) != std::string::npos)
            return true;
    return false;
}

// FIBROKB_FUZZ_VERBOSE=1: print the documented errors (BuildError, IndexError) too, for triage.
inline void documented(const char* where, const std::exception& e)
{
    static const bool verbose = std::getenv("FIBROKB_FUZZ_VERBOSE") != nullptr;
    if (verbose)
        std::fprintf(stderr, "fuzz: %s: documented error: %s\n", where, e.what());
}

[[noreturn]] inline void finding(const char* where, const std::string& what)
{
    std::fprintf(stderr, "\n==FIBROKB FUZZ FINDING== %s: %s\n", where, what.c_str());
    std::fflush(stderr);
    std::abort();
}

// Call inside a catch block: reports the exception being handled as a finding (unless FIBROKB_FUZZ_IGNORE matches).
inline void escapedException(const char* where)
{
    std::string what = "exception " + currentExceptionType() + " escaped";
    try {
        throw;
    } catch (const std::exception& e) {
        what += ": ";
        what += e.what();
    } catch (const Xapian::Error& e) {
        what += ": ";
        what += e.get_description();
    } catch (...) {
    }
    if (ignored(std::string(where) + ": " + what))
        return;
    finding(where, what);
}

}  // namespace fuzz
