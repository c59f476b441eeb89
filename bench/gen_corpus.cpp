// fibrokb-gen-corpus: a deterministic synthetic corpus in FibroKB's format, for bench/run.
//
//   fibrokb-gen-corpus --docs N --out DIR [--seed S] [--source DIR] [--per-folder K] [--force] [--quiet]
//
// Writes N Markdown files (about 1 FAQ file per 10 articles) under DIR/articles/NNNN/ and DIR/faq/NNNN/
// (K files per folder, default 500), and copies topics.yaml and synonyms.txt from the source corpus (default:
// the bundled corpus/). Every file has the front matter docs/authoring.md describes (id, title, summary,
// topics, audience, reviewed/next_review, sometimes importance, sources with a doi or url) and a body of
// `##`/`###` sections, paragraphs, bullet and numbered lists, tables and internal links to other generated
// ids. The text is drawn from a Zipf-distributed vocabulary (s = 1 up to rank 5,000, then s = 2): common
// English words and health words first, then a long tail of made-up words, so the top 10 words make about a
// quarter of the text and the number of distinct words grows with the corpus as in real text (about 80,000 at
// 5,000 files, 155,000 at 20,000). Each file has a theme of a few health phrases and synonym terms (from
// synonyms.txt), which its title and a quarter of its sentences carry. The generator keeps to the
// rules `fibrokb-index check` applies (word counts, readability, no cure promises, percentages or doses, a
// "When to get help" section on pain-topic articles, links that resolve), so a build of it reports no errors.
//
// Determinism: the output depends only on N, the seed, K, the vocabulary size and the two source files; the same inputs
// give byte-identical files. Each document is generated from its own random stream (seed, document number), so a
// document does not change when N changes, except for the targets of its links (drawn from 0..N-1).
//
// Not a test and not installed: see bench/README.md.

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#ifndef FIBROKB_BENCH_CORPUS
#define FIBROKB_BENCH_CORPUS "corpus"
#endif

namespace fs = std::filesystem;

