// exitscope-fuzz-seeds SHARED_DATA CORPUS: writes the seed corpora (CORPUS/<harness>/)
// that are committed under tests/fuzz/corpus. The seeds are small files derived from the
// real files in SHARED_DATA (../shared/data: a few columns of the AAAI21 arrays, EENet's
// files shrunk to 20 samples and written again with the same structure) and hand-made
// valid examples. Run it again after a format change (it overwrites the seeds it writes
// and leaves others alone), then check that the parsers accept them (README.md).
#include "fuzzsupport.h"

#include "core/data/latencyprofile.h"
#include "core/data/thresholdconfig.h"
#include "core/eval/learnedscorer.h"
#include "core/io/eenetimport.h"
#include "core/io/npy.h"
#include "core/io/npzarchive.h"
#include "core/io/torchpickle.h"
#include "core/io/tracefile.h"
#include "core/model/dataset.h"

#include <ATen/ATen.h>
#include <torch/csrc/jit/serialization/pickle.h>

#include <stb/stb_image_write.h>
#include <zip.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

using namespace exitscope;
namespace fs = std::filesystem;

namespace {

fs::path g_corpus;
fs::path g_data;

std::string readBytes(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    if (!in)
        throw std::runtime_error("cannot read " + path.string());
    return out.str();
}

void writeSeed(const std::string &harness, const std::string &name, const std::string &bytes)
{
    const fs::path dir = g_corpus / harness;
    fs::create_directories(dir);
    std::ofstream out(dir / name, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out)
        throw std::runtime_error("cannot write " + (dir / name).string());
    std::cout << harness << "/" << name << ": " << bytes.size() << " bytes\n";
}

// A scratch file holding `bytes`, for the writers and parsers that take paths.
std::string scratch(const std::string &name, const std::string &bytes = {})
{
    return fuzz::writeScratchFile(name, bytes);
}

template <typename T>
std::string rawBytes(const std::vector<T> &values)
{
    return std::string(reinterpret_cast<const char *>(values.data()), values.size() * sizeof(T));
}

template <typename T>
std::string npyBytes(NpyType type, const std::vector<std::int64_t> &shape, const std::vector<T> &values)
{
    return npyHeaderBytes(type, shape) + rawBytes(values);
}

// A .npy with a hand-written header dict and format version (1, 2 or 3).
std::string npyWithDict(const std::string &dict, int version, const std::string &data)
{
    const std::size_t lengthBytes = version == 1 ? 2 : 4;
    std::string header = dict;
    const std::size_t unpadded = 8 + lengthBytes + header.size() + 1;
    header.append((64 - unpadded % 64) % 64, ' ');
    header += '\n';
    std::string out("\x93NUMPY", 6);
    out += static_cast<char>(version);
    out += '\0';
    for (std::size_t i = 0; i < lengthBytes; ++i)
        out += static_cast<char>((header.size() >> (8 * i)) & 0xff);
    return out + header + data;
}

// The first `columns` columns of a K x N array.
std::vector<double> leftColumns(const NpyDoubleArray &a, std::int64_t columns)
{
    std::vector<double> out;
    for (std::int64_t k = 0; k < a.shape[0]; ++k)
        for (std::int64_t j = 0; j < columns; ++j)
            out.push_back(a.values[static_cast<std::size_t>(k * a.shape[1] + j)]);
    return out;
}

// An .npz of named members (each a whole .npy), stored or deflated, written with libzip.
std::string npzArchive(const std::vector<std::pair<std::string, std::string>> &members, bool deflate)
{
    const std::string path = scratch("archive.npz");
    fs::remove(path);
    int error = 0;
    zip_t *zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!zip)
        throw std::runtime_error("cannot create " + path);
    for (const auto &[name, bytes] : members) {
        zip_source_t *source = zip_source_buffer(zip, bytes.data(), bytes.size(), 0);
        const zip_int64_t index = zip_file_add(zip, (name + ".npy").c_str(), source, ZIP_FL_OVERWRITE);
        if (index < 0)
            throw std::runtime_error("cannot add " + name);
        zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
        zip_file_set_dostime(zip, static_cast<zip_uint64_t>(index), 0, (20 << 9) | (1 << 5) | 1, 0);
    }
    if (zip_close(zip) != 0)
        throw std::runtime_error("cannot write " + path);
    return readBytes(path);
}

