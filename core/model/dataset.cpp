#include "core/model/dataset.h"

#include "core/common/checkedsize.h"
#include "core/common/inputerror.h"
#include "core/common/random.h"
#include "core/common/shapetext.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace exitscope {

// Defined in datasetreaders.cpp and imagefolderdataset.cpp, one per format.
std::unique_ptr<Dataset> openCifarDataset(const DatasetSpec &spec);
std::unique_ptr<Dataset> openMnistDataset(const DatasetSpec &spec);
std::unique_ptr<Dataset> openNpyDataset(const DatasetSpec &spec);
std::unique_ptr<Dataset> openNpzDataset(const DatasetSpec &spec);
std::unique_ptr<Dataset> openImageFolderDataset(const DatasetSpec &spec);

namespace {

const char *const kSpecWhere = "dataset spec";

std::vector<std::string> splitOn(const std::string &text, char sep)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find(sep, start);
        parts.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos)
            return parts;
        start = end + 1;
    }
}

double parseNumber(const std::string &text, const std::string &key)
{
    errno = 0;
    char *end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || errno != 0 || !std::isfinite(v))
        throw InputError(kSpecWhere, "option " + key + ": \"" + text + "\" is not a number");
    return v;
}

std::int64_t parseCount(const std::string &text, const std::string &key, std::int64_t min)
{
    const bool digits = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || text.size() > 18 || std::stoll(text) < min)
        throw InputError(kSpecWhere, "option " + key + ": expected an integer >= " + std::to_string(min) + ", found \"" + text + "\"");
    return std::stoll(text);
}

std::vector<float> parseFloats(const std::string &text, const std::string &key)
{
    std::vector<float> out;
    for (const std::string &part : splitOn(text, ','))
        out.push_back(static_cast<float>(parseNumber(part, key)));
    return out;
}

void parseOption(const std::string &key, const std::string &value, DatasetOptions &o)
{
    if (key == "resize") {
        const std::vector<std::string> hw = splitOn(value, 'x');
        if (hw.size() != 2)
            throw InputError(kSpecWhere, "option resize: expected HxW (e.g. 32x32), found \"" + value + "\"");
        const std::int64_t height = parseCount(hw[0], key, 1), width = parseCount(hw[1], key, 1);
        if (height > kMaxImagePixels / width) // height x width past the bound, without overflow
            throw InputError(kSpecWhere, "option resize: " + value + " is over the " + std::to_string(kMaxImagePixels)
                                 + " pixels an image may have");
        o.resizeHeight = static_cast<int>(height);
        o.resizeWidth = static_cast<int>(width);
    } else if (key == "mean") {
        o.mean = parseFloats(value, key);
    } else if (key == "std") {
        o.std = parseFloats(value, key);
        for (float s : o.std)
            if (!(s > 0.0f))
                throw InputError(kSpecWhere, "option std: every value must be > 0, found \"" + value + "\"");
    } else if (key == "part") {
        if (value == "test" || value == "t10k")
            o.part = DatasetPart::Test;
        else if (value == "train")
            o.part = DatasetPart::Train;
        else
            throw InputError(kSpecWhere, "option part: expected test or train, found \"" + value + "\"");
    } else if (key == "classes") {
        o.classes = parseCount(value, key, 1);
    } else if (key == "val") {
        // A share in [0, 1], or a whole number of samples above 1 (val=1 is all of them).
        const double v = parseNumber(value, key);
        if (v < 0.0 || (v > 1.0 && (v != std::floor(v) || v > 9.0e15)))
            throw InputError(kSpecWhere, "option val: expected a fraction in [0, 1] or a whole number of samples, found " + value);
        if (v > 1.0) {
            o.valCount = static_cast<std::int64_t>(v);
        } else {
            o.valFraction = v;
            o.valCount = 0;
        }
        o.valGiven = true;
    } else if (key == "seed") {
        const bool digits = !value.empty() && value.size() <= 19
            && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits)
            throw InputError(kSpecWhere, "option seed: expected a non-negative integer, found \"" + value + "\"");
        o.seed = std::stoull(value);
    } else {
        throw InputError(kSpecWhere, "unknown option \"" + key + "\" (known: resize, mean, std, part, classes, val, seed)");
    }
}

} // namespace