namespace {

// ---- Random numbers: splitmix64, the same on every platform ---------------------------------------------

struct Rng {
    uint64_t state;
    explicit Rng(uint64_t seed) : state(seed) {}
    uint64_t next()
    {
        uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // 0 .. n-1, without modulo bias worth mentioning (Lemire's multiply-shift).
    uint32_t below(uint32_t n) { return uint32_t((unsigned __int128)(next() >> 32) * n >> 32); }
    int range(int lo, int hi) { return lo + int(below(uint32_t(hi - lo + 1))); }  // lo..hi inclusive
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }   // [0, 1)
    bool chance(double p) { return unit() < p; }
    template <class T>
    const T& pick(const std::vector<T>& v)
    {
        return v[below(uint32_t(v.size()))];
    }
};

uint64_t mix(uint64_t a, uint64_t b)
{
    Rng r(a * 0x9E3779B97F4A7C15ULL ^ (b + 0x632BE59BD9B4E019ULL));
    r.next();
    return r.next();
}

// ---- Zipf sampling with Walker's alias method: O(1) per draw ----------------------------------------------

// P(rank r) is proportional to r^-s up to rank `knee`, and falls off as r^-s2 after it (continuously).
// Word frequencies in real text follow that shape: Zipf's s of about 1 for the common words, a steeper tail,
// so the number of distinct words grows roughly as the square root of the text's length.
class Zipf {
public:
    Zipf(size_t n, double s, size_t knee = 0, double s2 = 0) : prob_(n), alias_(n)
    {
        std::vector<double> p(n);
        double sum = 0;
        const double kneeFactor = knee ? std::pow(double(knee), s2 - s) : 0;
        for (size_t r = 0; r < n; ++r)
            sum += p[r] =
                knee && r + 1 > knee ? kneeFactor * std::pow(double(r + 1), -s2) : std::pow(double(r + 1), -s);
        std::vector<uint32_t> small, large;
        for (size_t r = 0; r < n; ++r) {
            p[r] = p[r] / sum * double(n);
            (p[r] < 1.0 ? small : large).push_back(uint32_t(r));
        }
        while (!small.empty() && !large.empty()) {
            uint32_t l = small.back(), g = large.back();
            small.pop_back();
            prob_[l] = p[l];
            alias_[l] = g;
            p[g] = (p[g] + p[l]) - 1.0;
            if (p[g] < 1.0) {
                large.pop_back();
                small.push_back(g);
            }
        }
        for (uint32_t r : large)
            prob_[r] = 1.0, alias_[r] = r;
        for (uint32_t r : small)
            prob_[r] = 1.0, alias_[r] = r;
    }
    // One 64-bit draw: the high half picks the column, the low half decides between it and its alias.
    uint32_t draw(Rng& rng) const
    {
        const uint64_t r = rng.next();
        const uint32_t i = uint32_t((unsigned __int128)(r >> 32) * prob_.size() >> 32);
        return double(uint32_t(r)) * (1.0 / 4294967296.0) < prob_[i] ? i : alias_[i];
    }

private:
    std::vector<double> prob_;
    std::vector<uint32_t> alias_;
};

// ---- Word lists ---------------------------------------------------------------------------------------------

// Roughly in order of frequency in plain health writing. None is a flagged word of the writing standard.
const char* const kFunctionWords[] = {
    "the",     "you",     "and",    "to",      "a",       "of",     "it",    "is",     "can",    "in",    "your",
    "that",    "for",     "with",   "this",    "be",      "are",    "may",   "or",     "not",    "have",  "on",
    "as",      "but",     "if",     "do",      "some",    "more",   "at",    "by",     "from",   "they",  "so",
    "what",    "about",   "when",   "there",   "one",     "how",    "which", "all",    "will",   "an",    "most",
    "other",   "who",     "many",   "also",    "than",    "get",    "like",  "them",   "out",    "no",    "each",
    "their",   "we",      "much",   "often",   "well",    "way",    "up",    "it's",   "don't",  "I",     "my",
    "me",      "these",   "those",  "then",    "over",    "into",   "after", "before", "just",   "even",  "still",
    "very",    "any",     "both",   "few",     "same",    "own",    "only",  "less",   "why",    "where", "while",
    "because", "through", "under",  "between", "again",   "once",   "here",  "now",    "too",    "does",  "did",
    "has",     "had",     "was",    "were",    "been",    "being",  "would", "could",  "should", "might", "must",
    "our",     "us",      "its",    "his",     "her",     "she",    "he",    "say",    "says",   "said",  "see",
    "let",     "try",     "keep",   "know",    "think",   "find",   "take",  "give",   "feel",   "feels", "look",
    "tell",    "ask",     "use",    "need",    "want",    "work",   "go",    "come",   "put",    "set",   "can't",
    "isn't",   "won't",   "you're", "that's",  "there's", "what's", "lot",   "bit",    "part",   "kind",  "sort",
};

const char* const kCommonWords[] = {
    "people",  "time",    "day",       "days",     "week",      "weeks",   "help",        "helps",        "life",
    "home",    "good",    "new",       "long",     "small",     "short",   "first",       "last",         "next",
    "best",    "better",  "worse",     "easy",     "hard",      "slow",    "fast",        "low",          "high",
    "most",    "plan",    "plans",     "change",   "changes",   "step",    "steps",       "talk",         "walk",
    "walking", "rest",    "move",      "moving",   "sit",       "stand",   "lie",         "bed",          "night",
    "morning", "evening", "hour",      "hours",    "year",      "years",   "month",       "family",       "friend",
    "friends", "partner", "child",     "children", "job",       "money",   "car",         "drive",        "driving",
    "house",   "room",    "chair",     "floor",    "stairs",    "shop",    "food",        "meal",         "drink",
    "water",   "warm",    "cold",      "hot",      "heat",      "light",   "noise",       "calm",         "busy",
    "tired",   "quiet",   "ready",     "careful",  "simple",    "clear",   "usual",       "normal",       "common",
    "rare",    "real",    "true",      "sure",     "safe",      "gentle",  "steady",      "regular",      "daily",
    "weekly",  "same",    "different", "whole",    "half",      "few",     "several",     "enough",       "little",
    "large",   "main",    "key",       "big",      "open",      "close",   "start",       "stop",         "begin",
    "end",     "build",   "grow",      "add",      "cut",       "spread",  "share",       "write",        "read",
    "note",    "notes",   "list",      "diary",    "record",    "track",   "check",       "choose",       "decide",
    "agree",   "plan",    "learn",     "show",     "shows",     "found",   "asked",       "told",         "came",
    "went",    "made",    "kept",      "left",     "felt",      "thing",   "things",      "place",        "point",
    "points",  "reason",  "reasons",   "way",      "ways",      "idea",    "ideas",       "question",     "questions",
    "answer",  "answers", "problem",   "problems", "chance",    "goal",    "goals",       "task",         "tasks",
    "habit",   "habits",  "routine",   "break",    "breaks",    "pace",    "load",        "level",        "levels",
    "amount",  "number",  "group",     "groups",   "team",      "trial",   "trials",      "study",        "studies",
    "review",  "reviews", "research",  "evidence", "result",    "results", "guide",       "guidance",     "advice",
    "support", "care",    "carer",     "carers",   "caregiver", "service", "services",    "clinic",       "nurse",
    "team",    "letter",  "form",      "phone",    "call",      "visit",   "appointment", "appointments", "work",
    "working", "school",  "class",     "classes",  "course",
};

const char* const kHealthWords[] = {
    "pain",
    "fibromyalgia",
    "hip",
    "back",
    "sleep",
    "exercise",
    "doctor",
    "symptoms",
    "muscle",
    "muscles",
    "joint",
    "joints",
    "flare",
    "flares",
    "tiredness",
    "fatigue",
    "stiffness",
    "tender",
    "ache",
    "aches",
    "sore",
    "nerve",
    "nerves",
    "spine",
    "disc",
    "discs",
    "leg",
    "legs",
    "knee",
    "buttock",
    "thigh",
    "neck",
    "shoulder",
    "body",
    "brain",
    "mood",
    "stress",
    "anxiety",
    "depression",
    "memory",
    "fog",
    "focus",
    "physio",
    "physiotherapist",
    "physiotherapy",
    "therapy",
    "therapist",
    "medicine",
    "medicines",
    "tablet",
    "tablets",
    "pharmacist",
    "side",
    "effects",
    "dose",
    "treatment",
    "treatments",
    "diagnosis",
    "test",
    "tests",
    "scan",
    "scans",
    "x-ray",
    "mri",
    "blood",
    "swelling",
    "fever",
    "numbness",
    "weakness",
    "tingling",
    "cramp",
    "pacing",
    "stretch",
    "stretching",
    "strength",
    "walking",
    "swimming",
    "yoga",
    "tai",
    "chi",
    "massage",
    "acupuncture",
    "heat",
    "ice",
    "bath",
    "posture",
    "balance",
    "rheumatologist",
    "gp",
    "specialist",
    "surgery",
    "injection",
    "injections",
    "steroid",
    "painkiller",
    "painkillers",
    "paracetamol",
    "ibuprofen",
    "pregabalin",
    "duloxetine",
    "amitriptyline",
    "gabapentin",
    "opioids",
    "tramadol",
    "cbt",
    "mindfulness",
    "relaxation",
    "breathing",
    "insomnia",
    "waking",
    "rested",
    "nap",
    "naps",
    "energy",
    "activity",
    "activities",
    "sensitive",
    "sensitivity",
    "widespread",
    "chronic",
    "ongoing",
    "sudden",
    "severe",
    "mild",
    "sharp",
    "dull",
    "burning",
    "throbbing",
    "aching",
    "lower",
    "upper",
    "outer",
    "inner",
    "bone",
    "bones",
    "tendon",
    "tendons",
    "bursa",
    "bursitis",
    "arthritis",
    "osteoarthritis",
    "sciatica",
    "stenosis",
    "sacroiliac",
    "pelvis",
    "groin",
    "hypermobility",
    "trigger",
    "myofascial",
    "ligament",
    "cartilage",
    "inflammation",
    "inflammatory",
    "nervous",
    "system",
    "signals",
    "sensitisation",
    "hormones",
    "immune",
    "gut",
    "bladder",
    "bowel",
    "headache",
    "headaches",
    "migraine",
    "jaw",
    "dizziness",
    "weight",
    "diet",
    "vitamin",
    "supplements",
    "alcohol",
    "caffeine",
    "smoking",
    "wellbeing",
    "coping",
    "recovery",
    "setback",
    "setbacks",
    "relapse",
    "comfort",
    "ease",
    "manage",
    "reduce",
    "relief",
    "improve",
    "improves",
    "improved",
    "worsen",
    "trigger",
    "triggers",
    "warning",
    "signs",
    "urgent",
    "emergency",
    "ambulance",
    "hospital",
    "referral",
    "guideline",
    "guidelines",
    "eular",
    "nice",
    "cochrane",
    "criteria",
    "placebo",
    "benefit",
    "benefits",
    "harm",
    "harms",
    "risk",
    "risks",
};

// Health phrases, searched by the benchmark's queries; mixed into sentences with the synonym terms.
const char* const kHealthPhrases[] = {
    "hip pain",
    "back pain",
    "low back pain",
    "water exercise",
    "tai chi",
    "fibro fog",
    "trigger points",
    "side effects",
    "when to get help",
    "pain at night",
    "strength training",
    "sleep medicines",
    "outer hip pain",
    "buttock pain",
    "si joint",
    "slipped disc",
    "nerve pain",
    "pain relief",
    "flare plan",
    "talking therapies",
    "wake up tired",
    "gentle exercise",
    "warm water",
    "pain clinic",
    "spinal stenosis",
    "hip arthritis",
    "widespread pain",
    "tender points",
    "central sensitisation",
    "sleep hygiene",
    "pacing plan",
    "pain diary",
    "heat pack",
    "morning stiffness",
    "leg pain",
    "neck and shoulder pain",
};

// Made-up words for the long tail: two to three letters per part, one to three parts.
const char* const kOnsets[] = {"b", "br", "c",  "ch", "d", "dr", "f",  "fl", "g", "gr", "h",  "j", "k", "l", "m", "n",
                               "p", "pl", "pr", "r",  "s", "sh", "sl", "st", "t", "th", "tr", "v", "w", "z", ""};
const char* const kVowels[] = {"a", "e", "i", "o", "u", "a", "e", "o", "ai", "ea", "oo", "ou", "ie"};
const char* const kCodas[] = {"", "", "", "n", "r", "s", "l", "m", "t", "nd", "st", "ck", "rk", "p", "g"};

// Words the generator must never produce: the writing standard's flagged words (and the first words of its
// flagged phrases), percentage and dose words, and "per" ("per cent").
const std::set<std::string> kForbidden = {"cure",       "cures",     "cured",      "miracle",   "breakthrough",
                                          "guaranteed", "proven",    "detox",      "reverse",   "eliminate",
                                          "percent",    "per",       "cent",       "mg",        "ml",
                                          "mcg",        "milligram", "milligrams", "microgram", "micrograms"};

const char* const kSurnames[] = {"Smith",    "Jones",       "Wolfe",    "Clauw",    "Macfarlane", "Hauser", "Hauser",
                                 "Busch",    "Bidonde",     "Hauser",   "Kundakci", "Mellor",     "Segal",  "Brinjikji",
                                 "Verhagen", "Fitzcharles", "Arnold",   "Hauser",   "Sommer",     "Petzke", "Ablin",
                                 "Carville", "Choy",        "Bernardy", "Williams", "Moore",      "Derry",  "Lee",
                                 "Kim",      "Nguyen",      "Garcia",   "Martin",   "Brown",      "Taylor", "Wilson",
                                 "Davies",   "Evans",       "Thomas",   "Johnson",  "Roberts"};
const char* const kInitials[] = {"A",  "AB", "C", "CJ", "D",  "DJ", "E", "F", "FM", "G", "H", "HA", "J",
                                 "JM", "K",  "L", "M",  "MA", "N",  "P", "R", "RS", "S", "T", "W"};
const char* const kJournals[] = {"art",   "bmj",  "jrheum",     "pain",   "ard",          "cdsr",
                                 "spine", "apmr", "semarthrit", "ejpain", "rheumatology", "jpain"};
const char* const kSites[] = {"https://www.nice.org.uk/guidance/ng", "https://pubmed.ncbi.nlm.nih.gov/",
                              "https://www.cochranelibrary.com/cdsr/doi/10.1002/14651858.CD",
                              "https://www.versusarthritis.org/about-arthritis/conditions/topic-",
                              "https://www.nhs.uk/conditions/page-"};

// Pain topics need a "When to get help" section (as in indexer/src/checker.cpp).
const std::set<std::string> kPainTopics = {"back-pain", "hip-pain", "mimics-and-overlaps", "symptoms-and-flares",
                                           "self-care", "exercise", "urgent-care"};
const char* const kUrgentId = "when-to-get-urgent-help";

// ---- Text helpers ---------------------------------------------------------------------------------------------

bool isWordChar(unsigned char c)
{
    return (std::isalnum(c) && c < 128) || c == '\'';
}

// Words as the readability check counts them: runs of letters, digits and apostrophes.
int countWords(const std::string& s)
{
    int n = 0;
    bool in = false;
    for (unsigned char c : s) {
        bool w = isWordChar(c);
        if (w && !in)
            ++n;
        in = w;
    }
    return n;
}

// Syllables of one word, by the rule of indexer/src/readability.cpp (docs/authoring.md): groups of vowels
// (y included), minus a final silent e (not "le" after a consonant, not "ee"), at least one.
int countSyllables(const std::string& word)
{
    auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; };
    std::string w;
    for (unsigned char c : word)
        if (std::isalpha(c) && c < 128)
            w += char(std::tolower(c));
    if (w.empty())
        return 1;
    int groups = 0;
    bool in = false;
    for (char c : w) {
        const bool v = vowel(c);
        if (v && !in)
            ++groups;
        in = v;
    }
    const size_t n = w.size();
    if (w[n - 1] == 'e' && !(n >= 2 && w[n - 2] == 'e') && !(n > 2 && w[n - 2] == 'l' && !vowel(w[n - 3])))
        --groups;
    return groups < 1 ? 1 : groups;
}

