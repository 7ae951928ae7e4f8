/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the GPX reader. */
#include "config.h"

#include "patella-gpx.h"

#include "fuzz-activity.h"

FUZZ_TEXT_READER (patella_gpx_read)
