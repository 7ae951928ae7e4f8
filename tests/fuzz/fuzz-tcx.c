/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the TCX reader. */
#include "config.h"

#include "patella-tcx.h"

#include "fuzz-activity.h"

FUZZ_TEXT_READER (patella_tcx_read)
