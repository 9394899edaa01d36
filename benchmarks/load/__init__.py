"""Load test: browser sessions filter and switch pages while a YAML file is being edited.

    python -m benchmarks.load --sessions 4 --seconds 60

One server (``streamlit run dashboard/app.py`` on 127.0.0.1) serves a scratch copy of ``data/``
and ``seeds/``; one headless Chromium (Debian's ``/usr/bin/chromium``) opens ``--sessions``
browser contexts, and each loops until the time is up: open a shared link, change a filter,
switch pages through the sidebar. Meanwhile a writer rewrites ``data/sites/zhengzhou.yaml``
every 2.5 s by rename-over, renaming two sites at once to "<name> v<k>" (k = 1, 2, 3 ...);
every 5th version is first saved broken (one name already changed, a YAML syntax error) and
fixed a second later.

Each interaction is timed from the action to the app being idle again (script not running, no
skeleton, the page's title, the asked-for view in the URL and, where expected, the chart drawn
with the renamed sites, all of one version k), and must stay so for ``STEADY`` seconds. A
finished page whose renamed-site names carry different k for ``MIX_GRACE`` seconds is a mixed
state (a table drawn a moment after the script ended is not); no look may show a version never
saved valid. The page an interaction ends on must have its title and its renamed sites (else:
a partial page), must not be older than what the session saw before, and a link must show
what was saved before it was opened. A finished page that shows another view than the one
asked for (another page, a filter gone) is a lost view. Exception boxes, console and page
errors, dialogs, failed responses, server-log errors and requests leaving the machine
(aborted) are errors. Banners naming the edited file are counted.

The report (markdown) goes to ``benchmarks/results/load.md`` (with the server log and
screenshots of failed interactions) and is printed; the exit status is 1 when anything that
must not happen did. Bounded: at most 8 sessions and 600 seconds, loopback only; an
interaction still running ``OVERRUN`` seconds after the end is cut and counted as an error.

The parts: ``edits.py`` the scratch data and the writer, ``observe.py`` a look at a page and a
session's record, ``steps.py`` the interactions, ``interaction.py`` doing and timing one and
what a finished page must hold, ``drive.py`` the browser sessions, ``report.py`` the markdown,
``runner.py`` one run (``run_load``), ``__main__.py`` the command line.
"""

from benchmarks.load.edits import BREAK_EVERY, WRITE_EVERY
from benchmarks.load.report import Report
from benchmarks.load.runner import MAX_SECONDS, MAX_SESSIONS, run_load

__all__ = ["BREAK_EVERY", "MAX_SECONDS", "MAX_SESSIONS", "WRITE_EVERY", "Report", "run_load"]
