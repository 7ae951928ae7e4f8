/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Files for one test: a fresh folder, checksums, random bytes. */

#include <glib.h>
#include <glib-object.h>
#include <glib/gstdio.h>

G_BEGIN_DECLS

/* A fresh folder for one test; removed again with patella_test_remove_dir(). */
char *patella_test_make_dir          (void);
void  patella_test_remove_dir        (const char *path);
char *patella_test_file_checksum     (const char *path);
void  patella_test_write_random_file (const char *path,
                                      gsize       size);

/* @property of @object is an enum of @enum_type, as bindings and inspectors
 * see it, and holds @value, whose nick is @nick. */
void  patella_test_assert_enum_property (gpointer    object,
                                         const char *property,
                                         GType       enum_type,
                                         int         value,
                                         const char *nick);

G_END_DECLS
