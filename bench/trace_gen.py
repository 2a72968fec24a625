#!/usr/bin/python3
"""Generate a large, realistic Linux DMA trace for the import/check benchmarks.

Writes the same event stream as a tracefs `trace` text file (µs timestamps,
the header lines of /sys/kernel/tracing/trace) and, with --dat, as a
trace-cmd trace.dat (file version 6, uncompressed) whose headers (event
formats, header_page, kallsyms, options) are those of a real capture
(testdata/traces/strict-basic/trace.dat, converted with `trace-cmd convert
--file-version 6`), with its saved cmdlines replaced by the generated tasks.

The workload is modelled on testdata/traces/strict-basic (strict IOMMU,
Linux 6.12, 2 CPUs), one stream per device, interleaved in time:

  nvme   0000:00:01.0  dd/fio writes and reads: iommu:map per phys segment,
                       dma_map_sg (nents=N/N ents=1/1, NO_WARN); completion in
                       hardirq: dma_unmap_sg (phys_addrs) + iommu:unmap;
                       queue depth <= 32
  ahci   0000:00:1f.2  dma_map_sg of 512 B..64 KiB, queue depth <= 31
  xhci   0000:00:02.0  usb-storage: CBW dma_map_page TO_DEVICE 31, data
                       dma_map_sg, CSW dma_map_page FROM_DEVICE 13
  e1000e 0000:00:03.0, 0000:00:04.0
                       256-entry rx rings of dma_map_page FROM_DEVICE 1522
                       (refilled in softirq: iommu:unmap + dma_unmap_page,
                       iommu:map + dma_map_page), tx dma_map_page TO_DEVICE
  coherent rings       iommu:map + dma_alloc at start, dma_free at the end
  console lines        boot/driver messages at start, a few during the run

Physical buffers never overlap a live one (64 KiB slots of 1 GiB of RAM), so
a dma_unmap_sg's phys_addrs name one mapping. Every event has its own ns
timestamp in the trace.dat (strictly increasing; the text shows them truncated
to µs), so merging the per-CPU buffers gives the text's order exactly:
`trace-cmd report` of the .dat prints the .txt's events in the same order.

IOVAs are allocated per device (one IOMMU domain each) top-down from
0x100000000 with size-aligned ranges and per-size LIFO caches of freed ranges
(like the IOVA rcache), so addresses are reused as on a real system. The live
set is bounded (rings + queue depths), so a streaming importer's memory must
stay bounded too. At the end every outstanding request completes and the NICs
go link-down (rx buffers unmapped, rings freed): no leak is left.

  bench/trace_gen.py --events 10000000 --text /var/tmp/dmabench/trace-10M.txt \\
      --dat /var/tmp/dmabench/trace-10M.dat

Prints the event counts per kind on stderr. Deterministic for a given --seed.
"""
import argparse
import heapq
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_TEMPLATE = os.path.join(HERE, "..", "testdata", "traces", "strict-basic", "trace.dat")

DIRS = {"BIDIRECTIONAL": 0, "TO_DEVICE": 1, "FROM_DEVICE": 2}
ATTR_NO_WARN = 1 << 8
GFP_KERNEL = 0xcc0
# text irq/preempt column -> (common_flags, common_preempt_count)
FLAGS = {
    ".....": (0x00, 0x00),
    "d..1.": (0x01, 0x01),
    "..s1.": (0x10, 0x01),
    "..s..": (0x10, 0x00),
    "d.h1.": (0x09, 0x01),
    "d.h2.": (0x09, 0x02),
    "d.H1.": (0x19, 0x01),
    "d....": (0x01, 0x00),
}

PAGE = 4096
PHYS_SLOTS = 1 << 14  # 1 GiB of RAM in 64 KiB slots
RB_DATA = PAGE - 16


def hexarr(vals):
    return "{" + ",".join("0x%x" % v for v in vals) + "}"


