#pragma once

// What every libFuzzer harness shares (README.md here): the contract check, the framing
// that splits one fuzz input into several files, and a per-process scratch folder.

#include "core/common/inputerror.h"

#include <cstddef>
#include <cstdint>
#include <new>
#include <string>
#include <string_view>
#include <typeinfo>
#include <vector>

namespace exitscope::fuzz {

// Aborts with the message on stderr: libFuzzer records the input as a crash.
[[noreturn]] void finding(const std::string &what);
// With EXITSCOPE_FUZZ_VERBOSE=1 in the environment, every InputError is printed: run a
// harness on its seeds (fuzz_npy corpus/npy/*) to see which of them a parser refuses.
void refused(const char *parser, const InputError &error);

// The contract: a parser returns a value or throws InputError. Any other exception is a
// finding; std::bad_alloc in particular means that a size the input claims was allocated
// before it was checked against the bytes that are there.
template <typename Body>
void expectValueOrInputError(const char *parser, Body &&body)
{
    try {
        body();
    } catch (const InputError &e) {
        refused(parser, e);
    } catch (const std::bad_alloc &e) {
        finding(std::string(parser) + " threw std::bad_alloc (" + e.what()
                + "): a claimed size was allocated before it was checked against the input");
    } catch (const std::exception &e) {
        finding(std::string(parser) + " threw " + typeid(e).name() + " instead of InputError: " + e.what());
    } catch (...) {
        finding(std::string(parser) + " threw something that is not a std::exception");
    }
}

// Multi-file inputs: the fuzz input is the files' bytes, one after another, separated by
// kNextFile. A missing part is an absent file; an input without the separator is one file.
constexpr std::string_view kNextFile = "\n--next-file--\n";
std::vector<std::string_view> splitFiles(const std::uint8_t *data, std::size_t size);
// The inverse, for the seed generator.
std::string joinFiles(const std::vector<std::string> &files);

// A folder of this process's own, reused by every input and removed at exit: under
// $EXITSCOPE_FUZZ_SCRATCH when set (scripts/fuzz.sh sets it), else /dev/shm, else the
// system's temporary folder.
const std::string &scratchFolder();
// scratchFolder()/name, holding exactly `bytes`; sub-folders are created as needed.
std::string writeScratchFile(const std::string &name, std::string_view bytes);
// Empties the scratch folder (files of an earlier input must not leak into this one).
void clearScratch();

// The dataset harnesses' framing: file 0 of an input is the spec's options (the text after
// '?'), the others are the dataset's files, laid out in the scratch folder as each kind
// names them (README.md); returns the specs to open (CIFAR: as CIFAR-10 and as CIFAR-100).
// A gzip'd IDX variant is a further kind here with the ".gz" names.
enum class DatasetFiles { Cifar, Idx, Folder, Npy, Npz };
std::vector<std::string> layOutDataset(DatasetFiles kind, const std::uint8_t *data, std::size_t size);

// Opens a dataset spec and reads every sample in batches, then splits it as its options
// say, checking what Dataset promises of a batch (sizes, labels in range).
void readWholeDataset(const std::string &spec);

// A dataset harness: lays the input out and reads each of its specs whole.
int fuzzDataset(DatasetFiles kind, const std::uint8_t *data, std::size_t size);

} // namespace exitscope::fuzz
