#!/usr/bin/env python3
"""Code bytes per function and per group in a wasm built with --profiling-funcs (its "name"
section names the functions). A figure for the performance notes, not a test.

Usage: scripts/wasm_sizes.py <module.wasm> [top N]
Build one with: source scripts/lib.sh; stage_header_deps; ensure_imgui_source;
  web_build web-prof site -DCMAKE_BUILD_TYPE=Release -DCMAKE_EXE_LINKER_FLAGS=--profiling-funcs
"""
import re
import sys
from collections import Counter


def leb(data, at):
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def sections(data):
    at = 8  # magic and version
    while at < len(data):
        kind = data[at]
        size, at = leb(data, at + 1)
        yield kind, data[at:at + size]
        at += size


def imported_functions(payload):
    count, at = leb(payload, 0)
    functions = 0
    for _ in range(count):
        for _ in range(2):  # module and field names
            n, at = leb(payload, at)
            at += n
        kind = payload[at]
        at += 1
        if kind == 0:  # function: type index
            _, at = leb(payload, at)
            functions += 1
        elif kind == 1:  # table: element type, limits
            at += 1
            flags, at = leb(payload, at)
            _, at = leb(payload, at)
            if flags & 1:
                _, at = leb(payload, at)
        elif kind == 2:  # memory: limits
            flags, at = leb(payload, at)
            _, at = leb(payload, at)
            if flags & 1:
                _, at = leb(payload, at)
        elif kind == 3:  # global: value type, mutability
            at += 2
    return functions


def group_of(name):
    """The part of the program a function belongs to, from its demangled name."""
    if 'nlohmann' in name:
        return 'nlohmann::json'
    head = re.sub(r'^(?:[\w:<>*&, ]+? )?(?=[\w]+::)', '', name)  # drop a template's return type
    first = head.split('::')[0].split('(')[0].split('<')[0]
    if first == 'std':
        return 'libc++'
    if first.startswith('Im') or first.startswith('stb') or 'ImGui' in name:
        return 'ImGui (with stb)'
    if first in ('core', 'ui', 'web', 'data', 'fonts', 'shaders'):
        return first
    if '::' not in name and re.match(r'^[\w.$]+$', name):
        return 'libc and runtime'
    return 'other'


def main():
    data = open(sys.argv[1], 'rb').read()
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    imports, bodies, names, section_sizes = 0, [], {}, Counter()
    for kind, payload in sections(data):
        section_sizes[kind] += len(payload)
        if kind == 2:
            imports = imported_functions(payload)
        elif kind == 10:
            count, at = leb(payload, 0)
            for _ in range(count):
                size, at = leb(payload, at)
                bodies.append(size)
                at += size
        elif kind == 0:
            n, at = leb(payload, 0)
            if payload[at:at + n] != b'name':
                continue
            at += n
            while at < len(payload):
                sub = payload[at]
                size, at = leb(payload, at + 1)
                if sub == 1:
                    count, p = leb(payload, at)
                    for _ in range(count):
                        index, p = leb(payload, p)
                        length, p = leb(payload, p)
                        names[index] = payload[p:p + length].decode('utf-8', 'replace')
                        p += length
                at += size
    print(f"code section {section_sizes[10] / 1024:.1f} KB, data section {section_sizes[11] / 1024:.1f} KB")
    rows = [(size, names.get(imports + i, f'function {imports + i}')) for i, size in enumerate(bodies)]
    groups = Counter()
    for size, name in rows:
        groups[group_of(name)] += size
    print('by group (KB):', ', '.join(f'{k} {v / 1024:.1f}' for k, v in groups.most_common()))
    for size, name in sorted(rows, reverse=True)[:top]:
        print(f'{size / 1024:8.1f} KB  {name[:140]}')


main()