// Words and syllables of a piece of text, as the readability check counts them.
void textStats(const std::string& s, size_t from, int& words, int& syllables)
{
    std::string word;
    auto flush = [&] {
        bool alnum = false;
        for (unsigned char c : word)
            alnum |= std::isalnum(c) && c < 128;
        if (alnum)
            ++words, syllables += countSyllables(word);
        word.clear();
    };
    for (size_t i = from; i < s.size(); ++i) {
        if (isWordChar(static_cast<unsigned char>(s[i])))
            word += s[i];
        else
            flush();
    }
    flush();
}

// Made-up words must not read as rude or violent words.
bool looksRude(const std::string& w)
{
    static const char* const kBad[] = {
        "fuck", "fuk",  "shit",  "cunt",  "cock", "dick", "piss", "slut", "twat", "wank", "nig",  "fag",
        "porn", "rape", "whor",  "bitch", "tit",  "cum",  "arse", "ass",  "sex",  "crap", "damn", "hell",
        "butt", "boob", "poo",   "pee",   "fart", "turd", "anal", "anus", "dild", "homo", "jew",  "gay",
        "kill", "die",  "dead",  "gun",   "bomb", "nazi", "kkk",  "hate", "suck", "puke", "spaz", "retard",
        "slag", "bum",  "vomit", "shag",  "hore", "wog",  "coon", "spic", "kike", "dyke"};
    for (const char* b : kBad)
        if (w.find(b) != std::string::npos)
            return true;
    return false;
}

std::string slugify(const std::string& text)
{
    std::string out;
    bool pending = false;
    for (unsigned char c : text) {
        if (std::isalnum(c) && c < 128) {
            if (pending && !out.empty())
                out += '-';
            pending = false;
            out += char(std::tolower(c));
        } else if (c != '\'') {
            pending = true;
        }
    }
    return out;
}

void capitalizeFirst(std::string& s, size_t from)
{
    if (from < s.size() && s[from] >= 'a' && s[from] <= 'z')
        s[from] = char(s[from] - 'a' + 'A');
}

