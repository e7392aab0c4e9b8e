#pragma once

#include "core/io/npy.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace exitscope {

// Reads the arrays of a NumPy .npz archive (numpy.savez or savez_compressed) one member at
// a time, streaming each straight into its destination vector.
class NpzReader
{
public:
    explicit NpzReader(const std::string &path);
    ~NpzReader();
    NpzReader(const NpzReader &) = delete;
    NpzReader &operator=(const NpzReader &) = delete;

    const std::string &path() const { return m_path; }
    bool has(const std::string &name) const;
    std::vector<std::string> names() const;
    NpyHeader header(const std::string &name) const;

    std::vector<double> doubles(const std::string &name) const;
    std::vector<float> floats(const std::string &name) const;
    std::vector<std::int64_t> integers(const std::string &name) const;

    std::string where(const std::string &name) const; // "file.npz[name]" for messages

private:
    struct Member;
    template <typename T>
    T readMember(const std::string &name, T (*read)(const ByteReader &, const NpyHeader &, const std::string &)) const;

    std::string m_path;
    struct Archive;
    std::unique_ptr<Archive> m_archive;
};

// Collects arrays and writes them as an uncompressed .npz (what numpy.savez writes) to a
// temporary file that replaces the target only once it is complete. The data pointers must
// stay valid until commit(); nothing is copied. Member timestamps are fixed so that the
// same arrays always give the same bytes (and the same content hash).
class NpzWriter
{
public:
    void add(const std::string &name, NpyType type, const std::vector<std::int64_t> &shape, const void *data);
    void commit(const std::string &path) const;

private:
    struct Entry
    {
        std::string name;
        std::string header;
        const void *data;
        std::uint64_t dataBytes;
    };
    std::vector<Entry> m_entries;
};

} // namespace exitscope
