// Reads a file or stdin whole; errors are messages for exit code 3, never exceptions.
#include "text_input.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <sys/stat.h>

namespace backup_request {

std::variant<std::string, ReadError> read_text_input(const std::string& path, std::istream& in) {
    if (path == "-") {
        std::ostringstream buffer;
        buffer << in.rdbuf();
        if (in.bad()) {
            return ReadError{"cannot read stdin"};
        }
        return buffer.str();
    }
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) {
        return ReadError{"cannot read '" + path + "': it is a folder"};
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        return ReadError{"cannot read '" + path + "': " + std::strerror(errno)};
    }
    std::string content((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    if (file.bad()) {
        return ReadError{"cannot read '" + path + "': " + std::strerror(errno)};
    }
    return content;
}

} // namespace backup_request
