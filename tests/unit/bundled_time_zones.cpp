// Points the test programs at the time zones that travel beside them where the build bundles them (Windows),
// as main() does for backup-request itself; elsewhere the system's database is used and this does nothing.
#include "backup_request/platform/folders.hpp"
#include "backup_request/time/time_zone.hpp"

namespace {

const bool time_zones_ready = [] {
    if (backup_request::time_zones_are_bundled()) {
        backup_request::use_bundled_time_zones(backup_request::platform::executable_folder());
    }
    return true;
}();

} // namespace
