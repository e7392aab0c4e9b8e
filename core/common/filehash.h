#pragma once

#include <string>

namespace exitscope {

// Lower-case hex SHA-256 of a file's bytes (hashlib.sha256(open(f, 'rb').read()).hexdigest()).
std::string sha256OfFile(const std::string &path);

} // namespace exitscope