std::string torchSave(const c10::IValue &value)
{
    const std::vector<char> bytes = torch::jit::pickle_save(value);
    return std::string(bytes.begin(), bytes.end());
}

at::Tensor tensorOf(const std::vector<float> &values, const std::vector<std::int64_t> &shape)
{
    return at::tensor(at::ArrayRef<float>(values)).reshape(shape);
}

// --- what the real files give ----------------------------------------------------------

struct EenetSmall
{
    std::vector<FloatTensor> parts; // val_pred, val_target, test_pred, test_target
    std::string logits; // the same, as torch.save writes them
};

// logits_single.pth with 20 samples per split (K = 4, C = 10), in the same structure.
EenetSmall shrinkEenet()
{
    constexpr std::int64_t kSamples = 20;
    EenetSmall small;
    const std::vector<FloatTensor> parts = readTorchTensorSequence((g_data / "eenet-format/logits_single.pth").string());
    std::vector<c10::IValue> tensors;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        FloatTensor t;
        if (parts[i].shape.size() == 3) { // K x N x C: the first samples of every exit
            const std::int64_t n = parts[i].shape[1], c = parts[i].shape[2];
            t.shape = {parts[i].shape[0], kSamples, c};
            for (std::int64_t k = 0; k < parts[i].shape[0]; ++k)
                for (std::int64_t j = 0; j < kSamples * c; ++j)
                    t.values.push_back(parts[i].values[static_cast<std::size_t>(k * n * c + j)]);
        } else {
            t.shape = {kSamples};
            t.values.assign(parts[i].values.begin(), parts[i].values.begin() + kSamples);
        }
        tensors.emplace_back(tensorOf(t.values, t.shape));
        small.parts.push_back(std::move(t));
    }
    small.logits = torchSave(c10::ivalue::Tuple::create(std::move(tensors)));
    return small;
}

TraceContents eenetContents(const EenetSmall &e)
{
    TraceContents c;
    c.exits = static_cast<int>(e.parts[0].shape[0]);
    c.samples = e.parts[0].shape[1];
    c.classes = static_cast<int>(e.parts[0].shape[2]);
    c.probabilities = e.parts[0].values;
    for (float v : e.parts[1].values)
        c.labels.push_back(static_cast<std::int32_t>(v));
    return c;
}

std::string traceBytes(const TraceContents &contents)
{
    const std::string path = scratch("trace.npz");
    writeTraceFile(Trace::build(contents, "seed"), path);
    return readBytes(path);
}

// --- one function per harness ------------------------------------------------------------

void npySeeds()
{
    for (const char *name : {"Alex_val_confidence", "Alex_val_correct", "Speech_test_confidence"}) {
        const NpyDoubleArray a = readNpyFileAsDoubles((g_data / "aaai21" / (std::string(name) + ".npy")).string());
        writeSeed("npy", std::string(name) + "_8cols.npy", npyBytes(NpyType::Float64, {a.shape[0], 8}, leftColumns(a, 8)));
    }
    writeSeed("npy", "u1.npy", npyBytes<std::uint8_t>(NpyType::UInt8, {5}, {0, 1, 2, 254, 255}));
    writeSeed("npy", "b1.npy", npyBytes<std::uint8_t>(NpyType::Bool, {2, 2}, {1, 0, 0, 1}));
    writeSeed("npy", "i1.npy", npyBytes<std::int8_t>(NpyType::Int8, {3}, {-128, 0, 127}));
    writeSeed("npy", "i2.npy", npyBytes<std::int16_t>(NpyType::Int16, {3, 1}, {-3, 0, 300}));
    writeSeed("npy", "i4.npy", npyBytes<std::int32_t>(NpyType::Int32, {2, 3}, {1, -2, 3, 4, 5, 6}));
    writeSeed("npy", "i8_scalar.npy", npyBytes<std::int64_t>(NpyType::Int64, {}, {42}));
    writeSeed("npy", "f4_empty.npy", npyBytes<float>(NpyType::Float32, {0, 3}, {}));
    writeSeed("npy", "f4_fortran.npy",
              npyWithDict("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }", 1,
                          rawBytes<float>({1, 4, 2, 5, 3, 6})));
    writeSeed("npy", "f8_v2.npy",
              npyWithDict("{'shape': (2,), 'fortran_order': False, 'descr': '<f8'}", 2, rawBytes<double>({0.5, -1.5})));
    writeSeed("npy", "u1_v3_bigendian_byte.npy",
              npyWithDict("{\"descr\": \">u1\", \"fortran_order\": False, \"shape\": (2, 1, 2)}", 3,
                          std::string("\x01\x02\x03\x04", 4)));
}

