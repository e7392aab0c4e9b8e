#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace exitscope {

nlohmann::json parseJsonFile(const std::string &path);

// Typed access to a JSON object whose errors name the file and the field path
// ("config.json: thresholds[2]: expected a number, found string").
class JsonReader
{
public:
    JsonReader(const nlohmann::json &json, std::string where, std::string path = "");

    void requireFormat(const std::string &format, int newestVersion) const;
    bool has(const std::string &key) const;
    bool hasNonNull(const std::string &key) const;
    JsonReader object(const std::string &key) const;
    const nlohmann::json &raw(const std::string &key) const;
    std::string string(const std::string &key) const;
    std::string optionalString(const std::string &key) const;
    double number(const std::string &key) const;
    double optionalNumber(const std::string &key, double fallback) const;
    // A whole number in [lowest, highest] (1e300 or 2.5 for a count is refused, not cast).
    std::int64_t integer(const std::string &key, std::int64_t lowest, std::int64_t highest) const;
    std::int64_t optionalInteger(const std::string &key, std::int64_t fallback, std::int64_t lowest,
                                 std::int64_t highest) const;
    bool boolean(const std::string &key) const;
    std::vector<double> numbers(const std::string &key) const;

private:
    [[noreturn]] void fail(const std::string &field, const std::string &what) const;
    const nlohmann::json &member(const std::string &key) const;

    const nlohmann::json &m_json;
    std::string m_where;
    std::string m_path;
};

} // namespace exitscope
