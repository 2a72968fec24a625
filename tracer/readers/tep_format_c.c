/* libtraceevent calls on parsed event formats (see tep_format_c.h). */
#include "tep_format_c.h"

#include <event-parse.h>

void dmacheck_tep_event_name(const struct tep_event *event, const char **system, const char **name) {
  *system = event->system;
  *name = event->name;
}

int dmacheck_tep_event_fields(const struct tep_event *event, struct dmacheck_dat_field *out, int max) {
  int n = 0;
  for (struct tep_format_field *field = event->format.fields; field; field = field->next) {
    if (n < max) {
      out[n].name = field->name;
      out[n].offset = field->offset;
      out[n].size = field->size;
      out[n].is_signed = (field->flags & TEP_FIELD_IS_SIGNED) != 0;
      out[n].is_dynamic = (field->flags & TEP_FIELD_IS_DYNAMIC) != 0;
      out[n].is_array = (field->flags & TEP_FIELD_IS_ARRAY) != 0;
      out[n].elem_size = field->elementsize;
    }
    ++n;
  }
  return n;
}

struct tep_handle *dmacheck_tep_new(int long_size, int file_bigendian) {
  struct tep_handle *tep = tep_alloc();
  if (!tep) return NULL;
  tep_set_long_size(tep, long_size);
  tep_set_file_bigendian(tep, file_bigendian ? TEP_BIG_ENDIAN : TEP_LITTLE_ENDIAN);
  return tep;
}

void dmacheck_tep_free(struct tep_handle *tep) {
  if (tep) tep_free(tep);
}

struct tep_event *dmacheck_tep_parse_event(struct tep_handle *tep, const char *text, size_t len, const char *system) {
  struct tep_event *event = NULL;
  /* An event whose print fmt libtraceevent 1.7.1 cannot parse (the sg
   * events) comes back with an error but with its fields, and stays in tep:
   * exactly what tracecmd_open leaves for the trace.dat reader. */
  (void)tep_parse_format(tep, &event, text, len, system);
  return event;
}