void npzSeeds(const EenetSmall &eenet)
{
    const NpyDoubleArray conf = readNpyFileAsDoubles((g_data / "aaai21/Scan_val_confidence.npy").string());
    const std::string scan = npyBytes(NpyType::Float64, {conf.shape[0], 6}, leftColumns(conf, 6));
    const std::string labels = npyBytes<std::int32_t>(NpyType::Int32, {4}, {3, 1, 4, 1});
    writeSeed("npz", "stored.npz", npzArchive({{"scores", scan}, {"labels", labels}}, false));
    writeSeed("npz", "deflated.npz", npzArchive({{"scores", scan}, {"labels", labels}}, true));
    writeSeed("npz", "fortran_bool.npz",
              npzArchive({{"mask", npyWithDict("{'descr': '|b1', 'fortran_order': True, 'shape': (2, 2), }", 1,
                                               std::string("\x01\x00\x00\x01", 4))}},
                         true));
    writeSeed("npz", "eenet_trace.npz", traceBytes(eenetContents(eenet)));
}

void traceSeeds(const EenetSmall &eenet)
{
    // AAAI21 Alex, val: given scores (entropy, lower is confident) and correctness.
    const NpyDoubleArray conf = readNpyFileAsDoubles((g_data / "aaai21/Alex_val_confidence.npy").string());
    const NpyDoubleArray correct = readNpyFileAsDoubles((g_data / "aaai21/Alex_val_correct.npy").string());
    TraceContents alex;
    alex.exits = static_cast<int>(conf.shape[0]);
    alex.samples = 20;
    alex.givenScores = leftColumns(conf, 20);
    alex.givenDirection = Direction::LowerIsConfident;
    for (double v : leftColumns(correct, 20))
        alex.correct.push_back(v != 0.0);
    writeSeed("tracefile", "alex_val_20.npz", traceBytes(alex));

    // EENet, val: probabilities and labels; then its top-3, and its predictions with scores.
    const TraceContents probs = eenetContents(eenet);
    writeSeed("tracefile", "eenet_val_20.npz", traceBytes(probs));
    TraceContents top3 = probs;
    top3.probabilities.clear();
    top3.topk = 3;
    TraceContents predictions = probs;
    predictions.probabilities.clear();
    const int C = probs.classes;
    for (std::size_t row = 0; row < probs.probabilities.size() / static_cast<std::size_t>(C); ++row) {
        std::vector<std::int32_t> order(static_cast<std::size_t>(C));
        for (int c = 0; c < C; ++c)
            order[static_cast<std::size_t>(c)] = c;
        const float *p = probs.probabilities.data() + row * static_cast<std::size_t>(C);
        std::stable_sort(order.begin(), order.end(), [p](std::int32_t a, std::int32_t b) { return p[a] > p[b]; });
        for (int i = 0; i < 3; ++i) {
            top3.topkIndices.push_back(order[static_cast<std::size_t>(i)]);
            top3.topkProbabilities.push_back(p[order[static_cast<std::size_t>(i)]]);
        }
        predictions.predictions.push_back(order[0]);
        predictions.givenScores.push_back(p[order[0]]); // a trace of predictions needs scores
    }
    writeSeed("tracefile", "eenet_top3_20.npz", traceBytes(top3));
    writeSeed("tracefile", "eenet_predictions_20.npz", traceBytes(predictions));
}

