/* The tiny C interface between tracedat_reader.cpp and libtracecmd.
 *
 * libtracecmd's trace-cmd.h includes tracefs.h, which does not compile as
 * C++, so every libtracecmd/libtraceevent call lives in tracedat_c.c. This
 * header is plain C with no library types: the C++ side sees records as raw
 * bytes and decodes fields by the layouts it asks for once per event id. */
#ifndef DMACHECK_TRACER_READERS_TRACEDAT_C_H
#define DMACHECK_TRACER_READERS_TRACEDAT_C_H

#include <stddef.h>
#include <stdint.h>

#include "tep_format_c.h" /* struct dmacheck_dat_field, tep_event helpers */

#ifdef __cplusplus
extern "C" {
#endif

struct dmacheck_dat;

/* One record as libtracecmd hands it over (in global time order). */
struct dmacheck_dat_record {
  uint64_t ts;          /* ns, the file's trace clock */
  int64_t missed;       /* events lost before this one on its CPU: >0 count, -1 unknown, 0 none */
  const uint8_t *data;  /* the raw event, common_* fields included */
  int size;
  uint64_t offset;      /* where the record sits in its CPU's (uncompressed) data, see dmacheck_dat_cpu_data_size */
  int cpu;
  int pid;
  int event_id;
};

/* Opens and validates the file; NULL with a message in err on failure. */
struct dmacheck_dat *dmacheck_dat_open(const char *path, char *err, size_t err_len);
void dmacheck_dat_close(struct dmacheck_dat *dat);

/* Facts from the file's headers; NULL or -1 when the file does not say. */
const char *dmacheck_dat_uname(struct dmacheck_dat *dat);
const char *dmacheck_dat_clock(struct dmacheck_dat *dat);
const char *dmacheck_dat_version(struct dmacheck_dat *dat);
const char *dmacheck_dat_cpustats(struct dmacheck_dat *dat);
int dmacheck_dat_cpus(struct dmacheck_dat *dat);
int dmacheck_dat_file_bigendian(struct dmacheck_dat *dat);
int dmacheck_dat_long_size(struct dmacheck_dat *dat);

/* Bytes of ring-buffer data the file holds for cpu (uncompressed in file
 * version 7); 0 when unknown. Record offsets of that CPU advance through a
 * range of this size: the progress estimate. */
uint64_t dmacheck_dat_cpu_data_size(struct dmacheck_dat *dat, int cpu);

/* The parsed format of an event id (see tep_format_c.h); NULL when the file
 * has none. */
struct tep_event *dmacheck_dat_find_event(struct dmacheck_dat *dat, int event_id);

const char *dmacheck_dat_comm(struct dmacheck_dat *dat, int pid);
/* Kernel symbol for a stack address: "func+0xoff" into buf; 0 when unknown. */
int dmacheck_dat_symbol(struct dmacheck_dat *dat, uint64_t addr, char *buf, size_t buf_len);

/* Calls on_record for every record in time order; stops when it returns
 * nonzero. Returns 0, or -1 when libtracecmd reported an error. */
int dmacheck_dat_iterate(struct dmacheck_dat *dat,
                         int (*on_record)(void *ctx, const struct dmacheck_dat_record *rec), void *ctx);

#ifdef __cplusplus
}
#endif

#endif
