#include "core/io/npzarchive.h"

#include "core/common/atomicfile.h"
#include "core/common/checkedsize.h"
#include "core/common/inputerror.h"

#include <zip.h>

#include <algorithm>

#include <sys/stat.h>

namespace exitscope {

// 2000-01-01 00:00 as an MS-DOS date, the same whatever the time zone.
constexpr zip_uint16_t kDosDate = ((2000 - 1980) << 9) | (1 << 5) | 1;
constexpr zip_uint16_t kDosTime = 0;

struct NpzReader::Archive
{
    zip_t *zip = nullptr;
    std::uint64_t fileBytes = 0;
};

NpzReader::NpzReader(const std::string &path)
    : m_path(path)
    , m_archive(std::make_unique<Archive>())
{
    refuseFolderInput(path);
    struct stat info{};
    if (::stat(path.c_str(), &info) != 0)
        throw InputError(path, "cannot open file (missing or unreadable)");
    if (info.st_size == 0)
        throw InputError(path, "empty file, expected a NumPy .npz archive");
    m_archive->fileBytes = static_cast<std::uint64_t>(info.st_size);
    int error = 0;
    m_archive->zip = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!m_archive->zip) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, error);
        const std::string reason = zip_error_strerror(&ze);
        zip_error_fini(&ze);
        throw InputError(path, "not a readable .npz (zip) archive: " + reason
                                   + (error == ZIP_ER_NOZIP || error == ZIP_ER_INCONS ? " (truncated or not a zip file?)" : ""));
    }
}

NpzReader::~NpzReader()
{
    if (m_archive->zip)
        zip_discard(m_archive->zip);
}

std::string NpzReader::where(const std::string &name) const
{
    return m_path + "[" + name + "]";
}

bool NpzReader::has(const std::string &name) const
{
    return zip_name_locate(m_archive->zip, (name + ".npy").c_str(), 0) >= 0;
}

std::vector<std::string> NpzReader::names() const
{
    std::vector<std::string> out;
    const zip_int64_t n = zip_get_num_entries(m_archive->zip, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        std::string name = zip_get_name(m_archive->zip, static_cast<zip_uint64_t>(i), 0);
        if (name.size() > 4 && name.compare(name.size() - 4, 4, ".npy") == 0)
            out.push_back(name.substr(0, name.size() - 4));
    }
    return out;
}

namespace {

struct OpenMember
{
    zip_file_t *file = nullptr;
    ~OpenMember()
    {
        if (file)
            zip_fclose(file);
    }
};

zip_file_t *openMember(zip_t *zip, const std::string &name, const std::string &where)
{
    zip_file_t *file = zip_fopen(zip, (name + ".npy").c_str(), 0);
    if (!file)
        throw InputError(where, std::string("cannot read array: ") + zip_strerror(zip));
    return file;
}

// An upper bound on what a member can hold, from the bytes actually in the archive: a stored
// member no more than the archive, a compressed one no more than deflate can expand its
// compressed bytes to. A member's header is checked against it before anything is allocated.
std::uint64_t memberBytes(zip_t *zip, std::uint64_t archiveBytes, const std::string &name, const std::string &where)
{
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip, (name + ".npy").c_str(), 0, &st) != 0)
        throw InputError(where, std::string("cannot read array: ") + zip_strerror(zip));
    const std::uint64_t needed = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD;
    if ((st.valid & needed) != needed)
        throw InputError(where, "the archive does not state the member's sizes");
    const std::uint64_t stored = std::min<std::uint64_t>(st.comp_size, archiveBytes);
    if (st.comp_method == ZIP_CM_STORE)
        return std::min<std::uint64_t>(st.size, stored);
    if (st.size / kMaxDeflateRatio > stored)
        throw InputError(where, "implausible compression: " + std::to_string(st.size) + " bytes claimed from "
                                    + std::to_string(stored) + " compressed (deflate expands at most "
                                    + std::to_string(kMaxDeflateRatio) + "-fold)");
    return st.size;
}

