#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Patella's benchmarks, run by `meson test --benchmark` (see meson.build).

Each benchmark runs its subject several times, interleaved with its baseline,
prints medians and the ratio against the baseline measured in the same run,
checks the targets from issue 9, and records the figures in results.json.
It exits 1 when a target is missed.

    bench.py startup | views | cli-status | insights | clinician-report | store-write | wakeups |
             external | plan | metronome | activity-import | report
"""

import datetime
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

RUNS = int(os.environ.get('BENCH_RUNS', '5'))
SEED = os.environ.get('BENCH_SEED', '9')
DATA = os.environ.get('BENCH_DATA_DIR', '.')
RESULTS = os.environ.get('BENCH_RESULTS', 'results.json')
STORE = os.environ.get('BENCH_STORE', 'bench-store')
FLOOR = os.environ.get('BENCH_FLOOR', 'bench-floor')
APP = os.environ.get('BENCH_APP', 'bench-app')
FIT = os.environ.get('BENCH_FIT', 'bench-fit')
CLI = os.environ.get('PATELLA_CLI', 'patella-cli')

MIB = 1024.0
missed = []


def say(line=''):
    print(line, flush=True)


def median(values):
    return statistics.median(values) if values else float('nan')


def check(name, ok, detail):
    say(f'  {"PASS" if ok else "MISS"}  {name}: {detail}')
    if not ok:
        missed.append(name)


def record(section, figures):
    try:
        with open(RESULTS) as f:
            results = json.load(f)
    except (OSError, ValueError):
        results = {}
    results[section] = figures
    results['_machine'] = machine()
    with open(RESULTS, 'w') as f:
        json.dump(results, f, indent=2, sort_keys=True)


def machine():
    cores = os.cpu_count()
    mem = 0
    with open('/proc/meminfo') as f:
        for line in f:
            if line.startswith('MemTotal:'):
                mem = int(line.split()[1]) / MIB / MIB
    distro = ''
    try:
        with open('/etc/os-release') as f:
            for line in f:
                if line.startswith('PRETTY_NAME='):
                    distro = line.split('=', 1)[1].strip().strip('"')
    except OSError:
        pass
    cpu = ''
    with open('/proc/cpuinfo') as f:
        for line in f:
            if line.startswith('model name'):
                cpu = line.split(':', 1)[1].strip()
                break
    return {'cores': cores, 'memory_gib': round(mem, 1), 'os': distro, 'cpu': cpu}


def dataset(kind):
    """The cached dataset for today and the seed, generated when missing."""
    os.makedirs(DATA, exist_ok=True)
    today = datetime.date.today().isoformat()
    path = os.path.join(DATA, f'{kind}-{today}-seed{SEED}.db')
    if not os.path.exists(path) or os.path.getmtime(path) < os.path.getmtime(STORE):
        for old in glob.glob(os.path.join(DATA, f'{kind}-*.db')):
            os.remove(old)
        start = time.monotonic()
        subprocess.run([STORE, 'gen', kind, path, SEED], check=True, stdout=subprocess.DEVNULL)
        say(f'  (generated the {kind} dataset in {time.monotonic() - start:.1f} s: {path})')
    return path


def fresh_copy(db, tmp, name='patella.db'):
    """A private copy: the application may write, the cached file stays as it is."""
    path = os.path.join(tmp, name)
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    if db is not None:
        shutil.copyfile(db, path)
    return path


def run_gui(program, mode, db=None, timeout=120):
    """Runs a GUI helper to its end; returns its key/value lines and the time
    from spawning it to its "first-frame" line, in milliseconds."""
    env = dict(os.environ)
    if db is not None:
        env['PATELLA_DB'] = db
    start = time.monotonic()
    proc = subprocess.Popen([program, mode], stdout=subprocess.PIPE, text=True, env=env)
    values = {}
    deadline = start + timeout
    for line in proc.stdout:
        now = time.monotonic()
        words = line.split()
        if not words:
            continue
        if words[0] == 'first-frame':
            values['first-frame-ms'] = (now - start) * 1000.0
        elif len(words) == 2:
            values[words[0]] = float(words[1])
        elif len(words) == 3:
            values[f'{words[0]}:{words[1]}'] = float(words[2])
        if now > deadline:
            proc.kill()
            break
    proc.wait(timeout=30)
    if proc.returncode != 0:
        raise SystemExit(f'{program} {mode} exited with {proc.returncode}')
    return values


# ---------------------------------------------------------------- start-up --

def bench_startup():
    # One start-up varies by 15 % and more from the next on a shared machine:
    # at least 9 runs each.
    runs = max(RUNS, 9)
    say(f'Start-up to the first frame of the main window (wall time from spawning to the')
    say(f'frame clock\'s after-paint, and the process\'s CPU time then) and resident memory a')
    say(f'second later; median of {runs} warm runs each, interleaved; the floor is a bare')
    say(f'libadwaita window. Targets are on wall time.')
    subjects = [('floor', None), ('empty', dataset('empty')),
                ('ten-year', dataset('ten-year')), ('stress', dataset('stress'))]
    samples = {name: {'ms': [], 'cpu': [], 'rss': []} for name, _ in subjects}
    with tempfile.TemporaryDirectory(dir=DATA) as tmp:
        for i in range(runs + 1):
            for name, db in subjects:
                program = FLOOR if name == 'floor' else APP
                path = fresh_copy(db, tmp) if db is not None else None
                values = run_gui(program, 'first-frame', path)
                if i == 0:
                    continue  # warm-up: caches, fonts, the D-Bus daemon
                samples[name]['ms'].append(values['first-frame-ms'])
                samples[name]['cpu'].append(values['first-frame-cpu-us'] / 1000.0)
                samples[name]['rss'].append(values['rss-kib'] / MIB)
                samples[name]['widgets'] = int(values.get('widgets', 0))

    floor_ms = median(samples['floor']['ms'])
    floor_cpu = median(samples['floor']['cpu'])
    floor_rss = median(samples['floor']['rss'])
    figures = {}
    say()
    say(f'  {"":10} {"first frame":>12} {"ratio":>7} {"CPU time":>10} {"ratio":>7} '
        f'{"RSS":>10} {"over floor":>11}')
    for name, _ in subjects:
        ms = median(samples[name]['ms'])
        cpu = median(samples[name]['cpu'])
        rss = median(samples[name]['rss'])
        figures[name] = {'widgets': samples[name].get('widgets', 0),
                         'first_frame_ms': round(ms, 1), 'ratio': round(ms / floor_ms, 2),
                         'cpu_ms': round(cpu, 1), 'cpu_ratio': round(cpu / floor_cpu, 2),
                         'rss_mib': round(rss, 1), 'rss_over_floor_mib': round(rss - floor_rss, 1),
                         'samples_ms': [round(v, 1) for v in samples[name]['ms']]}
        say(f'  {name:10} {ms:9.1f} ms {ms / floor_ms:6.2f}x {cpu:7.1f} ms {cpu / floor_cpu:6.2f}x '
            f'{rss:6.1f} MiB {rss - floor_rss:+7.1f} MiB {samples[name].get("widgets", 0):6} widgets')
    say()
    ten, stress = figures['ten-year'], figures['stress']
    check('start-up ten-year', ten['ratio'] <= 1.25, f'{ten["ratio"]:.2f}x the floor (target <= 1.25x)')
    check('start-up stress', stress['ratio'] <= 1.5, f'{stress["ratio"]:.2f}x the floor (target <= 1.5x)')
    check('memory ten-year', ten['rss_over_floor_mib'] <= 20,
          f'floor {ten["rss_over_floor_mib"]:+.1f} MiB (target <= +20 MiB)')
    check('memory stress', stress['rss_over_floor_mib'] <= 40,
          f'floor {stress["rss_over_floor_mib"]:+.1f} MiB (target <= +40 MiB)')
    record('startup', figures)


# ------------------------------------------------------------------- views --

VIEW_TARGET_MS = 250
SCROLL_TARGET_MS = 500
GROWTH_SLACK_MIB = 5


def bench_views():
    runs = max(3, RUNS - 2)
    say(f'Opening each view, then the journal history scrolled to its oldest entry,')
    say(f'median of {runs} runs with the stress dataset; memory compared with the ten-year one.')
    samples = {'stress': [], 'ten-year': []}
    with tempfile.TemporaryDirectory(dir=DATA) as tmp:
        for i in range(runs):
            for kind in ('stress', 'ten-year'):
                if kind == 'ten-year' and i > 0:
                    continue
                values = run_gui(APP, 'views', fresh_copy(dataset(kind), tmp))
                samples[kind].append(values)

    def med(kind, key):
        return median([v[key] for v in samples[kind] if key in v])

    figures = {}
    say()
    for view in ('shoes', 'timers', 'journal'):
        ms = med('stress', f'view-us:{view}') / 1000.0
        figures[f'view_{view}_ms'] = round(ms, 1)
        say(f'  open {view:8} {ms:8.1f} ms')
    history_ms = med('stress', 'history-us') / 1000.0
    scroll_ms = med('stress', 'scroll-oldest-us') / 1000.0
    rows = med('stress', 'history-rows')
    figures.update(history_ms=round(history_ms, 1), scroll_oldest_ms=round(scroll_ms, 1),
                   rows=int(rows))
    say(f'  history       {history_ms:8.1f} ms  ({int(rows)} rows)')
    say(f'  oldest shown  {scroll_ms:8.1f} ms  after scrolling to row {int(rows)}')
    growth = {}
    for kind in ('stress', 'ten-year'):
        growth[kind] = med(kind, 'scroll-growth-kib') / MIB
        rss = med(kind, 'sweep-rss-kib') / MIB
        figures[f'rss_after_sweep_{kind}_mib'] = round(rss, 1)
        figures[f'scroll_growth_{kind}_mib'] = round(growth[kind], 1)
        say(f'  {kind:9} RSS after jumping through the whole history {rss:6.1f} MiB, '
            f'growth {growth[kind]:+5.1f} MiB ({int(med(kind, "history-rows"))} rows)')
    say()
    slowest = max(figures[f'view_{v}_ms'] for v in ('shoes', 'timers', 'journal'))
    check('views open', slowest <= VIEW_TARGET_MS,
          f'slowest {slowest:.1f} ms (target <= {VIEW_TARGET_MS} ms)')
    check('journal oldest row', 0 <= scroll_ms <= SCROLL_TARGET_MS,
          f'{scroll_ms:.1f} ms (target <= {SCROLL_TARGET_MS} ms)')
    check('journal scroll memory', growth['stress'] <= growth['ten-year'] + GROWTH_SLACK_MIB,
          f'{growth["stress"]:+.1f} MiB with {int(rows)} rows vs {growth["ten-year"]:+.1f} MiB with '
          f'{int(med("ten-year", "history-rows"))} (target: within {GROWTH_SLACK_MIB} MiB)')
    record('views', figures)


# -------------------------------------------------------------- cli status --

def time_command(argv, env=None, stdin=None):
    start = time.monotonic()
    subprocess.run(argv, env=env, stdin=stdin, stdout=subprocess.DEVNULL, check=True)
    return (time.monotonic() - start) * 1000.0


def cli_against_sqlite3(db, tmp, sql_command, cli_args, runs):
    """Times `patella-cli CLI_ARGS` on DB against the same queries (those
    bench-store's SQL_COMMAND traces) run by the sqlite3 program,
    interleaved, the first of each left out. Returns the CLI's times, the
    sqlite3 times and the number of queries."""
    sql = subprocess.run([STORE, sql_command, db], check=True, capture_output=True,
                         text=True).stdout
    sql_path = os.path.join(tmp, sql_command + '.sql')
    with open(sql_path, 'w') as f:
        f.write(sql)
    env = dict(os.environ, PATELLA_DB=db)
    cli, raw = [], []
    for i in range(runs + 1):
        c = time_command([CLI] + cli_args, env=env)
        with open(sql_path) as f:
            r = time_command(['sqlite3', '-readonly', db], stdin=f)
        if i > 0:
            cli.append(c)
            raw.append(r)
    return cli, raw, sql.count(';\n')


def bench_cli_status():
    runs = max(RUNS, 7)
    say(f'patella-cli status --format json on the stress dataset against the same queries')
    say(f'run by the sqlite3 program, median of {runs} interleaved runs.')
    with tempfile.TemporaryDirectory(dir=DATA) as tmp:
        db = fresh_copy(dataset('stress'), tmp)
        cli, raw, n_queries = cli_against_sqlite3(db, tmp, 'status-sql',
                                                  ['status', '--format', 'json'], runs)
    ratio = median(cli) / median(raw)
    say()
    say(f'  patella-cli status --format json {median(cli):8.1f} ms')
    say(f'  sqlite3 with its {n_queries} queries    {median(raw):8.1f} ms')
    say(f'  ratio                            {ratio:8.2f}x')
    say()
    check('status', ratio <= 2.0, f'{ratio:.2f}x raw sqlite3 (target <= 2x)')
    record('cli_status', {'cli_ms': round(median(cli), 1), 'sqlite3_ms': round(median(raw), 1),
                          'ratio': round(ratio, 2), 'queries': n_queries})


# ---------------------------------------------------------------- insights --

INSIGHTS_TARGET_MS = 100


def bench_insights():
    runs = max(RUNS, 7)
    say('Insights of the last year on the stress dataset: `patella-cli insights --format json`')
    say('(wall time, process start included) and the computation in one process, against the')
    say(f'same queries run by the sqlite3 program; median of {runs} interleaved runs.')
    stress = dataset('stress')
    with tempfile.TemporaryDirectory(dir=DATA) as tmp:
        db = fresh_copy(stress, tmp)
        cli, raw, n_queries = cli_against_sqlite3(db, tmp, 'insights-sql',
                                                  ['insights', '--format', 'json'], runs)
        out = subprocess.run([STORE, 'insights', db, str(runs + 1)], check=True,
                             capture_output=True, text=True).stdout
        inproc = [int(line.split()[1]) / 1000.0 for line in out.splitlines()[1:]]
    cli_ms, raw_ms, core_ms = median(cli), median(raw), median(inproc)
    say()
    say(f'  patella-cli insights --format json   {cli_ms:8.1f} ms  {cli_ms / raw_ms:6.2f}x sqlite3')
    say(f'  in one process (statements cached)   {core_ms:8.1f} ms')
    say(f'  sqlite3 with its {n_queries} queries        {raw_ms:8.1f} ms')
    say()
    check('insights', cli_ms <= INSIGHTS_TARGET_MS,
          f'{cli_ms:.1f} ms (target <= {INSIGHTS_TARGET_MS} ms), {cli_ms / raw_ms:.2f}x the queries')
    record('insights', {'cli_ms': round(cli_ms, 1), 'core_ms': round(core_ms, 1),
                        'sqlite3_ms': round(raw_ms, 1), 'ratio': round(cli_ms / raw_ms, 2),
                        'queries': n_queries})


# -------------------------------------------------------- clinician report --

REPORT_TARGET_MS = 1000


def bench_clinician_report():
    runs = max(RUNS, 5)
    say('`patella-cli report` for the last year of the stress dataset (journal, runs, sessions,')
    say('insights, notes; laid out and written as a PDF), against `patella-cli status` on the')
    say(f'same file as the baseline; median of {runs} interleaved runs, wall time.')
    stress = dataset('stress')
    start = (datetime.date.today() - datetime.timedelta(days=364)).isoformat()
    with tempfile.TemporaryDirectory(dir=DATA) as tmp:
        db = fresh_copy(stress, tmp)
        env = dict(os.environ, PATELLA_DB=db)
        pdf = os.path.join(tmp, 'report.pdf')
        report, base = [], []
        for i in range(runs + 1):
            r = time_command([CLI, 'report', '--from', start, '--notes', '--output', pdf,
                              '--force'], env=env)
            b = time_command([CLI, 'status', '--format', 'json'], env=env)
            if i > 0:
                report.append(r)
                base.append(b)
        pages = subprocess.run(['pdfinfo', pdf], check=True, capture_output=True,
                               text=True).stdout
        pages = int([line.split()[1] for line in pages.splitlines()
                     if line.startswith('Pages:')][0])
    report_ms, base_ms = median(report), median(base)
    say()
    say(f'  patella-cli report, 365 days ({pages} pages) {report_ms:8.1f} ms  '
        f'{report_ms / base_ms:6.2f}x status')
    say(f'  patella-cli status --format json      {base_ms:8.1f} ms')
    say()
    check('clinician report', report_ms <= REPORT_TARGET_MS,
          f'{report_ms:.1f} ms (target <= {REPORT_TARGET_MS} ms)')
    record('clinician_report', {'report_ms': round(report_ms, 1), 'status_ms': round(base_ms, 1),
                                'ratio': round(report_ms / base_ms, 2), 'pages': pages})


# ------------------------------------------------------------- store write --

LOG_RUN_TARGET_MS = 50
IMPORT_TARGET_S = 10


def bench_store_write():
    runs = max(RUNS, 5)
    say('Logging one run: one committed transaction, WAL, synchronous=FULL, on the ten-year dataset.')
    say('Import: `patella-cli import` of the ten-year dataset exported by `patella-cli export`')
    say('(JSON) into a new database, and the same rows written through the core API in one')
    say(f'transaction; median of {runs}.')
    with tempfile.TemporaryDirectory(dir=DATA) as tmp:
        db = fresh_copy(dataset('ten-year'), tmp)
        out = subprocess.run([STORE, 'log-run', db, str(20 * runs)], check=True,
                             capture_output=True, text=True).stdout
        pragma = out.splitlines()[0]
        times = [int(line.split()[1]) / 1000.0 for line in out.splitlines()
                 if line.startswith('log-run-us')]

        export = os.path.join(tmp, 'ten-year.json')
        subprocess.run([CLI, '--db', fresh_copy(dataset('ten-year'), tmp, 'source.db'),
                        'export', '--output', export], check=True)
        size_mib = os.path.getsize(export) / MIB / MIB
        cli_imports, core_imports = [], []
        rows = 0
        for i in range(runs):
            target = fresh_copy(None, tmp, 'import.db')
            start = time.monotonic()
            out = subprocess.run([CLI, '--db', target, 'import', export], check=True,
                                 capture_output=True, text=True).stdout
            cli_imports.append(time.monotonic() - start)
            rows = int(out.split()[1])
            out = subprocess.run([STORE, 'import', fresh_copy(None, tmp, 'core.db'), SEED],
                                 check=True, capture_output=True, text=True).stdout
            words = out.split()
            core_imports.append((int(words[1]), int(words[3]) / 1e6))
    log_ms = median(times)
    import_s = median(cli_imports)
    core_rows = core_imports[0][0]
    core_s = median([s for _, s in core_imports])
    say()
    say(f'  ({pragma})')
    say(f'  log one run        {log_ms:8.2f} ms median of {len(times)} (p90 '
        f'{sorted(times)[int(len(times) * 0.9)]:.2f} ms)')
    say(f'  import ten-year    {import_s:8.2f} s for {rows} items from {size_mib:.1f} MiB of JSON, '
        f'{rows / import_s:,.0f} items/s (patella-cli import, process included)')
    say(f'  core API           {core_s:8.2f} s for {core_rows} rows, {core_rows / core_s:,.0f} rows/s')
    say()
    check('log one run', log_ms <= LOG_RUN_TARGET_MS, f'{log_ms:.2f} ms (target <= {LOG_RUN_TARGET_MS} ms)')
    check('import ten-year', import_s <= IMPORT_TARGET_S,
          f'{import_s:.2f} s (target <= {IMPORT_TARGET_S} s)')
    record('store_write', {'log_run_ms': round(log_ms, 2), 'import_s': round(import_s, 2),
                           'import_rows': rows, 'import_rows_per_s': round(rows / import_s),
                           'import_json_mib': round(size_mib, 1),
                           'core_s': round(core_s, 2), 'core_rows': core_rows,
                           'core_rows_per_s': round(core_rows / core_s)})


# -------------------------------------------------------- external change --

def bench_external():
    say('A change made by patella-cli while the window is open, on the stress dataset with')
    say('today\'s entry open: "shown" from the CLI\'s exit to the new value in the Journal')
    say('editor (the file monitor, PRAGMA data_version, every view reloaded); "reload" the')
    say('reload alone, every open view refreshed after one changed day; 10 changes.')
    stress = dataset('stress')
    with tempfile.TemporaryDirectory(dir=DATA) as tmp:
        db = fresh_copy(stress, tmp)
        env_db = dict(os.environ, PATELLA_DB=db)
        subprocess.run([CLI, 'journal', 'add', '--pain', '0'], check=True, env=env_db,
                       stdout=subprocess.DEVNULL)
        shown, reload = [], []
        proc = subprocess.run([APP, 'external'], capture_output=True, text=True,
                              timeout=300, env=env_db)
        for line in proc.stdout.splitlines():
            words = line.split()
            if len(words) == 2 and words[0] == 'shown-us':
                shown.append(int(words[1]) / 1000.0)
            elif len(words) == 2 and words[0] == 'reload-us':
                reload.append(int(words[1]) / 1000.0)
    if not shown or not reload:
        raise SystemExit('bench-app external printed nothing: ' + proc.stderr[-2000:])
    shown_ms, reload_ms = median(shown), median(reload)
    say()
    say(f'  shown in window    {shown_ms:8.1f} ms median of {len(shown)} (max {max(shown):.1f} ms)')
    say(f'  views reloaded     {reload_ms:8.1f} ms median of {len(reload)} (max {max(reload):.1f} ms)')
    say()
    check('external change shown', max(shown) <= 1000.0,
          f'{max(shown):.1f} ms at most (target <= 1000 ms)')
    check('views reloaded', reload_ms <= 50.0, f'{reload_ms:.1f} ms (target <= 50 ms)')
    record('external', {'shown_ms': round(shown_ms, 1), 'shown_max_ms': round(max(shown), 1),
                        'reload_ms': round(reload_ms, 1)})


# --------------------------------------------------------- activity import --

FIT_FILES = 1000
FIT_IMPORT_TARGET_S = 10


def run_measured(argv):
    """Runs @argv to its end; returns seconds and its peak resident memory in MiB."""
    start = time.monotonic()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.monotonic() - start
    if status != 0:
        raise SystemExit(f'{argv[0]} failed with status {status}')
    return seconds, usage.ru_maxrss / MIB


def bench_activity_import():
    say(f'Importing {FIT_FILES} FIT files of 1-hour runs (a record a second) from a folder with')
    say('`patella-cli import FOLDER` into the ten-year dataset, against `cat` reading the same')
    say('bytes (the faster of two cat runs); one import run, as it changes the database.')
    os.makedirs(DATA, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=DATA) as tmp:
        folder = os.path.join(tmp, 'watch')
        subprocess.run([FIT, folder, str(FIT_FILES)], check=True)
        files = sorted(glob.glob(os.path.join(folder, '*.fit')))
        size_mib = sum(os.path.getsize(f) for f in files) / MIB / MIB
        db = fresh_copy(dataset('ten-year'), tmp)
        cat_s, _ = run_measured(['cat'] + files)
        cat_s = min(cat_s, run_measured(['cat'] + files)[0])
        import_s, rss_mib = run_measured([CLI, '--db', db, 'import', folder])
        _, status_rss = run_measured([CLI, '--db', db, 'status', '--format', 'json'])
        runs = subprocess.run(['sqlite3', db, "SELECT count(*) FROM run WHERE source = 'fit';"],
                              check=True, capture_output=True, text=True).stdout.strip()
        # The same files as one zip (a bulk export), into another copy: read
        # entry by entry, so memory must not grow with the archive either.
        archive = os.path.join(tmp, 'export.zip')
        with zipfile.ZipFile(archive, 'w', zipfile.ZIP_DEFLATED) as z:
            for f in files:
                z.write(f, os.path.join('activities', os.path.basename(f)))
        zip_mib = os.path.getsize(archive) / MIB / MIB
        zip_s, zip_rss = run_measured([CLI, '--db', fresh_copy(dataset('ten-year'), tmp, 'zip.db'),
                                       'import', archive])
    ratio = import_s / cat_s
    say()
    say(f'  patella-cli import  {import_s:8.2f} s, {FIT_FILES / import_s:,.0f} files/s, '
        f'{size_mib:.1f} MiB, {runs} runs from FIT')
    say(f'  cat of the files    {cat_s:8.3f} s')
    say(f'  ratio               {ratio:8.1f}x')
    say(f'  peak memory         {rss_mib:8.1f} MiB (status alone: {status_rss:.1f} MiB)')
    say(f'  as one zip          {zip_s:8.2f} s, {zip_mib:.1f} MiB compressed, '
        f'peak memory {zip_rss:.1f} MiB')
    say()
    check('activity import', import_s <= FIT_IMPORT_TARGET_S,
          f'{import_s:.2f} s (target <= {FIT_IMPORT_TARGET_S} s)')
    # One file at a time: memory must not grow with the folder.
    check('activity import memory', rss_mib - status_rss < size_mib / 2,
          f'{rss_mib - status_rss:.1f} MiB above status for {size_mib:.1f} MiB of files')
    check('activity import from a zip', zip_s <= FIT_IMPORT_TARGET_S and
          zip_rss - status_rss < size_mib / 2,
          f'{zip_s:.2f} s, {zip_rss - status_rss:.1f} MiB above status')
    record('activity_import', {'files': FIT_FILES, 'seconds': round(import_s, 2),
                               'files_per_s': round(FIT_FILES / import_s),
                               'cat_s': round(cat_s, 3), 'ratio': round(ratio, 1),
                               'mib': round(size_mib, 1), 'peak_rss_mib': round(rss_mib, 1),
                               'zip_s': round(zip_s, 2), 'zip_peak_rss_mib': round(zip_rss, 1)})


# ----------------------------------------------------------------- wakeups --

SETTLE_S = 13   # past GTK's 10 s cursor-blink timeout
WINDOW_S = 20
WINDOWS = 3


def switches(pid):
    """Context switches of every thread of @pid: each voluntary one is a
    wake-up after sleeping; involuntary ones are counted too."""
    total = 0
    for status in glob.glob(f'/proc/{pid}/task/*/status'):
        try:
            with open(status) as f:
                for line in f:
                    if line.startswith(('voluntary_ctxt_switches', 'nonvoluntary_ctxt_switches')):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def bench_wakeups():
    say(f'Wake-ups a minute (context switches of all threads, from /proc/PID/task/*/status),')
    say(f'median of {WINDOWS} windows of {WINDOW_S} s after {SETTLE_S} s of settling. Side by side:')
    say(f'the floor idle, the floor with a countdown redrawn once a second (the floor for a')
    say(f'window showing a running timer), Patella idle, Patella with an icing timer running')
    say(f'in the Timers view.')
    with tempfile.TemporaryDirectory(dir=DATA) as tmp:
        ten = dataset('ten-year')
        procs = {}
        try:
            for name, program, mode, db in (('floor', FLOOR, 'idle', None),
                                            ('ticking', FLOOR, 'ticking', None),
                                            ('idle', APP, 'idle', fresh_copy(ten, tmp, 'idle.db')),
                                            ('icing', APP, 'icing',
                                             fresh_copy(ten, tmp, 'icing.db'))):
                env = dict(os.environ)
                if db is not None:
                    env['PATELLA_DB'] = db
                procs[name] = subprocess.Popen([program, mode], stdout=subprocess.PIPE,
                                               text=True, env=env)
                while True:
                    line = procs[name].stdout.readline()
                    if not line:
                        raise SystemExit(f'{name} ended before its first frame')
                    if line.startswith('first-frame'):
                        break
            time.sleep(SETTLE_S)
            rates = {name: [] for name in procs}
            for _ in range(WINDOWS):
                before = {name: switches(p.pid) for name, p in procs.items()}
                time.sleep(WINDOW_S)
                for name, p in procs.items():
                    if p.poll() is not None:
                        raise SystemExit(f'{name} ended early')
                    rates[name].append((switches(p.pid) - before[name]) * 60.0 / WINDOW_S)
        finally:
            for p in procs.values():
                p.terminate()
                p.wait(timeout=30)
    floor, ticking, idle, icing = (median(rates[n]) for n in ('floor', 'ticking', 'idle', 'icing'))
    say()
    say(f'  floor, idle              {floor:7.1f} /min')
    say(f'  floor, 1 s redraw        {ticking:7.1f} /min   = {ticking / 60:.2f} /s')
    say(f'  Patella, idle            {idle:7.1f} /min   (floor {idle - floor:+.1f})')
    say(f'  Patella, icing           {icing:7.1f} /min   = {icing / 60:.2f} /s '
        f'({icing / ticking if ticking else float("nan"):.2f}x the ticking floor)')
    say()
    check('idle wake-ups', idle <= floor + 1, f'floor {idle - floor:+.1f}/min (target <= floor + 1/min)')
    # "About once a second": one timer tick and its redraw, which costs what
    # the ticking floor's does; allow 0.2/s on top.
    check('icing wake-ups', icing <= ticking + 12,
          f'{icing / 60:.2f}/s against {ticking / 60:.2f}/s for a bare window redrawn once a '
          f'second (target: within 0.2/s of it)')
    record('wakeups', {'floor_per_min': round(floor, 1), 'idle_per_min': round(idle, 1),
                       'icing_per_min': round(icing, 1), 'ticking_per_min': round(ticking, 1),
                       'samples': {n: [round(v, 1) for v in r] for n, r in rates.items()}})


# -------------------------------------------------------------------- plan --

PLAN_TARGET_MS = 20


def bench_plan():
    """Deciding the recovery plan on the stress dataset: each session logged
    decides the one before; the baseline is the journal advice for the same
    day, measured in the same run."""
    say('Recovery plan on the stress dataset: 31 sessions over 60 days, each one logged,')
    say('decided and read back, against the journal advice for the same day.')
    stress = dataset('stress')
    with tempfile.TemporaryDirectory(dir=DATA) as tmp:
        db = fresh_copy(stress, tmp)
        out = subprocess.run([STORE, 'plan', db], check=True, capture_output=True,
                             text=True).stdout
    plan, advice = [], []
    for line in out.splitlines():
        f = line.split()
        plan.append(int(f[1]) / 1000.0)
        advice.append(int(f[3]) / 1000.0)
    ratio = median(plan) / median(advice)
    say()
    say(f'  deciding the plan (median) {median(plan):8.2f} ms   (max {max(plan):.2f} ms)')
    say(f'  journal advice (median)    {median(advice):8.2f} ms')
    say(f'  ratio                      {ratio:8.2f}x')
    say()
    check('plan decision', median(plan) <= PLAN_TARGET_MS,
          f'{median(plan):.2f} ms (target <= {PLAN_TARGET_MS} ms), {ratio:.2f}x the advice')
    record('plan', {'plan_ms': round(median(plan), 2), 'plan_max_ms': round(max(plan), 2),
                    'advice_ms': round(median(advice), 2), 'ratio': round(ratio, 2),
                    'sessions': len(plan)})


# --------------------------------------------------------------- metronome --

METRONOME_SECONDS = int(os.environ.get('BENCH_METRONOME_S', '300'))
METRONOME_SPM = 176
METRONOME_TARGET_MS = 20


def bench_metronome():
    """The walk/run metronome's tick jitter over five minutes, beside a naive
    chain of one-period timeouts in the same main loop."""
    say(f'Metronome at {METRONOME_SPM} steps a minute for {METRONOME_SECONDS} s, and a naive')
    say('chain of one-period timeouts beside it in the same main loop.')
    out = subprocess.run([STORE, 'metronome', str(METRONOME_SECONDS), str(METRONOME_SPM)],
                         check=True, capture_output=True, text=True).stdout
    figures = {}
    for line in out.splitlines():
        f = line.split()
        figures[f[0]] = {f[i]: int(f[i + 1]) for i in range(1, len(f), 2)}
    m, n = figures['metronome'], figures['naive']
    say()
    say(f'  metronome  {m["ticks"]} ticks, late p50 {m["p50-us"] / 1000:.2f} ms, '
        f'p99 {m["p99-us"] / 1000:.2f} ms, max {m["max-us"] / 1000:.2f} ms')
    say(f'  naive      {n["ticks"]} ticks, late p50 {n["p50-us"] / 1000:.2f} ms, '
        f'p99 {n["p99-us"] / 1000:.2f} ms, max {n["max-us"] / 1000:.2f} ms')
    say()
    check('metronome jitter', m['max-us'] <= METRONOME_TARGET_MS * 1000,
          f'max {m["max-us"] / 1000:.2f} ms (target <= {METRONOME_TARGET_MS} ms); '
          f'the naive chain drifts to {n["max-us"] / 1000:.1f} ms')
    record('metronome', {'seconds': METRONOME_SECONDS, 'spm': METRONOME_SPM,
                         'ticks': m['ticks'], 'p50_ms': round(m['p50-us'] / 1000, 2),
                         'p99_ms': round(m['p99-us'] / 1000, 2),
                         'max_ms': round(m['max-us'] / 1000, 2),
                         'naive_max_ms': round(n['max-us'] / 1000, 1)})


# ------------------------------------------------------------------ report --

def report():
    """The figures of the last full run, as Markdown for README.md."""
    with open(RESULTS) as f:
        r = json.load(f)
    m = r.get('_machine', {})
    say(f'Machine: {m.get("cores")} cores ({m.get("cpu")}), {m.get("memory_gib")} GiB, {m.get("os")}.')
    say()
    if 'startup' in r:
        s = r['startup']
        say('| start-up (first frame) | median | ratio to floor | CPU time | ratio | RSS | over floor |')
        say('| --- | ---: | ---: | ---: | ---: | ---: | ---: |')
        for name in ('floor', 'empty', 'ten-year', 'stress'):
            v = s[name]
            say(f'| {name} | {v["first_frame_ms"]} ms | {v["ratio"]:.2f}× | {v["cpu_ms"]} ms | '
                f'{v["cpu_ratio"]:.2f}× | {v["rss_mib"]} MiB | {v["rss_over_floor_mib"]:+.1f} MiB |')
        say()
    if 'views' in r:
        v = r['views']
        say(f'Views (stress): Shoes {v["view_shoes_ms"]} ms, Timers {v["view_timers_ms"]} ms, '
            f'Journal {v["view_journal_ms"]} ms; history {v["history_ms"]} ms; oldest of '
            f'{v["rows"]} rows shown {v["scroll_oldest_ms"]} ms after scrolling; RSS growth jumping '
            f'through the history {v["scroll_growth_stress_mib"]:+.1f} MiB (ten-year: '
            f'{v["scroll_growth_ten-year_mib"]:+.1f} MiB).')
        say()
    if 'cli_status' in r:
        c = r['cli_status']
        say(f'`patella-cli status --format json` (stress): {c["cli_ms"]} ms against {c["sqlite3_ms"]} ms '
            f'for its {c["queries"]} queries in `sqlite3`: {c["ratio"]:.2f}×.')
        say()
    if 'store_write' in r:
        w = r['store_write']
        say(f'Logging one run: {w["log_run_ms"]} ms. Importing the ten-year export '
            f'({w["import_json_mib"]} MiB of JSON) with patella-cli: {w["import_s"]} s for '
            f'{w["import_rows"]} items ({w["import_rows_per_s"]:,} items/s); through the core API: '
            f'{w["core_s"]} s for {w["core_rows"]} rows ({w["core_rows_per_s"]:,} rows/s).')
        say()
    if 'plan' in r:
        p = r['plan']
        say(f'Deciding the recovery plan (stress): {p["plan_ms"]} ms a session (max {p["plan_max_ms"]} ms), '
            f'{p["ratio"]:.2f}× the journal advice for the same day.')
        say()
    if 'metronome' in r:
        m = r['metronome']
        say(f'Metronome ({m["spm"]} steps a minute, {m["seconds"]} s): ticks late by {m["p50_ms"]} ms '
            f'(median), {m["p99_ms"]} ms (99th percentile), {m["max_ms"]} ms at most; a naive chain '
            f'of timeouts drifted to {m["naive_max_ms"]} ms.')
        say()
    if 'wakeups' in r:
        w = r['wakeups']
        say(f'Wake-ups: floor {w["floor_per_min"]}/min, Patella idle {w["idle_per_min"]}/min; '
            f'with an icing timer running {w["icing_per_min"]}/min, against '
            f'{w.get("ticking_per_min")}/min for a bare window redrawn once a second.')


def main():
    what = sys.argv[1] if len(sys.argv) > 1 else ''
    benches = {'startup': bench_startup, 'views': bench_views, 'cli-status': bench_cli_status,
               'store-write': bench_store_write, 'wakeups': bench_wakeups,
               'external': bench_external, 'insights': bench_insights,
               'clinician-report': bench_clinician_report, 'plan': bench_plan,
               'metronome': bench_metronome, 'activity-import': bench_activity_import,
               'report': report}
    if what not in benches:
        raise SystemExit(__doc__)
    benches[what]()
    if missed:
        say(f'Targets missed: {", ".join(missed)}')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
