# Initial cache for the fuzzing build: cmake -S . -B build-fuzz -G Ninja -C tests/fuzz/fuzz-cache.cmake
#
# Compiler: clang 16 or newer. clang 14 (Debian 12's default) cannot compile libstdc++ 12's <expected>: that
# header requires __cpp_concepts >= 202002L, and even with the macro forced clang 14 lacks P0848 (conditionally
# trivial destructors), so every std::expected<QString, …> has a deleted destructor. clang 16 implements P0848
# but still reports __cpp_concepts 201907L, hence the -D below.
if(NOT DEFINED CHECKIN_FUZZ_CXX)
  set(CHECKIN_FUZZ_CXX clang++-16)
endif()
set(CMAKE_CXX_COMPILER "${CHECKIN_FUZZ_CXX}" CACHE STRING "")
set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "")
set(CMAKE_CXX_FLAGS
    "-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -D__cpp_concepts=202002L -Wno-macro-redefined"
    CACHE STRING "")
set(CHECKIN_FUZZ ON CACHE BOOL "")
