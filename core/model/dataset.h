#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace exitscope {

// The file formats a dataset spec can name (see docs/datasets.md).
enum class DatasetKind { Cifar10, Cifar100, Mnist, Folder, Npy, Npz };

// The most pixels an image sample may have, as decoded or resized: 2^25 (8192 x 4096), a
// 384 MiB float32 RGB sample. An image states its size in a few header bytes, and a PNG or
// JPEG of a hundred bytes can claim 16384 x 16384 (stb_image decodes a progressive JPEG
// without scans as a grey image of the size it claims), so the claim is bounded before a
// batch or the decoder allocates for it.
constexpr std::int64_t kMaxImagePixels = std::int64_t(1) << 25;

// Which half of a CIFAR or MNIST directory to read.
enum class DatasetPart { Test, Train };

// Everything after the '?' of a spec, already checked.
struct DatasetOptions
{
    int resizeHeight = 0; // 0: no resizing (image folders only)
    int resizeWidth = 0;
    std::vector<float> mean; // per channel (or one value for all), applied after scaling to [0,1]
    std::vector<float> std;
    DatasetPart part = DatasetPart::Test;
    std::int64_t classes = 0; // npy/npz: number of classes if known, 0 when not
    double valFraction = 0.5; // share of the samples that go to the validation split
    std::int64_t valCount = 0; // val=N, N a whole number > 1: that many samples instead of a share
    bool valGiven = false;     // whether the spec says val= (a separate val source is used whole otherwise)
    std::uint64_t seed = 0;    // seed of the split permutation
};

// A parsed dataset spec, "kind:path[,labels][?key=value&...]".
struct DatasetSpec
{
    DatasetKind kind = DatasetKind::Npy;
    std::string path;
    std::string labelsPath; // npy only; empty when there are no labels
    DatasetOptions options;
};

// Throws InputError (where = "dataset spec") on an unknown kind, empty path or bad option.
DatasetSpec parseDatasetSpec(const std::string &spec);

// A run of samples: inputs is shape[0] samples of the dataset's sample shape, C order.
struct DatasetBatch
{
    std::vector<std::int64_t> shape;
    std::vector<float> inputs;
    std::vector<std::int64_t> labels; // empty when the dataset has none
    std::vector<std::int64_t> indices; // the dataset index of each sample
};

// A read-only collection of float32 samples with optional integer labels. Only metadata
// (labels, file offsets, image paths) stays in memory; sample data is read from disk per
// batch, so memory does not grow with the dataset (.npz, whose members may be compressed,
// is the exception: it is read whole). Reads are const and open their own file handles,
// so one Dataset may be read from several threads.
class Dataset
{
public:
    virtual ~Dataset();

    const std::string &where() const { return m_where; }
    std::int64_t size() const { return m_size; }
    const std::vector<std::int64_t> &sampleShape() const { return m_sampleShape; }
    std::int64_t sampleElements() const;
    bool hasLabels() const { return !m_labels.empty(); }
    const std::vector<std::int64_t> &labels() const { return m_labels; }
    std::int64_t numClasses() const { return m_numClasses; } // 0 when unknown

    // Samples at the given indices (each in [0, size())), scaled and normalized.
    DatasetBatch read(const std::vector<std::int64_t> &indices) const;
    // Samples begin .. begin+count-1 (clipped to size()).
    DatasetBatch readRange(std::int64_t begin, std::int64_t count) const;
    // One batch of a list of indices (a split): indices[begin .. begin+count-1], clipped to its end.
    DatasetBatch readBatch(const std::vector<std::int64_t> &indices, std::size_t begin, std::size_t count) const;

protected:
    Dataset() = default;
    // Sets mean/std after checking them against the channel count (sampleShape()[0]).
    void setNormalization(const std::vector<float> &mean, const std::vector<float> &std);
    // Writes sampleElements() floats, scaled to [0,1] (images) or as stored (NumPy), for one sample.
    virtual void readSamples(const std::vector<std::int64_t> &indices, float *dst) const = 0;

    std::string m_where;
    std::int64_t m_size = 0;
    std::vector<std::int64_t> m_sampleShape;
    std::vector<std::int64_t> m_labels;
    std::int64_t m_numClasses = 0;

private:
    std::vector<float> m_mean;
    std::vector<float> m_std;
};

// Opens the files a spec names, checking sizes, headers and labels up front.
std::unique_ptr<Dataset> openDataset(const DatasetSpec &spec);

// A reproducible split of 0..n-1: a Fisher-Yates permutation driven by SplitMix64 (the
// same on every platform and compiler); the first round(n * valFraction) entries form the
// validation set, the rest the test set, each sorted ascending so reads stay sequential.
struct DatasetSplit
{
    std::vector<std::int64_t> val;
    std::vector<std::int64_t> test;
};
DatasetSplit splitDataset(std::int64_t n, double valFraction, std::uint64_t seed);
// The same with a count: the first valSamples entries of the permutation (0..n) form the
// validation set, so a smaller count with the same seed takes a subset of a larger one's.
DatasetSplit splitDatasetAt(std::int64_t n, std::int64_t valSamples, std::uint64_t seed);
// The validation samples of n that the options ask for: round(n * valFraction), or
// valCount (InputError naming `where` when it exceeds n).
std::int64_t validationSamples(const DatasetOptions &options, std::int64_t n, const std::string &where);

// The permutation itself, exposed for tests and for callers that want their own split.
std::vector<std::int64_t> seededPermutation(std::int64_t n, std::uint64_t seed);

} // namespace exitscope