ByteReader memberReader(zip_file_t *file, const std::string &where)
{
    return [file, where](void *dst, std::size_t n) -> std::size_t {
        std::size_t total = 0;
        auto *out = static_cast<char *>(dst);
        while (total < n) {
            const zip_int64_t got = zip_fread(file, out + total, n - total);
            if (got < 0)
                throw InputError(where, std::string("corrupt archive member: ") + zip_file_strerror(file));
            if (got == 0)
                break;
            total += static_cast<std::size_t>(got);
        }
        return total;
    };
}

} // namespace

template <typename T>
T NpzReader::readMember(const std::string &name,
                        T (*read)(const ByteReader &, const NpyHeader &, const std::string &)) const
{
    const std::string at = where(name);
    const std::uint64_t bytes = memberBytes(m_archive->zip, m_archive->fileBytes, name, at);
    OpenMember member{openMember(m_archive->zip, name, at)};
    const ByteReader reader = memberReader(member.file, at);
    const NpyHeader h = readNpyHeader(reader, bytes, at);
    T value = read(reader, h, at);
    // libzip checks a member's CRC only when it is read to its end: read on past the array
    // (a .npy holds nothing after it; whatever is there is bounded by the member's size), so
    // that a corrupted byte is an error rather than a wrong number.
    char rest[4096];
    while (reader(rest, sizeof rest) > 0) {
    }
    return value;
}

NpyHeader NpzReader::header(const std::string &name) const
{
    // The header alone: its member is not read to the end, so its CRC is checked when the
    // data is read.
    const std::string at = where(name);
    OpenMember member{openMember(m_archive->zip, name, at)};
    return readNpyHeader(memberReader(member.file, at), memberBytes(m_archive->zip, m_archive->fileBytes, name, at), at);
}

std::vector<double> NpzReader::doubles(const std::string &name) const
{
    return readMember<std::vector<double>>(name, &readNpyDoubles);
}

std::vector<float> NpzReader::floats(const std::string &name) const
{
    return readMember<std::vector<float>>(name, &readNpyFloats);
}

std::vector<std::int64_t> NpzReader::integers(const std::string &name) const
{
    return readMember<std::vector<std::int64_t>>(name, &readNpyIntegers);
}

void NpzWriter::add(const std::string &name, NpyType type, const std::vector<std::int64_t> &shape, const void *data)
{
    Entry entry;
    entry.name = name + ".npy";
    entry.header = npyHeaderBytes(type, shape);
    NpyHeader h;
    h.type = type;
    h.shape = shape;
    entry.data = data;
    entry.dataBytes = static_cast<std::uint64_t>(h.dataBytes());
    m_entries.push_back(std::move(entry));
}

void NpzWriter::commit(const std::string &path) const
{
    AtomicFile target(path);
    int error = 0;
    zip_t *zip = zip_open(target.temporaryPath().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!zip)
        throw InputError(path, "cannot create file");
    auto fail = [&](const std::string &what) {
        const std::string reason = zip_strerror(zip);
        zip_discard(zip);
        throw InputError(path, what + ": " + reason);
    };
    for (const Entry &entry : m_entries) {
        const zip_buffer_fragment_t fragments[2] = {
            {reinterpret_cast<zip_uint8_t *>(const_cast<char *>(entry.header.data())), entry.header.size()},
            {static_cast<zip_uint8_t *>(const_cast<void *>(entry.data)), entry.dataBytes},
        };
        zip_error_t ze;
        zip_error_init(&ze);
        zip_source_t *source = zip_source_buffer_fragment_create(fragments, entry.dataBytes ? 2 : 1, 0, &ze);
        zip_error_fini(&ze);
        if (!source)
            fail("cannot add " + entry.name);
        const zip_int64_t index = zip_file_add(zip, entry.name.c_str(), source, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            fail("cannot add " + entry.name);
        }
        const auto i = static_cast<zip_uint64_t>(index);
        if (zip_set_file_compression(zip, i, ZIP_CM_STORE, 0) != 0 || zip_file_set_dostime(zip, i, kDosTime, kDosDate, 0) != 0)
            fail("cannot configure " + entry.name);
    }
    if (zip_close(zip) != 0)
        fail("cannot write archive");
    target.commit();
}

} // namespace exitscope
