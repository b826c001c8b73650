"""`tariffs serve`: build the Dash app over a package folder and serve it with waitress."""

from __future__ import annotations

import ipaddress
import sys
from pathlib import Path

import dash
from dash import html

from dashboard import callbacks, layout
from dashboard.data import DashboardData, load_data
from dashboard.routes import register_routes

ASSETS = Path(__file__).parent / "assets"
INDEX = """<!DOCTYPE html>
<html lang="en">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        <footer>
            {%config%}
            {%scripts%}
            {%renderer%}
        </footer>
    </body>
</html>"""


def create_app(package_dir: str | Path, *, validate: bool = True) -> dash.Dash:
    """The dashboard over the package in *package_dir* (loaded now, validated once in the
    background). A missing or unreadable package still gives a working app with a banner."""
    data = load_data(package_dir, validate=validate)
    app = dash.Dash(
        __name__,
        title="tariff-ledger",
        update_title="",
        assets_folder=str(ASSETS),
        serve_locally=True,
        suppress_callback_exceptions=True,
        index_string=INDEX,
        meta_tags=[
            {"name": "viewport", "content": "width=device-width, initial-scale=1"},
            {
                "name": "description",
                "content": "Tariffs reported in the news, each figure linked to its sentence.",
            },
        ],
    )
    app.layout = layout.app_shell(data)
    app.validation_layout = html.Div(  # type: ignore[assignment]
        [
            layout.app_shell(data),
            layout.overview(data),
            layout.claims_page(data, ""),
            layout.facts_page(data),
            layout.data_page(data),
        ]
    )
    register_routes(app.server, data)
    callbacks.register(app, data)
    app.tariff_data = data  # type: ignore[attr-defined]
    return app


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def run_server(
    package_dir: Path, host: str = "127.0.0.1", port: int = 8050, debug: bool = False
) -> int:
    """Serve the dashboard; 0 on a clean stop, 1 if the server cannot start, 2 on bad options."""
    if debug and not is_loopback(host):
        print(
            f"tariffs serve: refusing --debug on {host}: debug mode runs Dash's development server "
            "with its debugger, which must never be reachable from other machines. Use "
            "--host 127.0.0.1 with --debug, or drop --debug.",
            file=sys.stderr,
        )
        return 2
    if not 0 < int(port) < 65536:
        print(f"tariffs serve: port {port} is not between 1 and 65535", file=sys.stderr)
        return 2
    app = create_app(package_dir)
    data: DashboardData = getattr(app, "tariff_data")  # noqa: B009
    if not data.ok:
        print(f"tariffs serve: warning: {data.error}\n  {data.hint}", file=sys.stderr)
    if not is_loopback(host):
        print(
            f"tariffs serve: note: listening on {host}, reachable from other machines",
            file=sys.stderr,
        )
    url_host = f"[{host}]" if ":" in host else host
    print(f"tariffs serve: dashboard at http://{url_host}:{port}/ (Ctrl+C to stop)", flush=True)
    try:
        if debug:
            app.run(host=host, port=int(port), debug=True)
        else:
            from waitress import serve

            serve(app.server, host=host, port=int(port), threads=8, ident="tariff-ledger")
    except OSError as exc:
        print(f"tariffs serve: cannot listen on {host}:{port} ({exc})", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    return 0


class BackgroundServer:
    """The app served by waitress in a daemon thread (tests, screenshots); ``close()`` stops it."""

    def __init__(self, app: dash.Dash, host: str = "127.0.0.1", port: int = 0) -> None:
        import threading

        from waitress.server import create_server

        self._server = create_server(app.server, host=host, port=port, threads=4)
        self.url = f"http://{host}:{self._server.effective_port}"
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.close()
