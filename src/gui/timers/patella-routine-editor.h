/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "patella-exercises.h"
#include "patella-store.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_ROUTINE_EDITOR (patella_routine_editor_get_type ())

G_DECLARE_FINAL_TYPE (PatellaRoutineEditor, patella_routine_editor, PATELLA, ROUTINE_EDITOR,
                      AdwWindow)

PatellaRoutineEditor *patella_routine_editor_new  (GtkWindow             *parent,
                                                   PatellaStore          *store,
                                                   const PatellaRoutine  *routine);
gboolean              patella_routine_editor_save (PatellaRoutineEditor  *self,
                                                   GError               **error);
void                  patella_routine_editor_add_exercise (PatellaRoutineEditor *self,
                                                           const char           *exercise_id);

G_END_DECLS
