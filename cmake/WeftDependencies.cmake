# Finds every dependency from Debian 12's packages. A missing one stops configuration with one line
# that names the package to install (tools/scripts/setup.sh installs them all).

function(weft_require found package)
  if(NOT ${found})
    message(FATAL_ERROR "weft: missing dependency; install the Debian package '${package}' "
                        "(or run tools/scripts/setup.sh)")
  endif()
endfunction()

# LLVM/Clang 19. The hints are pinned: clang 14's packages may be installed too, and an unhinted
# find_package can pick either. The version is checked by hand because LLVM's version file reads
# "19" as 19.0 and rejects 19.1.x.
find_package(LLVM CONFIG QUIET HINTS /usr/lib/llvm-19/lib/cmake/llvm NO_DEFAULT_PATH)
weft_require(LLVM_FOUND llvm-19-dev)
if(NOT LLVM_VERSION_MAJOR EQUAL 19)
  message(FATAL_ERROR "weft: found LLVM ${LLVM_PACKAGE_VERSION}, need 19; install 'llvm-19-dev'")
endif()
find_package(Clang CONFIG QUIET HINTS /usr/lib/llvm-19/lib/cmake/clang NO_DEFAULT_PATH)
weft_require(Clang_FOUND libclang-19-dev)
find_program(WEFT_CLANG19 clang-19 HINTS /usr/lib/llvm-19/bin)
weft_require(WEFT_CLANG19 clang-19)
execute_process(COMMAND ${WEFT_CLANG19} -print-resource-dir
                OUTPUT_VARIABLE WEFT_CLANG_RESOURCE_DIR OUTPUT_STRIP_TRAILING_WHITESPACE)

# LibTooling users link the shared libraries (about 1 s a link; the static archives are not PIC).
add_library(weft_llvm INTERFACE)
target_include_directories(weft_llvm SYSTEM INTERFACE ${LLVM_INCLUDE_DIRS} ${CLANG_INCLUDE_DIRS})
target_compile_definitions(weft_llvm INTERFACE ${LLVM_DEFINITIONS})
target_link_libraries(weft_llvm INTERFACE clang-cpp LLVM)

find_package(nlohmann_json 3.11 QUIET)
weft_require(nlohmann_json_FOUND nlohmann-json3-dev)

find_package(GTest QUIET)
weft_require(GTest_FOUND libgtest-dev)
include(GoogleTest)

find_package(benchmark QUIET)
weft_require(benchmark_FOUND libbenchmark-dev)

find_package(Threads REQUIRED)

# Compilers the corpus and the runtime tests are built with.
find_program(WEFT_GXX g++)
weft_require(WEFT_GXX g++)
find_program(WEFT_CLANGXX clang++)
weft_require(WEFT_CLANGXX clang)

find_package(Python3 COMPONENTS Interpreter QUIET)
weft_require(Python3_FOUND python3)
execute_process(COMMAND ${Python3_EXECUTABLE} -c "import jsonschema" RESULT_VARIABLE weft_no_jsonschema
                OUTPUT_QUIET ERROR_QUIET)
if(weft_no_jsonschema)
  # Debian's python3-jsonschema lives in /usr/bin/python3; a pyenv python earlier on PATH lacks it.
  set(Python3_EXECUTABLE /usr/bin/python3)
  execute_process(COMMAND ${Python3_EXECUTABLE} -c "import jsonschema"
                  RESULT_VARIABLE weft_no_jsonschema OUTPUT_QUIET ERROR_QUIET)
  if(weft_no_jsonschema)
    set(weft_jsonschema_found FALSE)
  else()
    set(weft_jsonschema_found TRUE)
  endif()
  weft_require(weft_jsonschema_found python3-jsonschema)
endif()
set(WEFT_PYTHON ${Python3_EXECUTABLE} CACHE FILEPATH "python3 with the jsonschema module")
