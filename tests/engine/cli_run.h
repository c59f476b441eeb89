// Runs a command-line tool as a user would and keeps what it printed, for the CLI and robustness tests.
#pragma once

#include <array>
#include <cstdio>
#include <fcntl.h>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <vector>

extern char** environ;

namespace fibrokb::test {

struct Run {
    int exitCode = -1;   // -1 when the tool did not exit normally (a signal: a crash or an abort)
    std::string output;  // stdout, and stderr unless stdoutOnly
    bool contains(const std::string& text) const { return output.find(text) != std::string::npos; }
};

inline std::string shellQuote(const std::string& arg)
{
    std::string out = "'";
    for (char c : arg)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

inline Run runTool(const std::string& tool, const std::vector<std::string>& args, bool stdoutOnly = false)
{
    std::string command = shellQuote(tool);
    for (const auto& a : args)
        command += " " + shellQuote(a);
    command += stdoutOnly ? " 2>/dev/null" : " 2>&1";
    Run result;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe)
        return result;
    std::array<char, 4096> buf;
    size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0)
        result.output.append(buf.data(), n);
    const int status = ::pclose(pipe);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

// Starts `args[0]` with the other args, no shell, output discarded. Returns the pid, or -1.
// `ownGroup`: the child leads a new process group, so kill(-pid) also stops the children it forks.
inline pid_t spawnQuiet(std::vector<std::string> args, bool ownGroup = false)
{
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    if (ownGroup) {
        posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
        posix_spawnattr_setpgroup(&attr, 0);
    }
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), environ);
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&actions);
    return rc == 0 ? pid : -1;
}

// The exit status of `pid`, or minus the signal that ended it.
inline int waitExit(pid_t pid)
{
    int status = 0;
    if (::waitpid(pid, &status, 0) < 0)
        return -1000;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

}  // namespace fibrokb::test
