// A library shared over the network (docs/remote-library.md): a real xapian-tcpsrv (package xapian-tools) serves
// the live generation of the fixture index on 127.0.0.1 and a free port; the engine's Searcher and fibrokb-search
// read it through a stub file (`remote HOST:PORT`) and through tcp://HOST:PORT, and must give what the local
// index gives. No mocks: the server is the one a clinic runs. It is stopped (kill + waitpid) on every way out.
#include "cli_run.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <csignal>
#include <chrono>
#include <functional>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace fibrokb;
using fibrokb::test::Run;
using fibrokb::test::runTool;
using fibrokb::test::TempDir;
using fibrokb::test::writeFile;
using Clock = std::chrono::steady_clock;

namespace {

// A port nothing listens on now: bind port 0 and ask the kernel which one it gave.
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
                    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0;
    ::close(fd);
    REQUIRE(ok);
    return ntohs(addr.sin_port);
}

bool accepts(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(uint16_t(port));
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

// xapian-tcpsrv on 127.0.0.1, in its own process group: it forks one child per connection, and stopping the
// group stops those too.
class TcpServer {
public:
    explicit TcpServer(const std::string& database, std::vector<std::string> extra = {})
    {
        const std::string binary = FIBROKB_XAPIAN_TCPSRV;
        if (binary.empty() || ::access(binary.c_str(), X_OK) != 0)
            FAIL("xapian-tcpsrv was not found when the tests were configured: install the Debian package xapian-tools "
                 "(scripts/test installs it) and configure again");
        // The port can be taken between freePort() and the server's bind: then the server exits, and we try another.
        for (int attempt = 0; attempt < 5 && port_ == 0; ++attempt) {
            const int port = freePort();
            std::vector<std::string> args = {binary,        "--port",    std::to_string(port),
                                             "--interface", "127.0.0.1", "--quiet"};
            args.insert(args.end(), extra.begin(), extra.end());
            args.push_back(database);
            pid_ = fibrokb::test::spawnQuiet(args, /*ownGroup=*/true);  // kill(-pid) stops its connection children too
            REQUIRE(pid_ > 0);
            const auto deadline = Clock::now() + std::chrono::seconds(10);
            while (Clock::now() < deadline) {
                if (accepts(port)) {
                    port_ = port;
                    break;
                }
                int status = 0;
                if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                    pid_ = -1;
                    break;
                }  // exited: port taken
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
            if (port_ == 0)
                stop();
        }
        REQUIRE(port_ != 0);
    }
    ~TcpServer() { stop(); }
    TcpServer(const TcpServer&) = delete;
    TcpServer& operator=(const TcpServer&) = delete;

    int port() const { return port_; }
    std::string hostPort() const { return "127.0.0.1:" + std::to_string(port_); }

    void stop()
    {
        if (pid_ <= 0)
            return;
        ::kill(-pid_, SIGKILL);  // the group: the server and its connection children
        ::waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }

private:
    pid_t pid_ = -1;
    int port_ = 0;
};

// The folder a clinic serves: the live generation the index's stub names.
std::string liveGenerationFolder()
{
    const std::string& index = fibrokb::test::fixtureIndex();
    const std::string generation = liveGeneration(index);
    REQUIRE_FALSE(generation.empty());
    return index + "/" + generation;
}

SearchRequest request(const std::string& query, std::vector<std::string> topics = {}, std::string type = "")
{
    SearchRequest r;
    r.query = query;
    r.topics = std::move(topics);
    r.type = std::move(type);
    r.limit = 50;
    return r;
}

// Everything a result shows, in one comparable string.
std::string shown(const SearchResult& r)
{
    std::string out = "total " + std::to_string(r.total) + " corrected " + r.corrected.value_or("-") +
                      (r.showingCorrected ? " showing-corrected" : "") + (r.relaxed ? " relaxed" : "") + "\n";
    for (const auto& h : r.hits)
        out +=
            h.id + " | " + h.title + " | " + h.anchor + " | " + h.snippet + " | " + std::to_string(int(h.score)) + "\n";
    for (const auto* group : {&r.facets.topics, &r.facets.types, &r.facets.audiences}) {
        for (const auto& [name, count] : *group)
            out += name + "=" + std::to_string(count) + " ";
        out += "\n";
    }
    return out;
}

std::string shown(const std::optional<Article>& a)
{
    if (!a)
        return "none";
    std::string out = a->id + " | " + a->title + " | " + a->html + "\n";
    for (const auto& s : a->sections)
        out += s.anchor + " " + s.heading + "\n";
    return out;
}

std::string shown(const std::vector<Hit>& hits)
{
    std::string out;
    for (const auto& h : hits)
        out += h.id + " ";
    return out;
}

bool has(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

std::string errorOf(const std::function<void()>& work)
{
    try {
        work();
    } catch (const IndexError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("a library served by xapian-tcpsrv gives what the local index gives", "[remote]")
{
    TcpServer server(liveGenerationFolder());
    TempDir dir;
    const std::string stub = dir / "clinic.stub";
    writeFile(stub, "# the clinic's library\nremote " + server.hostPort() + "\n");

    Searcher local(fibrokb::test::fixtureIndex());
    Searcher remote(stub);
    Searcher direct("tcp://" + server.hostPort());

    // Results with snippets and facets, filters, browsing, synonyms ("lyrica", "si joint") and spelling.
    const std::vector<SearchRequest> requests = {request("hip"),
                                                 request("hip pain"),
                                                 request("exercise", {"hip-pain"}),
                                                 request("", {"hip-pain"}),
                                                 request("", {}, "faq"),
                                                 request("lyrica"),
                                                 request("si joint"),
                                                 request("numb"),
                                                 request("bursitus"),
                                                 request("\"gentle walking\""),
                                                 request("hip AND"),
                                                 request("zzzz qqqq")};
    for (const auto& r : requests) {
        INFO("query '" << r.query << "'");
        const SearchResult expected = local.search(r);
        CHECK(shown(remote.search(r)) == shown(expected));
        CHECK(shown(direct.search(r)) == shown(expected));
    }
    // The spelling suggestion and the synonyms really are there (an empty table would also compare equal).
    const SearchResult spelled = remote.search(request("bursitus"));
    REQUIRE(spelled.corrected);
    CHECK(*spelled.corrected == "bursitis");
    CHECK(spelled.showingCorrected);
    CHECK(remote.search(request("lyrica")).total == local.search(request("pregabalin")).total);
    CHECK(remote.search(request("hip")).total > 0);
    bool snippet = false;
    for (const auto& h : remote.search(request("hip")).hits)
        snippet |= has(h.snippet, "<b>");
    CHECK(snippet);

    // Article pages (an article and a FAQ file), related pages, completion, topics, statistics.
    for (const std::string id : {"hip-exercise", "faq-common", "no-such-page"})
        CHECK(shown(remote.article(id)) == shown(local.article(id)));
    REQUIRE(remote.article("hip-exercise"));
    CHECK(shown(remote.related("hip-exercise")) == shown(local.related("hip-exercise")));
    CHECK_FALSE(remote.related("hip-exercise").empty());
    CHECK(remote.complete("outer") == local.complete("outer"));
    CHECK(remote.complete("bursi") == local.complete("bursi"));
    CHECK(remote.topics().size() == local.topics().size());
    const IndexInfo info = remote.info(Searcher::TermCount::Count);
    CHECK(info.documents == local.info().documents);
    CHECK(info.byTopic == local.info().byTopic);
    CHECK(info.terms == local.info(Searcher::TermCount::Count).terms);

    // Nothing here stats the server's files: a remote library is never "outdated" and names no generation.
    CHECK_FALSE(remote.outdated());
    CHECK(remote.generation().empty());
}

TEST_CASE("fibrokb-search through a stub file prints what it prints for the local index", "[remote]")
{
    TcpServer server(liveGenerationFolder());
    TempDir dir;
    const std::string stub = dir / "clinic.stub";
    writeFile(stub, "remote " + server.hostPort() + "\n");
    const std::string& index = fibrokb::test::fixtureIndex();
    const std::vector<std::vector<std::string>> queries = {{"--json", "hip"},
                                                           {"--json", "--topic", "hip-pain", "exercise"},
                                                           {"--json", "--type", "faq"},
                                                           {"--json", "bursitus"},
                                                           {"--json", "lyrica"},
                                                           {"hip", "pain"},
                                                           {"bursitus"}};
    for (const auto& q : queries) {
        std::vector<std::string> viaLocal = {"--index", index}, viaStub = {"--index", stub},
                                 viaTcp = {"--index", "tcp://" + server.hostPort()};
        for (auto* args : {&viaLocal, &viaStub, &viaTcp})
            args->insert(args->end(), q.begin(), q.end());
        const Run expected = runTool(FIBROKB_SEARCH_TOOL, viaLocal);
        REQUIRE(expected.exitCode == 0);
        const Run got = runTool(FIBROKB_SEARCH_TOOL, viaStub);
        INFO(q.back() << ": " << got.output);
        CHECK(got.exitCode == 0);
        CHECK(got.output == expected.output);
        CHECK(runTool(FIBROKB_SEARCH_TOOL, viaTcp).output == expected.output);
    }
    CHECK(has(runTool(FIBROKB_SEARCH_TOOL, {"--index", stub, "bursitus"}).output, "showing results for \"bursitis\""));
    CHECK(has(runTool(FIBROKB_SEARCH_TOOL, {"--help"}).output, "remote HOST:PORT"));
}

TEST_CASE("an unreachable library server gives a labelled message in bounded time", "[remote]")
{
    const int port = freePort();  // nothing listens there
    const std::string hostPort = "127.0.0.1:" + std::to_string(port);
    TempDir dir;
    const std::string stub = dir / "clinic.stub";
    writeFile(stub, "remote " + hostPort + "\n");

    const auto start = Clock::now();
    const std::string message = errorOf([&] { Searcher s(stub); });
    CHECK(Clock::now() - start < std::chrono::seconds(8));
    INFO(message);
    CHECK(has(message, "Cannot reach the library server at " + hostPort));
    CHECK(has(message, "named by " + stub));
    CHECK(has(message, "xapian-tcpsrv is running"));
    CHECK(has(message, "firewall"));
    CHECK(has(errorOf([&] { Searcher s("tcp://" + hostPort); }), "Cannot reach the library server at " + hostPort));

    const auto toolStart = Clock::now();
    const Run run = runTool(FIBROKB_SEARCH_TOOL, {"--index", stub, "hip"});
    CHECK(Clock::now() - toolStart < std::chrono::seconds(8));
    CHECK(run.exitCode == 1);
    CHECK(has(run.output, "fibrokb-search: Cannot reach the library server at " + hostPort));

    // Addresses that name no server are refused with a message, not an exception from deep inside.
    writeFile(stub, "remote 127.0.0.1:notaport\n");
    CHECK(has(errorOf([&] { Searcher s(stub); }), "names no library server"));
    CHECK(has(errorOf([&] { Searcher s("tcp://nowhere"); }), "is not a library server address"));
}

TEST_CASE("a library server that goes away mid-session gives a labelled message and a restarted one is used again",
          "[remote]")
{
    TempDir dir;
    const std::string stub = dir / "clinic.stub";
    auto server = std::make_unique<TcpServer>(liveGenerationFolder());
    const int port = server->port();
    writeFile(stub, "remote " + server->hostPort() + "\n");
    Searcher remote(stub);
    REQUIRE(remote.search(request("hip")).total > 0);

    server->stop();
    const auto start = Clock::now();
    const std::string message = errorOf([&] { remote.search(request("hip")); });
    CHECK(Clock::now() - start < std::chrono::seconds(12));
    INFO(message);
    CHECK(has(message, "the library server at 127.0.0.1:" + std::to_string(port)));
    CHECK(has(message, "while searching"));
    CHECK(has(message, "firewall"));
    CHECK(has(errorOf([&] { remote.article("hip-exercise"); }), "while reading a page"));
    CHECK_FALSE(remote.outdated());
    server.reset();

    // xapian-tcpsrv closes connections idle for longer than --idle-timeout (60 s by default): the Searcher
    // connects again by itself, as it does to a server restarted after a rebuild.
    TcpServer idle(liveGenerationFolder(), {"--idle-timeout", "300"});
    writeFile(stub, "remote " + idle.hostPort() + "\n");
    Searcher patient(stub);
    const int expected = patient.search(request("hip")).total;
    std::this_thread::sleep_for(std::chrono::milliseconds(800));
    CHECK(patient.search(request("hip")).total == expected);
    CHECK(patient.article("hip-exercise"));
}