std::string trim(const std::string& s)
{
    size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// A YAML scalar on one line: plain when that is safe, double-quoted otherwise.
std::string yamlScalar(const std::string& s)
{
    bool plain = !s.empty() && std::isalnum(static_cast<unsigned char>(s[0])) && s.find(": ") == std::string::npos &&
                 s.find(" #") == std::string::npos && s.back() != ':';
    if (plain)
        return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "\"";
}

// Days since 1970-01-01 to y-m-d (Howard Hinnant's civil_from_days).
void civil(long z, int& y, int& m, int& d)
{
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    d = int(doy - (153 * mp + 2) / 5 + 1);
    m = int(mp < 10 ? mp + 3 : mp - 9);
    y = int(yoe + era * 400 + (m <= 2));
}

std::string isoDate(int y, int m, int d)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

bool readFile(const fs::path& path, std::string& out)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

// ---- The source files: topics and synonym terms ---------------------------------------------------------------

struct Topic {
    std::string id, label;
};

// `- id: X` / `  label: Y` lines of topics.yaml (the bundled file's layout; yaml-cpp is not needed for that).
std::vector<Topic> parseTopics(const std::string& yaml)
{
    std::vector<Topic> out;
    std::istringstream in(yaml);
    std::string line;
    while (std::getline(in, line)) {
        std::string t = trim(line);
        if (t.rfind("- id:", 0) == 0)
            out.push_back({trim(t.substr(5)), ""});
        else if (t.rfind("label:", 0) == 0 && !out.empty())
            out.back().label = trim(t.substr(6));
    }
    for (auto& t : out)
        if (t.label.empty())
            t.label = t.id;
    return out;
}

// Every term of synonyms.txt (both sides of `=` and `->`), lower case, in file order, without repeats.
std::vector<std::string> parseSynonymTerms(const std::string& text)
{
    std::vector<std::string> out;
    std::set<std::string> seen;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        line = line.substr(0, line.find('#'));
        std::string cleaned;
        for (size_t i = 0; i < line.size(); ++i) {
            if (line.compare(i, 2, "->") == 0) {
                cleaned += ',';
                ++i;
            } else if (line[i] == '=')
                cleaned += ',';
            else
                cleaned += char(std::tolower(static_cast<unsigned char>(line[i])));
        }
        std::istringstream terms(cleaned);
        std::string term;
        while (std::getline(terms, term, ',')) {
            term = trim(term);
            if (term.empty() || seen.count(term))
                continue;
            bool ok = true;
            for (unsigned char c : term)
                ok &= std::isalnum(c) || c == ' ' || c == '-' || c == '\'' || c == '&' || c == '/';
            std::istringstream words(term);
            for (std::string w; words >> w;)
                ok &= !kForbidden.count(w);
            if (!ok)
                continue;
            seen.insert(term);
            out.push_back(term);
        }
    }
    return out;
}

// ---- The vocabulary ---------------------------------------------------------------------------------------------

struct Vocabulary {
    std::vector<std::string> words;    // by rank
    std::vector<std::string> phrases;  // health phrases, then synonym terms
    Zipf wordZipf;
    Zipf phraseZipf;
    Zipf smallZipf;  // the first ranks only: for titles and headings that read like words

    static std::vector<std::string> buildWords(size_t size)
    {
        std::vector<std::string> out;
        std::unordered_set<std::string> seen;
        seen.reserve(size + size / 2);
        out.reserve(size);
        auto add = [&](const std::string& w) {
            if (!kForbidden.count(w) && seen.insert(w).second)
                out.push_back(w);
        };
        for (const char* w : kFunctionWords)
            add(w);
        for (const char* w : kCommonWords)
            add(w);
        for (const char* w : kHealthWords)
            add(w);
        Rng rng(0x5EEDF1B20ULL);  // the tail is the same for every --seed
        while (out.size() < size) {
            std::string w;
            const int parts = rng.chance(0.30) ? 1 : rng.chance(0.72) ? 2 : 3;
            for (int p = 0; p < parts; ++p) {
                w += kOnsets[rng.below(std::size(kOnsets))];
                w += kVowels[rng.below(std::size(kVowels))];
                if (p == parts - 1 || rng.chance(0.4))
                    w += kCodas[rng.below(std::size(kCodas))];
            }
            if (w.size() >= 3 && !looksRude(w))
                add(w);
        }
        return out;
    }

    Vocabulary(size_t size, std::vector<std::string> synonymTerms)
        : words(buildWords(size)), phrases(makePhrases(std::move(synonymTerms))),
          wordZipf(words.size(), 1.0, 5000, 2.0), phraseZipf(phrases.size(), 0.5),
          smallZipf(std::min<size_t>(words.size(), 2000), 0.8)
    {
        countAll();
    }

    static std::vector<std::string> makePhrases(std::vector<std::string> synonymTerms)
    {
        std::vector<std::string> out;
        for (const char* p : kHealthPhrases)
            out.push_back(p);
        for (auto& t : synonymTerms)
            out.push_back(std::move(t));
        return out;
    }

    const std::string& word(Rng& rng) const { return words[wordZipf.draw(rng)]; }
    uint32_t wordRank(Rng& rng) const { return wordZipf.draw(rng); }
    // A phrase for a document: mostly from its theme (a few phrases drawn once per document, so a phrase is
    // found in some documents, not in all), now and then any phrase.
    uint32_t phraseRank(Rng& rng, const std::vector<uint32_t>& theme) const
    {
        return theme.empty() || rng.chance(0.05) ? phraseZipf.draw(rng) : theme[rng.below(uint32_t(theme.size()))];
    }
    const std::string& phrase(Rng& rng, const std::vector<uint32_t>& theme) const
    {
        return phrases[phraseRank(rng, theme)];
    }
    std::vector<uint32_t> theme(Rng& rng) const
    {
        std::vector<uint32_t> out;
        for (int n = rng.range(3, 6); n > 0; --n)
            out.push_back(phraseZipf.draw(rng));
        return out;
    }

    // Words and syllables of every word and phrase, counted once (the readability check's rules).
    std::vector<uint8_t> wordWords, wordSyllables, phraseWords, phraseSyllables;
    void countAll()
    {
        auto fill = [](const std::vector<std::string>& in, std::vector<uint8_t>& w, std::vector<uint8_t>& s) {
            w.resize(in.size());
            s.resize(in.size());
            for (size_t i = 0; i < in.size(); ++i) {
                int wordCount = 0, syllables = 0;
                textStats(in[i], 0, wordCount, syllables);
                w[i] = uint8_t(std::min(wordCount, 255));
                s[i] = uint8_t(std::min(syllables, 255));
            }
        };
        fill(words, wordWords, wordSyllables);
        fill(phrases, phraseWords, phraseSyllables);
    }
    // A content word for titles and headings: skips the function words.
    const std::string& titleWord(Rng& rng) const
    {
        const size_t skip = std::size(kFunctionWords);
        return words[skip + smallZipf.draw(rng) % (std::min<size_t>(words.size(), 2000) - skip)];
    }
};

// ---- Documents ----------------------------------------------------------------------------------------------