DatasetSpec parseDatasetSpec(const std::string &spec)
{
    const std::size_t colon = spec.find(':');
    if (colon == std::string::npos)
        throw InputError(kSpecWhere, "\"" + spec + "\" lacks a kind (expected kind:path, e.g. cifar10:/data/cifar-10-batches-bin)");
    const std::string kind = spec.substr(0, colon);
    DatasetSpec out;
    if (kind == "cifar10")
        out.kind = DatasetKind::Cifar10;
    else if (kind == "cifar100")
        out.kind = DatasetKind::Cifar100;
    else if (kind == "mnist")
        out.kind = DatasetKind::Mnist;
    else if (kind == "folder")
        out.kind = DatasetKind::Folder;
    else if (kind == "npy")
        out.kind = DatasetKind::Npy;
    else if (kind == "npz")
        out.kind = DatasetKind::Npz;
    else
        throw InputError(kSpecWhere, "unknown dataset kind \"" + kind + "\" (known: cifar10, cifar100, mnist, folder, npy, npz)");

    std::string rest = spec.substr(colon + 1);
    const std::size_t question = rest.rfind('?');
    if (question != std::string::npos) {
        const std::string query = rest.substr(question + 1);
        rest = rest.substr(0, question);
        if (!query.empty()) {
            for (const std::string &pair : splitOn(query, '&')) {
                const std::size_t eq = pair.find('=');
                if (eq == std::string::npos || eq == 0)
                    throw InputError(kSpecWhere, "option \"" + pair + "\" is not key=value");
                parseOption(pair.substr(0, eq), pair.substr(eq + 1), out.options);
            }
        }
    }
    if (out.kind == DatasetKind::Npy) {
        const std::size_t comma = rest.find(',');
        if (comma != std::string::npos) {
            out.labelsPath = rest.substr(comma + 1);
            rest = rest.substr(0, comma);
            if (out.labelsPath.empty())
                throw InputError(kSpecWhere, "empty labels path after ',' in \"" + spec + "\"");
        }
    }
    out.path = rest;
    if (out.path.empty())
        throw InputError(kSpecWhere, "empty path in \"" + spec + "\"");
    const DatasetOptions &o = out.options;
    if (o.mean.empty() != o.std.empty())
        throw InputError(kSpecWhere, "mean and std must be given together");
    if (!o.mean.empty() && o.mean.size() != o.std.size())
        throw InputError(kSpecWhere, "mean has " + std::to_string(o.mean.size()) + " values but std has " + std::to_string(o.std.size()));
    if (o.resizeHeight > 0 && out.kind != DatasetKind::Folder)
        throw InputError(kSpecWhere, "option resize applies to folder datasets only");
    return out;
}

std::unique_ptr<Dataset> openDataset(const DatasetSpec &spec)
{
    switch (spec.kind) {
    case DatasetKind::Cifar10:
    case DatasetKind::Cifar100:
        return openCifarDataset(spec);
    case DatasetKind::Mnist:
        return openMnistDataset(spec);
    case DatasetKind::Folder:
        return openImageFolderDataset(spec);
    case DatasetKind::Npy:
        return openNpyDataset(spec);
    case DatasetKind::Npz:
        return openNpzDataset(spec);
    }
    throw InputError(kSpecWhere, "unknown dataset kind");
}

Dataset::~Dataset() = default;

std::int64_t Dataset::sampleElements() const
{
    return checkedElementCount(m_sampleShape, m_where);
}

void Dataset::setNormalization(const std::vector<float> &mean, const std::vector<float> &std)
{
    if (mean.empty())
        return;
    const std::int64_t channels = m_sampleShape.empty() ? 1 : m_sampleShape[0];
    if (mean.size() != 1 && static_cast<std::int64_t>(mean.size()) != channels)
        throw InputError(m_where, "mean/std have " + std::to_string(mean.size()) + " values but the samples have "
                             + std::to_string(channels) + " channels (give one value or one per channel)");
    m_mean = mean;
    m_std = std;
}