LatencyProfile measuredProfile(const LatencyProfile &base, int batchSize)
{
    LatencyProfile p = base;
    for (double &v : p.cumulative)
        v *= batchSize;
    p.reference = p.cumulative.back() * 0.9;
    p.median = p.cumulative;
    for (double v : p.cumulative) {
        p.iqr.push_back(v * 0.05);
        p.p90.push_back(v * 1.1);
        p.p99.push_back(v * 1.3);
        p.stageMedian.push_back(v * 0.8);
        p.headMedian.push_back(v * 0.2);
    }
    p.provenance = {ProfileSource::Measured, "cpu", 2, batchSize, "1x32", "1.13.1", "2024-01-01T00:00:00Z", 50, ""};
    return p;
}

void latencySeeds(const LatencyProfile &seconds)
{
    const std::string path = scratch("latency.json");
    writeLatencyProfile(seconds, path);
    writeSeed("latencyprofile", "eenet_seconds.json", readBytes(path));
    writeLatencyProfiles({measuredProfile(seconds, 1), measuredProfile(seconds, 7), measuredProfile(seconds, 32)}, path);
    writeSeed("latencyprofile", "measured_batches.json", readBytes(path));
    LatencyProfile flops;
    flops.cumulative = readTorchNumberList((g_data / "eenet-format/flops.pth").string());
    flops.unit = CostUnit::Flops;
    flops.reference = flops.cumulative.back();
    flops.provenance.source = ProfileSource::File;
    flops.provenance.file = "flops.pth";
    writeLatencyProfile(flops, path);
    writeSeed("latencyprofile", "eenet_flops.json", readBytes(path));
    writeLatencyProfile(latencyProfileFromCosts({0.32, 0.53, 0.76, 1.0, 1.07}, CostUnit::Relative, "costs"), path);
    writeSeed("latencyprofile", "scan_costs.json", readBytes(path));
}

void thresholdSeeds(const LatencyProfile &seconds)
{
    const std::string path = scratch("thresholds.json");
    ThresholdConfig c;
    c.policyName = "msdnet";
    c.policy = {Measure::MaxProb, Direction::HigherIsConfident, {0.9, 0.8, 0.7}, nullptr};
    c.budget = Budget{0.6, true, BudgetKind::Mean};
    c.latency = measuredProfile(seconds, 1);
    c.val = SplitPrediction{"val.npz", std::string(64, 'a'), 500, 0.8, 0.9, 1.5, 2.5, {0.5, 0.2, 0.2, 0.1}};
    c.test = SplitPrediction{"test.npz", "", 500, std::nan(""), std::nan(""), 1.6, 2.6, {0.4, 0.3, 0.2, 0.1}};
    c.tool = "exitscope 0.1.0";
    c.created = "2024-01-01T00:00:00Z";
    writeThresholdConfig(c, path);
    writeSeed("thresholdconfig", "maxprob_measured.json", readBytes(path));

    // A learned policy (EENet's normalizers) reading probabilities of 10 classes.
    std::vector<LearnedScorer::Normalizer> nets;
    for (int k = 0; k < 3; ++k) {
        LearnedScorer::Normalizer n;
        const int inputs = LearnedScorer::inputCount(LearnedScorer::Input::Probabilities, 10, k);
        n.hiddenWeight = Eigen::MatrixXd::Constant(2, inputs, 0.1 * (k + 1));
        n.hiddenBias = Eigen::VectorXd::Constant(2, -0.5);
        n.outputWeight = Eigen::VectorXd::Constant(2, 1.5);
        n.outputBias = 0.25;
        nets.push_back(n);
    }
    c.policyName = "eenet";
    c.policy = {Measure::Learned, Direction::HigherIsConfident, {0.6, 0.5, 0.4},
                std::make_shared<const LearnedScorer>(LearnedScorer::Input::Probabilities, 10, nets, "seed")};
    c.budget = Budget{2.0, false, BudgetKind::P90};
    c.latency = seconds;
    writeThresholdConfig(c, path);
    writeSeed("thresholdconfig", "learned_probabilities.json", readBytes(path));

    // AAAI21 Scan: given scores, lower is confident, relative costs, no budget or splits.
    LearnedScorer::Normalizer given;
    given.hiddenWeight = Eigen::MatrixXd::Constant(1, 1, 2.0);
    given.hiddenBias = Eigen::VectorXd::Constant(1, 0.0);
    given.outputWeight = Eigen::VectorXd::Constant(1, -1.0);
    ThresholdConfig scan;
    scan.policy = {Measure::Given, Direction::LowerIsConfident, {-0.9, -0.8, -0.7, -0.6}, nullptr};
    scan.latency = latencyProfileFromCosts({0.32, 0.53, 0.76, 1.0, 1.07}, CostUnit::Relative, "costs");
    scan.latency.reference = 1.0;
    writeThresholdConfig(scan, path);
    writeSeed("thresholdconfig", "given_relative.json", readBytes(path));
    ThresholdConfig learnedGiven;
    learnedGiven.policy = {Measure::Learned, Direction::HigherIsConfident, {0.5},
                           std::make_shared<const LearnedScorer>(LearnedScorer::Input::GivenScore, 0,
                                                                 std::vector<LearnedScorer::Normalizer>{given}, "seed")};
    learnedGiven.latency = latencyProfileFromCosts({1.0, 2.0}, CostUnit::Milliseconds, "costs");
    writeThresholdConfig(learnedGiven, path);
    writeSeed("thresholdconfig", "learned_given.json", readBytes(path));
}