struct DocPlan {
    bool faq = false;
    std::string id, title, folder;  // folder: "articles/0003"
    std::vector<int> topics;        // indexes into the topic list
    std::vector<uint32_t> theme;    // the phrases this document is mostly about
    bool helpBox = false;           // has "## When to get help"
};

struct Totals {
    long long files = 0, articles = 0, faqFiles = 0, faqEntries = 0, bytes = 0;
};

class Generator {
public:
    Generator(const Vocabulary& v, const std::vector<Topic>& topics, std::vector<DocPlan>& plans, uint64_t seed)
        : v_(v), topics_(topics), plans_(plans), seed_(seed)
    {
    }

    // Titles, ids, topics and folders of every document first: links need their targets' ids.
    static void plan(const Vocabulary& v, const std::vector<Topic>& topics, std::vector<DocPlan>& plans, uint64_t seed,
                     int perFolder)
    {
        long articleNo = 0, faqNo = 0;
        const int nTopics = int(topics.size());
        for (size_t i = 0; i < plans.size(); ++i) {
            DocPlan& p = plans[i];
            Rng rng(mix(seed, i * 2 + 1));
            p.faq = i % 11 == 10;
            char folder[32];
            std::snprintf(folder, sizeof folder, "%s/%04ld", p.faq ? "faq" : "articles",
                          (p.faq ? faqNo++ : articleNo++) / perFolder);
            p.folder = folder;
            // Topics: the first articles cover every topic once, so the check finds none without articles.
            std::set<int> chosen;
            const long ordinal = p.faq ? -1 : articleNo - 1;
            if (i == 0)
                chosen.insert(topicIndex(topics, "urgent-care"));
            else if (ordinal >= 1 && ordinal <= nTopics)
                chosen.insert(int(ordinal - 1));
            const int want = rng.chance(0.55) ? 1 : rng.chance(0.7) ? 2 : 3;
            while (int(chosen.size()) < std::min(want, nTopics))
                chosen.insert(int(rng.below(uint32_t(nTopics))));
            chosen.erase(-1);
            p.topics.assign(chosen.begin(), chosen.end());
            if (i == 0) {
                p.id = kUrgentId;
                p.title = "When to get urgent help";
                p.helpBox = true;
                continue;
            }
            bool pain = false;
            for (int t : p.topics)
                pain |= kPainTopics.count(topics[size_t(t)].id) > 0;
            p.helpBox = !p.faq && (pain || rng.chance(0.3));
            p.theme = v.theme(rng);
            p.title =
                p.faq ? faqTitle(v, p.theme, topics[size_t(p.topics.front())], rng) : articleTitle(v, p.theme, rng);
            std::string base = slugify(p.title);
            if (base.size() > 56) {
                base.resize(56);
                base =
                    base.substr(0, base.find_last_of('-') == std::string::npos ? base.size() : base.find_last_of('-'));
            }
            if (p.faq && base.rfind("faq-", 0) != 0)
                base = "faq-" + base;
            p.id = base + "-" + std::to_string(i);
        }
    }

    // The whole file for document i.
    std::string file(size_t i, Totals& totals)
    {
        const DocPlan& p = plans_[i];
        doc_ = &p;
        Rng rng(mix(seed_, i * 2 + 2));
        std::string out;
        out.reserve(9000);
        frontMatter(p, i, rng, out);
        if (p.faq)
            faqBody(p, rng, out, totals);
        else
            articleBody(p, i, rng, out);
        return out;
    }

private:
    static int topicIndex(const std::vector<Topic>& topics, const std::string& id)
    {
        for (size_t t = 0; t < topics.size(); ++t)
            if (topics[t].id == id)
                return int(t);
        return -1;
    }

    static std::string articleTitle(const Vocabulary& v, const std::vector<uint32_t>& theme, Rng& rng)
    {
        auto phrase = [&](Rng& r) { return v.phrase(r, theme); };
        std::string t;
        switch (rng.below(6)) {
        case 0:
            t = phrase(rng) + " and " + phrase(rng);
            break;
        case 1:
            t = "What to know about " + phrase(rng);
            break;
        case 2:
            t = phrase(rng) + " when you have fibromyalgia";
            break;
        case 3:
            t = "Living with " + phrase(rng) + " and " + v.titleWord(rng);
            break;
        case 4:
            t = v.titleWord(rng) + " " + v.titleWord(rng) + " and " + phrase(rng);
            break;
        default:
            t = "How " + v.titleWord(rng) + " can help with " + phrase(rng);
            break;
        }
        capitalizeFirst(t, 0);
        return t;
    }

    static std::string faqTitle(const Vocabulary& v, const std::vector<uint32_t>& theme, const Topic& topic, Rng& rng)
    {
        std::string label = topic.label;
        for (auto& c : label)
            c = char(std::tolower(static_cast<unsigned char>(c)));
        return "FAQ: questions about " + label + " and " + v.phrase(rng, theme);
    }

    // One sentence of `n` words, capitalised, with health phrases mixed in. Returns the words written.
    int sentence(Rng& rng, std::string& out, int n, char end = '.')
    {
        const size_t start = out.size();
        int words = 0;
        const int phraseAt = rng.chance(0.25) ? int(rng.below(uint32_t(n))) : -1;
        for (int k = 0; k < n; ++k) {
            if (k)
                out += ' ';
            if (k == phraseAt) {
                const uint32_t r = v_.phraseRank(rng, doc_->theme);
                out += v_.phrases[r];
                words += v_.phraseWords[r];
                syllables_ += v_.phraseSyllables[r];
            } else if (k == n - 1 && n > 6 && rng.chance(0.05)) {
                out += "about ";  // numbers the standard's way: "about 3 in 10"
                out += char('0' + rng.range(1, 9));
                out += " in 10";
                words += 4;
                syllables_ += 5;
            } else {
                const uint32_t r = v_.wordRank(rng);
                const bool bold = rng.chance(0.01);
                if (bold)
                    out += "**";
                out += v_.words[r];
                if (bold)
                    out += "**";
                words += v_.wordWords[r];
                syllables_ += v_.wordSyllables[r];
            }
        }
        capitalizeFirst(out, start);
        out += end;
        ++sentences_;
        return words;
    }

    int sentenceLength(Rng& rng) { return rng.range(4, 15); }

    // A block of text not written by sentence(): its syllables, and the one sentence the check counts for it.
    void countBlock(const std::string& text)
    {
        int w = 0;
        textStats(text, 0, w, syllables_);
        ++sentences_;
    }

    static bool readable(int words, int sentences, int syllables, double minEase, double maxGrade)
    {
        if (words == 0 || sentences == 0)
            return true;
        const double wps = double(words) / sentences, spw = double(syllables) / words;
        return 206.835 - 1.015 * wps - 84.6 * spw >= minEase && 0.39 * wps + 11.8 * spw - 15.59 <= maxGrade;
    }

