// A folder of PNG/JPEG images, one sub-folder per class, decoded with stb_image.
#include "core/model/dataset.h"

#include "core/common/inputerror.h"

#include <stb_image.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <memory>

namespace exitscope {

namespace fs = std::filesystem;

namespace {

bool isImage(const fs::path &p)
{
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg";
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
        std::vector<fs::path> classes;
        for (const auto &entry : fs::directory_iterator(spec.path, ec))
            if (entry.is_directory())
                classes.push_back(entry.path());
        std::sort(classes.begin(), classes.end());
        if (classes.empty())
            throw InputError(spec.path, "empty folder: no class sub-folders");
        m_numClasses = static_cast<std::int64_t>(classes.size());
        int firstW = 0, firstH = 0;
        std::string firstFile;
        for (std::size_t c = 0; c < classes.size(); ++c) {
            std::vector<fs::path> files;
            for (const auto &entry : fs::directory_iterator(classes[c], ec))
                if (entry.is_regular_file() && isImage(entry.path()))
                    files.push_back(entry.path());
            std::sort(files.begin(), files.end());
            for (const auto &f : files) {
                int w = 0, h = 0, n = 0;
                if (!stbi_info(f.string().c_str(), &w, &h, &n))
                    throw InputError(f.string(), std::string("unreadable image: ") + stbi_failure_reason());
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
            int w = 0, h = 0, n = 0;
            std::unique_ptr<unsigned char, void (*)(void *)> pixels(stbi_load(path.c_str(), &w, &h, &n, 3), stbi_image_free);
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
