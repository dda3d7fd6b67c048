"""CHC Desktop benchmarks: each figure beside a baseline measured in the same run.

Usage: python benchmarks/run.py [--quick]   (``make bench``; --quick uses fewer rows)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import PASSPHRASE, env, line, timed, until_mark
from packs_bench import bench_review_pdf, bench_verify

BARE_WINDOW = (
    "import sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication(sys.argv[:1]); w = QMainWindow(); w.resize(1280, 720); w.show()\n"
    "import time\n"
    "def mark():\n"
    "    print(f'chc-mark shown {time.time():.6f}', file=sys.stderr, flush=True); app.quit()\n"
    "QTimer.singleShot(0, mark); app.exec()\n"
)


def bench_startup(tmp: Path, cases: int, runs: int) -> None:
    environ = env(tmp)
    home = tmp / "startup-home"
    app = [sys.executable, "-m", "chc_desktop", "--home", str(home)]
    subprocess.run(
        [*app, "demo", "--no-gui", "--cases", str(cases)],
        env=environ,
        check=True,
        capture_output=True,
    )
    bare = until_mark([sys.executable, "-c", BARE_WINDOW], environ, runs)
    shown = until_mark([*app, "gui", "--quit-when", "shown"], environ, runs)
    ready = until_mark([*app, "gui", "--quit-when", "ready"], environ, runs)
    print(f"Start-up, {cases:,}-case profile (median of {runs} runs, from process spawn):")
    line("interactive main window vs bare QMainWindow", shown, bare, goal="goal <= 1.5x")
    line("case list filled vs bare QMainWindow", ready, bare, goal="(unlock + index load)")


def keystroke_times(widget: object, text: str, qapp: object) -> list[float]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    times = []
    for char in text:
        start = time.perf_counter()
        QTest.keyClicks(widget, char)  # type: ignore[arg-type]
        qapp.processEvents()  # type: ignore[attr-defined]
        times.append(time.perf_counter() - start)
    for _ in text:
        start = time.perf_counter()
        QTest.keyClick(widget, Qt.Key.Key_Backspace)  # type: ignore[arg-type]
        qapp.processEvents()  # type: ignore[attr-defined]
        times.append(time.perf_counter() - start)
    return times


def bench_filter(tmp: Path, cases: int) -> None:
    from datetime import date

    from PySide6.QtCore import QSortFilterProxyModel, Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QLineEdit, QTableView

    from chc_desktop.gui.main_window import MainWindow
    from chc_desktop.gui.tasks import TaskRunner
    from chc_desktop.services import demo, profiles
    from chc_desktop.services.profile_files import ProfileLocation

    qapp = QApplication.instance() or QApplication([])
    location = ProfileLocation(tmp / "filter-home", "bench")
    start = time.perf_counter()
    demo.ensure_demo(location, PASSPHRASE, cases)
    build = time.perf_counter() - start
    profile = profiles.unlock(location, PASSPHRASE)
    runner = TaskRunner(synchronous=True)
    window = MainWindow(runner, today=date.today())
    window.resize(1366, 768)
    window.show()
    window.attach(profile)
    qapp.processEvents()
    ours = keystroke_times(window.ui.filterEdit, "fakename", qapp)

    from chc_desktop.services import cases_query

    index = cases_query.case_index(profile)
    rows = cases_query.case_rows(profile, index.ids[:cases])
    source = QStandardItemModel(len(rows), 3)
    for r, row in enumerate(rows.values()):
        for c, value in enumerate((row.case_ref, row.name, row.nhs_number)):
            source.setItem(r, c, QStandardItem(value))
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(source)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    edit = QLineEdit()
    edit.textChanged.connect(proxy.setFilterFixedString)
    view = QTableView()
    view.setModel(proxy)
    view.resize(1366, 600)
    view.show()
    edit.show()
    base = keystroke_times(edit, "fakename", qapp)
    print(f"Filter as you type, {cases:,} cases (built in {build:.1f} s), {len(ours)} keystrokes:")
    line(
        "median per keystroke vs QSortFilterProxyModel",
        statistics.median(ours),
        statistics.median(base),
        "ms",
        "goal <= 30 ms",
    )
    line("worst keystroke vs QSortFilterProxyModel", max(ours), max(base), "ms")
    runner.shutdown()
    profile.close()


def bench_import(tmp: Path, rows: int) -> None:
    import sqlcipher3

    from tests.helpers.data import case_dicts, to_csv

    environ = env(tmp)
    home = tmp / "import-home"
    path = tmp / "cases.csv"
    data = case_dicts(rows)
    path.write_bytes(to_csv(data))
    app = [sys.executable, "-m", "chc_desktop", "--home", str(home)]
    subprocess.run(
        [*app, "profile", "init", "--name", "Bench", "--role", "assessor"],
        env=environ,
        check=True,
        capture_output=True,
    )
    start = time.perf_counter()
    subprocess.run(
        [*app, "cases", "import", str(path)], env=environ, check=True, capture_output=True
    )
    ours = time.perf_counter() - start

    def raw() -> None:
        conn = sqlcipher3.connect(str(tmp / "raw.db"))
        conn.execute(f"PRAGMA key = \"x'{os.urandom(32).hex()}'\"")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute(f"CREATE TABLE c ({', '.join(data[0])})")
        marks = ", ".join("?" * len(data[0]))
        conn.executemany(f"INSERT INTO c VALUES ({marks})", [tuple(d.values()) for d in data])
        conn.commit()
        conn.close()

    base = timed(raw)
    print(f"Import {rows:,} CSV rows (whole command, validated, all-or-nothing):")
    line("cases import vs raw SQLCipher executemany", ours, base, goal="goal: well under 60 s")


def bench_autosave(tmp: Path, edits: int) -> None:
    import sqlcipher3

    from chc_desktop.services import assessments, demo, profiles
    from chc_desktop.services.profile_files import ProfileLocation

    location = ProfileLocation(tmp / "autosave-home", "bench")
    demo.ensure_demo(location, PASSPHRASE, 10)
    profile = profiles.unlock(location, PASSPHRASE)
    info = assessments.new(profile, "DEMO-0001", "dst")
    ours = []
    for i in range(edits):
        value = f"Evidence edit {i}: observed by night staff (benchmark)"
        ours.append(
            timed(
                lambda v=value: assessments.update(
                    profile, info.id, "domain:cognition", "evidence", v
                )
            )
        )
    profile.close()

    conn = sqlcipher3.connect(str(tmp / "bare.db"), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{os.urandom(32).hex()}'\"")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, evidence TEXT)")
    conn.execute("INSERT INTO t VALUES (1, '')")

    def bare_commit(i: int) -> None:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE t SET evidence = ? WHERE id = 1", (f"edit {i}",))
        conn.execute("COMMIT")

    base = [timed(lambda i=i: bare_commit(i)) for i in range(edits)]
    conn.close()
    print(f"Autosave of one domain edit ({edits} edits, median):")
    line(
        "service save vs bare SQLCipher one-row commit",
        statistics.median(ours),
        statistics.median(base),
        "ms",
        "goal <= 2x",
    )


def bench_live_qa(tmp: Path, edits: int) -> None:
    from PySide6.QtWidgets import QApplication

    from chc_desktop.gui.tasks import TaskRunner
    from chc_desktop.gui.workspace.window import AssessmentWindow
    from chc_desktop.services import assessments, content, demo, profiles
    from chc_desktop.services.profile_files import ProfileLocation

    qapp = QApplication.instance() or QApplication([])
    location = ProfileLocation(tmp / "qa-home", "bench")
    demo.ensure_demo(location, PASSPHRASE, 10)
    profile = profiles.unlock(location, PASSPHRASE)
    runner = TaskRunner(synchronous=True)
    info = assessments.new(profile, "DEMO-0001", "dst")
    window = AssessmentWindow(profile, runner, content.load(), assessments.get(profile, info.id))
    window.show()
    qapp.processEvents()
    evidence = window.domain_pages["skin"].evidence
    ours = []
    for i in range(edits):
        start = time.perf_counter()
        evidence.insertPlainText(
            "x" if i % 2 else " "
        )  # one keystroke: the panel re-runs every rule
        qapp.processEvents()
        ours.append(time.perf_counter() - start)
    base = []
    for i in range(edits):
        start = time.perf_counter()
        evidence.blockSignals(True)
        evidence.insertPlainText("y" if i % 2 else " ")  # the same keystroke without QA
        evidence.blockSignals(False)
        qapp.processEvents()
        base.append(time.perf_counter() - start)
    window.close()
    runner.shutdown()
    profile.close()
    print(f"Live QA panel, full DST, {edits} keystrokes (median):")
    line(
        "keystroke with all rules re-run vs without",
        statistics.median(ours),
        statistics.median(base),
        "ms",
        "goal: update within 100 ms",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller data sets, fewer runs")
    args = parser.parse_args()
    big = 20_000 if args.quick else 100_000
    with tempfile.TemporaryDirectory(prefix="chc-bench-") as name:
        tmp = Path(name)
        bench_startup(tmp, 2_000 if args.quick else 10_000, 3 if args.quick else 7)
        bench_filter(tmp, big)
        bench_autosave(tmp, 30 if args.quick else 100)
        bench_live_qa(tmp, 40 if args.quick else 100)
        pack = bench_review_pdf(tmp, 5 if args.quick else 20)
        bench_verify(tmp, pack, 200 if args.quick else 1000, 3 if args.quick else 10)
        bench_import(tmp, big)
    return 0


if __name__ == "__main__":
    sys.exit(main())