void secondsSeeds()
{
    writeSeed("secondscsv", "eenet_seconds.csv", readBytes(g_data / "eenet-format/seconds.csv"));
    writeSeed("secondscsv", "commas_crlf.csv", "1.5, 2.25,\r\n3.0\r\n4e1\r\n");
}

void specSeeds()
{
    const std::vector<std::string> specs = {
        "cifar10:/data/cifar-10-batches-bin?mean=0.4914,0.4822,0.4465&std=0.2470,0.2435,0.2616",
        "cifar100:/data/cifar-100-binary?part=test&val=0.5&seed=1",
        "mnist:/data/fashion-mnist?part=t10k",
        "folder:/data/flowers?resize=224x224&mean=0.485,0.456,0.406&std=0.229,0.224,0.225",
        "npy:/data/x_test.npy,/data/y_test.npy?classes=10",
        "npz:/data/test_set.npz?part=train&val=0.25&seed=1234567890123456789",
    };
    for (std::size_t i = 0; i < specs.size(); ++i)
        writeSeed("datasetspec", "spec" + std::to_string(i) + ".txt", specs[i]);
}

// `count` CIFAR records with labels 0, 1, ... (CIFAR-100: coarse then fine) and patterned pixels.
std::string cifarRecords(int count, bool hundred, int firstLabel)
{
    std::string out;
    for (int r = 0; r < count; ++r) {
        if (hundred)
            out += static_cast<char>((firstLabel + r) / 5);
        out += static_cast<char>(firstLabel + r);
        for (int i = 0; i < 3072; ++i)
            out += static_cast<char>((i * 7 + r * 31) & 0xff);
    }
    return out;
}

void cifarSeeds()
{
    writeSeed("dataset_cifar", "cifar10_test.bin", fuzz::joinFiles({"", cifarRecords(2, false, 3)}));
    writeSeed("dataset_cifar", "cifar10_train.bin",
              fuzz::joinFiles({"part=train&mean=0.5&std=0.25", cifarRecords(1, false, 0), cifarRecords(1, false, 1),
                               cifarRecords(1, false, 2), cifarRecords(1, false, 3), cifarRecords(1, false, 9)}));
    writeSeed("dataset_cifar", "cifar100.bin",
              fuzz::joinFiles({"val=0.3&seed=4&mean=0.5,0.4,0.3&std=0.2,0.2,0.2", cifarRecords(3, true, 97)}));
}

