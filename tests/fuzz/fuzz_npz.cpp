// .npz archives: NpzReader opens the zip, then every member it lists is read by header()
// and as doubles, floats and integers (stored and deflated members, CRC checks).
#include "fuzzsupport.h"

#include "core/io/npzarchive.h"

using namespace exitscope;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string path = fuzz::writeScratchFile("fuzz.npz", {reinterpret_cast<const char *>(data), size});
    fuzz::expectValueOrInputError("NpzReader", [&] {
        const NpzReader npz(path);
        for (const std::string &name : npz.names()) {
            if (!npz.has(name))
                fuzz::finding(npz.where(name) + ": listed by names() but not found by has()");
            fuzz::expectValueOrInputError("NpzReader::header", [&] { npz.header(name); });
            fuzz::expectValueOrInputError("NpzReader::doubles", [&] { npz.doubles(name); });
            fuzz::expectValueOrInputError("NpzReader::floats", [&] { npz.floats(name); });
            fuzz::expectValueOrInputError("NpzReader::integers", [&] { npz.integers(name); });
        }
    });
    return 0;
}