    // A link to another document, written as a sentence.
    int linkSentence(Rng& rng, size_t self, std::string& out)
    {
        size_t target = rng.below(uint32_t(plans_.size()));
        if (target == self)
            target = (target + 1) % plans_.size();
        const DocPlan& t = plans_[target];
        std::string text = t.title;
        for (auto& c : text)
            c = char(std::tolower(static_cast<unsigned char>(c)));
        std::string anchor = t.helpBox && rng.chance(0.2) ? "#when-to-get-help" : "";
        static const char* const kLeads[] = {"See ", "Read more about ", "You can also read about ",
                                             "There is more on "};
        std::string lead = kLeads[rng.below(4)];
        out += lead + "[" + text + "](" + t.id + anchor + ").";
        int w = 0;
        textStats(lead + text, 0, w, syllables_);
        ++sentences_;
        return countWords(lead) + countWords(text);
    }

    int paragraph(Rng& rng, size_t self, std::string& out, int minS, int maxS, double linkChance)
    {
        int words = 0;
        const int n = rng.range(minS, maxS);
        for (int s = 0; s < n; ++s) {
            if (s)
                out += ' ';
            words += sentence(rng, out, sentenceLength(rng), rng.chance(0.04) ? '?' : '.');
        }
        if (rng.chance(linkChance)) {
            out += ' ';
            words += linkSentence(rng, self, out);
        }
        out += "\n\n";
        return words;
    }

    int list(Rng& rng, std::string& out, bool numbered)
    {
        int words = 0;
        const int n = rng.range(3, 6);
        for (int k = 0; k < n; ++k) {
            out += numbered ? std::to_string(k + 1) + ". " : "- ";
            if (rng.chance(0.3)) {  // "**Lead.** rest of the item"
                std::string lead;
                words += sentence(rng, lead, rng.range(1, 3));
                out += "**" + lead + "** ";
            }
            words += sentence(rng, out, rng.range(3, 10), rng.chance(0.5) ? '.' : '\0');
            if (out.back() == '\0')
                out.pop_back();
            out += '\n';
        }
        out += '\n';
        return words;
    }

    int table(Rng& rng, std::string& out)
    {
        int words = 0;
        const int cols = rng.range(2, 4), rows = rng.range(2, 5);
        std::string line = "|";
        for (int c = 0; c < cols; ++c) {
            std::string cell = v_.titleWord(rng);
            capitalizeFirst(cell, 0);
            line += " " + cell + " |";
            words += countWords(cell);
            countBlock(cell);
        }
        out += line + "\n|";
        for (int c = 0; c < cols; ++c)
            out += "---|";
        out += '\n';
        for (int r = 0; r < rows; ++r) {
            out += '|';
            for (int c = 0; c < cols; ++c) {
                std::string cell;
                if (c == 0)
                    cell = v_.phrase(rng, doc_->theme);
                else {
                    words += sentence(rng, cell, rng.range(1, 5), '\0');
                    cell.pop_back();
                }
                if (c == 0)
                    words += countWords(cell), countBlock(cell);
                out += " " + cell + " |";
            }
            out += '\n';
        }
        out += '\n';
        return words;
    }

    std::string heading(Rng& rng)
    {
        std::string h;
        switch (rng.below(5)) {
        case 0:
            h = "What " + v_.titleWord(rng) + " means for " + v_.phrase(rng, doc_->theme);
            break;
        case 1:
            h = v_.phrase(rng, doc_->theme) + " and " + v_.titleWord(rng);
            break;
        case 2:
            h = "How to " + v_.titleWord(rng) + " " + v_.titleWord(rng);
            break;
        case 3:
            h = "What the research says about " + v_.phrase(rng, doc_->theme);
            break;
        default:
            h = v_.titleWord(rng) + " " + v_.titleWord(rng) + " " + v_.titleWord(rng);
            break;
        }
        capitalizeFirst(h, 0);
        return h;
    }

    // The three-part box the writing standard asks for, linking to when-to-get-urgent-help.
    int helpBox(Rng& rng, std::string& out)
    {
        int words = 0;
        out += "## When to get help\n\n";
        static const char* const kParts[] = {"**Call 999 or 911, or go to A&E or the emergency room, now if:**",
                                             "**See a doctor the same or next day if:**",
                                             "**Book a routine appointment if:**"};
        for (const char* part : kParts) {
            out += std::string(part) + "\n\n";
            words += countWords(part);
            countBlock(part);
            const int n = rng.range(2, 3);
            for (int k = 0; k < n; ++k) {
                out += "- ";
                std::string item;
                words += sentence(rng, item, rng.range(4, 9), '\0');
                item.pop_back();
                item[0] = char(std::tolower(static_cast<unsigned char>(item[0])));
                out += item + "\n";
            }
            out += '\n';
        }
        const std::string tail = "For more on warning signs, see [urgent help](when-to-get-urgent-help).\n";
        out += tail;
        words += countWords("For more on warning signs, see urgent help.");
        countBlock("For more on warning signs, see urgent help.");
        return words;
    }

    void frontMatter(const DocPlan& p, size_t i, Rng& rng, std::string& out)
    {
        out += "---\nid: " + p.id + "\ntitle: " + yamlScalar(p.title) + "\nsummary: ";
        std::string summary;
        sentence(rng, summary, rng.range(8, 16));
        if (rng.chance(0.6)) {
            summary += ' ';
            sentence(rng, summary, rng.range(6, 14));
        }
        out += yamlScalar(summary) + "\ntopics: [";
        for (size_t t = 0; t < p.topics.size(); ++t)
            out += (t ? ", " : "") + topics_[size_t(p.topics[t])].id;
        static const char* const kAudiences[] = {"patients", "patients", "caregivers", "everyone", "everyone"};
        out += "]\naudience: " + std::string(kAudiences[rng.below(5)]) + "\n";
        int y, m, d;
        civil(19358 + long(rng.below(1420)), y, m, d);  // 2023-01-01 .. late 2026
        if (m == 2 && d == 29)
            d = 28;
        out += "reviewed: " + isoDate(y, m, d) + "\nnext_review: " + isoDate(y + rng.range(1, 3), m, d) + "\n";
        if (i == 0)
            out += "importance: 2\n";
        else if (rng.chance(0.15)) {
            static const char* const kImportance[] = {"0.5", "1.5", "2", "2.5", "3"};
            out += "importance: " + std::string(kImportance[rng.below(5)]) + "\n";
        }
        out += "sources:\n";
        const int n = p.faq ? rng.range(1, 4) : rng.range(2, 6);
        for (int s = 0; s < n; ++s) {
            std::string title;
            sentence(rng, title, rng.range(8, 18), '\0');
            title.pop_back();
            const int year = rng.range(1990, 2025);
            std::string by;
            for (int a = rng.range(1, 3); a > 0; --a)
                by += std::string(by.empty() ? "" : ", ") + kSurnames[rng.below(std::size(kSurnames))] + " " +
                      kInitials[rng.below(std::size(kInitials))];
            out += "  - title: \"" + title + "\"\n    by: " + by + (rng.chance(0.7) ? ", et al." : "") +
                   "\n    year: " + std::to_string(year) + "\n";
            const uint32_t kind = rng.below(20);  // doi 12 in 20, url 5 in 20, both 3 in 20
            if (kind < 12 || kind >= 17)
                out += "    doi: 10." + std::to_string(1000 + rng.below(9000)) + "/" +
                       kJournals[rng.below(std::size(kJournals))] + "." + std::to_string(year) + "." +
                       std::to_string(rng.below(100000)) + "\n";
            if (kind >= 12)
                out += "    url: " + std::string(kSites[rng.below(std::size(kSites))]) +
                       std::to_string(10 + rng.below(40000000)) + "\n";
        }
        out += "---\n\n";
    }