std::string bigEndian32(std::uint32_t v)
{
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

void idxSeeds()
{
    std::string images = bigEndian32(0x803) + bigEndian32(3) + bigEndian32(4) + bigEndian32(5);
    for (int i = 0; i < 3 * 4 * 5; ++i)
        images += static_cast<char>(i * 4);
    const std::string labels = bigEndian32(0x801) + bigEndian32(3) + std::string("\x07\x02\x09", 3);
    writeSeed("dataset_idx", "t10k.idx", fuzz::joinFiles({"", images, labels}));
    writeSeed("dataset_idx", "train.idx", fuzz::joinFiles({"part=train&mean=0.1307&std=0.3081&val=1", "", "", images, labels}));
}

std::string encodeImage(bool jpeg, int w, int h, int channels)
{
    std::vector<unsigned char> pixels(static_cast<std::size_t>(w * h * channels));
    for (std::size_t i = 0; i < pixels.size(); ++i)
        pixels[i] = static_cast<unsigned char>((i * 37) & 0xff);
    std::string out;
    const auto append = [](void *context, void *data, int size) {
        static_cast<std::string *>(context)->append(static_cast<const char *>(data), static_cast<std::size_t>(size));
    };
    const int ok = jpeg ? stbi_write_jpg_to_func(append, &out, w, h, channels, pixels.data(), 90)
                        : stbi_write_png_to_func(append, &out, w, h, channels, pixels.data(), w * channels);
    if (!ok)
        throw std::runtime_error("cannot encode an image");
    return out;
}

void folderSeeds()
{
    writeSeed("dataset_folder", "png_rgb_grey_rgba.img",
              fuzz::joinFiles({"", encodeImage(false, 4, 3, 3), encodeImage(false, 4, 3, 1), encodeImage(false, 4, 3, 4)}));
    writeSeed("dataset_folder", "jpeg_grey_alpha.img",
              fuzz::joinFiles({"mean=0.5&std=0.5", encodeImage(true, 8, 8, 3), encodeImage(false, 8, 8, 2),
                               encodeImage(true, 8, 8, 1)}));
    writeSeed("dataset_folder", "mixed_sizes_resized.img",
              fuzz::joinFiles({"resize=3x5&mean=0.4,0.5,0.6&std=0.2,0.3,0.4", encodeImage(false, 7, 2, 3),
                               encodeImage(true, 9, 16, 3), encodeImage(false, 1, 1, 3), encodeImage(true, 4, 4, 3)}));
}

void datasetNpySeeds()
{
    // 8 samples of the 3 exits' Alex scores as inputs, the last exit's correctness as labels.
    const NpyDoubleArray conf = readNpyFileAsDoubles((g_data / "aaai21/Alex_test_confidence.npy").string());
    const NpyDoubleArray correct = readNpyFileAsDoubles((g_data / "aaai21/Alex_test_correct.npy").string());
    std::vector<double> inputs;
    std::vector<std::int64_t> labels;
    for (std::int64_t j = 0; j < 8; ++j) {
        for (std::int64_t k = 0; k < conf.shape[0]; ++k)
            inputs.push_back(conf.values[static_cast<std::size_t>(k * conf.shape[1] + j)]);
        labels.push_back(static_cast<std::int64_t>(correct.values[static_cast<std::size_t>(2 * conf.shape[1] + j)]));
    }
    writeSeed("dataset_npy", "alex_test_8.npys",
              fuzz::joinFiles({"classes=2", npyBytes(NpyType::Float64, {8, 3}, inputs), npyBytes(NpyType::Int64, {8}, labels)}));
    std::vector<std::uint8_t> pixels(5 * 1 * 2 * 2);
    for (std::size_t i = 0; i < pixels.size(); ++i)
        pixels[i] = static_cast<std::uint8_t>(i * 13);
    writeSeed("dataset_npy", "u1_images.npys",
              fuzz::joinFiles({"mean=0.5&std=2&val=0.4&seed=7", npyBytes(NpyType::UInt8, {5, 1, 2, 2}, pixels),
                               npyBytes<std::int16_t>(NpyType::Int16, {5}, {0, 1, 2, 1, 0})}));
    writeSeed("dataset_npy", "f4_no_labels.npys",
              fuzz::joinFiles({"", npyBytes<float>(NpyType::Float32, {2, 2}, {0.5f, 1.5f, -2.0f, 3.0f})}));
}

void datasetNpzSeeds()
{
    std::vector<float> inputs(6 * 3 * 2);
    for (std::size_t i = 0; i < inputs.size(); ++i)
        inputs[i] = static_cast<float>(i) / 7.0f;
    const std::string x = npyBytes(NpyType::Float32, {6, 3, 2}, inputs);
    const std::string y = npyBytes<std::int32_t>(NpyType::Int32, {6}, {0, 1, 2, 3, 4, 0});
    writeSeed("dataset_npz", "stored.npzs", fuzz::joinFiles({"classes=5", npzArchive({{"inputs", x}, {"labels", y}}, false)}));
    writeSeed("dataset_npz", "deflated.npzs",
              fuzz::joinFiles({"mean=0.1,0.2,0.3&std=1,2,3", npzArchive({{"inputs", x}, {"labels", y}}, true)}));
    writeSeed("dataset_npz", "inputs_only.npzs",
              fuzz::joinFiles({"", npzArchive({{"inputs", npyBytes<std::uint8_t>(NpyType::Bool, {3, 1}, {1, 0, 1})}}, true)}));
}

void torchSeeds(const EenetSmall &eenet)
{
    writeSeed("torchpickle", "eenet_logits_single_20.pth", eenet.logits);
    writeSeed("torchpickle", "eenet_flops.pth", readBytes(g_data / "eenet-format/flops.pth"));
    writeSeed("torchpickle", "cnn3_reference_io.pt", readBytes(g_data / "torchscript/cnn3_reference_io.pt"));
    c10::impl::GenericList list(c10::AnyType::get());
    list.push_back(at::arange(6, at::kLong).reshape({2, 3}));
    list.push_back(at::arange(4, at::kFloat).reshape({2, 2}).t()); // a strided view
    writeSeed("torchpickle", "list_long_strided.pth", torchSave(list));
    writeSeed("torchpickle", "tensor_1d.pth", torchSave(at::arange(3, at::kDouble) * 0.5));
    c10::impl::GenericDict dict(c10::StringType::get(), c10::AnyType::get());
    dict.insert("single", at::ones({2}, at::kShort));
    dict.insert("pair", c10::ivalue::Tuple::create({at::zeros({1, 2}, at::kByte), at::ones({3}, at::kInt)}));
    writeSeed("torchpickle", "dict.pth", torchSave(dict));
}

void eenetSeeds(const EenetSmall &eenet)
{
    writeSeed("eenetimport", "seconds.eenet", fuzz::joinFiles({eenet.logits, readBytes(g_data / "eenet-format/seconds.csv")}));
    writeSeed("eenetimport", "flops.eenet",
              fuzz::joinFiles({eenet.logits, "", readBytes(g_data / "eenet-format/flops.pth")}));
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::cerr << "usage: exitscope-fuzz-seeds SHARED_DATA CORPUS\n";
        return 2;
    }
    g_data = argv[1];
    g_corpus = argv[2];
    try {
        const EenetSmall eenet = shrinkEenet();
        const LatencyProfile seconds = readSecondsCsv((g_data / "eenet-format/seconds.csv").string());
        npySeeds();
        npzSeeds(eenet);
        traceSeeds(eenet);
        latencySeeds(seconds);
        thresholdSeeds(seconds);
        secondsSeeds();
        specSeeds();
        cifarSeeds();
        idxSeeds();
        folderSeeds();
        datasetNpySeeds();
        datasetNpzSeeds();
        torchSeeds(eenet);
        eenetSeeds(eenet);
    } catch (const std::exception &e) {
        std::cerr << "exitscope-fuzz-seeds: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
