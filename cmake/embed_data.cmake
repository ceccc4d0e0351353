# Writes a C++ file that holds the data/*.json files as raw string literals, so every build
# (native, wasm) carries its data and the page needs no extra request.
# Usage: cmake -DOUT=<file.cpp> -DFILES="a.json|b.json" -P embed_data.cmake
set(body "// Generated from data/*.json by cmake/embed_data.cmake. Do not edit.\n#include \"embedded_data.hpp\"\n\nnamespace data {\n\nconst std::vector<core::DataFile>& embedded_files() {\n    static const std::vector<core::DataFile> files = {\n")
string(REPLACE "|" ";" FILES "${FILES}")
foreach(path IN LISTS FILES)
  file(READ "${path}" content)
  get_filename_component(name "${path}" NAME)
  string(FIND "${content}" ")DATA\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${name} contains the raw-string delimiter )DATA\"")
  endif()
  string(APPEND body "        {\"${name}\", R\"DATA(${content})DATA\"},\n")
endforeach()
string(APPEND body "    };\n    return files;\n}\n\n}  // namespace data\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