    void articleBody(const DocPlan& p, size_t i, Rng& rng, std::string& out)
    {
        // Words the check counts: 400 to 1,200. The "When to get help" box is counted first; a block that
        // would take the page over kMaxWords is dropped and the page ends there. A page that lands near the
        // readability bar (reading ease 60, grade 8) by chance is drawn again.
        constexpr int kMaxWords = 1180;
        std::string body, box, block;
        for (int attempt = 0; attempt < 50; ++attempt) {
            body.clear();
            box.clear();
            syllables_ = sentences_ = 0;
            int words = p.helpBox ? helpBox(rng, box) : 0;
            const int target = rng.range(700, 1150);
            words += paragraph(rng, i, body, 2, 4, 0.0);
            bool sectionOpen = false;
            while (words < target) {
                block.clear();
                const int syllablesBefore = syllables_, sentencesBefore = sentences_;
                int bw = 0;
                const uint32_t kind = rng.below(100);
                if (kind < 22 || !sectionOpen) {
                    block += "## " + heading(rng) + "\n\n";
                    sectionOpen = true;
                    bw = paragraph(rng, i, block, 2, 5, 0.25);
                } else if (kind < 50) {
                    bw = paragraph(rng, i, block, 2, 6, 0.2);
                } else if (kind < 66) {
                    bw = list(rng, block, false);
                } else if (kind < 74) {
                    bw = list(rng, block, true);
                } else if (kind < 81) {
                    bw = table(rng, block);
                } else {
                    block += "### " + heading(rng) + "\n\n";
                    bw = paragraph(rng, i, block, 1, 4, 0.15);
                }
                if (words + bw > kMaxWords) {
                    syllables_ = syllablesBefore, sentences_ = sentencesBefore;
                    break;
                }
                body += block;
                words += bw;
            }
            if (readable(words, sentences_, syllables_, 64, 7.5))
                break;
        }
        out += body;
        out += box;
    }

    void faqBody(const DocPlan& p, Rng& rng, std::string& out, Totals& totals)
    {
        static const char* const kStarts[] = {"Can ",
                                              "Does ",
                                              "Should I worry about ",
                                              "Why does ",
                                              "How do I manage ",
                                              "What is ",
                                              "Is it safe to try ",
                                              "When should I see a doctor about ",
                                              "Will ",
                                              "How long does "};
        const int n = rng.range(4, 8);
        totals.faqEntries += n;
        for (int q = 0; q < n; ++q) {
            std::string question =
                kStarts[rng.below(std::size(kStarts))] + v_.phrase(rng, doc_->theme) + " " + v_.titleWord(rng);
            if (rng.chance(0.5))
                question += " " + v_.phrase(rng, doc_->theme);
            out += "## " + question + "?\n\n";
            // Answers: 40 to 200 words, ending with a link to an article. Aim for 55 to 150 before the link.
            // A short answer can land below the readability bar by chance: then it is drawn again.
            std::string answer;
            for (int attempt = 0; attempt < 50; ++attempt) {
                answer.clear();
                syllables_ = sentences_ = 0;
                const int target = rng.range(65, 155);
                int words = 0;
                std::string para;
                while (words < target) {
                    if (!para.empty())
                        para += ' ';
                    words += sentence(rng, para, rng.range(4, 13));
                    if (words < target && rng.chance(0.12)) {  // a second paragraph
                        answer += para + "\n\n";
                        para.clear();
                    }
                }
                answer += para + "\n\n";
                size_t link = rng.below(uint32_t(plans_.size()));
                for (size_t tries = 0; plans_[link].faq && tries < 20; ++tries)
                    link = (link + 1) % plans_.size();
                const std::string readMore = "Read more: " + plans_[link].title + ".";
                answer += "Read more: [" + plans_[link].title + "](" + plans_[link].id + ").\n\n";
                textStats(readMore, 0, words, syllables_);
                ++sentences_;
                if (readable(words, sentences_, syllables_, 63, 7.5))
                    break;
            }
            out += answer;
        }
        (void)p;
    }

    const Vocabulary& v_;
    const std::vector<Topic>& topics_;
    std::vector<DocPlan>& plans_;
    uint64_t seed_;
    int syllables_ = 0, sentences_ = 0;  // of the text written by sentence() and linkSentence()
    const DocPlan* doc_ = nullptr;       // the document being written
};

int usage(const std::string& message)
{
    std::cerr << "fibrokb-gen-corpus: " << message << "\n"
              << "Usage: fibrokb-gen-corpus --docs N --out DIR [--seed S] [--source DIR] [--per-folder K] [--force] "
                 "[--quiet]\n"
              << "Try 'fibrokb-gen-corpus --help'.\n";
    return 2;
}

const char* kHelp =
    "Usage: fibrokb-gen-corpus --docs N --out DIR [--seed S] [--source DIR] [--per-folder K]\n"
    "                          [--vocabulary V] [--force] [--quiet]\n"
    "\n"
    "Write a deterministic synthetic FibroKB corpus of N Markdown files (about 1 FAQ file per 10 articles)\n"
    "into DIR: DIR/articles/NNNN/*.md, DIR/faq/NNNN/*.md, and copies of topics.yaml and synonyms.txt.\n"
    "The same N, seed, K, V and source files give byte-identical output.\n"
    "\n"
    "  --docs N        number of files, 1 to 10,000,000\n"
    "  --out DIR       output folder; must be empty or absent (see --force)\n"
    "  --seed S        random seed, an unsigned integer (default 1)\n"
    "  --source DIR    corpus to copy topics.yaml and synonyms.txt from (default " FIBROKB_BENCH_CORPUS ")\n"
    "  --per-folder K  files per subfolder of articles/ and faq/ (default 500)\n"
    "  --vocabulary V  words in the Zipf vocabulary, made-up tail included (default 1000000)\n"
    "  --force         replace a corpus this program wrote before in DIR (its articles/, faq/, topics.yaml\n"
    "                  and synonyms.txt; nothing else is touched)\n"
    "  --quiet         print only the final stats line\n"
    "\n"
    "The last line on stdout is machine-readable:\n"
    "  stats: files=F articles=A faq_files=Q faq_entries=E documents=D bytes=B seconds=T\n"
    "(documents = articles + FAQ entries, the documents fibrokb-index writes).\n";

