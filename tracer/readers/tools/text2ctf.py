#!/usr/bin/python3
"""Convert an ftrace text trace (tracefs `trace`) into a CTF trace directory
with babeltrace2's Python bindings (python3-bt2) and sink.ctf.fs.

The output has one event class per tracepoint with the kernel's field names
(from the 6.12 format files) and a 1 GHz clock, the shape a real CTF of these
events has. Two naming styles:
  --names perf    "dma:dma_map_page" plus common_pid/perf_cpu/perf_tid fields,
                  as `perf data convert --to-ctf` names and decorates them
  --names lttng   "dma_map_page", LTTng-style, with cpu_id in the packet
                  context (our own convention for a CTF without perf)
Used to make testdata/readers/ctf-from-sample from a slice of a real trace:
  /usr/bin/python3 tracer/readers/tools/text2ctf.py --names perf \\
      testdata/readers/sample-6.12-head2000.txt --lines 600 OUT_DIR
Run with the system python (/usr/bin/python3): bt2 is a Debian package.
"""
import argparse
import re
import sys

import bt2

HEAD = re.compile(r"^\s*(?P<comm>.*?)-(?P<pid>\d+)\s+(?:\(\s*[-\d]+\)\s+)?\[(?P<cpu>\d+)\]\s+"
                  r"(?:[^\s]+\s+)?(?P<sec>\d+)\.(?P<frac>\d+):\s+(?P<name>[\w:]+):\s?(?P<body>.*)$")

DIRS = {"BIDIRECTIONAL": 0, "TO_DEVICE": 1, "FROM_DEVICE": 2, "NONE": 3}

# Fields per tracepoint, in format-file order: (name, kind). Kinds: s string,
# u unsigned 64, i signed 64, au u64 array, a32 u32 array.
EVENTS = {
    ("dma", "dma_map_page"): [("device", "s"), ("phys_addr", "u"), ("dma_addr", "u"), ("size", "u"), ("dir", "i"), ("attrs", "u")],
    ("dma", "dma_unmap_page"): [("device", "s"), ("addr", "u"), ("size", "u"), ("dir", "i"), ("attrs", "u")],
    ("dma", "dma_alloc"): [("device", "s"), ("dma_addr", "u"), ("size", "u"), ("flags", "u"), ("dir", "i"), ("attrs", "u")],
    ("dma", "dma_free"): [("device", "s"), ("dma_addr", "u"), ("size", "u"), ("dir", "i"), ("attrs", "u")],
    ("dma", "dma_map_sg"): [("device", "s"), ("full_nents", "i"), ("full_ents", "i"), ("truncated", "u"),
                            ("phys_addrs", "au"), ("dma_addrs", "au"), ("lengths", "a32"), ("dir", "i"), ("attrs", "u")],
    ("dma", "dma_unmap_sg"): [("device", "s"), ("addrs", "au"), ("dir", "i"), ("attrs", "u")],
    ("iommu", "map"): [("iova", "u"), ("paddr", "u"), ("size", "u")],
    ("iommu", "unmap"): [("iova", "u"), ("size", "u"), ("unmapped_size", "u")],
    ("iommu", "add_device_to_group"): [("gid", "i"), ("device", "s")],
    ("iommu", "remove_device_from_group"): [("gid", "i"), ("device", "s")],
    ("iommu", "attach_device_to_domain"): [("device", "s")],
    ("printk", "console"): [("msg", "s")],
    ("ftrace", "print"): [("ip", "u"), ("buf", "s")],
}
TEXT_NAME = {"map": ("iommu", "map"), "unmap": ("iommu", "unmap"), "console": ("printk", "console"),
             "tracing_mark_write": ("ftrace", "print")}


def parse_array(text):
    text = text.strip("{}")
    return [int(x, 16) for x in text.split(",") if x]


