// A folder of PNG/JPEG images, one sub-folder per class, decoded with stb_image.
#include "core/model/dataset.h"

#include "core/common/atomicfile.h"
#include "core/common/checkedsize.h"
#include "core/common/inputerror.h"

#include <stb_image.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace exitscope {

namespace fs = std::filesystem;

namespace {

bool isImage(const fs::path &p)
{
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg";
}

// stb_image decodes many formats; only PNG and JPEG, the formats image folders hold
// (docs/datasets.md), reach it. `head` is the file's first bytes.
bool isPngOrJpeg(const char *head, std::size_t n)
{
    return (n >= 8 && std::memcmp(head, "\x89PNG\r\n\x1a\n", 8) == 0) || (n >= 3 && std::memcmp(head, "\xff\xd8\xff", 3) == 0);
}

// stb_image 2.27 (Debian bookworm's libstb) writes past its Huffman table when a JPEG's DHT
// segment states more than 256 codes for a table, and reads past it when the code lengths
// are over-subscribed (stb_image 2.28 refuses both). Walks the
// file's markers as stb_image reads them and refuses such a table before stb_image sees the
// file: every marker of the file when `wholeFile` (what decoding reads, the segments between
// a progressive JPEG's scans too), else those up to the frame header (what stbi_info reads).
void checkJpegTables(std::istream &in, const std::string &path, bool wholeFile)
{
    const auto byte = [&in] { return in.get(); }; // EOF (-1) at the end, as stb_image reads 0s
    for (int c = byte(); c != EOF; c = byte()) {
        if (c != 0xff)
            continue; // entropy-coded data, or bytes stb_image skips between segments
        int m = byte();
        while (m == 0xff) // fill bytes
            m = byte();
        if (m == EOF || m == 0xd9) // end of image
            return;
        if (m == 0x00 || m == 0x01 || (m >= 0xd0 && m <= 0xd8)) // stuffed byte, TEM, RSTn, SOI: no length
            continue;
        const int high = byte(), low = byte();
        if (low == EOF)
            return;
        int length = ((high << 8) | low) - 2;
        if (m == 0xc4) { // DHT: tables of a class/id byte, 16 code counts, then the codes' values
            while (length > 0) {
                byte();
                int codes = 0;
                unsigned code = 0; // the next code of the current length, as stb_image numbers them
                bool oversubscribed = false;
                for (int bits = 1; bits <= 16; ++bits) {
                    const int count = std::max(byte(), 0);
                    codes += count;
                    code += static_cast<unsigned>(count);
                    oversubscribed |= count > 0 && code - 1 >= (1u << bits);
                    code <<= 1;
                }
                if (codes > 256)
                    throw InputError(path, "unreadable image: corrupt JPEG (a Huffman table of " + std::to_string(codes)
                                               + " codes; at most 256)");
                // More codes of a length than that length has (not a prefix code): stb_image
                // 2.27 then computes symbol ids past its table when decoding (2.28 refuses).
                if (oversubscribed)
                    throw InputError(path, "unreadable image: corrupt JPEG (a Huffman table with more codes of a length "
                                           "than that length allows)");
                in.ignore(codes);
                length -= 17 + codes;
            }
            if (length < 0) // stb_image stops here
                return;
        } else {
            in.ignore(std::max(length, 0));
        }
        const bool frameHeader = (m >= 0xc0 && m <= 0xcf) && m != 0xc4 && m != 0xc8 && m != 0xcc;
        if (!wholeFile && frameHeader)
            return;
    }
}

// A PNG is a signature and chunks, each stating the length of its data, and stb_image 2.27
// grows its buffer to an IDAT chunk's stated length before reading it (a 100-byte file
// claiming 2 GiB): every chunk's data must fit in the bytes after its header. Reads from
// after the signature; `fileBytes` is the file's size.
void checkPngChunks(std::istream &in, std::uint64_t fileBytes, const std::string &path)
{
    std::uint64_t at = 8;
    unsigned char header[8]; // length (big-endian), type
    while (in.seekg(static_cast<std::streamoff>(at)) && in.read(reinterpret_cast<char *>(header), sizeof header)) {
        const std::uint64_t length = (std::uint64_t(header[0]) << 24) | (header[1] << 16) | (header[2] << 8) | header[3];
        const std::string type(reinterpret_cast<const char *>(header) + 4, 4);
        const std::uint64_t after = fileBytes - at - sizeof header;
        if (length > after)
            throw InputError(path, "unreadable image: truncated PNG (chunk '" + type + "' at byte " + std::to_string(at)
                                       + " claims " + std::to_string(length) + " bytes, " + std::to_string(after)
                                       + " follow its header)");
        if (type == "IEND")
            return;
        at += sizeof header + length + 4; // and the CRC
    }
}

// Refuses what is not a PNG or JPEG, and files stb_image cannot read safely, before
// stb_image sees them (see checkJpegTables for `wholeFile`).
void checkImageFile(std::istream &in, const std::string &path, bool wholeFile)
{
    char head[8] = {};
    in.read(head, sizeof head);
    if (!isPngOrJpeg(head, static_cast<std::size_t>(in.gcount())))
        throw InputError(path, "unreadable image: not a PNG or JPEG file");
    in.clear();
    if (head[0] == '\xff') {
        in.seekg(2);
        checkJpegTables(in, path, wholeFile);
    } else {
        in.seekg(0, std::ios::end);
        checkPngChunks(in, static_cast<std::uint64_t>(in.tellg()), path);
    }
}

// The whole file, for stb_image to decode from memory exactly what was checked.
std::string readImage(const std::string &path)
{
    std::string bytes = readTextFile(path);
    if (bytes.size() > static_cast<std::size_t>(INT_MAX))
        throw InputError(path, "unreadable image: larger than 2 GiB");
    return bytes;
}

// The fewest bytes a PNG or JPEG of w x h pixels can be: a PNG's rows (each a filter byte
// and its pixels at the bit depth and channels IHDR states) deflated at deflate's largest
// ratio; a JPEG codes each 8x8 block of its full-resolution component with at least one
// bit (the DC coefficient's code, progressive or not). `head` is the file's first bytes.
std::uint64_t fewestBytes(const std::string &head, int w, int h)
{
    const auto width = static_cast<std::uint64_t>(w), height = static_cast<std::uint64_t>(h);
    if (head.size() >= 26 && head[0] == '\x89') { // PNG: IHDR's bit depth and colour type at bytes 24, 25
        const unsigned depth = std::max(1u, static_cast<unsigned>(static_cast<unsigned char>(head[24])));
        const unsigned colour = static_cast<unsigned char>(head[25]);
        const unsigned channels = colour == 2 ? 3 : colour == 4 ? 2 : colour == 6 ? 4 : 1;
        return height * (1 + (width * channels * depth + 7) / 8) / kMaxDeflateRatio;
    }
    return ((width + 7) / 8 * ((height + 7) / 8) + 7) / 8;
}

// An image's size as its header states it (stbi_info), refused past kMaxImagePixels, or
// when the file is too small to hold that many pixels: stb_image would decode such a file
// anyway, filling in the missing data, and allocate and work for the size the header
// claims (an 808-byte JPEG claiming 25348x1028 pixels took 700 MB and 36 s in the fuzz
// build). `head` is the file's first bytes, `fileBytes` its size.
void checkImageSize(int w, int h, const std::string &head, std::uint64_t fileBytes, const std::string &path)
{
    const std::string size = std::to_string(w) + "x" + std::to_string(h) + " (WxH)";
    if (static_cast<std::int64_t>(w) * h > kMaxImagePixels)
        throw InputError(path, "image is " + size + ", over the " + std::to_string(kMaxImagePixels)
                                   + " pixels an image may have; downscale it first");
    const std::uint64_t fewest = fewestBytes(head, w, h);
    if (fileBytes < fewest)
        throw InputError(path, "unreadable image: truncated or corrupt (its header says " + size + ", which takes at least "
                                   + std::to_string(fewest) + " bytes; the file has " + std::to_string(fileBytes) + ")");
}

// Bilinear resampling of a CxHxW float image with half-pixel centres and edge clamping, as
// torch.nn.functional.interpolate(mode="bilinear", align_corners=False, antialias=False).
void resizeBilinear(const float *src, int h, int w, float *dst, int outH, int outW, int channels)
{
    const double sy = static_cast<double>(h) / outH, sx = static_cast<double>(w) / outW;
    for (int y = 0; y < outH; ++y) {
        const double fy = std::max(0.0, (y + 0.5) * sy - 0.5);
        const int y0 = std::min(static_cast<int>(fy), h - 1), y1 = std::min(y0 + 1, h - 1);
        const double wy = fy - y0;
        for (int x = 0; x < outW; ++x) {
            const double fx = std::max(0.0, (x + 0.5) * sx - 0.5);
            const int x0 = std::min(static_cast<int>(fx), w - 1), x1 = std::min(x0 + 1, w - 1);
            const double wx = fx - x0;
            for (int c = 0; c < channels; ++c) {
                const float *p = src + static_cast<std::size_t>(c) * h * w;
                const double top = p[y0 * w + x0] * (1 - wx) + p[y0 * w + x1] * wx;
                const double bottom = p[y1 * w + x0] * (1 - wx) + p[y1 * w + x1] * wx;
                dst[(static_cast<std::size_t>(c) * outH + y) * outW + x] = static_cast<float>(top * (1 - wy) + bottom * wy);
            }
        }
    }
}

enum class EntryKind { Folder, File };

// The entries of `folder` of one kind, sorted by name. A folder or entry the system cannot
// answer for (a name too long, a link that loops, no permission) is an InputError, never a
// filesystem_error.
std::vector<fs::path> sortedEntries(const fs::path &folder, EntryKind kind)
{
    std::vector<fs::path> entries;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const bool wanted = kind == EntryKind::Folder ? it->is_directory(ec) : it->is_regular_file(ec);
        if (ec)
            throw InputError(it->path().string(), "cannot read: " + ec.message());
        if (wanted)
            entries.push_back(it->path());
    }
    if (ec)
        throw InputError(folder.string(), "cannot read the folder: " + ec.message());
    std::sort(entries.begin(), entries.end());
    return entries;
}