bool parseUnsigned(const std::string& s, unsigned long long& out)
{
    if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos || s.size() > 19)
        return false;
    out = std::strtoull(s.c_str(), nullptr, 10);
    return true;
}

}  // namespace

int main(int argc, char** argv)
{
    const auto started = std::chrono::steady_clock::now();
    unsigned long long docs = 0, seed = 1, perFolder = 500, vocabulary = 1000000;
    std::string outDir, sourceDir = FIBROKB_BENCH_CORPUS;
    bool force = false, quiet = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&](std::string& v) {
            if (i + 1 >= argc)
                return false;
            v = argv[++i];
            return true;
        };
        std::string v;
        if (a == "-h" || a == "--help") {
            std::cout << kHelp;
            return 0;
        } else if (a == "--force")
            force = true;
        else if (a == "--quiet")
            quiet = true;
        else if (a == "--out") {
            if (!value(outDir) || outDir.empty())
                return usage("--out needs a folder");
        } else if (a == "--source") {
            if (!value(sourceDir))
                return usage("--source needs a folder");
        } else if (a == "--docs") {
            if (!value(v) || !parseUnsigned(v, docs) || docs < 1 || docs > 10000000)
                return usage("--docs needs a number from 1 to 10000000");
        } else if (a == "--seed") {
            if (!value(v) || !parseUnsigned(v, seed))
                return usage("--seed needs an unsigned integer");
        } else if (a == "--per-folder") {
            if (!value(v) || !parseUnsigned(v, perFolder) || perFolder < 1 || perFolder > 1000000)
                return usage("--per-folder needs a number from 1 to 1000000");
        } else if (a == "--vocabulary") {
            if (!value(v) || !parseUnsigned(v, vocabulary) || vocabulary < 1000 || vocabulary > 20000000)
                return usage("--vocabulary needs a number from 1000 to 20000000");
        } else
            return usage("unknown argument '" + a + "'");
    }
    if (docs == 0)
        return usage("--docs is required");
    if (outDir.empty())
        return usage("--out is required");

    std::string topicsText, synonymsText;
    const fs::path source(sourceDir);
    if (!readFile(source / "topics.yaml", topicsText) || !readFile(source / "synonyms.txt", synonymsText)) {
        std::cerr << "fibrokb-gen-corpus: cannot read topics.yaml and synonyms.txt in " << sourceDir
                  << " (use --source)\n";
        return 1;
    }
    const std::vector<Topic> topics = parseTopics(topicsText);
    if (topics.empty()) {
        std::cerr << "fibrokb-gen-corpus: no '- id:' lines in " << (source / "topics.yaml").string() << "\n";
        return 1;
    }
    if (docs < topics.size() + 2 && !quiet)
        std::cerr << "fibrokb-gen-corpus: note: with fewer than " << topics.size() + 2
                  << " files some topics have no article, which the check reports\n";

    // The output folder: absent, empty, or (with --force) one this program wrote.
    const fs::path out(outDir);
    std::error_code ec;
    if (fs::exists(out, ec)) {
        if (!fs::is_directory(out, ec)) {
            std::cerr << "fibrokb-gen-corpus: " << outDir << " is not a folder\n";
            return 1;
        }
        if (!fs::is_empty(out, ec)) {
            const bool ours = fs::is_regular_file(out / "topics.yaml") && fs::is_directory(out / "articles");
            if (!force || !ours) {
                std::cerr << "fibrokb-gen-corpus: " << outDir << " is not empty"
                          << (ours ? " (--force replaces the corpus in it)\n"
                                   : " and holds no generated corpus; choose an empty folder\n");
                return 1;
            }
            for (const char* name : {"articles", "faq", "topics.yaml", "synonyms.txt"})
                fs::remove_all(out / name, ec);
        }
    }
    fs::create_directories(out, ec);
    if (ec) {
        std::cerr << "fibrokb-gen-corpus: cannot create " << outDir << ": " << ec.message() << "\n";
        return 1;
    }

    const Vocabulary vocab(size_t(vocabulary), parseSynonymTerms(synonymsText));
    std::vector<DocPlan> plans(static_cast<size_t>(docs));
    Generator::plan(vocab, topics, plans, seed, int(perFolder));
    Generator gen(vocab, topics, plans, seed);

    Totals totals;
    std::string lastFolder;
    for (size_t i = 0; i < plans.size(); ++i) {
        const DocPlan& p = plans[i];
        if (p.folder != lastFolder) {
            fs::create_directories(out / p.folder, ec);
            if (ec) {
                std::cerr << "fibrokb-gen-corpus: cannot create " << (out / p.folder).string() << ": " << ec.message()
                          << "\n";
                return 1;
            }
            lastFolder = p.folder;
        }
        const std::string text = gen.file(i, totals);
        const std::string path = (out / p.folder / (p.id + ".md")).string();
        std::FILE* f = std::fopen(path.c_str(), "wb");
        if (!f || std::fwrite(text.data(), 1, text.size(), f) != text.size() || std::fclose(f) != 0) {
            std::cerr << "fibrokb-gen-corpus: cannot write " << path << ": " << std::strerror(errno) << "\n";
            return 1;
        }
        ++totals.files;
        (p.faq ? totals.faqFiles : totals.articles) += 1;
        totals.bytes += static_cast<long long>(text.size());
        if (!quiet && (i + 1) % 20000 == 0)
            std::cerr << "fibrokb-gen-corpus: " << i + 1 << " of " << docs << " files\n";
    }
    for (const auto& [name, text] : {std::pair<const char*, const std::string&>{"topics.yaml", topicsText},
                                     std::pair<const char*, const std::string&>{"synonyms.txt", synonymsText}}) {
        std::ofstream o(out / name, std::ios::binary);
        o << text;
        if (!o) {
            std::cerr << "fibrokb-gen-corpus: cannot write " << (out / name).string() << "\n";
            return 1;
        }
    }

    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const long long documents = totals.articles + totals.faqEntries;
    if (!quiet)
        std::printf("fibrokb-gen-corpus: %lld files (%lld articles, %lld FAQ files with %lld entries; %lld documents "
                    "to index), "
                    "%.1f MB of Markdown (mean %.1f KB per file) in %s, seed %llu, %.2f s\n",
                    totals.files, totals.articles, totals.faqFiles, totals.faqEntries, documents,
                    double(totals.bytes) / 1e6, double(totals.bytes) / 1e3 / double(totals.files), outDir.c_str(), seed,
                    seconds);
    std::printf(
        "stats: files=%lld articles=%lld faq_files=%lld faq_entries=%lld documents=%lld bytes=%lld seconds=%.2f\n",
        totals.files, totals.articles, totals.faqFiles, totals.faqEntries, documents, totals.bytes, seconds);
    return 0;
}