def parse_line(line):
    m = HEAD.match(line)
    if not m:
        return None
    name = m.group("name").split(":")[-1]
    if name in TEXT_NAME:
        key = TEXT_NAME[name]
    elif name.startswith("dma_"):
        key = ("dma", name)
    else:
        key = ("iommu", name)
    if key not in EVENTS:
        return None
    frac = m.group("frac")
    ts = int(m.group("sec")) * 1_000_000_000 + int(frac.ljust(9, "0")[:9])
    body = m.group("body")
    values = {}
    if key == ("printk", "console"):
        values["msg"] = body
    elif key == ("ftrace", "print"):
        values["ip"] = 0
        values["buf"] = body
    else:
        tokens = body.split()
        if key[0] == "dma" and tokens:
            values["device"] = tokens[0]
        for tok in tokens:
            if "=" not in tok:
                continue
            k, v = tok.split("=", 1)
            if k == "dir":
                values["dir"] = DIRS.get(v, -1)
            elif k == "attrs":
                values["attrs"] = 0 if not v else (int(v, 16) if v.startswith("0x") else 0)
            elif k == "flags":
                values["flags"] = 0xCC0 if v == "GFP_KERNEL" else 0
            elif k in ("dma_addr", "phys_addr"):
                values["addr" if key == ("dma", "dma_unmap_page") and k == "dma_addr" else k] = int(v, 16)
            elif k in ("iova", "paddr"):
                values[k] = int(v, 16)
            elif k in ("size", "unmapped_size"):
                values[k] = int(v)
            elif k == "groupID":
                values["gid"] = int(v)
            elif k == "device":
                values["device"] = v
            elif k == "nents":
                values["full_nents"] = int(v.split("/")[1])
            elif k == "ents":
                values["full_ents"] = int(v.split("/")[1])
            elif k == "dma_addrs":
                values["dma_addrs"] = parse_array(v)
            elif k == "sizes":
                values["lengths"] = parse_array(v)
            elif k == "phys_addrs":
                values["addrs" if key == ("dma", "dma_unmap_sg") else "phys_addrs"] = parse_array(v)
        if "[TRUNCATED]" in tokens:
            values["truncated"] = 1
    return {"key": key, "ts": ts, "cpu": int(m.group("cpu")), "pid": int(m.group("pid")),
            "comm": m.group("comm").strip(), "values": values}


class Iterator(bt2._UserMessageIterator):
    def __init__(self, config, port):
        src = port.user_data
        self._msgs = iter(src.messages(self))

    def __next__(self):
        return next(self._msgs)


