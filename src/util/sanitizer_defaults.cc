// Defaults the sanitizer runtime asks every program of a sanitizer build for
// (CMakeLists.txt compiles this into each program that links the library,
// MOSAIC_SANITIZE only).
//
// libpqxx 6.4 (Debian 12's) leaks the result of a statement the server cut
// short: PQexec hands it a PGresult, and the connection found broken makes it
// throw before the result is owned. Every PostgreSQL restart under a working
// process is one such leak (216 bytes and the 2 KiB block it points at,
// measured in tests/cluster_faults.sh's pgrestart case), which LeakSanitizer
// counts as the program failing. The suppression names that version's file
// only: leaks allocated in our own code or in any other library still fail.

extern "C" const char* __lsan_default_suppressions();  // NOLINT: the runtime's name

extern "C" const char* __lsan_default_suppressions() { return "leak:libpqxx-6.4.so\n"; }
