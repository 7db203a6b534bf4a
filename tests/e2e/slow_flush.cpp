// A test double for a slow disk: preloaded (LD_PRELOAD) into the program under test, it makes every fsync and
// fdatasync wait SLOW_FLUSH_MS milliseconds (default 250) before the real one. SQLite flushes while it holds
// the ledger's locks, so this is how a case sees what many processes do on a slow or busy disk.
#include <chrono>
#include <cstdlib>
#include <dlfcn.h>
#include <string>
#include <thread>

namespace {

using Flush = int (*)(int);

int flush_slowly(const char* name, int descriptor) {
    const char* setting = std::getenv("SLOW_FLUSH_MS");
    std::this_thread::sleep_for(std::chrono::milliseconds(setting != nullptr ? std::atol(setting) : 250));
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): dlsym's result is the next definition
    const auto real = reinterpret_cast<Flush>(dlsym(RTLD_NEXT, name));
    return real(descriptor);
}

} // namespace

// NOLINTNEXTLINE(readability-inconsistent-declaration-parameter-name): glibc names it __fd
extern "C" int fsync(int descriptor) {
    return flush_slowly("fsync", descriptor);
}

// NOLINTNEXTLINE(readability-inconsistent-declaration-parameter-name): glibc names it __fildes
extern "C" int fdatasync(int descriptor) {
    return flush_slowly("fdatasync", descriptor);
}
