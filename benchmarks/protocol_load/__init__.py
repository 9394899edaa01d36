"""A load test that speaks Streamlit's own protocol: no browsers.

``python -m benchmarks.protocol_load --url http://127.0.0.1:8080/ --sessions 20 --seconds 60``
opens N sessions the way Streamlit's page does: an HTTP GET of the shared link (which sets the
proxy's affinity cookie), then a WebSocket to ``_stcore/stream`` carrying that cookie, and a
``BackMsg.rerun_script`` with the link's page and query string. Each session then, every few
seconds, changes a filter (a new value for one of the page's select boxes or radios, sent as
the widget's state in ``rerun_script``) or switches page (the page's script hash from the
``navigation`` message), and waits for ``script_finished``. It answers the data watcher's
``auto_rerun`` ticks as the browser does, so the server sees the same background work.

A WebSocket that closes (a replica gone) is reopened as the page does, with the same page and
query; the interaction in flight counts from its first send to its finish on the new
connection. A session is *dropped* when it cannot reconnect within ``RECONNECT_WITHIN``.

The report: interactions per second, p50 / p95 / max time to a finished run (all, and per
kind), errors (exception elements, page not found, runs that did not finish within
``RUN_TIMEOUT``), reconnects and dropped sessions. Loopback only; at most ``MAX_SESSIONS``
sessions for at most ``MAX_SECONDS``.
"""

MAX_SESSIONS = 300
MAX_SECONDS = 900
