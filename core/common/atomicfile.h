#pragma once

#include <string>

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

// Creates a folder (and its parents) for output files, or throws InputError.
std::string createFolder(const std::string &path);

// Writes text to a path atomically.
void writeTextFile(const std::string &path, const std::string &text);
std::string readTextFile(const std::string &path);

} // namespace exitscope
