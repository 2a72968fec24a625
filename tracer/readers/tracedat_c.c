/* All libtracecmd / libtraceevent calls of the trace.dat reader (see
 * tracedat_c.h for why this is C). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* O_CLOEXEC, cpu_set_t (libtracecmd's API uses it) */
#endif
#include "tracedat_c.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <event-parse.h>

#if defined(__has_include)
#if __has_include(<tracefs.h>) && __has_include(<trace-cmd/trace-cmd.h>)
#include <trace-cmd/trace-cmd.h>
#define DMACHECK_HAVE_TRACE_CMD_H 1
#endif
#endif

#ifndef DMACHECK_HAVE_TRACE_CMD_H
/* Without libtracefs-dev the public header cannot be included: declare the
 * few calls we use exactly as libtracecmd 3.1 exports them. */
struct tracecmd_input;
struct tracecmd_input *tracecmd_open(const char *file, int flags);
void tracecmd_close(struct tracecmd_input *handle);
struct tep_handle *tracecmd_get_tep(struct tracecmd_input *handle);
int tracecmd_iterate_events(struct tracecmd_input *handle, cpu_set_t *cpus, int cpu_size,
                            int (*callback)(struct tracecmd_input *handle, struct tep_record *, int, void *),
                            void *callback_data);
void tracecmd_set_loglevel(enum tep_loglevel level);
enum { TRACECMD_FL_LOAD_NO_PLUGINS = 1 << 0, TRACECMD_FL_LOAD_NO_SYSTEM_PLUGINS = 1 << 1 };
#endif

/* Exported by libtracecmd.so.1 but declared only in its private header. */
const char *tracecmd_get_uname(struct tracecmd_input *handle);
const char *tracecmd_get_trace_clock(struct tracecmd_input *handle);
const char *tracecmd_get_version(struct tracecmd_input *handle);
const char *tracecmd_get_cpustats(struct tracecmd_input *handle);
int tracecmd_cpus(struct tracecmd_input *handle);
off_t tracecmd_get_cpu_file_size(struct tracecmd_input *handle, int cpu);

struct dmacheck_dat {
  struct tracecmd_input *handle;
  struct tep_handle *tep;
  int (*on_record)(void *ctx, const struct dmacheck_dat_record *rec);
  void *ctx;
};

static void set_err(char *err, size_t err_len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void set_err(char *err, size_t err_len, const char *fmt, ...) {
  if (!err || !err_len) return;
  va_list args;
  va_start(args, fmt);
  vsnprintf(err, err_len, fmt, args);
  va_end(args);
}

/* Checks what libtracecmd would otherwise trust blindly: the magic, the
 * "tracing" tag and a plausible size. */
static int precheck(const char *path, char *err, size_t err_len) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    set_err(err, err_len, "cannot open %s: %s", path, strerror(errno));
    return -1;
  }
  unsigned char head[16];
  ssize_t n = read(fd, head, sizeof head);
  struct stat st;
  int stat_ok = fstat(fd, &st) == 0;
  close(fd);
  if (n < 12 || memcmp(head, "\x17\x08\x44tracing", 10) != 0) {
    set_err(err, err_len, "%s: not a trace-cmd trace.dat (bad magic)", path);
    return -1;
  }
  if (stat_ok && st.st_size < 64) {
    set_err(err, err_len, "%s: truncated trace.dat", path);
    return -1;
  }
  return 0;
}

/* libtracecmd 3.1.6 can crash on corrupted headers (a SIGSEGV in the error
 * path of tracecmd_open_fd, seen with a few flipped bytes in the first 4 KiB).
 * Open the file once in a child process first: if that dies, report a
 * corrupted file instead of taking the importer down with it. */
static int probe_in_child(const char *path, char *err, size_t err_len) {
  pid_t child = fork();
  if (child < 0) return 0; /* cannot probe: go on and trust the library */
  if (child == 0) {
    tracecmd_set_loglevel(TEP_LOG_NONE);
    struct tracecmd_input *handle =
        tracecmd_open(path, TRACECMD_FL_LOAD_NO_PLUGINS | TRACECMD_FL_LOAD_NO_SYSTEM_PLUGINS);
    /* No tracecmd_close: its error paths are what crashes; the OS cleans up. */
    _exit(handle ? 0 : 1);
  }
  int status = 0;
  while (waitpid(child, &status, 0) < 0) {
    if (errno != EINTR) return 0;
  }
  if (WIFSIGNALED(status)) {
    set_err(err, err_len, "%s: corrupted trace.dat (libtracecmd crashed reading its headers, signal %d)", path,
            WTERMSIG(status));
    return -1;
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
    set_err(err, err_len, "%s: libtracecmd cannot read this trace.dat (truncated or corrupted?)", path);
    return -1;
  }
  return 0;
}

