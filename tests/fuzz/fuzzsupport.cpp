#include "fuzzsupport.h"

#include "core/model/dataset.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace exitscope::fuzz {

namespace fs = std::filesystem;

void finding(const std::string &what)
{
    std::fprintf(stderr, "==exitscope-fuzz== FINDING: %s\n", what.c_str());
    std::fflush(stderr);
    std::abort();
}

void refused(const char *parser, const InputError &error)
{
    static const bool verbose = [] {
        const char *env = std::getenv("EXITSCOPE_FUZZ_VERBOSE");
        return env && std::string(env) == "1";
    }();
    if (verbose)
        std::fprintf(stderr, "==exitscope-fuzz== %s refused the input: %s\n", parser, error.what());
}

std::vector<std::string_view> splitFiles(const std::uint8_t *data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    std::vector<std::string_view> files;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = bytes.find(kNextFile, start);
        files.push_back(bytes.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos)
            return files;
        start = end + kNextFile.size();
    }
}

std::string joinFiles(const std::vector<std::string> &files)
{
    std::string out;
    for (std::size_t i = 0; i < files.size(); ++i)
        out += (i ? std::string(kNextFile) : std::string()) + files[i];
    return out;
}

namespace {

std::string makeScratchFolder()
{
    fs::path base;
    if (const char *env = std::getenv("EXITSCOPE_FUZZ_SCRATCH"); env && *env)
        base = env;
    else if (fs::is_directory("/dev/shm"))
        base = "/dev/shm";
    else
        base = fs::temp_directory_path();
    const fs::path folder = base / ("exitscope-fuzz-" + std::to_string(::getpid()));
    fs::remove_all(folder);
    fs::create_directories(folder);
    return folder.string();
}

} // namespace

const std::string &scratchFolder()
{
    // Never destroyed: the exit handler that removes the folder runs after static destructors.
    static const std::string *folder = [] {
        const auto *made = new std::string(makeScratchFolder());
        std::atexit([] {
            std::error_code ec;
            fs::remove_all(scratchFolder(), ec);
        });
        return made;
    }();
    return *folder;
}

std::string writeScratchFile(const std::string &name, std::string_view bytes)
{
    const fs::path path = fs::path(scratchFolder()) / name;
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out)
        finding("cannot write the scratch file " + path.string());
    return path.string();
}

void clearScratch()
{
    for (const auto &entry : fs::directory_iterator(scratchFolder()))
        fs::remove_all(entry.path());
}

std::vector<std::string> layOutDataset(DatasetFiles kind, const std::uint8_t *data, std::size_t size)
{
    const std::vector<std::string_view> files = splitFiles(data, size);
    const std::string options = "?" + std::string(files[0]);
    const std::string root = scratchFolder();
    clearScratch();
    // Writes file i (when the input has it) as `name`.
    const auto put = [&files](std::size_t i, const std::string &name) {
        if (i < files.size())
            writeScratchFile(name, files[i]);
    };
    switch (kind) {
    case DatasetFiles::Cifar:
        // CIFAR-10's test_batch.bin and data_batch_1..5.bin (part=train), CIFAR-100's test.bin
        // and train.bin; file 1 is each of the test files and the first of the train files.
        fs::create_directories(root + "/cifar");
        for (std::size_t i = 1; i <= 5; ++i)
            put(i, "cifar/data_batch_" + std::to_string(i) + ".bin");
        for (const char *name : {"test_batch.bin", "test.bin", "train.bin"})
            put(1, std::string("cifar/") + name);
        return {"cifar10:" + root + "/cifar" + options, "cifar100:" + root + "/cifar" + options};
    case DatasetFiles::Idx:
        // The test pair, then the train pair under the names' other spelling.
        fs::create_directories(root + "/mnist");
        put(1, "mnist/t10k-images-idx3-ubyte");
        put(2, "mnist/t10k-labels-idx1-ubyte");
        put(3, "mnist/train-images.idx3-ubyte");
        put(4, "mnist/train-labels.idx1-ubyte");
        return {"mnist:" + root + "/mnist" + options};
    case DatasetFiles::Folder:
        // Image i in class folder c<(i-1) % 3>; stb_image goes by the bytes, not the name.
        fs::create_directories(root + "/images");
        for (std::size_t i = 1; i < files.size(); ++i)
            put(i, "images/c" + std::to_string((i - 1) % 3) + "/" + std::to_string(i) + ".png");
        return {"folder:" + root + "/images" + options};
    case DatasetFiles::Npy:
        put(1, "inputs.npy");
        put(2, "labels.npy");
        return {"npy:" + root + "/inputs.npy" + (files.size() > 2 ? "," + root + "/labels.npy" : "") + options};
    case DatasetFiles::Npz:
        put(1, "data.npz");
        return {"npz:" + root + "/data.npz" + options};
    }
    return {};
}

void readWholeDataset(const std::string &specText)
{
    const DatasetSpec spec = parseDatasetSpec(specText);
    const std::unique_ptr<Dataset> dataset = openDataset(spec);
    const std::int64_t per = dataset->sampleElements();
    // Batches of 3: several per file, and a last one cut short.
    constexpr std::int64_t kBatch = 3;
    for (std::int64_t begin = 0; begin < dataset->size(); begin += kBatch) {
        const DatasetBatch batch = dataset->readRange(begin, kBatch);
        const auto n = static_cast<std::size_t>(batch.indices.size());
        if (batch.inputs.size() != n * static_cast<std::size_t>(per) || batch.shape.empty()
            || batch.shape[0] != static_cast<std::int64_t>(n))
            finding(dataset->where() + ": a batch's inputs do not match its shape");
        if (dataset->hasLabels() != !batch.labels.empty() && n > 0)
            finding(dataset->where() + ": a batch's labels do not match the dataset's");
        for (std::int64_t label : batch.labels)
            if (label < 0 || (dataset->numClasses() > 0 && label >= dataset->numClasses()))
                finding(dataset->where() + ": label " + std::to_string(label) + " out of range");
    }
    const DatasetSplit split = splitDataset(dataset->size(), spec.options.valFraction, spec.options.seed);
    if (static_cast<std::int64_t>(split.val.size() + split.test.size()) != dataset->size())
        finding(dataset->where() + ": the split does not cover the dataset");
}

int fuzzDataset(DatasetFiles kind, const std::uint8_t *data, std::size_t size)
{
    for (const std::string &spec : layOutDataset(kind, data, size))
        expectValueOrInputError(spec.substr(0, spec.find(':')).c_str(), [&spec] { readWholeDataset(spec); });
    return 0;
}

} // namespace exitscope::fuzz

// Built into every harness, so that one run by hand behaves as under scripts/fuzz.sh:
// undefined behaviour stops the run with a stack (a finding) instead of printing and going on.
extern "C" const char *__ubsan_default_options()
{
    return "halt_on_error=1:print_stacktrace=1";
}

// A 16 MB quarantine of freed memory instead of 256 MB: a use after free is still caught
// within the last 16 MB freed (a parser's input is a few KB), and runs take half the time
// (fewer fresh pages to fault in).
extern "C" const char *__asan_default_options()
{
    return "quarantine_size_mb=16";
}