// Class folders sorted by name give the class indices; images within are sorted by name.
class ImageFolderDataset : public Dataset
{
public:
    explicit ImageFolderDataset(const DatasetSpec &spec)
    {
        m_where = spec.path;
        std::error_code ec;
        if (!fs::is_directory(spec.path, ec))
            throw InputError(spec.path, "not a folder (an image folder has one sub-folder per class)");
        const std::vector<fs::path> classes = sortedEntries(spec.path, EntryKind::Folder);
        if (classes.empty())
            throw InputError(spec.path, "empty folder: no class sub-folders");
        m_numClasses = static_cast<std::int64_t>(classes.size());
        int firstW = 0, firstH = 0;
        std::string firstFile;
        for (std::size_t c = 0; c < classes.size(); ++c) {
            for (const auto &f : sortedEntries(classes[c], EntryKind::File)) {
                if (!isImage(f))
                    continue;
                std::ifstream in(f, std::ios::binary);
                checkImageFile(in, f.string(), false);
                int w = 0, h = 0, n = 0;
                if (!stbi_info(f.string().c_str(), &w, &h, &n))
                    throw InputError(f.string(), std::string("unreadable image: ") + stbi_failure_reason());
                std::string head(32, '\0');
                in.clear();
                in.seekg(0);
                in.read(head.data(), static_cast<std::streamsize>(head.size()));
                head.resize(static_cast<std::size_t>(in.gcount()));
                checkImageSize(w, h, head, inputFileSize(f.string()), f.string());
                if (firstFile.empty()) {
                    firstFile = f.string();
                    firstW = w;
                    firstH = h;
                } else if (spec.options.resizeHeight == 0 && (w != firstW || h != firstH)) {
                    throw InputError(f.string(), "image is " + std::to_string(w) + "x" + std::to_string(h) + " (WxH) but "
                                         + firstFile + " is " + std::to_string(firstW) + "x" + std::to_string(firstH)
                                         + "; images of mixed sizes need the resize option (e.g. ?resize=32x32)");
                }
                m_files.push_back(f.string());
                m_labels.push_back(static_cast<std::int64_t>(c));
            }
        }
        if (m_files.empty())
            throw InputError(spec.path, "empty folder: no .png/.jpg/.jpeg images in the class sub-folders");
        m_height = spec.options.resizeHeight > 0 ? spec.options.resizeHeight : firstH;
        m_width = spec.options.resizeWidth > 0 ? spec.options.resizeWidth : firstW;
        m_sampleShape = {3, m_height, m_width};
        m_size = static_cast<std::int64_t>(m_files.size());
        setNormalization(spec.options.mean, spec.options.std);
    }

protected:
    void readSamples(const std::vector<std::int64_t> &indices, float *dst) const override
    {
        std::vector<float> planes;
        for (auto i : indices) {
            const std::string &path = m_files[static_cast<std::size_t>(i)];
            const std::string bytes = readImage(path);
            std::istringstream in(bytes);
            checkImageFile(in, path, true);
            const auto *data = reinterpret_cast<const stbi_uc *>(bytes.data());
            const int size = static_cast<int>(bytes.size());
            int w = 0, h = 0, n = 0;
            if (stbi_info_from_memory(data, size, &w, &h, &n)) // else stbi_load says why not
                checkImageSize(w, h, bytes.substr(0, 32), bytes.size(), path);
            std::unique_ptr<unsigned char, void (*)(void *)> pixels(stbi_load_from_memory(data, size, &w, &h, &n, 3),
                                                                    stbi_image_free);
            if (!pixels)
                throw InputError(path, std::string("unreadable image: ") + stbi_failure_reason());
            const bool resize = w != m_width || h != m_height;
            planes.resize(static_cast<std::size_t>(3) * w * h);
            float *out = resize ? planes.data() : dst;
            // Interleaved RGB to three planes.
            for (std::size_t p = 0; p < static_cast<std::size_t>(w) * h; ++p)
                for (std::size_t c = 0; c < 3; ++c)
                    out[c * w * h + p] = pixels.get()[p * 3 + c] / 255.0f;
            if (resize)
                resizeBilinear(planes.data(), h, w, dst, m_height, m_width, 3);
            dst += static_cast<std::size_t>(3) * m_width * m_height;
        }
    }

private:
    std::vector<std::string> m_files;
    int m_height = 0;
    int m_width = 0;
};

} // namespace

std::unique_ptr<Dataset> openImageFolderDataset(const DatasetSpec &spec)
{
    return std::make_unique<ImageFolderDataset>(spec);
}

} // namespace exitscope
