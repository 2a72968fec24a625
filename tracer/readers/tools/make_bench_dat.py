#!/usr/bin/python3
"""Make a large trace.dat for reader benchmarks from a small real one.

trace-cmd cannot record here (no tracefs in the container), so this takes a
real capture, converts it to the uncompressed file version 6
(`trace-cmd convert --file-version 6`), and repeats each CPU's ring-buffer
pages N times, shifting every page's timestamp so time keeps increasing.
The headers (formats, kallsyms, cmdlines) stay those of the real file.

  tracer/readers/tools/make_bench_dat.py testdata/traces/strict-basic/trace.dat 200 /tmp/big.dat
  time trace-cmd report /tmp/big.dat > /dev/null
  build/bin/dmacheck-read-trace /tmp/big.dat
"""
import struct
import subprocess
import sys
import tempfile

PAGE = 4096


def main():
    src_path, repeat, out_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with tempfile.NamedTemporaryFile(suffix=".dat") as v6:
        subprocess.run(["trace-cmd", "convert", "-i", src_path, "-o", v6.name, "--file-version", "6",
                        "--compression", "none"], check=True, capture_output=True)
        data = open(v6.name, "rb").read()
    # "flyrecord\0" is followed by (offset, size) per CPU.
    at = data.index(b"flyrecord\0") + len(b"flyrecord\0")
    cpus = []
    while True:
        offset, size = struct.unpack_from("<QQ", data, at + 16 * len(cpus))
        if offset == 0 or offset % PAGE or offset + size > len(data) or len(cpus) > 1024:
            break
        cpus.append((offset, size))
        if len(cpus) > 1 and offset != cpus[-2][0] + cpus[-2][1]:
            cpus.pop()
            break
    first = cpus[0][0]
    end = cpus[-1][0] + cpus[-1][1]
    header = bytearray(data[:first])
    shift = 20_000_000_000  # ns per copy, longer than any capture here
    new_offset = first
    for i, (offset, size) in enumerate(cpus):
        struct.pack_into("<QQ", header, at + 16 * i, new_offset, size * repeat)
        new_offset += size * repeat
    with open(out_path, "wb") as out:
        out.write(header)
        for offset, size in cpus:
            chunk = data[offset:offset + size]
            for k in range(repeat):
                pages = bytearray(chunk)
                for p in range(0, len(pages), PAGE):
                    ts, = struct.unpack_from("<Q", pages, p)
                    if ts:
                        struct.pack_into("<Q", pages, p, ts + k * shift)
                out.write(pages)
        out.write(data[end:])
    print("make_bench_dat: %d CPUs x %d copies -> %s" % (len(cpus), repeat, out_path), file=sys.stderr)


if __name__ == "__main__":
    main()
