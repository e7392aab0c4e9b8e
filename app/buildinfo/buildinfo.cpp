#include "app/buildinfo/buildinfo.h"

#include "core/model/deviceinfo.h"
#include "core/model/multiexitmodel.h"

namespace exitscope {

std::string versionText(const std::string &program, const std::string &qtLine)
{
    const std::string cuda = cudaAvailable() ? "CUDA available" : "CPU only: " + cudaUnavailableReason();
    return program + " " + EXITSCOPE_VERSION + "\n" + "git revision " + gitRevision() + "\n" + "LibTorch "
        + libtorchVersion() + " (" + cuda + ")\n" + qtLine + "\n";
}

} // namespace exitscope
