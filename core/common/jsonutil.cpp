#include "core/common/jsonutil.h"

#include "core/common/atomicfile.h"
#include "core/common/inputerror.h"

#include <cmath>
#include <sstream>

namespace exitscope {

nlohmann::json parseJsonFile(const std::string &path)
{
    const std::string text = readTextFile(path);
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        throw InputError(path, "empty file, expected a JSON document");
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception &e) { // parse_error, or out_of_range for 1e999
        throw InputError(path, std::string("not valid JSON (truncated?): ") + e.what());
    }
}

JsonReader::JsonReader(const nlohmann::json &json, std::string where, std::string path)
    : m_json(json)
    , m_where(std::move(where))
    , m_path(std::move(path))
{
    if (!m_json.is_object())
        fail("", std::string("expected a JSON object, found ") + m_json.type_name());
}

void JsonReader::fail(const std::string &field, const std::string &what) const
{
    const std::string name = m_path.empty() ? field : (field.empty() ? m_path : m_path + "." + field);
    throw InputError(m_where, (name.empty() ? "" : name + ": ") + what);
}

const nlohmann::json &JsonReader::member(const std::string &key) const
{
    const auto it = m_json.find(key);
    if (it == m_json.end())
        fail(key, "missing field");
    return *it;
}

void JsonReader::requireFormat(const std::string &format, int newestVersion) const
{
    const std::string found = string("format");
    if (found != format)
        fail("format", "expected '" + format + "', found '" + found + "'");
    const double version = number("version");
    if (version != std::floor(version) || version < 1 || version > newestVersion) {
        std::ostringstream msg;
        msg << "version " << version << " is not one this Exitscope reads (1.." << newestVersion << ")";
        fail("version", msg.str());
    }
}

bool JsonReader::has(const std::string &key) const
{
    return m_json.contains(key);
}

bool JsonReader::hasNonNull(const std::string &key) const
{
    return m_json.contains(key) && !m_json.at(key).is_null();
}

JsonReader JsonReader::object(const std::string &key) const
{
    return JsonReader(member(key), m_where, m_path.empty() ? key : m_path + "." + key);
}

const nlohmann::json &JsonReader::raw(const std::string &key) const
{
    return member(key);
}

std::string JsonReader::string(const std::string &key) const
{
    const auto &v = member(key);
    if (!v.is_string())
        fail(key, std::string("expected a string, found ") + v.type_name());
    return v.get<std::string>();
}

std::string JsonReader::optionalString(const std::string &key) const
{
    return hasNonNull(key) ? string(key) : std::string();
}

double JsonReader::number(const std::string &key) const
{
    const auto &v = member(key);
    if (!v.is_number())
        fail(key, std::string("expected a number, found ") + v.type_name());
    const double value = v.get<double>();
    if (!std::isfinite(value))
        fail(key, "expected a finite number");
    return value;
}

double JsonReader::optionalNumber(const std::string &key, double fallback) const
{
    return hasNonNull(key) ? number(key) : fallback;
}

std::int64_t JsonReader::integer(const std::string &key, std::int64_t lowest, std::int64_t highest) const
{
    const double value = number(key);
    // Compared as doubles before any conversion: a cast of an out-of-range double is undefined.
    if (value != std::floor(value) || value < static_cast<double>(lowest) || value > static_cast<double>(highest))
        fail(key, "expected a whole number in [" + std::to_string(lowest) + ", " + std::to_string(highest) + "], found "
                      + member(key).dump());
    return static_cast<std::int64_t>(value);
}

std::int64_t JsonReader::optionalInteger(const std::string &key, std::int64_t fallback, std::int64_t lowest,
                                         std::int64_t highest) const
{
    return hasNonNull(key) ? integer(key, lowest, highest) : fallback;
}

bool JsonReader::boolean(const std::string &key) const
{
    const auto &v = member(key);
    if (!v.is_boolean())
        fail(key, std::string("expected true or false, found ") + v.type_name());
    return v.get<bool>();
}

std::vector<double> JsonReader::numbers(const std::string &key) const
{
    const auto &v = member(key);
    if (!v.is_array())
        fail(key, std::string("expected an array of numbers, found ") + v.type_name());
    std::vector<double> out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (!v[i].is_number())
            fail(key + "[" + std::to_string(i) + "]", std::string("expected a number, found ") + v[i].type_name());
        out.push_back(v[i].get<double>());
    }
    return out;
}

} // namespace exitscope
