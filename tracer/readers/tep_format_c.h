/* The libtraceevent-only part of the trace.dat reader's C interface: what an
 * event's parsed `format` says (name, fields), independent of libtracecmd.
 *
 * The trace.dat reader gets its tep_event from the file (tracedat_c.h); the
 * event-decoding fuzzer and the reader tests parse the real format text
 * themselves with dmacheck_tep_parse_event(). Plain C, no library types: the
 * C++ side only passes tep_event pointers through. */
#ifndef DMACHECK_TRACER_READERS_TEP_FORMAT_C_H
#define DMACHECK_TRACER_READERS_TEP_FORMAT_C_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct tep_handle;
struct tep_event;

/* One field of an event's format. */
struct dmacheck_dat_field {
  const char *name;
  int offset;
  int size;
  int is_signed;
  int is_dynamic;  /* __data_loc: a u32 (len << 16 | offset) at offset */
  int is_array;    /* fixed array (kernel_stack caller[]) */
  int elem_size;   /* array element size when known, else 0 */
};

/* system and name of a parsed event (pointers owned by the event). */
void dmacheck_tep_event_name(const struct tep_event *event, const char **system, const char **name);
/* Number of fields (common_* excluded); fills out[0..max). */
int dmacheck_tep_event_fields(const struct tep_event *event, struct dmacheck_dat_field *out, int max);

/* A handle for formats parsed from text: long_size 4 or 8, file byte order. */
struct tep_handle *dmacheck_tep_new(int long_size, int file_bigendian);
void dmacheck_tep_free(struct tep_handle *tep);
/* Parses one tracefs `format` file (its whole text) into tep; NULL when
 * libtraceevent made no event of it. As with tracecmd_open, an event whose
 * print fmt fails to parse is still returned with its fields. The event
 * lives as long as tep. */
struct tep_event *dmacheck_tep_parse_event(struct tep_handle *tep, const char *text, size_t len, const char *system);

#ifdef __cplusplus
}
#endif

#endif
