#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace exitscope {

// A file that appears at its path complete or not at all: write to temporaryPath(), then
// commit() renames it over the target. Destroyed without commit, it removes the temporary.
class AtomicFile
{
public:
    explicit AtomicFile(std::string path);
    ~AtomicFile();
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;
    AtomicFile(AtomicFile &&other) noexcept;

    const std::string &path() const { return m_path; }
    const std::string &temporaryPath() const { return m_temporary; }
    void commit();

private:
    std::string m_path;
    std::string m_temporary;
    bool m_committed = false;
};

// Files that appear together or not at all: each is written to its temporary path, and
// commit() renames them only once every target is known to be replaceable (none is a
// folder), so a failure leaves none of them behind.
class AtomicFileSet
{
public:
    explicit AtomicFileSet(const std::vector<std::string> &paths);
    AtomicFile &operator[](std::size_t i) { return m_files[i]; }
    void commit();

private:
    std::vector<AtomicFile> m_files;
};

// The one output guard: refuses (InputError naming the output) an output path that is, or
// resolves to, one of the inputs, before anything is read or written. Empty paths are
// ignored.
void checkOutputIsNotInput(const std::string &output, const std::vector<std::string> &inputs);

// Creates a folder (and its parents) for output files, or throws InputError.
std::string createFolder(const std::string &path);

// Refuses (InputError naming the path) an input file that is a folder, before a reader
// opens it: a folder opens as an empty stream on Linux, which readers would call an empty
// or malformed file.
void refuseFolderInput(const std::string &path);

// Writes text to a path atomically.
void writeTextFile(const std::string &path, const std::string &text);
std::string readTextFile(const std::string &path);
// The size in bytes of an input file; InputError when it is missing or unreadable.
std::uint64_t inputFileSize(const std::string &path);

} // namespace exitscope