class DatWriter:
    """Per-CPU ring-buffer pages, as the kernel writes them."""

    def __init__(self, ncpus, tmpdir, template):
        self.ncpus = ncpus
        self._load_template(template)
        self.files = [open(os.path.join(tmpdir, "cpu%d.pages" % c), "wb+") for c in range(ncpus)]
        self.page = [bytearray() for _ in range(ncpus)]
        self.page_ts = [0] * ncpus
        self.last_ts = [0] * ncpus
        self.pages = [0] * ncpus

    def _flush(self, cpu):
        data = self.page[cpu]
        if not data:
            return
        hdr = struct.pack("<QQ", self.page_ts[cpu], len(data))
        self.files[cpu].write(hdr + data + bytes(RB_DATA - len(data)))
        self.pages[cpu] += 1
        self.page[cpu] = bytearray()

    def add(self, cpu, ts_ns, payload):
        n = len(payload)
        pad = (-n) & 3
        la = n + pad
        if la <= 112:
            need = 4 + la
        else:
            need = 8 + la
        page = self.page[cpu]
        delta = ts_ns - self.last_ts[cpu]
        ext = delta >= (1 << 27)
        if not page or len(page) + need + (8 if ext else 0) > RB_DATA:
            self._flush(cpu)
            page = self.page[cpu]
            self.page_ts[cpu] = ts_ns
            delta = 0
            ext = False
        if ext:
            page += struct.pack("<II", 30 | ((delta & ((1 << 27) - 1)) << 5), delta >> 27)
            delta = 0
        if la <= 112:
            page += struct.pack("<I", (la >> 2) | (delta << 5))
        else:
            page += struct.pack("<II", delta << 5, la + 4)
        page += payload
        if pad:
            page += bytes(pad)
        self.last_ts[cpu] = ts_ns

    def _load_template(self, template):
        with tempfile.NamedTemporaryFile(suffix=".dat") as v6:
            subprocess.run(["trace-cmd", "convert", "-i", template, "-o", v6.name, "--file-version", "6",
                            "--compression", "none"], check=True, capture_output=True)
            data = open(v6.name, "rb").read()
        fly = data.index(b"flyrecord\0")
        # saved cmdlines: u64 size + "pid comm\n"..., right before the u32 CPU count
        cm = None
        probe = data.find(b" kworker/u8:0\n")
        for p in range(probe, max(probe - 200000, 0), -1):
            size = struct.unpack_from("<Q", data, p)[0]
            if 0 < size < 1 << 20 and p + 8 + size <= fly and data[p + 8 + size - 1:p + 8 + size] == b"\n" \
                    and 0 < struct.unpack_from("<I", data, p + 8 + size)[0] <= 1024 \
                    and data[p + 8:p + 9].isdigit():
                cm = (p, p + 8 + size)
                break
        if cm is None:
            sys.exit("trace_gen: saved cmdlines not found in %s" % template)
        if struct.unpack_from("<I", data, cm[1])[0] != self.ncpus:
            sys.exit("trace_gen: --cpus must be the template's CPU count (%d) with --dat"
                     % struct.unpack_from("<I", data, cm[1])[0])
        self.template, self.cm, self.fly = data, cm, fly

    def finish(self, out_path, cmdlines):
        for c in range(self.ncpus):
            self._flush(c)
        data, cm, fly = self.template, self.cm, self.fly
        text = "".join("%d %s\n" % (pid, comm) for pid, comm in sorted(cmdlines) if pid).encode()
        header = bytearray(data[:cm[0]] + struct.pack("<Q", len(text)) + text + data[cm[1]:fly + len(b"flyrecord\0")])
        first = (len(header) + 16 * self.ncpus + PAGE - 1) // PAGE * PAGE
        off = first
        for c in range(self.ncpus):
            size = self.pages[c] * PAGE
            header += struct.pack("<QQ", off, size)
            off += size
        header += bytes(first - len(header))
        with open(out_path, "wb") as out:
            out.write(header)
            for f in self.files:
                f.flush()
                f.seek(0)
                shutil.copyfileobj(f, out, 16 << 20)
                f.close()
                os.unlink(f.name)