struct dmacheck_dat *dmacheck_dat_open(const char *path, char *err, size_t err_len) {
  if (precheck(path, err, err_len) != 0) return NULL;
  if (probe_in_child(path, err, err_len) != 0) return NULL;
  tracecmd_set_loglevel(TEP_LOG_NONE);
  /* No plugins: we decode fields ourselves and plugins only change printing. */
  struct tracecmd_input *handle =
      tracecmd_open(path, TRACECMD_FL_LOAD_NO_PLUGINS | TRACECMD_FL_LOAD_NO_SYSTEM_PLUGINS);
  if (!handle) {
    set_err(err, err_len, "%s: libtracecmd cannot read this trace.dat (truncated or corrupted?)", path);
    return NULL;
  }
  struct dmacheck_dat *dat = calloc(1, sizeof *dat);
  if (!dat) {
    tracecmd_close(handle);
    set_err(err, err_len, "%s: out of memory", path);
    return NULL;
  }
  dat->handle = handle;
  dat->tep = tracecmd_get_tep(handle);
  if (!dat->tep) {
    dmacheck_dat_close(dat);
    set_err(err, err_len, "%s: no event formats in trace.dat", path);
    return NULL;
  }
  return dat;
}

void dmacheck_dat_close(struct dmacheck_dat *dat) {
  if (!dat) return;
  if (dat->handle) tracecmd_close(dat->handle);
  free(dat);
}

const char *dmacheck_dat_uname(struct dmacheck_dat *dat) { return tracecmd_get_uname(dat->handle); }
const char *dmacheck_dat_clock(struct dmacheck_dat *dat) { return tracecmd_get_trace_clock(dat->handle); }
const char *dmacheck_dat_version(struct dmacheck_dat *dat) { return tracecmd_get_version(dat->handle); }
const char *dmacheck_dat_cpustats(struct dmacheck_dat *dat) { return tracecmd_get_cpustats(dat->handle); }
int dmacheck_dat_cpus(struct dmacheck_dat *dat) { return tracecmd_cpus(dat->handle); }
int dmacheck_dat_file_bigendian(struct dmacheck_dat *dat) { return tep_is_file_bigendian(dat->tep); }
int dmacheck_dat_long_size(struct dmacheck_dat *dat) { return tep_get_long_size(dat->tep); }

uint64_t dmacheck_dat_cpu_data_size(struct dmacheck_dat *dat, int cpu) {
  off_t size = tracecmd_get_cpu_file_size(dat->handle, cpu);
  return size > 0 ? (uint64_t)size : 0;
}

struct tep_event *dmacheck_dat_find_event(struct dmacheck_dat *dat, int event_id) {
  return tep_find_event(dat->tep, event_id);
}

const char *dmacheck_dat_comm(struct dmacheck_dat *dat, int pid) {
  return tep_data_comm_from_pid(dat->tep, pid);
}

int dmacheck_dat_symbol(struct dmacheck_dat *dat, uint64_t addr, char *buf, size_t buf_len) {
  const char *func = tep_find_function(dat->tep, addr);
  if (!func) return 0;
  unsigned long long start = tep_find_function_address(dat->tep, addr);
  if (addr > start) {
    snprintf(buf, buf_len, "%s+0x%llx", func, (unsigned long long)(addr - start));
  } else {
    snprintf(buf, buf_len, "%s", func);
  }
  return 1;
}

static int iterate_callback(struct tracecmd_input *handle, struct tep_record *record, int cpu, void *data) {
  (void)handle;
  struct dmacheck_dat *dat = data;
  struct dmacheck_dat_record rec;
  rec.ts = record->ts;
  rec.missed = record->missed_events;
  rec.data = record->data;
  rec.size = record->size;
  rec.offset = record->offset;
  rec.cpu = cpu;
  rec.pid = record->size >= 8 ? tep_data_pid(dat->tep, record) : -1;
  rec.event_id = record->size >= 2 ? tep_data_type(dat->tep, record) : -1;
  return dat->on_record(dat->ctx, &rec);
}

int dmacheck_dat_iterate(struct dmacheck_dat *dat,
                         int (*on_record)(void *ctx, const struct dmacheck_dat_record *rec), void *ctx) {
  dat->on_record = on_record;
  dat->ctx = ctx;
  int ret = tracecmd_iterate_events(dat->handle, NULL, 0, iterate_callback, dat);
  return ret < 0 ? -1 : 0;
}
