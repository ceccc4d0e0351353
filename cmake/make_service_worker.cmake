# Writes <site>/sw.js from web/sw.template.js: the files the page needs offline, each with the
# SHA-256 of its bytes (the worker caches and serves only matching bytes), and a cache version
# made from those hashes, so each deployment gets its own complete cache.
# Usage: cmake -DSITE=<site dir> -DTEMPLATE=<web/sw.template.js> -P make_service_worker.cmake
set(files index.html embed.html dosechecker.js dosechecker.wasm web/style.css web/semantics.js web/bridge.js web/manifest.webmanifest
    web/icons/icon-192.png web/icons/icon-512.png web/icons/icon-maskable-512.png)
set(hashes "")
set(list "")
foreach(f IN LISTS files)
  if(NOT EXISTS "${SITE}/${f}")
    message(FATAL_ERROR "service worker: ${SITE}/${f} is missing")
  endif()
  file(SHA256 "${SITE}/${f}" h)
  string(APPEND hashes "${f}:${h}\n")
  string(APPEND list "'./${f}': '${h}', ")
endforeach()
string(SHA256 version "${hashes}")
string(SUBSTRING "${version}" 0 16 version)
file(READ "${TEMPLATE}" sw)
string(REPLACE "__CACHE_VERSION__" "${version}" sw "${sw}")
string(REPLACE "__PRECACHE_FILES__" "{${list}}" sw "${sw}")
file(WRITE "${SITE}/sw.js" "${sw}")
file(REMOVE "${SITE}/web/sw.template.js")
message(STATUS "service worker cache version ${version}")