DatasetBatch Dataset::read(const std::vector<std::int64_t> &indices) const
{
    for (auto i : indices)
        if (i < 0 || i >= m_size)
            throw InputError(m_where, "sample index " + std::to_string(i) + " out of range [0, " + std::to_string(m_size) + ")");
    DatasetBatch batch;
    batch.indices = indices;
    batch.shape.push_back(static_cast<std::int64_t>(indices.size()));
    batch.shape.insert(batch.shape.end(), m_sampleShape.begin(), m_sampleShape.end());
    const std::int64_t per = sampleElements();
    batch.inputs.resize(static_cast<std::size_t>(
        checkedMultiply(per, static_cast<std::int64_t>(indices.size()), m_where, "a batch of shape " + shapeText(batch.shape))));
    if (!indices.empty())
        readSamples(indices, batch.inputs.data());
    if (!m_mean.empty()) {
        const std::int64_t channels = m_sampleShape.empty() ? 1 : m_sampleShape[0];
        const std::int64_t plane = per / std::max<std::int64_t>(channels, 1);
        for (std::size_t s = 0; s < indices.size(); ++s)
            for (std::int64_t c = 0; c < channels; ++c) {
                const std::size_t k = m_mean.size() == 1 ? 0 : static_cast<std::size_t>(c);
                float *p = batch.inputs.data() + s * per + c * plane;
                for (std::int64_t j = 0; j < plane; ++j)
                    p[j] = (p[j] - m_mean[k]) / m_std[k];
            }
    }
    if (hasLabels())
        for (auto i : indices)
            batch.labels.push_back(m_labels[static_cast<std::size_t>(i)]);
    return batch;
}

DatasetBatch Dataset::readRange(std::int64_t begin, std::int64_t count) const
{
    std::vector<std::int64_t> indices;
    for (std::int64_t i = std::max<std::int64_t>(begin, 0); i < std::min(begin + count, m_size); ++i)
        indices.push_back(i);
    return read(indices);
}

DatasetBatch Dataset::readBatch(const std::vector<std::int64_t> &indices, std::size_t begin, std::size_t count) const
{
    const std::size_t end = std::min(indices.size(), begin + count);
    return read({indices.begin() + static_cast<std::ptrdiff_t>(std::min(begin, end)), indices.begin() + static_cast<std::ptrdiff_t>(end)});
}

std::vector<std::int64_t> seededPermutation(std::int64_t n, std::uint64_t seed)
{
    std::vector<std::int64_t> p(static_cast<std::size_t>(std::max<std::int64_t>(n, 0)));
    for (std::size_t i = 0; i < p.size(); ++i)
        p[i] = static_cast<std::int64_t>(i);
    Random rng(seed);
    for (std::size_t i = p.size(); i > 1; --i)
        std::swap(p[i - 1], p[rng.below(i)]);
    return p;
}

DatasetSplit splitDataset(std::int64_t n, double valFraction, std::uint64_t seed)
{
    if (!(valFraction >= 0.0 && valFraction <= 1.0))
        throw InputError("dataset split", "the validation fraction must lie in [0, 1]");
    return splitDatasetAt(n, std::llround(static_cast<double>(std::max<std::int64_t>(n, 0)) * valFraction), seed);
}

std::int64_t validationSamples(const DatasetOptions &options, std::int64_t n, const std::string &where)
{
    if (options.valCount == 0)
        return std::llround(static_cast<double>(n) * options.valFraction);
    if (options.valCount > n)
        throw InputError(where, "val=" + std::to_string(options.valCount) + " asks for more validation samples than the "
                                    + std::to_string(n) + " there are");
    return options.valCount;
}

DatasetSplit splitDatasetAt(std::int64_t n, std::int64_t valSamples, std::uint64_t seed)
{
    const std::vector<std::int64_t> p = seededPermutation(n, seed);
    if (valSamples < 0 || static_cast<std::size_t>(valSamples) > p.size())
        throw InputError("dataset split", "the validation count must lie in [0, " + std::to_string(p.size()) + "]");
    const auto nVal = static_cast<std::size_t>(valSamples);
    DatasetSplit split;
    split.val.assign(p.begin(), p.begin() + static_cast<std::ptrdiff_t>(nVal));
    split.test.assign(p.begin() + static_cast<std::ptrdiff_t>(nVal), p.end());
    std::sort(split.val.begin(), split.val.end());
    std::sort(split.test.begin(), split.test.end());
    return split;
}

} // namespace exitscope