class Trace:
    def __init__(self, text_path, dat, ncpus):
        self.out = open(text_path, "w", buffering=16 << 20) if text_path else None
        self.dat = dat
        self.ncpus = ncpus
        self.count = 0
        self.last = 0
        self.sub = 0            # ns within the µs: every event has its own ns timestamp
        self.kinds = {}
        self.tasks = set()
        self.ids = {}

    def header(self, placeholder):
        if not self.out:
            return
        self.out.write("# tracer: nop\n#\n")
        self.header_at = self.out.tell()
        self.out.write("# entries-in-buffer/entries-written: %s/%s   #P:%d\n" % (placeholder, placeholder, self.ncpus))
        self.out.write("#\n"
                       "#                                _-----=> irqs-off/BH-disabled\n"
                       "#                               / _----=> need-resched\n"
                       "#                              | / _---=> hardirq/softirq\n"
                       "#                              || / _--=> preempt-depth\n"
                       "#                              ||| / _-=> migrate-disable\n"
                       "#                              |||| /     delay\n"
                       "#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION\n"
                       "#              | |         |   |||||     |         |\n")

    def _emit(self, ts, task, cpu, flags, name, body, payload_fn):
        comm, pid = task
        if ts <= self.last:     # the merged view never goes back in time
            ts = self.last
            if self.sub < 999:
                self.sub += 1
        else:
            self.sub = 0
        self.last = ts
        self.count += 1
        self.kinds[name] = self.kinds.get(name, 0) + 1
        if self.out:
            self.out.write("%16s-%-7d [%03d] %s %5d.%06d: %s: %s\n" % (comm, pid, cpu, flags, ts // 1000000, ts % 1000000, name, body))
        if self.dat:
            self.tasks.add(task)
            f, pc = FLAGS[flags]
            self.dat.add(cpu, ts * 1000 + self.sub, struct.pack("<HBBi", self.ids[name], f, pc, pid) + payload_fn())

    # --- the events (text body and binary record of each) ---
    @staticmethod
    def _dyn(fixed, *items):
        """__data_loc items after a fixed part of `fixed` bytes: (locs, blob)."""
        locs, blob, off = [], b"", fixed
        for it in items:
            locs.append(off | (len(it) << 16))
            blob += it
            off += len(it)
        return locs, blob

    def console(self, ts, task, cpu, msg):
        def p():
            locs, blob = self._dyn(12, msg.encode() + b"\0")
            return struct.pack("<I", locs[0]) + blob
        self._emit(ts, task, cpu, "d....", "console", msg, p)

    def iommu_map(self, ts, task, cpu, flags, iova, paddr, size):
        self._emit(ts, task, cpu, flags, "map",
                   "IOMMU: iova=0x%016x - 0x%016x paddr=0x%016x size=%d" % (iova, iova + size, paddr, size),
                   lambda: struct.pack("<QQQ", iova, paddr, size))

    def iommu_unmap(self, ts, task, cpu, flags, iova, size):
        self._emit(ts, task, cpu, flags, "unmap",
                   "IOMMU: iova=0x%016x - 0x%016x size=%d unmapped_size=%d" % (iova, iova + size, size, size),
                   lambda: struct.pack("<QQQ", iova, size, size))

    def map_page(self, ts, task, cpu, flags, dev, d, dma, size, phys):
        def p():
            locs, blob = self._dyn(56, dev.encode() + b"\0")
            return struct.pack("<I4xQQQI4xQ", locs[0], phys, dma, size, DIRS[d], 0) + blob
        self._emit(ts, task, cpu, flags, "dma_map_page",
                   "%s dir=%s dma_addr=%x size=%d phys_addr=%x attrs=" % (dev, d, dma, size, phys), p)

    def unmap_page(self, ts, task, cpu, flags, dev, d, dma, size):
        def p():
            locs, blob = self._dyn(48, dev.encode() + b"\0")
            return struct.pack("<I4xQQI4xQ", locs[0], dma, size, DIRS[d], 0) + blob
        self._emit(ts, task, cpu, flags, "dma_unmap_page",
                   "%s dir=%s dma_addr=%x size=%d attrs=" % (dev, d, dma, size), p)

    def map_sg(self, ts, task, cpu, flags, dev, d, phys, dmas, lens, attrs):
        n, e = len(phys), len(dmas)

        def p():
            locs, blob = self._dyn(48, dev.encode() + b"\0", struct.pack("<%dQ" % n, *phys),
                                   struct.pack("<%dQ" % e, *dmas), struct.pack("<%dI" % e, *lens))
            return struct.pack("<IiiB3xIIIIQ", locs[0], n, e, 0, locs[1], locs[2], locs[3], DIRS[d], attrs) + blob
        self._emit(ts, task, cpu, flags, "dma_map_sg",
                   "%s dir=%s nents=%d/%d ents=%d/%d dma_addrs=%s sizes=%s phys_addrs=%s attrs=%s"
                   % (dev, d, n, n, e, e, hexarr(dmas), hexarr(lens), hexarr(phys),
                      "NO_WARN" if attrs & ATTR_NO_WARN else ""), p)

    def unmap_sg(self, ts, task, cpu, flags, dev, d, phys):
        n = len(phys)

        def p():
            locs, blob = self._dyn(32, dev.encode() + b"\0", struct.pack("<%dQ" % n, *phys))
            return struct.pack("<IIIIQ", locs[0], locs[1], DIRS[d], 0, 0) + blob
        self._emit(ts, task, cpu, flags, "dma_unmap_sg",
                   "%s dir=%s phys_addrs=%s attrs=" % (dev, d, hexarr(phys)), p)

    def alloc(self, ts, task, cpu, dev, dma, size, virt):
        def p():
            locs, blob = self._dyn(56, dev.encode() + b"\0")
            return struct.pack("<I4xQQQIIQ", locs[0], virt, dma, size, GFP_KERNEL, 0, 0) + blob
        self._emit(ts, task, cpu, ".....", "dma_alloc",
                   "%s dir=BIDIRECTIONAL dma_addr=%x size=%d virt_addr=%016x flags=GFP_KERNEL attrs=" % (dev, dma, size, virt), p)

    def free(self, ts, task, cpu, dev, dma, size, virt):
        def p():
            locs, blob = self._dyn(56, dev.encode() + b"\0")
            return struct.pack("<I4xQQQI4xQ", locs[0], virt, dma, size, 0, 0) + blob
        self._emit(ts, task, cpu, ".....", "dma_free",
                   "%s dir=BIDIRECTIONAL dma_addr=%x size=%d virt_addr=%016x attrs=" % (dev, dma, size, virt), p)


class Iovad:
    """Per-domain IOVA allocator: top-down, size-aligned, LIFO caches of freed ranges."""

    def __init__(self):
        self.next = 1 << 32
        self.cache = {}

    def alloc(self, size):
        size = max(PAGE, 1 << (size - 1).bit_length())
        c = self.cache.get(size)
        if c:
            return c.pop(), size
        self.next = (self.next - size) & ~(size - 1)
        return self.next, size

    def free(self, iova, size):
        self.cache.setdefault(size, []).append(iova)


class Gen:
    def __init__(self, args, trace):
        self.t = trace
        self.rng = random.Random(args.seed)
        self.now = 1000000 * 12  # µs: after a 12 s boot
        self.pending = []        # (ts, seq, callback)
        self.seq = 0
        self.dom = {}
        self.live_slots = set()   # 64 KiB slots of the 1 GiB of RAM holding a live buffer

    def iovad(self, dev):
        return self.dom.setdefault(dev, Iovad())

    def page(self, pages=1):
        """Physical pages for a new buffer, never overlapping a live one (as the page allocator)."""
        while True:
            slot = self.rng.randrange(0x100, PHYS_SLOTS)
            if slot not in self.live_slots:
                self.live_slots.add(slot)
                return (slot << 16) + (self.rng.randrange(0, 17 - pages) << 12)

    def release(self, phys):
        self.live_slots.discard(phys >> 16)

    def later(self, ts, fn):
        self.seq += 1
        heapq.heappush(self.pending, (ts, self.seq, fn))

    def run_due(self, upto):
        while self.pending and self.pending[0][0] <= upto:
            ts, _, fn = heapq.heappop(self.pending)
            fn(ts)

    def tick(self, us):
        self.now = max(self.now, self.t.last) + us
        self.run_due(self.now)
        return self.now

    # ---- mapping helpers (IOMMU map per segment, then the DMA event) ----
    def map_single(self, ts, task, cpu, flags, dev, d, phys, size):
        off = phys & (PAGE - 1)
        span = (off + size + PAGE - 1) & ~(PAGE - 1)
        iova, isize = self.iovad(dev).alloc(span)
        self.t.iommu_map(ts, task, cpu, flags, iova, phys - off, span)
        self.t.map_page(ts, task, cpu, flags, dev, d, iova + off, size, phys)
        return (iova, isize, span, phys)

    def unmap_single(self, ts, task, cpu, flags, dev, d, dma, size, alloc):
        iova, isize, span, phys = alloc
        self.t.iommu_unmap(ts, task, cpu, flags, iova, span)
        self.t.unmap_page(ts, task, cpu, flags, dev, d, dma, size)
        self.iovad(dev).free(iova, isize)
        self.release(phys)

    def map_sg(self, ts, task, cpu, flags, dev, d, seg_sizes, attrs):
        total = sum(seg_sizes)
        span = sum((s + PAGE - 1) & ~(PAGE - 1) for s in seg_sizes)
        iova, isize = self.iovad(dev).alloc(span)
        phys, at = [], iova
        for s in seg_sizes:
            pages = (s + PAGE - 1) // PAGE
            p = self.page(pages)
            if s < PAGE and len(seg_sizes) == 1:
                p += self.rng.randrange(0, (PAGE - s) // 0x200 + 1) * 0x200
            phys.append(p)
            self.t.iommu_map(ts, task, cpu, flags, at, p & ~(PAGE - 1), pages * PAGE)
            at += pages * PAGE
        self.t.map_sg(ts, task, cpu, flags, dev, d, phys, [iova + (phys[0] & (PAGE - 1))], [total], attrs)
        return (iova, isize, span, phys)

    def unmap_sg(self, ts, task, cpu, flags, dev, d, m):
        iova, isize, span, phys = m
        self.t.unmap_sg(ts, task, cpu, flags, dev, d, phys)
        self.t.iommu_unmap(ts, task, cpu, flags, iova, span)
        self.iovad(dev).free(iova, isize)
        for p in phys:
            self.release(p)


IDLE = ("<idle>", 0)
def ksoftirqd(cpu):
    return ("ksoftirqd/%d" % cpu, 17 + 7 * cpu)
DD_TASKS = [("dd", 3140 + i) for i in range(6)] + [("fio", 4101 + i) for i in range(4)]
KWORKERS = [("kworker/u8:0", 12), ("kworker/u8:5", 211), ("kworker/1:1", 46), ("kworker/0:2", 88)]
USB = ("usb-storage", 295)
SCSI_EH = ("scsi_eh_0", 198)
NET_TASKS = [("iperf3", 5120), ("iperf3", 5121), ("ping", 391), ("sshd", 877)]
INIT = ("init", 1)
INSMOD = ("insmod", 307)

BOOT_CONSOLE = [
    "nvme nvme0: pci function 0000:00:01.0",
    "nvme nvme0: 2/0/0 default/read/poll queues",
    " nvme0n1: p1",
    "ahci 0000:00:1f.2: AHCI vers 0001.0000, 32 command slots, 1.5 Gbps, SATA mode",
    "xhci_hcd 0000:00:02.0: xHCI Host Controller",
    "usb-storage 1-1:1.0: USB Mass Storage device detected",
    "e1000e 0000:00:03.0 eth0: (PCI Express:2.5GT/s:Width x1) 52:54:00:00:77:01",
    "e1000e 0000:00:04.0 eth1: (PCI Express:2.5GT/s:Width x1) 52:54:00:00:77:02",
    "e1000e 0000:00:03.0 eth0: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: Rx/Tx",
    "e1000e 0000:00:04.0 eth1: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: Rx/Tx",
]
RUN_CONSOLE = [
    "perf: interrupt took too long (2506 > 2500), lowering kernel.perf_event_max_sample_rate to 79750",
    "hrtimer: interrupt took 1123456 ns",
    "EXT4-fs (nvme0n1p1): mounted filesystem 3d8c1f5e-0c1b-4c49-a7a4-51e3c2f0e2a1 r/w with ordered data mode. Quota mode: none.",
    "sd 2:0:0:0: [sdb] Write cache: enabled, read cache: enabled, doesn't support DPO or FUA",
    "e1000e 0000:00:03.0 eth0: Detected Hardware Unit Hang:",
    "workqueue: blk_mq_run_work_fn hogged CPU for >10000us 4 times, consider switching to WQ_UNBOUND",
]


def generate(args, t):
    g = Gen(args, t)
    rng = g.rng
    ncpus = t.ncpus
    nets = ["0000:00:03.0", "0000:00:04.0"]
    nvme, ahci, xhci = "0000:00:01.0", "0000:00:1f.2", "0000:00:02.0"
    coherent = []

    # --- module load: console lines, coherent rings (iommu:map + dma_alloc) ---
    ts = g.now
    for msg in BOOT_CONSOLE:
        ts += rng.randrange(50, 3000)
        t.console(ts, INSMOD, rng.randrange(ncpus), msg)
    for dev, sizes in ((nvme, [512, 2048, 4096, 4096, 65536, 16384, 65536, 16384]),
                       (ahci, [1024, 256, 4096 * 8]),
                       (xhci, [4096, 64, 1024, 4096, 4096, 2048] * 6),
                       (nets[0], [4096, 8192, 4096]), (nets[1], [4096, 8192, 4096])):
        for size in sizes:
            ts += rng.randrange(2, 40)
            span = (size + PAGE - 1) & ~(PAGE - 1)
            iova, isize = g.iovad(dev).alloc(span)
            for k in range(span // PAGE):
                t.iommu_map(ts, INSMOD, 0, ".....", iova + k * PAGE, g.page(), PAGE)
            virt = 0xffff888000000000 | (rng.getrandbits(30) << 6)
            t.alloc(ts, INSMOD, 0, dev, iova, size, virt)
            coherent.append((dev, iova, isize, span, size, virt))

    # --- NIC rx rings: 256 x 1522 B FROM_DEVICE each, always mapped ---
    rings = {}
    for dev in nets:
        ring = []
        for i in range(256):
            ts += 3
            phys = g.page() + rng.choice((0x040, 0x840))
            a = g.map_single(ts, INSMOD, 1, ".....", dev, "FROM_DEVICE", phys, 1522)
            ring.append((a[0] + (phys & 0xfff), a))
        rings[dev] = ring
    g.now = ts + 1000

    inflight = {nvme: 0, ahci: 0, xhci: 0}
    rx_next = {d: 0 for d in nets}

    def complete_sg(dev, d, m, task=None, flags=None):
        def fn(ts):
            cpu = rng.randrange(ncpus)
            t_ = task or IDLE
            g.unmap_sg(ts, t_, cpu, flags or rng.choice(("d.h1.", "d.H1.", "d.h2.")), dev, d, m)
            inflight[dev] -= 1
        return fn

    def nvme_io(ts):
        task = rng.choice(DD_TASKS)
        cpu = task[1] % ncpus
        d = rng.choice(("TO_DEVICE", "FROM_DEVICE"))
        nseg = rng.choice((1, 1, 2, 4, 5, 8, 16, 32))
        segs = [PAGE * rng.choice((1, 1, 1, 2, 4, 11)) for _ in range(nseg)]
        while sum(segs) > 512 * 1024:
            segs.pop()
        m = g.map_sg(ts, task, cpu, ".....", nvme, d, segs, ATTR_NO_WARN)
        inflight[nvme] += 1
        g.later(ts + rng.randrange(20, 900), complete_sg(nvme, d, m))

    def ahci_io(ts):
        task = rng.choice(KWORKERS + [SCSI_EH])
        cpu = rng.randrange(ncpus)
        d = rng.choice(("TO_DEVICE", "FROM_DEVICE"))
        n = rng.choice((1, 1, 2, 3))
        # sub-page segments only alone: iommu-dma merges page-aligned segments into one IOVA range
        segs = [rng.choice((0x200, 0x1000, 0x1000, 0x2000, 0x10000) if n == 1 else (0x1000, 0x2000, 0x10000))
                for _ in range(n)]
        m = g.map_sg(ts, task, cpu, ".....", ahci, d, segs, 0)
        inflight[ahci] += 1
        g.later(ts + rng.randrange(100, 3000), complete_sg(ahci, d, m))

    def usb_io(ts):
        cpu = rng.randrange(ncpus)
        d = rng.choice(("TO_DEVICE", "FROM_DEVICE"))
        cbw_phys = g.page() + 0x548
        cbw = g.map_single(ts, USB, cpu, ".....", xhci, "TO_DEVICE", cbw_phys, 31)
        segs = [PAGE] * rng.choice((1, 2, 8, 16))
        m = g.map_sg(ts + 1, USB, cpu, ".....", xhci, d, segs, 0)
        csw_phys = g.page() + 0x080
        csw = g.map_single(ts + 2, USB, cpu, ".....", xhci, "FROM_DEVICE", csw_phys, 13)
        inflight[xhci] += 1
        c = rng.randrange(ncpus)
        done = ts + rng.randrange(200, 2000)

        def fn(ts2):
            k = ksoftirqd(c)
            g.unmap_single(ts2, k, c, "..s..", xhci, "TO_DEVICE", cbw[0] + 0x548, 31, cbw)
            g.unmap_sg(ts2 + 1, USB, c, ".....", xhci, d, m)
            g.unmap_single(ts2 + 2, k, c, "..s..", xhci, "FROM_DEVICE", csw[0] + 0x080, 13, csw)
            inflight[xhci] -= 1
        g.later(done, fn)

    def net_rx(ts):
        dev = rng.choice(nets)
        ring = rings[dev]
        i = rx_next[dev]
        rx_next[dev] = (i + 1) % len(ring)
        cpu = rng.randrange(ncpus)
        task = rng.choice((IDLE, IDLE, ksoftirqd(cpu)))
        dma, a = ring[i]
        g.unmap_single(ts, task, cpu, "..s1.", dev, "FROM_DEVICE", dma, 1522, a)
        phys = g.page() + rng.choice((0x040, 0x840))
        a = g.map_single(ts + 1, task, cpu, "..s1.", dev, "FROM_DEVICE", phys, 1522)
        ring[i] = (a[0] + (phys & 0xfff), a)

    def net_tx(ts):
        dev = rng.choice(nets)
        task = rng.choice(NET_TASKS)
        cpu = rng.randrange(ncpus)
        size = rng.choice((1514, 1514, 1442, 90, 66, 42))
        phys = g.page() + rng.randrange(0, (PAGE - size) // 2) * 2
        a = g.map_single(ts, task, cpu, ".....", dev, "TO_DEVICE", phys, size)
        dma = a[0] + (phys & 0xfff)
        c = rng.randrange(ncpus)

        def fn(ts2):
            g.unmap_single(ts2, rng.choice((IDLE, ksoftirqd(c))), c, "..s1.", dev, "TO_DEVICE", dma, size, a)
        g.later(ts + rng.randrange(10, 400), fn)

    streams = [(nvme_io, 30, nvme, 32), (ahci_io, 8, ahci, 31), (usb_io, 4, xhci, 4),
               (net_rx, 35, None, 0), (net_tx, 23, None, 0)]
    table = []
    for fn, w, dev, depth in streams:
        table += [(fn, dev, depth)] * w
    target = args.events
    next_console = 150000
    while t.count < target:
        ts = g.tick(rng.randrange(1, 12))
        fn, dev, depth = rng.choice(table)
        if dev is not None and inflight[dev] >= depth:
            continue
        fn(ts)
        if t.count >= next_console:
            next_console += rng.randrange(100000, 400000)
            g.tick(1)
            t.console(g.now, rng.choice(KWORKERS), rng.randrange(ncpus), rng.choice(RUN_CONSOLE))

    # --- the end: outstanding requests complete, NICs go link-down ---
    g.tick(5000)
    g.run_due(1 << 62)
    ts = max(g.now, t.last) + 10000
    for dev in nets:
        t.console(ts, ("ip", 393), 0, "e1000e %s eth%d: NIC Link is Down" % (dev, nets.index(dev)))
        for dma, a in rings[dev]:
            ts += 2
            g.unmap_single(ts, ("ip", 393), 0, ".....", dev, "FROM_DEVICE", dma, 1522, a)
    for dev, iova, isize, span, size, virt in coherent:
        ts += 3
        t.free(ts, ("ip", 393), 0, dev, iova, size, virt)
        t.iommu_unmap(ts, ("ip", 393), 0, ".....", iova, span)
    return g


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=10000000, help="at least this many events")
    ap.add_argument("--text", help="tracefs trace text output")
    ap.add_argument("--dat", help="trace.dat output (file version 6, uncompressed)")
    ap.add_argument("--template", default=DEFAULT_TEMPLATE, help="real trace.dat whose headers to use")
    ap.add_argument("--cpus", type=int, default=2, help="CPUs (with --dat: the template's, 2)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if not args.text and not args.dat:
        ap.error("need --text and/or --dat")
    dat = None
    tmpdir = None
    if args.dat:
        tmpdir = tempfile.mkdtemp(dir=os.path.dirname(os.path.abspath(args.dat)))
        try:
            dat = DatWriter(args.cpus, tmpdir, args.template)
        except SystemExit:
            os.rmdir(tmpdir)
            raise
    t = Trace(args.text, dat, args.cpus)
    if dat:
        ids = subprocess.run(["trace-cmd", "dump", "--events", args.template], capture_output=True, text=True).stdout
        name = None
        for line in ids.splitlines():
            if line.startswith("name: "):
                name = line[6:].strip()
            elif line.startswith("ID: ") and name:
                t.ids.setdefault(name, int(line[4:]))
        for n in ("map", "unmap", "dma_map_page", "dma_unmap_page", "dma_map_sg", "dma_unmap_sg",
                  "dma_alloc", "dma_free", "console"):
            if n not in t.ids:
                sys.exit("trace_gen: event %s not in %s" % (n, args.template))
    placeholder = "9" * len(str(args.events))
    t.header(placeholder)
    generate(args, t)
    if t.out:
        t.out.flush()
        n = str(t.count)
        if len(n) == len(placeholder):
            t.out.seek(t.header_at)
            t.out.write("# entries-in-buffer/entries-written: %s/%s   #P:%d\n" % (n, n, args.cpus))
        else:
            print("trace_gen: event count %s has another width than the header placeholder" % n, file=sys.stderr)
        t.out.close()
    if dat:
        cmdlines = {(pid, comm) for comm, pid in t.tasks}
        dat.finish(args.dat, cmdlines)
        os.rmdir(tmpdir)
    print("trace_gen: %d events" % t.count, file=sys.stderr)
    for k, v in sorted(t.kinds.items(), key=lambda kv: -kv[1]):
        print("  %-16s %d" % (k, v), file=sys.stderr)


if __name__ == "__main__":
    main()