class TextSource(bt2._UserSourceComponent, message_iterator_class=Iterator):
    def __init__(self, config, params, obj):
        self._records = obj["records"]
        self._style = obj["style"]
        tc = self._create_trace_class()
        self._cc = self._create_clock_class(frequency=1_000_000_000, name="monotonic",
                                            origin_is_unix_epoch=False)
        pctx = tc.create_structure_field_class()
        pctx.append_member("cpu_id", tc.create_unsigned_integer_field_class(32))
        self._sc = tc.create_stream_class(default_clock_class=self._cc, supports_packets=True,
                                          packet_context_field_class=pctx,
                                          assigns_automatic_event_class_id=True)
        self._ecs = {}
        for key, fields in EVENTS.items():
            payload = tc.create_structure_field_class()
            if self._style == "perf":
                for common in ("common_type", "common_flags", "common_preempt_count"):
                    payload.append_member(common, tc.create_unsigned_integer_field_class(64))
                payload.append_member("common_pid", tc.create_signed_integer_field_class(64))
                for perf in ("perf_ip", "perf_tid", "perf_pid", "perf_id", "perf_period", "perf_cpu"):
                    payload.append_member(perf, tc.create_unsigned_integer_field_class(64))
            for name, kind in fields:
                if kind == "s":
                    fc = tc.create_string_field_class()
                elif kind == "u":
                    fc = tc.create_unsigned_integer_field_class(64)
                elif kind == "i":
                    fc = tc.create_signed_integer_field_class(64)
                else:
                    elem = tc.create_unsigned_integer_field_class(64 if kind == "au" else 32,
                                                                  preferred_display_base=16)
                    # No explicit length member: sink.ctf.fs writes its own
                    # (an explicit one made 2.0.4 write unreadable streams).
                    fc = tc.create_dynamic_array_field_class(elem)
                payload.append_member(name, fc)
            ec_name = "%s:%s" % key if self._style == "perf" else key[1]
            self._ecs[key] = self._sc.create_event_class(name=ec_name, payload_field_class=payload)
        self._trace = tc()
        self._add_output_port("out", self)

    def messages(self, it):
        # One stream and packet per CPU would be closer to LTTng; one stream
        # with cpu_id per packet keeps the fixture small. Records stay in
        # file order (already merged by time).
        streams = {}
        msgs = []
        pending = []
        for cpu in sorted({r["cpu"] for r in self._records}):
            stream = self._trace.create_stream(self._sc)
            packet = stream.create_packet()
            packet.context_field["cpu_id"] = cpu
            streams[cpu] = (stream, packet)
        first_ts = self._records[0]["ts"] if self._records else 0
        last_ts = self._records[-1]["ts"] if self._records else 0
        for cpu, (stream, packet) in streams.items():
            msgs.append(it._create_stream_beginning_message(stream))
            msgs.append(it._create_packet_beginning_message(packet))
        for r in self._records:
            stream, packet = streams[r["cpu"]]
            msg = it._create_event_message(self._ecs[r["key"]], packet, r["ts"])
            payload = msg.event.payload_field
            if self._style == "perf":
                payload["common_pid"] = r["pid"]
                payload["perf_tid"] = r["pid"]
                payload["perf_pid"] = r["pid"]
                payload["perf_cpu"] = r["cpu"]
            for name, kind in EVENTS[r["key"]]:
                value = r["values"].get(name)
                if kind in ("au", "a32"):
                    value = value or []
                    payload[name] = value
                elif kind == "s":
                    payload[name] = value or ""
                else:
                    payload[name] = value if value is not None else 0
            msgs.append(msg)
        for cpu, (stream, packet) in streams.items():
            msgs.append(it._create_packet_end_message(packet))
            msgs.append(it._create_stream_end_message(stream))
        return msgs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("trace")
    ap.add_argument("out_dir")
    ap.add_argument("--names", choices=("perf", "lttng"), default="perf")
    ap.add_argument("--lines", type=int, default=0, help="convert only the first N lines")
    ap.add_argument("--repeat", type=int, default=1,
                    help="repeat the events N times, shifted in time (for benchmarks)")
    args = ap.parse_args()
    records = []
    skipped = 0
    with open(args.trace, errors="replace") as f:
        for n, line in enumerate(f):
            if args.lines and n >= args.lines:
                break
            if line.startswith("#") or not line.strip():
                continue
            r = parse_line(line.rstrip("\n"))
            if r is None:
                skipped += 1
                continue
            records.append(r)
    if args.repeat > 1 and records:
        span = records[-1]["ts"] - records[0]["ts"] + 1_000_000_000
        base = list(records)
        for k in range(1, args.repeat):
            for r in base:
                copy = dict(r)
                copy["ts"] = r["ts"] + k * span
                records.append(copy)
    graph = bt2.Graph()
    src = graph.add_component(TextSource, "text", obj={"records": records, "style": args.names})
    sink = graph.add_component(bt2.find_plugin("ctf").sink_component_classes["fs"], "ctf",
                               params={"path": args.out_dir, "assume-single-trace": True, "quiet": True})
    graph.connect_ports(src.output_ports["out"], sink.input_ports["in"])
    graph.run()
    print("text2ctf: %d events, %d lines skipped -> %s" % (len(records), skipped, args.out_dir), file=sys.stderr)


if __name__ == "__main__":
    main()
