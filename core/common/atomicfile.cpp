#include "core/common/atomicfile.h"

#include "core/common/inputerror.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <unistd.h>

namespace exitscope {

AtomicFile::AtomicFile(std::string path)
    : m_path(std::move(path))
{
    std::random_device random;
    m_temporary = m_path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(random());
}

AtomicFile::AtomicFile(AtomicFile &&other) noexcept
    : m_path(std::move(other.m_path))
    , m_temporary(std::move(other.m_temporary))
    , m_committed(other.m_committed)
{
    other.m_committed = true;
}

AtomicFile::~AtomicFile()
{
    if (!m_committed)
        std::remove(m_temporary.c_str());
}

namespace {

// A folder where the file should go: rename would fail with a bare errno.
void refuseFolderTarget(const std::string &path)
{
    std::error_code error;
    if (std::filesystem::is_directory(path, error))
        throw InputError(path, "is a folder: cannot write the file there (nothing was written)");
}

} // namespace

void AtomicFile::commit()
{
    refuseFolderTarget(m_path);
    if (std::rename(m_temporary.c_str(), m_path.c_str()) != 0)
        throw InputError(m_path, "cannot write file (rename of the temporary file failed)");
    m_committed = true;
}

AtomicFileSet::AtomicFileSet(const std::vector<std::string> &paths)
{
    m_files.reserve(paths.size());
    for (const std::string &path : paths)
        m_files.emplace_back(path);
}

void AtomicFileSet::commit()
{
    for (const AtomicFile &file : m_files)
        refuseFolderTarget(file.path());
    for (AtomicFile &file : m_files)
        file.commit();
}

void checkOutputIsNotInput(const std::string &output, const std::vector<std::string> &inputs)
{
    if (output.empty())
        return;
    std::error_code error;
    const std::filesystem::path out = std::filesystem::weakly_canonical(output, error);
    for (const std::string &input : inputs) {
        if (input.empty())
            continue;
        std::error_code inputError;
        const bool same = std::filesystem::equivalent(output, input, inputError)
            || (!error && out == std::filesystem::weakly_canonical(input, inputError) && !inputError);
        if (same)
            throw InputError(output, "is also an input (" + input + "); refusing to overwrite it: choose another output path");
    }
}

std::string createFolder(const std::string &path)
{
    std::error_code error;
    std::filesystem::create_directories(path, error);
    if (error || !std::filesystem::is_directory(path))
        throw InputError(path, "cannot create output folder: " + error.message());
    return path;
}

void writeTextFile(const std::string &path, const std::string &text)
{
    AtomicFile file(path);
    {
        std::ofstream out(file.temporaryPath(), std::ios::binary);
        out << text;
        out.flush();
        if (!out)
            throw InputError(path, "cannot write file");
    }
    file.commit();
}

void refuseFolderInput(const std::string &path)
{
    std::error_code error;
    if (std::filesystem::is_directory(path, error))
        throw InputError(path, "is a folder, expected a file");
}

std::string readTextFile(const std::string &path)
{
    refuseFolderInput(path);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(path, "cannot open file (missing or unreadable)");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::uint64_t inputFileSize(const std::string &path)
{
    refuseFolderInput(path);
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error)
        throw InputError(path, "cannot open file (missing or unreadable)");
    return size;
}

} // namespace exitscope
