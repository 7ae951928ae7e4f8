/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: reading and checking a Patella JSON export. */
#include "config.h"

#include "patella-import.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(PatellaImportData) parsed = NULL;
  g_autoptr(GError) error = NULL;

  parsed = patella_import_data_parse ((const char *) data, size, &error);
  g_assert ((parsed == NULL) != (error == NULL));
  if (parsed != NULL)
    (void) patella_import_data_get_n_items (parsed);

  return 0;
}
